// SQLite engine: WAL, one writer thread that group-commits queued jobs (one savepoint each), and one
// read connection per calling thread, so reads never wait for the writer.
#include <sqlite3.h>

#include <fmt/format.h>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "store/database.hpp"

namespace motcua::store {

namespace {

//! Closes a statement when the cache drops it.
struct StmtDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

//! One SQLite connection with its prepared-statement cache.
class SqliteConnection final : public Session {
 public:
  SqliteConnection(const std::string& path, bool read_only, const DatabaseOptions& options) : path_(path) {
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
    const int32_t n = sqlite3_column_count(stmt);
    rows.columns.reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) {
      rows.columns.emplace_back(sqlite3_column_name(stmt, i));
    }
    StepAll(stmt, &rows);
    return rows;
  }

  void ExecScript(std::string_view sql) override {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error != nullptr ? error : "unknown error";
      sqlite3_free(error);
      throw DatabaseError("SQLite: " + message);
    }
  }

  Engine engine() const override { return Engine::kSqlite; }

 private:
  struct DbDeleter {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };

  sqlite3_stmt* Prepare(std::string_view sql, const Params& params) {
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end()) {
      sqlite3_stmt* raw = nullptr;
      if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int32_t>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw,
                             nullptr) != SQLITE_OK) {
        throw DatabaseError(fmt::format("SQLite: {} in: {}", sqlite3_errmsg(db_.get()), sql));
      }
      it = cache_.emplace(std::string(sql), StmtPtr(raw)).first;
    }
    sqlite3_stmt* stmt = it->second.get();
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
      } else {
        rc = sqlite3_bind_null(stmt, idx);
      }
      if (rc != SQLITE_OK) {
        throw DatabaseError(fmt::format("SQLite: cannot bind parameter {}: {}", idx, sqlite3_errmsg(db_.get())));
      }
    }
    return stmt;
  }

  void StepAll(sqlite3_stmt* stmt, Rows* rows) {
    for (;;) {
      const int32_t rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) {
        break;
      }
      if (rc != SQLITE_ROW) {
        const std::string message = sqlite3_errmsg(db_.get());
        sqlite3_reset(stmt);
        throw DatabaseError("SQLite: " + message);
      }
      if (rows == nullptr) {
        continue;
      }
      const int32_t n = sqlite3_column_count(stmt);
      std::vector<Value> values;
      values.reserve(static_cast<size_t>(n));
      for (int32_t i = 0; i < n; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER:
            values.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
            break;
          case SQLITE_FLOAT:
            values.emplace_back(sqlite3_column_double(stmt, i));
            break;
          case SQLITE_NULL:
            values.emplace_back(std::monostate{});
            break;
          default: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
            values.emplace_back(std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
          }
        }
      }
      rows->values.push_back(std::move(values));
    }
    sqlite3_reset(stmt);
  }

  std::string path_;
  std::unique_ptr<sqlite3, DbDeleter> db_;
  std::unordered_map<std::string, StmtPtr> cache_;
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
    try {
      writer_conn_->ExecScript("BEGIN IMMEDIATE");
    } catch (...) {
      std::fill(errors.begin(), errors.end(), std::current_exception());
      return errors;
    }
    for (size_t i = 0; i < batch.size(); ++i) {
      try {
        writer_conn_->ExecScript("SAVEPOINT job");
      } catch (...) {
        errors[i] = std::current_exception();
        continue;
      }
      try {
        batch[i].fn(*writer_conn_);
        writer_conn_->ExecScript("RELEASE job");
      } catch (...) {
        errors[i] = std::current_exception();
        try {
          writer_conn_->ExecScript("ROLLBACK TO job; RELEASE job");
        } catch (...) {
          // The outer COMMIT below reports what went wrong with the connection.
        }
      }
    }
    try {
      writer_conn_->ExecScript("COMMIT");
    } catch (...) {
      const std::exception_ptr commit_error = std::current_exception();
      try {
        writer_conn_->ExecScript("ROLLBACK");
      } catch (...) {
        // Nothing more can be done: every job of the batch is reported failed.
      }
      std::fill(errors.begin(), errors.end(), commit_error);
    }
    return errors;
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
