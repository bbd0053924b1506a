#pragma once
//! Sending messages to people (one-time codes, account notices). Nothing here is called by a request: requests
//! enqueue messages in the transactional outbox (store/outbox_store.hpp, service/outbox.hpp), and the outbox sender
//! calls a `Notifier` afterwards, retrying what fails. Real SMS and email gateways come later, behind this interface.

#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::notify {

//! One message to one person.
struct Message {
  std::string channel;    //!< "sms" or "email".
  std::string recipient;  //!< Normalised phone number or email address.
  std::string subject;    //!< Short subject (email) or label (SMS).
  std::string body;       //!< Text; may hold a one-time code.
  //! Names this logical message. A gateway receives it and drops a second delivery with the same key: the outbox
  //! may deliver a message again when a sender crashed after delivering it and before recording that it had.
  std::string idempotency_key;
};

//! How one delivery attempt ended.
struct Delivery {
  bool delivered = false;  //!< The gateway accepted the message (or had already accepted it under the same key).
  std::string error;       //!< Why not, for the dead-letter page and logs (never a code or a message body).
  //! A delivered message.
  static Delivery Ok() { return Delivery{true, {}}; }
  //! A failed attempt, with the reason.
  static Delivery Failed(std::string why) { return Delivery{false, std::move(why)}; }
};

//! Delivers messages; called by the outbox sender only, never inside a write job.
class Notifier {
 public:
  virtual ~Notifier() = default;
  //! Hands `message` to the gateway of its channel; a failure is returned, not thrown, so that it is retried.
  virtual Delivery Send(const Message& message) = 0;
};

//! The default notifier. In demo mode it delivers to the dev mailbox (one message per idempotency key, as a gateway
//! would) and logs the text; in production no gateway is configured, so every attempt fails (and the message ends on
//! the dead-letter page) without writing any code to the log.
class DevNotifier final : public Notifier {
 public:
  //! Writes to `db`'s dev mailbox when `demo` is true.
  DevNotifier(store::Database& db, bool demo, const domain::Clock& clock) : db_(db), demo_(demo), clock_(clock) {}
  Delivery Send(const Message& message) override;

 private:
  store::Database& db_;
  bool demo_;
  const domain::Clock& clock_;
};

//! `recipient` with the middle hidden, for logs: "09******78", "a***@example.vn".
std::string MaskRecipient(const std::string& recipient);

}  // namespace motcua::notify
