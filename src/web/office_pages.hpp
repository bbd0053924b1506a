#pragma once
//! The one-stop back office pages (issue 10): the officers' inbox with its queues, counts and due marks, a dossier's
//! processing page with one form per action the officer may take, counter intake on a citizen's behalf; and the
//! citizen's side of it: the supplement request answered, the apology and the result on their dossier page.

#include <ctemplate/template.h>

#include <string_view>

#include "access/auth.hpp"
#include "service/accounts.hpp"
#include "service/back_office.hpp"
#include "service/dossiers.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! The services the back-office pages call.
struct OfficePageServices {
  service::BackOffice& office;          //!< Reception, processing, inboxes, results.
  service::Dossiers& dossiers;          //!< The shared dossier model (forms, answers, files).
  service::FormLibrary& forms;          //!< Form definitions.
  service::Accounts& accounts;          //!< Finding or creating the citizen at the counter.
  service::CatalogueHolder& catalogue;  //!< The catalogue (procedures, agencies).
};

//! The officers' pages under /can-bo/: inbox, a dossier's processing page and its actions, counter intake.
void AddOfficePages(access::RouteTable& routes, const Site& site, const OfficePageServices& services);
//! The citizen's supplement page (/ho-so/{id}/bo-sung) and the result download (/ho-so/{id}/ket-qua).
void AddSupplementPages(access::RouteTable& routes, const Site& site, const OfficePageServices& services);
//! Adds to the citizen's dossier page what the back office did (sections SUPPLEMENT, APOLOGIES, RESULT): the
//! open supplement request with every item and reason and the link to answer it, apologies with their new dates,
//! the result with its download link; `notice_key` (?tb=) "da-bo-sung" adds the notice of a supplement sent.
void AddOfficeView(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                   service::BackOffice& office, const service::Actor& actor, const service::Dossier& dossier,
                   std::string_view notice_key);

}  // namespace motcua::web
