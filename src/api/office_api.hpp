#pragma once
//! JSON API of the one-stop back office under /api/v1 (issue 10): the caller's inbox with the counts of every queue,
//! the back-office view of a filed dossier (national status code, version, clock, step, hand-offs, supplements,
//! result, and what the caller may do now), actions at the dossier's current version, the result with its PDF, its
//! download, and the applicant's supplement. Thin adapters over service::BackOffice; bodies are read strictly
//! (api/office_action.hpp).

#include <cstdint>
#include <string_view>

#include <boost/json/object.hpp>

#include "access/auth.hpp"
#include "api/dossier_api.hpp"
#include "service/back_office.hpp"

namespace motcua::api {

//! Largest multipart body of POST /api/v1/dossiers/{id}/result and /supplement (the result PDF, scans).
inline constexpr uint64_t kMaxOfficeUploadBytes = uint64_t{52} * 1024 * 1024;

//! The JSON of `d` as GET /api/v1/dossiers/{id} shows a filed dossier: DossierObject of it plus `status_code`,
//! `received_at`, `appointment`, `paused`, `step`, `assignee`, `supplements`, `handoffs`, `result`, `actions`…
//! (times in ISO 8601 with +07:00), texts in `lang`.
boost::json::object OfficeDossierObject(const service::OfficeDossier& d, std::string_view lang,
                                        const Translate& translate);

//! The detail hook of AddDossierApi: BackOffice::Get of the code, as OfficeDossierObject.
DossierDetail OfficeDetail(service::BackOffice& office, Translate translate);

//! Registers the back-office routes; `office` and `translate` outlive them.
void AddOfficeApi(access::RouteTable& routes, service::BackOffice& office, Translate translate);

}  // namespace motcua::api
