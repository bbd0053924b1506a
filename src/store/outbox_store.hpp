#pragma once
//! The transactional outbox: messages written in the same transaction as the change that causes them, claimed by a
//! sender under a lease, marked sent, retried after a failure, or dead-lettered. Times are `domain::Instant`s,
//! stored as microseconds.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! A message to enqueue.
struct OutboxMessage {
  std::string idempotency_key;  //!< Names one logical message; a second enqueue with the same key is ignored.
  std::string channel;          //!< "sms" or "email".
  std::string recipient;        //!< Normalised phone number or email address.
  std::string subject;          //!< Subject (email) or label (SMS).
  std::string body;             //!< Text.
  bool secret = false;          //!< The body holds a one-time code: never shown, cleared once sent.
};

//! Where a message stands.
enum class OutboxStatus {
  kPending,  //!< Waiting to be sent (first time, or again after a failure).
  kSent,     //!< Delivered to the gateway.
  kDead,     //!< Failed too many times; waits for an administrator to send it again.
};

//! The stored name of a status ("pending", "sent", "dead").
std::string_view OutboxStatusCode(OutboxStatus status);

//! One stored message.
struct OutboxRow {
  int64_t id = 0;                                //!< Order of arrival.
  OutboxMessage message;                         //!< What to send.
  OutboxStatus status = OutboxStatus::kPending;  //!< Where it stands.
  int32_t attempts = 0;                          //!< Failed deliveries so far.
  domain::Instant created_at;                    //!< When it was enqueued.
  domain::Instant next_attempt_at;               //!< Not sent before this.
  std::string last_error;                        //!< The gateway's answer to the last failed attempt.
  std::optional<domain::Instant> sent_at;        //!< When it was delivered.
};

//! Adds `message` inside the caller's write job `s`; false (and nothing written) when its key is already there.
bool EnqueueOutbox(Session& s, const OutboxMessage& message, domain::Instant now);

//! Claims up to `limit` messages due at `now` and not held by another claim, oldest due first, for `token` until
//! `lease_until`. On PostgreSQL rows locked by a concurrent claimer are skipped (FOR UPDATE SKIP LOCKED), so two
//! claimers never get the same row; on SQLite claims run one at a time on the single writer.
std::vector<OutboxRow> ClaimOutbox(Session& s, domain::Instant now, domain::Instant lease_until,
                                   const std::string& token, int32_t limit);

//! Marks message `id` sent by claim `token` (a secret body is cleared); false when the claim no longer holds it.
bool MarkOutboxSent(Session& s, int64_t id, const std::string& token, domain::Instant now);

//! Records a failed attempt of claim `token`: one more attempt, `error`, and either a retry at `retry_at` or, when
//! it is absent, the dead-letter list. False when the claim no longer holds the message.
bool MarkOutboxFailed(Session& s, int64_t id, const std::string& token, const std::string& error,
                      std::optional<domain::Instant> retry_at);

//! Dead messages and pending ones that have failed at least once, newest first.
std::vector<OutboxRow> ListOutboxProblems(Session& s, int32_t limit);

//! Message `id`, if there is one.
std::optional<OutboxRow> FindOutbox(Session& s, int64_t id);

//! Puts dead message `id` back to pending, due at `now`, with its attempts reset; false when it is not dead.
bool RequeueDeadOutbox(Session& s, int64_t id, domain::Instant now);

//! How many messages have `status`.
int64_t CountOutbox(Session& s, OutboxStatus status);

//! Adds `message` to the dev mailbox unless one with its idempotency key is there (false then), as a gateway
//! drops a duplicate; `delivered_at` is its time in the mailbox.
bool AppendMailboxOnce(Session& s, const OutboxMessage& message, domain::Instant delivered_at);

}  // namespace motcua::store
