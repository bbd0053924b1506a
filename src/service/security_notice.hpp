#pragma once
//! The notice an account's holder receives whenever the way into the account changes (issue 8): a one-time code was
//! issued for it, or its password was set, changed or voided, by anyone. It says what happened, when, where (which
//! desk, or the portal) and what to do when it was not them, and it leaves through the outbox in the same write job
//! as the change, so a change is never made without its notice.

#include <string>
#include <string_view>

#include "domain/account.hpp"
#include "service/accounts.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! What happened to the way into an account.
enum class SecurityChange {
  kCodeIssued,       //!< A one-time code to choose a new password was issued (at a desk or by an administrator).
  kPasswordChanged,  //!< The holder changed the password on the portal.
  kPasswordReset,    //!< A new password was set with a one-time code.
  kPasswordVoided,   //!< An administrator voided the password; a new one must be chosen with a code.
};

//! The notice's event name ("security.code_issued"), part of its idempotency key.
std::string_view SecurityEventName(SecurityChange change);

//! The Vietnamese text of the notice: what happened, when (Vietnam time), `where` ("" for the portal itself) and
//! how to report it when it was not the holder.
std::string SecurityNoticeText(SecurityChange change, domain::Instant when, std::string_view where);

//! Queues the notice for `account`'s phone and email inside `s`, the write job that makes the change.
void NotifySecurityChange(Accounts& accounts, store::Session& s, const domain::Account& account, SecurityChange change,
                          std::string_view where);

}  // namespace motcua::service
