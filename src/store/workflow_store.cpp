#include "store/workflow_store.hpp"

#include <algorithm>

namespace motcua::store {

namespace {

WorkflowVersionRecord ReadWorkflow(const Row& r) {
  constexpr size_t kPublishedAt = 3;
  constexpr size_t kPublishedBy = 4;
  return WorkflowVersionRecord{r.Text(0), static_cast<int32_t>(r.Int(1)), r.Text(2),
                               domain::Instant::FromMicros(r.Int(kPublishedAt)), r.OptInt(kPublishedBy).value_or(0)};
}

std::optional<WorkflowVersionRecord> FirstWorkflow(const Rows& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadWorkflow(rows[0]);
}

}  // namespace

std::optional<WorkflowVersionRecord> FindWorkflowVersion(Session& s, std::string_view key, int32_t version) {
  return FirstWorkflow(
      s.Query("SELECT key, version, definition, published_at, published_by FROM workflow_definitions "
              "WHERE key = ? AND version = ?",
              {std::string(key), int64_t{version}}));
}

std::optional<WorkflowVersionRecord> FindCurrentWorkflow(Session& s, std::string_view key) {
  return FirstWorkflow(
      s.Query("SELECT key, version, definition, published_at, published_by FROM workflow_definitions "
              "WHERE key = ? ORDER BY version DESC LIMIT 1",
              {std::string(key)}));
}

std::vector<WorkflowVersionRecord> ListWorkflowVersions(Session& s, std::string_view key) {
  const Rows rows = s.Query(
      "SELECT key, version, '', published_at, published_by FROM workflow_definitions "
      "WHERE key = ? ORDER BY version DESC",
      {std::string(key)});
  std::vector<WorkflowVersionRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadWorkflow(rows[i]));
  }
  return out;
}

int32_t NextWorkflowVersion(Session& s, std::string_view key) {
  const Rows rows =
      s.Query("SELECT COALESCE(MAX(version), 0) FROM workflow_definitions WHERE key = ?", {std::string(key)});
  return static_cast<int32_t>(rows[0].Int(0) + 1);
}

void InsertWorkflowVersion(Session& s, std::string_view key, int32_t version, const std::string& definition,
                           domain::Instant now, int64_t published_by) {
  s.Exec(
      "INSERT INTO workflow_definitions (key, version, definition, published_at, published_by) "
      "VALUES (?, ?, ?, ?, ?)",
      {std::string(key), int64_t{version}, definition, now.micros, published_by != 0 ? Value{published_by} : Value{}});
}

bool InsertWorkflowVersionIfAbsent(Session& s, std::string_view key, int32_t version, const std::string& definition,
                                   domain::Instant now) {
  return s.Exec(
             "INSERT INTO workflow_definitions (key, version, definition, published_at, published_by) "
             "VALUES (?, ?, ?, ?, NULL) ON CONFLICT (key, version) DO NOTHING",
             {std::string(key), int64_t{version}, definition, now.micros}) > 0;
}

std::vector<std::string> WorkflowKeys(Session& s) {
  const Rows rows = s.Query("SELECT DISTINCT key FROM workflow_definitions ORDER BY key");
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(rows[i].Text(0));
  }
  std::sort(out.begin(), out.end());  // byte order on every engine, whatever the database's collation
  return out;
}

}  // namespace motcua::store
