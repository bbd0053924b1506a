#pragma once
//! Messages to people through the transactional outbox. An operation enqueues its message inside its own write job,
//! so the message exists exactly when the change does; the sender, a background thread of `serve`, delivers it
//! afterwards through the notifier, retries a failure with capped exponential back-off, and dead-letters a message
//! that keeps failing, for an administrator to send again.
//!
//! Nothing is sent twice by design, with one documented window: a sender claims a message under a lease
//! (`claimed_until`), delivers it, and marks it sent in the next step. If the process dies between the delivery and
//! that mark, the message is delivered again once the lease has expired; the gateway receives the message's
//! idempotency key with both deliveries and drops the second (the dev mailbox does exactly that).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/config.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "notify/notifier.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"
#include "store/outbox_store.hpp"

namespace motcua::service {

//! Enqueues `message` inside the caller's write job `s`; a message whose idempotency key is already in the outbox
//! is ignored (false).
bool EnqueueMessage(store::Session& s, const store::OutboxMessage& message, const domain::Clock& clock);

//! How long to wait before the next attempt after `failures` failed deliveries (1, 2, …): the base doubled for
//! each failure after the first, never more than the cap.
std::chrono::seconds RetryDelay(int32_t failures, const app::OutboxConfig& config);

//! What one pass of the sender did.
struct SendReport {
  int32_t delivered = 0;  //!< Marked sent.
  int32_t retried = 0;    //!< Failed, scheduled again.
  int32_t dead = 0;       //!< Failed for the last time: now dead letters.
};

//! Delivers due messages from the outbox; one per `serve` process (several processes may share a PostgreSQL).
class OutboxSender {
 public:
  //! Uses `db`, `notifier` and `clock`, which must outlive the sender.
  OutboxSender(store::Database& db, notify::Notifier& notifier, const domain::Clock& clock, app::OutboxConfig config);
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;
  OutboxSender(OutboxSender&&) = delete;
  OutboxSender& operator=(OutboxSender&&) = delete;
  //! Stops the thread if it runs.
  ~OutboxSender();

  //! Claims the messages due now (at most one batch), delivers each and records the outcome.
  SendReport RunOnce();
  //! Starts the background thread: a pass every poll interval, at once again while batches come back full.
  void Start();
  //! Asks the thread to finish its current message and waits for it; messages not yet sent stay in the outbox.
  void Stop();

 private:
  void Loop();
  //! True when a message is due; a read, so that an idle sender never takes the single SQLite writer.
  bool AnyDue();

  store::Database& db_;
  notify::Notifier& notifier_;
  const domain::Clock& clock_;
  app::OutboxConfig config_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

//! One message of the dead-letter page, safe to show: the recipient masked, no body when it holds a code.
struct ProblemMessage {
  int64_t id = 0;                   //!< Outbox row.
  std::string channel;              //!< "sms" or "email".
  std::string recipient;            //!< Masked: "09******78".
  std::string subject;              //!< Subject or label.
  std::string body;                 //!< Text, or "" when the message holds a one-time code.
  bool secret = false;              //!< The body holds a one-time code and is withheld.
  bool dead = false;                //!< Dead letter (otherwise pending after at least one failure).
  int32_t attempts = 0;             //!< Failed deliveries.
  std::string last_error;           //!< The gateway's last answer.
  domain::Instant created_at;       //!< Enqueued at.
  domain::Instant next_attempt_at;  //!< Next try (pending only).
};

//! Dead messages and pending ones that have failed, newest first, at most `limit`.
std::vector<ProblemMessage> ListProblemMessages(store::Database& db, int32_t limit);

//! Puts dead message `id` back in the queue, journaled as done by `actor`: kNotFound when there is no such dead
//! message (never was, or already resent).
domain::Result<domain::Done> ResendMessage(store::Database& db, const Actor& actor, int64_t id,
                                           const domain::Clock& clock);

}  // namespace motcua::service
