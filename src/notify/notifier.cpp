#include "notify/notifier.hpp"

#include <spdlog/spdlog.h>

#include <fmt/format.h>

#include "store/outbox_store.hpp"

namespace motcua::notify {

namespace {

constexpr size_t kVisibleHead = 2;
constexpr size_t kVisibleTail = 2;

}  // namespace

std::string MaskRecipient(const std::string& recipient) {
  const size_t at = recipient.find('@');
  if (at != std::string::npos) {
    return recipient.substr(0, 1) + "***" + recipient.substr(at);
  }
  if (recipient.size() <= kVisibleHead + kVisibleTail) {
    return std::string(recipient.size(), '*');
  }
  return recipient.substr(0, kVisibleHead) + std::string(recipient.size() - kVisibleHead - kVisibleTail, '*') +
         recipient.substr(recipient.size() - kVisibleTail);
}

Delivery DevNotifier::Send(const Message& message) {
  if (!demo_) {
    spdlog::warn("notify: no {} gateway configured; message \"{}\" to {} not delivered", message.channel,
                 message.subject, MaskRecipient(message.recipient));
    return Delivery::Failed(fmt::format("no {} gateway configured", message.channel));
  }
  const domain::Instant now = clock_.Now();
  bool added = false;
  db_.Write([&](store::Session& s) {
    added = store::AppendMailboxOnce(s,
                                     store::OutboxMessage{message.idempotency_key, message.channel, message.recipient,
                                                          message.subject, message.body, false},
                                     now);
  });
  if (added) {
    spdlog::info("notify (demo): {} to {}: {}: {}", message.channel, message.recipient, message.subject, message.body);
  } else {
    spdlog::info("notify (demo): {} already delivered, duplicate dropped", message.idempotency_key);
  }
  return Delivery::Ok();
}

}  // namespace motcua::notify
