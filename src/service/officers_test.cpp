//! Administration of officers: what an agency administrator may do to whom, the field errors of the forms, and the
//! journal entry each change writes in the same job as the change.
#include "service/officers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "service/service_test_fixture.hpp"

namespace motcua::service::testing_support {
namespace {

using domain::ErrorKind;
using domain::Grant;
using domain::Role;

class OfficersTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    officers_ = std::make_unique<Officers>(*accounts_, config_.security.session_idle_minutes * 60);
    admin_d1_ = AddOfficer("quantri.h1", {Grant{Role::kAgencyAdmin, kDistrict1, {}}});
    desk_d1_ = AddOfficer("motcua.h1", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
    desk_d2_ = AddOfficer("motcua.h2", {Grant{Role::kDeskOfficer, kDistrict2, {}}});
  }

  domain::Result<IssuedCode> Create(const Actor& actor, const NewOfficer& in) {
    return officers_->Create(actor, Catalogue(), in);
  }

  std::unique_ptr<Officers> officers_;
  int64_t admin_d1_ = 0;
  int64_t desk_d1_ = 0;
  int64_t desk_d2_ = 0;
};

TEST_F(OfficersTest, AnAgencyAdministratorListsTheOfficersOfTheirAgencyOnly) {
  const auto all = officers_->List(ActorOf(admin_d1_), Catalogue(), "");
  ASSERT_TRUE(all.ok());
  std::vector<int64_t> ids;
  for (const domain::Account& a : *all) {
    ids.push_back(a.id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<int64_t>{admin_d1_, desk_d1_}));
  const auto found = officers_->List(ActorOf(admin_d1_), Catalogue(), "MOTCUA");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().id, desk_d1_);
  EXPECT_EQ(officers_->List(ActorOf(desk_d1_), Catalogue(), "").kind(), ErrorKind::kForbidden);
}

TEST_F(OfficersTest, EveryOperationOnAnOfficerOutsideTheScopeIsNotFoundAndWritesNothing) {
  const Actor admin = ActorOf(admin_d1_);
  const GrantInput grant{"specialist", kDistrict1, {}};
  const std::vector<std::pair<const char*, std::function<domain::ErrorKind()>>> operations = {
      {"view", [&] { return officers_->View(admin, Catalogue(), desk_d2_).kind(); }},
      {"details", [&] { return officers_->Details(admin, Catalogue(), desk_d2_).kind(); }},
      {"grant", [&] { return officers_->Grant(admin, Catalogue(), desk_d2_, grant).kind(); }},
      {"revoke", [&] { return officers_->Revoke(admin, Catalogue(), desk_d2_, grant).kind(); }},
      {"status", [&] { return officers_->SetStatus(admin, Catalogue(), desk_d2_, "disabled").kind(); }},
      {"password", [&] { return officers_->ResetPassword(admin, Catalogue(), desk_d2_).kind(); }},
      {"sessions", [&] { return officers_->RevokeSessions(admin, Catalogue(), desk_d2_).kind(); }},
      {"no such officer", [&] { return officers_->View(admin, Catalogue(), desk_d2_ + 1000).kind(); }},
  };
  OpenSession(desk_d2_, "s1");
  for (const auto& [name, run] : operations) {
    EXPECT_EQ(run(), ErrorKind::kNotFound) << name;
  }
  EXPECT_TRUE(JournalRows().empty());
  EXPECT_EQ(Load(desk_d2_).status, domain::AccountStatus::kActive);
  EXPECT_FALSE(Load(desk_d2_).password_hash.empty());
  EXPECT_EQ(Load(desk_d2_).grants.size(), 1U);
  EXPECT_EQ(LiveSessions(desk_d2_), 1);
}

TEST_F(OfficersTest, CreateNamesEveryFieldAtFaultInPageOrder) {
  const auto created =
      Create(ActorOf(admin_d1_), NewOfficer{"", "A B", "123", "not-an-email", "astronaut", kDistrict1});
  ASSERT_EQ(created.kind(), ErrorKind::kInvalid);
  std::vector<std::string> fields;
  for (const domain::FieldError& f : created.error().fields) {
    fields.push_back(f.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"ho_ten", "ten_dang_nhap", "dien_thoai", "email", "vai_tro"}));
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(OfficersTest, AnAgencyAdministratorCannotCreateOfficersAboveTheirScopeOrSystemAdministrators) {
  const auto at_province =
      Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "an.le", "", "", "specialist", kProvince});
  ASSERT_EQ(at_province.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(at_province.error().fields.at(0).field, "vai_tro");
  const auto system_admin =
      Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "an.le", "", "", "system_admin", kDistrict1});
  ASSERT_EQ(system_admin.kind(), ErrorKind::kInvalid);
  const auto unknown_agency =
      Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "an.le", "", "", "specialist", "000.00.77.H40"});
  ASSERT_EQ(unknown_agency.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(unknown_agency.error().fields.at(0).field, "co_quan");
  EXPECT_EQ(Number("SELECT COUNT(*) FROM users WHERE login_name = 'an.le'"), 0);
}

TEST_F(OfficersTest, CreateMakesAPendingOfficerWithTheRoleAndASetupCodeInOneJournaledJob) {
  const auto created =
      Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "an.le", "0911 222 333", "", "specialist", kDistrict1});
  ASSERT_TRUE(created.ok());
  const domain::Account a = Load(created->user_id);
  EXPECT_EQ(a.status, domain::AccountStatus::kPending);
  EXPECT_EQ(a.phone, "0911222333");
  ASSERT_EQ(a.grants.size(), 1U);
  EXPECT_EQ(a.grants[0].role, Role::kSpecialist);
  EXPECT_EQ(created->login, "an.le");
  EXPECT_TRUE(CodeWorks(created->user_id, created->code));
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "officer.create");
  EXPECT_EQ(rows[0].summary,
            R"({"after":{"login_name":"an.le","full_name":"Lê Văn An","role":"specialist","agency":"000.00.01.H40"}})");
}

TEST_F(OfficersTest, ATakenLoginNameOrPhoneIsAConflictOnItsField) {
  Sql("UPDATE users SET phone = '0911222333' WHERE id = ?", {desk_d2_});
  const auto login = Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "motcua.h2", "", "", "specialist", kDistrict1});
  ASSERT_EQ(login.kind(), ErrorKind::kConflict);
  EXPECT_EQ(login.error().fields.at(0).field, "ten_dang_nhap");
  const auto phone =
      Create(ActorOf(admin_d1_), NewOfficer{"Lê Văn An", "an.le", "0911222333", "", "specialist", kDistrict1});
  ASSERT_EQ(phone.kind(), ErrorKind::kConflict);
  EXPECT_EQ(phone.error().fields.at(0).field, "dien_thoai");
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(OfficersTest, ViewIsJournaledAndDetailsAreNot) {
  OpenSession(desk_d1_, "s1");
  const auto viewed = officers_->View(ActorOf(admin_d1_), Catalogue(), desk_d1_);
  ASSERT_TRUE(viewed.ok());
  EXPECT_EQ(viewed->live_sessions, 1);
  ASSERT_TRUE(officers_->Details(ActorOf(admin_d1_), Catalogue(), desk_d1_).ok());
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "officer.view");
}

TEST_F(OfficersTest, GrantingARoleEndsTheOfficersSessionsOnceAndIsJournaledOnce) {
  OpenSession(desk_d1_, "s1");
  const GrantInput in{"specialist", kDistrict1, {kFieldCode}};
  const auto first = officers_->Grant(ActorOf(admin_d1_), Catalogue(), desk_d1_, in);
  ASSERT_TRUE(first.ok());
  EXPECT_TRUE(*first);
  EXPECT_EQ(LiveSessions(desk_d1_), 0);
  EXPECT_EQ(Load(desk_d1_).grants.size(), 2U);
  const auto again = officers_->Grant(ActorOf(admin_d1_), Catalogue(), desk_d1_, in);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(*again);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "role.grant");
  EXPECT_EQ(rows[0].summary, R"({"after":{"role":"specialist","agency":"000.00.01.H40"}})");
}

TEST_F(OfficersTest, AGrantWithAnUnknownFieldIsRefusedOnThatField) {
  const auto granted =
      officers_->Grant(ActorOf(admin_d1_), Catalogue(), desk_d1_, GrantInput{"specialist", kDistrict1, {"nope"}});
  ASSERT_EQ(granted.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(granted.error().fields.at(0).field, "linh_vuc");
  EXPECT_EQ(Load(desk_d1_).grants.size(), 1U);
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(OfficersTest, RevokingAMalformedRoleIsInvalidAndOneOutsideTheScopeForbidden) {
  const int64_t both = AddOfficer("hai.cap", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
  Sql("INSERT INTO officer_roles (user_id, agency_code, role, granted_at) VALUES (?, ?, 'clerk', 0)",
      {both, kDistrict1});
  const Actor admin = ActorOf(admin_d1_);
  EXPECT_EQ(officers_->Revoke(admin, Catalogue(), both, GrantInput{"astronaut", kDistrict1, {}}).kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(officers_->Revoke(admin, Catalogue(), both, GrantInput{"clerk", kProvince, {}}).kind(),
            ErrorKind::kForbidden);
  OpenSession(both, "s1");
  const auto removed = officers_->Revoke(admin, Catalogue(), both, GrantInput{"clerk", kDistrict1, {}});
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  EXPECT_EQ(LiveSessions(both), 0);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].action, "role.revoke_refused");  // the forbidden one is journaled, the malformed one is not
  EXPECT_EQ(rows[0].summary, R"({"role":"clerk","agency":"000.00.00.H40","refused":"policy"})");
  EXPECT_EQ(rows[1].action, "role.revoke");
  EXPECT_EQ(rows[1].summary, R"({"before":{"role":"clerk","agency":"000.00.01.H40"}})");
}

TEST_F(OfficersTest, DisablingEndsSessionsAndEnablingAnAccountWithoutPasswordLeavesItPending) {
  OpenSession(desk_d1_, "s1");
  const auto disabled = officers_->SetStatus(ActorOf(admin_d1_), Catalogue(), desk_d1_, "disabled");
  ASSERT_TRUE(disabled.ok());
  EXPECT_EQ(*disabled, domain::AccountStatus::kDisabled);
  EXPECT_EQ(LiveSessions(desk_d1_), 0);
  Sql("UPDATE users SET password_hash = '' WHERE id = ?", {desk_d1_});
  const auto enabled = officers_->SetStatus(ActorOf(admin_d1_), Catalogue(), desk_d1_, "active");
  ASSERT_TRUE(enabled.ok());
  EXPECT_EQ(*enabled, domain::AccountStatus::kPending);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].action, "account.disable");
  EXPECT_EQ(rows[0].summary, R"({"before":"active","after":"disabled"})");
  EXPECT_EQ(rows[1].action, "account.enable");
  EXPECT_EQ(rows[1].summary, R"({"before":"disabled","after":"pending"})");
}

TEST_F(OfficersTest, NobodyChangesTheirOwnStatusAndOnlyTwoStatusesCanBeAskedFor) {
  EXPECT_EQ(officers_->SetStatus(ActorOf(admin_d1_), Catalogue(), admin_d1_, "disabled").kind(), ErrorKind::kInvalid);
  EXPECT_EQ(officers_->SetStatus(ActorOf(admin_d1_), Catalogue(), desk_d1_, "pending").kind(), ErrorKind::kInvalid);
  EXPECT_EQ(Load(admin_d1_).status, domain::AccountStatus::kActive);
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(OfficersTest, APasswordResetVoidsThePasswordAndSessionsAndIssuesACode) {
  OpenSession(desk_d1_, "s1");
  const auto reset = officers_->ResetPassword(ActorOf(admin_d1_), Catalogue(), desk_d1_);
  ASSERT_TRUE(reset.ok());
  EXPECT_TRUE(Load(desk_d1_).password_hash.empty());
  EXPECT_EQ(LiveSessions(desk_d1_), 0);
  EXPECT_EQ(reset->login, "motcua.h1");
  EXPECT_TRUE(CodeWorks(desk_d1_, reset->code));
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "password.admin_reset");
}

TEST_F(OfficersTest, RevokingSessionsCountsThem) {
  OpenSession(desk_d1_, "s1");
  OpenSession(desk_d1_, "s2");
  const auto revoked = officers_->RevokeSessions(ActorOf(admin_d1_), Catalogue(), desk_d1_);
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, 2);
  EXPECT_EQ(LiveSessions(desk_d1_), 0);
  EXPECT_EQ(JournalRows().at(0).summary, R"({"sessions":2})");
}

TEST_F(OfficersTest, WhenTheJournalCannotBeWrittenNoChangeIsMadeEither) {
  OpenSession(desk_d1_, "s1");
  BreakJournal();
  const Actor admin = ActorOf(admin_d1_);
  EXPECT_ANY_THROW((void)officers_->SetStatus(admin, Catalogue(), desk_d1_, "disabled"));
  EXPECT_ANY_THROW((void)officers_->Grant(admin, Catalogue(), desk_d1_, GrantInput{"clerk", kDistrict1, {}}));
  EXPECT_ANY_THROW((void)officers_->ResetPassword(admin, Catalogue(), desk_d1_));
  EXPECT_ANY_THROW((void)Create(admin, NewOfficer{"Lê Văn An", "an.le", "", "", "specialist", kDistrict1}));
  const domain::Account a = Load(desk_d1_);
  EXPECT_EQ(a.status, domain::AccountStatus::kActive);
  EXPECT_EQ(a.grants.size(), 1U);
  EXPECT_FALSE(a.password_hash.empty());
  EXPECT_EQ(LiveSessions(desk_d1_), 1);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM users WHERE login_name = 'an.le'"), 0);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM one_time_codes"), 0);
}

// Issue 8: the journal should record refused role grants, rate-limited so that it cannot be flooded.
TEST_F(OfficersTest, ARefusedRoleGrantIsJournaledUpToALimitPerAdministratorAndWindow) {
  const Actor admin = ActorOf(admin_d1_);
  const GrantInput above{"clerk", kProvince, {}};  // the province is above the administrator's district
  for (int32_t i = 0; i < 25; ++i) {
    EXPECT_EQ(officers_->Grant(admin, Catalogue(), desk_d1_, above).kind(), ErrorKind::kInvalid);
  }
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 20U);
  EXPECT_EQ(rows[0].action, "role.grant_refused");
  EXPECT_EQ(rows[0].object_id, std::to_string(desk_d1_));
  EXPECT_EQ(rows[0].actor_id, admin_d1_);
  EXPECT_EQ(rows[0].summary, R"({"role":"clerk","agency":"000.00.00.H40","refused":"policy"})");
  EXPECT_EQ(Load(desk_d1_).grants.size(), 1U);
  // A system administrator role is refused to an agency administrator anywhere, and counted alike.
  clock_.Advance(std::chrono::hours(2));
  EXPECT_EQ(officers_->Grant(admin, Catalogue(), desk_d1_, GrantInput{"system_admin", kDistrict1, {}}).kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(JournalRows().size(), 21U);  // a new window journals again
  // An unknown role or agency is a typing error, not a refusal.
  EXPECT_EQ(officers_->Grant(admin, Catalogue(), desk_d1_, GrantInput{"astronaut", kDistrict1, {}}).kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(JournalRows().size(), 21U);
}

// Issue 8: the holder is told whenever the password changes, by anyone.
TEST_F(OfficersTest, AnOfficerWhosePasswordIsResetIsToldByTextAndEmail) {
  Sql("UPDATE users SET phone = '0911000111', email = 'h1@example.gov.vn' WHERE id = ?", {desk_d1_});
  ASSERT_TRUE(officers_->ResetPassword(ActorOf(admin_d1_), Catalogue(), desk_d1_).ok());
  const auto queued = Queued();
  ASSERT_EQ(queued.size(), 2U);
  EXPECT_EQ(queued[0].recipient, "0911000111");
  EXPECT_EQ(queued[1].recipient, "h1@example.gov.vn");
  EXPECT_NE(queued[0].body.find("đã bị quản trị viên hủy"), std::string::npos) << queued[0].body;
  EXPECT_NE(queued[0].body.find("Cán bộ quantri.h1"), std::string::npos) << queued[0].body;
}

}  // namespace
}  // namespace motcua::service::testing_support
