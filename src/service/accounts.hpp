#pragma once
//! The account operations a person performs: registration, sign-in (password or national identity) with
//! throttling, sign-out, ending sessions, password change and reset with one-time codes, organisation
//! registration. Each takes an `Actor` and typed input, checks the policy, runs one write job holding the change
//! and its audit entry, and returns a `domain::Result`. Field names in errors are those of the account forms.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "domain/account.hpp"
#include "domain/password_policy.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "notify/notifier.hpp"
#include "security/hash_pool.hpp"
#include "security/identity_provider.hpp"
#include "security/password.hpp"
#include "service/actor.hpp"
#include "service/sessions.hpp"
#include "store/account_store.hpp"

namespace motcua::service {

//! A new account as the forms describe it (normalised values).
using NewAccount = store::NewAccount;
//! Which unique value a new account would duplicate.
using Conflict = store::Conflict;
//! One message of the demo installation's dev mailbox.
using MailboxMessage = store::MailboxMessage;
//! Translates a Vietnamese message id into the reader's language.
using Translate = std::function<std::string(std::string_view msgid)>;

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

//! The identifier of a failed attempt as the journal records it: the ID number, phone or login name it was read
//! as, so an officer sees which account was targeted; text that is none of these (perhaps a password typed in the
//! wrong box) only by its length.
std::string JournalIdentifier(const LoginName& typed, std::string_view as_typed);

//! Reads "036099001234", "0912 345 678", "+84912345678" or "admin".
LoginName ParseLoginName(std::string_view typed);

//! A one-time code as typed, without the spaces people put between its digit groups.
std::string WithoutSpaces(std::string_view typed);

//! The field error for a duplicate ID number or phone: worded for the person (`counter` false) or for an officer
//! at the counter; nothing for kNone.
std::optional<domain::FieldError> ConflictField(Conflict c, bool counter);

//! A person who has just signed in: who, and the new session to hand to the browser.
struct SignedIn {
  domain::Principal principal;  //!< The account now acting.
  StartedSession session;       //!< The new session (its token goes into the cookie).
};

//! `actor` as it is once `signed_in` holds: the new principal in the new session.
Actor ActingAs(const Actor& actor, const SignedIn& signed_in);

//! Sign-in with an identifier (ID number, phone or login name) and a password.
struct PasswordSignIn {
  std::string identifier;  //!< As typed.
  std::string password;    //!< As typed.
};

//! Self-registration: the person's details and a new password.
struct Registration {
  NewAccount account;    //!< Checked details (see web/person_form); no password hash yet.
  std::string password;  //!< New password.
  std::string confirm;   //!< The same, typed again.
};

//! A registration waiting for the code sent to the phone; the same whether or not the ID or phone was taken.
struct PendingSignUp {
  std::string token;  //!< Names the registration in the confirmation form (only its hash is stored).
  std::string phone;  //!< The number the code was sent to, as typed.
};

//! The code a person entered to confirm their registration.
struct SignUpCode {
  std::string token;  //!< From the confirmation form.
  std::string code;   //!< As typed, spaces allowed.
};

//! A password change by a signed-in person.
struct PasswordChange {
  std::string current;   //!< The password now.
  std::string password;  //!< The new one.
  std::string confirm;   //!< The new one again.
};

//! A password reset (or first password) with a one-time code sent by message or handed over at the counter.
struct PasswordReset {
  std::string identifier;  //!< ID number, phone or login name, as typed.
  std::string code;        //!< The code, spaces allowed.
  std::string password;    //!< The new password.
  std::string confirm;     //!< The new one again.
};

//! An organisation a citizen registers as its representative.
struct NewOrganisation {
  std::string tax_code;  //!< As typed.
  std::string name;      //!< As typed.
  std::string address;   //!< As typed.
};

//! What the "my account" page shows.
struct AccountOverview {
  domain::Account account;                          //!< The account.
  std::vector<domain::SessionInfo> sessions;        //!< Its live sessions, newest first.
  std::vector<domain::Organisation> organisations;  //!< Organisations it represents.
};

class Summary;

//! The account operations and what they need; one per server.
class Accounts {
 public:
  //! Wires the services; all must outlive this object.
  Accounts(const app::Config& config, store::Database& db, const Sessions& sessions, security::HashPool& hashes,
           const domain::PasswordPolicy& passwords, bool demo, std::vector<security::VerifiedIdentity> demo_people,
           const domain::Clock& clock);

  //! Signs in with a password: kInvalid (unknown account or wrong password, one answer for both), kRateLimited
  //! (too many failures), kForbidden (account switched off), kBusy (every hash thread busy).
  domain::Result<SignedIn> SignInWithPassword(const Actor& actor, const PasswordSignIn& in);
  //! Signs in with a verified national identity; the account is created the first time. kForbidden when disabled.
  domain::Result<SignedIn> SignInWithIdentity(const Actor& actor, const security::VerifiedIdentity& identity);
  //! Ends the actor's session.
  domain::Result<domain::Done> SignOut(const Actor& actor);
  //! Ends every session of the actor's account; returns how many.
  domain::Result<int64_t> SignOutEverywhere(const Actor& actor);
  //! Ends the session `public_id` of the actor's own account; kNotFound when it has no such live session.
  domain::Result<domain::Done> EndSession(const Actor& actor, std::string_view public_id);
  //! Starts a registration: hashes the password, keeps what was typed and texts a code to the phone (worded by
  //! `translate`). When the ID number or phone already has an account no code is sent; its owner is told instead,
  //! and the answer is the same, so it tells an anonymous caller nothing. kInvalid (password), kRateLimited (too
  //! many registrations and code requests from the address), kBusy (every hash thread busy).
  domain::Result<PendingSignUp> Register(const Actor& actor, const Registration& in, const Translate& translate);
  //! Creates the account once the code sent to the phone is entered, and signs the person in. kInvalid under "ma"
  //! for a wrong, used up or expired code (kMaxCodeAttempts tries per code), kConflict when the ID number or phone
  //! was taken meanwhile.
  domain::Result<SignedIn> ConfirmRegistration(const Actor& actor, const SignUpCode& in);
  //! Sends a new code for the registration `token` (at most kMaxSignUpSends codes in all); kInvalid under "ma" when
  //! no more may be sent or the registration is unknown, kRateLimited for the address.
  domain::Result<PendingSignUp> ResendRegistrationCode(const Actor& actor, std::string_view token,
                                                       const Translate& translate);
  //! What was typed for the unfinished registration `token` (never the password), to fill the form in again;
  //! kNotFound when there is no such registration.
  domain::Result<NewAccount> PendingDetails(std::string_view token) const;
  //! Changes the actor's password (checking the current one), ends its other sessions and starts a new one.
  domain::Result<SignedIn> ChangePassword(const Actor& actor, const PasswordChange& in);
  //! Sends a reset code when `identifier` names an account that can receive one; the answer is the same either
  //! way. The message is worded by `translate`.
  domain::Result<domain::Done> RequestResetCode(const Actor& actor, std::string_view identifier,
                                                const Translate& translate);
  //! Sets a new password with a one-time code (reset or counter code) and signs in.
  domain::Result<SignedIn> ResetPassword(const Actor& actor, const PasswordReset& in);

  //! The actor's account, sessions and organisations; kNotFound when the account is gone.
  domain::Result<AccountOverview> Overview(const Actor& actor) const;
  //! Organisation `id` when the actor represents it; kNotFound otherwise (ids reveal nothing).
  domain::Result<domain::Organisation> OrganisationOf(const Actor& actor, int64_t id) const;
  //! The newest `limit` messages of the dev mailbox.
  std::vector<MailboxMessage> Mailbox(int32_t limit) const;
  //! The simulated identity service's code for person `index` bound to `nonce` ("" for a bad index).
  std::string IssueSimulatedCode(size_t index, const std::string& nonce) const;

  //! Seconds until attempts on `account_key` from the actor's address are checked again (0: not blocked): the
  //! pair and the address always count; the account's ceiling only when `account_ceiling` and the address is not
  //! one the owner (`account_id`) signed in from lately.
  int64_t SecondsBlocked(const Actor& actor, const std::string& account_key, int64_t account_id,
                         bool account_ceiling) const;
  //! Counts one failed attempt (`what`: "login", "reset_code", "current_password") against the pair, the account
  //! and the client address inside `s`, and journals it with the identifier tried, with a block entry when it
  //! starts one.
  void RecordFailure(store::Session& s, const Actor& actor, std::string_view what, const std::string& account_key,
                     int64_t account_id, const std::string& account_name, const std::string& identifier);
  //! After the owner proved who they are from the actor's address: forgets the pair's failures and remembers the
  //! address as theirs; `clear_account` (a correct one-time code) also lifts the account's ceiling.
  void RecordSuccess(store::Session& s, const Actor& actor, const std::string& account_key, int64_t account_id,
                     bool clear_account);
  //! True when another one-time code (or notice `what`) may be sent to `account_id` now (counts this request).
  bool AllowCodeRequest(store::Session& s, int64_t account_id, std::string_view what = "code");
  //! Counts one registration or code request (`what`) from the actor's address; the seconds to wait when the
  //! address has used up its requests (0: allowed, and counted).
  int64_t CountAddressRequest(store::Session& s, const Actor& actor, std::string_view what);
  //! Seconds until the actor's address may make another request `what` (0: now), without counting one.
  int64_t AddressRequestWait(const Actor& actor, std::string_view what) const;
  //! Hashes `password` on the hash pool (nothing when the pool is full).
  std::optional<std::string> Hash(std::string_view password);
  //! Checks `password` against `encoded` on the hash pool (nothing when the pool is full).
  std::optional<bool> Verify(const std::string& encoded, std::string_view password);
  //! Issues a one-time code for `user_id` (reset: 6 digits, kResetSeconds; setup: 8 digits, kSetupSeconds).
  std::string IssueCode(store::Session& s, int64_t user_id, store::CodePurpose purpose,
                        std::optional<int64_t> created_by);
  //! Hash of a one-time code as stored.
  static std::string CodeHash(int64_t user_id, std::string_view code);
  //! Enqueues `text` for the account's phone (and email when it has one) in the outbox, inside the write job `s`
  //! that makes the change it tells of (the one way account notices leave); `event` names the notice
  //! ("password.reset_code") in its idempotency key, `secret` says the text holds a one-time code.
  void Notify(store::Session& s, const domain::Account& account, std::string_view event, const std::string& subject,
              const std::string& text, bool secret);
  //! The first problem of a new password and its confirmation, under "mat_khau" or "mat_khau_2".
  std::optional<domain::FieldError> CheckNewPassword(const std::string& password, const std::string& confirm,
                                                     const domain::PasswordContext& context) const;

  //! Where "now" comes from (transitional: for the officer and admin pages until their operations move here).
  const domain::Clock& clock() const { return clock_; }
  //! The configuration.
  const app::Config& config() const { return config_; }
  //! The store (transitional: for the officer and admin pages until their operations move here).
  store::Database& db() const { return db_; }
  //! Sessions and tokens.
  const Sessions& auth() const { return sessions_; }
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
  //! Codes one registration may be sent, the first included.
  static constexpr int32_t kMaxSignUpSends = 3;

 private:
  //! The account named by `name`, read outside any write.
  std::optional<domain::Account> FindByLogin(const LoginName& name) const;
  //! Starts a session for `account` inside `s`, ending the actor's current one, and journals the sign-in.
  SignedIn StartSignedIn(store::Session& s, const Actor& actor, const domain::Account& account,
                         const std::string& action, const Summary& summary);
  //! Draws a registration code for `token` and, when `deliver`, texts it to `phone` inside `s` (a taken ID or
  //! phone gets none: the code only replaces the stored one); returns the code's hash.
  std::string SendSignUpCode(store::Session& s, const std::string& phone, const std::string& token, bool deliver,
                             const Translate& translate);
  //! The hash unknown accounts are checked against, so that they take as long as known ones.
  const std::string& DummyHash();

  const app::Config& config_;
  store::Database& db_;
  const Sessions& sessions_;
  security::HashPool& hashes_;
  const domain::PasswordPolicy& passwords_;
  bool demo_;
  const domain::Clock& clock_;
  security::Argon2Params argon2_;
  domain::SignInRules sign_in_rules_;
  domain::ThrottleRules request_rules_;
  std::once_flag dummy_once_;
  std::string dummy_hash_;
  std::unique_ptr<security::IdentityProvider> identity_;
  security::SimulatedIdentityProvider* simulated_ = nullptr;
};

}  // namespace motcua::service
