#pragma once
//! Processing workflows as versioned data in the database: the published versions per procedure (or per level,
//! the defaults), the version a dossier is pinned to, and the administrators' edits (refused when invalid).

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "domain/workflow.hpp"
#include "service/actor.hpp"
#include "service/catalogue.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! One published version, for the admin page's history.
struct WorkflowVersionInfo {
  int32_t version = 0;           //!< Its number.
  domain::Instant published_at;  //!< When.
  std::string published_by;      //!< Who ("" for the built-in default).
};

//! The workflow library (a published version never changes, so parsed versions are cached).
class Workflows {
 public:
  //! Reads and writes workflows in `db`. All outlive this.
  Workflows(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue);
  //! The workflow a new dossier of `procedure_code` at agency `agency_code` starts on: the newest version published
  //! for the procedure, else the newest of the agency level's default ("default:<level>"), else the built-in default
  //! (published as version 1 of "default:<level>" the first time it is needed, so dossiers can pin it).
  domain::Workflow Current(std::string_view procedure_code, std::string_view agency_code);
  //! Version `version` of workflow `key` (kNotFound when there is none): what a pinned dossier follows.
  domain::Result<domain::Workflow> Version(std::string_view key, int32_t version);
  //! Every key that has a published version ("default:commune", "1.001193", …), sorted.
  std::vector<std::string> Keys();
  //! Published versions of `key`, newest first.
  std::vector<WorkflowVersionInfo> Versions(std::string_view key);
  //! Checks `json_text` (domain::ParseWorkflow; kInvalid with its faults) and publishes it as the next version of
  //! `key` (system administrators; kForbidden otherwise), journaled; returns the new version.
  domain::Result<int32_t> Publish(const Actor& actor, std::string_view key, std::string_view json_text);
  //! The newest version of the default workflow of `level` (the built-in one, stored as version 1, when none is).
  domain::Workflow CurrentDefault(domain::Level level);
  //! Starts a workflow of its own for `procedure_code` from the current default of its level, published as its
  //! version 1 (system administrators; kConflict when it has one already, kNotFound for an unknown procedure).
  domain::Result<int32_t> StartForProcedure(const Actor& actor, std::string_view procedure_code);
  //! True when `key` may have a workflow: "default:<level>" or a procedure of the catalogue.
  bool KnownKey(std::string_view key);

 private:
  //! Stored text `text` of (key, version), parsed once and cached.
  domain::Workflow Parsed(const std::string& key, int32_t version, const std::string& text);
  //! Publishes `workflow` as the next version of `key` (only when that is `only_version`, if given), journaled.
  domain::Result<int32_t> Insert(const Actor& actor, std::string_view key, domain::Workflow workflow,
                                 std::optional<int32_t> only_version);

  store::Database& db_;
  const domain::Clock& clock_;
  CatalogueHolder& catalogue_;
  std::mutex mutex_;                                                    // guards parsed_
  std::map<std::pair<std::string, int32_t>, domain::Workflow> parsed_;  // (key, version) → workflow
};

}  // namespace motcua::service
