//! The engine layer fit for large tables, on every engine: error kinds, NULL as NULL, cursors, the bounded
//! statement cache, blobs and timeouts. PostgresOnly tests need MOTCUA_TEST_ENGINE=postgres; SqliteOnly ones
//! need sqlite (the default).

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "store/database.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::Env;
using testing_support::kEngineEnv;
using testing_support::OpenTestDatabase;
using testing_support::TestDatabase;

constexpr auto kWaitLimit = std::chrono::seconds(20);

bool OnPostgres() { return Env(kEngineEnv) == "postgres"; }

//! The kind of the DatabaseError `fn` throws; fails the test when it throws nothing or something else.
ErrorKind KindThrownBy(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const DatabaseError& e) {
    return e.kind();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a DatabaseError: " << e.what();
    return ErrorKind::kOther;
  }
  ADD_FAILURE() << "nothing was thrown";
  return ErrorKind::kOther;
}

//! Waits until `flag` is set (or a generous limit passes, so that a broken test fails instead of hanging).
void WaitFor(const std::atomic<bool>& flag) {
  const auto deadline = std::chrono::steady_clock::now() + kWaitLimit;
  while (!flag && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

class EngineTest : public testing::Test {
 protected:
  void Open(const DatabaseOptions& options = {}) { test_ = OpenTestDatabase(options); }
  void SetUp() override { Open(); }
  Database& db() { return test_->db(); }
  void Script(std::string_view sql) {
    db().Write([&](Session& s) { s.ExecScript(AdaptSchema(sql, s.engine())); });
  }
  std::unique_ptr<TestDatabase> test_;
};

// ---- Error kinds ----

TEST_F(EngineTest, UniqueAndPrimaryKeyViolationsAreKindUnique) {
  Script("CREATE TABLE u (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE)");
  db().Write([](Session& s) { s.Exec("INSERT INTO u (id, code) VALUES (1, 'a')"); });
  EXPECT_EQ(KindThrownBy([&] { db().Write([](Session& s) { s.Exec("INSERT INTO u (id, code) VALUES (2, 'a')"); }); }),
            ErrorKind::kUniqueViolation);
  EXPECT_EQ(KindThrownBy([&] { db().Write([](Session& s) { s.Exec("INSERT INTO u (id, code) VALUES (1, 'b')"); }); }),
            ErrorKind::kUniqueViolation);
}

TEST_F(EngineTest, ForeignKeyViolationIsItsKind) {
  Script(
      "CREATE TABLE parent (id BIGINT PRIMARY KEY);"
      "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES parent (id))");
  EXPECT_EQ(
      KindThrownBy([&] { db().Write([](Session& s) { s.Exec("INSERT INTO child (id, parent_id) VALUES (1, 9)"); }); }),
      ErrorKind::kForeignKeyViolation);
}

TEST_F(EngineTest, NotNullAndCheckViolationsAreKindConstraint) {
  Script("CREATE TABLE c (id BIGINT PRIMARY KEY, n BIGINT NOT NULL CHECK (n > 0))");
  EXPECT_EQ(
      KindThrownBy([&] { db().Write([](Session& s) { s.Exec("INSERT INTO c (id, n) VALUES (1, ?)", {Value{}}); }); }),
      ErrorKind::kConstraintViolation);
  EXPECT_EQ(KindThrownBy([&] { db().Write([](Session& s) { s.Exec("INSERT INTO c (id, n) VALUES (1, -5)"); }); }),
            ErrorKind::kConstraintViolation);
}

TEST_F(EngineTest, OtherFailuresAreKindOther) {
  EXPECT_EQ(KindThrownBy([&] { db().Read([](Session& s) { s.Query("SELECT nothing FROM nowhere"); }); }),
            ErrorKind::kOther);
  EXPECT_EQ(KindThrownBy([&] { db().Write([](Session& s) { s.Exec("NOT SQL AT ALL"); }); }), ErrorKind::kOther);
}

TEST_F(EngineTest, AStatementBeyondTheStatementTimeoutIsKindTimeout) {
  DatabaseOptions options;
  options.statement_timeout_ms = 100;
  Open(options);
  // Never ends on its own: counting an endless recursive sequence.
  const std::string endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c";
  EXPECT_EQ(KindThrownBy([&] { db().Read([&](Session& s) { s.Query(endless); }); }), ErrorKind::kTimeout);
  EXPECT_EQ(KindThrownBy([&] { db().Write([&](Session& s) { s.Query(endless); }); }), ErrorKind::kTimeout);
  int64_t one = 0;
  db().Read([&](Session& s) { one = s.Query("SELECT 1")[0].Int(0); });
  EXPECT_EQ(one, 1);
}

TEST_F(EngineTest, ErrorKindsHaveNames) {
  EXPECT_EQ(ErrorKindName(ErrorKind::kUniqueViolation), "unique_violation");
  EXPECT_EQ(ErrorKindName(ErrorKind::kTimeout), "timeout");
  EXPECT_EQ(ErrorKindName(ErrorKind::kOther), "other");
  EXPECT_EQ(DatabaseError("x").kind(), ErrorKind::kOther);
}

TEST(SqliteOnly, AWriteLockHeldByAnotherConnectionIsKindBusy) {
  if (OnPostgres()) {
    GTEST_SKIP() << "SQLite only";
  }
  DatabaseOptions options;
  options.busy_timeout_ms = 50;
  const auto test = OpenTestDatabase(options);
  test->db().Write([](Session& s) { s.ExecScript("CREATE TABLE b (v BIGINT)"); });
  // A second handle on the same file (another process, in production) holds the write lock.
  const auto other = OpenDatabase(test->url(), options);
  std::atomic<bool> holding{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    other->Write([&](Session& s) {
      s.Exec("INSERT INTO b (v) VALUES (1)");
      holding = true;
      WaitFor(release);
    });
  });
  WaitFor(holding);
  EXPECT_EQ(KindThrownBy([&] { test->db().Write([](Session& s) { s.Exec("INSERT INTO b (v) VALUES (2)"); }); }),
            ErrorKind::kBusy);
  release = true;
  holder.join();
  test->db().Write([](Session& s) { s.Exec("INSERT INTO b (v) VALUES (3)"); });
  int64_t n = 0;
  test->db().Read([&](Session& s) { n = s.Query("SELECT COUNT(*) FROM b")[0].Int(0); });
  EXPECT_EQ(n, 2);
}

TEST_F(EngineTest, AWriteStatementBeyondTheTimeoutUndoesItsJobAndTheNextJobWorks) {
  DatabaseOptions options;
  options.statement_timeout_ms = 100;
  Open(options);
  Script("CREATE TABLE w (x BIGINT NOT NULL)");
  EXPECT_EQ(
      KindThrownBy([&] {
        db().Write([](Session& s) {
          s.Exec("INSERT INTO w (x) VALUES (-1)");
          s.Exec("INSERT INTO w (x) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c");
        });
      }),
      ErrorKind::kTimeout);
  db().Write([](Session& s) { s.Exec("INSERT INTO w (x) VALUES (1)"); });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT x FROM w");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Int(0), 1);
  });
}

// ---- NULL as NULL ----

TEST_F(EngineTest, ReadingNullAsAValueThrowsNamingTheColumn) {
  Script("CREATE TABLE n (id BIGINT PRIMARY KEY, missing_note TEXT, missing_count BIGINT, missing_ratio REAL)");
  db().Write([](Session& s) { s.Exec("INSERT INTO n (id) VALUES (1)"); });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT missing_note, missing_count, missing_ratio FROM n");
    ASSERT_EQ(rows.size(), 1U);
    const Row r = rows[0];
    for (size_t i = 0; i < 3; ++i) {
      const std::string column = rows.columns[i];
      for (const auto& read : std::vector<std::function<void()>>{[&] { r.Text(i); }, [&] { r.Int(i); },
                                                                 [&] { r.Real(i); }, [&] { r.Bytes(i); }}) {
        try {
          read();
          ADD_FAILURE() << "NULL in " << column << " was read as a value";
        } catch (const DatabaseError& e) {
          EXPECT_NE(std::string(e.what()).find(column), std::string::npos) << e.what();
        }
      }
      EXPECT_EQ(r.OptText(i), std::nullopt);
      EXPECT_EQ(r.OptInt(i), std::nullopt);
      EXPECT_EQ(r.OptReal(i), std::nullopt);
      EXPECT_EQ(r.OptBytes(i), std::nullopt);
    }
  });
}

TEST_F(EngineTest, NonNullValuesStillReadThroughTheOptionalReaders) {
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT 7 AS n, 'bảy' AS t, 2.5 AS r");
    EXPECT_EQ(rows[0].OptInt(0), 7);
    EXPECT_EQ(rows[0].OptText(1), "bảy");
    EXPECT_EQ(rows[0].OptReal(2), 2.5);
    EXPECT_THROW(rows[0].Int(1), DatabaseError);  // "bảy" is not an integer: no silent 0.
  });
}

// ---- Blobs ----

TEST_F(EngineTest, BlobsRoundTripExactly) {
  Script("CREATE TABLE f (id BIGINT PRIMARY KEY, data @BLOB@)");
  Blob every;
  for (int32_t b = 0; b < 256; ++b) {
    every.bytes.push_back(static_cast<uint8_t>(b));
  }
  const Blob empty;
  db().Write([&](Session& s) {
    s.Exec("INSERT INTO f (id, data) VALUES (?, ?)", {int64_t{1}, every});
    s.Exec("INSERT INTO f (id, data) VALUES (?, ?)", {int64_t{2}, empty});
    s.Exec("INSERT INTO f (id, data) VALUES (?, ?)", {int64_t{3}, Value{}});
  });
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT data, length(data) FROM f ORDER BY id");
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].Bytes(0), every);
    EXPECT_EQ(rows[0].Int(1), 256);
    EXPECT_EQ(rows[1].Bytes(0), empty);
    EXPECT_FALSE(rows[1].IsNull(0));
    EXPECT_EQ(rows[1].Int(1), 0);
    EXPECT_TRUE(rows[2].IsNull(0));
    EXPECT_EQ(rows[2].OptBytes(0), std::nullopt);
    // A blob is also matched as a parameter.
    EXPECT_EQ(s.Query("SELECT id FROM f WHERE data = ?", {every})[0].Int(0), 1);
    std::vector<Blob> streamed;
    s.Each("SELECT data FROM f WHERE data IS NOT NULL ORDER BY id", {}, [&](const Row& r) {
      streamed.push_back(r.Bytes(0));
      return Next::kContinue;
    });
    EXPECT_EQ(streamed, (std::vector<Blob>{every, empty}));
  });
}

// ---- Cursors ----

class CursorTest : public EngineTest {
 protected:
  static constexpr int64_t kRows = 25000;
  static constexpr int32_t kBatch = 100;

  void SetUp() override {
    DatabaseOptions options;
    options.cursor_batch_rows = kBatch;  // PostgreSQL fetches 250 batches.
    Open(options);
    Script("CREATE TABLE big (k BIGINT PRIMARY KEY, v BIGINT NOT NULL, t TEXT NOT NULL)");
    db().Write([](Session& s) {
      s.Exec(
          "INSERT INTO big (k, v, t) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < ?)"
          " SELECT x, x * 7, 'row ' || x FROM c",
          {kRows});
    });
  }
};

TEST_F(CursorTest, EachStreamsEveryRowInOrderAcrossBatches) {
  int64_t expected = 1;
  int64_t wrong = 0;
  int64_t given = 0;
  db().Read([&](Session& s) {
    given = s.Each("SELECT k, v, t FROM big WHERE k >= ? ORDER BY k", {int64_t{1}}, [&](const Row& r) {
      if (r.Int(0) != expected || r.Int(1) != expected * 7 || r.Text(2) != fmt::format("row {}", expected)) {
        ++wrong;
      }
      ++expected;
      return Next::kContinue;
    });
  });
  EXPECT_EQ(given, kRows);
  EXPECT_EQ(expected, kRows + 1);
  EXPECT_EQ(wrong, 0);
}

TEST_F(CursorTest, TheCallbackStopsEarlyAndTheSessionGoesOn) {
  std::vector<int64_t> seen;
  int64_t after = -1;
  db().Write([&](Session& s) {
    const int64_t given = s.Each("SELECT k FROM big ORDER BY k DESC", {}, [&](const Row& r) {
      seen.push_back(r.Int(0));
      return seen.size() == 3 ? Next::kStop : Next::kContinue;
    });
    EXPECT_EQ(given, 3);
    s.Exec("DELETE FROM big WHERE k > ?", {int64_t{10}});
    after = s.Query("SELECT COUNT(*) FROM big")[0].Int(0);
  });
  EXPECT_EQ(seen, (std::vector<int64_t>{kRows, kRows - 1, kRows - 2}));
  EXPECT_EQ(after, 10);
}

TEST_F(CursorTest, TheCallbackMayRunStatementsOnTheSameSession) {
  int64_t sum = 0;
  db().Read([&](Session& s) {
    s.Each("SELECT k FROM big WHERE k <= ? ORDER BY k", {int64_t{250}}, [&](const Row& r) {
      // The same statement text again, and another one, while the cursor is open.
      s.Each("SELECT k FROM big WHERE k <= ? ORDER BY k", {int64_t{1}}, [](const Row&) { return Next::kContinue; });
      sum += s.Query("SELECT v FROM big WHERE k = ?", {r.Int(0)})[0].Int(0);
      return Next::kContinue;
    });
  });
  EXPECT_EQ(sum, 7 * 250 * 251 / 2);
}

TEST_F(CursorTest, AnEmptyResultCallsNothingAndAThrowingCallbackEndsTheJob) {
  int64_t calls = 0;
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Each("SELECT k FROM big WHERE k < 0", {},
                     [&](const Row&) {
                       ++calls;
                       return Next::kContinue;
                     }),
              0);
  });
  EXPECT_EQ(calls, 0);
  EXPECT_THROW(db().Write([](Session& s) {
    s.Exec("DELETE FROM big WHERE k > 10");
    s.Each("SELECT k FROM big", {}, [](const Row&) -> Next { throw std::runtime_error("stop"); });
  }),
               std::exception);
  int64_t n = 0;
  db().Read([&](Session& s) { n = s.Query("SELECT COUNT(*) FROM big")[0].Int(0); });
  EXPECT_EQ(n, kRows);
}

// ---- Prepared statement cache ----

TEST_F(EngineTest, MoreDistinctStatementsThanTheCacheHoldsStillWorkAndTheCacheStaysBounded) {
  constexpr int32_t kBound = 8;
  constexpr int32_t kDistinct = 50;
  DatabaseOptions options;
  options.statement_cache_size = kBound;
  options.pool_size = 1;
  Open(options);
  Script("CREATE TABLE s (v BIGINT NOT NULL)");
  size_t largest = 0;
  const auto run_all = [&](Session& s) {
    for (int32_t round = 0; round < 2; ++round) {
      for (int32_t i = 0; i < kDistinct; ++i) {
        const Rows rows = s.Query(fmt::format("SELECT ? + {}", i), {int64_t{1000}});
        EXPECT_EQ(rows[0].Int(0), 1000 + i);
        largest = std::max(largest, s.CachedStatements());
      }
    }
  };
  db().Read(run_all);
  db().Write(run_all);
  EXPECT_EQ(largest, static_cast<size_t>(kBound));
  // A statement prepared in a job that failed stays usable in the next job on the same connection.
  EXPECT_THROW(db().Write([](Session& s) {
    s.Exec("INSERT INTO s (v) VALUES (?)", {int64_t{1}});
    s.Exec("INSERT INTO s (v) VALUES (?)", {Value{}});
  }),
               DatabaseError);
  db().Write([](Session& s) { s.Exec("INSERT INTO s (v) VALUES (?)", {int64_t{2}}); });
  db().Read([](Session& s) {
    const Rows rows = s.Query("SELECT v FROM s");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Int(0), 2);
  });
}

TEST_F(EngineTest, OneStatementWithDifferentParameterTypesKeepsEachType) {
  db().Read([](Session& s) {
    EXPECT_EQ(std::get<int64_t>(s.Query("SELECT ?", {int64_t{5}}).values[0][0]), 5);
    EXPECT_EQ(std::get<std::string>(s.Query("SELECT ?", {std::string("năm")}).values[0][0]), "năm");
    EXPECT_EQ(std::get<double>(s.Query("SELECT ?", {2.5}).values[0][0]), 2.5);
    EXPECT_EQ(std::get<int64_t>(s.Query("SELECT ?", {int64_t{6}}).values[0][0]), 6);
  });
}

}  // namespace
}  // namespace motcua::store
