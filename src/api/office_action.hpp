#pragma once
//! The bodies of the back-office API read strictly: POST /api/v1/dossiers/{id}/actions (and the `body` part of the
//! multipart POST /api/v1/dossiers/{id}/result) and the `body` part of POST /api/v1/dossiers/{id}/supplement. An
//! unknown key, a value of the wrong JSON type, an unknown action, a date that does not exist or an oversized text is
//! refused naming the key (answered 400); whether the values make sense for the dossier is the service's question.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <boost/json/object.hpp>

#include "domain/dates.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "service/back_office.hpp"

namespace motcua::api {

//! Most items one supplement request may list.
inline constexpr size_t kMaxSupplementItems = 50;
//! Longest text value of an action body (note, reason, label, number, recipient), in bytes.
inline constexpr size_t kMaxActionTextBytes = 4000;
//! Largest action body, in bytes.
inline constexpr uint64_t kMaxActionBodyBytes = uint64_t{64} * 1024;

//! The body of an action: `json_text` must be one JSON object with only the documented keys. kInvalid with one
//! field (the key at fault, e.g. "items[2].reason") and a Vietnamese message id when it is not. "supply" is refused
//! (the applicant answers through /supplement); the result file is never named here (it comes as a multipart part).
domain::Result<service::ActionInput> ParseActionBody(std::string_view json_text);

//! What the applicant sends with a supplement.
struct SupplyBody {
  int64_t version = 0;          //!< The dossier version the applicant saw.
  boost::json::object answers;  //!< Answers to merge (may be empty when only files are supplied).
};

//! The `body` part of a supplement: {"version": N, "answers": {…}} with nothing else; kInvalid as above.
domain::Result<SupplyBody> ParseSupplyBody(std::string_view json_text);

//! "2026-12-03T17:00:00+07:00", "2026-12-03T10:00Z" (seconds optional, an offset or Z required) as an instant;
//! nothing when it is not a real date and time.
std::optional<domain::Instant> ParseIsoDateTime(std::string_view text);
//! "YYYY-MM-DD" as a real date; nothing otherwise.
std::optional<domain::CivilDate> ParseIsoDate(std::string_view text);
//! `t` in Vietnam time with its offset, e.g. "2026-12-03T17:00:00+07:00" (whole seconds).
std::string VietnamIso(domain::Instant t);

}  // namespace motcua::api
