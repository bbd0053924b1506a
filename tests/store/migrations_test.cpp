//! Migrations on every engine: per-engine statements, steps outside a transaction, long steps that `serve` refuses,
//! a newer schema refused with nothing changed, nodes migrating together, and the upgrade of a database made by
//! the previous release (migrations 0001–0002) in place.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "domain/audit.hpp"
#include "domain/time.hpp"
#include "store/audit_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::OpenTestDatabase;

class MigrationsTest : public testing::Test {
 protected:
  void SetUp() override { test_ = OpenTestDatabase(); }
  Database& db() { return test_->db(); }

  int64_t Number(std::string_view sql, const Params& params = {}) {
    int64_t n = 0;
    db().Read([&](Session& s) { n = s.Query(sql, params)[0].Int(0); });
    return n;
  }

  //! True when `table` can be read.
  bool TableExists(const std::string& table) {
    bool exists = true;
    try {
      db().Read([&](Session& s) { s.Query("SELECT COUNT(*) FROM " + table); });
    } catch (const DatabaseError&) {
      exists = false;
    }
    return exists;
  }

  //! True when an index named `name` exists.
  bool IndexExists(const std::string& name) {
    const std::string sql =
        db().engine() == Engine::kPostgres
            ? "SELECT COUNT(*) FROM pg_indexes WHERE indexname = ? AND schemaname = current_schema()"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?";
    return Number(sql, {name}) == 1;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

const Migration kPeople{1, "0001_people", "CREATE TABLE people (id @ID@, name TEXT NOT NULL);"};

TEST_F(MigrationsTest, EachEngineRunsItsOwnStatementsWhenItHasThem) {
  const std::vector<Migration> steps = {
      kPeople,
      {2, "0002_split", "", "CREATE TABLE on_sqlite (k BIGINT);", "CREATE TABLE on_postgres (k BIGINT);"},
      {3, "0003_mixed", "CREATE TABLE portable (k BIGINT);", "", "CREATE TABLE postgres_only (k BIGINT);"},
  };
  const MigrationReport report = Migrate(db(), steps);
  EXPECT_EQ(report.to_version, 3);
  const bool pg = db().engine() == Engine::kPostgres;
  EXPECT_EQ(TableExists("on_sqlite"), !pg);
  EXPECT_EQ(TableExists("on_postgres"), pg);
  EXPECT_EQ(TableExists("portable"), !pg);
  EXPECT_EQ(TableExists("postgres_only"), pg);
}

TEST_F(MigrationsTest, MigrationSqlPicksTheEnginesText) {
  const Migration m{7, "0007_x", "portable", "", "pg"};
  EXPECT_EQ(MigrationSql(m, Engine::kSqlite), "portable");
  EXPECT_EQ(MigrationSql(m, Engine::kPostgres), "pg");
}

TEST_F(MigrationsTest, AStepOutsideATransactionCreatesIndexesConcurrentlyOnPostgres) {
  const std::vector<Migration> steps = {
      kPeople,
      {2, "0002_index", "",
       "-- motcua: no-transaction\nCREATE INDEX people_name ON people (name);\nCREATE INDEX people_id ON people (id);",
       "-- motcua: no-transaction\n"
       "CREATE INDEX CONCURRENTLY IF NOT EXISTS people_name ON people (name);\n"
       "CREATE INDEX CONCURRENTLY IF NOT EXISTS people_id ON people (id);"},
      {3, "0003_after", "CREATE TABLE after_index (k BIGINT);"},
  };
  const MigrationReport report = Migrate(db(), steps);
  EXPECT_EQ(report.applied, (std::vector<std::string>{"0001_people", "0002_index", "0003_after"}));
  EXPECT_TRUE(IndexExists("people_name"));
  EXPECT_TRUE(IndexExists("people_id"));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM schema_migrations"), 3);
  // The connection is back in a transaction and unlocked: later writes and migrations work.
  db().Write([](Session& s) { s.Exec("INSERT INTO people (name) VALUES ('Lan')"); });
  EXPECT_TRUE(Migrate(db(), steps).applied.empty());
}

TEST_F(MigrationsTest, AFailedStepOutsideATransactionIsNotRecordedAndCanBeRunAgain) {
  std::vector<Migration> steps = {
      kPeople,
      {2, "0002_index", "CREATE INDEX people_name ON people (name); CREATE INDEX broken ON nowhere (k);", "",
       "-- motcua: no-transaction\n"
       "CREATE INDEX CONCURRENTLY IF NOT EXISTS people_name ON people (name);\n"
       "CREATE INDEX CONCURRENTLY broken ON nowhere (k);"},
  };
  EXPECT_THROW(Migrate(db(), steps), DatabaseError);
  EXPECT_EQ(Number("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), 1);
  steps[1] = {2, "0002_index", "CREATE INDEX IF NOT EXISTS people_name ON people (name);", "",
              "-- motcua: no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS people_name ON people (name);"};
  const MigrationReport report = Migrate(db(), steps);
  EXPECT_EQ(report.applied, (std::vector<std::string>{"0002_index"}));
  EXPECT_TRUE(IndexExists("people_name"));
}

TEST_F(MigrationsTest, ANewDatabaseIsCreatedWholeEvenWithoutAllowLong) {
  const std::vector<Migration> steps = {
      kPeople,
      {2, "0002_rewrite", "-- motcua: long\nCREATE TABLE rewritten (k BIGINT);"},
  };
  const MigrationReport report = Migrate(db(), steps, {.allow_long = false});
  EXPECT_EQ(report.applied, (std::vector<std::string>{std::string(kPeople.name), "0002_rewrite"}));
  EXPECT_TRUE(TableExists("rewritten"));
}

TEST_F(MigrationsTest, ALongStepIsRefusedWithoutAllowLongAndNothingChanges) {
  const std::vector<Migration> steps = {
      kPeople,
      {2, "0002_short", "CREATE TABLE short_one (k BIGINT);"},
      {3, "0003_rewrite", "-- motcua: long\nCREATE TABLE rewritten (k BIGINT);"},
  };
  Migrate(db(), {kPeople});
  try {
    Migrate(db(), steps, {.allow_long = false, .database_for_messages = "var/x.db"});
    ADD_FAILURE() << "a long migration was started";
  } catch (const MigrationRefused& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("0003_rewrite"), std::string::npos) << message;
    EXPECT_NE(message.find("motcua migrate --db var/x.db"), std::string::npos) << message;
  }
  EXPECT_FALSE(TableExists("short_one"));
  EXPECT_FALSE(TableExists("rewritten"));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM schema_migrations"), 1);

  const MigrationReport report = Migrate(db(), steps);  // what `motcua migrate` does
  EXPECT_EQ(report.applied, (std::vector<std::string>{"0002_short", "0003_rewrite"}));
  EXPECT_TRUE(TableExists("rewritten"));
  // Once applied, a long step no longer stops serve.
  EXPECT_TRUE(Migrate(db(), steps, {.allow_long = false}).applied.empty());
}

TEST_F(MigrationsTest, AShortStepIsAppliedWithoutAllowLong) {
  const MigrationReport report =
      Migrate(db(), {kPeople, {2, "0002_short", "CREATE TABLE s (k BIGINT);"}}, {.allow_long = false});
  EXPECT_EQ(report.to_version, 2);
}

TEST_F(MigrationsTest, AMisspeltDirectiveRefusesTheRunBeforeAnyStep) {
  EXPECT_THROW(Migrate(db(), {kPeople, {2, "0002_typo", "-- motcua: no-transacton\nCREATE TABLE t (k BIGINT);"}}),
               std::invalid_argument);
  EXPECT_FALSE(TableExists("people"));
}

TEST_F(MigrationsTest, ANewerSchemaIsRefusedAndNothingChanges) {
  Migrate(db(), {kPeople, {2, "0002_t", "CREATE TABLE t (k BIGINT);"}});
  try {
    Migrate(db(), {kPeople});
    ADD_FAILURE() << "a newer schema was accepted";
  } catch (const MigrationRefused& e) {
    EXPECT_NE(std::string(e.what()).find("newer than this motcua knows"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Migrate(db(), {kPeople}, {.allow_long = false}), MigrationRefused);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM schema_migrations"), 2);
  EXPECT_TRUE(TableExists("t"));
}

TEST_F(MigrationsTest, NodesMigratingTogetherApplyEachStepOnce) {
  const std::vector<Migration> steps = {
      kPeople,
      {2, "0002_a", "CREATE TABLE a (k BIGINT);"},
      {3, "0003_index", "CREATE INDEX people_name ON people (name);", "",
       "-- motcua: no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS people_name ON people (name);"},
      {4, "0004_b", "CREATE TABLE b (k BIGINT);"},
  };
  constexpr int32_t kNodes = 3;
  std::vector<std::unique_ptr<Database>> nodes;
  for (int32_t i = 0; i < kNodes; ++i) {
    nodes.push_back(OpenDatabase(test_->url()));
  }
  std::vector<std::thread> threads;
  std::atomic<int64_t> applied{0};
  std::atomic<int32_t> failures{0};
  for (int32_t i = 0; i < kNodes; ++i) {
    threads.emplace_back([&, i] {
      try {
        applied += static_cast<int64_t>(Migrate(*nodes[static_cast<size_t>(i)], steps).applied.size());
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (auto& node : nodes) {
    node->Close();
  }
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(applied.load(), 4);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM schema_migrations"), 4);
}

// ---- The embedded migrations ----

//! The migrations of the previous release.
std::vector<Migration> PreviousRelease() {
  std::vector<Migration> out;
  for (const Migration& m : EmbeddedMigrations()) {
    if (m.version <= 2) {
      out.push_back(m);
    }
  }
  return out;
}

TEST_F(MigrationsTest, TheEmbeddedMigrationsAreNumberedInOrderAndTheirDirectivesRead) {
  int64_t last = 0;
  for (const Migration& m : EmbeddedMigrations()) {
    EXPECT_GT(m.version, last) << m.name;
    last = m.version;
    EXPECT_FALSE(MigrationSql(m, Engine::kSqlite).empty()) << m.name;
    EXPECT_FALSE(MigrationSql(m, Engine::kPostgres).empty()) << m.name;
  }
  EXPECT_GE(last, 3);
  // A database of the previous release upgrades only through `motcua migrate`: 0003 rewrites large tables.
  Migrate(db(), PreviousRelease());
  EXPECT_THROW(Migrate(db(), MigrateOptions{.allow_long = false}), MigrationRefused);
}

TEST_F(MigrationsTest, AJournalOfThePreviousReleaseUpgradesInPlaceAndStaysIntact) {
  Migrate(db(), PreviousRelease());
  // Rows as the previous release's AppendAudit wrote them: chained at once, with the head record.
  constexpr int64_t kRows = 5;
  std::string prev(domain::kAuditGenesisHash);
  std::vector<std::string> hashes;
  db().Write([&](Session& s) {
    for (int64_t seq = 1; seq <= kRows; ++seq) {
      domain::AuditEntry e;
      e.seq = seq;
      e.at_us = 1'750'000'000'000'000 + seq;
      e.actor_id = seq == 3 ? std::nullopt : std::optional<int64_t>(seq);
      e.actor_name = "Nguyễn Thị Thu Hà";
      e.action = "login.success";
      e.object_type = "user";
      e.object_id = std::to_string(seq);
      e.prev_hash = prev;
      e.hash = domain::AuditHash(e);
      s.Exec(
          "INSERT INTO audit_log (seq, at_us, actor_id, actor_name, action, object_type, object_id, prev_hash, hash)"
          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {e.seq, e.at_us, OrNull(e.actor_id), e.actor_name, e.action, e.object_type, e.object_id, e.prev_hash,
           e.hash});
      prev = e.hash;
      hashes.push_back(e.hash);
    }
    s.Exec("INSERT INTO meta (key, value) VALUES ('audit_head', ?)", {fmt::format("{}:{}", kRows, prev)});
  });
  const MigrationReport report = Migrate(db());
  EXPECT_EQ(report.from_version, 2);
  EXPECT_GE(report.to_version, 3);

  AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kRows);
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT id, seq, hash, at_us, actor_id FROM audit_log ORDER BY id");
    ASSERT_EQ(rows.size(), static_cast<size_t>(kRows));
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].Int(0), static_cast<int64_t>(i) + 1);
      EXPECT_EQ(rows[i].Int(1), static_cast<int64_t>(i) + 1);
      EXPECT_EQ(rows[i].Text(2), hashes[i]);
      EXPECT_EQ(rows[i].Int(3), 1'750'000'000'000'000 + static_cast<int64_t>(i) + 1);
    }
    EXPECT_TRUE(rows[2].IsNull(4));
  });
  // New rows get ids after the old ones and continue the chain.
  int64_t id = 0;
  db().Write([&](Session& s) {
    domain::AuditEntry e;
    e.action = "account.create";
    id = AppendAudit(s, e);
  });
  EXPECT_EQ(id, kRows + 1);
  EXPECT_EQ(SealAudit(db()), 1);
  v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kRows + 1);
}

TEST_F(MigrationsTest, InstantsOfThePreviousReleaseBecomeMicrosecondsAndADateOfBirthStaysADate) {
  Migrate(db(), PreviousRelease());
  constexpr int64_t kSeconds = 1'767'225'600;  // 2026-01-01T00:00:00Z
  db().Write([](Session& s) {
    s.ExecScript(
        "INSERT INTO users (id, phone, full_name, date_of_birth, created_at, password_changed_at, last_login_at)"
        " VALUES (1, '0912000001', 'Lan', '1990-05-17', 1767225600, 1767225601, NULL);"
        "INSERT INTO sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at)"
        " VALUES ('h', 'p', 1, 1767225600, 1767225660, 1767229200);"
        "INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES ('ip:x', 3, 1767225600, 0);"
        "INSERT INTO fields (code, name) VALUES ('F', 'Field');"
        "INSERT INTO procedures (code, name, field_code, levels, online_level, updated_at)"
        " VALUES ('1.000001', 'P', 'F', 'province', 'full', '2026-01-01T00:00:00Z');");
  });
  Migrate(db());
  constexpr int64_t kMicros = kSeconds * domain::kMicrosPerSecond;
  db().Read([&](Session& s) {
    const Rows user = s.Query("SELECT created_at, password_changed_at, last_login_at, date_of_birth FROM users");
    EXPECT_EQ(user[0].Int(0), kMicros);
    EXPECT_EQ(user[0].Int(1), kMicros + domain::kMicrosPerSecond);
    EXPECT_TRUE(user[0].IsNull(2));
    EXPECT_EQ(user[0].Text(3), "1990-05-17");
    const Rows session = s.Query("SELECT created_at, last_seen_at, expires_at, revoked_at FROM sessions");
    EXPECT_EQ(session[0].Int(0), kMicros);
    EXPECT_EQ(session[0].Int(1), kMicros + 60 * domain::kMicrosPerSecond);
    EXPECT_EQ(session[0].Int(2), kMicros + 3600 * domain::kMicrosPerSecond);
    EXPECT_TRUE(session[0].IsNull(3));
    const Rows throttle = s.Query("SELECT window_start, blocked_until FROM login_throttle");
    EXPECT_EQ(throttle[0].Int(0), kMicros);
    EXPECT_EQ(throttle[0].Int(1), 0);
    const Rows procedure = s.Query("SELECT updated_at FROM procedures");
    EXPECT_EQ(procedure[0].Int(0), kMicros);
  });
}

}  // namespace
}  // namespace motcua::store
