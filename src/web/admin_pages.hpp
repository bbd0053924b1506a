#pragma once
//! What the administration pages share: their services, the status names and the role and agency selects. The
//! pages themselves are registered by AddAdminPages (web/account_pages.hpp).

#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "access/auth.hpp"
#include "domain/policy.hpp"
#include "service/api_tokens.hpp"
#include "service/officers.hpp"
#include "service/sessions_admin.hpp"
#include "web/forms.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! The services behind the administration pages, shared by their handlers.
struct AdminServices {
  service::Officers officers;       //!< Officers, roles, status, passwords, sessions.
  service::ApiTokens tokens;        //!< API tokens.
  service::SessionsAdmin sessions;  //!< Every open session.
  store::Database& db;              //!< The journal search's store.
};

//! The translated name of an account status.
std::string StatusName(const Site& site, std::string_view lang, domain::AccountStatus status);

//! Adds include F_ROLE: the roles `p` may give, `chosen` selected, with the error of field vai_tro.
void AddRoleSelect(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                   const domain::Principal& p, const std::string& chosen, const FieldErrors& errors);

//! Adds include F_AGENCY: the agencies `p` administers, `chosen` selected, with the error of field co_quan.
void AddAgencySelect(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                     const domain::Catalogue& catalogue, const domain::Principal& p, const std::string& chosen,
                     const FieldErrors& errors);

//! A destructive action about to be done, as its confirmation page shows it (issue 8: the first click only asks).
struct Confirmation {
  std::string heading;                                      //!< What will be done, as a question.
  std::vector<std::pair<std::string, std::string>> facts;   //!< To whom: label and value rows.
  std::string warning;                                      //!< What will happen, in one or two sentences.
  std::string action;                                       //!< Where the confirming POST goes.
  std::vector<std::pair<std::string, std::string>> hidden;  //!< Form fields the POST repeats (name, value).
  std::string button;                                       //!< The confirming button's text.
  std::string back;                                         //!< Where "cancel" goes.
};

//! The form field a confirmation page adds to its POST; a POST without it shows the confirmation page instead.
inline constexpr std::string_view kConfirmationField = "xac_nhan";

//! True when the POST `req` comes from a confirmation page (it carries kConfirmationField = "1").
bool Confirmed(const http::Request& req);

//! The confirmation page of `c` (templates/office/confirm.tpl): GET shows it, its POST with CSRF does the action.
http::Response ConfirmPage(const Site& site, const http::Request& req, const Confirmation& c);

//! The page of one officer and its forms: roles, status, password reset, sessions, API tokens.
void AddOfficerAdminPages(access::RouteTable& routes, const Site& site, const std::shared_ptr<AdminServices>& services);

//! The open sessions and the audit journal.
void AddJournalPages(access::RouteTable& routes, const Site& site, const std::shared_ptr<AdminServices>& services);

}  // namespace motcua::web
