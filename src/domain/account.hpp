#pragma once
//! Accounts and what hangs off them: organisations, sessions, API tokens, and the sign-in throttle rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/policy.hpp"

namespace motcua::domain {

//! Whether an account can sign in.
enum class AccountStatus {
  kActive,    //!< Normal.
  kPending,   //!< Created at the counter; the person has not chosen a password yet.
  kDisabled,  //!< Switched off by an administrator.
};

//! The stored name of a status ("active").
std::string_view StatusCode(AccountStatus status);
//! The status stored as `code` (unknown codes read as disabled: default deny).
AccountStatus ParseStatus(std::string_view code);

//! Tài khoản: one person's account.
struct Account {
  int64_t id = 0;                                 //!< Database id.
  std::string personal_id;                        //!< 12-digit personal ID number, or "".
  std::string phone;                              //!< Normalised mobile number, or "".
  std::string login_name;                         //!< Officers' login name, or "".
  std::string email;                              //!< Optional email.
  std::string full_name;                          //!< Name as on the ID card (NFC).
  std::string date_of_birth;                      //!< YYYY-MM-DD, or "".
  std::string password_hash;                      //!< argon2id encoded hash, "" before the first password.
  AccountStatus status = AccountStatus::kActive;  //!< Can it sign in.
  int64_t created_at = 0;                         //!< Unix seconds.
  std::optional<int64_t> created_by;              //!< Officer who created it at the counter.
  std::optional<int64_t> last_login_at;           //!< Last successful sign-in.
  std::vector<Grant> grants;                      //!< Officer roles.

  //! The principal this account acts as.
  Principal AsPrincipal() const;
};

//! Doanh nghiệp / tổ chức, acting through its representative's account.
struct Organisation {
  int64_t id = 0;                 //!< Database id.
  std::string tax_code;           //!< Mã số thuế.
  std::string name;               //!< Registered name.
  std::string address;            //!< Head office address.
  int64_t representative_id = 0;  //!< The representative's account.
  int64_t created_at = 0;         //!< Unix seconds.
};

//! A signed-in session as shown to its owner and to administrators (never the cookie value).
struct SessionInfo {
  std::string public_id;     //!< Names the session in forms.
  int64_t user_id = 0;       //!< Its account.
  int64_t created_at = 0;    //!< Signed in at.
  int64_t last_seen_at = 0;  //!< Last request.
  int64_t expires_at = 0;    //!< Absolute limit.
  std::string ip;            //!< Address at sign-in.
  std::string user_agent;    //!< Browser at sign-in.
  std::string user_name;     //!< Full name of the account (read with the session, for lists).
};

//! An API bearer token as listed (the secret is shown once, at creation).
struct ApiToken {
  int64_t id = 0;                       //!< Database id.
  int64_t user_id = 0;                  //!< Acts as this account.
  std::string name;                     //!< What it is for.
  std::string prefix;                   //!< First characters, to tell tokens apart.
  int64_t created_at = 0;               //!< Unix seconds.
  std::optional<int64_t> revoked_at;    //!< When revoked.
  std::optional<int64_t> last_used_at;  //!< Last request made with it.
};

//! Sign-in failures counted for one key (an account-and-address pair, an account, an address).
struct ThrottleState {
  int32_t failures = 0;       //!< Failures not yet forgotten.
  int64_t window_start = 0;   //!< When `failures` was last aged (Unix seconds): older failures decay from here.
  int64_t blocked_until = 0;  //!< No attempt is checked before this time.
};

//! How failures slow down further attempts.
struct ThrottleRules {
  int32_t free_failures = 5;        //!< Failures allowed before attempts are blocked.
  int64_t window_seconds = 900;     //!< In this time every failure is forgotten: one per window/free_failures.
  int64_t base_block_seconds = 30;  //!< First block; each further failure doubles it.
  int64_t max_block_seconds = 900;  //!< Longest block.
};

//! `state` at `now` with the failures aged out since it was saved: one failure is forgotten every
//! `window_seconds / free_failures`, so a key nobody fails on for `window_seconds` is clear, and a guess per block
//! period cannot keep the count up for ever.
ThrottleState Decayed(const ThrottleState& state, int64_t now, const ThrottleRules& rules);

//! The state after one more failure at `now`: the aged count plus one, and once the free failures are used up a
//! block that doubles with each further failure.
ThrottleState AfterFailure(const ThrottleState& state, int64_t now, const ThrottleRules& rules);

//! Seconds until attempts are checked again (0: not blocked).
int64_t SecondsBlocked(const ThrottleState& state, int64_t now);

//! The three counts a sign-in is throttled by. The pair (this account from this address) blocks soon, so a
//! guesser blocks only themself; the account, across every address, has a much higher ceiling that slows a
//! distributed guesser but is not applied to an address the owner signed in from recently (nor to reset codes);
//! the address, across accounts, has a ceiling high enough for a commune office behind one NAT that still stops
//! one address spraying many accounts.
struct SignInRules {
  ThrottleRules pair;     //!< One account from one address.
  ThrottleRules account;  //!< One account from every address.
  ThrottleRules address;  //!< One address against every account.
  //! An address the owner signed in from within this time is not held back by the account's ceiling.
  int64_t known_address_seconds = int64_t{30} * 24 * 3600;
};

//! Which of the three counts holds an attempt back.
enum class ThrottleScope { kNone, kPair, kAccount, kAddress };

//! The stored name of a scope ("pair", "account", "address", "" for none).
std::string_view ScopeCode(ThrottleScope scope);

}  // namespace motcua::domain
