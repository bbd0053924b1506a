//! The transactional outbox on every engine: idempotent enqueue, claims under a lease (disjoint between concurrent
//! claimers, SKIP LOCKED on PostgreSQL), retries, dead letters and resending, and the dev mailbox's duplicate check.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <latch>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/account_store.hpp"
#include "store/migrations.hpp"
#include "store/outbox_store.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::Instant;
using std::chrono::seconds;
using testing_support::OpenTestDatabase;

constexpr Instant kT0 = Instant::FromSeconds(1767225600);  // 2026-01-01 00:00 UTC
constexpr seconds kLease{60};
constexpr int32_t kBatch = 10;

OutboxMessage Sms(std::string key, std::string body = "Mã đặt lại mật khẩu của bạn là 123456", bool secret = true) {
  return OutboxMessage{std::move(key), "sms", "0912345678", "Mã đặt lại mật khẩu", std::move(body), secret};
}

class OutboxStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }

  bool Enqueue(const OutboxMessage& m, Instant now = kT0) {
    bool added = false;
    db().Write([&](Session& s) { added = EnqueueOutbox(s, m, now); });
    return added;
  }
  std::vector<OutboxRow> Claim(Instant now, const std::string& token, int32_t limit = kBatch) {
    std::vector<OutboxRow> rows;
    db().Write([&](Session& s) { rows = ClaimOutbox(s, now, now.Plus(kLease), token, limit); });
    return rows;
  }
  bool Sent(int64_t id, const std::string& token, Instant now) {
    bool done = false;
    db().Write([&](Session& s) { done = MarkOutboxSent(s, id, token, now); });
    return done;
  }
  bool Failed(int64_t id, const std::string& token, std::optional<Instant> retry_at) {
    bool done = false;
    db().Write([&](Session& s) { done = MarkOutboxFailed(s, id, token, "gateway said 503", retry_at); });
    return done;
  }
  OutboxRow Find(int64_t id) {
    std::optional<OutboxRow> row;
    db().Read([&](Session& s) { row = FindOutbox(s, id); });
    EXPECT_TRUE(row.has_value());
    return row.value_or(OutboxRow{});
  }
  int64_t Count(OutboxStatus status) {
    int64_t n = -1;
    db().Read([&](Session& s) { n = CountOutbox(s, status); });
    return n;
  }
  std::vector<OutboxRow> Problems() {
    std::vector<OutboxRow> rows;
    db().Read([&](Session& s) { rows = ListOutboxProblems(s, kBatch); });
    return rows;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(OutboxStoreTest, ASecondEnqueueWithTheSameKeyIsIgnored) {
  EXPECT_TRUE(Enqueue(Sms("password.reset_code:7:abc:sms", "first")));
  EXPECT_FALSE(Enqueue(Sms("password.reset_code:7:abc:sms", "second"), kT0.Plus(seconds(5))));
  EXPECT_TRUE(Enqueue(Sms("password.reset_code:7:abc:email", "other channel")));
  EXPECT_EQ(Count(OutboxStatus::kPending), 2);
  const std::vector<OutboxRow> rows = Claim(kT0.Plus(seconds(10)), "claim-a");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].message.body, "first");
  EXPECT_EQ(rows[0].created_at, kT0);
  EXPECT_EQ(rows[0].attempts, 0);
  EXPECT_TRUE(rows[0].message.secret);
}

TEST_F(OutboxStoreTest, AnEnqueueInAJobThatFailsLeavesNoMessage) {
  EXPECT_THROW(db().Write([&](Session& s) {
    EnqueueOutbox(s, Sms("k1"), kT0);
    throw DatabaseError("the change failed");
  }),
               DatabaseError);
  EXPECT_EQ(Count(OutboxStatus::kPending), 0);
}

TEST_F(OutboxStoreTest, AClaimTakesDueMessagesOldestFirstUpToTheLimit) {
  Enqueue(Sms("late"), kT0.Plus(seconds(2)));
  Enqueue(Sms("early"), kT0);
  Enqueue(Sms("middle"), kT0.Plus(seconds(1)));
  Enqueue(Sms("future"), kT0.Plus(seconds(100)));
  const std::vector<OutboxRow> rows = Claim(kT0.Plus(seconds(2)), "claim-a", 2);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].message.idempotency_key, "early");
  EXPECT_EQ(rows[1].message.idempotency_key, "middle");
  const std::vector<OutboxRow> rest = Claim(kT0.Plus(seconds(2)), "claim-b");
  ASSERT_EQ(rest.size(), 1U);
  EXPECT_EQ(rest[0].message.idempotency_key, "late");
}

TEST_F(OutboxStoreTest, AClaimedMessageIsHeldUntilItsLeaseExpiresAndOnlyItsClaimMayMarkIt) {
  Enqueue(Sms("k1"));
  const std::vector<OutboxRow> first = Claim(kT0, "claim-a");
  ASSERT_EQ(first.size(), 1U);
  // A second sender (or the same one, next pass) does not take it while the lease runs.
  EXPECT_TRUE(Claim(kT0.Plus(kLease - seconds(1)), "claim-b").empty());
  // The first sender crashed: after the lease another claim takes it, and the stale claim can no longer mark it.
  const std::vector<OutboxRow> again = Claim(kT0.Plus(kLease), "claim-c");
  ASSERT_EQ(again.size(), 1U);
  EXPECT_EQ(again[0].id, first[0].id);
  EXPECT_FALSE(Sent(first[0].id, "claim-a", kT0.Plus(kLease)));
  EXPECT_FALSE(Failed(first[0].id, "claim-a", kT0.Plus(kLease * 2)));
  EXPECT_TRUE(Sent(first[0].id, "claim-c", kT0.Plus(kLease)));
  EXPECT_EQ(Count(OutboxStatus::kSent), 1);
  EXPECT_EQ(Count(OutboxStatus::kPending), 0);
  EXPECT_TRUE(Claim(kT0.Plus(kLease * 3), "claim-d").empty());
}

TEST_F(OutboxStoreTest, SentIsFinalAndForgetsTheCodeButKeepsAnOrdinaryBody) {
  Enqueue(Sms("secret", "Mã của bạn là 123456", true));
  Enqueue(Sms("plain", "Mật khẩu của bạn vừa được đổi", false));
  const std::vector<OutboxRow> rows = Claim(kT0, "claim-a");
  ASSERT_EQ(rows.size(), 2U);
  for (const OutboxRow& r : rows) {
    EXPECT_TRUE(Sent(r.id, "claim-a", kT0.Plus(seconds(1))));
    EXPECT_FALSE(Sent(r.id, "claim-a", kT0.Plus(seconds(2)))) << "marked sent twice";
  }
  const OutboxRow secret = Find(rows[0].message.idempotency_key == "secret" ? rows[0].id : rows[1].id);
  const OutboxRow plain = Find(rows[0].message.idempotency_key == "plain" ? rows[0].id : rows[1].id);
  EXPECT_EQ(secret.status, OutboxStatus::kSent);
  EXPECT_EQ(secret.message.body, "");
  ASSERT_TRUE(secret.sent_at.has_value());
  EXPECT_EQ(*secret.sent_at, kT0.Plus(seconds(1)));
  EXPECT_EQ(plain.message.body, "Mật khẩu của bạn vừa được đổi");
  EXPECT_TRUE(Problems().empty());
}

TEST_F(OutboxStoreTest, AFailureCountsAnAttemptAndWaitsForItsRetryTime) {
  Enqueue(Sms("k1"));
  const int64_t id = Claim(kT0, "claim-a").at(0).id;
  ASSERT_TRUE(Failed(id, "claim-a", kT0.Plus(seconds(30))));
  const OutboxRow row = Find(id);
  EXPECT_EQ(row.status, OutboxStatus::kPending);
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "gateway said 503");
  EXPECT_EQ(row.next_attempt_at, kT0.Plus(seconds(30)));
  // Its lease is released, but the back-off holds it.
  EXPECT_TRUE(Claim(kT0.Plus(seconds(29)), "claim-b").empty());
  const std::vector<OutboxRow> retry = Claim(kT0.Plus(seconds(30)), "claim-c");
  ASSERT_EQ(retry.size(), 1U);
  EXPECT_EQ(retry[0].attempts, 1);
  // A pending message that has failed is on the problem list too.
  ASSERT_EQ(Problems().size(), 1U);
  EXPECT_EQ(Problems()[0].status, OutboxStatus::kPending);
  ASSERT_TRUE(Failed(id, "claim-c", kT0.Plus(seconds(90))));
  EXPECT_EQ(Find(id).attempts, 2);
}

TEST_F(OutboxStoreTest, AFinalFailureDeadLettersAndOnlyAResendBringsItBack) {
  Enqueue(Sms("k1"));
  Enqueue(Sms("k2"));
  const std::vector<OutboxRow> rows = Claim(kT0, "claim-a");
  ASSERT_EQ(rows.size(), 2U);
  ASSERT_TRUE(Failed(rows[0].id, "claim-a", std::nullopt));
  ASSERT_TRUE(Sent(rows[1].id, "claim-a", kT0));
  EXPECT_EQ(Count(OutboxStatus::kDead), 1);
  EXPECT_TRUE(Claim(kT0.Plus(std::chrono::hours(24)), "claim-b").empty()) << "a dead message was claimed";
  const std::vector<OutboxRow> problems = Problems();
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].id, rows[0].id);
  EXPECT_EQ(problems[0].status, OutboxStatus::kDead);
  EXPECT_EQ(problems[0].attempts, 1);

  const Instant later = kT0.Plus(std::chrono::hours(2));
  bool requeued = false;
  db().Write([&](Session& s) { requeued = RequeueDeadOutbox(s, rows[0].id, later); });
  EXPECT_TRUE(requeued);
  db().Write([&](Session& s) { requeued = RequeueDeadOutbox(s, rows[0].id, later); });
  EXPECT_FALSE(requeued) << "a pending message was requeued";
  db().Write([&](Session& s) { requeued = RequeueDeadOutbox(s, rows[1].id, later); });
  EXPECT_FALSE(requeued) << "a sent message was requeued";
  const OutboxRow back = Find(rows[0].id);
  EXPECT_EQ(back.status, OutboxStatus::kPending);
  EXPECT_EQ(back.attempts, 0);
  EXPECT_EQ(back.next_attempt_at, later);
  const std::vector<OutboxRow> again = Claim(later, "claim-c");
  ASSERT_EQ(again.size(), 1U);
  EXPECT_EQ(again[0].id, rows[0].id);
}

TEST_F(OutboxStoreTest, ConcurrentClaimersNeverGetTheSameMessage) {
  constexpr int32_t kMessages = 60;
  constexpr int32_t kClaimers = 4;
  constexpr int32_t kPerClaim = 3;
  db().Write([&](Session& s) {
    for (int32_t i = 0; i < kMessages; ++i) {
      EnqueueOutbox(s, Sms(fmt::format("k{}", i)), kT0);
    }
  });
  std::mutex mutex;
  std::vector<int64_t> claimed;
  std::latch start(kClaimers);
  std::vector<std::thread> threads;
  for (int32_t c = 0; c < kClaimers; ++c) {
    threads.emplace_back([&, c] {
      start.arrive_and_wait();
      for (int32_t pass = 0;; ++pass) {
        const std::vector<OutboxRow> rows = Claim(kT0, fmt::format("claimer-{}-{}", c, pass), kPerClaim);
        if (rows.empty()) {
          return;
        }
        const std::lock_guard lock(mutex);
        for (const OutboxRow& r : rows) {
          claimed.push_back(r.id);
        }
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  const std::set<int64_t> distinct(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed.size(), distinct.size()) << "a message was claimed twice";
  EXPECT_EQ(distinct.size(), static_cast<size_t>(kMessages));
}

// Only PostgreSQL runs two claims at once: the second must skip the rows the first has locked, not wait for them.
TEST(PostgresOnly, AClaimSkipsRowsLockedByAnotherClaimInFlight) {
  if (testing_support::Env(testing_support::kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  auto test = OpenTestDatabase();
  Database& db = test->db();
  Migrate(db);
  constexpr int32_t kMessages = 8;
  constexpr int32_t kFirst = 3;
  db.Write([&](Session& s) {
    for (int32_t i = 0; i < kMessages; ++i) {
      EnqueueOutbox(s, Sms(fmt::format("k{}", i)), kT0);
    }
  });
  std::vector<OutboxRow> first;
  std::vector<OutboxRow> second;
  db.Write([&](Session& s) {
    first = ClaimOutbox(s, kT0, kT0.Plus(kLease), "first", kFirst);
    // The first claim's transaction is still open: its rows are locked and not yet committed as claimed. Without
    // SKIP LOCKED the second claim would wait on them, so a lock timeout turns that wait into a failure.
    std::thread([&] {
      try {
        db.Write([&](Session& other) {
          other.Exec("SET LOCAL lock_timeout = '5s'");
          second = ClaimOutbox(other, kT0, kT0.Plus(kLease), "second", kMessages);
        });
      } catch (const DatabaseError& e) {
        ADD_FAILURE() << "the second claim waited for the first: " << e.what();
      }
    }).join();
  });
  ASSERT_EQ(first.size(), static_cast<size_t>(kFirst));
  ASSERT_EQ(second.size(), static_cast<size_t>(kMessages - kFirst));
  std::set<int64_t> ids;
  for (const auto* rows : {&first, &second}) {
    for (const OutboxRow& r : *rows) {
      ids.insert(r.id);
    }
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(kMessages));
}

TEST_F(OutboxStoreTest, TheDevMailboxDropsASecondDeliveryWithTheSameKey) {
  bool added = false;
  db().Write([&](Session& s) { added = AppendMailboxOnce(s, Sms("k1"), kT0); });
  EXPECT_TRUE(added);
  db().Write([&](Session& s) { added = AppendMailboxOnce(s, Sms("k1"), kT0.Plus(std::chrono::minutes(1))); });
  EXPECT_FALSE(added);
  db().Write([&](Session& s) { added = AppendMailboxOnce(s, Sms("k2"), kT0); });
  EXPECT_TRUE(added);
  int64_t n = 0;
  db().Read([&](Session& s) { n = s.Query("SELECT COUNT(*) FROM dev_mailbox")[0].Int(0); });
  EXPECT_EQ(n, 2);
}

// The column holds microseconds like every other time (migration 0003): a delivery written in seconds was listed
// at 07:29 on 1 January 1970.
TEST_F(OutboxStoreTest, TheDevMailboxListsADeliveryAtTheTimeItWasDelivered) {
  db().Write([&](Session& s) { AppendMailboxOnce(s, Sms("k1"), kT0); });
  std::vector<MailboxMessage> listed;
  db().Read([&](Session& s) { listed = ListMailbox(s, 1); });
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].created_at, kT0.Seconds());
}

}  // namespace
}  // namespace motcua::store
