#pragma once
//! Tax codes claimed by a second organisation (issue 8): the claim waits for an officer, who gives the organisation
//! to the claimant or refuses the claim. Functions take a Session so that a change and its journal entry commit in
//! one transaction. Instants are stored as microseconds and read back as Unix seconds, like the organisations.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/account.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Where a claim stands.
enum class ClaimStatus {
  kPending,  //!< Waiting for an officer.
  kGranted,  //!< The claimant now represents the organisation.
  kRefused,  //!< The organisation stays with its representative.
};

//! The stored name of a claim status ("pending").
std::string_view ClaimStatusCode(ClaimStatus status);

//! A tax code claimed by someone other than the organisation's representative, as the officers' list shows it.
struct TaxCodeClaim {
  int64_t id = 0;                              //!< Database id.
  std::string tax_code;                        //!< The code claimed.
  std::string name;                            //!< The organisation's name as the claimant typed it.
  std::string address;                         //!< Its head office as the claimant typed it.
  int64_t claimant_id = 0;                     //!< Who claims it.
  std::string claimant_name;                   //!< Their full name.
  ClaimStatus status = ClaimStatus::kPending;  //!< Where it stands.
  int64_t created_at = 0;                      //!< Unix seconds.
  domain::Organisation organisation;           //!< The organisation registered under the code now.
  std::string holder_name;                     //!< Full name of its representative.
};

//! The organisation registered under `tax_code`, if any.
std::optional<domain::Organisation> FindOrganisationByTaxCode(Session& s, std::string_view tax_code);
//! Records a pending claim by `claimant_id`; returns its id, or 0 when that person already has one open on the code.
int64_t InsertTaxCodeClaim(Session& s, const std::string& tax_code, const std::string& name, const std::string& address,
                           int64_t claimant_id, domain::Instant now);
//! Open claims, oldest first, each with the organisation it is about (claims whose organisation is gone are left out).
std::vector<TaxCodeClaim> ListPendingClaims(Session& s);
//! One claim (any status) with its organisation, if both exist.
std::optional<TaxCodeClaim> FindTaxCodeClaim(Session& s, int64_t id);
//! Closes an open claim as granted or refused by `officer_id`; false when it was no longer open.
bool CloseTaxCodeClaim(Session& s, int64_t id, ClaimStatus status, int64_t officer_id, domain::Instant now);
//! Makes `user_id` the representative of organisation `organisation_id`.
void SetRepresentative(Session& s, int64_t organisation_id, int64_t user_id);

}  // namespace motcua::store
