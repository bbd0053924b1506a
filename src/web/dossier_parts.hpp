#pragma once
//! What the filing page files (dossier_pages.cpp, dossier_documents.cpp) share; included only by them.

#include <string>
#include <string_view>

#include "access/auth.hpp"
#include "domain/messages.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "service/dossiers.hpp"
#include "web/dossier_pages.hpp"
#include "web/forms.hpp"
#include "web/results.hpp"
#include "web/site.hpp"

namespace motcua::web::dossier {

using ctemplate::TemplateDictionary;
using domain::N_;
using http::Request;
using http::Response;

//! Largest body of an upload of documents (the multipart limits of the files, plus the form's text fields).
inline constexpr uint64_t kUploadBodyLimit = uint64_t{52} * 1024 * 1024;

//! "/ho-so/<id>", the root of a dossier's pages.
std::string DossierPath(int64_t id);
//! The dossier of path parameter {id} for the caller (kNotFound for anyone who may not see it).
domain::Result<service::Dossier> LoadDossier(FilingServices& s, const Request& req);
//! Where a dossier that may no longer be changed by its owner is shown (i9-track's dossier page), or "" while it
//! may still be changed.
std::string ClosedRedirect(const service::Dossier& dossier);
//! The procedure's name (its code when the catalogue no longer has it).
std::string ProcedureName(const Site& site, std::string_view code);
//! Adds the caption, back link and the dossier id shared by every draft page.
void AddDossierHeading(const Site& site, TemplateDictionary& d, const service::Dossier& dossier);
//! Adds errors whose fields are message ids, translated.
void AddTranslated(const Site& site, std::string_view lang, const std::vector<domain::FieldError>& in,
                   FieldErrors& out);
//! "1,2 MB" / "350 kB" for people.
std::string SizeText(int64_t bytes);

//! GET /ho-so/{id}/giay-to: the documents to attach, their files, and the upload form.
Response DocumentsPage(const Site& site, FilingServices& s, const Request& req);
//! POST /ho-so/{id}/giay-to (multipart): attaches the files chosen for each document.
Response UploadDocuments(const Site& site, FilingServices& s, const Request& req);
//! POST /ho-so/{id}/giay-to/{file}/xoa: removes one attached file.
Response RemoveDocument(const Site& site, FilingServices& s, const Request& req);

}  // namespace motcua::web::dossier
