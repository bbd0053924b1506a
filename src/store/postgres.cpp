//! PostgreSQL engine over libpq: one read connection per thread, a bounded pool of write connections.

#include <libpq-fe.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "store/database.hpp"

namespace motcua::store {

namespace {

// Built-in type OIDs are fixed by PostgreSQL (src/include/catalog/pg_type.dat).
constexpr Oid kUnknownOid = 0;  // Let the server infer the parameter type from its context.
constexpr Oid kBoolOid = 16;
constexpr Oid kInt8Oid = 20;
constexpr Oid kInt2Oid = 21;
constexpr Oid kInt4Oid = 23;
constexpr Oid kFloat4Oid = 700;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kNumericOid = 1700;

constexpr int kTextFormat = 0;
constexpr int32_t kMaxWriteRetries = 3;
constexpr size_t kMaxSqlInMessage = 200;
constexpr std::string_view kSerializationFailure = "40001";
constexpr std::string_view kDeadlockDetected = "40P01";
constexpr const char* kConnectTimeoutSeconds = "10";
constexpr const char* kApplicationName = "motcua";
constexpr const char* kSessionSetup = "SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr const char* kBeginWrite = "BEGIN";
constexpr std::string_view kClosedMessage = "database is closed";

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using ConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

//! A DatabaseError that keeps the server's SQLSTATE, so Write can tell a conflict worth retrying.
class PostgresError : public DatabaseError {
 public:
  PostgresError(const std::string& message, std::string sqlstate)
      : DatabaseError(message), sqlstate_(std::move(sqlstate)) {}
  //! True for a serialization failure or a deadlock: running the whole job again may succeed.
  bool Retryable() const { return sqlstate_ == kSerializationFailure || sqlstate_ == kDeadlockDetected; }

 private:
  std::string sqlstate_;
};

std::string TrimEnd(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) {
    s.pop_back();
  }
  return s;
}

//! Removes the password from every message that may reach a log.
class Redactor {
 public:
  //! Adds one secret to hide (empty ones are ignored).
  void Add(std::string secret) {
    if (!secret.empty()) {
      secrets_.push_back(std::move(secret));
    }
  }
  //! `message` with every secret replaced by "***".
  std::string operator()(std::string message) const {
    for (const std::string& secret : secrets_) {
      size_t pos = 0;
      while ((pos = message.find(secret, pos)) != std::string::npos) {
        message.replace(pos, secret.size(), "***");
        pos += 3;
      }
    }
    return message;
  }

 private:
  std::vector<std::string> secrets_;
};

//! Passwords as written in a URL that libpq could not parse: `user:secret@` and `password=secret`.
void AddRawPasswords(std::string_view url, Redactor& redactor) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) {
    const std::string_view rest = url.substr(scheme + 3);
    const size_t at = rest.find('@');
    const size_t slash = rest.find('/');
    if (at != std::string_view::npos && (slash == std::string_view::npos || at < slash)) {
      const std::string_view userinfo = rest.substr(0, at);
      const size_t colon = userinfo.find(':');
      if (colon != std::string_view::npos) {
        redactor.Add(std::string(userinfo.substr(colon + 1)));
      }
    }
  }
  const size_t key = url.find("password=");
  if (key != std::string_view::npos) {
    const std::string_view value = url.substr(key + std::string_view("password=").size());
    redactor.Add(std::string(value.substr(0, value.find_first_of("& "))));
  }
}

std::string DescribeUrl(std::string_view user, std::string_view host, std::string_view port, std::string_view db) {
  return fmt::format("postgresql://{}@{}:{}/{}", user, host, port, db);
}

std::string ShortSql(std::string_view sql) {
  if (sql.size() <= kMaxSqlInMessage) {
    return std::string(sql);
  }
  return std::string(sql.substr(0, kMaxSqlInMessage)) + "…";
}

//! Throws the error a failed result carries: server message, SQLSTATE and the statement (never its values).
[[noreturn]] void ThrowResultError(PGconn* conn, const PGresult* result, std::string_view sql, const Redactor& redact) {
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
  throw PostgresError(redact(fmt::format("postgresql: {} (SQLSTATE {}) in: {}", message,
                                         sqlstate.empty() ? "none" : sqlstate, ShortSql(sql))),
                      sqlstate);
}

//! Runs `sql` without parameters and throws unless it succeeded.
ResultPtr ExecSimple(PGconn* conn, const char* sql, const Redactor& redact) {
  ResultPtr result(PQexec(conn, sql));
  const ExecStatusType status = PQresultStatus(result.get());
  if (result == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)) {
    ThrowResultError(conn, result.get(), sql, redact);
  }
  return result;
}

//! Ends a failed transaction; errors are ignored because the caller is already handling one.
void RollbackQuietly(PGconn* conn) {
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    return;
  }
  const ResultPtr result(PQexec(conn, "ROLLBACK"));
}

//! True when the connection can be handed to the next job as it is.
bool Reusable(PGconn* conn) {
  return conn != nullptr && PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) == PQTRANS_IDLE;
}

void LogNotice(void* /*arg*/, const char* message) { spdlog::debug("postgresql: {}", TrimEnd(message)); }

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
    default:
      break;
  }
  return std::string(text, static_cast<size_t>(length));
}

Rows ToRows(const PGresult* result) {
  Rows rows;
  const int fields = PQnfields(result);
  const int tuples = PQntuples(result);
  std::vector<Oid> types;
  rows.columns.reserve(static_cast<size_t>(fields));
  types.reserve(static_cast<size_t>(fields));
  for (int f = 0; f < fields; ++f) {
    rows.columns.emplace_back(PQfname(result, f));
    types.push_back(PQftype(result, f));
  }
  rows.values.reserve(static_cast<size_t>(tuples));
  for (int t = 0; t < tuples; ++t) {
    std::vector<Value> row;
    row.reserve(static_cast<size_t>(fields));
    for (int f = 0; f < fields; ++f) {
      if (PQgetisnull(result, t, f) != 0) {
        row.emplace_back(std::monostate{});
      } else {
        row.push_back(ToValue(PQgetvalue(result, t, f), PQgetlength(result, t, f), types[static_cast<size_t>(f)]));
      }
    }
    rows.values.push_back(std::move(row));
  }
  return rows;
}

//! A unit of work on one libpq connection; the transaction around it belongs to the caller.
class PostgresSession final : public Session {
 public:
  PostgresSession(PGconn* conn, const Redactor& redact) : conn_(conn), redact_(redact) {}

  int64_t Exec(std::string_view sql, const Params& params) override {
    const ResultPtr result = Run(sql, params);
    int64_t changed = 0;
    const std::string_view tuples = PQcmdTuples(result.get());
    std::from_chars(tuples.data(), tuples.data() + tuples.size(), changed);
    return changed;
  }

  Rows Query(std::string_view sql, const Params& params) override { return ToRows(Run(sql, params).get()); }

  void ExecScript(std::string_view sql) override { ExecSimple(conn_, std::string(sql).c_str(), redact_); }

  Engine engine() const override { return Engine::kPostgres; }

 private:
  ResultPtr Run(std::string_view sql, const Params& params) {
    const std::string text = ToPostgresPlaceholders(sql);
    // Integers and reals are typed so that `SELECT ?` and arithmetic keep their type; NULL and text are
    // left to the server, which infers them from the column or operator they meet.
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    std::vector<Oid> types(params.size(), kUnknownOid);
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        texts[i] = std::to_string(*n);
        types[i] = kInt8Oid;
      } else if (const auto* d = std::get_if<double>(&v)) {
        texts[i] = fmt::format("{:.17g}", *d);
        types[i] = kFloat8Oid;
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else {
        continue;
      }
      values[i] = texts[i].c_str();
    }
    ResultPtr result(PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), types.data(), values.data(),
                                  nullptr, nullptr, kTextFormat));
    const ExecStatusType status = PQresultStatus(result.get());
    if (result == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
      ThrowResultError(conn_, result.get(), text, redact_);
    }
    return result;
  }

  PGconn* conn_;
  const Redactor& redact_;
};

class PostgresDatabase;

//! Open databases by id, so that a thread that ends can close its read connections in those still open.
class LiveDatabases {
 public:
  void Add(uint64_t id, PostgresDatabase* db) {
    const std::lock_guard lock(mutex_);
    live_[id] = db;
  }
  void Remove(uint64_t id) {
    const std::lock_guard lock(mutex_);
    live_.erase(id);
  }
  //! Closes the read connections thread `token` holds in the databases `ids`.
  void ReleaseThread(uint64_t token, const std::vector<uint64_t>& ids);

 private:
  // Lock order: this mutex, then a database's own.
  std::mutex mutex_;
  std::unordered_map<uint64_t, PostgresDatabase*> live_;
};

LiveDatabases& Live() {
  static LiveDatabases live;
  return live;
}

std::atomic<uint64_t> g_next_thread_token{1};
std::atomic<uint64_t> g_next_database_id{1};

//! What this thread knows about its read connections: its token and the databases it read from.
struct ThreadReads {
  const uint64_t token = g_next_thread_token.fetch_add(1);
  std::vector<uint64_t> databases;

  ThreadReads() = default;
  ThreadReads(const ThreadReads&) = delete;
  ThreadReads& operator=(const ThreadReads&) = delete;
  ~ThreadReads() { Live().ReleaseThread(token, databases); }

  void Remember(uint64_t database_id) {
    for (const uint64_t id : databases) {
      if (id == database_id) {
        return;
      }
    }
    databases.push_back(database_id);
  }
};

thread_local ThreadReads t_reads;
//! The database whose write job runs on this thread, to refuse a nested Write that would wait on itself.
thread_local const void* t_writing = nullptr;

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, Redactor redact, int32_t pool_size, std::string describe)
      : url_(std::move(url)),
        redact_(std::move(redact)),
        pool_size_(pool_size < 1 ? 1 : pool_size),
        id_(g_next_database_id.fetch_add(1)),
        describe_(std::move(describe)) {
    // Connect once now so that a wrong URL or a server that is down fails at start-up, not at first use.
    ConnPtr first = Connect();
    describe_ = DescribeUrl(PQuser(first.get()), PQhost(first.get()), PQport(first.get()), PQdb(first.get()));
    idle_.push_back(std::move(first));
    open_writers_ = 1;
    Live().Add(id_, this);
  }

  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  ~PostgresDatabase() override {
    Live().Remove(id_);
    try {
      Close();
    } catch (const std::exception& e) {
      spdlog::error("closing {}: {}", describe_, e.what());
    }
  }

  Engine engine() const override { return Engine::kPostgres; }

  void Read(const std::function<void(Session&)>& fn) override {
    Reader& reader = EnterRead();
    const ReadExit exit_guard(*this);
    if (reader.depth > 0) {
      // A Read inside a Read on the same thread joins the snapshot already open.
      PostgresSession session(reader.conn.get(), redact_);
      fn(session);
      return;
    }
    Begin(reader.conn, kBeginRead);
    ++reader.depth;
    try {
      PostgresSession session(reader.conn.get(), redact_);
      fn(session);
    } catch (...) {
      --reader.depth;
      RollbackQuietly(reader.conn.get());
      throw;
    }
    --reader.depth;
    // COMMIT of a read-only transaction whose failed statement `fn` swallowed reports ROLLBACK: harmless.
    ExecSimple(reader.conn.get(), "COMMIT", redact_);
  }

  void Write(std::function<void(Session&)> fn) override {
    if (t_writing == this) {
      throw DatabaseError("Write called from inside a write job of the same database; use its Session instead");
    }
    Lease lease(*this);
    for (int32_t retry = 0;; ++retry) {
      try {
        RunWrite(lease.conn, fn);
        return;
      } catch (const PostgresError& e) {
        if (!e.Retryable() || retry >= kMaxWriteRetries) {
          throw;
        }
        spdlog::debug("postgresql: retrying write job after {}", e.what());
      }
    }
  }

  int64_t QueueDepth() const override {
    const std::lock_guard lock(mutex_);
    return waiting_ + running_;
  }

  void Close() override {
    std::vector<ConnPtr> idle;
    std::unordered_map<uint64_t, std::unique_ptr<Reader>> readers;
    {
      std::unique_lock lock(mutex_);
      closed_ = true;
      // Writers already queued finish; new Read and Write calls are refused.
      changed_.wait(lock, [&] { return waiting_ == 0 && running_ == 0 && active_reads_ == 0; });
      idle.swap(idle_);
      readers.swap(readers_);
      open_writers_ = 0;
    }
    // The connections close here, outside the lock.
  }

  std::string Describe() const override { return describe_; }

  //! Closes the read connection of a thread that is ending.
  void ForgetThread(uint64_t token) {
    std::unique_ptr<Reader> reader;
    const std::lock_guard lock(mutex_);
    const auto it = readers_.find(token);
    if (it != readers_.end()) {
      reader = std::move(it->second);
      readers_.erase(it);
    }
  }

 private:
  //! The read connection of one thread.
  struct Reader {
    ConnPtr conn;
    int32_t depth = 0;  //!< Reads running on it: more than one only when nested.
  };

  //! Counts a Read in, returns this thread's reader (created empty when new).
  Reader& EnterRead() {
    const std::lock_guard lock(mutex_);
    if (closed_) {
      throw DatabaseError(std::string(kClosedMessage));
    }
    std::unique_ptr<Reader>& slot = readers_[t_reads.token];
    if (slot == nullptr) {
      slot = std::make_unique<Reader>();
      t_reads.Remember(id_);
    }
    ++active_reads_;
    return *slot;
  }

  //! Counts a Read out when it ends, however it ends.
  class ReadExit {
   public:
    explicit ReadExit(PostgresDatabase& db) : db_(db) {}
    ReadExit(const ReadExit&) = delete;
    ReadExit& operator=(const ReadExit&) = delete;
    ~ReadExit() {
      const std::lock_guard lock(db_.mutex_);
      --db_.active_reads_;
      db_.changed_.notify_all();
    }

   private:
    PostgresDatabase& db_;
  };

  //! A write connection borrowed from the pool; blocks while every connection is busy.
  class Lease {
   public:
    explicit Lease(PostgresDatabase& db) : db_(db) {
      std::unique_lock lock(db_.mutex_);
      if (db_.closed_) {
        throw DatabaseError(std::string(kClosedMessage));
      }
      ++db_.waiting_;
      db_.changed_.wait(lock, [&] { return !db_.idle_.empty() || db_.open_writers_ < db_.pool_size_; });
      --db_.waiting_;
      ++db_.running_;
      if (!db_.idle_.empty()) {
        conn = std::move(db_.idle_.back());
        db_.idle_.pop_back();
      } else {
        ++db_.open_writers_;
      }
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      const std::lock_guard lock(db_.mutex_);
      if (Reusable(conn.get())) {
        db_.idle_.push_back(std::move(conn));
      } else {
        conn.reset();
        --db_.open_writers_;
      }
      --db_.running_;
      db_.changed_.notify_all();
    }

    ConnPtr conn;  //!< Empty when the pool had room for a new connection; Begin opens it.

   private:
    PostgresDatabase& db_;
  };

  //! Marks this thread as running a write job of this database.
  class WritingMark {
   public:
    explicit WritingMark(const void* db) { t_writing = db; }
    WritingMark(const WritingMark&) = delete;
    WritingMark& operator=(const WritingMark&) = delete;
    ~WritingMark() { t_writing = nullptr; }
  };

  void RunWrite(ConnPtr& conn, const std::function<void(Session&)>& fn) {
    Begin(conn, kBeginWrite);
    try {
      const WritingMark mark(this);
      PostgresSession session(conn.get(), redact_);
      fn(session);
    } catch (...) {
      RollbackQuietly(conn.get());
      throw;
    }
    const ResultPtr result = ExecSimple(conn.get(), "COMMIT", redact_);
    if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
      throw DatabaseError(
          "postgresql: the write job was rolled back: one of its statements failed and the job went on");
    }
  }

  //! Starts a transaction, opening the connection first when it is missing or broken. A connection that
  //! broke while idle (server restart, idle timeout) is replaced once, transparently: nothing ran on it yet.
  void Begin(ConnPtr& conn, const char* begin_sql) {
    if (conn == nullptr || PQstatus(conn.get()) != CONNECTION_OK) {
      conn = Connect();
    }
    {
      const ResultPtr result(PQexec(conn.get(), begin_sql));
      if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
        return;
      }
      if (PQstatus(conn.get()) == CONNECTION_OK) {
        ThrowResultError(conn.get(), result.get(), begin_sql, redact_);
      }
    }
    spdlog::info("postgresql: reconnecting to {}", describe_);
    conn = Connect();
    ExecSimple(conn.get(), begin_sql, redact_);
  }

  ConnPtr Connect() const {
    // Keywords before `dbname` are defaults the URL may override; the URL is expanded in place of `dbname`.
    const char* const keys[] = {"application_name", "connect_timeout", "dbname", nullptr};
    const char* const values[] = {kApplicationName, kConnectTimeoutSeconds, url_.c_str(), nullptr};
    ConnPtr conn(PQconnectdbParams(keys, values, 1));
    if (conn == nullptr) {
      throw DatabaseError("postgresql: out of memory while connecting");
    }
    if (PQstatus(conn.get()) != CONNECTION_OK) {
      throw DatabaseError(
          redact_(fmt::format("postgresql: cannot connect to {}: {}", describe_, TrimEnd(PQerrorMessage(conn.get())))));
    }
    PQsetNoticeProcessor(conn.get(), LogNotice, nullptr);
    ExecSimple(conn.get(), kSessionSetup, redact_);
    return conn;
  }

  const std::string url_;
  const Redactor redact_;
  const int32_t pool_size_;
  const uint64_t id_;
  std::string describe_;  // Set before the object is shared, then only read.

  mutable std::mutex mutex_;
  std::condition_variable changed_;  // Any change of the counters or the pool below.
  bool closed_ = false;
  std::vector<ConnPtr> idle_;                                      // Write connections ready for a job.
  int32_t open_writers_ = 0;                                       // Write connections open, idle or leased.
  int64_t waiting_ = 0;                                            // Writers waiting for a connection.
  int64_t running_ = 0;                                            // Writers holding a connection.
  int64_t active_reads_ = 0;                                       // Reads running on any thread.
  std::unordered_map<uint64_t, std::unique_ptr<Reader>> readers_;  // By thread token.
};

void LiveDatabases::ReleaseThread(uint64_t token, const std::vector<uint64_t>& ids) {
  const std::lock_guard lock(mutex_);
  for (const uint64_t id : ids) {
    const auto it = live_.find(id);
    if (it != live_.end()) {
      it->second->ForgetThread(token);
    }
  }
}

}  // namespace

std::unique_ptr<Database> OpenPostgres(const std::string& url, const DatabaseOptions& options) {
  Redactor redact;
  AddRawPasswords(url, redact);
  char* error = nullptr;
  PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &error);
  if (parsed == nullptr) {
    const std::string reason = error != nullptr ? TrimEnd(error) : "out of memory";
    PQfreemem(error);
    throw DatabaseError(redact(fmt::format("postgresql: invalid connection URL: {}", reason)));
  }
  std::string user;
  std::string host;
  std::string port;
  std::string db;
  for (const PQconninfoOption* o = parsed; o->keyword != nullptr; ++o) {
    const std::string_view key = o->keyword;
    const std::string value = o->val != nullptr ? o->val : "";
    if (key == "password") {
      redact.Add(value);
    } else if (key == "user") {
      user = value;
    } else if (key == "host") {
      host = value;
    } else if (key == "port") {
      port = value;
    } else if (key == "dbname") {
      db = value;
    }
  }
  PQconninfoFree(parsed);
  return std::make_unique<PostgresDatabase>(url, std::move(redact), options.pool_size,
                                            DescribeUrl(user, host, port, db));
}

}  // namespace motcua::store
