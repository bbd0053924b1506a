#pragma once
//! Accounts, roles, sessions, one-time codes, API tokens, sign-in throttling, organisations and the dev mailbox.
//! Functions take a Session so that a change and its audit entry commit in one transaction.
//! Every instant is stored as microseconds since the epoch (domain::Instant) and passed in as an Instant; the domain
//! structs read back (Account, SessionInfo, ApiToken, ThrottleState, Organisation, MailboxMessage) still carry whole
//! Unix seconds, converted here, until the domain moves them to Instant.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Which unique value an account would duplicate.
enum class Conflict { kNone, kPersonalId, kPhone, kLoginName };

//! A new account.
struct NewAccount {
  std::string personal_id;                                        //!< "" for none.
  std::string phone;                                              //!< "" for none.
  std::string login_name;                                         //!< "" for none.
  std::string email;                                              //!< Optional.
  std::string full_name;                                          //!< Required.
  std::string date_of_birth;                                      //!< YYYY-MM-DD or "".
  std::string password_hash;                                      //!< "" when the person sets it later.
  domain::AccountStatus status = domain::AccountStatus::kActive;  //!< Initial status.
  std::optional<int64_t> created_by;                              //!< Officer at the counter.
};

//! The first unique value of `a` another account already has (ignoring account `except_id`).
Conflict FindConflict(Session& s, const NewAccount& a, int64_t except_id = 0);
//! Inserts an account; returns its id.
int64_t InsertAccount(Session& s, const NewAccount& a, domain::Instant now);

//! A new account's id, or the unique value that stopped it.
struct Created {
  int64_t id = 0;                       //!< The new account (0 when not created).
  Conflict conflict = Conflict::kNone;  //!< Why it was not created.
};
//! Inserts `a` unless one of its unique values is already taken (looked up first, in this transaction).
Created InsertAccountUnlessTaken(Session& s, const NewAccount& a, domain::Instant now);

//! Runs `job`, a write that creates `account`. When a concurrent request takes one of its unique values between
//! the job's own check and its insert, the database refuses the insert: that is answered as the conflict it is,
//! not as a failure. Any other failure is rethrown.
Conflict WriteAccountCreation(Database& db, const NewAccount& account, const std::function<Conflict(Session&)>& job);
//! The account with this id, with its grants.
std::optional<domain::Account> FindAccount(Session& s, int64_t id);
//! The account a person names at sign-in: a 12-digit ID number, a mobile number or a login name (already
//! normalised by the caller).
std::optional<domain::Account> FindAccountByLogin(Session& s, std::string_view personal_id, std::string_view phone,
                                                  std::string_view login_name);
//! Stores a new password hash; a pending account becomes active.
void SetPassword(Session& s, int64_t user_id, const std::string& hash, domain::Instant now);
//! Replaces the hash only (rehash at sign-in after the cost changed).
void ReplacePasswordHash(Session& s, int64_t user_id, const std::string& hash);
//! Enables or disables an account.
void SetStatus(Session& s, int64_t user_id, domain::AccountStatus status);
//! Records a successful sign-in.
void RecordLogin(Session& s, int64_t user_id, domain::Instant now);
//! Accounts holding any officer role, with their grants, by name.
std::vector<domain::Account> ListOfficers(Session& s);
//! Person accounts whose ID number or phone is exactly `key`.
std::vector<domain::Account> FindPeople(Session& s, std::string_view key);

//! Gives a role; false when the account already has it there.
bool AddGrant(Session& s, int64_t user_id, const domain::Grant& grant, std::optional<int64_t> granted_by,
              domain::Instant now);
//! Takes a role away; false when the account did not have it.
bool RemoveGrant(Session& s, int64_t user_id, domain::Role role, std::string_view agency_code);

//! A new session row.
struct NewSession {
  std::string id_hash;           //!< SHA-256 of the cookie value.
  std::string public_id;         //!< Random id shown in forms.
  int64_t user_id = 0;           //!< Its account.
  domain::Instant expires_at{};  //!< Absolute limit.
  std::string ip;                //!< Client address.
  std::string user_agent;        //!< Client browser (trimmed).
};
//! Stores a session.
void InsertSession(Session& s, const NewSession& session, domain::Instant now);
//! The live (not revoked, not expired) session with this cookie hash.
std::optional<domain::SessionInfo> FindSession(Session& s, std::string_view id_hash, domain::Instant now);
//! Records activity on a session.
void TouchSession(Session& s, std::string_view id_hash, domain::Instant now);
//! Revokes the session `public_id` of account `user_id`; false when that account has no such live session.
bool RevokeSession(Session& s, std::string_view public_id, int64_t user_id, domain::Instant now);
//! Revokes the session with this cookie hash (sign-out).
void RevokeSessionByHash(Session& s, std::string_view id_hash, domain::Instant now);
//! Revokes every live session of `user_id` except `keep_public_id`; returns how many.
int64_t RevokeSessions(Session& s, int64_t user_id, domain::Instant now, std::string_view keep_public_id = "");
//! Live sessions of `user_id` (0: of everyone), newest first; a session unused for `idle_seconds` is not live.
std::vector<domain::SessionInfo> ListSessions(Session& s, int64_t user_id, domain::Instant now, int64_t idle_seconds);

//! What a one-time code is for.
enum class CodePurpose { kReset, kSetup };
//! The outcome of checking a one-time code.
enum class CodeCheck { kOk, kWrong, kExpired, kNone };
//! Stores a new code (replacing unused ones of the same purpose).
void InsertCode(Session& s, int64_t user_id, CodePurpose purpose, const std::string& code_hash, domain::Instant now,
                domain::Instant expires_at, std::optional<int64_t> created_by);
//! Checks `code_hash` against the newest unused code of `user_id` (either purpose) and uses it up when it
//! matches; each wrong try counts, and after `max_attempts` the code is void.
CodeCheck ConsumeCode(Session& s, int64_t user_id, std::string_view code_hash, domain::Instant now,
                      int32_t max_attempts);

//! Stores an API token; returns its id.
int64_t InsertApiToken(Session& s, int64_t user_id, const std::string& name, const std::string& token_hash,
                       const std::string& prefix, std::optional<int64_t> created_by, domain::Instant now);
//! The account of a live token with this hash.
std::optional<int64_t> FindApiTokenUser(Session& s, std::string_view token_hash);
//! Records use of a token (at most once a minute).
void TouchApiToken(Session& s, std::string_view token_hash, domain::Instant now);
//! A token by id.
std::optional<domain::ApiToken> FindApiToken(Session& s, int64_t id);
//! Revokes a token; false when it was already revoked or does not exist.
bool RevokeApiToken(Session& s, int64_t id, domain::Instant now);
//! Tokens of an account, newest first.
std::vector<domain::ApiToken> ListApiTokens(Session& s, int64_t user_id);

//! The failure count under `key` ("acct:…" or "ip:…").
domain::ThrottleState LoadThrottle(Session& s, std::string_view key);
//! Stores the failure count under `key`.
void SaveThrottle(Session& s, std::string_view key, const domain::ThrottleState& state);
//! Serialises failure counting under `key` until the transaction ends (PostgreSQL runs writes side by side;
//! SQLite's single writer already does).
void LockThrottle(Session& s, std::string_view key);
//! Forgets the failures under `key` (after a successful sign-in).
void ClearThrottle(Session& s, std::string_view key);

//! Inserts an organisation; returns its id.
int64_t InsertOrganisation(Session& s, const domain::Organisation& org);
//! True when an organisation with this tax code is registered.
bool TaxCodeTaken(Session& s, std::string_view tax_code);
//! An organisation by id.
std::optional<domain::Organisation> FindOrganisation(Session& s, int64_t id);
//! Organisations a person represents.
std::vector<domain::Organisation> ListOrganisations(Session& s, int64_t representative_id);

//! One message the default notifier delivered to the dev mailbox.
struct MailboxMessage {
  int64_t id = 0;          //!< Order of arrival.
  int64_t created_at = 0;  //!< Unix seconds.
  std::string channel;     //!< sms or email.
  std::string recipient;   //!< Phone or address.
  std::string subject;     //!< Subject line.
  std::string body;        //!< Text.
};
//! Adds a message to the dev mailbox.
void AppendMailbox(Session& s, const MailboxMessage& message);
//! The newest `limit` messages.
std::vector<MailboxMessage> ListMailbox(Session& s, int32_t limit);

//! The installation's secret key: the stored one, or `make_fresh()` stored on first use (shared by every node).
std::string SecretKey(Database& db, const std::function<std::string()>& make_fresh);
//! Marks the database as a demo installation (demo accounts, dev mailbox, simulated VNeID).
void SetDemoMode(Session& s);
//! True when the database was created with `init --demo`.
bool IsDemoMode(Database& db);

}  // namespace motcua::store
