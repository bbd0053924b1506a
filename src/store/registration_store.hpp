#pragma once
//! Registrations waiting for the person to enter the code sent to their phone (pending_registrations).
//! Functions take a Session so that a change, its audit entry and the message that tells of it commit together.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"
#include "store/account_store.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! A registration waiting for its code.
struct PendingRegistration {
  int64_t id = 0;              //!< Database id.
  NewAccount account;          //!< What the person typed, with the password hash.
  std::string code_hash;       //!< Hash of the code now valid.
  bool delivered = false;      //!< The code went to the phone (false: the ID or phone was taken).
  int32_t attempts = 0;        //!< Wrong codes entered.
  int32_t sends = 0;           //!< Codes sent.
  domain::Instant expires_at;  //!< The code is refused from then on.
};

//! Stores a pending registration named by `token_hash`.
void InsertPendingRegistration(Session& s, std::string_view token_hash, const NewAccount& account,
                               const std::string& code_hash, bool delivered, domain::Instant now,
                               domain::Instant expires_at);
//! The unfinished registration named by `token_hash` (expired ones too).
std::optional<PendingRegistration> FindPendingRegistration(Session& s, std::string_view token_hash);
//! The same, locked until the write transaction `s` ends.
std::optional<PendingRegistration> LockPendingRegistration(Session& s, std::string_view token_hash);
//! Counts one wrong code.
void CountPendingAttempt(Session& s, int64_t id);
//! Replaces the code (a resend): the tries start again and the code lives until `expires_at`.
void ReplacePendingCode(Session& s, int64_t id, const std::string& code_hash, domain::Instant expires_at);
//! Marks the registration done (the account exists) and forgets the password hash it held.
void FinishPendingRegistration(Session& s, int64_t id, domain::Instant now);
//! Deletes registrations whose code expired before `before`; returns how many.
int64_t PurgePendingRegistrations(Session& s, domain::Instant before);

}  // namespace motcua::store
