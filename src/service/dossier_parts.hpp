#pragma once
//! What the dossier operations (dossiers.cpp, dossier_filing.cpp, guidance.cpp) share: the JSON text of answers and
//! officer marks, and the common refusals. Internal to the service layer.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/dates.hpp"
#include "domain/result.hpp"
#include "store/database.hpp"

namespace motcua::service::dossier_parts {

//! The JSON object in `text` (answers), or an empty object when it is not one.
boost::json::object ParseObject(const std::string& text);
//! The strings of the JSON array in `text` (officer marks), or none.
std::vector<std::string> ParseIds(const std::string& text);
//! `ids` as a JSON array.
std::string IdsText(const std::vector<std::string>& ids);
//! The text answer `id`, or "" when absent or not text.
std::string TextAnswer(const boost::json::object& answers, std::string_view id);
//! The dossier is not there or not the actor's to see.
domain::Error NotFound();
//! The dossier may no longer be changed by its owner.
domain::Error NotEditable();
//! A kConflict with `message` (built out of line: GCC 12 misreads the copy of an inlined one into an optional as an
//! overread, -Wstringop-overread).
domain::Error Conflict(const char* message);
//! The next dossier code of `agency_code` on `day`, taken from the agency's daily sequence in the caller's write job
//! `s` (online filing and counter intake share it); nothing when the day's kMaxDailySequence numbers are used up.
std::optional<std::string> IssueDossierCode(store::Session& s, std::string_view agency_code, domain::CivilDate day);

}  // namespace motcua::service::dossier_parts
