// The floor under bench/submit.sh: what plain SQLite does with the rows of one online filing, with the server's
// durability and batching but no HTTP, no JSON, no policy. 64 threads each hand one filing at a time to one writer
// thread, which commits up to --batch filings together (each in its own savepoint, as motcua's group commit does)
// in WAL mode with synchronous=FULL, then wakes their threads. A filing is the rows the server writes: the next
// number of the agency's daily sequence (upsert), the dossier row with its answers, its timeline event, its audit
// entry and the applicant's message in the outbox.
//
//   submit_baseline --db FILE [--threads 64] [--seconds 10] [--batch 64]
//
// Prints "filings N", "seconds S", "filings/s X" and "p99_ms Y" (one line each).
#include <fmt/format.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int32_t kDefaultThreads = 64;
constexpr int32_t kDefaultSeconds = 10;
//! store::DatabaseOptions::max_batch, the server's group commit.
constexpr int32_t kDefaultBatch = 64;
constexpr double kP99 = 0.99;
constexpr double kMicrosPerMilli = 1000.0;
//! The answers of a small generic-form dossier, as bench/submit.sh sends them.
constexpr std::string_view kAnswers =
    R"({"nguoi_nop_ho_ten":"Trần Thị Mai","nguoi_nop_so_dinh_danh":"036185001234","nguoi_nop_dien_thoai":"0912000001",)"
    R"("nguoi_nop_email":"mai.tran@example.vn","nguoi_nop_dia_chi":{"province":"36","district":"356","commune":"13660",)"
    R"("detail":"12 Trần Hưng Đạo"},"nop_thay":false,"noi_dung":"Xin cấp bản sao trích lục."})";

constexpr std::string_view kSchema = R"(
CREATE TABLE IF NOT EXISTS dossier_sequences (agency_code TEXT NOT NULL, issued_day TEXT NOT NULL,
  last_sequence INTEGER NOT NULL, PRIMARY KEY (agency_code, issued_day));
CREATE TABLE IF NOT EXISTS dossiers (id INTEGER PRIMARY KEY, code TEXT UNIQUE, lookup_secret TEXT,
  procedure_code TEXT NOT NULL, agency_code TEXT NOT NULL, form_version INTEGER NOT NULL, owner_id BIGINT NOT NULL,
  organisation_id BIGINT, relationship TEXT NOT NULL DEFAULT '', applicant_name TEXT NOT NULL, status TEXT NOT NULL,
  answers TEXT NOT NULL, guided INTEGER NOT NULL DEFAULT 0, officer_fields TEXT NOT NULL DEFAULT '[]',
  channel INTEGER NOT NULL DEFAULT 2, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, submitted_at BIGINT,
  expected_on TEXT, withdrawn_reason TEXT, version BIGINT NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS dossiers_owner ON dossiers (owner_id, updated_at);
CREATE INDEX IF NOT EXISTS dossiers_agency ON dossiers (agency_code, status, submitted_at) WHERE code IS NOT NULL;
CREATE TABLE IF NOT EXISTS dossier_events (id INTEGER PRIMARY KEY, dossier_id BIGINT NOT NULL, happened_at BIGINT NOT NULL,
  event TEXT NOT NULL, actor_id BIGINT, actor_name TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS dossier_events_dossier ON dossier_events (dossier_id, id);
CREATE TABLE IF NOT EXISTS audit_log (id INTEGER PRIMARY KEY, seq BIGINT UNIQUE, at_us BIGINT NOT NULL, actor_id BIGINT,
  actor_name TEXT NOT NULL DEFAULT '', actor_role TEXT NOT NULL DEFAULT '', actor_agency TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL, object_type TEXT NOT NULL DEFAULT '', object_id TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '', user_agent TEXT NOT NULL DEFAULT '', request_id TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL DEFAULT '', prev_hash TEXT NOT NULL DEFAULT '', hash TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX IF NOT EXISTS audit_log_object ON audit_log (object_type, object_id, id);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, id);
CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (at_us);
CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, channel TEXT NOT NULL,
  recipient TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, secret INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL, claimed_until BIGINT, claim_token TEXT, last_error TEXT NOT NULL DEFAULT '',
  sent_at BIGINT);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
)";

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

//! One prepared statement, finalised with it.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
        SQLITE_OK) {
      throw std::runtime_error(fmt::format("prepare: {}: {}", sqlite3_errmsg(db), sql));
    }
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&&) = delete;
  Statement& operator=(Statement&&) = delete;

  //! Binds text `v` to parameter `i` (from 1).
  Statement& Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  //! Binds integer `v` to parameter `i` (from 1).
  Statement& Int(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  //! Runs it to the end; the first column of the last row (0 when none).
  int64_t Run() {
    int64_t first = 0;
    int rc = 0;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      first = sqlite3_column_int64(stmt_, 0);
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    if (rc != SQLITE_DONE) {
      throw std::runtime_error(fmt::format("step: {}", sqlite3_errmsg(sqlite3_db_handle(stmt_))));
    }
    return first;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "?";
    sqlite3_free(error);
    throw std::runtime_error(fmt::format("{}: {}", message, sql));
  }
}

//! One filing handed to the writer: the thread that asked, and what it learns back.
struct Job {
  int32_t owner = 0;
  std::promise<void> done;
};

//! The writer thread and its prepared statements.
class Writer {
 public:
  Writer(const std::string& path, int32_t batch) : batch_(batch) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK) {
      throw std::runtime_error(fmt::format("cannot open {}", path));
    }
    Exec(db_, "PRAGMA journal_mode = WAL");
    Exec(db_, "PRAGMA synchronous = FULL");
    Exec(db_, std::string(kSchema));
    sequence_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO dossier_sequences (agency_code, issued_day, last_sequence) VALUES (?, ?, 1) ON CONFLICT "
        "(agency_code, issued_day) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence");
    dossier_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO dossiers (code, lookup_secret, procedure_code, agency_code, form_version, owner_id, "
        "applicant_name, status, answers, created_at, updated_at, submitted_at) VALUES (?, 'K7M2QX', '2.000815', "
        "?, 1, ?, 'Trần Thị Mai', 'submitted', ?, ?, ?, ?) RETURNING id");
    event_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO dossier_events (dossier_id, happened_at, event, actor_id, actor_name) VALUES (?, ?, "
        "'submitted', ?, 'Trần Thị Mai')");
    audit_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO audit_log (at_us, action, object_type, object_id, actor_id, actor_name, actor_role, ip, "
        "user_agent, request_id, summary) VALUES (?, 'dossier.submit', 'dossier', ?, ?, 'Trần Thị Mai', 'citizen', "
        "'127.0.0.1', 'node', 'bench', ?)");
    outbox_ = std::make_unique<Statement>(
        db_,
        "INSERT INTO outbox (channel, recipient, subject, body, idempotency_key, next_attempt_at, created_at) "
        "VALUES ('sms', '0912000001', 'Hồ sơ đã được tiếp nhận', ?, ?, ?, ?)");
    thread_ = std::thread([this] { Loop(); });
  }
  ~Writer() {
    {
      const std::lock_guard lock(mutex_);
      closed_ = true;
    }
    wake_.notify_one();
    thread_.join();
    outbox_.reset();
    audit_.reset();
    event_.reset();
    dossier_.reset();
    sequence_.reset();
    sqlite3_close(db_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  Writer(Writer&&) = delete;
  Writer& operator=(Writer&&) = delete;

  //! Files one dossier for `owner`; returns once it is durable.
  void File(int32_t owner) {
    Job job;
    job.owner = owner;
    std::future<void> done = job.done.get_future();
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    wake_.notify_one();
    done.get();
  }

 private:
  void Loop() {
    for (;;) {
      std::vector<Job> batch;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) {
          return;
        }
        while (!queue_.empty() && static_cast<int32_t>(batch.size()) < batch_) {
          batch.push_back(std::move(queue_.front()));
          queue_.pop_front();
        }
      }
      Exec(db_, "BEGIN IMMEDIATE");
      for (Job& job : batch) {
        Exec(db_, "SAVEPOINT job");
        Insert(job.owner);
        Exec(db_, "RELEASE job");
      }
      Exec(db_, "COMMIT");
      for (Job& job : batch) {
        job.done.set_value();
      }
    }
  }

  void Insert(int32_t owner) {
    constexpr std::string_view kAgency = "000.00.31.H40";
    constexpr std::string_view kDay = "261130";
    const int64_t now = NowMicros();
    const int64_t sequence = sequence_->Text(1, kAgency).Text(2, kDay).Run();
    const std::string code = fmt::format("{}-{}-{:04}", kAgency, kDay, sequence);
    const int64_t id = dossier_->Text(1, code)
                           .Text(2, kAgency)
                           .Int(3, owner)
                           .Text(4, kAnswers)
                           .Int(5, now)
                           .Int(6, now)
                           .Int(7, now)
                           .Run();
    event_->Int(1, id).Int(2, now).Int(3, owner).Run();
    audit_->Int(1, now)
        .Text(2, std::to_string(id))
        .Int(3, owner)
        .Text(4, fmt::format(R"({{"code":"{}"}})", code))
        .Run();
    outbox_
        ->Text(1, fmt::format("Hồ sơ {} đã được tiếp nhận trực tuyến. Tra cứu tại http://127.0.0.1/tra-cuu?ma={}", code,
                              code))
        .Text(2, fmt::format("dossier-filed-{}", id))
        .Int(3, now)
        .Int(4, now)
        .Run();
  }

  sqlite3* db_ = nullptr;
  int32_t batch_;
  std::unique_ptr<Statement> sequence_;
  std::unique_ptr<Statement> dossier_;
  std::unique_ptr<Statement> event_;
  std::unique_ptr<Statement> audit_;
  std::unique_ptr<Statement> outbox_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool closed_ = false;
  std::thread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Online filings inserted straight into SQLite (WAL, synchronous=FULL, group commit): the baseline"};
  std::string path;
  int32_t threads = kDefaultThreads;
  int32_t seconds = kDefaultSeconds;
  int32_t batch = kDefaultBatch;
  cli.add_option("--db", path, "SQLite file (created)")->required();
  cli.add_option("--threads", threads, "Threads filing at once")->check(CLI::Range(1, 1024));
  cli.add_option("--seconds", seconds, "How long to file")->check(CLI::Range(1, 3600));
  cli.add_option("--batch", batch, "Most filings per commit")->check(CLI::Range(1, 4096));
  CLI11_PARSE(cli, argc, argv);
  try {
    Writer writer(path, batch);
    std::atomic<bool> stop{false};
    std::vector<std::vector<int64_t>> latencies(static_cast<size_t>(threads));
    std::vector<std::thread> filers;
    const auto start = std::chrono::steady_clock::now();
    for (int32_t t = 0; t < threads; ++t) {
      filers.emplace_back([&, t] {
        std::vector<int64_t>& mine = latencies[static_cast<size_t>(t)];
        while (!stop.load(std::memory_order_relaxed)) {
          const auto before = std::chrono::steady_clock::now();
          writer.File(t + 1);
          mine.push_back(
              std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - before).count());
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    for (std::thread& f : filers) {
      f.join();
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<int64_t> all;
    for (const std::vector<int64_t>& l : latencies) {
      all.insert(all.end(), l.begin(), l.end());
    }
    std::sort(all.begin(), all.end());
    const size_t p99_index =
        all.empty() ? 0 : std::min(all.size() - 1, static_cast<size_t>(kP99 * static_cast<double>(all.size())));
    std::cout << fmt::format("filings {}\nseconds {:.2f}\nfilings/s {:.1f}\np99_ms {:.2f}\n", all.size(), elapsed,
                             static_cast<double>(all.size()) / elapsed,
                             all.empty() ? 0.0 : static_cast<double>(all[p99_index]) / kMicrosPerMilli);
  } catch (const std::exception& e) {
    std::cerr << "submit_baseline: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
