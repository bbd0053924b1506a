//! The audit journal on every engine: appends are sealed into one chain, every kind of tampering with sealed rows
//! is found and named, concurrent appends and rows committed out of id order seal contiguously, and searches
//! filter by person, object, action, time and page through their indexes.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "domain/audit.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::AuditEntry;
using testing_support::OpenTestDatabase;

//! A typical entry: an officer acting on a dossier.
AuditEntry Entry(std::string action, int64_t n = 0) {
  AuditEntry e;
  e.actor_id = 7;
  e.actor_name = "Phạm Thị Hoa";
  e.actor_role = "desk_officer";
  e.actor_agency = "000.00.00.H40";
  e.action = std::move(action);
  e.object_type = "dossier";
  e.object_id = fmt::format("H40.1-{:06}", n);
  e.ip = "192.0.2.10";
  e.user_agent = "Mozilla/5.0 (X11; Linux x86_64)";
  e.request_id = fmt::format("req-{}", n);
  e.summary = R"({"before":{"status":"received"},"after":{"status":"in_progress"}})";
  return e;
}

class AuditStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }

  //! Appends `n` entries, each in its own write job, then seals them.
  void AppendMany(int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      db().Write([&](Session& s) { AppendAudit(s, Entry("dossier.update", i)); });
    }
    SealAudit(db());
  }

  //! Appends `n` entries in one write job (fast for long journals), then seals them.
  void AppendBatch(int64_t n) {
    db().Write([&](Session& s) {
      for (int64_t i = 0; i < n; ++i) {
        AppendAudit(s, Entry("dossier.update", i));
      }
    });
    SealAudit(db());
  }

  //! The number a query returns.
  int64_t Number(std::string_view sql, const Params& params = {}) {
    int64_t n = 0;
    db().Read([&](Session& s) { n = s.Query(sql, params)[0].Int(0); });
    return n;
  }

  //! Runs raw SQL the way someone with database access would, behind the application's back.
  void Sql(std::string_view sql, const Params& params = {}) {
    db().Write([&](Session& s) { s.Exec(sql, params); });
  }

  //! The stored row sealed at `seq`.
  AuditEntry Load(int64_t seq) {
    AuditFilter f;
    f.before_id = Number("SELECT id FROM audit_log WHERE seq = ?", {seq}) + 1;
    f.limit = 1;
    const std::vector<AuditEntry> found = SearchAudit(db(), f);
    EXPECT_EQ(found.size(), 1U);
    EXPECT_EQ(found.at(0).seq, seq);
    return found.at(0);
  }

  //! Writes every column of `e` back into row e.seq.
  void Restore(const AuditEntry& e) {
    Sql("UPDATE audit_log SET at_us = ?, actor_id = ?, actor_name = ?, actor_role = ?, actor_agency = ?,"
        " action = ?, object_type = ?, object_id = ?, ip = ?, user_agent = ?, request_id = ?, summary = ?,"
        " prev_hash = ?, hash = ? WHERE seq = ?",
        {e.at_us, e.actor_id ? Value(*e.actor_id) : Value(), e.actor_name, e.actor_role, e.actor_agency, e.action,
         e.object_type, e.object_id, e.ip, e.user_agent, e.request_id, e.summary, e.prev_hash, e.hash, e.seq});
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

// ---- Appending ----

TEST_F(AuditStoreTest, AppendedEntryReadsBackWithItsChainFields) {
  AuditEntry anonymous;
  anonymous.action = "login.failure";
  anonymous.object_type = "user";
  anonymous.object_id = "0912345678";
  anonymous.ip = "2001:db8::1";
  int64_t first = 0;
  int64_t second = 0;
  const int64_t before_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count();
  db().Write([&](Session& s) {
    first = AppendAudit(s, Entry("dossier.accept", 1));
    second = AppendAudit(s, anonymous);
  });
  EXPECT_LT(first, second);
  EXPECT_EQ(SealAudit(db()), 2);

  const AuditEntry a = Load(1);
  EXPECT_EQ(a.id, first);
  AuditEntry expected = Entry("dossier.accept", 1);
  EXPECT_EQ(a.actor_id, expected.actor_id);
  EXPECT_EQ(a.actor_name, expected.actor_name);
  EXPECT_EQ(a.actor_role, expected.actor_role);
  EXPECT_EQ(a.actor_agency, expected.actor_agency);
  EXPECT_EQ(a.action, expected.action);
  EXPECT_EQ(a.object_type, expected.object_type);
  EXPECT_EQ(a.object_id, expected.object_id);
  EXPECT_EQ(a.ip, expected.ip);
  EXPECT_EQ(a.user_agent, expected.user_agent);
  EXPECT_EQ(a.request_id, expected.request_id);
  EXPECT_EQ(a.summary, expected.summary);
  EXPECT_GE(a.at_us, before_us);
  EXPECT_EQ(a.prev_hash, domain::kAuditGenesisHash);
  EXPECT_EQ(a.hash, domain::AuditHash(a));

  const AuditEntry b = Load(2);
  EXPECT_EQ(b.id, second);
  EXPECT_EQ(b.actor_id, std::nullopt);
  EXPECT_EQ(b.actor_name, "");
  EXPECT_EQ(b.ip, "2001:db8::1");
  EXPECT_EQ(b.prev_hash, a.hash);
  EXPECT_EQ(b.hash, domain::AuditHash(b));

  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT value FROM meta WHERE key = 'audit_head'")[0].Text(0), "2:" + b.hash);
  });
}

TEST_F(AuditStoreTest, CallerTimeIsKeptAndSeqIsAlwaysTheStoresOwn) {
  AuditEntry e = Entry("login.success");
  e.at_us = 1234567;
  e.seq = 99;
  e.prev_hash = "forged";
  e.hash = "forged";
  db().Write([&](Session& s) { AppendAudit(s, e); });
  SealAudit(db());
  const AuditEntry stored = Load(1);
  EXPECT_EQ(stored.at_us, 1234567);
  EXPECT_EQ(stored.prev_hash, domain::kAuditGenesisHash);
  EXPECT_TRUE(VerifyAudit(db()).intact);
}

TEST_F(AuditStoreTest, AnAppendInAFailedJobIsUndoneWithIt) {
  AppendMany(2);
  EXPECT_THROW(db().Write([](Session& s) {
    AppendAudit(s, Entry("dossier.update"));
    throw std::runtime_error("the action failed");
  }),
               std::runtime_error);
  AppendMany(1);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 3);
  EXPECT_EQ(v.unsealed, 0);
}

TEST_F(AuditStoreTest, AnEntryWithoutAnActionIsRefused) {
  EXPECT_THROW(db().Write([](Session& s) { AppendAudit(s, AuditEntry{}); }), std::invalid_argument);
  EXPECT_TRUE(SearchAudit(db(), {}).empty());
}

// ---- Verifying ----

TEST_F(AuditStoreTest, AnEmptyJournalIsIntact) {
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 0);
  EXPECT_EQ(v.first_broken_seq, 0);
  EXPECT_EQ(v.problem, "");
}

TEST_F(AuditStoreTest, AChainOfTwoHundredVerifies) {
  AppendMany(200);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 200);
}

TEST_F(AuditStoreTest, AnEditedFieldIsReportedAtItsRow) {
  constexpr int64_t kRow = 7;
  AppendMany(12);
  const AuditEntry original = Load(kRow);
  // One column at a time, as someone with database access might change it; each is put back afterwards.
  const std::vector<std::pair<std::string, Params>> edits = {
      {"UPDATE audit_log SET summary = ? WHERE seq = ?", {std::string("{}"), kRow}},
      {"UPDATE audit_log SET actor_name = ? WHERE seq = ?", {std::string("Someone Else"), kRow}},
      {"UPDATE audit_log SET actor_id = NULL WHERE seq = ?", {kRow}},
      {"UPDATE audit_log SET actor_id = ? WHERE seq = ?", {int64_t{8}, kRow}},
      {"UPDATE audit_log SET at_us = at_us + 1 WHERE seq = ?", {kRow}},
      {"UPDATE audit_log SET action = ? WHERE seq = ?", {std::string("dossier.view"), kRow}},
      {"UPDATE audit_log SET object_id = ? WHERE seq = ?", {std::string("H40.1-999999"), kRow}},
      {"UPDATE audit_log SET ip = ? WHERE seq = ?", {std::string("198.51.100.1"), kRow}},
      {"UPDATE audit_log SET request_id = ? WHERE seq = ?", {std::string(""), kRow}},
      {"UPDATE audit_log SET hash = ? WHERE seq = ?", {std::string(64, 'f'), kRow}},
      {"UPDATE audit_log SET prev_hash = ? WHERE seq = ?", {std::string(domain::kAuditGenesisHash), kRow}},
  };
  for (const auto& [sql, params] : edits) {
    Sql(sql, params);
    const AuditVerification v = VerifyAudit(db());
    EXPECT_FALSE(v.intact) << sql;
    EXPECT_EQ(v.first_broken_seq, kRow) << sql << ": " << v.problem;
    EXPECT_NE(v.problem.find("row 7:"), std::string::npos) << v.problem;
    EXPECT_EQ(v.rows, kRow - 1) << sql;
    Restore(original);
    EXPECT_TRUE(VerifyAudit(db()).intact) << "after restoring from: " << sql;
  }
}

TEST_F(AuditStoreTest, AnEditedContentNamesTheEdit) {
  AppendMany(20);
  Sql("UPDATE audit_log SET summary = '{}' WHERE seq = 17");
  const AuditVerification v = VerifyAudit(db());
  EXPECT_EQ(v.problem, "row 17: hash does not match its contents (edited after it was written)");
}

TEST_F(AuditStoreTest, ADeletedMiddleRowIsAGap) {
  AppendMany(20);
  Sql("DELETE FROM audit_log WHERE seq = 18");
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 18);
  EXPECT_EQ(v.problem, "row 18 missing (rows jump from 17 to 19)");
  EXPECT_EQ(v.rows, 17);
}

TEST_F(AuditStoreTest, DeletedFirstRowsAreAGapAtTheStart) {
  AppendMany(5);
  Sql("DELETE FROM audit_log WHERE seq <= 2");
  const AuditVerification v = VerifyAudit(db());
  EXPECT_EQ(v.first_broken_seq, 1);
  EXPECT_EQ(v.problem, "rows 1 to 2 missing (the journal starts at row 3)");
}

TEST_F(AuditStoreTest, DeletedLastRowsAreFoundThroughTheHead) {
  AppendMany(22);
  Sql("DELETE FROM audit_log WHERE seq > 20");
  AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 21);
  EXPECT_EQ(v.problem, "journal ends at row 20 but the head records row 22 (rows deleted from the end)");
  EXPECT_EQ(v.rows, 20);

  Sql("DELETE FROM audit_log");
  v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 1);
  EXPECT_EQ(v.problem, "the journal is empty but the head records row 22 (rows deleted from the end)");
}

TEST_F(AuditStoreTest, AnAppendAfterTruncationKeepsTheGapVisible) {
  AppendMany(20);
  Sql("DELETE FROM audit_log WHERE seq > 18");
  AppendMany(1);
  EXPECT_EQ(Number("SELECT MAX(seq) FROM audit_log"), 21);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_EQ(v.first_broken_seq, 19);
  EXPECT_EQ(v.problem, "rows 19 to 20 missing (rows jump from 18 to 21)");
}

TEST_F(AuditStoreTest, ARowRewrittenWithANewHashIsFoundAtTheNextRow) {
  AppendMany(10);
  AuditEntry forged = Load(4);
  forged.summary = R"({"before":{},"after":{}})";
  forged.hash = domain::AuditHash(forged);
  Restore(forged);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 5);
  EXPECT_NE(v.problem.find("row 5: prev_hash does not match the hash of row 4"), std::string::npos) << v.problem;
}

TEST_F(AuditStoreTest, APublishedHeadCatchesRowsCutAwayWithTheHeadRecordMovedBack) {
  AppendMany(10);
  const AuditVerification at10 = VerifyAudit(db());
  ASSERT_TRUE(at10.intact) << at10.problem;
  EXPECT_EQ(at10.head.seq, 10);
  AppendMany(5);
  const domain::AuditHead published = VerifyAudit(db()).head;
  EXPECT_EQ(published.seq, 15);
  EXPECT_TRUE(VerifyAudit(db(), at10.head).intact) << "an earlier published head no longer verifies";
  // The truncation someone with database access can make: the last rows and the head record moved back.
  Sql("DELETE FROM audit_log WHERE seq > 10");
  Sql("UPDATE meta SET value = ? WHERE key = 'audit_head'", {at10.head.Text()});
  EXPECT_TRUE(VerifyAudit(db()).intact) << "the chain alone saw the truncation; the published head proves nothing";
  const AuditVerification v = VerifyAudit(db(), published);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 11);
  EXPECT_NE(v.problem.find("rows after the published head were cut away: the journal ends at row 10"),
            std::string::npos)
      << v.problem;
}

TEST_F(AuditStoreTest, APublishedHeadWhoseRowNowHasAnotherHashIsFound) {
  AppendMany(6);
  const domain::AuditHead forged{3, std::string(64, 'a')};
  const AuditVerification v = VerifyAudit(db(), forged);
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 3);
  EXPECT_NE(v.problem.find("row 3: hash differs from the published head"), std::string::npos) << v.problem;
  EXPECT_TRUE(VerifyAudit(db(), domain::AuditHead{0, std::string(domain::kAuditGenesisHash)}).intact);
  EXPECT_TRUE(VerifyAudit(db(), domain::AuditHead{3, Load(3).hash}).intact);
}

TEST_F(AuditStoreTest, TheLastRowRewrittenWithANewHashIsFoundThroughTheHead) {
  AppendMany(10);
  AuditEntry forged = Load(10);
  forged.actor_name = "Someone Else";
  forged.hash = domain::AuditHash(forged);
  Restore(forged);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 10);
  EXPECT_NE(v.problem.find("row 10: hash differs from the one the head records"), std::string::npos) << v.problem;
}

TEST_F(AuditStoreTest, ReorderedRowsAreFound) {
  AppendMany(10);
  // Swap the positions of rows 5 and 6 through a free seq.
  Sql("UPDATE audit_log SET seq = -5 WHERE seq = 5");
  Sql("UPDATE audit_log SET seq = 5 WHERE seq = 6");
  Sql("UPDATE audit_log SET seq = 6 WHERE seq = -5");
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 5);
}

TEST_F(AuditStoreTest, ARowBeforeTheFirstIsFound) {
  AppendMany(3);
  const AuditEntry first = Load(1);
  Sql("INSERT INTO audit_log (seq, at_us, action, prev_hash, hash) VALUES (0, 1, 'x', ?, ?)",
      {std::string(domain::kAuditGenesisHash), first.prev_hash});
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 0);
  EXPECT_EQ(v.problem, "row 0: sequence numbers start at 1 and never repeat");
}

TEST_F(AuditStoreTest, ARowAddedBehindTheApplicationsBackIsFoundThroughTheHead) {
  AppendMany(3);
  // Correctly chained and hashed, but written with raw SQL, so the head still records row 3.
  AuditEntry extra = Entry("login.success");
  extra.seq = 4;
  extra.at_us = 1;
  extra.prev_hash = Load(3).hash;
  extra.hash = domain::AuditHash(extra);
  Sql("INSERT INTO audit_log (seq, at_us, actor_id, action, prev_hash, hash) VALUES (4, 1, 7, 'x', 'y', 'z')");
  Restore(extra);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.rows, 4);
  EXPECT_EQ(v.first_broken_seq, 4);
  EXPECT_EQ(v.problem, "journal ends at row 4 but the head records row 3 (rows added behind the application's back)");
}

TEST_F(AuditStoreTest, AMissingOrDamagedHeadIsFound) {
  AppendMany(3);
  Sql("UPDATE meta SET value = 'garbage' WHERE key = 'audit_head'");
  AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_NE(v.problem.find("is not seq:hash"), std::string::npos) << v.problem;
  Sql("DELETE FROM meta WHERE key = 'audit_head'");
  v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.problem, "the journal has 3 rows but no head record (meta 'audit_head' was deleted)");
  // The next append puts the head back, and the chain is whole again.
  AppendMany(1);
  v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 4);
}

TEST_F(AuditStoreTest, VerifyReadsPastItsFirstBatch) {
  constexpr int64_t kRows = 2105;  // more than two batches of 1000
  constexpr int64_t kTampered = 2050;
  AppendBatch(kRows);
  AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kRows);
  Sql("UPDATE audit_log SET ip = '203.0.113.9' WHERE seq = ?", {kTampered});
  v = VerifyAudit(db());
  EXPECT_EQ(v.first_broken_seq, kTampered);
  EXPECT_EQ(v.rows, kTampered - 1);
}

TEST_F(AuditStoreTest, ConcurrentAppendsWhileASealerRunsChainContiguously) {
  constexpr int32_t kThreads = 8;
  constexpr int32_t kPerThread = 25;
  std::vector<std::thread> threads;
  std::atomic<int32_t> failures{0};
  std::atomic<bool> appending{true};
  // Seals over and over while the writers append, as the sealer of a running server does.
  std::thread sealer([&] {
    while (appending.load()) {
      try {
        SealAudit(db());
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        ++failures;
      }
    }
  });
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int32_t i = 0; i < kPerThread; ++i) {
        try {
          db().Write([&](Session& s) { AppendAudit(s, Entry(fmt::format("thread{}.append", t), i)); });
        } catch (const std::exception& e) {
          ADD_FAILURE() << e.what();
          ++failures;
        }
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  appending = false;
  sealer.join();
  ASSERT_EQ(failures.load(), 0);
  SealAudit(db());
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kThreads * kPerThread);
  EXPECT_EQ(v.unsealed, 0);
  db().Read([](Session& s) {
    const Rows r = s.Query("SELECT COUNT(*), MIN(seq), MAX(seq), COUNT(DISTINCT seq) FROM audit_log");
    EXPECT_EQ(r[0].Int(0), kThreads * kPerThread);
    EXPECT_EQ(r[0].Int(1), 1);
    EXPECT_EQ(r[0].Int(2), kThreads * kPerThread);
    EXPECT_EQ(r[0].Int(3), kThreads * kPerThread);
  });
  for (int32_t t = 0; t < kThreads; ++t) {
    AuditFilter f;
    f.action = fmt::format("thread{}.", t);
    f.limit = kMaxAuditPage;
    EXPECT_EQ(SearchAudit(db(), f).size(), static_cast<size_t>(kPerThread)) << "thread " << t;
  }
}

// ---- Sealing ----

TEST_F(AuditStoreTest, UnsealedRowsAreFoundBySearchCountedByVerifyAndSealedInIdOrder) {
  db().Write([](Session& s) {
    for (int64_t i = 0; i < 3; ++i) {
      AppendAudit(s, Entry("dossier.update", i));
    }
  });
  const std::vector<AuditEntry> found = SearchAudit(db(), {});
  ASSERT_EQ(found.size(), 3U);
  for (const AuditEntry& e : found) {
    EXPECT_EQ(e.seq, 0);
    EXPECT_EQ(e.hash, "");
  }
  AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 0);
  EXPECT_EQ(v.unsealed, 3);

  EXPECT_EQ(SealAudit(db()), 3);
  EXPECT_EQ(SealAudit(db()), 0);
  v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 3);
  EXPECT_EQ(v.unsealed, 0);
  // Newest first by id; seqs follow ids.
  const std::vector<AuditEntry> sealed = SearchAudit(db(), {});
  ASSERT_EQ(sealed.size(), 3U);
  EXPECT_EQ(sealed[0].seq, 3);
  EXPECT_EQ(sealed[2].seq, 1);
  EXPECT_EQ(sealed[2].object_id, "H40.1-000000");
}

TEST_F(AuditStoreTest, SealingSpansSeveralBatches) {
  const int64_t rows = kSealBatchRows * 2 + 7;
  db().Write([&](Session& s) {
    for (int64_t i = 0; i < rows; ++i) {
      AppendAudit(s, Entry("dossier.update", i));
    }
  });
  EXPECT_EQ(SealAudit(db()), rows);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, rows);
}

TEST_F(AuditStoreTest, ARowCommittedAfterALaterIdWasSealedGetsTheNextSeq) {
  AppendMany(3);
  // Ids are handed out at insert and rows become visible at commit: a transaction that inserted id 5 may commit
  // after id 10 was sealed. Written here with explicit ids, the way such commits land.
  Sql("INSERT INTO audit_log (id, at_us, action) VALUES (10, 1, 'late.second_id')");
  EXPECT_EQ(SealAudit(db()), 1);
  Sql("INSERT INTO audit_log (id, at_us, action) VALUES (5, 2, 'late.first_id')");
  EXPECT_EQ(SealAudit(db()), 1);
  EXPECT_EQ(Number("SELECT seq FROM audit_log WHERE id = 10"), 4);
  EXPECT_EQ(Number("SELECT seq FROM audit_log WHERE id = 5"), 5);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 5);
}

TEST_F(AuditStoreTest, TamperingBeforeLaterSealsIsStillFoundAtItsRow) {
  AppendMany(5);
  Sql("UPDATE audit_log SET summary = '{}' WHERE seq = 3");
  AppendMany(5);  // sealing more rows does not re-hash or hide the edited one
  const AuditVerification v = VerifyAudit(db());
  EXPECT_FALSE(v.intact);
  EXPECT_EQ(v.first_broken_seq, 3);
  EXPECT_EQ(v.problem, "row 3: hash does not match its contents (edited after it was written)");
}

TEST_F(AuditStoreTest, TheSealerSealsOnItsThreadAndOnceMoreWhenItStops) {
  {
    const AuditSealer sealer(db(), std::chrono::milliseconds(1));
    db().Write([](Session& s) { AppendAudit(s, Entry("dossier.update")); });
    // Waits for the sealer's thread (no timing asserted: the test only needs it to happen at some point).
    while (VerifyAudit(db()).rows == 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  {
    const AuditSealer sealer(db(), std::chrono::hours(1));
    db().Write([](Session& s) { AppendAudit(s, Entry("dossier.update")); });
  }
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 2);
  EXPECT_EQ(v.unsealed, 0);
}

TEST(PostgresOnly, AnOpenAppendBlocksNeitherOtherAppendsNorTheSealer) {
  auto test = testing_support::OpenTestDatabase();
  Database& db = test->db();
  Migrate(db);
  std::atomic<bool> inserted{false};
  std::atomic<bool> release{false};
  int64_t early_id = 0;
  // Transaction 1 appends first (so its id is lower) and stays open.
  std::thread early([&] {
    db.Write([&](Session& s) {
      early_id = AppendAudit(s, Entry("early.append"));
      inserted = true;
      while (!release.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    });
  });
  while (!inserted.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // With a journal-wide lock held until commit, this append (and the test) would wait for transaction 1 forever.
  int64_t late_id = 0;
  db.Write([&](Session& s) { late_id = AppendAudit(s, Entry("late.append")); });
  EXPECT_EQ(SealAudit(db), 1);
  release = true;
  early.join();
  EXPECT_LT(early_id, late_id);
  EXPECT_EQ(SealAudit(db), 1);
  db.Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT seq FROM audit_log WHERE id = ?", {late_id})[0].Int(0), 1);
    EXPECT_EQ(s.Query("SELECT seq FROM audit_log WHERE id = ?", {early_id})[0].Int(0), 2);
  });
  const AuditVerification v = VerifyAudit(db);
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 2);
}

TEST(PostgresOnly, TwoSealersTakeTurnsAndNeverGiveOneSeqTwice) {
  auto test = testing_support::OpenTestDatabase();
  Database& db = test->db();
  Migrate(db);
  auto other_node = OpenDatabase(test->url());
  constexpr int32_t kRounds = 20;
  constexpr int32_t kPerRound = 10;
  std::atomic<bool> writing{true};
  std::thread second_sealer([&] {
    while (writing.load()) {
      SealAudit(*other_node);
    }
  });
  for (int32_t r = 0; r < kRounds; ++r) {
    db.Write([&](Session& s) {
      for (int32_t i = 0; i < kPerRound; ++i) {
        AppendAudit(s, Entry("dossier.update", i));
      }
    });
    SealAudit(db);
  }
  writing = false;
  second_sealer.join();
  other_node->Close();
  const AuditVerification v = VerifyAudit(db);
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kRounds * kPerRound);
  EXPECT_EQ(v.unsealed, 0);
}

// ---- Searching ----

class AuditSearchTest : public AuditStoreTest {
 protected:
  void SetUp() override {
    AuditStoreTest::SetUp();
    // Accounts 1, 2 and 3, so that a person can be named by id, phone or full name.
    db().Write([](Session& s) {
      for (const auto& [phone, name] :
           {std::pair{"0912000001", "Nguyễn Văn An"}, std::pair{"0912000002", "Trần Thị Bình"},
            std::pair{"0912000003", "Lê Văn Cường"}}) {
        NewAccount a;
        a.phone = phone;
        a.full_name = name;
        InsertAccount(s, a, domain::Instant::FromSeconds(1));
      }
    });
    auto add = [&](int64_t at_us, std::optional<int64_t> actor, std::string name, std::string action, std::string type,
                   std::string id) {
      AuditEntry e;
      e.at_us = at_us;
      e.actor_id = actor;
      e.actor_name = std::move(name);
      e.action = std::move(action);
      e.object_type = std::move(type);
      e.object_id = std::move(id);
      db().Write([&](Session& s) { AppendAudit(s, e); });
    };
    add(1000, 1, "Nguyễn Văn An", "login.success", "user", "1");                    // 1
    add(2000, 2, "Trần Thị Bình", "login.failure", "user", "2");                    // 2
    add(3000, 1, "Nguyễn Văn An", "account.create", "user", "3");                   // 3
    add(4000, std::nullopt, "", "login.failure", "", "");                           // 4
    add(5000, 2, "Trần Thị Bình", "dossier.view", "dossier", "H40.1-240101-0001");  // 5
    add(6000, 3, "Lê Văn Cường", "citizen.view", "user", "2");                      // 6
    add(7000, 3, "Lê Văn Cường", "login_x.odd", "report", "2");                     // 7
    SealAudit(db());
  }

  //! Seqs of the entries `f` finds, in the order returned.
  std::vector<int64_t> Find(AuditFilter f) {
    std::vector<int64_t> seqs;
    for (const AuditEntry& e : SearchAudit(db(), f)) {
      seqs.push_back(e.seq);
    }
    return seqs;
  }
  std::vector<int64_t> Seqs(std::initializer_list<int64_t> s) { return s; }
};

TEST_F(AuditSearchTest, EverythingNewestFirst) { EXPECT_EQ(Find({}), Seqs({7, 6, 5, 4, 3, 2, 1})); }

TEST_F(AuditSearchTest, PersonIsAnExactAccountActingOrActedOn) {
  EXPECT_EQ(Find({.person = "1"}), Seqs({3, 1}));
  EXPECT_EQ(Find({.person = "2"}), Seqs({6, 5, 2}));  // 7 acts on a report numbered 2, not on user 2
  EXPECT_EQ(Find({.person = "0912000002"}), Seqs({6, 5, 2}));
  EXPECT_EQ(Find({.person = "Trần Thị Bình"}), Seqs({6, 5, 2}));
  EXPECT_EQ(Find({.person = "Văn"}), Seqs({}));  // no substring scan
  EXPECT_EQ(Find({.person = "trần thị bình"}), Seqs({}));
  EXPECT_EQ(Find({.person = "99"}), Seqs({}));
}

TEST_F(AuditSearchTest, PersonAndObjectSearchesUseTheirIndexes) {
  // Enough rows, spread over many people and objects, for a planner to prefer an index to a scan.
  constexpr int64_t kRows = 4000;
  constexpr int64_t kPeople = 400;
  db().Write([&](Session& s) {
    for (int64_t i = 0; i < kRows; ++i) {
      AuditEntry e = Entry("dossier.update", i % kPeople);
      e.actor_id = 100 + i % kPeople;
      AppendAudit(s, e);
    }
  });
  SealAudit(db());
  db().Write([](Session& s) { s.ExecScript("ANALYZE"); });
  const std::string person = ExplainAuditSearch(db(), {.person = "117"});
  EXPECT_NE(person.find("audit_log_actor"), std::string::npos) << person;
  EXPECT_NE(person.find("audit_log_object"), std::string::npos) << person;
  const std::string object = ExplainAuditSearch(db(), {.object = "dossier:H40.1-000017"});
  EXPECT_NE(object.find("audit_log_object"), std::string::npos) << object;
  const std::string bare = ExplainAuditSearch(db(), {.object = "H40.1-000017"});
  EXPECT_NE(bare.find("audit_log_object"), std::string::npos) << bare;
  EXPECT_EQ(Find({.person = "117", .limit = kMaxAuditPage}).size(), static_cast<size_t>(kRows / kPeople));
}

TEST_F(AuditSearchTest, ObjectIsAnIdOrTypeAndId) {
  EXPECT_EQ(Find({.object = "dossier:H40.1-240101-0001"}), Seqs({5}));
  EXPECT_EQ(Find({.object = "H40.1-240101-0001"}), Seqs({5}));
  EXPECT_EQ(Find({.object = "user:2"}), Seqs({6, 2}));
  EXPECT_EQ(Find({.object = "2"}), Seqs({7, 6, 2}));
  EXPECT_EQ(Find({.object = "dossier:2"}), Seqs({}));
}

TEST_F(AuditSearchTest, ActionIsAPrefixWithoutWildcards) {
  EXPECT_EQ(Find({.action = "login."}), Seqs({4, 2, 1}));
  EXPECT_EQ(Find({.action = "login"}), Seqs({7, 4, 2, 1}));
  EXPECT_EQ(Find({.action = "login.failure"}), Seqs({4, 2}));
  EXPECT_EQ(Find({.action = "login%"}), Seqs({}));
  EXPECT_EQ(Find({.action = "login_"}), Seqs({7}));
  EXPECT_EQ(Find({.action = "Login."}), Seqs({}));
}

TEST_F(AuditSearchTest, TimeRangeIsHalfOpen) {
  EXPECT_EQ(Find({.from_us = 2000, .to_us = 4000}), Seqs({3, 2}));
  EXPECT_EQ(Find({.from_us = 6000}), Seqs({7, 6}));
  EXPECT_EQ(Find({.to_us = 1001}), Seqs({1}));
}

TEST_F(AuditSearchTest, PagesFollowBeforeSeq) {
  EXPECT_EQ(Find({.limit = 3}), Seqs({7, 6, 5}));
  EXPECT_EQ(Find({.before_id = 5, .limit = 3}), Seqs({4, 3, 2}));
  EXPECT_EQ(Find({.before_id = 2, .limit = 3}), Seqs({1}));
  EXPECT_EQ(Find({.before_id = 1, .limit = 3}), Seqs({}));
  EXPECT_EQ(Find({.limit = 0}).size(), 1U);  // at least one
  EXPECT_EQ(Find({.action = "login.", .before_id = 4, .limit = 1}), Seqs({2}));
}

TEST_F(AuditSearchTest, FiltersCombine) {
  EXPECT_EQ(Find({.person = "2", .action = "dossier."}), Seqs({5}));
  EXPECT_EQ(Find({.person = "Nguyễn Văn An", .object = "user:3", .from_us = 1}), Seqs({3}));
}

}  // namespace
}  // namespace motcua::store
