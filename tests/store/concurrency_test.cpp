//! What concurrent write jobs meet on PostgreSQL: lock timeout, the bounded wait for a pooled connection,
//! deadlocks and serialization failures with their kinds, and retried jobs (which must be idempotent).

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include "store/database.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::Env;
using testing_support::kEngineEnv;
using testing_support::OpenTestDatabase;

constexpr auto kWaitLimit = std::chrono::seconds(20);

//! Waits until `flag` is set (or a generous limit passes, so that a broken test fails instead of hanging).
void WaitFor(const std::atomic<bool>& flag) {
  const auto deadline = std::chrono::steady_clock::now() + kWaitLimit;
  while (!flag && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

//! Waits until `count` reaches `n` (or the limit passes).
void WaitUntil(const std::atomic<int32_t>& count, int32_t n) {
  const auto deadline = std::chrono::steady_clock::now() + kWaitLimit;
  while (count < n && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

//! The kind of the DatabaseError `fn` throws, or nothing when it succeeds.
std::optional<ErrorKind> KindOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.kind();
  }
  return std::nullopt;
}

TEST(PostgresOnly, ALockWaitBeyondTheLockTimeoutIsKindTimeout) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  DatabaseOptions options;
  options.lock_timeout_ms = 100;
  const auto test = OpenTestDatabase(options);
  Database& db = test->db();
  db.Write([](Session& s) { s.ExecScript("CREATE TABLE l (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)"); });
  db.Write([](Session& s) { s.Exec("INSERT INTO l (k, v) VALUES (1, 0)"); });
  std::atomic<bool> locked{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    db.Write([&](Session& s) {
      s.Exec("UPDATE l SET v = 1 WHERE k = 1");
      locked = true;
      WaitFor(release);
    });
  });
  WaitFor(locked);
  EXPECT_EQ(KindOf([&] { db.Write([](Session& s) { s.Exec("UPDATE l SET v = 2 WHERE k = 1"); }); }),
            ErrorKind::kTimeout);
  release = true;
  holder.join();
  int64_t v = -1;
  db.Read([&](Session& s) { v = s.Query("SELECT v FROM l WHERE k = 1")[0].Int(0); });
  EXPECT_EQ(v, 1);
}

TEST(PostgresOnly, AWriteWaitingBeyondThePoolWaitIsKindTimeout) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  DatabaseOptions options;
  options.pool_size = 1;
  options.pool_wait_ms = 100;
  const auto test = OpenTestDatabase(options);
  Database& db = test->db();
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    db.Write([&](Session&) {
      holding = true;
      WaitFor(release);
    });
  });
  WaitFor(holding);
  std::atomic<int32_t> ran{0};
  EXPECT_EQ(KindOf([&] { db.Write([&](Session&) { ++ran; }); }), ErrorKind::kTimeout);
  EXPECT_EQ(ran.load(), 0);
  release = true;
  holder.join();
  EXPECT_EQ(KindOf([&] { db.Write([&](Session&) { ++ran; }); }), std::nullopt);
  EXPECT_EQ(ran.load(), 1);
  EXPECT_EQ(db.QueueDepth(), 0);
}

TEST(PostgresOnly, ADeadlockWithoutRetriesIsKindDeadlock) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  DatabaseOptions options;
  options.max_write_retries = 0;
  const auto test = OpenTestDatabase(options);
  Database& db = test->db();
  db.Write([](Session& s) { s.ExecScript("CREATE TABLE dl (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)"); });
  db.Write([](Session& s) { s.Exec("INSERT INTO dl (k, v) VALUES (1, 0), (2, 0)"); });
  // Each job locks its first row, waits until the other holds its own, then wants the other's row.
  std::atomic<int32_t> first_locks{0};
  std::optional<ErrorKind> kinds[2];
  const auto run = [&](int32_t slot, int64_t first, int64_t second) {
    kinds[slot] = KindOf([&] {
      db.Write([&](Session& s) {
        s.Exec("UPDATE dl SET v = v + 1 WHERE k = ?", {first});
        ++first_locks;
        WaitUntil(first_locks, 2);
        s.Exec("UPDATE dl SET v = v + 1 WHERE k = ?", {second});
      });
    });
  };
  std::thread a(run, 0, 1, 2);
  std::thread b(run, 1, 2, 1);
  a.join();
  b.join();
  // Exactly one was chosen as the victim; the other committed.
  const int32_t deadlocks = (kinds[0] == ErrorKind::kDeadlock ? 1 : 0) + (kinds[1] == ErrorKind::kDeadlock ? 1 : 0);
  const int32_t commits = (kinds[0] == std::nullopt ? 1 : 0) + (kinds[1] == std::nullopt ? 1 : 0);
  EXPECT_EQ(deadlocks, 1);
  EXPECT_EQ(commits, 1);
}

//! Two SERIALIZABLE jobs that each count the rows, then insert one: a write skew PostgreSQL refuses.
void RunWriteSkew(Database& db, std::atomic<int32_t>& attempts, std::optional<ErrorKind> (&kinds)[2]) {
  std::atomic<int32_t> counted{0};
  const auto run = [&](int32_t slot) {
    kinds[slot] = KindOf([&] {
      db.Write([&](Session& s) {
        const bool first_attempt = attempts.fetch_add(1) < 2;
        s.ExecScript("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        const int64_t n = s.Query("SELECT COUNT(*) FROM ledger")[0].Int(0);
        if (first_attempt) {
          ++counted;
          WaitUntil(counted, 2);
        }
        s.Exec("INSERT INTO ledger (seen) VALUES (?)", {n});
      });
    });
  };
  std::thread a(run, 0);
  std::thread b(run, 1);
  a.join();
  b.join();
}

TEST(PostgresOnly, AWriteSkewWithoutRetriesIsKindSerializationFailure) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  DatabaseOptions options;
  options.max_write_retries = 0;
  const auto test = OpenTestDatabase(options);
  test->db().Write([](Session& s) { s.ExecScript("CREATE TABLE ledger (seen BIGINT NOT NULL)"); });
  std::atomic<int32_t> attempts{0};
  std::optional<ErrorKind> kinds[2];
  RunWriteSkew(test->db(), attempts, kinds);
  const int32_t failures =
      (kinds[0] == ErrorKind::kSerializationFailure ? 1 : 0) + (kinds[1] == ErrorKind::kSerializationFailure ? 1 : 0);
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(attempts.load(), 2);
  int64_t rows = 0;
  test->db().Read([&](Session& s) { rows = s.Query("SELECT COUNT(*) FROM ledger")[0].Int(0); });
  EXPECT_EQ(rows, 1);
}

TEST(PostgresOnly, AWriteSkewIsRetriedAndBothCommitInSomeOrder) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  test->db().Write([](Session& s) { s.ExecScript("CREATE TABLE ledger (seen BIGINT NOT NULL)"); });
  std::atomic<int32_t> attempts{0};
  std::optional<ErrorKind> kinds[2];
  RunWriteSkew(test->db(), attempts, kinds);
  EXPECT_EQ(kinds[0], std::nullopt);
  EXPECT_EQ(kinds[1], std::nullopt);
  EXPECT_EQ(attempts.load(), 3);  // The victim ran again, once.
  test->db().Read([&](Session& s) {
    // Serialised: one saw no row, the other saw the first one's.
    const Rows rows = s.Query("SELECT seen FROM ledger ORDER BY seen");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].Int(0), 0);
    EXPECT_EQ(rows[1].Int(0), 1);
  });
}

TEST(PostgresOnly, AJobRetriedAfterASerializationFailureRunsTwiceAndCommitsOnce) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  Database& db = test->db();
  db.Write([](Session& s) { s.ExecScript("CREATE TABLE once (note TEXT NOT NULL)"); });
  int32_t runs = 0;
  db.Write([&](Session& s) {
    ++runs;  // A side effect outside the session: it shows the rerun, and is why jobs must not have any.
    s.Exec("INSERT INTO once (note) VALUES (?)", {std::string("inserted by run ") + std::to_string(runs)});
    if (runs == 1) {
      s.ExecScript("DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = 'serialization_failure'; END $$");
    }
  });
  EXPECT_EQ(runs, 2);
  db.Read([](Session& s) {
    const Rows rows = s.Query("SELECT note FROM once");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Text(0), "inserted by run 2");
  });
}

TEST(PostgresOnly, RetriesAreBoundedAndTheLastFailureReachesTheCaller) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  DatabaseOptions options;
  options.max_write_retries = 2;
  const auto test = OpenTestDatabase(options);
  int32_t runs = 0;
  EXPECT_EQ(KindOf([&] {
              test->db().Write([&](Session& s) {
                ++runs;
                s.ExecScript("DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = 'deadlock_detected'; END $$");
              });
            }),
            ErrorKind::kDeadlock);
  EXPECT_EQ(runs, 3);
}

}  // namespace
}  // namespace motcua::store
