#pragma once
//! Organisations a citizen represents, and tax codes claimed twice (issue 8): the first registration of a tax code
//! makes the organisation; a second person claiming the same code does not get it first-come-first-served, nor is
//! simply refused: the claim waits for an officer at the counter, who checks the papers and gives the organisation
//! to the claimant or refuses the claim. Each step is journaled and both people are told.

#include <cstdint>
#include <vector>

#include "domain/result.hpp"
#include "service/accounts.hpp"
#include "service/actor.hpp"
#include "store/organisation_store.hpp"

namespace motcua::service {

//! What registering an organisation did.
struct OrganisationRegistered {
  int64_t id = 0;                //!< The new organisation (0 when the code was already registered).
  bool awaiting_review = false;  //!< The tax code is someone else's: the claim waits for an officer.
};

//! An officer's decision on a claim.
enum class ClaimDecision {
  kGrant,   //!< The claimant becomes the organisation's representative.
  kRefuse,  //!< The organisation stays with its representative.
};

//! Registering organisations and resolving tax codes claimed twice.
class Organisations {
 public:
  //! Uses `accounts` for its store, clock and notices; it must outlive this object.
  explicit Organisations(Accounts& accounts) : accounts_(accounts) {}

  //! Registers an organisation represented by the actor (a citizen); a tax code registered by someone else becomes
  //! a pending claim (awaiting_review) and its representative is told; kConflict when the actor already represents
  //! it, kInvalid with the form's fields (ma_so_thue, ten_to_chuc, dia_chi).
  domain::Result<OrganisationRegistered> Register(const Actor& actor, const NewOrganisation& in);
  //! Open claims, oldest first (desk officers: kAssistCitizens).
  domain::Result<std::vector<store::TaxCodeClaim>> Disputes(const Actor& actor);
  //! One open claim, the view journaled (kNotFound when there is none by that id or it is closed).
  domain::Result<store::TaxCodeClaim> Dispute(const Actor& actor, int64_t claim_id);
  //! Grants or refuses open claim `claim_id`, journaled, both people told; kNotFound when it is not open,
  //! kForbidden when the officer is one of the two people.
  domain::Result<domain::Done> Resolve(const Actor& actor, int64_t claim_id, ClaimDecision decision);

 private:
  Accounts& accounts_;
};

}  // namespace motcua::service
