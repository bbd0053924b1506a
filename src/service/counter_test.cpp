//! The counter: who may search, create and view citizens' accounts and issue them setup codes, and the journal
//! entry each of those writes together with its change.
#include "service/counter.hpp"

#include <gtest/gtest.h>

#include "domain/dates.hpp"
#include "service/service_test_fixture.hpp"

namespace motcua::service::testing_support {
namespace {

using domain::ErrorKind;
using domain::Grant;
using domain::Role;

class CounterTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    counter_ = std::make_unique<Counter>(*accounts_);
    desk_ = AddOfficer("motcua.h1", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
    specialist_ = AddOfficer("thuly.h1", {Grant{Role::kSpecialist, kDistrict1, {}}});
  }

  static store::NewAccount Person(const std::string& personal_id, const std::string& phone) {
    store::NewAccount p;
    p.personal_id = personal_id;
    p.phone = phone;
    p.full_name = "Trần Thị Bình";
    p.date_of_birth = "1990-05-04";
    p.status = domain::AccountStatus::kActive;  // the counter makes it pending whatever it is given
    p.password_hash = "not-kept";
    return p;
  }

  std::unique_ptr<Counter> counter_;
  int64_t desk_ = 0;
  int64_t specialist_ = 0;
};

TEST_F(CounterTest, OnlyDeskOfficersUseTheCounter) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  const Actor specialist = ActorOf(specialist_);
  EXPECT_EQ(counter_->Search(specialist, "036099001234").kind(), ErrorKind::kForbidden);
  EXPECT_EQ(counter_->CreateAccount(specialist, Person("036099005678", "")).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(counter_->View(specialist, citizen).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(counter_->IssueSetupCode(specialist, Catalogue(), citizen).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(counter_->Search(Actor{}, "036099001234").kind(), ErrorKind::kForbidden);
  EXPECT_TRUE(JournalRows().empty());
  EXPECT_EQ(Number("SELECT COUNT(*) FROM users"), 3);
}

TEST_F(CounterTest, SearchFindsByIdNumberOrPhoneAndJournalsHowManyItFound) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  const auto by_id = counter_->Search(ActorOf(desk_), "036 099 001 234");
  ASSERT_TRUE(by_id.ok());
  ASSERT_EQ(by_id->size(), 1U);
  EXPECT_EQ(by_id->front().id, citizen);
  const auto by_phone = counter_->Search(ActorOf(desk_), "+84912345678");
  ASSERT_TRUE(by_phone.ok());
  EXPECT_EQ(by_phone->size(), 1U);
  const auto nobody = counter_->Search(ActorOf(desk_), "0987654321");
  ASSERT_TRUE(nobody.ok());
  EXPECT_TRUE(nobody->empty());
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].action, "citizen.search");
  EXPECT_EQ(rows[0].summary, R"({"results":1})");
  EXPECT_EQ(rows[0].actor_id, desk_);
  EXPECT_EQ(rows[2].summary, R"({"results":0})");
}

TEST_F(CounterTest, SearchForSomethingThatIsNeitherIdNorPhoneIsAFieldErrorAndNotJournaled) {
  const auto found = counter_->Search(ActorOf(desk_), "Nguyễn");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(found.error().fields.size(), 1U);
  EXPECT_EQ(found.error().fields[0].field, "q");
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(CounterTest, CreatesAPendingAccountWithASetupCodeAndTellsTheCitizen) {
  const auto issued = counter_->CreateAccount(ActorOf(desk_), Person("036099005678", "0911222333"));
  ASSERT_TRUE(issued.ok());
  const domain::Account a = Load(issued->user_id);
  EXPECT_EQ(a.status, domain::AccountStatus::kPending);
  EXPECT_TRUE(a.password_hash.empty());
  EXPECT_EQ(issued->login, "036099005678");
  EXPECT_EQ(issued->expires_at, clock_.NowSeconds() + kSetupCodeSeconds);
  EXPECT_EQ(Number("SELECT created_by FROM users WHERE id = ?", {issued->user_id}), desk_);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "account.create_assisted");
  EXPECT_EQ(rows[0].object_id, std::to_string(issued->user_id));
  EXPECT_EQ(rows[0].summary,
            R"({"after":{"full_name":"Trần Thị Bình","personal_id":"036099005678","phone":"0911222333"}})");
  EXPECT_EQ(rows[0].summary.find(issued->code), std::string::npos);
  ASSERT_EQ(Queued().size(), 1U);
  EXPECT_EQ(Queued()[0].recipient, "0911222333");
  EXPECT_NE(Queued()[0].body.find(issued->code), std::string::npos);
  EXPECT_TRUE(CodeWorks(issued->user_id, issued->code));
}

TEST_F(CounterTest, ATakenIdNumberOrPhoneIsAConflictOnItsFieldAndNothingIsWritten) {
  AddCitizen("036099001234", "0912345678");
  const auto same_id = counter_->CreateAccount(ActorOf(desk_), Person("036099001234", ""));
  ASSERT_EQ(same_id.kind(), ErrorKind::kConflict);
  EXPECT_EQ(same_id.error().fields.at(0).field, "so_dinh_danh");
  const auto same_phone = counter_->CreateAccount(ActorOf(desk_), Person("036099009999", "0912345678"));
  ASSERT_EQ(same_phone.kind(), ErrorKind::kConflict);
  EXPECT_EQ(same_phone.error().fields.at(0).field, "dien_thoai");
  EXPECT_TRUE(JournalRows().empty());
  EXPECT_TRUE(Queued().empty());
  EXPECT_EQ(Number("SELECT COUNT(*) FROM one_time_codes"), 0);
}

TEST_F(CounterTest, ViewingACitizenIsJournaledButOfficersAccountsAreNotTheCountersToSee) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  const auto seen = counter_->View(ActorOf(desk_), citizen);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->personal_id, "036099001234");
  EXPECT_EQ(counter_->View(ActorOf(desk_), specialist_).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(counter_->View(ActorOf(desk_), citizen + 1000).kind(), ErrorKind::kNotFound);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "citizen.view");
  EXPECT_EQ(rows[0].object_id, std::to_string(citizen));
}

TEST_F(CounterTest, ASetupCodeIsIssuedForALiveCitizenAccountOnly) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  const auto issued = counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), citizen);
  ASSERT_TRUE(issued.ok());
  EXPECT_TRUE(CodeWorks(citizen, issued->code));
  Sql("UPDATE users SET status = 'disabled' WHERE id = ?", {citizen});
  EXPECT_EQ(counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), citizen).kind(), ErrorKind::kNotFound);
  const int64_t admin = AddOfficer("quantri", {Grant{Role::kSystemAdmin, kProvince, {}}});
  EXPECT_EQ(counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), admin).kind(), ErrorKind::kNotFound);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "password.code_issued");
  EXPECT_EQ(rows[0].summary, R"({"by":"counter"})");
}

TEST_F(CounterTest, WhenTheJournalCannotBeWrittenTheAccountIsNotCreatedEither) {
  BreakJournal();
  EXPECT_ANY_THROW((void)counter_->CreateAccount(ActorOf(desk_), Person("036099005678", "0911222333")));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM users WHERE personal_id = '036099005678'"), 0);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM one_time_codes"), 0);
  EXPECT_TRUE(Queued().empty());
}

// Issue 8: a desk officer anywhere could issue a code for any citizen's account, set a new password with it and so
// take the account over; its holder was not told.
TEST_F(CounterTest, AnAccountItsHolderRunsAloneIsNotTheCountersToOpenOrIssueACodeFor) {
  const int64_t self_run = AddCitizen("036099001234", "0912345678");
  Sql("UPDATE users SET last_login_at = ? WHERE id = ?", {kStartMicros, self_run});
  EXPECT_FALSE(MayAssist(ActorOf(desk_).principal, Load(self_run)));
  EXPECT_EQ(counter_->View(ActorOf(desk_), self_run).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), self_run).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM one_time_codes"), 0);
  EXPECT_TRUE(Queued().empty());
  EXPECT_TRUE(JournalRows().empty());
  // The search still finds it (the number is known to the desk), so the desk can send the person to the reset page.
  const auto found = counter_->Search(ActorOf(desk_), "036099001234");
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1U);
}

TEST_F(CounterTest, AnAccountTheCounterCreatedStaysTheCountersToHelpAfterItsHolderSignsIn) {
  const auto created = counter_->CreateAccount(ActorOf(desk_), Person("036099005678", "0911222333"));
  ASSERT_TRUE(created.ok());
  Sql("UPDATE users SET last_login_at = ?, status = 'active' WHERE id = ?", {kStartMicros, created->user_id});
  const int64_t other_desk = AddOfficer("motcua.h2", {Grant{Role::kDeskOfficer, kDistrict2, {}}});
  EXPECT_TRUE(counter_->IssueSetupCode(ActorOf(other_desk), Catalogue(), created->user_id).ok());
}

TEST_F(CounterTest, TheHolderIsToldWhichDeskIssuedACodeAndWhenAndHowToReportIt) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  Sql("UPDATE users SET email = 'binh@example.com' WHERE id = ?", {citizen});
  const auto issued = counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), citizen);
  ASSERT_TRUE(issued.ok());
  const auto queued = Queued();
  ASSERT_EQ(queued.size(), 2U);  // a text message and an email, committed with the code
  EXPECT_EQ(queued[0].recipient, "0912345678");
  EXPECT_EQ(queued[1].recipient, "binh@example.com");
  for (const auto& m : queued) {
    EXPECT_NE(m.body.find("Một mã đặt mật khẩu mới cho tài khoản của bạn đã được cấp"), std::string::npos) << m.body;
    EXPECT_NE(m.body.find(std::string("Cơ quan ") + kDistrict1), std::string::npos) << m.body;  // the desk
    EXPECT_NE(m.body.find("Cán bộ motcua.h1"), std::string::npos) << m.body;                    // the officer
    EXPECT_NE(m.body.find(domain::LocalTime(clock_.Now())), std::string::npos) << m.body;       // when
    EXPECT_NE(m.body.find("/quen-mat-khau"), std::string::npos) << m.body;                      // what to do
    EXPECT_EQ(m.body.find(issued->code), std::string::npos);                                    // never the code itself
  }
}

TEST_F(CounterTest, WhenTheJournalCannotBeWrittenNoCodeIsIssuedAndNoNoticeLeaves) {
  const int64_t citizen = AddCitizen("036099001234", "0912345678");
  BreakJournal();
  EXPECT_ANY_THROW((void)counter_->IssueSetupCode(ActorOf(desk_), Catalogue(), citizen));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM one_time_codes"), 0);
  EXPECT_TRUE(Queued().empty());
}

}  // namespace
}  // namespace motcua::service::testing_support
