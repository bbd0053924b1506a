#pragma once
//! Administration of officers: creating them, their roles at agencies, their status, password resets and sessions.
//! Every object-level decision goes through domain/policy (CanManageOfficer, CanGrant); an officer outside the
//! administrator's scope is answered as not found, so that its existence stays private. Field errors name the
//! fields of the administration forms (ho_ten, ten_dang_nhap, dien_thoai, email, vai_tro, co_quan, linh_vuc).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/catalogue.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "service/accounts.hpp"
#include "service/actor.hpp"
#include "service/counter.hpp"
#include "service/permission.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! A new officer as typed in the form (checked by Officers::Create).
struct NewOfficer {
  std::string name;    //!< Full name.
  std::string login;   //!< Login name.
  std::string phone;   //!< Mobile phone, optional.
  std::string email;   //!< Work email, optional.
  std::string role;    //!< Role code ("desk_officer").
  std::string agency;  //!< Agency code where the role is held.
};

//! A role to give or take away, as typed in the form.
struct GrantInput {
  std::string role;                 //!< Role code.
  std::string agency;               //!< Agency code.
  std::vector<std::string> fields;  //!< Field codes of responsibility; none means every field.
};

//! What the officer page shows about one officer.
struct OfficerDetails {
  domain::Account account;               //!< The officer, with grants.
  std::vector<domain::ApiToken> tokens;  //!< API tokens, newest first (revoked ones too).
  int64_t live_sessions = 0;             //!< Sessions open now.
};

//! The officer `user_id` when `principal` may manage them (an account with a login name, every grant in scope);
//! nothing otherwise.
std::optional<domain::Account> FindManagedOfficer(store::Session& s, const domain::Principal& principal,
                                                  const domain::Catalogue& catalogue, int64_t user_id);

//! The error an officer outside the actor's scope (or no officer at all) is answered with.
domain::Error OfficerNotFound();

//! Runs `change(session, officer)` in one write job when the actor administers officers and manages `user_id`:
//! the policy is decided inside the transaction that changes the officer. Otherwise kForbidden or kNotFound.
template <typename T, typename Change>
domain::Result<T> ChangeManagedOfficer(store::Database& db, const Actor& actor, const domain::Catalogue& catalogue,
                                       int64_t user_id, Change change) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  std::optional<domain::Result<T>> out;
  db.Write([&](store::Session& s) {
    out.reset();  // a job retried after a serialization failure starts over
    const std::optional<domain::Account> officer = FindManagedOfficer(s, actor.principal, catalogue, user_id);
    if (!officer) {
      out.emplace(OfficerNotFound());
      return;
    }
    out.emplace(change(s, *officer));
  });
  return std::move(*out);
}

//! The administrators' operations on officers; each checks the policy and commits its change with its journal entry.
class Officers {
 public:
  //! Uses `accounts` for its store, clock and one-time codes; a session unused for `idle_seconds` is not live.
  Officers(Accounts& accounts, int64_t idle_seconds) : accounts_(accounts), idle_seconds_(idle_seconds) {}

  //! Officers the actor may manage whose name or login name contains `query` (folded; empty: all), by name.
  domain::Result<std::vector<domain::Account>> List(const Actor& actor, const domain::Catalogue& catalogue,
                                                    std::string_view query);
  //! Creates a pending officer holding one role, with a setup code; kInvalid lists every field at fault, kConflict
  //! a taken login name or phone.
  domain::Result<IssuedCode> Create(const Actor& actor, const domain::Catalogue& catalogue, const NewOfficer& in);
  //! The officer page's facts; the view of the officer's contact details is journaled like any personal data.
  domain::Result<OfficerDetails> View(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id);
  //! The same facts without a journal entry, to show the page again with a form's errors.
  domain::Result<OfficerDetails> Details(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id);
  //! Gives a role (true when new, false when the officer already had it) and ends the officer's sessions.
  domain::Result<bool> Grant(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                             const GrantInput& in);
  //! Takes a role away (true when the officer had it) and ends the officer's sessions; a malformed role is
  //! kInvalid, one the actor may not give kForbidden.
  domain::Result<bool> Revoke(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                              const GrantInput& in);
  //! Enables ("active") or disables ("disabled") another officer's account; returns the status stored (an account
  //! that never had a password goes back to pending). Disabling ends the officer's sessions.
  domain::Result<domain::AccountStatus> SetStatus(const Actor& actor, const domain::Catalogue& catalogue,
                                                  int64_t user_id, std::string_view wanted);
  //! Voids the officer's password and sessions and issues a setup code to choose a new one.
  domain::Result<IssuedCode> ResetPassword(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id);
  //! Ends every session of the officer; returns how many were open.
  domain::Result<int64_t> RevokeSessions(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id);

 private:
  domain::Result<OfficerDetails> Load(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                      bool journal);

  Accounts& accounts_;
  int64_t idle_seconds_;
};

}  // namespace motcua::service
