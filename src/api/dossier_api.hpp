#pragma once
//! JSON API of dossiers (hồ sơ) under /api/v1: a procedure's form, drafts, answers, attachments, filing, "mine",
//! one dossier, withdrawal and the account-free lookup. Thin adapters over service::Dossiers and FormLibrary.

#include <functional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "access/auth.hpp"
#include "domain/time.hpp"
#include "service/dossiers.hpp"

namespace motcua::api {

//! Translates the Vietnamese message id `msgid` into language `lang` ("vi" or "en").
using Translate = std::function<std::string(std::string_view lang, std::string_view msgid)>;

//! Largest JSON body of the dossier routes (answers of the biggest form fit many times over).
inline constexpr uint64_t kMaxDossierJsonBytes = uint64_t{256} * 1024;
//! Largest multipart body of one attachment request (several files of one document).
inline constexpr uint64_t kMaxAttachmentBodyBytes = uint64_t{52} * 1024 * 1024;
//! Longest Idempotency-Key accepted.
inline constexpr size_t kMaxIdempotencyKeyBytes = 128;

//! The language of an API answer: "en" when Accept-Language prefers English, else "vi".
std::string ApiLanguage(std::string_view accept_language);

//! The back-office view of filed dossier `code` as `actor` sees it, texts in `lang` (api/office_api.hpp makes one):
//! GET /api/v1/dossiers/{id} answers it for a filed dossier when the routes were given one.
using DossierDetail = std::function<domain::Result<boost::json::object>(const service::Actor& actor,
                                                                        std::string_view code, std::string_view lang)>;

//! The JSON of dossier `d` as GET /api/v1/dossiers/{id} shows a draft, texts in `lang`.
boost::json::object DossierObject(const service::Dossier& d, std::string_view lang, const Translate& translate);

//! Registers the dossier routes; `dossiers`, `forms`, `clock` (today, for checking a new draft's answers) and
//! `translate` outlive the routes. With `detail`, a filed dossier is shown with its back-office state.
void AddDossierApi(access::RouteTable& routes, service::Dossiers& dossiers, service::FormLibrary& forms,
                   const domain::Clock& clock, Translate translate, DossierDetail detail = {});

}  // namespace motcua::api
