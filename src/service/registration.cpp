// Registration: a person's own account, and an organisation they represent.
#include <fmt/format.h>

#include "domain/constants.hpp"
#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"
#include "service/accounts.hpp"
#include "service/journal.hpp"
#include "service/outbox.hpp"
#include "store/registration_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! The conflict answer for an ID number or phone taken between the code and its confirmation.
Error Taken(Conflict c) {
  Error error = Error::Of(ErrorKind::kConflict, "");
  if (auto field = ConflictField(c, false)) {
    error.fields.push_back(std::move(*field));
  }
  return error;
}

//! Random bytes of the token that names a pending registration.
constexpr size_t kSignUpTokenBytes = 24;
//! Digits of a registration code.
constexpr size_t kSignUpDigits = 6;
//! How long a registration code can be entered.
constexpr int64_t kSignUpSeconds = domain::kResetSeconds;
//! How long a registration is kept after its code expired (or it was confirmed).
constexpr int64_t kKeepExpiredSeconds = domain::kSecondsPerDay;
//! Random bytes that make each code message's idempotency key unique.
constexpr size_t kMessageKeyBytes = 12;

//! Message id of a wrong, used up or expired registration code.
constexpr const char* kWrongSignUpCode =
    N_("Mã không đúng hoặc đã hết hạn. Kiểm tra lại mã trong tin nhắn, hoặc bấm “Gửi lại mã”.");
//! Message id of a blocked address.
constexpr const char* kTooManyRequests =
    N_("Có quá nhiều yêu cầu gửi mã từ địa chỉ mạng này. Để bảo vệ người dùng, hãy thử lại sau");

std::string TokenHash(std::string_view token) { return security::Sha256Hex(fmt::format("signup-token|{}", token)); }

std::string SignUpCodeHash(std::string_view token, std::string_view code) {
  // Bound to the token, which is not stored: the stored hash alone does not give the six digits away.
  return security::Sha256Hex(fmt::format("signup|{}|{}", token, code));
}

//! A rate-limited answer for the address, naming `field`, after `wait` seconds.
Error AddressBlocked(const char* field, int64_t wait) {
  return Error{ErrorKind::kRateLimited, kTooManyRequests, {domain::FieldError{field, kTooManyRequests}}, wait};
}

}  // namespace

std::string Accounts::SendSignUpCode(store::Session& s, const std::string& phone, const std::string& token,
                                     bool deliver, const Translate& translate) {
  const std::string code = security::RandomDigits(kSignUpDigits);
  if (deliver) {
    const std::string key = fmt::format("register.code:{}:{}", phone, security::RandomToken(kMessageKeyBytes));
    EnqueueMessage(s,
                   store::OutboxMessage{key + ":sms", "sms", phone, translate(N_("Mã xác nhận đăng ký")),
                                        fmt::format("{} {}. {}",
                                                    translate(N_("Mã xác nhận đăng ký tài khoản Cổng "
                                                                 "dịch vụ công của bạn là")),
                                                    code,
                                                    translate(N_("Mã dùng được một lần trong 15 phút. Không đưa mã "
                                                                 "này cho ai."))),
                                        true},
                   clock_);
  }
  return SignUpCodeHash(token, code);
}

domain::Result<PendingSignUp> Accounts::Register(const Actor& actor, const Registration& in,
                                                 const Translate& translate) {
  NewAccount account = in.account;
  if (auto problem = CheckNewPassword(in.password, in.confirm,
                                      domain::PasswordContext{account.personal_id, account.phone, "", account.email,
                                                              account.full_name, account.date_of_birth})) {
    return Error{ErrorKind::kInvalid, "", {std::move(*problem)}, 0};
  }
  const std::string request_key = "request";
  if (const int64_t wait = AddressRequestWait(actor, request_key); wait > 0) {
    return AddressBlocked("dien_thoai", wait);
  }
  // The password is hashed whether or not the ID number or phone is taken: a taken one costs the same time and the
  // same work (hash, pending row, message, journal), so the answer and its timing tell nothing.
  const auto hash = Hash(in.password);
  if (!hash) {
    const char* busy = N_("Hệ thống đang bận. Xin đợi vài giây rồi gửi lại; thông tin bạn nhập vẫn còn.");
    return Error{ErrorKind::kBusy, busy, {domain::FieldError{"mat_khau", busy}}, 0};
  }
  account.password_hash = *hash;
  account.status = domain::AccountStatus::kActive;
  const std::string token = security::RandomToken(kSignUpTokenBytes);
  int64_t wait = 0;
  db_.Write([&](store::Session& s) {
    wait = CountAddressRequest(s, actor, request_key);
    if (wait > 0) {
      return;
    }
    const domain::Instant now = clock_.Now();
    // Registrations never confirmed go a day after their code expired, taking the password hash they held.
    store::PurgePendingRegistrations(s, now.Plus(-std::chrono::seconds(kKeepExpiredSeconds)));
    const Conflict taken = store::FindConflict(s, account);
    const std::string code_hash = SendSignUpCode(s, account.phone, token, taken == Conflict::kNone, translate);
    store::InsertPendingRegistration(s, TokenHash(token), account, code_hash, taken == Conflict::kNone, now,
                                     now.Plus(std::chrono::seconds(kSignUpSeconds)));
    // The owner of a taken ID number or phone is told, and told how to get in if it was them (at most
    // kFreeCodeRequests such notices per window, so their phone cannot be flooded this way either).
    std::optional<domain::Account> owner;
    if (taken == Conflict::kPersonalId) {
      owner = store::FindAccountByLogin(s, account.personal_id, "", "");
    } else if (taken == Conflict::kPhone) {
      owner = store::FindAccountByLogin(s, "", account.phone, "");
    }
    if (owner && AllowCodeRequest(s, owner->id, "taken-notice")) {
      Notify(s, *owner, "register.taken", translate(N_("Có người đăng ký bằng thông tin của bạn")),
             translate(N_("Có người vừa đăng ký tài khoản Cổng dịch vụ công bằng số định danh hoặc số điện thoại của "
                          "bạn. Bạn đã có tài khoản nên không có tài khoản mới nào được tạo. Nếu là bạn, hãy đăng "
                          "nhập hoặc chọn “Quên mật khẩu”. Nếu không phải bạn, hãy báo bộ phận một cửa.")),
             false);
    }
    JournalAs(s, actor, 0, "",
              JournalEntry::Of("account.register_started", owner ? "user" : "", owner ? std::to_string(owner->id) : "",
                               Summary{}
                                   .Set("taken", taken == Conflict::kPersonalId ? "personal_id"
                                                 : taken == Conflict::kPhone    ? "phone"
                                                                                : "")
                                   .After("full_name", account.full_name)
                                   .After("personal_id", account.personal_id)
                                   .After("phone", account.phone)
                                   .After("email", account.email)));
  });
  if (wait > 0) {
    return AddressBlocked("dien_thoai", wait);
  }
  return PendingSignUp{token, account.phone};
}

domain::Result<SignedIn> Accounts::ConfirmRegistration(const Actor& actor, const SignUpCode& in) {
  const std::string code = WithoutSpaces(in.code);
  if (code.empty()) {
    return Error::Field("ma", N_("Nhập mã xác nhận"));
  }
  if (in.token.empty()) {
    return Error::Field("ma", kWrongSignUpCode);
  }
  std::optional<store::PendingRegistration> pending;
  db_.Read([&](store::Session& s) { pending = store::FindPendingRegistration(s, TokenHash(in.token)); });
  const NewAccount typed = pending ? pending->account : NewAccount{};
  std::optional<SignedIn> out;
  bool wrong = false;
  const Conflict taken = store::WriteAccountCreation(db_, typed, [&](store::Session& s) {
    out.reset();
    wrong = false;
    const domain::Instant now = clock_.Now();
    pending = store::LockPendingRegistration(s, TokenHash(in.token));
    if (!pending || pending->expires_at.micros <= now.micros || pending->attempts >= kMaxCodeAttempts) {
      wrong = true;
      return Conflict::kNone;
    }
    if (!pending->delivered || SignUpCodeHash(in.token, code) != pending->code_hash) {
      store::CountPendingAttempt(s, pending->id);
      JournalAs(
          s, actor, 0, "",
          JournalEntry::Of("account.register_code_failure", "", "", Summary{}.Set("phone", pending->account.phone)));
      wrong = true;
      return Conflict::kNone;
    }
    const store::Created created = store::InsertAccountUnlessTaken(s, pending->account, now);
    if (created.id == 0) {
      return created.conflict;  // taken since the code was sent
    }
    store::FinishPendingRegistration(s, pending->id, now);
    RecordSuccess(s, actor, ThrottleKey(created.id, LoginName{}), created.id, false);  // the address is theirs
    out = SignedIn{domain::Principal{created.id, pending->account.full_name, true, {}},
                   sessions_.Start(s, actor, created.id)};
    Journal(s, ActingAs(actor, *out),
            JournalEntry::Of("account.register", "user", std::to_string(created.id),
                             Summary{}
                                 .Set("phone_confirmed", "yes")
                                 .After("full_name", pending->account.full_name)
                                 .After("personal_id", pending->account.personal_id)
                                 .After("phone", pending->account.phone)
                                 .After("email", pending->account.email)));
    return Conflict::kNone;
  });
  if (taken != Conflict::kNone) {
    return Taken(taken);
  }
  if (wrong || !out) {
    return Error::Field("ma", kWrongSignUpCode);
  }
  return std::move(*out);
}

domain::Result<PendingSignUp> Accounts::ResendRegistrationCode(const Actor& actor, std::string_view token,
                                                               const Translate& translate) {
  const char* no_more = N_("Không gửi thêm mã được cho lần đăng ký này. Hãy đăng ký lại từ đầu.");
  if (token.empty()) {
    return Error::Field("ma", no_more);
  }
  const std::string request_key = "request";
  int64_t wait = 0;
  std::string phone;
  db_.Write([&](store::Session& s) {
    phone.clear();
    wait = CountAddressRequest(s, actor, request_key);
    if (wait > 0) {
      return;
    }
    const std::optional<store::PendingRegistration> pending = store::LockPendingRegistration(s, TokenHash(token));
    if (!pending || pending->sends >= kMaxSignUpSends) {
      return;
    }
    const domain::Instant now = clock_.Now();
    const std::string code_hash =
        SendSignUpCode(s, pending->account.phone, std::string(token), pending->delivered, translate);
    store::ReplacePendingCode(s, pending->id, code_hash, now.Plus(std::chrono::seconds(kSignUpSeconds)));
    JournalAs(s, actor, 0, "",
              JournalEntry::Of("account.register_code_resent", "", "", Summary{}.Set("phone", pending->account.phone)));
    phone = pending->account.phone;
  });
  if (wait > 0) {
    return AddressBlocked("ma", wait);
  }
  if (phone.empty()) {
    return Error::Field("ma", no_more);
  }
  return PendingSignUp{std::string(token), phone};
}

domain::Result<NewAccount> Accounts::PendingDetails(std::string_view token) const {
  std::optional<store::PendingRegistration> pending;
  if (!token.empty()) {
    db_.Read([&](store::Session& s) { pending = store::FindPendingRegistration(s, TokenHash(token)); });
  }
  if (!pending) {
    return Error::Of(ErrorKind::kNotFound, kWrongSignUpCode);
  }
  NewAccount typed = std::move(pending->account);
  typed.password_hash.clear();
  return typed;
}

}  // namespace motcua::service
