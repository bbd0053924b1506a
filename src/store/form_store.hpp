#pragma once
//! Versioned form definitions in the store (issue 9): a published version is never changed, so drafts pinned to it
//! keep working when a new one is published.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! One published version of a procedure's form.
struct FormVersionRecord {
  std::string procedure_code;  //!< The procedure.
  int32_t version = 0;         //!< 1, 2, …
  std::string definition;      //!< The JSON text.
  domain::Instant published_at;  //!< When.
  int64_t published_by = 0;    //!< The administrator (0: seeded or generic).
};

//! Version `version` of the form of `procedure_code`, if published.
std::optional<FormVersionRecord> FindFormVersion(Session& s, std::string_view procedure_code, int32_t version);
//! The newest version of the form of `procedure_code`, if any.
std::optional<FormVersionRecord> FindCurrentForm(Session& s, std::string_view procedure_code);
//! Every version of the form of `procedure_code`, newest first (definitions left empty).
std::vector<FormVersionRecord> ListFormVersions(Session& s, std::string_view procedure_code);
//! The number the next version of the form of `procedure_code` gets (1 for the first).
int32_t NextFormVersion(Session& s, std::string_view procedure_code);
//! Publishes `definition` as version `version` by `published_by` (0: nobody); a version already there makes the
//! job fail with kUniqueViolation (a concurrent publication took the number).
void InsertFormVersion(Session& s, std::string_view procedure_code, int32_t version, const std::string& definition,
                       domain::Instant now, int64_t published_by);
//! Publishes `definition` as version `version` unless that version exists; true when it was inserted.
bool InsertFormVersionIfAbsent(Session& s, std::string_view procedure_code, int32_t version,
                               const std::string& definition, domain::Instant now);
//! Procedure codes that have at least one published form version.
std::vector<std::string> ProceduresWithForms(Session& s);

}  // namespace motcua::store
