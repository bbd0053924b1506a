//! Tax codes claimed twice (issue 8) on every engine: one open claim per person and code, the officers' list of open
//! claims with both people, closing a claim once, and handing the organisation to the claimant.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/account_store.hpp"
#include "store/migrations.hpp"
#include "store/organisation_store.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::Instant;
using testing_support::OpenTestDatabase;

constexpr Instant kT0 = Instant::FromSeconds(1767225600);  // 2026-01-01 00:00 UTC
constexpr const char* kTaxCode = "0100109106";

class OrganisationStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
    holder_ = Person("036099001234", "Trần Thị Mai");
    claimant_ = Person("036099005678", "Phạm Văn Đức");
    officer_ = Person("036099009999", "Đỗ Minh Tuấn");
    db().Write([&](Session& s) {
      organisation_ = InsertOrganisation(
          s, domain::Organisation{0, kTaxCode, "Hợp tác xã Dệt Nam Hà", "Nam Định", holder_, kT0.Seconds()});
    });
  }
  Database& db() { return test_->db(); }

  int64_t Person(const std::string& personal_id, const std::string& name) {
    NewAccount a;
    a.personal_id = personal_id;
    a.full_name = name;
    int64_t id = 0;
    db().Write([&](Session& s) { id = InsertAccount(s, a, kT0); });
    return id;
  }

  int64_t Claim(int64_t who, Instant at = kT0) {
    int64_t id = 0;
    db().Write([&](Session& s) { id = InsertTaxCodeClaim(s, kTaxCode, "Công ty Dệt", "5 Hàng Sắt", who, at); });
    return id;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
  int64_t holder_ = 0;
  int64_t claimant_ = 0;
  int64_t officer_ = 0;
  int64_t organisation_ = 0;
};

TEST_F(OrganisationStoreTest, OnePersonHasOneOpenClaimPerTaxCode) {
  const int64_t first = Claim(claimant_);
  EXPECT_GT(first, 0);
  EXPECT_EQ(Claim(claimant_), 0);  // the same person again: nothing new
  EXPECT_GT(Claim(officer_), first);
  std::vector<TaxCodeClaim> open;
  db().Read([&](Session& s) { open = ListPendingClaims(s); });
  ASSERT_EQ(open.size(), 2U);
  EXPECT_EQ(open[0].id, first);
  EXPECT_EQ(open[0].claimant_name, "Phạm Văn Đức");
  EXPECT_EQ(open[0].holder_name, "Trần Thị Mai");
  EXPECT_EQ(open[0].organisation.id, organisation_);
  EXPECT_EQ(open[0].name, "Công ty Dệt");
  EXPECT_EQ(open[0].created_at, kT0.Seconds());
}

TEST_F(OrganisationStoreTest, AClaimClosesOnceAndAGrantMovesTheOrganisation) {
  const int64_t claim = Claim(claimant_);
  bool closed = false;
  bool again = true;
  db().Write([&](Session& s) {
    closed = CloseTaxCodeClaim(s, claim, ClaimStatus::kGranted, officer_, kT0);
    again = CloseTaxCodeClaim(s, claim, ClaimStatus::kRefused, officer_, kT0);
    SetRepresentative(s, organisation_, claimant_);
  });
  EXPECT_TRUE(closed);
  EXPECT_FALSE(again);
  std::optional<TaxCodeClaim> found;
  std::optional<domain::Organisation> org;
  std::vector<TaxCodeClaim> open;
  db().Read([&](Session& s) {
    found = FindTaxCodeClaim(s, claim);
    org = FindOrganisationByTaxCode(s, kTaxCode);
    open = ListPendingClaims(s);
  });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->status, ClaimStatus::kGranted);
  ASSERT_TRUE(org.has_value());
  EXPECT_EQ(org->representative_id, claimant_);
  EXPECT_TRUE(open.empty());
  // Closed, the claim no longer blocks a new one by the same person.
  EXPECT_GT(Claim(claimant_), claim);
}

TEST_F(OrganisationStoreTest, UnknownClaimsAndTaxCodesAreNothing) {
  std::optional<TaxCodeClaim> claim;
  std::optional<domain::Organisation> org;
  db().Read([&](Session& s) {
    claim = FindTaxCodeClaim(s, 987654);
    org = FindOrganisationByTaxCode(s, "0600123451");
  });
  EXPECT_FALSE(claim.has_value());
  EXPECT_FALSE(org.has_value());
}

}  // namespace
}  // namespace motcua::store
