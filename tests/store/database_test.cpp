//! Behaviour of the storage layer, the same on every engine. MOTCUA_TEST_ENGINE picks the engine (sqlite by
//! default); for postgres, MOTCUA_TEST_PG_URL names a database in which each test gets its own schema.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "store/database.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::Env;
using testing_support::kEngineEnv;
using testing_support::kPgUrlEnv;
using testing_support::OpenTestDatabase;
using testing_support::TestDatabase;
using testing_support::UniqueName;

class DatabaseTest : public testing::Test {
 protected:
  void SetUp() override { test_ = OpenTestDatabase(); }

  Database& db() { return test_->db(); }

  //! Runs one script in a write job.
  void Script(std::string_view sql) {
    db().Write([&](Session& s) { s.ExecScript(AdaptSchema(sql, s.engine())); });
  }

  int64_t Count(std::string_view table) {
    int64_t n = -1;
    db().Read([&](Session& s) { n = s.Query(fmt::format("SELECT COUNT(*) FROM {}", table))[0].Int(0); });
    return n;
  }

  std::unique_ptr<TestDatabase> test_;
};

// ---- Values and statements ----

TEST_F(DatabaseTest, ValuesRoundTripWithTheirTypes) {
  Script("CREATE TABLE v (k BIGINT PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, t TEXT)");
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  const std::string vietnamese = "Đăng ký khai sinh";
  const std::string tricky = "it's \"quoted\"\nnew line; DROP TABLE v; --";
  db().Write([&](Session& s) {
    const std::string insert = "INSERT INTO v (k, i, r, t) VALUES (?, ?, ?, ?)";
    s.Exec(insert, {int64_t{1}, Value{}, Value{}, Value{}});
    s.Exec(insert, {int64_t{2}, kMin, 0.1, vietnamese});
    s.Exec(insert, {int64_t{3}, kMax, -1.0e300, tricky});
    s.Exec(insert, {int64_t{4}, int64_t{0}, 3.141592653589793, std::string()});
    s.Exec(insert, {int64_t{5}, int64_t{-1}, 1.0 / 3.0, std::string("?")});
  });

  Rows rows;
  db().Read([&](Session& s) { rows = s.Query("SELECT k, i, r, t FROM v ORDER BY k"); });
  ASSERT_EQ(rows.size(), 5U);
  ASSERT_EQ(rows.columns, (std::vector<std::string>{"k", "i", "r", "t"}));
  EXPECT_TRUE(rows[0].IsNull(1));
  EXPECT_TRUE(rows[0].IsNull(2));
  EXPECT_TRUE(rows[0].IsNull(3));
  EXPECT_EQ(rows[0].OptText(3), std::nullopt);
  EXPECT_EQ(std::get<int64_t>(rows.values[1][1]), kMin);
  EXPECT_EQ(std::get<int64_t>(rows.values[2][1]), kMax);
  EXPECT_EQ(std::get<int64_t>(rows.values[3][1]), 0);
  EXPECT_EQ(std::get<int64_t>(rows.values[4][1]), -1);
  EXPECT_EQ(std::get<double>(rows.values[1][2]), 0.1);
  EXPECT_EQ(std::get<double>(rows.values[2][2]), -1.0e300);
  EXPECT_EQ(std::get<double>(rows.values[3][2]), 3.141592653589793);
  EXPECT_EQ(std::get<double>(rows.values[4][2]), 1.0 / 3.0);
  EXPECT_EQ(std::get<std::string>(rows.values[1][3]), vietnamese);
  EXPECT_EQ(std::get<std::string>(rows.values[2][3]), tricky);
  EXPECT_EQ(std::get<std::string>(rows.values[3][3]), "");
  EXPECT_FALSE(rows[3].IsNull(3));
  EXPECT_EQ(rows[4].Text(3), "?");
}

TEST_F(DatabaseTest, NullParameterMatchesIsNull) {
  Script("CREATE TABLE n (k BIGINT, t TEXT)");
  db().Write([](Session& s) {
    s.Exec("INSERT INTO n (k, t) VALUES (?, ?)", {int64_t{1}, Value{}});
    s.Exec("INSERT INTO n (k, t) VALUES (?, ?)", {int64_t{2}, std::string("x")});
  });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT k FROM n WHERE t IS NULL");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Int(0), 1);
  });
}

TEST_F(DatabaseTest, PlaceholdersSkipQuestionMarksInsideQuotes) {
  Script("CREATE TABLE q (a TEXT, b TEXT, c BIGINT)");
  db().Write([](Session& s) {
    s.Exec("INSERT INTO q (a, b, c) VALUES (?, 'what?', ?)", {std::string("first"), int64_t{7}});
    s.Exec("INSERT INTO q (a, b, c) VALUES ('it''s ?', ?, ?) -- trailing comment?",
           {std::string("second"), int64_t{8}});
  });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT a, b, c FROM q WHERE c >= ? ORDER BY c", {int64_t{7}});
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].Text(0), "first");
    EXPECT_EQ(rows[0].Text(1), "what?");
    EXPECT_EQ(rows[0].Int(2), 7);
    EXPECT_EQ(rows[1].Text(0), "it's ?");
    EXPECT_EQ(rows[1].Text(1), "second");
    EXPECT_EQ(rows[1].Int(2), 8);

    const Rows direct = s.Query("SELECT ? AS a, 'why?' AS b, ? AS c", {int64_t{42}, std::string("x")});
    ASSERT_EQ(direct.size(), 1U);
    EXPECT_EQ(direct.columns, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(direct[0].Int(0), 42);
    EXPECT_EQ(direct[0].Text(1), "why?");
    EXPECT_EQ(direct[0].Text(2), "x");
  });
}

TEST_F(DatabaseTest, ExecReturnsTheNumberOfChangedRows) {
  Script("CREATE TABLE c (k BIGINT, flag BIGINT)");
  db().Write([](Session& s) {
    for (int64_t k = 1; k <= 5; ++k) {
      EXPECT_EQ(s.Exec("INSERT INTO c (k, flag) VALUES (?, 0)", {k}), 1);
    }
    EXPECT_EQ(s.Exec("UPDATE c SET flag = 1 WHERE k > ?", {int64_t{2}}), 3);
    EXPECT_EQ(s.Exec("UPDATE c SET flag = 2 WHERE k > ?", {int64_t{100}}), 0);
    EXPECT_EQ(s.Exec("DELETE FROM c WHERE flag = ?", {int64_t{1}}), 3);
  });
  EXPECT_EQ(Count("c"), 2);
}

TEST_F(DatabaseTest, InsertReturningGivesTheNewId) {
  Script("CREATE TABLE r (id @ID@, name TEXT)");
  int64_t first = 0;
  int64_t second = 0;
  db().Write([&](Session& s) {
    first = s.Query("INSERT INTO r (name) VALUES (?) RETURNING id", {std::string("a")})[0].Int(0);
    second = s.Query("INSERT INTO r (name) VALUES (?) RETURNING id", {std::string("b")})[0].Int(0);
  });
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
}

TEST_F(DatabaseTest, ComparisonsComeBackAsIntegers) {
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT 1 = 1, 1 = 2, ? > 1", {int64_t{5}});
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(std::get<int64_t>(rows.values[0][0]), 1);
    EXPECT_EQ(std::get<int64_t>(rows.values[0][1]), 0);
    EXPECT_EQ(std::get<int64_t>(rows.values[0][2]), 1);
  });
}

// ---- Transactions ----

TEST_F(DatabaseTest, ReadsSeeCommittedWrites) {
  Script("CREATE TABLE w (k BIGINT)");
  EXPECT_EQ(Count("w"), 0);
  db().Write([](Session& s) { s.Exec("INSERT INTO w (k) VALUES (1)"); });
  EXPECT_EQ(Count("w"), 1);
  int64_t seen_elsewhere = -1;
  std::thread other([&] { seen_elsewhere = Count("w"); });
  other.join();
  EXPECT_EQ(seen_elsewhere, 1);
}

TEST_F(DatabaseTest, ReadsFromManyThreadsEachSeeTheData) {
  Script("CREATE TABLE m (k BIGINT)");
  db().Write([](Session& s) { s.Exec("INSERT INTO m (k) VALUES (1), (2), (3)"); });
  constexpr int32_t kThreads = 8;
  std::atomic<int32_t> correct{0};
  std::vector<std::thread> threads;
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int32_t i = 0; i < 5; ++i) {
        if (Count("m") == 3) {
          ++correct;
        }
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(correct.load(), kThreads * 5);
  // The threads have ended; the database must still close cleanly and serve this thread.
  EXPECT_EQ(Count("m"), 3);
}

TEST_F(DatabaseTest, ReadIsAConsistentSnapshotWhileAWriterCommits) {
  Script("CREATE TABLE s (k BIGINT)");
  db().Write([](Session& s) { s.Exec("INSERT INTO s (k) VALUES (1)"); });
  int64_t before = -1;
  int64_t after = -1;
  db().Read([&](Session& s) {
    before = s.Query("SELECT COUNT(*) FROM s")[0].Int(0);
    std::thread writer([&] { db().Write([](Session& w) { w.Exec("INSERT INTO s (k) VALUES (2)"); }); });
    writer.join();  // Committed now, while this read transaction is still open.
    after = s.Query("SELECT COUNT(*) FROM s")[0].Int(0);
  });
  EXPECT_EQ(before, 1);
  EXPECT_EQ(after, before);
  EXPECT_EQ(Count("s"), 2);
}

//! What a failing job throws: the caller must get this very type back, not a wrapper.
class JobFailed : public std::runtime_error {
 public:
  explicit JobFailed(int64_t job) : std::runtime_error(fmt::format("job {} failed", job)), job_(job) {}
  int64_t job() const { return job_; }

 private:
  int64_t job_;
};

TEST_F(DatabaseTest, AFailingWriteIsUndoneAndOthersQueuedWithItCommit) {
  Script("CREATE TABLE j (job BIGINT NOT NULL)");
  constexpr int32_t kThreads = 5;
  constexpr int32_t kJobsPerThread = 10;
  constexpr int64_t kEveryNthFails = 5;
  std::atomic<int32_t> failures_seen{0};
  std::atomic<int32_t> wrong_errors{0};
  std::vector<std::thread> threads;
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int32_t i = 0; i < kJobsPerThread; ++i) {
        const int64_t job = int64_t{t} * kJobsPerThread + i;
        try {
          db().Write([job](Session& s) {
            s.Exec("INSERT INTO j (job) VALUES (?)", {job});
            if (job % kEveryNthFails == 0) {
              throw JobFailed(job);
            }
          });
        } catch (const JobFailed& e) {
          if (e.job() == job) {
            ++failures_seen;
          } else {
            ++wrong_errors;
          }
        } catch (const std::exception&) {
          ++wrong_errors;
        }
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  constexpr int32_t kJobs = kThreads * kJobsPerThread;
  constexpr int32_t kFailing = kJobs / kEveryNthFails;
  EXPECT_EQ(wrong_errors.load(), 0);
  EXPECT_EQ(failures_seen.load(), kFailing);
  EXPECT_EQ(Count("j"), kJobs - kFailing);
  db().Read([](Session& s) {
    EXPECT_EQ(s.Query("SELECT COUNT(*) FROM j WHERE job % 5 = 0")[0].Int(0), 0);
    EXPECT_EQ(s.Query("SELECT COUNT(DISTINCT job) FROM j")[0].Int(0), kJobs - kFailing);
  });
  EXPECT_EQ(db().QueueDepth(), 0);
}

TEST_F(DatabaseTest, AFailingReadIsRethrownAndTheNextReadWorks) {
  Script("CREATE TABLE f (k BIGINT)");
  EXPECT_THROW(db().Read([](Session& s) {
    s.Query("SELECT COUNT(*) FROM f");
    throw JobFailed(1);
  }),
               JobFailed);
  EXPECT_THROW(db().Read([](Session& s) { s.Query("SELECT no_such_column FROM f"); }), DatabaseError);
  EXPECT_EQ(Count("f"), 0);
}

TEST(DatabaseConstraints, ViolationIsADatabaseErrorAndTheConnectionStaysUsable) {
  DatabaseOptions one_connection;
  one_connection.pool_size = 1;  // PostgreSQL: the failed job's connection is the one the next job gets.
  const auto test = OpenTestDatabase(one_connection);
  Database& db = test->db();
  db.Write([](Session& s) {
    s.ExecScript("CREATE TABLE u (code TEXT NOT NULL UNIQUE, note TEXT)");
    s.Exec("INSERT INTO u (code) VALUES (?)", {std::string("1.000656")});
  });
  EXPECT_THROW(db.Write([](Session& s) {
    s.Exec("INSERT INTO u (code, note) VALUES (?, ?)", {std::string("other"), std::string("undone")});
    s.Exec("INSERT INTO u (code) VALUES (?)", {std::string("1.000656")});
  }),
               DatabaseError);
  EXPECT_THROW(db.Write([](Session& s) { s.Exec("INSERT INTO u (code) VALUES (?)", {Value{}}); }), DatabaseError);
  EXPECT_THROW(db.Write([](Session& s) { s.Exec("INSERT INTO no_such_table VALUES (1)"); }), DatabaseError);
  db.Write([](Session& s) { s.Exec("INSERT INTO u (code) VALUES (?)", {std::string("2.001")}); });
  db.Read([](Session& s) {
    const Rows rows = s.Query("SELECT code FROM u ORDER BY code");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].Text(0), "1.000656");
    EXPECT_EQ(rows[1].Text(0), "2.001");
  });
}

// ---- Schema ----

TEST_F(DatabaseTest, IdMacroIsAnAutoIncrementKey) {
  Script("CREATE TABLE a (id @ID@, name TEXT NOT NULL)");
  db().Write([](Session& s) {
    for (const char* name : {"một", "hai", "ba"}) {
      s.Exec("INSERT INTO a (name) VALUES (?)", {std::string(name)});
    }
  });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT id, name FROM a ORDER BY id");
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_TRUE(std::holds_alternative<int64_t>(rows.values[0][0]));
    EXPECT_GT(rows[0].Int(0), 0);
    EXPECT_LT(rows[0].Int(0), rows[1].Int(0));
    EXPECT_LT(rows[1].Int(0), rows[2].Int(0));
    EXPECT_EQ(rows[0].Text(1), "một");
  });
}

const std::vector<Migration>& TestMigrations() {
  static const std::vector<Migration> migrations = {
      {1, "001_people",
       "CREATE TABLE people (id @ID@, name TEXT NOT NULL);\n"
       "CREATE INDEX people_name ON people (name);"},
      {2, "002_email", "ALTER TABLE people ADD COLUMN email TEXT;"},
  };
  return migrations;
}

TEST_F(DatabaseTest, MigrateAppliesEveryStepOnAFreshDatabase) {
  const MigrationReport report = Migrate(db(), TestMigrations());
  EXPECT_EQ(report.from_version, 0);
  EXPECT_EQ(report.to_version, 2);
  EXPECT_EQ(report.applied, (std::vector<std::string>{"001_people", "002_email"}));
  db().Write([](Session& s) {
    s.Exec("INSERT INTO people (name, email) VALUES (?, ?)", {std::string("Lan"), std::string("lan@example.vn")});
  });
  EXPECT_EQ(Count("people"), 1);
  EXPECT_EQ(Count("schema_migrations"), 2);
}

TEST_F(DatabaseTest, MigrateTwiceChangesNothing) {
  Migrate(db(), TestMigrations());
  const MigrationReport again = Migrate(db(), TestMigrations());
  EXPECT_EQ(again.from_version, 2);
  EXPECT_EQ(again.to_version, 2);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(Count("schema_migrations"), 2);
}

TEST_F(DatabaseTest, MigrateAppliesOnlyTheNewSteps) {
  const std::vector<Migration> first_only(TestMigrations().begin(), TestMigrations().begin() + 1);
  EXPECT_EQ(Migrate(db(), first_only).to_version, 1);
  const MigrationReport report = Migrate(db(), TestMigrations());
  EXPECT_EQ(report.from_version, 1);
  EXPECT_EQ(report.applied, (std::vector<std::string>{"002_email"}));
}

TEST_F(DatabaseTest, MigrateRefusesASchemaNewerThanItKnows) {
  Migrate(db(), TestMigrations());
  const std::vector<Migration> older(TestMigrations().begin(), TestMigrations().begin() + 1);
  EXPECT_THROW(Migrate(db(), older), DatabaseError);
}

TEST_F(DatabaseTest, AFailedMigrationLeavesTheVersionBefore) {
  std::vector<Migration> broken = TestMigrations();
  broken.push_back({3, "003_broken", "CREATE TABLE fine (k BIGINT);\nCREATE TABLE broken (;"});
  EXPECT_THROW(Migrate(db(), broken), DatabaseError);
  const MigrationReport report = Migrate(db(), TestMigrations());
  EXPECT_EQ(report.from_version, 2);
  EXPECT_TRUE(report.applied.empty());
  // The step's first statement was undone with it, so a fixed step can create the table again.
  db().Read([](Session& s) { EXPECT_THROW(s.Query("SELECT COUNT(*) FROM fine"), DatabaseError); });
}

// ---- Lifecycle ----

TEST_F(DatabaseTest, QueueDepthIsZeroWhenIdle) {
  EXPECT_EQ(db().QueueDepth(), 0);
  Script("CREATE TABLE d (k BIGINT)");
  db().Write([](Session& s) { s.Exec("INSERT INTO d (k) VALUES (1)"); });
  EXPECT_EQ(db().QueueDepth(), 0);
}

TEST_F(DatabaseTest, QueueDepthCountsAWriteInProgress) {
  std::atomic<bool> inside{false};
  std::atomic<bool> release{false};
  std::thread writer([&] {
    db().Write([&](Session&) {
      inside = true;
      while (!release) {
        std::this_thread::yield();
      }
    });
  });
  while (!inside) {
    std::this_thread::yield();
  }
  EXPECT_GE(db().QueueDepth(), 1);
  release = true;
  writer.join();
  EXPECT_EQ(db().QueueDepth(), 0);
}

TEST_F(DatabaseTest, CloseThenReadOrWriteThrows) {
  Script("CREATE TABLE z (k BIGINT)");
  EXPECT_EQ(Count("z"), 0);  // This thread now has a read connection, which Close must not leave dangling.
  db().Close();
  EXPECT_THROW(db().Read([](Session& s) { s.Query("SELECT COUNT(*) FROM z"); }), DatabaseError);
  EXPECT_THROW(db().Write([](Session& s) { s.Exec("INSERT INTO z (k) VALUES (1)"); }), DatabaseError);
}

TEST_F(DatabaseTest, DescribeNamesTheDatabase) {
  const std::string description = db().Describe();
  EXPECT_FALSE(description.empty());
  if (db().engine() == Engine::kPostgres) {
    EXPECT_TRUE(description.starts_with("postgresql://")) << description;
  }
}

// ---- PostgreSQL only ----

//! The test URL with a password added to its user, e.g. postgresql://postgres:secret@host/db.
std::string WithPassword(const std::string& url, std::string_view password) {
  const size_t at = url.find('@');
  const size_t scheme_end = url.find("://");
  if (at == std::string::npos || scheme_end == std::string::npos || url.find(':', scheme_end + 3) < at) {
    return {};
  }
  return url.substr(0, at) + ":" + std::string(password) + url.substr(at);
}

TEST(PostgresOnly, ThePasswordNeverAppearsInDescriptionsOrErrors) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  constexpr std::string_view kSecret = "s3cr3t-Pa55";
  const std::string url = WithPassword(Env(kPgUrlEnv), kSecret);
  ASSERT_FALSE(url.empty()) << "the test URL needs a user and no password";
  // The test cluster trusts loopback, so the password is accepted and ignored.
  const auto db = OpenDatabase(url);
  EXPECT_EQ(db->Describe().find(kSecret), std::string::npos) << db->Describe();
  try {
    OpenDatabase(fmt::format("postgresql://postgres:{}@127.0.0.1:1/nowhere", kSecret));
    ADD_FAILURE() << "connecting to a closed port succeeded";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find(kSecret), std::string::npos) << e.what();
  }
  try {
    OpenDatabase(fmt::format("postgresql://postgres:{}@127.0.0.1:1/nowhere?no_such_option=1", kSecret));
    ADD_FAILURE() << "an unknown URL option was accepted";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(std::string(e.what()).find(kSecret), std::string::npos) << e.what();
  }
}

TEST(PostgresOnly, ErrorsCarryTheSqlstate) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  try {
    test->db().Write([](Session& s) { s.Exec("SELECT 1 / 0"); });
    ADD_FAILURE() << "division by zero succeeded";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("22012"), std::string::npos) << e.what();
  }
}

TEST(PostgresOnly, ADeadlockedWriteIsRetriedAndBothCommit) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  Database& db = test->db();
  db.Write([](Session& s) { s.ExecScript("CREATE TABLE dl (k BIGINT PRIMARY KEY, v BIGINT NOT NULL)"); });
  db.Write([](Session& s) { s.Exec("INSERT INTO dl (k, v) VALUES (1, 0), (2, 0)"); });
  // Two jobs lock the rows in opposite orders; on their first attempt each waits until the other holds its
  // first row, so the server must break the deadlock (after deadlock_timeout) and the victim is run again.
  std::atomic<int32_t> attempts{0};
  std::atomic<int32_t> first_locks{0};
  std::atomic<int32_t> errors{0};
  const auto job = [&](int64_t first, int64_t second) {
    return [&, first, second](Session& s) {
      const bool first_attempt = attempts.fetch_add(1) < 2;
      s.Exec("UPDATE dl SET v = v + 1 WHERE k = ?", {first});
      if (first_attempt) {
        ++first_locks;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (first_locks < 2 && std::chrono::steady_clock::now() < deadline) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
      }
      s.Exec("UPDATE dl SET v = v + 1 WHERE k = ?", {second});
    };
  };
  const auto run = [&](int64_t first, int64_t second) {
    try {
      db.Write(job(first, second));
    } catch (const std::exception& e) {
      ++errors;
      ADD_FAILURE() << e.what();
    }
  };
  std::thread a(run, 1, 2);
  std::thread b(run, 2, 1);
  a.join();
  b.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(attempts.load(), 3);
  db.Read([](Session& s) {
    const Rows rows = s.Query("SELECT v FROM dl ORDER BY k");
    ASSERT_EQ(rows.size(), 2U);
    EXPECT_EQ(rows[0].Int(0), 2);
    EXPECT_EQ(rows[1].Int(0), 2);
  });
}

//! Connections the test's database holds open on the server.
int64_t ServerConnections(TestDatabase& test) {
  int64_t n = -1;
  test.admin().Write([&](Session& s) {
    n = s.Query("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?", {test.schema()})[0].Int(0);
  });
  return n;
}

TEST(PostgresOnly, ConnectionsKilledByTheServerAreReplacedTransparently) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  Database& db = test->db();
  db.Write([](Session& s) { s.ExecScript("CREATE TABLE k (v BIGINT)"); });
  db.Read([](Session& s) { s.Query("SELECT COUNT(*) FROM k"); });
  ASSERT_EQ(ServerConnections(*test), 2);  // One read connection, one write connection.
  // As after a server restart or an idle timeout: every connection of this database is gone.
  test->admin().Write([&](Session& s) {
    s.Query("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = ?",
            {test->schema()});
  });
  db.Write([](Session& s) { s.Exec("INSERT INTO k (v) VALUES (1)"); });
  int64_t count = -1;
  db.Read([&](Session& s) { count = s.Query("SELECT COUNT(*) FROM k")[0].Int(0); });
  EXPECT_EQ(count, 1);
}

TEST(PostgresOnly, AThreadThatEndsClosesItsReadConnection) {
  if (Env(kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  const auto test = OpenTestDatabase();
  Database& db = test->db();
  constexpr int32_t kThreads = 6;
  std::vector<std::thread> threads;
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] { db.Read([](Session& s) { s.Query("SELECT 1"); }); });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  // The server notices a closed connection a moment later.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (ServerConnections(*test) > 1 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(ServerConnections(*test), 1);  // Only the write connection opened at start.
}

// ---- Placeholder rewriting (pure, engine-independent) ----

struct PlaceholderCase {
  std::string_view sql;
  std::string_view expected;
};

TEST(ToPostgresPlaceholders, RewritesOnlyRealPlaceholders) {
  const PlaceholderCase cases[] = {
      {"SELECT 1", "SELECT 1"},
      {"SELECT ?", "SELECT $1"},
      {"a = ? AND b = ? OR c IN (?, ?)", "a = $1 AND b = $2 OR c IN ($3, $4)"},
      {"x = '?' AND y = ?", "x = '?' AND y = $1"},
      {"x = 'it''s ?' AND y = ?", "x = 'it''s ?' AND y = $1"},
      {"\"odd?name\" = ?", "\"odd?name\" = $1"},
      {"SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2"},
      {"SELECT ? -- trailing?", "SELECT $1 -- trailing?"},
      {"SELECT /* what? */ ?", "SELECT /* what? */ $1"},
      {"SELECT 1 - ?", "SELECT 1 - $1"},
      {"Đăng ký = ?", "Đăng ký = $1"},
  };
  for (const PlaceholderCase& c : cases) {
    EXPECT_EQ(ToPostgresPlaceholders(c.sql), c.expected) << "for: " << c.sql;
  }
}

}  // namespace
}  // namespace motcua::store
