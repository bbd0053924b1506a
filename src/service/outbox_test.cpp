//! The outbox sender on a fresh SQLite file with a notifier that fails on demand and a manual clock: delivery,
//! back-off, dead letters, resending, the lease after a crash, and the dev mailbox as an idempotent gateway.
#include "service/outbox.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/migrations.hpp"
#include "store/outbox_store.hpp"

namespace motcua::service {
namespace {

using domain::Instant;
using std::chrono::seconds;

constexpr Instant kT0 = Instant::FromSeconds(1767225600);  // 2026-01-01 00:00 UTC
constexpr int32_t kMaxAttempts = 4;
constexpr int64_t kBaseSeconds = 30;
constexpr int64_t kCapSeconds = 100;
constexpr int64_t kLeaseSeconds = 60;

//! A gateway that fails the first `failures` sends (or throws), and records every message it is handed.
class FakeNotifier final : public notify::Notifier {
 public:
  notify::Delivery Send(const notify::Message& message) override {
    const std::lock_guard lock(mutex_);
    sent_.push_back(message);
    changed_.notify_all();
    if (throw_) {
      throw std::runtime_error("connection reset by gateway");
    }
    if (failures_ > 0) {
      --failures_;
      return notify::Delivery::Failed("gateway answered 503");
    }
    return notify::Delivery::Ok();
  }
  void FailNext(int32_t n) {
    const std::lock_guard lock(mutex_);
    failures_ = n;
  }
  void Throw(bool on) {
    const std::lock_guard lock(mutex_);
    throw_ = on;
  }
  std::vector<notify::Message> sent() {
    const std::lock_guard lock(mutex_);
    return sent_;
  }
  //! Waits (a generous bound, not a timing assertion) until `n` messages were handed over.
  bool WaitFor(size_t n) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, seconds(30), [&] { return sent_.size() >= n; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<notify::Message> sent_;
  int32_t failures_ = 0;
  bool throw_ = false;
};

app::OutboxConfig TestConfig() {
  app::OutboxConfig c;
  c.max_attempts = kMaxAttempts;
  c.backoff_base_seconds = kBaseSeconds;
  c.backoff_cap_seconds = kCapSeconds;
  c.lease_seconds = kLeaseSeconds;
  c.poll_ms = 10;
  return c;
}

class OutboxTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int32_t> counter{0};
    path_ = (std::filesystem::path(testing::TempDir()) /
             fmt::format("motcua_outbox_{}_{}.db", getpid(), counter.fetch_add(1)))
                .string();
    db_ = store::OpenDatabase(path_);
    store::Migrate(*db_);
    sender_ = std::make_unique<OutboxSender>(*db_, notifier_, clock_, TestConfig());
  }
  void TearDown() override {
    sender_.reset();
    db_->Close();
    db_.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
  bool Enqueue(const std::string& key, bool secret = true) {
    bool added = false;
    db_->Write([&](store::Session& s) {
      added = EnqueueMessage(
          s, store::OutboxMessage{key, "sms", "0912345678", "Mã đặt lại mật khẩu", "Mã của bạn là 123456", secret},
          clock_);
    });
    return added;
  }
  store::OutboxRow Row(int64_t id) {
    std::optional<store::OutboxRow> row;
    db_->Read([&](store::Session& s) { row = store::FindOutbox(s, id); });
    return row.value_or(store::OutboxRow{});
  }
  int64_t FirstId() {
    int64_t id = 0;
    db_->Read([&](store::Session& s) { id = s.Query("SELECT MIN(id) FROM outbox")[0].Int(0); });
    return id;
  }

  std::string path_;
  std::unique_ptr<store::Database> db_;
  domain::ManualClock clock_{kT0};
  FakeNotifier notifier_;
  std::unique_ptr<OutboxSender> sender_;
};

TEST(RetryDelay, DoublesFromTheBaseUpToTheCap) {
  app::OutboxConfig c;
  c.backoff_base_seconds = kBaseSeconds;
  c.backoff_cap_seconds = int64_t{3600};
  const std::vector<std::pair<int32_t, int64_t>> cases = {
      {1, 30}, {2, 60}, {3, 120}, {4, 240}, {5, 480}, {6, 960}, {7, 1920}, {8, 3600}, {9, 3600}, {64, 3600}, {0, 30},
  };
  for (const auto& [failures, expected] : cases) {
    EXPECT_EQ(RetryDelay(failures, c).count(), expected) << failures << " failures";
  }
}

TEST_F(OutboxTest, AMessageIsDeliveredOnceWithItsIdempotencyKey) {
  EXPECT_TRUE(Enqueue("password.reset_code:7:abc:sms"));
  EXPECT_FALSE(Enqueue("password.reset_code:7:abc:sms"));
  const SendReport r = sender_->RunOnce();
  EXPECT_EQ(r.delivered, 1);
  ASSERT_EQ(notifier_.sent().size(), 1U);
  EXPECT_EQ(notifier_.sent()[0].idempotency_key, "password.reset_code:7:abc:sms");
  EXPECT_EQ(notifier_.sent()[0].recipient, "0912345678");
  EXPECT_EQ(sender_->RunOnce().delivered, 0);
  clock_.Advance(std::chrono::hours(24));
  EXPECT_EQ(sender_->RunOnce().delivered, 0);
  EXPECT_EQ(notifier_.sent().size(), 1U);
  EXPECT_EQ(Row(FirstId()).status, store::OutboxStatus::kSent);
  EXPECT_EQ(Row(FirstId()).sent_at, kT0.Plus(std::chrono::hours(0)));
}

TEST_F(OutboxTest, AFailedDeliveryIsRetriedAfterTheBackOffAndNotBefore) {
  notifier_.FailNext(2);
  Enqueue("k1");
  EXPECT_EQ(sender_->RunOnce().retried, 1);
  EXPECT_EQ(Row(FirstId()).next_attempt_at, kT0.Plus(seconds(kBaseSeconds)));
  clock_.Advance(seconds(kBaseSeconds - 1));
  EXPECT_EQ(sender_->RunOnce().retried, 0);
  EXPECT_EQ(notifier_.sent().size(), 1U) << "retried before the back-off";
  clock_.Advance(seconds(1));
  EXPECT_EQ(sender_->RunOnce().retried, 1);
  EXPECT_EQ(Row(FirstId()).attempts, 2);
  // The second wait is twice the first.
  clock_.Advance(seconds(2 * kBaseSeconds - 1));
  EXPECT_EQ(sender_->RunOnce().delivered, 0);
  clock_.Advance(seconds(1));
  EXPECT_EQ(sender_->RunOnce().delivered, 1);
  EXPECT_EQ(notifier_.sent().size(), 3U);
  EXPECT_EQ(Row(FirstId()).status, store::OutboxStatus::kSent);
}

TEST_F(OutboxTest, AThrowingNotifierCountsAsAFailedAttempt) {
  notifier_.Throw(true);
  Enqueue("k1");
  EXPECT_EQ(sender_->RunOnce().retried, 1);
  const store::OutboxRow row = Row(FirstId());
  EXPECT_EQ(row.attempts, 1);
  EXPECT_EQ(row.last_error, "connection reset by gateway");
}

TEST_F(OutboxTest, AfterTheLastAttemptTheMessageIsADeadLetterUntilResent) {
  notifier_.FailNext(kMaxAttempts);
  Enqueue("k3", true);
  for (int32_t attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    const SendReport r = sender_->RunOnce();
    EXPECT_EQ(r.dead, attempt == kMaxAttempts ? 1 : 0) << "attempt " << attempt;
    clock_.Advance(seconds(kCapSeconds));
  }
  EXPECT_EQ(sender_->RunOnce().delivered, 0) << "a dead letter was sent";
  std::vector<ProblemMessage> problems = ListProblemMessages(*db_, 10);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_TRUE(problems[0].dead);
  EXPECT_EQ(problems[0].attempts, kMaxAttempts);
  EXPECT_EQ(problems[0].recipient, "09******78");
  EXPECT_TRUE(problems[0].secret);
  EXPECT_EQ(problems[0].body, "") << "a one-time code reached the dead-letter list";
  EXPECT_EQ(problems[0].last_error, "gateway answered 503");

  Actor admin;
  admin.principal.user_id = 1;
  admin.principal.name = "admin";
  admin.address = "127.0.0.1";
  admin.request_id = "test";
  ASSERT_TRUE(ResendMessage(*db_, admin, problems[0].id, clock_).ok());
  const auto again = ResendMessage(*db_, admin, problems[0].id, clock_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.kind(), domain::ErrorKind::kNotFound);
  int64_t journaled = 0;
  db_->Read([&](store::Session& s) {
    journaled = s.Query("SELECT COUNT(*) FROM audit_log WHERE action = 'outbox.resend' AND object_id = ?",
                        {std::to_string(problems[0].id)})[0]
                    .Int(0);
  });
  EXPECT_EQ(journaled, 1);
  EXPECT_EQ(sender_->RunOnce().delivered, 1);
  EXPECT_TRUE(ListProblemMessages(*db_, 10).empty());
}

TEST_F(OutboxTest, AMessageClaimedByASenderThatDiedIsSentAgainOnlyAfterItsLease) {
  Enqueue("k1");
  // Another sender claimed the message, then its process was killed before it recorded anything.
  db_->Write([&](store::Session& s) {
    store::ClaimOutbox(s, clock_.Now(), clock_.Now().Plus(seconds(kLeaseSeconds)), "dead-sender", 10);
  });
  EXPECT_EQ(sender_->RunOnce().delivered, 0);
  clock_.Advance(seconds(kLeaseSeconds - 1));
  EXPECT_EQ(sender_->RunOnce().delivered, 0);
  EXPECT_TRUE(notifier_.sent().empty());
  clock_.Advance(seconds(1));
  EXPECT_EQ(sender_->RunOnce().delivered, 1);
  ASSERT_EQ(notifier_.sent().size(), 1U);
  EXPECT_EQ(notifier_.sent()[0].idempotency_key, "k1");
}

TEST_F(OutboxTest, TheBackgroundSenderDeliversWhatIsEnqueuedAndStops) {
  sender_->Start();
  Enqueue("k1");
  Enqueue("k2");
  EXPECT_TRUE(notifier_.WaitFor(2));
  sender_->Stop();
  Enqueue("k3");
  EXPECT_EQ(store::OutboxStatus::kPending, Row(FirstId() + 2).status) << "sent after Stop";
  int64_t sent = 0;
  db_->Read([&](store::Session& s) { sent = store::CountOutbox(s, store::OutboxStatus::kSent); });
  EXPECT_EQ(sent, 2);
}

TEST_F(OutboxTest, TheDevMailboxKeepsOneCopyPerKeyAndProductionHasNoGateway) {
  notify::DevNotifier demo(*db_, true, clock_);
  const notify::Message m{"sms", "0912345678", "Mã", "Mã của bạn là 123456", "k1"};
  EXPECT_TRUE(demo.Send(m).delivered);
  EXPECT_TRUE(demo.Send(m).delivered) << "a gateway acknowledges a duplicate it drops";
  int64_t n = 0;
  db_->Read([&](store::Session& s) { n = s.Query("SELECT COUNT(*) FROM dev_mailbox")[0].Int(0); });
  EXPECT_EQ(n, 1);
  notify::DevNotifier production(*db_, false, clock_);
  const notify::Delivery d = production.Send(m);
  EXPECT_FALSE(d.delivered);
  EXPECT_EQ(d.error, "no sms gateway configured");
}

}  // namespace
}  // namespace motcua::service
