// Passwords: changing one's own, asking for a reset code, and setting a new one with a reset or counter code.
#include <fmt/format.h>

#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/accounts.hpp"
#include "service/journal.hpp"
#include "service/security_notice.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! Message id of a blocked attempt; the caller adds how long to wait.
constexpr const char* kBlockedMessage = N_("Bạn đã nhập sai nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau");
//! Message id when every hash thread is busy and nothing was changed.
constexpr const char* kBusyMessage = N_("Hệ thống đang bận. Xin đợi vài giây rồi gửi lại.");

//! A rate-limited answer naming `field`, after `wait` seconds.
Error Blocked(const char* field, int64_t wait) {
  Error error{ErrorKind::kRateLimited, kBlockedMessage, {domain::FieldError{field, kBlockedMessage}}, wait};
  return error;
}

//! A busy answer naming `field`.
Error Busy(const char* field, const char* message) {
  return Error{ErrorKind::kBusy, message, {domain::FieldError{field, message}}, 0};
}

//! The answer when the client address has used up its code requests.
Error AddressLimited(int64_t wait) {
  const char* message = N_("Có quá nhiều yêu cầu gửi mã từ địa chỉ mạng này. Để bảo vệ người dùng, hãy thử lại sau");
  return Error{ErrorKind::kRateLimited, message, {domain::FieldError{"tai_khoan", message}}, wait};
}

domain::PasswordContext ContextOf(const domain::Account& a) {
  return domain::PasswordContext{a.personal_id, a.phone, a.login_name, a.email, a.full_name, a.date_of_birth};
}

}  // namespace

domain::Result<SignedIn> Accounts::ChangePassword(const Actor& actor, const PasswordChange& in) {
  std::optional<domain::Account> account;
  db_.Read([&](store::Session& s) { account = store::FindAccount(s, actor.principal.user_id); });
  if (!account) {
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy tài khoản."));
  }
  const std::string throttle_key = ThrottleKey(account->id, LoginName{});
  Error error = Error::Of(ErrorKind::kInvalid, "");
  if (in.current.empty()) {
    error.fields.push_back({"mat_khau_cu", N_("Nhập mật khẩu hiện tại")});
  } else if (const int64_t wait = SecondsBlocked(actor, throttle_key, account->id, false); wait > 0) {
    // A stolen session must not become a way around the sign-in throttle.
    return Blocked("mat_khau_cu", wait);
  } else {
    const auto ok = Verify(account->password_hash, in.current);
    if (!ok) {
      return Busy("mat_khau_cu", kBusyMessage);
    }
    if (!*ok) {
      error.fields.push_back({"mat_khau_cu", N_("Mật khẩu hiện tại không đúng")});
      db_.Write([&](store::Session& s) {
        RecordFailure(s, actor, "current_password", throttle_key, account->id, account->full_name,
                      JournalIdentifier(LoginName{account->personal_id, account->phone, account->login_name},
                                        account->login_name));
      });
    }
  }
  if (auto problem = CheckNewPassword(in.password, in.confirm, ContextOf(*account))) {
    error.fields.push_back(std::move(*problem));
  }
  if (!error.fields.empty()) {
    return error;
  }
  const auto hash = Hash(in.password);
  if (!hash) {
    return Busy("mat_khau", kBusyMessage);
  }
  std::optional<SignedIn> out;
  db_.Write([&](store::Session& s) {
    const int64_t now = clock_.NowSeconds();
    store::SetPassword(s, account->id, *hash, domain::Instant::FromSeconds(now));
    store::RevokeSessions(s, account->id,
                          domain::Instant::FromSeconds(now));  // this one too: it is replaced by a fresh id below
    out = SignedIn{actor.principal, sessions_.Start(s, actor, account->id)};
    Journal(s, actor, JournalEntry::Of("password.change", "user", std::to_string(account->id)));
    NotifySecurityChange(*this, s, *account, SecurityChange::kPasswordChanged, "");
  });
  return std::move(*out);
}

domain::Result<domain::Done> Accounts::RequestResetCode(const Actor& actor, std::string_view identifier,
                                                        const Translate& translate) {
  if (domain::CollapseSpaces(identifier).empty()) {
    return Error::Field("tai_khoan", N_("Nhập số định danh cá nhân hoặc số điện thoại"));
  }
  const std::string request_key = "request";
  if (const int64_t wait = AddressRequestWait(actor, request_key); wait > 0) {
    return AddressLimited(wait);
  }
  const LoginName name = ParseLoginName(identifier);
  const std::optional<domain::Account> account = FindByLogin(name);
  // The same answer and the same work whether or not the account exists: one write holding the address's count
  // and a journal entry (an account that can receive a code also gets the code and its message), so neither the
  // answer nor its time tells.
  const bool reachable = account && account->status != domain::AccountStatus::kDisabled &&
                         (!account->phone.empty() || !account->email.empty());
  int64_t wait = 0;
  db_.Write([&](store::Session& s) {
    wait = CountAddressRequest(s, actor, request_key);
    if (wait > 0) {
      return;
    }
    if (!reachable) {
      JournalAs(s, actor, 0, "",
                JournalEntry::Of("password.reset_requested", "", "",
                                 Summary{}.Set("identifier", JournalIdentifier(name, identifier))));
      return;
    }
    if (!AllowCodeRequest(s, account->id)) {
      JournalAs(s, actor, 0, "",
                JournalEntry::Of("password.reset_request_ignored", "user", std::to_string(account->id)));
      return;
    }
    const std::string code = IssueCode(s, account->id, store::CodePurpose::kReset, std::nullopt);
    JournalAs(s, actor, 0, "",
              JournalEntry::Of("password.reset_requested", "user", std::to_string(account->id),
                               Summary{}.Set("identifier", JournalIdentifier(name, identifier))));
    // Sent by the outbox once this job commits: never lost to a crash after the commit, never sent for a code
    // that was rolled back.
    Notify(s, *account, "password.reset_code", translate(N_("Mã đặt lại mật khẩu")),
           fmt::format("{} {}. {}", translate(N_("Mã đặt lại mật khẩu Cổng dịch vụ công của bạn là")), code,
                       translate(N_("Mã dùng được một lần trong 15 phút. Không đưa mã này cho ai."))),
           true);
  });
  if (wait > 0) {
    return AddressLimited(wait);
  }
  return domain::Done{};
}

domain::Result<SignedIn> Accounts::ResetPassword(const Actor& actor, const PasswordReset& in) {
  const std::string code = WithoutSpaces(in.code);
  Error error = Error::Of(ErrorKind::kInvalid, "");
  if (domain::CollapseSpaces(in.identifier).empty()) {
    error.fields.push_back({"tai_khoan", N_("Nhập số định danh cá nhân hoặc số điện thoại")});
  }
  if (code.empty()) {
    error.fields.push_back({"ma", N_("Nhập mã xác nhận")});
  }
  const LoginName name = ParseLoginName(in.identifier);
  const std::optional<domain::Account> account = FindByLogin(name);
  // The password is checked before the code, so a weak password does not use up a try of the code.
  if (auto problem =
          CheckNewPassword(in.password, in.confirm, account ? ContextOf(*account) : domain::PasswordContext{})) {
    error.fields.push_back(std::move(*problem));
  }
  if (!error.fields.empty()) {
    return error;
  }
  const char* wrong = N_("Mã không đúng hoặc đã hết hạn. Kiểm tra lại mã, hoặc xin mã mới.");
  const std::string throttle_key = ThrottleKey(account ? account->id : 0, name);
  // A right code is let through whatever a guesser elsewhere did: only this address's own counts apply (the code
  // itself allows kMaxCodeAttempts tries and kFreeCodeRequests codes per window).
  if (const int64_t wait = SecondsBlocked(actor, throttle_key, account ? account->id : 0, false); wait > 0) {
    return Blocked("ma", wait);
  }
  const std::string identifier = JournalIdentifier(name, in.identifier);
  if (!account || account->status == domain::AccountStatus::kDisabled) {
    db_.Write([&](store::Session& s) { RecordFailure(s, actor, "reset_code", throttle_key, 0, "", identifier); });
    return Error::Field("ma", wrong);
  }
  const auto hash = Hash(in.password);
  if (!hash) {
    return Busy("mat_khau", N_("Hệ thống đang bận. Xin đợi vài giây rồi gửi lại; thông tin bạn nhập vẫn còn."));
  }
  std::optional<SignedIn> out;
  db_.Write([&](store::Session& s) {
    out.reset();
    const int64_t now = clock_.NowSeconds();
    const store::CodeCheck check = store::ConsumeCode(s, account->id, CodeHash(account->id, code),
                                                      domain::Instant::FromSeconds(now), kMaxCodeAttempts);
    if (check != store::CodeCheck::kOk) {
      RecordFailure(s, actor, "reset_code", throttle_key, account->id, account->full_name, identifier);
      return;
    }
    store::SetPassword(s, account->id, *hash, domain::Instant::FromSeconds(now));
    store::RevokeSessions(s, account->id, domain::Instant::FromSeconds(now));
    RecordSuccess(s, actor, throttle_key, account->id, true);  // a right code lifts the account's blocks
    sessions_.EndByHash(s, actor.session_hash);
    out = SignedIn{account->AsPrincipal(), sessions_.Start(s, actor, account->id)};
    Journal(s, ActingAs(actor, *out), JournalEntry::Of("password.reset", "user", std::to_string(account->id)));
    NotifySecurityChange(*this, s, *account, SecurityChange::kPasswordReset, "");
  });
  if (!out) {
    return Error::Field("ma", wrong);
  }
  return std::move(*out);
}

}  // namespace motcua::service
