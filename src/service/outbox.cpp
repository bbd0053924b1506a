#include "service/outbox.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

#include "domain/messages.hpp"
#include "security/crypto.hpp"
#include "service/journal.hpp"

namespace motcua::service {

namespace {

//! Random bytes in a claim token: claims of different passes and nodes never collide.
constexpr size_t kClaimTokenBytes = 16;
//! Longest gateway error kept (the dead-letter page shows it).
constexpr size_t kMaxErrorChars = 500;
//! The doubling stops here; the cap applies well before on any sensible configuration.
constexpr int32_t kMaxDoublings = 30;

std::string Shorten(std::string text) {
  if (text.size() > kMaxErrorChars) {
    text.resize(kMaxErrorChars);
  }
  return text;
}

notify::Delivery Deliver(notify::Notifier& notifier, const store::OutboxMessage& m) {
  try {
    return notifier.Send(notify::Message{m.channel, m.recipient, m.subject, m.body, m.idempotency_key});
  } catch (const std::exception& e) {
    return notify::Delivery::Failed(e.what());
  }
}

}  // namespace

bool EnqueueMessage(store::Session& s, const store::OutboxMessage& message, const domain::Clock& clock) {
  return store::EnqueueOutbox(s, message, clock.Now());
}

std::chrono::seconds RetryDelay(int32_t failures, const app::OutboxConfig& config) {
  const int32_t doublings = std::clamp(failures - 1, 0, kMaxDoublings);
  const int64_t delay = config.backoff_base_seconds << doublings;
  return std::chrono::seconds(std::min(delay, config.backoff_cap_seconds));
}

OutboxSender::OutboxSender(store::Database& db, notify::Notifier& notifier, const domain::Clock& clock,
                           app::OutboxConfig config)
    : db_(db), notifier_(notifier), clock_(clock), config_(config) {}

OutboxSender::~OutboxSender() { Stop(); }

bool OutboxSender::AnyDue() {
  bool due = false;
  const int64_t now = clock_.Now().micros;
  db_.Read([&](store::Session& s) {
    due = !s.Query(
                "SELECT 1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
                "AND (claimed_until IS NULL OR claimed_until <= ?) LIMIT 1",
                {now, now})
               .empty();
  });
  return due;
}

SendReport OutboxSender::RunOnce() {
  SendReport report;
  if (!AnyDue()) {
    return report;
  }
  const std::string token = security::RandomToken(kClaimTokenBytes);
  const domain::Instant now = clock_.Now();
  const domain::Instant lease_until = now.Plus(std::chrono::seconds(config_.lease_seconds));
  std::vector<store::OutboxRow> claimed;
  db_.Write([&](store::Session& s) { claimed = store::ClaimOutbox(s, now, lease_until, token, config_.batch); });
  for (const store::OutboxRow& row : claimed) {
    const notify::Delivery delivery = Deliver(notifier_, row.message);
    // Recorded at once, each in its own job: the window in which a crash would deliver a message twice is one
    // commit long, and the gateway drops that duplicate by its idempotency key.
    if (delivery.delivered) {
      db_.Write([&](store::Session& s) { store::MarkOutboxSent(s, row.id, token, clock_.Now()); });
      ++report.delivered;
      continue;
    }
    const int32_t failures = row.attempts + 1;
    std::optional<domain::Instant> retry_at;
    if (failures < config_.max_attempts) {
      retry_at = clock_.Now().Plus(RetryDelay(failures, config_));
      ++report.retried;
    } else {
      ++report.dead;
    }
    spdlog::warn("outbox: message {} ({} to {}) failed, attempt {} of {}: {}", row.id, row.message.channel,
                 notify::MaskRecipient(row.message.recipient), failures, config_.max_attempts, delivery.error);
    db_.Write([&](store::Session& s) { store::MarkOutboxFailed(s, row.id, token, Shorten(delivery.error), retry_at); });
  }
  return report;
}

void OutboxSender::Start() {
  const std::lock_guard lock(mutex_);
  if (thread_.joinable()) {
    return;
  }
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void OutboxSender::Stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void OutboxSender::Loop() {
  const auto poll = std::chrono::milliseconds(config_.poll_ms);
  while (true) {
    bool full = false;
    try {
      const SendReport r = RunOnce();
      full = r.delivered + r.retried + r.dead >= config_.batch;
    } catch (const std::exception& e) {
      // A lost database: the messages stay in the outbox and the next pass tries again.
      spdlog::error("outbox: sender pass failed: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    if (!full) {
      wake_.wait_for(lock, poll, [this] { return stopping_; });
    }
    if (stopping_) {
      return;
    }
  }
}

std::vector<ProblemMessage> ListProblemMessages(store::Database& db, int32_t limit) {
  std::vector<store::OutboxRow> rows;
  db.Read([&](store::Session& s) { rows = store::ListOutboxProblems(s, limit); });
  std::vector<ProblemMessage> out;
  out.reserve(rows.size());
  for (const store::OutboxRow& r : rows) {
    ProblemMessage m;
    m.id = r.id;
    m.channel = r.message.channel;
    m.recipient = notify::MaskRecipient(r.message.recipient);
    m.subject = r.message.subject;
    m.secret = r.message.secret;
    m.body = r.message.secret ? "" : r.message.body;
    m.dead = r.status == store::OutboxStatus::kDead;
    m.attempts = r.attempts;
    m.last_error = r.last_error;
    m.created_at = r.created_at;
    m.next_attempt_at = r.next_attempt_at;
    out.push_back(std::move(m));
  }
  return out;
}

domain::Result<domain::Done> ResendMessage(store::Database& db, const Actor& actor, int64_t id,
                                           const domain::Clock& clock) {
  bool requeued = false;
  db.Write([&](store::Session& s) {
    requeued = store::RequeueDeadOutbox(s, id, clock.Now());
    if (requeued) {
      Journal(s, actor, {"outbox.resend", "outbox", std::to_string(id), ""});
    }
  });
  if (!requeued) {
    return domain::Error::Of(domain::ErrorKind::kNotFound,
                             domain::N_("Không có tin nhắn lỗi này, hoặc tin nhắn đã được gửi lại."));
  }
  return domain::Done{};
}

}  // namespace motcua::service
