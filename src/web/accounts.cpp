#include "web/accounts.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>

#include "domain/identity.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "security/crypto.hpp"
#include "web/journal.hpp"
#include "web/site.hpp"

namespace motcua::web {

namespace {

constexpr size_t kResetDigits = 6;
constexpr size_t kSetupDigits = 8;
constexpr int64_t kResetSeconds = int64_t{15} * 60;
constexpr int64_t kSetupSeconds = int64_t{7} * 24 * 3600;
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
std::string AddressKey(const http::Request& req) { return "ip:" + req.remote_addr; }

std::string Summary(std::initializer_list<std::pair<const char*, std::string>> fields) {
  boost::json::object o;
  for (const auto& [k, v] : fields) {
    o[k] = v;
  }
  return boost::json::serialize(o);
}

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

Accounts::Accounts(const app::Config& config, store::Database& db, Authenticator& auth, security::HashPool& hashes,
                   const domain::PasswordPolicy& passwords, notify::Notifier& notifier, bool demo,
                   std::vector<security::VerifiedIdentity> demo_people)
    : config_(config), db_(db), auth_(auth), hashes_(hashes), passwords_(passwords), notifier_(notifier), demo_(demo) {
  argon2_.memory_kib = static_cast<uint64_t>(config.security.argon2_memory_kib);
  argon2_.iterations = static_cast<uint64_t>(config.security.argon2_iterations);
  account_rules_ = domain::ThrottleRules{config.security.login_free_failures, config.security.login_window_seconds,
                                         config.security.login_block_seconds, config.security.login_max_block_seconds};
  ip_rules_ = account_rules_;
  ip_rules_.free_failures = config.security.login_ip_free_failures;
  if (demo_) {
    auto simulated = std::make_unique<security::SimulatedIdentityProvider>(std::move(demo_people));
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
  const int64_t now = UnixNow();
  store::InsertCode(s, user_id, purpose, CodeHash(user_id, code), domain::Instant::FromSeconds(now),
                    domain::Instant::FromSeconds(now + (reset ? kResetSeconds : kSetupSeconds)), created_by);
  return code;
}

void Accounts::Notify(const domain::Account& account, const std::string& subject, const std::string& text) {
  if (!account.phone.empty()) {
    notifier_.Send(notify::Message{"sms", account.phone, subject, text});
  }
  if (!account.email.empty()) {
    notifier_.Send(notify::Message{"email", account.email, subject, text});
  }
}

void Accounts::CheckNewPassword(const Site& site, std::string_view lang, const std::string& password,
                                const std::string& confirm, const domain::PasswordContext& context, FieldErrors& errors,
                                const char* field, const char* confirm_field) const {
  if (password.empty()) {
    errors.Add(field, site.T(lang, "Nhập mật khẩu mới"));
    return;
  }
  const std::string problem = passwords_.Check(password, context);
  if (!problem.empty()) {
    errors.Add(field, site.T(lang, problem));
    return;
  }
  if (confirm != password) {
    errors.Add(confirm_field, site.T(lang, "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại"));
  }
}

int64_t Accounts::SecondsBlocked(const http::Request& req, const std::string& account_key) const {
  const int64_t now = UnixNow();
  int64_t seconds = 0;
  db_.Read([&](store::Session& s) {
    seconds = std::max(domain::SecondsBlocked(store::LoadThrottle(s, account_key), now),
                       domain::SecondsBlocked(store::LoadThrottle(s, AddressKey(req)), now));
  });
  return seconds;
}

void Accounts::RecordFailure(store::Session& s, const http::Request& req, std::string_view what,
                             const std::string& account_key, int64_t account_id, const std::string& account_name) {
  const int64_t now = UnixNow();
  const std::string ip_key = AddressKey(req);
  // Parallel guesses must each count: the read-modify-write below is serialised per key (address first, always
  // in this order, so two of them never wait on each other).
  store::LockThrottle(s, ip_key);
  store::LockThrottle(s, account_key);
  const domain::ThrottleState next_account =
      domain::AfterFailure(store::LoadThrottle(s, account_key), now, account_rules_);
  const domain::ThrottleState next_ip = domain::AfterFailure(store::LoadThrottle(s, ip_key), now, ip_rules_);
  store::SaveThrottle(s, account_key, next_account);
  store::SaveThrottle(s, ip_key, next_ip);
  const std::string object_type = account_id != 0 ? "user" : "";
  const std::string object_id = account_id != 0 ? std::to_string(account_id) : "";
  JournalAs(s, req, 0, "",
            {fmt::format("{}.failure", what), object_type, object_id,
             Summary({{"failures", std::to_string(next_account.failures)}})});
  const int64_t blocked = std::max(domain::SecondsBlocked(next_account, now), domain::SecondsBlocked(next_ip, now));
  if (blocked > 0) {
    JournalAs(s, req, 0, "",
              {fmt::format("{}.blocked", what), object_type, object_id,
               Summary({{"key", domain::SecondsBlocked(next_account, now) > 0 ? "account" : "address"},
                        {"seconds", std::to_string(blocked)},
                        {"account_name", account_name}})});
  }
}

bool Accounts::AllowCodeRequest(store::Session& s, int64_t account_id) {
  // At most kFreeCodeRequests codes per window for one account; more are silently not sent (the page answers the
  // same either way), so nobody can flood a phone or reset the five tries of a code at will.
  const int64_t now = UnixNow();
  const std::string key = fmt::format("code:{}", account_id);
  const domain::ThrottleState state = store::LoadThrottle(s, key);
  if (domain::SecondsBlocked(state, now) > 0) {
    return false;
  }
  domain::ThrottleRules rules = account_rules_;
  rules.free_failures = kFreeCodeRequests;
  store::SaveThrottle(s, key, domain::AfterFailure(state, now, rules));
  return true;
}

SignIn Accounts::SignInWithPassword(const http::Request& req, std::string_view identifier, std::string_view password,
                                    Caller& caller) {
  SignIn out;
  const int64_t now = UnixNow();
  const LoginName name = ParseLoginName(identifier);
  const std::string ip_key = AddressKey(req);
  std::optional<domain::Account> account;
  std::string account_key;
  domain::ThrottleState by_account;
  domain::ThrottleState by_ip;
  db_.Read([&](store::Session& s) {
    account = store::FindAccountByLogin(s, name.personal_id, name.phone, name.login_name);
    account_key = ThrottleKey(account ? account->id : 0, name);
    by_account = store::LoadThrottle(s, account_key);
    by_ip = store::LoadThrottle(s, ip_key);
  });
  out.retry_after = std::max(domain::SecondsBlocked(by_account, now), domain::SecondsBlocked(by_ip, now));
  if (out.retry_after > 0) {
    // While blocked, no password is checked at all, right or wrong.
    out.result = SignInResult::kBlocked;
    return out;
  }
  // Unknown accounts and accounts without a password cost one hash too, so timing tells nothing.
  const bool has_hash = account && !account->password_hash.empty();
  const auto matched = Verify(has_hash ? account->password_hash : DummyHash(), password);
  if (!matched) {
    out.result = SignInResult::kBusy;
    return out;
  }
  if (*matched && has_hash) {
    if (account->status == domain::AccountStatus::kDisabled) {
      out.result = SignInResult::kDisabled;
      db_.Write([&](store::Session& s) {
        JournalAs(s, req, account->id, account->full_name,
                  {"login.refused_disabled", "user", std::to_string(account->id), ""});
      });
      return out;
    }
    std::optional<std::string> rehash;
    if (security::NeedsRehash(account->password_hash, argon2_)) {
      rehash = Hash(password);
    }
    const std::string old_session = caller.session_hash;
    db_.Write([&](store::Session& s) {
      store::ClearThrottle(s, account_key);
      store::RecordLogin(s, account->id, domain::Instant::FromSeconds(now));
      if (rehash) {
        store::ReplacePasswordHash(s, account->id, *rehash);
      }
      if (!old_session.empty()) {
        store::RevokeSessionByHash(s, old_session,
                                   domain::Instant::FromSeconds(now));  // never carry a session over a sign-in
      }
      out.set_cookie = auth_.StartSession(s, req, account->id, now, caller);
      caller.principal = account->AsPrincipal();
      Journal(s, req, caller,
              {"login.success", "user", std::to_string(account->id),
               Summary({{"method", "password"}, {"rehashed", rehash ? "yes" : "no"}})});
    });
    out.result = SignInResult::kOk;
    return out;
  }
  db_.Write([&](store::Session& s) {
    RecordFailure(s, req, "login", account_key, account ? account->id : 0, account ? account->full_name : "");
  });
  out.result = SignInResult::kWrong;
  return out;
}

}  // namespace motcua::web
