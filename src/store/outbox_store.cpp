#include "store/outbox_store.hpp"

#include <fmt/format.h>

namespace motcua::store {

namespace {

constexpr std::string_view kColumns =
    "id, idempotency_key, channel, recipient, subject, body, secret, status, attempts, created_at, next_attempt_at, "
    "last_error, sent_at";

OutboxStatus StatusOf(std::string_view code) {
  if (code == "sent") {
    return OutboxStatus::kSent;
  }
  if (code == "dead") {
    return OutboxStatus::kDead;
  }
  return OutboxStatus::kPending;
}

OutboxRow ReadRow(const Row& r) {
  OutboxRow out;
  out.id = r.Int(0);
  out.message = OutboxMessage{r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Int(6) != 0};
  out.status = StatusOf(r.Text(7));
  out.attempts = static_cast<int32_t>(r.Int(8));
  out.created_at = domain::Instant::FromMicros(r.Int(9));
  out.next_attempt_at = domain::Instant::FromMicros(r.Int(10));
  out.last_error = r.Text(11);
  if (const auto sent = r.OptInt(12)) {
    out.sent_at = domain::Instant::FromMicros(*sent);
  }
  return out;
}

std::vector<OutboxRow> ReadRows(const Rows& rows) {
  std::vector<OutboxRow> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadRow(rows[i]));
  }
  return out;
}

}  // namespace

std::string_view OutboxStatusCode(OutboxStatus status) {
  switch (status) {
    case OutboxStatus::kPending:
      return "pending";
    case OutboxStatus::kSent:
      return "sent";
    case OutboxStatus::kDead:
      return "dead";
  }
  return "pending";
}

bool EnqueueOutbox(Session& s, const OutboxMessage& message, domain::Instant now) {
  // ON CONFLICT DO NOTHING also covers a concurrent enqueue of the same key on PostgreSQL: the second waits for the
  // first transaction and then inserts nothing.
  return s.Exec(
             "INSERT INTO outbox (idempotency_key, channel, recipient, subject, body, secret, created_at, "
             "next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
             {message.idempotency_key, message.channel, message.recipient, message.subject, message.body,
              int64_t{message.secret ? 1 : 0}, now.micros, now.micros}) > 0;
}

std::vector<OutboxRow> ClaimOutbox(Session& s, domain::Instant now, domain::Instant lease_until,
                                   const std::string& token, int32_t limit) {
  // Two steps rather than UPDATE … RETURNING: the SELECT locks the rows it returns on PostgreSQL (skipping those
  // another claimer has locked), and on SQLite the whole job runs alone on the writer.
  std::string select = fmt::format(
      "SELECT {} FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? "
      "AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY next_attempt_at, id LIMIT ?",
      kColumns);
  if (s.engine() == Engine::kPostgres) {
    select += " FOR UPDATE SKIP LOCKED";
  }
  std::vector<OutboxRow> claimed = ReadRows(s.Query(select, {now.micros, now.micros, int64_t{limit}}));
  for (const OutboxRow& row : claimed) {
    s.Exec("UPDATE outbox SET claimed_until = ?, claim_token = ? WHERE id = ?", {lease_until.micros, token, row.id});
  }
  return claimed;
}

bool MarkOutboxSent(Session& s, int64_t id, const std::string& token, domain::Instant now) {
  return s.Exec(
             "UPDATE outbox SET status = 'sent', sent_at = ?, claimed_until = NULL, claim_token = NULL, "
             "body = CASE WHEN secret <> 0 THEN '' ELSE body END "
             "WHERE id = ? AND claim_token = ? AND status = 'pending'",
             {now.micros, id, token}) > 0;
}

bool MarkOutboxFailed(Session& s, int64_t id, const std::string& token, const std::string& error,
                      std::optional<domain::Instant> retry_at) {
  if (retry_at) {
    return s.Exec(
               "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL, "
               "claim_token = NULL WHERE id = ? AND claim_token = ? AND status = 'pending'",
               {error, retry_at->micros, id, token}) > 0;
  }
  return s.Exec(
             "UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = 'dead', claimed_until = NULL, "
             "claim_token = NULL WHERE id = ? AND claim_token = ? AND status = 'pending'",
             {error, id, token}) > 0;
}

std::vector<OutboxRow> ListOutboxProblems(Session& s, int32_t limit) {
  // The condition is the predicate of the partial index outbox_problems, so the planner can use it.
  return ReadRows(
      s.Query(fmt::format("SELECT {} FROM outbox WHERE status <> 'sent' AND last_error <> '' ORDER BY id DESC LIMIT ?",
                          kColumns),
              {int64_t{limit}}));
}

std::optional<OutboxRow> FindOutbox(Session& s, int64_t id) {
  const Rows rows = s.Query(fmt::format("SELECT {} FROM outbox WHERE id = ?", kColumns), {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadRow(rows[0]);
}

bool RequeueDeadOutbox(Session& s, int64_t id, domain::Instant now) {
  return s.Exec(
             "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, claimed_until = NULL, "
             "claim_token = NULL WHERE id = ? AND status = 'dead'",
             {now.micros, id}) > 0;
}

int64_t CountOutbox(Session& s, OutboxStatus status) {
  const Rows rows = s.Query("SELECT COUNT(*) FROM outbox WHERE status = ?", {std::string(OutboxStatusCode(status))});
  return rows.empty() ? 0 : rows[0].Int(0);
}

bool AppendMailboxOnce(Session& s, const OutboxMessage& message, domain::Instant delivered_at) {
  return s.Exec(
             "INSERT INTO dev_mailbox (created_at, channel, recipient, subject, body, idempotency_key) "
             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING",
             {delivered_at.micros, message.channel, message.recipient, message.subject, message.body,
              TextOrNull(message.idempotency_key)}) > 0;
}

}  // namespace motcua::store
