// Concurrent account-like writes on PostgreSQL: each writer thread runs write jobs that insert an account row and
// append its audit entry, as registration does, for a fixed time; prints the committed jobs per second. The
// journal's sealer runs meanwhile, every 250 ms as in `motcua serve`, seals the rest at the end, and the journal is
// verified (the run fails unless every committed entry is sealed into an intact chain).
//
//   store_write_bench --db postgresql://… [--writers 32] [--seconds 10] [--pool 8]
//
// The jobs run in a schema of their own (created, then dropped), so the benchmark never touches other data.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "domain/audit.hpp"
#include "domain/time.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"

namespace {

using motcua::store::Database;
using motcua::store::Session;

constexpr int32_t kDefaultWriters = 32;
constexpr int32_t kDefaultSeconds = 10;
constexpr int32_t kDefaultPool = 8;
//! As in `motcua serve`.
constexpr std::chrono::milliseconds kSealInterval{250};
//! Phone numbers are 0 followed by nine digits; each writer numbers its own block of them.
constexpr int64_t kPhonesPerWriter = 10'000'000;

//! One write job as registration does it: the account and its journal entry, committed together.
void WriteAccount(Database& db, const motcua::domain::Clock& clock, int32_t writer, int64_t n) {
  db.Write([&](Session& s) {
    motcua::store::NewAccount account;
    account.phone = fmt::format("0{:09}", int64_t{writer} * kPhonesPerWriter + n);
    account.full_name = "Nguyễn Văn Thử";
    account.email = fmt::format("w{}n{}@example.vn", writer, n);
    const int64_t id = motcua::store::InsertAccount(s, account, clock.Now());
    motcua::domain::AuditEntry entry;
    entry.action = "account.register";
    entry.object_type = "user";
    entry.object_id = std::to_string(id);
    entry.actor_id = id;
    entry.actor_name = account.full_name;
    entry.ip = "192.0.2.1";
    entry.request_id = fmt::format("bench-{}-{}", writer, n);
    entry.summary = R"({"after":{"status":"active"}})";
    motcua::store::AppendAudit(s, std::move(entry));
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Concurrent account writes (row + audit entry) on PostgreSQL, committed jobs per second"};
  std::string url;
  int32_t writers = kDefaultWriters;
  int32_t seconds = kDefaultSeconds;
  int32_t pool = kDefaultPool;
  cli.add_option("--db", url, "postgresql:// URL (env MOTCUA_BENCH_PG_URL)");
  cli.add_option("--writers", writers, "Writer threads")->check(CLI::Range(1, 1024));
  cli.add_option("--seconds", seconds, "How long to write")->check(CLI::Range(1, 3600));
  cli.add_option("--pool", pool, "PostgreSQL write connections")->check(CLI::Range(1, 256));
  CLI11_PARSE(cli, argc, argv);
  if (url.empty()) {
    const char* env = std::getenv("MOTCUA_BENCH_PG_URL");  // NOLINT(concurrency-mt-unsafe): before any thread
    url = env != nullptr ? env : "";
  }
  if (!motcua::store::IsPostgresUrl(url)) {
    std::cerr << "store_write_bench: --db must be a postgresql:// URL (or set MOTCUA_BENCH_PG_URL)\n";
    return 2;
  }
  motcua::store::DatabaseOptions options;
  options.pool_size = pool;
  const std::string schema = fmt::format("motcua_bench_{}", getpid());
  auto admin = motcua::store::OpenDatabase(url, options);
  admin->Write([&](Session& s) { s.ExecScript("CREATE SCHEMA " + schema); });
  const char separator = url.find('?') == std::string::npos ? '?' : '&';
  auto db = motcua::store::OpenDatabase(fmt::format("{}{}options=-csearch_path%3D{}", url, separator, schema), options);
  motcua::store::Migrate(*db);

  const motcua::domain::SystemClock clock;
  std::atomic<bool> stop{false};
  std::atomic<int64_t> committed{0};
  std::atomic<int64_t> failed{0};
  std::vector<std::thread> threads;
  auto sealer = std::make_unique<motcua::store::AuditSealer>(*db, kSealInterval);
  const auto start = std::chrono::steady_clock::now();
  for (int32_t w = 0; w < writers; ++w) {
    threads.emplace_back([&, w] {
      for (int64_t n = 0; !stop.load(std::memory_order_relaxed); ++n) {
        try {
          WriteAccount(*db, clock, w, n);
          committed.fetch_add(1, std::memory_order_relaxed);
        } catch (const std::exception& e) {
          if (failed.fetch_add(1) == 0) {
            std::cerr << "store_write_bench: a write failed: " << e.what() << "\n";
          }
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  for (std::thread& t : threads) {
    t.join();
  }
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sealer.reset();
  const motcua::store::AuditVerification journal = motcua::store::VerifyAudit(*db);
  db->Close();
  admin->Write([&](Session& s) { s.ExecScript(fmt::format("DROP SCHEMA {} CASCADE", schema)); });
  admin->Close();
  std::cout << fmt::format("writers {} pool {} seconds {:.1f} committed {} failed {} writes/s {:.1f}\n", writers, pool,
                           elapsed, committed.load(), failed.load(), static_cast<double>(committed.load()) / elapsed);
  std::cout << fmt::format("journal {}: {} rows sealed, {} unsealed {}\n", journal.intact ? "intact" : "BROKEN",
                           journal.rows, journal.unsealed, journal.problem);
  return failed.load() == 0 && journal.intact && journal.rows == committed.load() ? 0 : 1;
}
