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

namespace motcua::store {

//! A SQL parameter or column value: NULL, integer, real or text.
using Value = std::variant<std::monostate, int64_t, double, std::string>;

//! Parameters of one statement, bound in order to its `?` placeholders.
using Params = std::vector<Value>;

//! Raised for any database failure; the message is for logs, never for users.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! One row of a query result, read by column index.
class Row {
 public:
  //! Wraps the values of one row.
  explicit Row(const std::vector<Value>& values) : values_(values) {}
  //! True when column `i` is NULL.
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_.at(i)); }
  //! Column `i` as text ("" for NULL, numbers formatted).
  std::string Text(size_t i) const;
  //! Column `i` as an integer (0 for NULL; text is parsed).
  int64_t Int(size_t i) const;
  //! Column `i` as a real number (0 for NULL).
  double Real(size_t i) const;
  //! Column `i`, or nothing when NULL.
  std::optional<std::string> OptText(size_t i) const;
  //! Column `i` as an integer, or nothing when NULL.
  std::optional<int64_t> OptInt(size_t i) const;

 private:
  const std::vector<Value>& values_;
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
  Row operator[](size_t i) const { return Row(values[i]); }
};

//! The two supported engines.
enum class Engine { kSqlite, kPostgres };

//! A connection inside one unit of work. SQL uses `?` placeholders on every engine.
class Session {
 public:
  virtual ~Session() = default;
  //! Runs one statement that returns no rows; returns the number of rows it changed.
  virtual int64_t Exec(std::string_view sql, const Params& params = {}) = 0;
  //! Runs one query and returns all its rows.
  virtual Rows Query(std::string_view sql, const Params& params = {}) = 0;
  //! Runs several `;`-separated statements without parameters (schema migrations).
  virtual void ExecScript(std::string_view sql) = 0;
  //! The engine behind this session.
  virtual Engine engine() const = 0;
};

//! Tuning of a database handle.
struct DatabaseOptions {
  int32_t max_batch = 64;          //!< SQLite: most write jobs committed together in one group commit.
  int32_t busy_timeout_ms = 5000;  //!< SQLite: how long a reader waits on a lock (WAL makes this rare).
  int32_t pool_size = 8;           //!< PostgreSQL: most connections for writes.
  bool synchronous_full = true;    //!< SQLite: fsync at every commit (citizen data is never lost).
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
