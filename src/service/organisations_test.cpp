//! Organisations and tax codes claimed twice (issue 8): the first registration makes the organisation, a second
//! claim waits for a desk officer, whose decision moves (or keeps) the organisation, is journaled and told to both.
#include "service/organisations.hpp"

#include <gtest/gtest.h>

#include "service/service_test_fixture.hpp"

namespace motcua::service::testing_support {
namespace {

using domain::ErrorKind;
using domain::Grant;
using domain::Role;

constexpr const char* kTaxCode = "0100109106";

class OrganisationsTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    organisations_ = std::make_unique<Organisations>(*accounts_);
    holder_ = AddCitizen("036099001234", "0912345678");
    claimant_ = AddCitizen("036099005678", "0987654321");
    desk_ = AddOfficer("motcua.h1", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
  }

  domain::Result<OrganisationRegistered> Register(int64_t who, const char* name = "Hợp tác xã Dệt Nam Hà") {
    return organisations_->Register(ActorOf(who), {kTaxCode, name, "1 Trần Hưng Đạo, Nam Định"});
  }

  int64_t Representative() {
    return Number("SELECT representative_id FROM organisations WHERE tax_code = ?", {kTaxCode});
  }

  //! The open claim's id (after a second registration).
  int64_t OpenClaim() {
    const auto claims = organisations_->Disputes(ActorOf(desk_));
    EXPECT_TRUE(claims.ok());
    EXPECT_EQ(claims->size(), 1U);
    return claims->empty() ? 0 : claims->front().id;
  }

  std::unique_ptr<Organisations> organisations_;
  int64_t holder_ = 0;
  int64_t claimant_ = 0;
  int64_t desk_ = 0;
};

TEST_F(OrganisationsTest, TheFirstRegistrationMakesTheOrganisationAndTheSamePersonAgainIsAConflict) {
  const auto first = Register(holder_);
  ASSERT_TRUE(first.ok());
  EXPECT_GT(first->id, 0);
  EXPECT_FALSE(first->awaiting_review);
  EXPECT_EQ(Representative(), holder_);
  const auto again = Register(holder_);
  ASSERT_EQ(again.kind(), ErrorKind::kConflict);
  EXPECT_EQ(again.error().fields.at(0).field, "ma_so_thue");
  const auto invalid = organisations_->Register(ActorOf(holder_), {"12", "", ""});
  ASSERT_EQ(invalid.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(invalid.error().fields.size(), 3U);
  EXPECT_EQ(organisations_->Register(ActorOf(desk_), {kTaxCode, "X", "Y"}).kind(), ErrorKind::kForbidden);
}

// Issue 8: the tax code went to whoever registered it first; a second claim was simply refused.
TEST_F(OrganisationsTest, ASecondClaimWaitsForAnOfficerAndTheRepresentativeIsTold) {
  ASSERT_TRUE(Register(holder_).ok());
  const auto claim = Register(claimant_, "Công ty Dệt Nam Hà");
  ASSERT_TRUE(claim.ok());
  EXPECT_TRUE(claim->awaiting_review);
  EXPECT_EQ(claim->id, 0);
  EXPECT_EQ(Representative(), holder_);  // nothing moves before an officer decides
  const auto again = Register(claimant_);
  ASSERT_TRUE(again.ok());  // the same answer, no second claim
  EXPECT_EQ(Number("SELECT COUNT(*) FROM tax_code_claims"), 1);
  const auto queued = Queued();
  ASSERT_EQ(queued.size(), 1U);
  EXPECT_EQ(queued[0].recipient, "0912345678");
  EXPECT_NE(queued[0].body.find("Một người khác đã đề nghị làm người đại diện"), std::string::npos);
  EXPECT_EQ(organisations_->Disputes(ActorOf(holder_)).kind(), ErrorKind::kForbidden);
}

TEST_F(OrganisationsTest, AGrantMovesTheOrganisationJournaledAndBothAreTold) {
  ASSERT_TRUE(Register(holder_).ok());
  ASSERT_TRUE(Register(claimant_).ok());
  const int64_t claim = OpenClaim();
  const auto seen = organisations_->Dispute(ActorOf(desk_), claim);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->claimant_id, claimant_);
  EXPECT_EQ(seen->organisation.representative_id, holder_);
  ASSERT_TRUE(organisations_->Resolve(ActorOf(desk_), claim, ClaimDecision::kGrant).ok());
  EXPECT_EQ(Representative(), claimant_);
  EXPECT_EQ(organisations_->Resolve(ActorOf(desk_), claim, ClaimDecision::kRefuse).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(organisations_->Dispute(ActorOf(desk_), claim).kind(), ErrorKind::kNotFound);
  const auto rows = JournalRows();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().action, "organisation.claim_granted");
  EXPECT_EQ(rows.back().actor_id, desk_);
  EXPECT_NE(rows.back().summary.find(R"("representative_before":)" + std::to_string(holder_)), std::string::npos);
  int32_t to_holder = 0;
  int32_t to_claimant = 0;
  for (const auto& m : Queued()) {
    to_holder += m.recipient == "0912345678" && m.body.find("Bạn không còn là người đại diện") != std::string::npos;
    to_claimant += m.recipient == "0987654321" && m.body.find("xác nhận bạn là người đại diện") != std::string::npos;
  }
  EXPECT_EQ(to_holder, 1);
  EXPECT_EQ(to_claimant, 1);
}

TEST_F(OrganisationsTest, ARefusalKeepsTheOrganisationAndNobodyDecidesTheirOwnClaim) {
  ASSERT_TRUE(Register(holder_).ok());
  ASSERT_TRUE(Register(claimant_).ok());
  const int64_t claim = OpenClaim();
  // A desk officer who is also the claimant (a citizen with a desk role) may not decide.
  Sql("INSERT INTO officer_roles (user_id, agency_code, role, granted_at) VALUES (?, ?, 'desk_officer', 0)",
      {claimant_, kDistrict1});
  EXPECT_EQ(organisations_->Resolve(ActorOf(claimant_), claim, ClaimDecision::kGrant).kind(), ErrorKind::kForbidden);
  ASSERT_TRUE(organisations_->Resolve(ActorOf(desk_), claim, ClaimDecision::kRefuse).ok());
  EXPECT_EQ(Representative(), holder_);
  EXPECT_EQ(JournalRows().back().action, "organisation.claim_refused");
  bool claimant_told = false;
  for (const auto& m : Queued()) {
    claimant_told = claimant_told || (m.recipient == "0987654321" && m.body.find("đã bị từ chối") != std::string::npos);
  }
  EXPECT_TRUE(claimant_told);
}

}  // namespace
}  // namespace motcua::service::testing_support
