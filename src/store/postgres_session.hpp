#pragma once
//! PostgreSQL engine internals shared by postgres.cpp (the pool) and postgres_session.cpp (statements): a
//! connection with its prepared statements, the session that runs SQL on it, and error reporting.

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace motcua::store::pg {

//! Frees a libpq result.
struct ResultDeleter {
  //! PQclear.
  void operator()(PGresult* r) const { PQclear(r); }
};
//! An owned libpq result.
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

//! Closes a libpq connection.
struct ConnDeleter {
  //! PQfinish.
  void operator()(PGconn* c) const { PQfinish(c); }
};
//! An owned libpq connection.
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

//! `s` without trailing new lines and spaces.
std::string TrimEnd(std::string s);

//! Removes the password from every message that may reach a log.
class Redactor {
 public:
  //! Adds one secret to hide (empty ones are ignored).
  void Add(std::string secret);
  //! `message` with every secret replaced by "***".
  std::string operator()(std::string message) const;

 private:
  std::vector<std::string> secrets_;
};

//! The error kind of a SQLSTATE.
ErrorKind KindOfSqlstate(std::string_view sqlstate);

//! Throws the error a failed result carries: server message, SQLSTATE, kind and the statement (never its values).
[[noreturn]] void ThrowResultError(PGconn* conn, const PGresult* result, std::string_view sql, const Redactor& redact);

//! Runs `sql` without parameters and throws unless it succeeded.
ResultPtr ExecSimple(PGconn* conn, const char* sql, const Redactor& redact);

//! One open connection and the statements prepared on it; replaced whole when the connection is replaced.
class Connection {
 public:
  //! Takes `conn`, keeping at most `cache_size` prepared statements on it.
  Connection(ConnPtr conn, size_t cache_size) : conn_(std::move(conn)), statements_(cache_size) {}
  //! The libpq handle.
  PGconn* get() const { return conn_.get(); }
  //! Prepared statement names by parameter types and SQL text.
  StatementCache<std::string>& statements() { return statements_; }
  //! Prepared statement names by parameter types and SQL text.
  const StatementCache<std::string>& statements() const { return statements_; }
  //! A name no other prepared statement or cursor of this connection has.
  std::string NextName(std::string_view prefix) { return std::string(prefix) + std::to_string(++names_); }

 private:
  ConnPtr conn_;
  StatementCache<std::string> statements_;
  uint64_t names_ = 0;
};

//! An owned connection (null until opened).
using ConnectionPtr = std::unique_ptr<Connection>;

//! A unit of work on one connection; the transaction around it belongs to the caller.
class PostgresSession final : public Session {
 public:
  //! A session on `conn` fetching `cursor_batch_rows` rows at a time in Each.
  PostgresSession(Connection& conn, const Redactor& redact, int32_t cursor_batch_rows)
      : conn_(conn), redact_(redact), batch_rows_(cursor_batch_rows < 1 ? 1 : cursor_batch_rows) {}

  int64_t Exec(std::string_view sql, const Params& params) override;
  Rows Query(std::string_view sql, const Params& params) override;
  int64_t Each(std::string_view sql, const Params& params, const RowCallback& fn) override;
  void ExecScript(std::string_view sql) override;
  Engine engine() const override { return Engine::kPostgres; }
  size_t CachedStatements() const override { return conn_.statements().size(); }

 private:
  //! Runs one statement through a cached prepared statement; throws unless it succeeded.
  ResultPtr Run(std::string_view sql, const Params& params);

  Connection& conn_;
  const Redactor& redact_;
  int32_t batch_rows_;
};

}  // namespace motcua::store::pg
