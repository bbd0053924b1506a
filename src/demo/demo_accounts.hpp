#pragma once
//! Accounts created by `motcua init`: the system administrator (password printed once) and, in demo mode, one
//! documented account per role (data/demo/accounts.csv).

#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "security/identity_provider.hpp"
#include "security/password.hpp"
#include "store/database.hpp"

namespace motcua::demo {

//! The password of every demo account (demo installations only; documented in docs/demo.md).
constexpr std::string_view kDemoPassword = "NamDinh-thu-nghiem";
//! Login name of the system administrator `init` creates.
constexpr std::string_view kAdminLogin = "admin";

//! One row of data/demo/accounts.csv.
struct DemoAccount {
  std::string login_name;         //!< Officers.
  std::string personal_id;        //!< Citizens.
  std::string phone;              //!< Mobile.
  std::string full_name;          //!< Name.
  std::string date_of_birth;      //!< Citizens.
  std::string email;              //!< Optional.
  std::string role;               //!< Role code, "" for a citizen.
  std::string agency_code;        //!< Where the role is held.
  std::string organisation_tax;   //!< Organisation this person represents, if any.
  std::string organisation_name;  //!< Its name.
  std::string what_for;           //!< What the account demonstrates.
};

//! Reads `share_dir`/data/demo/accounts.csv; throws naming the file and line when it is invalid.
std::vector<DemoAccount> ReadDemoAccounts(const std::string& share_dir);

//! Creates the demo accounts with `kDemoPassword` (one transaction, one journal entry each); returns how many.
int64_t CreateDemoAccounts(store::Database& db, const domain::Clock& clock, const std::vector<DemoAccount>& accounts,
                           const security::Argon2Params& params);

//! Creates the system administrator when there is none; returns its generated password ("" when it existed).
std::string CreateSystemAdmin(store::Database& db, const domain::Clock& clock, const security::Argon2Params& params);

//! The people the simulated identity service knows: the demo citizens and one person without an account yet.
std::vector<security::VerifiedIdentity> DemoIdentities(const std::vector<DemoAccount>& accounts);

}  // namespace motcua::demo
