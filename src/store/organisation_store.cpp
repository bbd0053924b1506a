#include "store/organisation_store.hpp"

#include <fmt/format.h>

namespace motcua::store {

namespace {

int64_t Seconds(int64_t micros) { return domain::Instant::FromMicros(micros).Seconds(); }

//! The columns of a claim with its organisation and both people's names, in TaxCodeClaim order.
constexpr std::string_view kClaimQuery =
    "SELECT c.id, c.tax_code, c.name, c.address, c.claimant_id, claimant.full_name, c.status, c.created_at, "
    "o.id, o.tax_code, o.name, o.address, o.representative_id, o.created_at, holder.full_name "
    "FROM tax_code_claims c "
    "JOIN users claimant ON claimant.id = c.claimant_id "
    "JOIN organisations o ON o.tax_code = c.tax_code "
    "JOIN users holder ON holder.id = o.representative_id ";

//! Column of the claim's organisation in kClaimQuery.
constexpr size_t kOrganisationColumn = 8;

ClaimStatus ParseClaimStatus(std::string_view code) {
  if (code == "granted") {
    return ClaimStatus::kGranted;
  }
  if (code == "refused") {
    return ClaimStatus::kRefused;
  }
  return ClaimStatus::kPending;
}

TaxCodeClaim ReadClaim(const Row& r) {
  constexpr size_t o = kOrganisationColumn;
  return TaxCodeClaim{
      r.Int(0),
      r.Text(1),
      r.Text(2),
      r.Text(3),
      r.Int(4),
      r.Text(5),
      ParseClaimStatus(r.Text(6)),
      Seconds(r.Int(7)),
      domain::Organisation{r.Int(o), r.Text(o + 1), r.Text(o + 2), r.Text(o + 3), r.Int(o + 4), Seconds(r.Int(o + 5))},
      r.Text(o + 6)};
}

}  // namespace

std::string_view ClaimStatusCode(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kPending:
      return "pending";
    case ClaimStatus::kGranted:
      return "granted";
    case ClaimStatus::kRefused:
      return "refused";
  }
  return "pending";
}

std::optional<domain::Organisation> FindOrganisationByTaxCode(Session& s, std::string_view tax_code) {
  const Rows rows =
      s.Query("SELECT id, tax_code, name, address, representative_id, created_at FROM organisations WHERE tax_code = ?",
              {std::string(tax_code)});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row& r = rows[0];
  return domain::Organisation{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), Seconds(r.Int(5))};
}

int64_t InsertTaxCodeClaim(Session& s, const std::string& tax_code, const std::string& name, const std::string& address,
                           int64_t claimant_id, domain::Instant now) {
  if (!s.Query("SELECT 1 FROM tax_code_claims WHERE tax_code = ? AND claimant_id = ? AND status = 'pending'",
               {tax_code, claimant_id})
           .empty()) {
    return 0;
  }
  s.Exec("INSERT INTO tax_code_claims (tax_code, name, address, claimant_id, created_at) VALUES (?, ?, ?, ?, ?)",
         {tax_code, name, address, claimant_id, now.micros});
  return s
      .Query("SELECT id FROM tax_code_claims WHERE tax_code = ? AND claimant_id = ? AND status = 'pending'",
             {tax_code, claimant_id})[0]
      .Int(0);
}

std::vector<TaxCodeClaim> ListPendingClaims(Session& s) {
  const Rows rows = s.Query(fmt::format("{} WHERE c.status = 'pending' ORDER BY c.created_at, c.id", kClaimQuery));
  std::vector<TaxCodeClaim> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadClaim(rows[i]));
  }
  return out;
}

std::optional<TaxCodeClaim> FindTaxCodeClaim(Session& s, int64_t id) {
  const Rows rows = s.Query(fmt::format("{} WHERE c.id = ?", kClaimQuery), {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadClaim(rows[0]);
}

bool CloseTaxCodeClaim(Session& s, int64_t id, ClaimStatus status, int64_t officer_id, domain::Instant now) {
  const bool open = !s.Query("SELECT 1 FROM tax_code_claims WHERE id = ? AND status = 'pending'", {id}).empty();
  if (!open) {
    return false;
  }
  s.Exec("UPDATE tax_code_claims SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ?",
         {std::string(ClaimStatusCode(status)), now.micros, officer_id, id});
  return true;
}

void SetRepresentative(Session& s, int64_t organisation_id, int64_t user_id) {
  s.Exec("UPDATE organisations SET representative_id = ? WHERE id = ?", {user_id, organisation_id});
}

}  // namespace motcua::store
