//! PostgreSQL engine over libpq: one read connection per thread, a bounded pool of write connections.

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "store/database.hpp"
#include "store/postgres_session.hpp"

namespace motcua::store {

namespace {

constexpr const char* kConnectTimeoutSeconds = "10";
constexpr const char* kApplicationName = "motcua";
constexpr const char* kSessionSetup = "SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'";
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
constexpr const char* kBeginWrite = "BEGIN";
constexpr std::string_view kClosedMessage = "database is closed";
constexpr int64_t kRetryPauseMs = 5;

using pg::Connection;
using pg::ConnectionPtr;
using pg::ConnPtr;
using pg::ExecSimple;
using pg::PostgresSession;
using pg::Redactor;
using pg::ResultPtr;
using pg::ThrowResultError;
using pg::TrimEnd;

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

//! The pause before rerun `retry` (0 for the first rerun) of a job: kRetryPauseMs times the rerun count,
//! plus up to as much again at random.
std::chrono::milliseconds RetryPause(int32_t retry) {
  thread_local std::minstd_rand random(std::random_device{}());
  const int64_t base = kRetryPauseMs * (int64_t{retry} + 1);
  std::uniform_int_distribution<int64_t> jitter(0, base);
  return std::chrono::milliseconds(base + jitter(random));
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
  PostgresDatabase(std::string url, Redactor redact, const DatabaseOptions& options, std::string describe)
      : url_(std::move(url)),
        redact_(std::move(redact)),
        options_(options),
        pool_size_(options.pool_size < 1 ? 1 : options.pool_size),
        id_(g_next_database_id.fetch_add(1)),
        describe_(std::move(describe)) {
    // Connect once now so that a wrong URL or a server that is down fails at start-up, not at first use.
    ConnectionPtr first = Connect();
    PGconn* raw = first->get();
    describe_ = DescribeUrl(PQuser(raw), PQhost(raw), PQport(raw), PQdb(raw));
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
      PostgresSession session(*reader.conn, redact_, options_.cursor_batch_rows);
      fn(session);
      return;
    }
    Begin(reader.conn, kBeginRead);
    ++reader.depth;
    try {
      PostgresSession session(*reader.conn, redact_, options_.cursor_batch_rows);
      fn(session);
    } catch (...) {
      --reader.depth;
      RollbackQuietly(reader.conn->get());
      throw;
    }
    --reader.depth;
    // COMMIT of a read-only transaction whose failed statement `fn` swallowed reports ROLLBACK: harmless.
    ExecSimple(reader.conn->get(), "COMMIT", redact_);
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
      } catch (const DatabaseError& e) {
        const bool retryable = e.kind() == ErrorKind::kSerializationFailure || e.kind() == ErrorKind::kDeadlock;
        if (!retryable || retry >= options_.max_write_retries) {
          throw;
        }
        spdlog::debug("postgresql: retrying write job after {}", e.what());
        // A short, growing, jittered pause lets the transaction that won finish first; rerunning at once
        // tends to take the same locks in the same crossing order again.
        std::this_thread::sleep_for(RetryPause(retry));
      }
    }
  }

  int64_t QueueDepth() const override {
    const std::lock_guard lock(mutex_);
    return waiting_ + running_;
  }

  void Close() override {
    std::vector<ConnectionPtr> idle;
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
    ConnectionPtr conn;
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
      const auto available = [&] { return !db_.idle_.empty() || db_.open_writers_ < db_.pool_size_; };
      if (db_.options_.pool_wait_ms <= 0) {
        db_.changed_.wait(lock, available);
      } else if (!db_.changed_.wait_for(lock, std::chrono::milliseconds(db_.options_.pool_wait_ms), available)) {
        --db_.waiting_;
        db_.changed_.notify_all();
        throw DatabaseError(fmt::format("postgresql: no write connection free after {} ms (pool of {})",
                                        db_.options_.pool_wait_ms, db_.pool_size_),
                            ErrorKind::kTimeout);
      }
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
      if (conn != nullptr && Reusable(conn->get())) {
        db_.idle_.push_back(std::move(conn));
      } else {
        conn.reset();
        --db_.open_writers_;
      }
      --db_.running_;
      db_.changed_.notify_all();
    }

    ConnectionPtr conn;  //!< Empty when the pool had room for a new connection; Begin opens it.

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

  void RunWrite(ConnectionPtr& conn, const std::function<void(Session&)>& fn) {
    Begin(conn, kBeginWrite);
    try {
      const WritingMark mark(this);
      PostgresSession session(*conn, redact_, options_.cursor_batch_rows);
      fn(session);
    } catch (...) {
      RollbackQuietly(conn->get());
      throw;
    }
    const ResultPtr result = ExecSimple(conn->get(), "COMMIT", redact_);
    if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
      throw DatabaseError(
          "postgresql: the write job was rolled back: one of its statements failed and the job went on");
    }
  }

  //! Starts a transaction, opening the connection first when it is missing or broken. A connection that
  //! broke while idle (server restart, idle timeout) is replaced once, transparently: nothing ran on it yet.
  void Begin(ConnectionPtr& conn, const char* begin_sql) {
    if (conn == nullptr || PQstatus(conn->get()) != CONNECTION_OK) {
      conn = Connect();
    }
    {
      const ResultPtr result(PQexec(conn->get(), begin_sql));
      if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
        return;
      }
      if (PQstatus(conn->get()) == CONNECTION_OK) {
        ThrowResultError(conn->get(), result.get(), begin_sql, redact_);
      }
    }
    spdlog::info("postgresql: reconnecting to {}", describe_);
    conn = Connect();
    ExecSimple(conn->get(), begin_sql, redact_);
  }

  ConnectionPtr Connect() const {
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
    // Limits per connection: a runaway statement or a long lock wait ends with kTimeout instead of holding a
    // pool connection (and its locks) indefinitely.
    const std::string limits =
        fmt::format("SET statement_timeout = {}; SET lock_timeout = {}", std::max(options_.statement_timeout_ms, 0),
                    std::max(options_.lock_timeout_ms, 0));
    ExecSimple(conn.get(), limits.c_str(), redact_);
    return std::make_unique<Connection>(std::move(conn),
                                        static_cast<size_t>(std::max(options_.statement_cache_size, 1)));
  }

  const std::string url_;
  const Redactor redact_;
  const DatabaseOptions options_;
  const int32_t pool_size_;
  const uint64_t id_;
  std::string describe_;  // Set before the object is shared, then only read.

  mutable std::mutex mutex_;
  std::condition_variable changed_;  // Any change of the counters or the pool below.
  bool closed_ = false;
  std::vector<ConnectionPtr> idle_;                                // Write connections ready for a job.
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
  return std::make_unique<PostgresDatabase>(url, std::move(redact), options, DescribeUrl(user, host, port, db));
}

}  // namespace motcua::store
