//! PostgreSQL statements: prepared and cached per connection, typed parameters (bytea in binary format), result
//! values, server-side cursors and SQLSTATE error kinds.

#include "store/postgres_session.hpp"

#include <charconv>
#include <utility>

#include <fmt/format.h>

namespace motcua::store::pg {

namespace {

// Built-in type OIDs are fixed by PostgreSQL (src/include/catalog/pg_type.dat).
constexpr Oid kUnknownOid = 0;  // Let the server infer the parameter type from its context.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr int kTextFormat = 0;
constexpr int kBinaryFormat = 1;
constexpr size_t kMaxSqlInMessage = 200;
constexpr std::string_view kStatementPrefix = "motcua_s";
constexpr std::string_view kCursorPrefix = "motcua_c";

//! A non-null pointer for an empty bytea parameter (a null pointer would mean SQL NULL).
constexpr char kNoBytes[1] = {0};

std::string ShortSql(std::string_view sql) {
  if (sql.size() <= kMaxSqlInMessage) {
    return std::string(sql);
  }
  return std::string(sql.substr(0, kMaxSqlInMessage)) + "…";
}

Value ToValue(const char* text, int length, Oid type) {
  const char* end = text + length;
  switch (type) {
    case kInt2Oid:
    case kInt4Oid:
    case kInt8Oid: {
      int64_t n = 0;
      const auto [ptr, ec] = std::from_chars(text, end, n);
      if (ec == std::errc() && ptr == end) {
        return n;
      }
      break;
    }
    case kFloat4Oid:
    case kFloat8Oid:
    case kNumericOid: {
      double d = 0.0;
      const auto [ptr, ec] = std::from_chars(text, end, d);
      if (ec == std::errc() && ptr == end) {
        return d;
      }
      break;
    }
    case kBoolOid:
      return int64_t{length > 0 && text[0] == 't' ? 1 : 0};
    case kByteaOid: {
      size_t size = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &size);
      if (raw == nullptr) {
        throw DatabaseError("postgresql: out of memory while reading bytea");
      }
      Blob blob{std::vector<uint8_t>(raw, raw + size)};
      PQfreemem(raw);
      return blob;
    }
    default:
      break;
  }
  return std::string(text, static_cast<size_t>(length));
}

std::vector<std::string> ColumnNames(const PGresult* result) {
  const int fields = PQnfields(result);
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(fields));
  for (int f = 0; f < fields; ++f) {
    names.emplace_back(PQfname(result, f));
  }
  return names;
}

std::vector<Value> RowValues(const PGresult* result, int t) {
  const int fields = PQnfields(result);
  std::vector<Value> row;
  row.reserve(static_cast<size_t>(fields));
  for (int f = 0; f < fields; ++f) {
    if (PQgetisnull(result, t, f) != 0) {
      row.emplace_back(std::monostate{});
    } else {
      row.push_back(ToValue(PQgetvalue(result, t, f), PQgetlength(result, t, f), PQftype(result, f)));
    }
  }
  return row;
}

Rows ToRows(const PGresult* result) {
  Rows rows;
  rows.columns = ColumnNames(result);
  const int tuples = PQntuples(result);
  rows.values.reserve(static_cast<size_t>(tuples));
  for (int t = 0; t < tuples; ++t) {
    rows.values.push_back(RowValues(result, t));
  }
  return rows;
}

//! The parameters of one statement as libpq takes them. Integers and reals are typed so that `SELECT ?` and
//! arithmetic keep their type; bytes go in binary format; NULL and text are left to the server, which infers
//! them from the column or operator they meet.
struct BoundParams {
  explicit BoundParams(const Params& params)
      : texts(params.size()),
        values(params.size(), nullptr),
        lengths(params.size(), 0),
        formats(params.size(), kTextFormat),
        types(params.size(), kUnknownOid) {
    signature.reserve(params.size() + 1);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        texts[i] = std::to_string(*n);
        types[i] = kInt8Oid;
        signature += 'i';
      } else if (const auto* d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{:.17g}", *d);
        types[i] = kFloat8Oid;
        signature += 'r';
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
        signature += 't';
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        values[i] = b->bytes.empty() ? kNoBytes : reinterpret_cast<const char*>(b->bytes.data());
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = kBinaryFormat;
        types[i] = kByteaOid;
        signature += 'b';
        continue;
      } else {
        signature += 'n';
        continue;
      }
      values[i] = texts[i].c_str();
    }
    signature += '|';
  }

  //! How many parameters.
  int count() const { return static_cast<int>(values.size()); }

  std::vector<std::string> texts;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<Oid> types;
  std::string signature;  // One letter per parameter type: a statement is prepared once per signature.
};

//! Throws unless `result` is a success of a statement (rows or none).
void CheckResult(PGconn* conn, const ResultPtr& result, std::string_view sql, const Redactor& redact) {
  const ExecStatusType status = PQresultStatus(result.get());
  if (result == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
    ThrowResultError(conn, result.get(), sql, redact);
  }
}

//! Closes a cursor when Each ends, however it ends; a failed transaction closes it at its end anyway.
class CursorCloser {
 public:
  CursorCloser(PGconn* conn, std::string name) : conn_(conn), name_(std::move(name)) {}
  CursorCloser(const CursorCloser&) = delete;
  CursorCloser& operator=(const CursorCloser&) = delete;
  ~CursorCloser() {
    if (PQtransactionStatus(conn_) == PQTRANS_INTRANS) {
      const ResultPtr ignored(PQexec(conn_, ("CLOSE " + name_).c_str()));
    }
  }

 private:
  PGconn* conn_;
  std::string name_;
};

}  // namespace

std::string TrimEnd(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

void Redactor::Add(std::string secret) {
  if (!secret.empty()) {
    secrets_.push_back(std::move(secret));
  }
}

std::string Redactor::operator()(std::string message) const {
  for (const std::string& secret : secrets_) {
    size_t pos = 0;
    while ((pos = message.find(secret, pos)) != std::string::npos) {
      message.replace(pos, secret.size(), "***");
      pos += 3;
    }
  }
  return message;
}

ErrorKind KindOfSqlstate(std::string_view sqlstate) {
  if (sqlstate == "23505") {
    return ErrorKind::kUniqueViolation;
  }
  if (sqlstate == "23503") {
    return ErrorKind::kForeignKeyViolation;
  }
  if (sqlstate == "23502" || sqlstate == "23514") {
    return ErrorKind::kConstraintViolation;
  }
  if (sqlstate == "40001") {
    return ErrorKind::kSerializationFailure;
  }
  if (sqlstate == "40P01") {
    return ErrorKind::kDeadlock;
  }
  if (sqlstate == "57014" || sqlstate == "55P03") {
    return ErrorKind::kTimeout;
  }
  return ErrorKind::kOther;
}

void ThrowResultError(PGconn* conn, const PGresult* result, std::string_view sql, const Redactor& redact) {
  std::string message;
  std::string sqlstate;
  if (result != nullptr) {
    const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    message = primary != nullptr ? primary : TrimEnd(PQresultErrorMessage(result));
    sqlstate = state != nullptr ? state : "";
  }
  if (message.empty()) {
    message = TrimEnd(PQerrorMessage(conn));
  }
  if (message.empty() && result != nullptr) {
    message = fmt::format("unexpected result {}", PQresStatus(PQresultStatus(result)));
  }
  throw DatabaseError(redact(fmt::format("postgresql: {} (SQLSTATE {}) in: {}", message,
                                         sqlstate.empty() ? "none" : sqlstate, ShortSql(sql))),
                      KindOfSqlstate(sqlstate));
}

ResultPtr ExecSimple(PGconn* conn, const char* sql, const Redactor& redact) {
  ResultPtr result(PQexec(conn, sql));
  const ExecStatusType status = PQresultStatus(result.get());
  if (result == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)) {
    ThrowResultError(conn, result.get(), sql, redact);
  }
  return result;
}

int64_t PostgresSession::Exec(std::string_view sql, const Params& params) {
  const ResultPtr result = Run(sql, params);
  int64_t changed = 0;
  const std::string_view tuples = PQcmdTuples(result.get());
  std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
  return changed;
}

Rows PostgresSession::Query(std::string_view sql, const Params& params) { return ToRows(Run(sql, params).get()); }

void PostgresSession::ExecScript(std::string_view sql) { ExecSimple(conn_.get(), std::string(sql).c_str(), redact_); }

int64_t PostgresSession::Each(std::string_view sql, const Params& params, const RowCallback& fn) {
  // A server-side cursor: memory holds one batch, and `fn` may use this session between batches.
  const std::string name = conn_.NextName(kCursorPrefix);
  const std::string declare = fmt::format("DECLARE {} NO SCROLL CURSOR FOR {}", name, ToPostgresPlaceholders(sql));
  const BoundParams bound(params);
  {
    const ResultPtr result(PQexecParams(conn_.get(), declare.c_str(), bound.count(), bound.types.data(),
                                        bound.values.data(), bound.lengths.data(), bound.formats.data(), kTextFormat));
    CheckResult(conn_.get(), result, declare, redact_);
  }
  const CursorCloser closer(conn_.get(), name);
  const std::string fetch = fmt::format("FETCH FORWARD {} FROM {}", batch_rows_, name);
  int64_t count = 0;
  for (;;) {
    const ResultPtr batch = ExecSimple(conn_.get(), fetch.c_str(), redact_);
    const std::vector<std::string> columns = ColumnNames(batch.get());
    const int tuples = PQntuples(batch.get());
    for (int t = 0; t < tuples; ++t) {
      const std::vector<Value> values = RowValues(batch.get(), t);
      ++count;
      if (fn(Row(values, &columns)) == Next::kStop) {
        return count;
      }
    }
    if (tuples < batch_rows_) {
      return count;
    }
  }
}

ResultPtr PostgresSession::Run(std::string_view sql, const Params& params) {
  const std::string text = ToPostgresPlaceholders(sql);
  const BoundParams bound(params);
  const std::string key = bound.signature + text;
  StatementCache<std::string>& cache = conn_.statements();
  const std::string* cached = cache.Find(key);
  std::string name;
  if (cached != nullptr) {
    name = *cached;
  } else {
    name = conn_.NextName(kStatementPrefix);
    const ResultPtr prepared(PQprepare(conn_.get(), name.c_str(), text.c_str(), bound.count(), bound.types.data()));
    CheckResult(conn_.get(), prepared, text, redact_);
    // Prepared statements outlive transactions, so one prepared in a job that fails stays valid and cached.
    const std::optional<std::string> evicted = cache.Put(key, name);
    if (evicted) {
      ExecSimple(conn_.get(), ("DEALLOCATE " + *evicted).c_str(), redact_);
    }
  }
  ResultPtr result(PQexecPrepared(conn_.get(), name.c_str(), bound.count(), bound.values.data(), bound.lengths.data(),
                                  bound.formats.data(), kTextFormat));
  CheckResult(conn_.get(), result, text, redact_);
  return result;
}

}  // namespace motcua::store::pg
