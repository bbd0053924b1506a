#pragma once
//! Sending messages to people (one-time codes, account notices). Real SMS and email gateways come later, behind
//! the same interface and a transactional outbox.

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
};

//! Delivers messages.
class Notifier {
 public:
  virtual ~Notifier() = default;
  //! Sends `message` (best effort; never throws for a delivery failure).
  virtual void Send(const Message& message) = 0;
};

//! The default notifier: logs every message (with the text only in demo mode, where the dev mailbox page shows
//! it too); in production it warns that no gateway is configured, without writing any code to the log.
class DevNotifier final : public Notifier {
 public:
  //! Writes to `db`'s dev mailbox when `demo` is true.
  DevNotifier(store::Database& db, bool demo, const domain::Clock& clock) : db_(db), demo_(demo), clock_(clock) {}
  void Send(const Message& message) override;

 private:
  store::Database& db_;
  bool demo_;
  const domain::Clock& clock_;
};

//! `recipient` with the middle hidden, for logs: "09******78", "a***@example.vn".
std::string MaskRecipient(const std::string& recipient);

}  // namespace motcua::notify
