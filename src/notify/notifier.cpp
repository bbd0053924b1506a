#include "notify/notifier.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "store/account_store.hpp"

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

void DevNotifier::Send(const Message& message) {
  if (!demo_) {
    spdlog::warn("notify: no {} gateway configured; message \"{}\" to {} not delivered", message.channel,
                 message.subject, MaskRecipient(message.recipient));
    return;
  }
  spdlog::info("notify (demo): {} to {}: {}: {}", message.channel, message.recipient, message.subject, message.body);
  try {
    const int64_t now = clock_.NowSeconds();
    db_.Write([&](store::Session& s) {
      store::AppendMailbox(
          s, store::MailboxMessage{0, now, message.channel, message.recipient, message.subject, message.body});
    });
  } catch (const std::exception& e) {
    spdlog::error("notify: dev mailbox write failed: {}", e.what());
  }
}

}  // namespace motcua::notify
