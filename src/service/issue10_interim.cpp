//! INTERIM (i10-core only): an in-memory stand-in for service::Workflows (i10-flow), so that the back office links and its tests run before those services are ready. Deleted when they are
//! merged into i10-core; never merge this file elsewhere.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <mutex>

#include "domain/messages.hpp"
#include "domain/processing.hpp"
#include "domain/workflow.hpp"
#include "service/permission.hpp"
#include "service/workflows.hpp"

namespace motcua::service {

Workflows::Workflows(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

domain::Workflow Workflows::Current(std::string_view procedure_code, std::string_view agency_code) {
  const std::lock_guard lock(mutex_);
  const domain::Workflow* best = nullptr;
  for (const auto& [key, wf] : parsed_) {
    if (key.first == procedure_code) {
      best = &wf;
    }
  }
  if (best != nullptr) {
    return *best;
  }
  const domain::Agency* agency = catalogue_.Get()->FindAgency(agency_code);
  const domain::Level level = agency != nullptr ? agency->level : domain::Level::kCommune;
  const std::string key = domain::DefaultWorkflowKey(level);
  for (const auto& [k, wf] : parsed_) {
    if (k.first == key) {
      best = &wf;
    }
  }
  if (best != nullptr) {
    return *best;
  }
  domain::Workflow wf = domain::DefaultWorkflow(level);
  wf.version = 1;
  parsed_[{key, 1}] = wf;
  return wf;
}

domain::Result<domain::Workflow> Workflows::Version(std::string_view key, int32_t version) {
  const std::lock_guard lock(mutex_);
  const auto it = parsed_.find({std::string(key), version});
  if (it == parsed_.end()) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, "workflow");
  }
  return it->second;
}

std::vector<std::string> Workflows::Keys() {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [key, wf] : parsed_) {
    if (out.empty() || out.back() != key.first) {
      out.push_back(key.first);
    }
  }
  return out;
}

std::vector<WorkflowVersionInfo> Workflows::Versions(std::string_view key) {
  const std::lock_guard lock(mutex_);
  std::vector<WorkflowVersionInfo> out;
  for (const auto& [k, wf] : parsed_) {
    if (k.first == key) {
      out.insert(out.begin(), WorkflowVersionInfo{k.second, clock_.Now(), ""});
    }
  }
  return out;
}

domain::Result<int32_t> Workflows::Publish(const Actor& actor, std::string_view key, std::string_view json_text) {
  if (!actor.principal.Has(domain::Role::kSystemAdmin)) {
    return domain::Error::Of(domain::ErrorKind::kForbidden, "interim");
  }
  domain::Result<domain::Workflow> wf = domain::ParseWorkflow(json_text);
  if (!wf) {
    return wf.error();
  }
  const std::lock_guard lock(mutex_);
  int32_t version = 1;
  for (const auto& [k, existing] : parsed_) {
    if (k.first == key) {
      version = k.second + 1;
    }
  }
  wf->key = std::string(key);
  wf->version = version;
  parsed_[{std::string(key), version}] = *wf;
  return version;
}

}  // namespace motcua::service
