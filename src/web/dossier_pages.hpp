#pragma once
//! The citizen's filing path (issue 9): start page, one page of questions at a time, the task list, documents,
//! check your answers with the declaration, and the confirmation. Thin handlers over service::Dossiers.

#include "access/auth.hpp"
#include "service/accounts.hpp"
#include "service/catalogue.hpp"
#include "service/dossiers.hpp"
#include "service/file_store.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! What the filing pages use; every member outlives the routes.
struct FilingServices {
  service::Dossiers& dossiers;          //!< Dossier operations.
  service::FormLibrary& forms;          //!< Form definitions (the start page shows the current one).
  service::CatalogueHolder& catalogue;  //!< Administrative units for the address questions.
  service::FileStore& files;            //!< Where uploads are spooled before they are attached.
  service::Accounts& accounts;          //!< The organisations a citizen represents (start page).
};

//! Registers the filing path: /nop-ho-so/{code} and the draft pages under /ho-so/{id}/….
void AddDossierPages(access::RouteTable& routes, const Site& site, const FilingServices& services);

}  // namespace motcua::web
