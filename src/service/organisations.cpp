#include "service/organisations.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/journal.hpp"
#include "service/permission.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! Longest head-office address kept.
constexpr size_t kMaxAddressCodePoints = 300;
//! Tries of a registration that lost a race for the same tax code (the second try records a claim).
constexpr int32_t kRegisterTries = 2;

//! The subject of every notice about a claim.
constexpr const char* kClaimSubject = N_("Đại diện doanh nghiệp, tổ chức");

Error NoSuchClaim() { return Error::Of(ErrorKind::kNotFound, N_("Không có yêu cầu nào đang chờ xem xét với số này.")); }

//! Tells `user_id` (when the account still exists) `text` about the claim, inside the job `s` that decided it.
void Tell(Accounts& accounts, store::Session& s, int64_t user_id, std::string_view event, const std::string& text) {
  if (const std::optional<domain::Account> person = store::FindAccount(s, user_id)) {
    accounts.Notify(s, *person, event, kClaimSubject, text, false);
  }
}

}  // namespace

domain::Result<OrganisationRegistered> Organisations::Register(const Actor& actor, const NewOrganisation& in) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kCitizen)) {
    return *refused;
  }
  Error error = Error::Of(ErrorKind::kInvalid, "");
  const domain::Checked tax = domain::CheckTaxCode(in.tax_code);
  if (!tax.ok()) {
    error.fields.push_back({"ma_so_thue", tax.error});
  }
  const domain::Checked name = domain::CheckOrganisationName(in.name);
  if (!name.ok()) {
    error.fields.push_back({"ten_to_chuc", name.error});
  }
  const domain::Checked address = domain::CheckOrganisationName(in.address);
  if (!address.ok() || domain::CodePointCount(address.value) > kMaxAddressCodePoints) {
    error.fields.push_back({"dia_chi", N_("Nhập địa chỉ trụ sở (tối đa 300 ký tự, không có ký tự điều khiển)")});
  }
  if (!error.fields.empty()) {
    return error;
  }
  const int64_t me = actor.principal.user_id;
  std::optional<domain::Result<OrganisationRegistered>> out;
  const auto job = [&](store::Session& s) {
    out.reset();
    const domain::Instant now = accounts_.clock().Now();
    const std::optional<domain::Organisation> existing = store::FindOrganisationByTaxCode(s, tax.value);
    if (!existing) {
      const domain::Organisation org{0, tax.value, name.value, address.value, me, now.Seconds()};
      const int64_t id = store::InsertOrganisation(s, org);
      Journal(s, actor,
              JournalEntry::Of("organisation.register", "organisation", std::to_string(id),
                               Summary{}.After("tax_code", tax.value).After("name", name.value)));
      out.emplace(OrganisationRegistered{id, false});
      return;
    }
    if (existing->representative_id == me) {
      Error mine = Error::Field("ma_so_thue", N_("Bạn đã là người đại diện của doanh nghiệp, tổ chức này."));
      mine.kind = ErrorKind::kConflict;
      out.emplace(std::move(mine));
      return;
    }
    out.emplace(OrganisationRegistered{0, true});
    const int64_t claim = store::InsertTaxCodeClaim(s, tax.value, name.value, address.value, me, now);
    if (claim == 0) {
      return;  // the same person's claim is already waiting: the same answer, nothing new to write
    }
    Journal(s, actor,
            JournalEntry::Of("organisation.claim", "organisation", std::to_string(existing->id),
                             Summary{}.Set("claim", claim).Set("tax_code", tax.value).After("name", name.value)));
    // The representative hears of it at once: a claim they did not expect is theirs to contest at the counter.
    Tell(accounts_, s, existing->representative_id, "organisation.claimed",
         fmt::format("{} {} ({} {}). {}", N_("Một người khác đã đề nghị làm người đại diện của"), existing->name,
                     N_("mã số thuế"), existing->tax_code,
                     N_("Cán bộ một cửa sẽ xem xét giấy tờ trước khi quyết định; nếu bạn vẫn là người đại diện, hãy "
                        "mang giấy tờ đến bộ phận một cửa.")));
  };
  for (int32_t attempt = 0; attempt < kRegisterTries; ++attempt) {
    try {
      accounts_.db().Write(job);
      break;
    } catch (const store::DatabaseError&) {
      // Two first registrations of one code at once (PostgreSQL): the loser tries again and finds the winner.
      if (attempt + 1 == kRegisterTries) {
        throw;
      }
    }
  }
  return std::move(*out);
}

domain::Result<std::vector<store::TaxCodeClaim>> Organisations::Disputes(const Actor& actor) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  std::vector<store::TaxCodeClaim> claims;
  accounts_.db().Read([&](store::Session& s) { claims = store::ListPendingClaims(s); });
  return claims;
}

domain::Result<store::TaxCodeClaim> Organisations::Dispute(const Actor& actor, int64_t claim_id) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  std::optional<store::TaxCodeClaim> claim;
  accounts_.db().Write([&](store::Session& s) {
    claim = store::FindTaxCodeClaim(s, claim_id);
    if (!claim || claim->status != store::ClaimStatus::kPending) {
      claim.reset();
      return;
    }
    // The page shows both people's names and what the claimant typed: viewing it is recorded like any personal data.
    Journal(s, actor,
            JournalEntry::Of("organisation.claim_view", "organisation", std::to_string(claim->organisation.id),
                             Summary{}.Set("claim", claim_id)));
  });
  if (!claim) {
    return NoSuchClaim();
  }
  return std::move(*claim);
}

domain::Result<domain::Done> Organisations::Resolve(const Actor& actor, int64_t claim_id, ClaimDecision decision) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  std::optional<domain::Result<domain::Done>> out;
  accounts_.db().Write([&](store::Session& s) {
    out.reset();
    const std::optional<store::TaxCodeClaim> claim = store::FindTaxCodeClaim(s, claim_id);
    if (!claim || claim->status != store::ClaimStatus::kPending) {
      out.emplace(NoSuchClaim());
      return;
    }
    const int64_t me = actor.principal.user_id;
    if (claim->claimant_id == me || claim->organisation.representative_id == me) {
      out.emplace(
          Error::Of(ErrorKind::kForbidden, N_("Bạn không thể tự quyết định yêu cầu liên quan đến chính mình.")));
      return;
    }
    const bool grant = decision == ClaimDecision::kGrant;
    const domain::Instant now = accounts_.clock().Now();
    store::CloseTaxCodeClaim(s, claim_id, grant ? store::ClaimStatus::kGranted : store::ClaimStatus::kRefused, me, now);
    const int64_t holder = claim->organisation.representative_id;
    if (grant) {
      store::SetRepresentative(s, claim->organisation.id, claim->claimant_id);
    }
    Journal(s, actor,
            JournalEntry::Of(grant ? "organisation.claim_granted" : "organisation.claim_refused", "organisation",
                             std::to_string(claim->organisation.id),
                             Summary{}
                                 .Set("claim", claim_id)
                                 .Set("tax_code", claim->tax_code)
                                 .Set("representative_before", holder)
                                 .After("representative", std::to_string(grant ? claim->claimant_id : holder))));
    const std::string org = fmt::format("{} ({} {})", claim->organisation.name, N_("mã số thuế"), claim->tax_code);
    if (grant) {
      Tell(accounts_, s, claim->claimant_id, "organisation.claim_granted",
           fmt::format("{} {}.", N_("Cán bộ một cửa đã xác nhận bạn là người đại diện của"), org));
      Tell(accounts_, s, holder, "organisation.claim_granted",
           fmt::format("{} {}. {}", N_("Bạn không còn là người đại diện của"), org,
                       N_("Cán bộ một cửa đã xác nhận người đại diện mới theo giấy tờ được xuất trình. Nếu có sai "
                          "sót, hãy đến bộ phận một cửa.")));
    } else {
      Tell(accounts_, s, claim->claimant_id, "organisation.claim_refused",
           fmt::format("{} {}. {}", N_("Yêu cầu làm người đại diện của bạn đã bị từ chối:"), org,
                       N_("Nếu bạn có giấy tờ chứng minh, hãy mang đến bộ phận một cửa.")));
      Tell(accounts_, s, holder, "organisation.claim_refused",
           fmt::format("{} {}.", N_("Cán bộ một cửa đã từ chối yêu cầu của người khác muốn làm người đại diện của"),
                       org));
    }
    out.emplace(domain::Done{});
  });
  return std::move(*out);
}

}  // namespace motcua::service
