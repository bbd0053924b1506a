#pragma once
//! Versioned processing workflows in the store (issue 10): a published version is never changed, so dossiers pinned
//! to it keep their steps when a new one is published.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! One published version of a workflow.
struct WorkflowVersionRecord {
  std::string key;               //!< A procedure code or "default:<level>".
  int32_t version = 0;           //!< 1, 2, …
  std::string definition;        //!< The JSON text.
  domain::Instant published_at;  //!< When.
  int64_t published_by = 0;      //!< The administrator (0: the built-in default).
};

//! Version `version` of workflow `key`, if published.
std::optional<WorkflowVersionRecord> FindWorkflowVersion(Session& s, std::string_view key, int32_t version);
//! The newest version of workflow `key`, if any.
std::optional<WorkflowVersionRecord> FindCurrentWorkflow(Session& s, std::string_view key);
//! Every version of workflow `key`, newest first (definitions left empty).
std::vector<WorkflowVersionRecord> ListWorkflowVersions(Session& s, std::string_view key);
//! The number the next version of workflow `key` gets (1 for the first).
int32_t NextWorkflowVersion(Session& s, std::string_view key);
//! Publishes `definition` as version `version` of `key` by `published_by` (0: nobody); a version already there makes
//! the job fail with kUniqueViolation (a concurrent publication took the number).
void InsertWorkflowVersion(Session& s, std::string_view key, int32_t version, const std::string& definition,
                           domain::Instant now, int64_t published_by);
//! Publishes `definition` as version `version` of `key` unless that version exists (two nodes at once insert it
//! once); true when this call inserted it.
bool InsertWorkflowVersionIfAbsent(Session& s, std::string_view key, int32_t version, const std::string& definition,
                                   domain::Instant now);
//! Keys that have at least one published version, sorted.
std::vector<std::string> WorkflowKeys(Session& s);

}  // namespace motcua::store
