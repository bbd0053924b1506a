#pragma once
//! The counter ("cầm tay chỉ việc"): a desk officer creates a citizen's account with them, looks citizens up, and
//! hands over a one-time code with which the citizen chooses a password.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/catalogue.hpp"
#include "domain/result.hpp"
#include "service/accounts.hpp"
#include "service/actor.hpp"
#include "store/account_store.hpp"

namespace motcua::service {

//! How long a setup code handed over at the counter or by an administrator stays valid (Accounts::IssueCode).
inline constexpr int64_t kSetupCodeSeconds = int64_t{7} * 24 * 3600;

//! A one-time setup code just issued for an account, shown once on a printable slip.
struct IssuedCode {
  int64_t user_id = 0;     //!< The account the code belongs to.
  std::string full_name;   //!< Its holder's name.
  std::string login;       //!< What the holder signs in with (ID number or login name).
  std::string code;        //!< The code itself (never stored in clear, never journaled).
  int64_t expires_at = 0;  //!< Unix seconds after which it no longer works.
};

//! A pending account just created with a setup code, or the unique value that stopped it.
struct PendingAccount {
  store::Conflict conflict = store::Conflict::kNone;  //!< kNone when created.
  IssuedCode issued;                                  //!< The account and its code (when created).
};

//! Creates `account` pending (no password, created by the actor) with a setup code in one write job that also runs
//! `also(session, id, code)` (the journal entry, a role, the notice); a unique value already taken is returned, not
//! thrown. The code's holder signs in with `login`.
PendingAccount CreatePendingAccount(Accounts& accounts, const Actor& actor, store::NewAccount account,
                                    const std::string& login,
                                    const std::function<void(store::Session&, int64_t, const std::string&)>& also);

//! True when `principal` may act for the holder of `account` at the counter (domain::CanAssist): a person's account
//! without officer roles that the counter created or whose holder has never signed in (any, for system
//! administrators). Search results the actor may not open are shown without a link.
bool MayAssist(const domain::Principal& principal, const domain::Account& account);

//! The counter's operations; each checks the policy and commits its change with its journal entry.
class Counter {
 public:
  //! Uses `accounts` for its store, clock, one-time codes and notices; it must outlive this object.
  explicit Counter(Accounts& accounts) : accounts_(accounts) {}

  //! Person accounts whose ID number or phone is `typed` (12 or 10 digits, else kInvalid on field "q"); the search
  //! and how many it found are journaled.
  domain::Result<std::vector<domain::Account>> Search(const Actor& actor, std::string_view typed);
  //! Creates a pending account for a citizen (`person` already checked) with a setup code, journals it and sends the
  //! citizen a notice; a taken ID number or phone is kConflict naming its field.
  domain::Result<IssuedCode> CreateAccount(const Actor& actor, store::NewAccount person);
  //! A citizen's account the actor may assist (MayAssist), the view journaled (kNotFound otherwise: officers'
  //! accounts, accounts without an ID number and accounts their holders run alone are not the counter's to see).
  domain::Result<domain::Account> View(const Actor& actor, int64_t user_id);
  //! Issues a new setup code for a citizen's account the actor may assist (MayAssist) that is not disabled
  //! (kNotFound otherwise), and tells the holder by text message and email which desk issued it and when.
  domain::Result<IssuedCode> IssueSetupCode(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id);

 private:
  Accounts& accounts_;
};

}  // namespace motcua::service
