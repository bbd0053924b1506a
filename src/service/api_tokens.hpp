#pragma once
//! API tokens (for systems and scripts that call the API): an officer's created and revoked by the administrators
//! who manage the officer, any account's by the operator with `motcua token create`; the token is shown once and
//! only its hash is stored.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/catalogue.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! A token just created: its id and the secret value, shown once.
struct NewApiToken {
  int64_t id = 0;       //!< Its id.
  int64_t user_id = 0;  //!< The account it acts as.
  std::string token;    //!< "mct_" and 43 random characters; never stored or journaled.
};

//! Creating and revoking API tokens; each checks the policy and commits its change with its journal entry.
class ApiTokens {
 public:
  //! Works on `db` at the times of `clock`; both must outlive this object.
  ApiTokens(store::Database& db, const domain::Clock& clock) : db_(db), clock_(clock) {}

  //! Creates a token named `name` (what it is used for, 2 to 100 characters, else kInvalid on field "ten_token")
  //! for the officer `user_id` the actor manages (kNotFound otherwise).
  domain::Result<NewApiToken> Create(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                     std::string_view name);
  //! Revokes token `token_id` of an officer the actor manages (kNotFound otherwise); returns the officer's id.
  domain::Result<int64_t> Revoke(const Actor& actor, const domain::Catalogue& catalogue, int64_t token_id);
  //! The officer holding token `token_id` when the actor manages them (kNotFound otherwise), for the revocation's
  //! confirmation page.
  domain::Result<int64_t> Owner(const Actor& actor, const domain::Catalogue& catalogue, int64_t token_id);
  //! `motcua token create`: a token named `name` (default "dòng lệnh") for the account signing in as `login` (an ID
  //! number, a mobile number or a login name), citizens included; run as the system and journaled as done by the
  //! command line. kNotFound for an unknown login, kInvalid ("ten_token") for a bad name.
  domain::Result<NewApiToken> CreateForLogin(std::string_view login, std::string_view name);

 private:
  store::Database& db_;
  const domain::Clock& clock_;
};

}  // namespace motcua::service
