#pragma once
//! Engine-neutral SQL access: the one place where SQLite and PostgreSQL differ.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/result.hpp"

namespace motcua::store {

//! A byte string: bound as BLOB on SQLite and bytea (binary format) on PostgreSQL, read back exactly.
struct Blob {
  std::vector<uint8_t> bytes;  //!< The bytes, any values, possibly none.
  //! Equal when the bytes are.
  bool operator==(const Blob&) const = default;
};

//! A SQL parameter or column value: NULL, integer, real, text or bytes.
using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

//! Parameters of one statement, bound in order to its `?` placeholders.
using Params = std::vector<Value>;

//! What kind of failure a DatabaseError is, so that callers decide on the kind, never on the message text.
enum class ErrorKind {
  kOther,            //!< Anything else (syntax, connection lost, misuse).
  kUniqueViolation,  //!< A UNIQUE or PRIMARY KEY constraint (PostgreSQL 23505, SQLite CONSTRAINT_UNIQUE/_PRIMARYKEY).
  kForeignKeyViolation,   //!< A FOREIGN KEY constraint (PostgreSQL 23503, SQLite CONSTRAINT_FOREIGNKEY).
  kConstraintViolation,   //!< A NOT NULL or CHECK constraint (PostgreSQL 23502/23514, SQLite _NOTNULL/_CHECK).
  kSerializationFailure,  //!< PostgreSQL 40001: the transaction could not be serialised; running it again may work.
  kDeadlock,              //!< PostgreSQL 40P01: the server broke a deadlock; running it again may work.
  kTimeout,  //!< Statement or lock timeout (PostgreSQL 57014/55P03, SQLite INTERRUPT) or the pool wait ran out.
  kBusy,     //!< SQLite BUSY or LOCKED: another connection held the lock beyond busy_timeout_ms.
};

//! The kind's name for logs and test messages ("unique_violation", …).
std::string_view ErrorKindName(ErrorKind kind);

//! Raised for any database failure; the message is for logs, never for users. `kind()` says what failed.
class DatabaseError : public std::runtime_error {
 public:
  //! A failure of `kind` described by `message`.
  explicit DatabaseError(const std::string& message, ErrorKind kind = ErrorKind::kOther)
      : std::runtime_error(message), kind_(kind) {}
  //! What failed.
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

//! One row of a query result, read by column index. Reading NULL through Text, Int, Real or Bytes throws a
//! DatabaseError naming the column: a nullable column is read with OptText, OptInt, OptReal or OptBytes.
class Row {
 public:
  //! Wraps the values of one row; `columns` (may be null) names them in errors.
  explicit Row(const std::vector<Value>& values, const std::vector<std::string>* columns = nullptr)
      : values_(values), columns_(columns) {}
  //! True when column `i` is NULL.
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  //! Column `i` as text (numbers formatted); throws on NULL.
  std::string Text(size_t i) const;
  //! Column `i` as an integer (text is parsed); throws on NULL.
  int64_t Int(size_t i) const;
  //! Column `i` as a real number; throws on NULL.
  double Real(size_t i) const;
  //! Column `i` as bytes (text gives its bytes); throws on NULL.
  Blob Bytes(size_t i) const;
  //! Column `i`, or nothing when NULL.
  std::optional<std::string> OptText(size_t i) const;
  //! Column `i` as an integer, or nothing when NULL.
  std::optional<int64_t> OptInt(size_t i) const;
  //! Column `i` as a real number, or nothing when NULL.
  std::optional<double> OptReal(size_t i) const;
  //! Column `i` as bytes, or nothing when NULL.
  std::optional<Blob> OptBytes(size_t i) const;
  //! Number of columns.
  size_t size() const { return values_.size(); }
  //! The raw value of column `i`.
  const Value& value(size_t i) const { return values_.at(i); }

 private:
  //! The name of column `i` for messages ("#i" when unknown).
  std::string ColumnName(size_t i) const;
  //! Throws the error for reading NULL from column `i` as a non-null type.
  [[noreturn]] void ThrowNull(size_t i, std::string_view as) const;

  const std::vector<Value>& values_;
  const std::vector<std::string>* columns_;
};

//! All rows a query returned, in order.
struct Rows {
  std::vector<std::string> columns;        //!< Column names in select order.
  std::vector<std::vector<Value>> values;  //!< One vector of column values per row.
  //! Number of rows.
  size_t size() const { return values.size(); }
  //! True when no row came back.
  bool empty() const { return values.empty(); }
  //! Row `i`.
  Row operator[](size_t i) const { return Row(values[i], &columns); }
};

//! What a cursor callback tells the cursor: go on to the next row or stop here.
enum class Next { kContinue, kStop };

//! Called by Session::Each once per row, in order; `row` is valid only during the call.
using RowCallback = std::function<Next(const Row& row)>;

//! The two supported engines.
enum class Engine { kSqlite, kPostgres };

//! A connection inside one unit of work. SQL uses `?` placeholders on every engine.
class Session {
 public:
  virtual ~Session() = default;
  //! Runs one statement that returns no rows; returns the number of rows it changed.
  virtual int64_t Exec(std::string_view sql, const Params& params = {}) = 0;
  //! Runs one query and returns all its rows (for small results; use Each for large ones).
  virtual Rows Query(std::string_view sql, const Params& params = {}) = 0;
  //! Streams the rows of one query to `fn` without holding them all in memory (SQLite: steps the statement;
  //! PostgreSQL: a server-side cursor fetched DatabaseOptions::cursor_batch_rows at a time). `fn` may use
  //! this session between rows and returns Next::kStop to end early. Returns the number of rows given to `fn`.
  virtual int64_t Each(std::string_view sql, const Params& params, const RowCallback& fn) = 0;
  //! Runs several `;`-separated statements without parameters (schema migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  //! The engine behind this session.
  virtual Engine engine() const = 0;
  //! Prepared statements this session's connection keeps (never above DatabaseOptions::statement_cache_size).
  virtual size_t CachedStatements() const = 0;
};

//! Tuning of a database handle.
struct DatabaseOptions {
  int32_t max_batch = 64;                //!< SQLite: most write jobs committed together in one group commit.
  int32_t busy_timeout_ms = 5000;        //!< SQLite: how long a reader waits on a lock (WAL makes this rare).
  int32_t pool_size = 8;                 //!< PostgreSQL: most connections for writes.
  bool synchronous_full = true;          //!< SQLite: fsync at every commit (citizen data is never lost).
  int32_t statement_cache_size = 128;    //!< Prepared statements kept per connection (least recently used go).
  int32_t cursor_batch_rows = 1000;      //!< PostgreSQL: rows fetched at a time by Session::Each.
  int32_t statement_timeout_ms = 30000;  //!< Longest one statement may run (0: no limit); exceeded: kTimeout.
  int32_t lock_timeout_ms = 5000;        //!< PostgreSQL: longest wait for a row or table lock (0: no limit).
  int32_t pool_wait_ms = 10000;          //!< PostgreSQL: longest wait for a free write connection.
  int32_t max_write_retries = 3;         //!< PostgreSQL: reruns of a job after a serialization failure or deadlock.
};

//! A database: reads on this thread's own connection, writes as jobs that commit in a transaction.
class Database {
 public:
  virtual ~Database() = default;
  //! The engine behind this database.
  virtual Engine engine() const = 0;
  //! Runs `fn` on this thread's read connection, inside one read transaction (a consistent snapshot).
  virtual void Read(const std::function<void(Session&)>& fn) = 0;
  //! Runs `fn` in its own transaction (SQLite: a savepoint within a group commit) and returns once it is
  //! durably committed. An exception thrown by `fn` undoes only this job and is rethrown to the caller.
  //!
  //! A job may run more than once: on PostgreSQL a job that fails with kSerializationFailure or kDeadlock is
  //! rolled back and run again, up to DatabaseOptions::max_write_retries times. So a job must be idempotent:
  //! no side effect outside its Session (no message sent, no file written, no counter bumped in memory that
  //! the rerun does not reset); a message to send is written to the outbox in the same job.
  virtual void Write(std::function<void(Session&)> fn) = 0;
  //! Write jobs queued and not yet committed (reported by /metrics).
  virtual int64_t QueueDepth() const = 0;
  //! Finishes queued writes and closes every connection; later calls fail.
  virtual void Close() = 0;
  //! A short description for logs, with any password removed.
  virtual std::string Describe() const = 0;
};

//! NULL for an empty string, else the string (optional text columns).
Value TextOrNull(const std::string& s);
//! NULL when absent, else the number.
Value OrNull(const std::optional<int64_t>& v);
//! NULL when absent, else the number.
Value OrNull(const std::optional<double>& v);
//! NULL when absent, else the text.
Value OrNull(const std::optional<std::string>& v);

//! Optimistic update of one row of a table that follows the version convention (docs/store.md): runs
//! `UPDATE table SET <set_sql>, version = version + 1 WHERE id = ? AND version = ?` with `params` (the values of
//! `set_sql`) followed by `id` and `expected_version`. kConflict when no row changed: someone else changed the
//! row first (or it is gone); the caller reloads and decides. `table` and `set_sql` are SQL written in code.
domain::Result<domain::Done> UpdateVersioned(Session& s, std::string_view table, int64_t id, int64_t expected_version,
                                             std::string_view set_sql, Params params);

//! The value of setting `key` in the `meta` table, if it is there.
std::optional<std::string> ReadMeta(Session& s, std::string_view key);

//! Opens a SQLite file path or a `postgresql://` URL.
std::unique_ptr<Database> OpenDatabase(const std::string& url, const DatabaseOptions& options = {});

//! Opens a SQLite database file (created when missing, with its parent folder).
std::unique_ptr<Database> OpenSqlite(const std::string& path, const DatabaseOptions& options);

//! Opens a PostgreSQL database from a libpq connection URL.
std::unique_ptr<Database> OpenPostgres(const std::string& url, const DatabaseOptions& options);

//! True when `url` names a PostgreSQL database rather than a SQLite file.
bool IsPostgresUrl(std::string_view url);

//! Rewrites `?` placeholders (outside quotes and comments) to PostgreSQL's `$1, $2, …`.
std::string ToPostgresPlaceholders(std::string_view sql);

//! Replaces the schema macros of migrations (`@ID@` for an auto-increment key, `@NOW@`) for an engine.
std::string AdaptSchema(std::string_view sql, Engine engine);

}  // namespace motcua::store
