// SQLite engine: WAL, one writer thread that group-commits queued jobs (one savepoint each), and one
// read connection per calling thread, so reads never wait for the writer.
#include <sqlite3.h>

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "store/database.hpp"
#include "store/statement_cache.hpp"

namespace motcua::store {

namespace {

//! Virtual-machine steps between two looks at the statement deadline (cheap enough, fine enough).
constexpr int32_t kProgressSteps = 1000;
//! The low byte of an extended result code is its primary code.
constexpr int32_t kPrimaryCodeMask = 0xff;

//! Closes a statement when the cache drops it.
struct StmtDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

//! The error kind of an extended result code.
ErrorKind KindOf(int32_t extended) {
  switch (extended) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ErrorKind::kUniqueViolation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return ErrorKind::kForeignKeyViolation;
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
      return ErrorKind::kConstraintViolation;
    default:
      break;
  }
  switch (extended & kPrimaryCodeMask) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorKind::kBusy;
    case SQLITE_INTERRUPT:
      return ErrorKind::kTimeout;
    default:
      return ErrorKind::kOther;
  }
}

//! The value of column `i` of the row `stmt` stands on.
Value ColumnValue(sqlite3_stmt* stmt, int32_t i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_NULL:
      return std::monostate{};
    case SQLITE_BLOB: {
      const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(stmt, i));
      const auto size = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
      return data == nullptr ? Blob{} : Blob{std::vector<uint8_t>(data, data + size)};
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, i)));
    }
  }
}

//! Every column of the row `stmt` stands on.
std::vector<Value> RowValues(sqlite3_stmt* stmt) {
  const int32_t n = sqlite3_column_count(stmt);
  std::vector<Value> values;
  values.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) {
    values.push_back(ColumnValue(stmt, i));
  }
  return values;
}

//! The column names of `stmt`.
std::vector<std::string> ColumnNames(sqlite3_stmt* stmt) {
  const int32_t n = sqlite3_column_count(stmt);
  std::vector<std::string> names;
  names.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) {
    names.emplace_back(sqlite3_column_name(stmt, i));
  }
  return names;
}

//! One SQLite connection with its bounded prepared-statement cache and its statement deadline.
class SqliteConnection final : public Session {
 public:
  SqliteConnection(const std::string& path, bool read_only, const DatabaseOptions& options)
      : path_(path),
        cache_(static_cast<size_t>(std::max(options.statement_cache_size, 1))),
        timeout_(std::chrono::milliseconds(options.statement_timeout_ms)) {
    const int32_t flags =
        (read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    const int32_t rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    db_.reset(raw);
    if (rc != SQLITE_OK) {
      throw DatabaseError(fmt::format("cannot open SQLite database {}: {}", path,
                                      raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_busy_timeout(db_.get(), options.busy_timeout_ms);
    sqlite3_extended_result_codes(db_.get(), 1);
    if (options.statement_timeout_ms > 0) {
      sqlite3_progress_handler(db_.get(), kProgressSteps, &SqliteConnection::OnProgress, this);
    }
    ExecScript("PRAGMA foreign_keys = ON");
    if (!read_only) {
      ExecScript("PRAGMA journal_mode = WAL");
      ExecScript(options.synchronous_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    }
  }

  int64_t Exec(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    StepAll(stmt, nullptr);
    return sqlite3_changes64(db_.get());
  }

  Rows Query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = Prepare(sql, params);
    Rows rows;
    rows.columns = ColumnNames(stmt);
    StepAll(stmt, &rows);
    return rows;
  }

  int64_t Each(std::string_view sql, const Params& params, const RowCallback& fn) override {
    // The statement leaves the cache while it is stepped, so that `fn` may run any statement (even this one)
    // on this connection and no eviction finalises it under our feet.
    const std::string key(sql);
    std::optional<StmtPtr> taken = cache_.Take(key);
    StmtPtr stmt = taken ? std::move(*taken) : PrepareNew(sql);
    Bind(stmt.get(), sql, params);
    const std::vector<std::string> columns = ColumnNames(stmt.get());
    int64_t count = 0;
    for (;;) {
      const int32_t rc = Step(stmt.get());
      if (rc == SQLITE_DONE) {
        break;
      }
      if (rc != SQLITE_ROW) {
        ThrowError(stmt.get(), "");
      }
      const std::vector<Value> values = RowValues(stmt.get());
      ++count;
      if (fn(Row(values, &columns)) == Next::kStop) {
        break;
      }
    }
    sqlite3_reset(stmt.get());
    if (cache_.Find(key) == nullptr) {
      cache_.Put(key, std::move(stmt));
    }
    return count;
  }

  void ExecScript(std::string_view sql) override {
    char* error = nullptr;
    const std::string text(sql);
    Arm();
    const int32_t rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &error);
    deadline_.reset();
    if (rc != SQLITE_OK) {
      std::string message = error != nullptr ? error : "unknown error";
      sqlite3_free(error);
      throw DatabaseError("SQLite: " + message, KindOf(sqlite3_extended_errcode(db_.get())));
    }
  }

  Engine engine() const override { return Engine::kSqlite; }

  size_t CachedStatements() const override { return cache_.size(); }

  //! True inside a transaction (false once SQLite rolled one back by itself).
  bool InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

 private:
  struct DbDeleter {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };

  //! Interrupts the running statement once its deadline has passed.
  static int OnProgress(void* self) {
    const auto& conn = *static_cast<SqliteConnection*>(self);
    return conn.deadline_ && std::chrono::steady_clock::now() > *conn.deadline_ ? 1 : 0;
  }

  //! Starts the clock of the statement about to run, when a timeout is set.
  void Arm() {
    if (timeout_.count() > 0) {
      deadline_ = std::chrono::steady_clock::now() + timeout_;
    }
  }

  //! One step of `stmt` under the statement deadline.
  int32_t Step(sqlite3_stmt* stmt) {
    Arm();
    const int32_t rc = sqlite3_step(stmt);
    deadline_.reset();
    return rc;
  }

  //! Throws the connection's last error with its kind; resets `stmt` (when given) for its next use.
  [[noreturn]] void ThrowError(sqlite3_stmt* stmt, std::string_view sql) {
    const int32_t code = sqlite3_extended_errcode(db_.get());
    std::string message = sqlite3_errmsg(db_.get());
    if (stmt != nullptr) {
      sqlite3_reset(stmt);
    }
    if (!sql.empty()) {
      message += fmt::format(" in: {}", sql);
    }
    throw DatabaseError("SQLite: " + message, KindOf(code));
  }

  StmtPtr PrepareNew(std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int32_t>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw,
                           nullptr) != SQLITE_OK) {
      ThrowError(nullptr, sql);
    }
    return StmtPtr(raw);
  }

  sqlite3_stmt* Prepare(std::string_view sql, const Params& params) {
    const std::string key(sql);
    StmtPtr* cached = cache_.Find(key);
    if (cached == nullptr) {
      StmtPtr fresh = PrepareNew(sql);
      // The least recently used statement, if evicted, is finalised here.
      cache_.Put(key, std::move(fresh));
      cached = cache_.Find(key);
    }
    sqlite3_stmt* stmt = cached->get();
    Bind(stmt, sql, params);
    return stmt;
  }

  void Bind(sqlite3_stmt* stmt, std::string_view sql, const Params& params) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const int32_t expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int32_t>(params.size())) {
      throw DatabaseError(
          fmt::format("SQLite: statement takes {} parameters, {} given: {}", expected, params.size(), sql));
    }
    for (size_t i = 0; i < params.size(); ++i) {
      const int32_t idx = static_cast<int32_t>(i) + 1;
      const Value& v = params[i];
      int32_t rc = SQLITE_OK;
      if (const auto* n = std::get_if<int64_t>(&v)) {
        rc = sqlite3_bind_int64(stmt, idx, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        rc = sqlite3_bind_double(stmt, idx, *d);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      } else if (const auto* b = std::get_if<Blob>(&v)) {
        // A null data pointer would bind NULL: an empty blob is a zero-length blob.
        rc = b->bytes.empty() ? sqlite3_bind_zeroblob(stmt, idx, 0)
                              : sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      } else {
        rc = sqlite3_bind_null(stmt, idx);
      }
      if (rc != SQLITE_OK) {
        throw DatabaseError(fmt::format("SQLite: cannot bind parameter {}: {}", idx, sqlite3_errmsg(db_.get())));
      }
    }
  }

  void StepAll(sqlite3_stmt* stmt, Rows* rows) {
    Arm();
    for (;;) {
      const int32_t rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) {
        break;
      }
      if (rc != SQLITE_ROW) {
        deadline_.reset();
        ThrowError(stmt, "");
      }
      if (rows != nullptr) {
        rows->values.push_back(RowValues(stmt));
      }
    }
    deadline_.reset();
    sqlite3_reset(stmt);
  }

  std::string path_;
  std::unique_ptr<sqlite3, DbDeleter> db_;
  StatementCache<StmtPtr> cache_;
  std::chrono::milliseconds timeout_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;  // Set while a statement runs.
};

//! A queued write and the promise its caller waits on.
struct WriteJob {
  std::function<void(Session&)> fn;
  std::promise<void> done;
};

std::atomic<uint64_t> next_instance_id{1};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DatabaseOptions& options)
      : path_(std::move(path)), options_(options), id_(next_instance_id++) {
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) {
      std::filesystem::create_directories(parent);
    }
    writer_conn_ = std::make_unique<SqliteConnection>(path_, false, options_);
    writer_ = std::thread([this] { WriterLoop(); });
  }

  ~SqliteDatabase() override { Close(); }

  Engine engine() const override { return Engine::kSqlite; }

  void Read(const std::function<void(Session&)>& fn) override {
    if (closed_) {
      throw DatabaseError("database is closed");
    }
    SqliteConnection& conn = ReadConnection();
    conn.ExecScript("BEGIN");
    try {
      fn(conn);
    } catch (...) {
      conn.ExecScript("ROLLBACK");
      throw;
    }
    conn.ExecScript("COMMIT");
  }

  void Write(std::function<void(Session&)> fn) override {
    std::future<void> result;
    {
      std::lock_guard lock(mutex_);
      if (closed_) {
        throw DatabaseError("database is closed");
      }
      queue_.push_back(WriteJob{std::move(fn), {}});
      result = queue_.back().done.get_future();
      ++depth_;
    }
    wake_.notify_one();
    result.get();
  }

  int64_t QueueDepth() const override { return depth_.load(); }

  void Close() override {
    {
      std::lock_guard lock(mutex_);
      if (closed_) {
        return;
      }
      closed_ = true;
    }
    wake_.notify_one();
    if (writer_.joinable()) {
      writer_.join();
    }
    std::lock_guard lock(readers_mutex_);
    readers_.clear();
    writer_conn_.reset();
  }

  std::string Describe() const override { return "sqlite:" + path_; }

 private:
  SqliteConnection& ReadConnection() {
    // Thread-local cache of this thread's connections, keyed by database instance. Instance ids are never
    // reused, so an entry of a closed database is never looked up again.
    thread_local std::unordered_map<uint64_t, SqliteConnection*> mine;
    auto it = mine.find(id_);
    if (it != mine.end()) {
      return *it->second;
    }
    std::lock_guard lock(readers_mutex_);
    if (closed_) {
      throw DatabaseError("database is closed");
    }
    readers_.push_back(std::make_unique<SqliteConnection>(path_, true, options_));
    mine[id_] = readers_.back().get();
    return *readers_.back();
  }

  void WriterLoop() {
    for (;;) {
      std::vector<WriteJob> batch;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) {
          return;  // closed and drained
        }
        while (!queue_.empty() && static_cast<int32_t>(batch.size()) < options_.max_batch) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
      CommitBatch(batch);
    }
  }

  //! Runs each job in its own savepoint inside one transaction, commits once, then answers every caller.
  void CommitBatch(std::vector<WriteJob>& batch) {
    std::vector<std::exception_ptr> errors = RunBatch(batch);
    // Jobs leave the queue depth before their callers wake, so a caller never sees its own job counted.
    depth_ -= static_cast<int64_t>(batch.size());
    for (size_t i = 0; i < batch.size(); ++i) {
      if (errors[i]) {
        batch[i].done.set_exception(errors[i]);
      } else {
        batch[i].done.set_value();
      }
    }
  }

  //! The outcome of every job of the batch: null when it committed.
  std::vector<std::exception_ptr> RunBatch(std::vector<WriteJob>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    size_t first = 0;  // The first job of the transaction now open.
    if (!BeginBatch(errors, first)) {
      return errors;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      RunJob(batch[i], errors[i]);
      if (errors[i] && !writer_conn_->InTransaction()) {
        // The failure ended the whole transaction (SQLite rolls back on an interrupted write, a full disk…): the
        // jobs before it in this transaction are undone too. The jobs after it get a transaction of their own.
        UndoneWith(errors, first, i);
        first = i + 1;
        if (first < batch.size() && !BeginBatch(errors, first)) {
          return errors;
        }
      }
    }
    if (first >= batch.size()) {
      return errors;
    }
    try {
      writer_conn_->ExecScript("COMMIT");
    } catch (...) {
      const std::exception_ptr commit_error = std::current_exception();
      try {
        writer_conn_->ExecScript("ROLLBACK");
      } catch (...) {
        // Nothing more can be done: every job of the transaction is reported failed.
      }
      std::fill(errors.begin() + static_cast<std::ptrdiff_t>(first), errors.end(), commit_error);
    }
    return errors;
  }

  //! Opens the transaction of the jobs from `first`; when it cannot, they all fail with the reason.
  bool BeginBatch(std::vector<std::exception_ptr>& errors, size_t first) {
    try {
      writer_conn_->ExecScript("BEGIN IMMEDIATE");
      return true;
    } catch (...) {
      std::fill(errors.begin() + static_cast<std::ptrdiff_t>(first), errors.end(), std::current_exception());
      return false;
    }
  }

  //! Runs one job in its own savepoint; `error` receives its failure.
  void RunJob(WriteJob& job, std::exception_ptr& error) {
    try {
      writer_conn_->ExecScript("SAVEPOINT job");
    } catch (...) {
      error = std::current_exception();
      return;
    }
    try {
      job.fn(*writer_conn_);
      writer_conn_->ExecScript("RELEASE job");
    } catch (...) {
      error = std::current_exception();
      if (!writer_conn_->InTransaction()) {
        return;
      }
      try {
        writer_conn_->ExecScript("ROLLBACK TO job; RELEASE job");
      } catch (...) {
        // The outer COMMIT reports what went wrong with the connection.
      }
    }
  }

  //! Marks the jobs [from, to) that had succeeded as undone by job `to`'s failure.
  static void UndoneWith(std::vector<std::exception_ptr>& errors, size_t from, size_t to) {
    std::string reason = "unknown error";
    try {
      std::rethrow_exception(errors[to]);
    } catch (const std::exception& e) {
      reason = e.what();
    } catch (...) {
      // Keeps the generic reason.
    }
    for (size_t j = from; j < to; ++j) {
      if (!errors[j]) {
        errors[j] = std::make_exception_ptr(
            DatabaseError("SQLite: undone with its group commit, rolled back by another job's failure: " + reason));
      }
    }
  }

  std::string path_;
  DatabaseOptions options_;
  uint64_t id_;
  std::unique_ptr<SqliteConnection> writer_conn_;
  std::thread writer_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<WriteJob> queue_;
  std::atomic<bool> closed_{false};
  std::atomic<int64_t> depth_{0};
  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
};

}  // namespace

std::unique_ptr<Database> OpenSqlite(const std::string& path, const DatabaseOptions& options) {
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace motcua::store
