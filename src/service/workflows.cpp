#include "service/workflows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "domain/messages.hpp"
#include "service/journal.hpp"
#include "store/account_store.hpp"
#include "store/workflow_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

constexpr const char* kNoSuchWorkflow = N_("Không tìm thấy quy trình này.");
constexpr const char* kNoSuchVersion = N_("Không tìm thấy phiên bản quy trình này.");
constexpr const char* kOnlyAdmins = N_("Chỉ quản trị hệ thống được đăng quy trình.");
constexpr const char* kPublishedMeanwhile = N_("Một phiên bản khác vừa được đăng cùng lúc. Hãy tải lại và thử lại.");
constexpr const char* kAlreadyHasOne = N_("Thủ tục này đã có quy trình riêng.");
constexpr std::string_view kDefaultPrefix = "default:";

//! The level of default workflow `key` ("default:commune"), if it is one.
std::optional<domain::Level> DefaultLevel(std::string_view key) {
  if (!key.starts_with(kDefaultPrefix)) {
    return std::nullopt;
  }
  return domain::ParseLevel(key.substr(kDefaultPrefix.size()));
}

//! The tier whose default applies to procedure `procedure` at agency `agency_code`: the agency's own level, else the
//! procedure's first tier, else the province.
domain::Level LevelOf(const domain::Catalogue& catalogue, const domain::Procedure* procedure,
                      std::string_view agency_code) {
  if (const domain::Agency* agency = catalogue.FindAgency(agency_code)) {
    return agency->level;
  }
  if (procedure != nullptr && !procedure->levels.empty()) {
    return procedure->levels.front();
  }
  return domain::Level::kProvince;
}

}  // namespace

Workflows::Workflows(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

domain::Workflow Workflows::Parsed(const std::string& key, int32_t version, const std::string& text) {
  const std::pair<std::string, int32_t> id{key, version};
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = parsed_.find(id); it != parsed_.end()) {
      return it->second;
    }
  }
  domain::Result<domain::Workflow> parsed = domain::ParseWorkflow(text);
  if (!parsed) {
    // Only checked workflows are stored: one that does not parse is a bug or a hand-edited table.
    throw std::runtime_error(fmt::format("workflow {} version {} in the store does not parse", key, version));
  }
  parsed->key = key;
  parsed->version = version;
  const std::lock_guard lock(mutex_);
  return parsed_.try_emplace(id, std::move(*parsed)).first->second;
}

domain::Workflow Workflows::Current(std::string_view procedure_code, std::string_view agency_code) {
  std::optional<store::WorkflowVersionRecord> current;
  if (!procedure_code.empty()) {
    db_.Read([&](store::Session& s) { current = store::FindCurrentWorkflow(s, procedure_code); });
  }
  if (current) {
    return Parsed(current->key, current->version, current->definition);
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Level level = LevelOf(*catalogue, catalogue->FindProcedure(procedure_code), agency_code);
  return CurrentDefault(level);
}

domain::Workflow Workflows::CurrentDefault(domain::Level level) {
  const std::string key = domain::DefaultWorkflowKey(level);
  std::optional<store::WorkflowVersionRecord> current;
  db_.Read([&](store::Session& s) { current = store::FindCurrentWorkflow(s, key); });
  if (!current) {
    // The built-in default is kept as version 1 the first time it is needed, so dossiers can pin it; two nodes at once
    // insert it once (ON CONFLICT DO NOTHING) and both read back the same row.
    domain::Workflow builtin = domain::DefaultWorkflow(level);
    builtin.version = 1;
    const std::string text = domain::ToJson(builtin);
    const domain::Instant now = clock_.Now();
    db_.Write([&](store::Session& s) {
      store::InsertWorkflowVersionIfAbsent(s, key, 1, text, now);
      current = store::FindCurrentWorkflow(s, key);
    });
  }
  return Parsed(current->key, current->version, current->definition);
}

domain::Result<domain::Workflow> Workflows::Version(std::string_view key, int32_t version) {
  const std::pair<std::string, int32_t> id{std::string(key), version};
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = parsed_.find(id); it != parsed_.end()) {
      return it->second;
    }
  }
  std::optional<store::WorkflowVersionRecord> stored;
  db_.Read([&](store::Session& s) { stored = store::FindWorkflowVersion(s, key, version); });
  if (!stored) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchVersion);
  }
  return Parsed(stored->key, stored->version, stored->definition);
}

std::vector<std::string> Workflows::Keys() {
  std::vector<std::string> keys;
  db_.Read([&](store::Session& s) { keys = store::WorkflowKeys(s); });
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<WorkflowVersionInfo> Workflows::Versions(std::string_view key) {
  std::vector<WorkflowVersionInfo> out;
  db_.Read([&](store::Session& s) {
    for (const store::WorkflowVersionRecord& r : store::ListWorkflowVersions(s, key)) {
      std::string who;
      if (r.published_by != 0) {
        const std::optional<domain::Account> account = store::FindAccount(s, r.published_by);
        who = account ? account->full_name : "#" + std::to_string(r.published_by);
      }
      out.push_back(WorkflowVersionInfo{r.version, r.published_at, std::move(who)});
    }
  });
  return out;
}

bool Workflows::KnownKey(std::string_view key) {
  if (DefaultLevel(key)) {
    return true;
  }
  return catalogue_.Get()->FindProcedure(key) != nullptr;
}

domain::Result<int32_t> Workflows::Publish(const Actor& actor, std::string_view key, std::string_view json_text) {
  if (!actor.principal.Has(domain::Role::kSystemAdmin)) {
    return Error::Of(ErrorKind::kForbidden, kOnlyAdmins);
  }
  if (!KnownKey(key)) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchWorkflow);
  }
  domain::Result<domain::Workflow> parsed = domain::ParseWorkflow(json_text);
  if (!parsed) {
    return parsed.error();
  }
  return Insert(actor, key, std::move(*parsed), std::nullopt);
}

domain::Result<int32_t> Workflows::StartForProcedure(const Actor& actor, std::string_view procedure_code) {
  if (!actor.principal.Has(domain::Role::kSystemAdmin)) {
    return Error::Of(ErrorKind::kForbidden, kOnlyAdmins);
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(procedure_code);
  if (procedure == nullptr) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchWorkflow);
  }
  domain::Workflow start = CurrentDefault(LevelOf(*catalogue, procedure, procedure->agency_code));
  start.name = "Quy trình " + procedure->code;
  return Insert(actor, procedure_code, std::move(start), 1);
}

domain::Result<int32_t> Workflows::Insert(const Actor& actor, std::string_view key, domain::Workflow workflow,
                                          std::optional<int32_t> only_version) {
  const domain::Instant now = clock_.Now();
  int32_t version = 0;
  bool taken = false;
  try {
    db_.Write([&](store::Session& s) {
      version = store::NextWorkflowVersion(s, key);
      if (only_version && version != *only_version) {
        taken = true;
        return;
      }
      workflow.key = std::string(key);
      workflow.version = version;
      store::InsertWorkflowVersion(s, key, version, domain::ToJson(workflow), now, actor.principal.user_id);
      Journal(s, actor,
              JournalEntry::Of("workflow.publish", "workflow", std::string(key),
                               Summary{}.Set("version", int64_t{version})));
    });
  } catch (const store::DatabaseError& e) {
    if (e.kind() != store::ErrorKind::kUniqueViolation) {
      throw;
    }
    return Error::Of(ErrorKind::kConflict, kPublishedMeanwhile);
  }
  if (taken) {
    return Error::Of(ErrorKind::kConflict, kAlreadyHasOne);
  }
  return version;
}

}  // namespace motcua::service
