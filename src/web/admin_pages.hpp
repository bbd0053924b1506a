#pragma once
//! What the administration pages share: their services, the status names and the role and agency selects. The
//! pages themselves are registered by AddAdminPages (web/account_pages.hpp).

#include <ctemplate/template.h>

#include <memory>
#include <string>
#include <string_view>

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

//! The page of one officer and its forms: roles, status, password reset, sessions, API tokens.
void AddOfficerAdminPages(access::RouteTable& routes, const Site& site, const std::shared_ptr<AdminServices>& services);

//! The open sessions and the audit journal.
void AddJournalPages(access::RouteTable& routes, const Site& site, const std::shared_ptr<AdminServices>& services);

}  // namespace motcua::web
