// The officers' inbox called on the service directly (service::BackOffice::InboxOf: one page and the counts of every
// queue the officer has), as bench/inbox.sh runs it over a database with 1 M open dossiers: for each officer and
// queue, ITERATIONS calls after a warm-up, then p50, p99 and the largest time in milliseconds, with the page size and
// the counts. The inbox over HTTP is measured by bench/inbox_load.mjs.
//
//   inbox_bench --db DB [--iterations 300] [--login LOGIN]… [--queue QUEUE]…
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "domain/policy.hpp"
#include "domain/time.hpp"
#include "service/back_office.hpp"
#include "service/catalogue.hpp"
#include "service/dossiers.hpp"
#include "service/file_store.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace {

namespace service = motcua::service;

constexpr int32_t kDefaultIterations = 300;
constexpr int32_t kWarmUp = 20;
constexpr int32_t kCataloguePollMs = 60'000;
constexpr double kMicrosPerMilli = 1000.0;
constexpr double kP99 = 0.99;

//! The `q` quantile of sorted `v` (nearest rank).
double Quantile(const std::vector<double>& v, double q) {
  const auto rank = static_cast<size_t>(q * static_cast<double>(v.size()));
  return v[std::min(rank, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The back-office inbox on the service directly: p50/p99 per officer and queue"};
  std::string db_url;
  int32_t iterations = kDefaultIterations;
  std::vector<std::string> logins = {"truongphong.tuphap", "chuyenvien.tuphap", "tiepnhan.tuphap", "giamdoc.tuphap"};
  std::vector<std::string> queues = {"mine", "reception", "due_soon", "overdue"};
  app.add_option("--db", db_url, "SQLite file or postgresql:// URL")->required();
  app.add_option("--iterations", iterations, "Calls per officer and queue")->check(CLI::PositiveNumber);
  app.add_option("--login", logins, "Officers (login names)");
  app.add_option("--queue", queues, "Queues");
  CLI11_PARSE(app, argc, argv);

  auto db = motcua::store::OpenDatabase(db_url);
  motcua::domain::SystemClock clock;
  service::CatalogueHolder catalogue(*db, kCataloguePollMs);
  service::FormLibrary forms(*db, clock, catalogue);
  service::FileStore files("/tmp/motcua-inbox-bench-files");
  service::Dossiers dossiers(*db, clock, catalogue, forms, files, "http://127.0.0.1");
  service::WorkCalendars calendars(*db, clock, catalogue);
  service::Workflows workflows(*db, clock, catalogue);
  service::BackOffice office(*db, clock, catalogue, dossiers, forms, files, calendars, workflows, "http://127.0.0.1");

  fmt::print("{:<20} {:<10} {:>8} {:>8} {:>8} {:>5}  counts\n", "officer", "queue", "p50 ms", "p99 ms", "max ms",
             "rows");
  double worst_p99 = 0;
  for (const std::string& login : logins) {
    std::optional<motcua::domain::Account> account;
    db->Read([&](motcua::store::Session& s) { account = motcua::store::FindAccountByLogin(s, "", "", login); });
    if (!account) {
      std::cerr << "inbox_bench: no account " << login << "\n";
      return 1;
    }
    service::Actor actor;
    actor.principal = motcua::domain::Principal{account->id, account->full_name, false, account->grants};
    for (const std::string& code : queues) {
      const auto queue = service::ParseQueue(code);
      if (!queue) {
        std::cerr << "inbox_bench: unknown queue " << code << "\n";
        return 2;
      }
      service::InboxQuery query;
      query.queue = *queue;
      std::vector<double> ms;
      motcua::domain::Result<service::Inbox> last = office.InboxOf(actor, query);
      if (!last.ok()) {
        fmt::print("{:<20} {:<10} refused: {}\n", login, code, last.error().message);
        continue;
      }
      for (int32_t i = 0; i < kWarmUp + iterations; ++i) {
        const auto start = std::chrono::steady_clock::now();
        last = office.InboxOf(actor, query);
        const auto took = std::chrono::steady_clock::now() - start;
        if (i >= kWarmUp) {
          ms.push_back(static_cast<double>(std::chrono::duration_cast<std::chrono::microseconds>(took).count()) /
                       kMicrosPerMilli);
        }
      }
      std::sort(ms.begin(), ms.end());
      std::string counts;
      for (const auto& [q, n] : last.value().counts) {
        counts += fmt::format("{}={} ", service::QueueCode(q), n);
      }
      const double p99 = Quantile(ms, kP99);
      worst_p99 = std::max(worst_p99, p99);
      fmt::print("{:<20} {:<10} {:>8.2f} {:>8.2f} {:>8.2f} {:>5}  {}\n", login, code, Quantile(ms, 0.5), p99, ms.back(),
                 last.value().rows.size(), counts);
    }
  }
  fmt::print("service p99 (worst officer and queue): {:.2f} ms\n", worst_p99);
  db->Close();
  return 0;
}
