//! The audit journal on every engine: appends chain, every kind of tampering is found and named, concurrent
//! appends stay contiguous, and searches filter by person, object, action, time and page.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include "domain/audit.hpp"
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

  //! Appends `n` entries, each in its own write job.
  void AppendMany(int64_t n) {
    for (int64_t i = 0; i < n; ++i) {
      db().Write([&](Session& s) { AppendAudit(s, Entry("dossier.update", i)); });
    }
  }

  //! Appends `n` entries in one write job (fast for long journals).
  void AppendBatch(int64_t n) {
    db().Write([&](Session& s) {
      for (int64_t i = 0; i < n; ++i) {
        AppendAudit(s, Entry("dossier.update", i));
      }
    });
  }

  //! Runs raw SQL the way someone with database access would, behind the application's back.
  void Sql(std::string_view sql, const Params& params = {}) {
    db().Write([&](Session& s) { s.Exec(sql, params); });
  }

  //! The stored row `seq`.
  AuditEntry Load(int64_t seq) {
    AuditFilter f;
    f.before_seq = seq + 1;
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
  EXPECT_EQ(first, 1);
  EXPECT_EQ(second, 2);

  const AuditEntry a = Load(1);
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
  db().Write([&](Session& s) { EXPECT_EQ(AppendAudit(s, e), 1); });
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
  db().Write([](Session& s) { EXPECT_EQ(AppendAudit(s, Entry("dossier.update")), 3); });
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, 3);
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
  db().Write([](Session& s) { EXPECT_EQ(AppendAudit(s, Entry("login.success")), 21); });
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

TEST_F(AuditStoreTest, ConcurrentAppendsChainContiguously) {
  constexpr int32_t kThreads = 8;
  constexpr int32_t kPerThread = 25;
  std::vector<std::thread> threads;
  std::atomic<int32_t> failures{0};
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
  ASSERT_EQ(failures.load(), 0);
  const AuditVerification v = VerifyAudit(db());
  EXPECT_TRUE(v.intact) << v.problem;
  EXPECT_EQ(v.rows, kThreads * kPerThread);
  db().Read([](Session& s) {
    const Rows r = s.Query("SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_log");
    EXPECT_EQ(r[0].Int(0), kThreads * kPerThread);
    EXPECT_EQ(r[0].Int(1), 1);
    EXPECT_EQ(r[0].Int(2), kThreads * kPerThread);
  });
  for (int32_t t = 0; t < kThreads; ++t) {
    AuditFilter f;
    f.action = fmt::format("thread{}.", t);
    f.limit = kMaxAuditPage;
    EXPECT_EQ(SearchAudit(db(), f).size(), static_cast<size_t>(kPerThread)) << "thread " << t;
  }
}

// ---- Searching ----

class AuditSearchTest : public AuditStoreTest {
 protected:
  void SetUp() override {
    AuditStoreTest::SetUp();
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

TEST_F(AuditSearchTest, PersonIsTheActorOrTheUserActedOn) {
  EXPECT_EQ(Find({.person = "1"}), Seqs({3, 1}));
  EXPECT_EQ(Find({.person = "2"}), Seqs({6, 5, 2}));  // 7 acts on a report numbered 2, not on user 2
  EXPECT_EQ(Find({.person = "Văn"}), Seqs({7, 6, 3, 1}));
  EXPECT_EQ(Find({.person = "Trần Thị Bình"}), Seqs({5, 2}));
  EXPECT_EQ(Find({.person = "văn"}), Seqs({}));  // case-sensitive on every engine
  EXPECT_EQ(Find({.person = "99"}), Seqs({}));
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
  EXPECT_EQ(Find({.before_seq = 5, .limit = 3}), Seqs({4, 3, 2}));
  EXPECT_EQ(Find({.before_seq = 2, .limit = 3}), Seqs({1}));
  EXPECT_EQ(Find({.before_seq = 1, .limit = 3}), Seqs({}));
  EXPECT_EQ(Find({.limit = 0}).size(), 1U);  // at least one
  EXPECT_EQ(Find({.action = "login.", .before_seq = 4, .limit = 1}), Seqs({2}));
}

TEST_F(AuditSearchTest, FiltersCombine) {
  EXPECT_EQ(Find({.person = "2", .action = "dossier."}), Seqs({5}));
  EXPECT_EQ(Find({.person = "Văn", .object = "user:3", .from_us = 1}), Seqs({3}));
}

}  // namespace
}  // namespace motcua::store
