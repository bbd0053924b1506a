#include "store/database.hpp"

#include <fmt/format.h>
#include <charconv>

#include "domain/messages.hpp"

namespace motcua::store {

std::string_view ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUniqueViolation:
      return "unique_violation";
    case ErrorKind::kForeignKeyViolation:
      return "foreign_key_violation";
    case ErrorKind::kConstraintViolation:
      return "constraint_violation";
    case ErrorKind::kSerializationFailure:
      return "serialization_failure";
    case ErrorKind::kDeadlock:
      return "deadlock";
    case ErrorKind::kTimeout:
      return "timeout";
    case ErrorKind::kBusy:
      return "busy";
    case ErrorKind::kOther:
      break;
  }
  return "other";
}

std::string Row::ColumnName(size_t i) const {
  if (columns_ != nullptr && i < columns_->size()) {
    return (*columns_)[i];
  }
  return fmt::format("#{}", i);
}

void Row::ThrowNull(size_t i, std::string_view as) const {
  throw DatabaseError(fmt::format("column {} is NULL, read as {}: read it with Opt{}", ColumnName(i), as, as));
}

std::string Row::Text(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    return *s;
  }
  if (const auto* n = std::get_if<int64_t>(&v)) {
    return std::to_string(*n);
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return fmt::format("{}", *d);
  }
  if (const auto* b = std::get_if<Blob>(&v)) {
    return {b->bytes.begin(), b->bytes.end()};
  }
  ThrowNull(i, "Text");
}

int64_t Row::Int(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) {
    return *n;
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return static_cast<int64_t>(*d);
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc() || ptr != s->data() + s->size()) {
      throw DatabaseError(fmt::format("column {} is not an integer", ColumnName(i)));
    }
    return out;
  }
  if (std::holds_alternative<Blob>(v)) {
    throw DatabaseError(fmt::format("column {} holds bytes, read as Int", ColumnName(i)));
  }
  ThrowNull(i, "Int");
}

double Row::Real(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* d = std::get_if<double>(&v)) {
    return *d;
  }
  if (const auto* n = std::get_if<int64_t>(&v)) {
    return static_cast<double>(*n);
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    double out = 0.0;
    const auto [ptr, ec] = std::from_chars(s->data(), s->data() + s->size(), out);
    if (ec != std::errc() || ptr != s->data() + s->size()) {
      throw DatabaseError(fmt::format("column {} is not a number", ColumnName(i)));
    }
    return out;
  }
  if (std::holds_alternative<Blob>(v)) {
    throw DatabaseError(fmt::format("column {} holds bytes, read as Real", ColumnName(i)));
  }
  ThrowNull(i, "Real");
}

Blob Row::Bytes(size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* b = std::get_if<Blob>(&v)) {
    return *b;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    return Blob{std::vector<uint8_t>(s->begin(), s->end())};
  }
  if (IsNull(i)) {
    ThrowNull(i, "Bytes");
  }
  throw DatabaseError(fmt::format("column {} is a number, read as Bytes", ColumnName(i)));
}

std::optional<std::string> Row::OptText(size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Text(i);
}

std::optional<int64_t> Row::OptInt(size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Int(i);
}

std::optional<double> Row::OptReal(size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Real(i);
}

std::optional<Blob> Row::OptBytes(size_t i) const {
  if (IsNull(i)) {
    return std::nullopt;
  }
  return Bytes(i);
}

bool IsPostgresUrl(std::string_view url) { return url.starts_with("postgresql://") || url.starts_with("postgres://"); }

std::unique_ptr<Database> OpenDatabase(const std::string& url, const DatabaseOptions& options) {
  if (IsPostgresUrl(url)) {
    return OpenPostgres(url, options);
  }
  std::string path = url;
  if (path.starts_with("sqlite://")) {
    path = path.substr(std::string_view("sqlite://").size());
  }
  return OpenSqlite(path, options);
}

std::string ToPostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int32_t n = 0;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      const size_t end = sql.find("*/", i + 2);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 2;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
      continue;
    }
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
      continue;
    }
    out += c;
  }
  return out;
}

namespace {

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

std::string AdaptSchema(std::string_view sql, Engine engine) {
  std::string out(sql);
  const bool pg = engine == Engine::kPostgres;
  ReplaceAll(out, "@ID@", pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY");
  ReplaceAll(out, "@NOW@",
             pg ? "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                : "strftime('%Y-%m-%dT%H:%M:%SZ','now')");
  ReplaceAll(out, "@BLOB@", pg ? "BYTEA" : "BLOB");
  return out;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value(std::monostate{}) : Value(s); }

Value OrNull(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(std::monostate{}); }

Value OrNull(const std::optional<double>& v) { return v ? Value(*v) : Value(std::monostate{}); }

Value OrNull(const std::optional<std::string>& v) { return v ? Value(*v) : Value(std::monostate{}); }

domain::Result<domain::Done> UpdateVersioned(Session& s, std::string_view table, int64_t id, int64_t expected_version,
                                             std::string_view set_sql, Params params) {
  params.emplace_back(id);
  params.emplace_back(expected_version);
  const std::string sql =
      fmt::format("UPDATE {} SET {}, version = version + 1 WHERE id = ? AND version = ?", table, set_sql);
  if (s.Exec(sql, params) == 0) {
    return domain::Error::Of(domain::ErrorKind::kConflict,
                             domain::N_("Dữ liệu đã được người khác thay đổi, hãy tải lại"));
  }
  return domain::Done{};
}

std::optional<std::string> ReadMeta(Session& s, std::string_view key) {
  const Rows rows = s.Query("SELECT value FROM meta WHERE key = ?", {std::string(key)});
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows[0].Text(0);
}

}  // namespace motcua::store
