#pragma once
//! The account flows behind the pages: registration, sign-in with throttling, one-time codes, password changes,
//! accounts created at the counter. Each flow validates, hashes on the hash pool, and commits its change together
//! with its audit entry.

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "access/auth.hpp"
#include "app/config.hpp"
#include "domain/account.hpp"
#include "domain/password_policy.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "security/hash_pool.hpp"
#include "security/identity_provider.hpp"
#include "security/password.hpp"
#include "store/account_store.hpp"

namespace motcua::service {

//! How a sign-in attempt ended.
enum class SignInResult {
  kOk,        //!< Signed in; the cookie is set.
  kWrong,     //!< Unknown account or wrong password (one answer for both).
  kBlocked,   //!< Too many failures: wait `retry_after` seconds.
  kDisabled,  //!< Right password, but the account is switched off.
  kBusy,      //!< Every hash thread is busy: try again in a moment.
};

//! The outcome of a sign-in.
struct SignIn {
  SignInResult result = SignInResult::kWrong;  //!< What happened.
  int64_t retry_after = 0;                     //!< Seconds to wait when blocked.
  std::string set_cookie;                      //!< Session cookie when signed in.
};

//! The login identifier a person typed, recognised.
struct LoginName {
  std::string personal_id;  //!< 12 digits.
  std::string phone;        //!< 0xxxxxxxxx.
  std::string login_name;   //!< Officer login.
  //! The throttle key of this identifier.
  std::string Key() const;
};

//! The sign-in throttle key of an attempt: the account when it exists, else what was typed.
std::string ThrottleKey(int64_t account_id, const LoginName& typed);

//! Reads "036099001234", "0912 345 678", "+84912345678" or "admin".
LoginName ParseLoginName(std::string_view typed);

//! What the account flows need; one per server.
class Accounts {
 public:
  //! Wires the services; all must outlive this object.
  Accounts(const app::Config& config, store::Database& db, access::Authenticator& auth, security::HashPool& hashes,
           const domain::PasswordPolicy& passwords, bool demo, std::vector<security::VerifiedIdentity> demo_people,
           const domain::Clock& clock);

  //! Signs in with an identifier and password; on success `caller` is the new session.
  SignIn SignInWithPassword(const http::Request& req, std::string_view identifier, std::string_view password,
                            access::Caller& caller);
  //! Seconds until attempts for `account_key` from this client are checked again (0: not blocked).
  int64_t SecondsBlocked(const http::Request& req, const std::string& account_key) const;
  //! Counts one failed attempt (`what`: "login", "reset_code", "current_password") against the account and the
  //! client address inside `s`, and journals it, with a block entry when it starts one.
  void RecordFailure(store::Session& s, const http::Request& req, std::string_view what, const std::string& account_key,
                     int64_t account_id, const std::string& account_name);
  //! True when another one-time code may be sent to `account_id` now (counts this request).
  bool AllowCodeRequest(store::Session& s, int64_t account_id);
  //! Hashes `password` on the hash pool (nothing when the pool is full).
  std::optional<std::string> Hash(std::string_view password);
  //! Checks `password` against `encoded` on the hash pool (nothing when the pool is full).
  std::optional<bool> Verify(const std::string& encoded, std::string_view password);
  //! Issues a one-time code for `user_id` (reset: 6 digits, 15 minutes; setup: 8 digits, 7 days) inside `s`.
  std::string IssueCode(store::Session& s, int64_t user_id, store::CodePurpose purpose,
                        std::optional<int64_t> created_by);
  //! Hash of a one-time code as stored.
  static std::string CodeHash(int64_t user_id, std::string_view code);
  //! Enqueues `text` for the account's phone (and email when it has one) in the outbox, inside the write job `s`
  //! that makes the change it tells of; `event` names the notice ("password.reset_code") in its idempotency key,
  //! `secret` says the text holds a one-time code.
  void Notify(store::Session& s, const domain::Account& account, std::string_view event, const std::string& subject,
              const std::string& text, bool secret);
  //! Checks a new password and its confirmation against the policy: the first problem, under `field` or
  //! `confirm_field`, as a Vietnamese message id.
  std::optional<domain::FieldError> CheckNewPassword(const std::string& password, const std::string& confirm,
                                                     const domain::PasswordContext& context, const std::string& field,
                                                     const std::string& confirm_field) const;

  //! Where "now" comes from.
  const domain::Clock& clock() const { return clock_; }
  //! The configuration.
  const app::Config& config() const { return config_; }
  //! The store.
  store::Database& db() const { return db_; }
  //! Sessions and CSRF.
  access::Authenticator& auth() const { return auth_; }
  //! True in a demo installation (dev mailbox, simulated VNeID, demo accounts).
  bool demo() const { return demo_; }
  //! The national identity sign-in, or null when none is configured.
  security::IdentityProvider* identity() const { return identity_.get(); }
  //! The simulated identity service (demo mode only), or null.
  security::SimulatedIdentityProvider* simulated_identity() const { return simulated_; }

  //! Most wrong tries of one one-time code.
  static constexpr int32_t kMaxCodeAttempts = 5;
  //! Reset codes one account may be sent in a throttle window before further requests are ignored.
  static constexpr int32_t kFreeCodeRequests = 3;

 private:
  const app::Config& config_;
  store::Database& db_;
  access::Authenticator& auth_;
  security::HashPool& hashes_;
  const domain::PasswordPolicy& passwords_;
  bool demo_;
  const domain::Clock& clock_;
  security::Argon2Params argon2_;
  domain::ThrottleRules account_rules_;
  domain::ThrottleRules ip_rules_;
  //! The hash unknown accounts are checked against, so that they take as long as known ones.
  const std::string& DummyHash();

  std::once_flag dummy_once_;
  std::string dummy_hash_;
  std::unique_ptr<security::IdentityProvider> identity_;
  security::SimulatedIdentityProvider* simulated_ = nullptr;
};

}  // namespace motcua::service
