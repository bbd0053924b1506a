#include "service/accounts.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "domain/constants.hpp"
#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "security/crypto.hpp"
#include "service/journal.hpp"
#include "service/outbox.hpp"

namespace motcua::service {

namespace {

//! Random bytes that make each notice's idempotency key unique.
constexpr size_t kNoticeKeyBytes = 12;

constexpr size_t kResetDigits = 6;
constexpr size_t kSetupDigits = 8;
constexpr size_t kPersonalIdDigits = 12;
//! Longest password read at all: argon2id would hash anything, but a megabyte "password" is an attack.
constexpr size_t kMaxPasswordBytes = domain::PasswordPolicy::kMaxBytes;

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (c != ' ' && c != '.' && c != '-') {
      return {};
    }
  }
  return out;
}

//! The throttle key of the client address.
std::string AddressKey(const Actor& actor) { return "ip:" + actor.address; }

//! The throttle key of one account (or identifier) tried from the client address.
std::string PairKey(const std::string& account_key, const Actor& actor) { return account_key + "|ip:" + actor.address; }

//! The key that remembers when account `account_id` last proved itself from the client address.
std::string KnownKey(int64_t account_id, const Actor& actor) {
  return fmt::format("known:{}|ip:{}", account_id, actor.address);
}

//! The key counting requests `what` (registrations and code requests) from the client address.
std::string RequestKey(std::string_view what, const Actor& actor) {
  return fmt::format("{}|{}", what, AddressKey(actor));
}

//! Registrations and code requests per address are counted over an hour.
constexpr int64_t kRequestWindowSeconds = 3600;

}  // namespace

std::string LoginName::Key() const {
  if (!personal_id.empty()) {
    return "acct:id:" + personal_id;
  }
  if (!phone.empty()) {
    return "acct:phone:" + phone;
  }
  return "acct:login:" + login_name;
}

std::string ThrottleKey(int64_t account_id, const LoginName& typed) {
  // Keyed by the account, not by what was typed, so ID number and phone share one count.
  return account_id != 0 ? fmt::format("acct:{}", account_id) : typed.Key();
}

std::string JournalIdentifier(const LoginName& typed, std::string_view as_typed) {
  if (!typed.personal_id.empty()) {
    return typed.personal_id;
  }
  if (!typed.phone.empty()) {
    return typed.phone;
  }
  if (domain::CheckLoginName(as_typed).ok()) {
    return typed.login_name;
  }
  return fmt::format("({} ký tự)", domain::CodePointCount(as_typed));
}

std::optional<domain::FieldError> ConflictField(Conflict c, bool counter) {
  if (c == Conflict::kPersonalId) {
    return domain::FieldError{
        "so_dinh_danh",
        counter ? domain::N_("Số định danh này đã có tài khoản. Hãy tìm tài khoản đó và cấp mã đặt mật khẩu mới "
                             "nếu người dân quên mật khẩu.")
                : domain::N_("Số định danh này đã có tài khoản. Hãy đăng nhập, hoặc chọn “Quên mật khẩu” nếu bạn "
                             "không nhớ mật khẩu.")};
  }
  if (c == Conflict::kPhone) {
    return domain::FieldError{"dien_thoai",
                              domain::N_("Số điện thoại này đã được dùng cho một tài khoản khác. Hãy dùng số khác, "
                                         "hoặc liên hệ bộ phận một cửa.")};
  }
  return std::nullopt;
}

std::string WithoutSpaces(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c != ' ') {
      out.push_back(c);
    }
  }
  return out;
}

Actor ActingAs(const Actor& actor, const SignedIn& signed_in) {
  Actor out = actor;
  out.principal = signed_in.principal;
  out.session_hash = signed_in.session.id_hash;
  out.session_public_id = signed_in.session.public_id;
  return out;
}

LoginName ParseLoginName(std::string_view typed) {
  LoginName out;
  const std::string digits = DigitsOnly(typed);
  if (digits.size() == kPersonalIdDigits && !typed.starts_with('+')) {
    out.personal_id = digits;
    return out;
  }
  if (const domain::Checked phone = domain::CheckMobilePhone(typed); phone.ok()) {
    out.phone = phone.value;
    return out;
  }
  // Officers' login names are stored as CheckLoginName normalises them; anything it refuses matches no account.
  const domain::Checked login = domain::CheckLoginName(typed);
  out.login_name = login.ok() ? login.value : domain::CollapseSpaces(typed);
  return out;
}

Accounts::Accounts(const app::Config& config, store::Database& db, const Sessions& sessions, security::HashPool& hashes,
                   const domain::PasswordPolicy& passwords, bool demo,
                   std::vector<security::VerifiedIdentity> demo_people, const domain::Clock& clock)
    : config_(config),
      db_(db),
      sessions_(sessions),
      hashes_(hashes),
      passwords_(passwords),
      demo_(demo),
      clock_(clock) {
  argon2_.memory_kib = static_cast<uint64_t>(config.security.argon2_memory_kib);
  argon2_.iterations = static_cast<uint64_t>(config.security.argon2_iterations);
  const domain::ThrottleRules pair{config.security.login_free_failures, config.security.login_window_seconds,
                                   config.security.login_block_seconds, config.security.login_max_block_seconds};
  sign_in_rules_.pair = pair;
  sign_in_rules_.account = pair;
  sign_in_rules_.account.free_failures = config.security.login_account_free_failures;
  sign_in_rules_.address = pair;
  sign_in_rules_.address.free_failures = config.security.login_ip_free_failures;
  request_rules_ = domain::ThrottleRules{config.security.address_free_requests, kRequestWindowSeconds,
                                         config.security.login_block_seconds, kRequestWindowSeconds};
  if (demo_) {
    auto simulated = std::make_unique<security::SimulatedIdentityProvider>(std::move(demo_people), clock);
    simulated_ = simulated.get();
    identity_ = std::move(simulated);
  }
}

const std::string& Accounts::DummyHash() {
  // Made at the first sign-in that needs it, not at start-up: one argon2id hash would add a quarter to the time a
  // node takes to start listening.
  std::call_once(dummy_once_,
                 [this] { dummy_hash_ = security::HashPassword(security::RandomToken(kResetDigits), argon2_); });
  return dummy_hash_;
}

std::optional<std::string> Accounts::Hash(std::string_view password) {
  const std::string copy(password.substr(0, kMaxPasswordBytes));
  return hashes_.Run([this, copy] { return security::HashPassword(copy, argon2_); });
}

std::optional<bool> Accounts::Verify(const std::string& encoded, std::string_view password) {
  const std::string copy(password.substr(0, kMaxPasswordBytes));
  return hashes_.Run([encoded, copy] { return security::VerifyPassword(encoded, copy); });
}

std::string Accounts::CodeHash(int64_t user_id, std::string_view code) {
  return security::Sha256Hex(fmt::format("otc|{}|{}", user_id, code));
}

std::string Accounts::IssueCode(store::Session& s, int64_t user_id, store::CodePurpose purpose,
                                std::optional<int64_t> created_by) {
  const bool reset = purpose == store::CodePurpose::kReset;
  std::string code = security::RandomDigits(reset ? kResetDigits : kSetupDigits);
  const domain::Instant now = clock_.Now();
  store::InsertCode(s, user_id, purpose, CodeHash(user_id, code), now,
                    now.Plus(std::chrono::seconds(reset ? domain::kResetSeconds : domain::kSetupSeconds)), created_by);
  return code;
}

void Accounts::Notify(store::Session& s, const domain::Account& account, std::string_view event,
                      const std::string& subject, const std::string& text, bool secret) {
  // Each notice is a new event, so a random part names it; a retried job draws again, its first try having left
  // nothing behind.
  const std::string key = fmt::format("{}:{}:{}", event, account.id, security::RandomToken(kNoticeKeyBytes));
  if (!account.phone.empty()) {
    EnqueueMessage(s, store::OutboxMessage{key + ":sms", "sms", account.phone, subject, text, secret}, clock_);
  }
  if (!account.email.empty()) {
    EnqueueMessage(s, store::OutboxMessage{key + ":email", "email", account.email, subject, text, secret}, clock_);
  }
}

std::optional<domain::FieldError> Accounts::CheckNewPassword(const std::string& password, const std::string& confirm,
                                                             const domain::PasswordContext& context) const {
  if (password.empty()) {
    return domain::FieldError{"mat_khau", domain::N_("Nhập mật khẩu mới")};
  }
  std::string problem = passwords_.Check(password, context);
  if (!problem.empty()) {
    return domain::FieldError{"mat_khau", std::move(problem)};
  }
  if (confirm != password) {
    return domain::FieldError{"mat_khau_2", domain::N_("Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại")};
  }
  return std::nullopt;
}

int64_t Accounts::SecondsBlocked(const Actor& actor, const std::string& account_key, int64_t account_id,
                                 bool account_ceiling) const {
  const int64_t now = clock_.NowSeconds();
  int64_t seconds = 0;
  db_.Read([&](store::Session& s) {
    seconds = std::max(domain::SecondsBlocked(store::LoadThrottle(s, PairKey(account_key, actor)), now),
                       domain::SecondsBlocked(store::LoadThrottle(s, AddressKey(actor)), now));
    if (!account_ceiling) {
      return;
    }
    // The owner's own address is not held back by a guesser elsewhere.
    const domain::ThrottleState known =
        account_id != 0 ? store::LoadThrottle(s, KnownKey(account_id, actor)) : domain::ThrottleState{};
    if (known.window_start > 0 && now - known.window_start < sign_in_rules_.known_address_seconds) {
      return;
    }
    seconds = std::max(seconds, domain::SecondsBlocked(store::LoadThrottle(s, account_key), now));
  });
  return seconds;
}

void Accounts::RecordFailure(store::Session& s, const Actor& actor, std::string_view what,
                             const std::string& account_key, int64_t account_id, const std::string& account_name,
                             const std::string& identifier) {
  const int64_t now = clock_.NowSeconds();
  const std::string ip_key = AddressKey(actor);
  const std::string pair_key = PairKey(account_key, actor);
  // Parallel guesses must each count: the read-modify-write below is serialised per key (address, account, pair,
  // always in this order, so two of them never wait on each other).
  store::LockThrottle(s, ip_key);
  store::LockThrottle(s, account_key);
  store::LockThrottle(s, pair_key);
  const domain::ThrottleState next_pair =
      domain::AfterFailure(store::LoadThrottle(s, pair_key), now, sign_in_rules_.pair);
  const domain::ThrottleState next_account =
      domain::AfterFailure(store::LoadThrottle(s, account_key), now, sign_in_rules_.account);
  const domain::ThrottleState next_ip =
      domain::AfterFailure(store::LoadThrottle(s, ip_key), now, sign_in_rules_.address);
  store::SaveThrottle(s, pair_key, next_pair);
  store::SaveThrottle(s, account_key, next_account);
  store::SaveThrottle(s, ip_key, next_ip);
  const std::string object_type = account_id != 0 ? "user" : "";
  const std::string object_id = account_id != 0 ? std::to_string(account_id) : "";
  JournalAs(s, actor, 0, "",
            JournalEntry::Of(fmt::format("{}.failure", what), object_type, object_id,
                             Summary{}
                                 .Set("identifier", identifier)
                                 .Set("failures", std::to_string(next_pair.failures))
                                 .Set("account_failures", std::to_string(next_account.failures))));
  // The longest of the blocks this failure started, and which count it is.
  domain::ThrottleScope scope = domain::ThrottleScope::kNone;
  int64_t blocked = 0;
  for (const auto& [state, which] :
       {std::pair{next_pair, domain::ThrottleScope::kPair}, std::pair{next_account, domain::ThrottleScope::kAccount},
        std::pair{next_ip, domain::ThrottleScope::kAddress}}) {
    if (const int64_t seconds = domain::SecondsBlocked(state, now); seconds > blocked) {
      blocked = seconds;
      scope = which;
    }
  }
  if (blocked > 0) {
    JournalAs(s, actor, 0, "",
              JournalEntry::Of(fmt::format("{}.blocked", what), object_type, object_id,
                               Summary{}
                                   .Set("key", std::string(domain::ScopeCode(scope)))
                                   .Set("seconds", std::to_string(blocked))
                                   .Set("identifier", identifier)
                                   .Set("account_name", account_name)));
  }
}

void Accounts::RecordSuccess(store::Session& s, const Actor& actor, const std::string& account_key, int64_t account_id,
                             bool clear_account) {
  store::ClearThrottle(s, PairKey(account_key, actor));
  if (clear_account) {
    store::ClearThrottle(s, account_key);
  }
  store::SaveThrottle(s, KnownKey(account_id, actor), domain::ThrottleState{0, clock_.NowSeconds(), 0});
}

bool Accounts::AllowCodeRequest(store::Session& s, int64_t account_id, std::string_view what) {
  // At most kFreeCodeRequests codes per window for one account; more are silently not sent (the page answers the
  // same either way), so nobody can flood a phone or reset the five tries of a code at will.
  const int64_t now = clock_.NowSeconds();
  const std::string key = fmt::format("{}:{}", what, account_id);
  const domain::ThrottleState state = store::LoadThrottle(s, key);
  if (domain::SecondsBlocked(state, now) > 0) {
    return false;
  }
  domain::ThrottleRules rules = sign_in_rules_.pair;
  rules.free_failures = kFreeCodeRequests;
  store::SaveThrottle(s, key, domain::AfterFailure(state, now, rules));
  return true;
}

int64_t Accounts::AddressRequestWait(const Actor& actor, std::string_view what) const {
  const int64_t now = clock_.NowSeconds();
  int64_t wait = 0;
  db_.Read(
      [&](store::Session& s) { wait = domain::SecondsBlocked(store::LoadThrottle(s, RequestKey(what, actor)), now); });
  return wait;
}

int64_t Accounts::CountAddressRequest(store::Session& s, const Actor& actor, std::string_view what) {
  const int64_t now = clock_.NowSeconds();
  const std::string key = RequestKey(what, actor);
  store::LockThrottle(s, key);
  const domain::ThrottleState state = store::LoadThrottle(s, key);
  if (const int64_t wait = domain::SecondsBlocked(state, now); wait > 0) {
    return wait;
  }
  store::SaveThrottle(s, key, domain::AfterFailure(state, now, request_rules_));
  return 0;
}

std::optional<domain::Account> Accounts::FindByLogin(const LoginName& name) const {
  std::optional<domain::Account> account;
  db_.Read([&](store::Session& s) {
    account = store::FindAccountByLogin(s, name.personal_id, name.phone, name.login_name);
  });
  return account;
}

std::vector<MailboxMessage> Accounts::Mailbox(int32_t limit) const {
  std::vector<MailboxMessage> messages;
  db_.Read([&](store::Session& s) { messages = store::ListMailbox(s, limit); });
  return messages;
}

std::string Accounts::IssueSimulatedCode(size_t index, const std::string& nonce) const {
  if (simulated_ == nullptr) {
    return {};
  }
  return simulated_->Issue(index, nonce, clock_.NowSeconds());
}

}  // namespace motcua::service
