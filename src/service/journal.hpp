#pragma once
//! Writing the audit journal from a request: who (account, roles, agencies), from where, which request.

#include <string>
#include <string_view>

#include "access/auth.hpp"
#include "http/message.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! What was done to which object, with a JSON before/after summary.
struct JournalEntry {
  std::string action;       //!< e.g. "login.success", "account.create", "citizen.view".
  std::string object_type;  //!< e.g. "user", "session", "organisation", "api_token".
  std::string object_id;    //!< The object's id.
  std::string summary;      //!< JSON, e.g. {"before":{…},"after":{…}}; never a password or code.
};

//! Appends `entry` done by `actor` inside the write transaction `s`.
void Journal(store::Session& s, const Actor& actor, const JournalEntry& entry);

//! Same, recorded as done by account `account_id` named `name` (sign-in: the actor is still anonymous).
void JournalAs(store::Session& s, const Actor& actor, int64_t account_id, const std::string& name,
               const JournalEntry& entry);

//! Appends `entry` for `req` made by `caller` inside the write transaction `s`.
void Journal(store::Session& s, const http::Request& req, const access::Caller& caller, const JournalEntry& entry);

//! Same, acting as account `actor_id` named `actor_name` (sign-in: the caller is still anonymous).
void JournalAs(store::Session& s, const http::Request& req, int64_t actor_id, const std::string& actor_name,
               const JournalEntry& entry);

}  // namespace motcua::service
