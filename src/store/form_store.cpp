#include "store/form_store.hpp"

namespace motcua::store {

namespace {

FormVersionRecord ReadForm(const Row& r) {
  constexpr size_t kPublishedAt = 3;
  constexpr size_t kPublishedBy = 4;
  return FormVersionRecord{r.Text(0), static_cast<int32_t>(r.Int(1)), r.Text(2),
                           domain::Instant::FromMicros(r.Int(kPublishedAt)), r.OptInt(kPublishedBy).value_or(0)};
}

std::optional<FormVersionRecord> FirstForm(const Rows& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadForm(rows[0]);
}

}  // namespace

std::optional<FormVersionRecord> FindFormVersion(Session& s, std::string_view procedure_code, int32_t version) {
  return FirstForm(s.Query(
      "SELECT procedure_code, version, definition, published_at, published_by FROM form_definitions "
      "WHERE procedure_code = ? AND version = ?",
      {std::string(procedure_code), int64_t{version}}));
}

std::optional<FormVersionRecord> FindCurrentForm(Session& s, std::string_view procedure_code) {
  return FirstForm(s.Query(
      "SELECT procedure_code, version, definition, published_at, published_by FROM form_definitions "
      "WHERE procedure_code = ? ORDER BY version DESC LIMIT 1",
      {std::string(procedure_code)}));
}

std::vector<FormVersionRecord> ListFormVersions(Session& s, std::string_view procedure_code) {
  const Rows rows = s.Query(
      "SELECT procedure_code, version, '', published_at, published_by FROM form_definitions "
      "WHERE procedure_code = ? ORDER BY version DESC",
      {std::string(procedure_code)});
  std::vector<FormVersionRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadForm(rows[i]));
  }
  return out;
}

int32_t NextFormVersion(Session& s, std::string_view procedure_code) {
  const Rows rows = s.Query("SELECT COALESCE(MAX(version), 0) FROM form_definitions WHERE procedure_code = ?",
                            {std::string(procedure_code)});
  return static_cast<int32_t>(rows[0].Int(0) + 1);
}

void InsertFormVersion(Session& s, std::string_view procedure_code, int32_t version, const std::string& definition,
                       domain::Instant now, int64_t published_by) {
  s.Exec(
      "INSERT INTO form_definitions (procedure_code, version, definition, published_at, published_by) "
      "VALUES (?, ?, ?, ?, ?)",
      {std::string(procedure_code), int64_t{version}, definition, now.micros,
       published_by != 0 ? Value{published_by} : Value{}});
}

bool InsertFormVersionIfAbsent(Session& s, std::string_view procedure_code, int32_t version,
                               const std::string& definition, domain::Instant now) {
  return s.Exec(
             "INSERT INTO form_definitions (procedure_code, version, definition, published_at, published_by) "
             "VALUES (?, ?, ?, ?, NULL) ON CONFLICT (procedure_code, version) DO NOTHING",
             {std::string(procedure_code), int64_t{version}, definition, now.micros}) > 0;
}

std::vector<std::string> ProceduresWithForms(Session& s) {
  const Rows rows = s.Query("SELECT DISTINCT procedure_code FROM form_definitions ORDER BY procedure_code");
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(rows[i].Text(0));
  }
  return out;
}

}  // namespace motcua::store
