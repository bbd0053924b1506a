//! API tokens, the administrators' view of open sessions and the journal search: who may, what is stored and
//! journaled, and the search's pages.
#include "service/api_tokens.hpp"

#include <gtest/gtest.h>

#include "security/crypto.hpp"
#include "service/audit_search.hpp"
#include "service/journal.hpp"
#include "service/service_test_fixture.hpp"
#include "service/sessions_admin.hpp"

namespace motcua::service::testing_support {
namespace {

using domain::ErrorKind;
using domain::Grant;
using domain::Role;

class AdminServicesTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    tokens_ = std::make_unique<ApiTokens>(*db_, clock_);
    admin_d1_ = AddOfficer("quantri.h1", {Grant{Role::kAgencyAdmin, kDistrict1, {}}});
    system_ = AddOfficer("quantri", {Grant{Role::kSystemAdmin, kProvince, {}}});
    desk_d1_ = AddOfficer("motcua.h1", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
    desk_d2_ = AddOfficer("motcua.h2", {Grant{Role::kDeskOfficer, kDistrict2, {}}});
  }

  std::unique_ptr<ApiTokens> tokens_;
  int64_t admin_d1_ = 0;
  int64_t system_ = 0;
  int64_t desk_d1_ = 0;
  int64_t desk_d2_ = 0;
};

TEST_F(AdminServicesTest, ATokenIsStoredAsItsHashAndJournaledWithoutItsValue) {
  const auto created = tokens_->Create(ActorOf(admin_d1_), Catalogue(), desk_d1_, "Đồng bộ thống kê");
  ASSERT_TRUE(created.ok());
  EXPECT_TRUE(created->token.starts_with("mct_"));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM api_tokens WHERE token_hash = ? AND user_id = ?",
                   {security::Sha256Hex(created->token), desk_d1_}),
            1);
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].action, "api_token.create");
  EXPECT_EQ(rows[0].object_id, std::to_string(created->id));
  EXPECT_EQ(rows[0].summary, R"({"user":)" + std::to_string(desk_d1_) + R"(,"name":"Đồng bộ thống kê"})");
}

TEST_F(AdminServicesTest, ATokenNeedsANameAndAnOfficerInScope) {
  const auto unnamed = tokens_->Create(ActorOf(admin_d1_), Catalogue(), desk_d1_, " ");
  ASSERT_EQ(unnamed.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(unnamed.error().fields.at(0).field, "ten_token");
  EXPECT_EQ(tokens_->Create(ActorOf(admin_d1_), Catalogue(), desk_d1_, std::string(101, 'a')).kind(),
            ErrorKind::kInvalid);
  // Outside the scope, even a bad name is answered "not found": the officer's existence stays private.
  EXPECT_EQ(tokens_->Create(ActorOf(admin_d1_), Catalogue(), desk_d2_, " ").kind(), ErrorKind::kNotFound);
  EXPECT_EQ(tokens_->Create(ActorOf(desk_d1_), Catalogue(), desk_d1_, "Tự cấp").kind(), ErrorKind::kForbidden);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM api_tokens"), 0);
  EXPECT_TRUE(JournalRows().empty());
}

TEST_F(AdminServicesTest, RevokingATokenNamesItsOfficerAndIsJournaledOnce) {
  const auto created = tokens_->Create(ActorOf(system_), Catalogue(), desk_d2_, "Đồng bộ");
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(tokens_->Revoke(ActorOf(admin_d1_), Catalogue(), created->id).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(tokens_->Revoke(ActorOf(system_), Catalogue(), created->id + 1000).kind(), ErrorKind::kNotFound);
  const auto revoked = tokens_->Revoke(ActorOf(system_), Catalogue(), created->id);
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, desk_d2_);
  const auto again = tokens_->Revoke(ActorOf(system_), Catalogue(), created->id);
  ASSERT_TRUE(again.ok());
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1].action, "api_token.revoke");
}

TEST_F(AdminServicesTest, WhenTheJournalCannotBeWrittenNoTokenIsStored) {
  BreakJournal();
  EXPECT_ANY_THROW((void)tokens_->Create(ActorOf(admin_d1_), Catalogue(), desk_d1_, "Đồng bộ"));
  EXPECT_EQ(Number("SELECT COUNT(*) FROM api_tokens"), 0);
}

TEST_F(AdminServicesTest, OnlyThoseWhoReadTheJournalSeeEveryOpenSessionAndTheirLookIsJournaled) {
  SessionsAdmin sessions(*db_, clock_, config_.security.session_idle_minutes * 60);
  OpenSession(desk_d1_, "s1");
  OpenSession(desk_d2_, "s2");
  EXPECT_EQ(sessions.ListOpen(ActorOf(admin_d1_)).kind(), ErrorKind::kForbidden);
  EXPECT_TRUE(JournalRows().empty());
  const auto open = sessions.ListOpen(ActorOf(system_));
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->size(), 2U);
  clock_.Advance(std::chrono::hours(1));
  const auto later = sessions.ListOpen(ActorOf(system_));
  ASSERT_TRUE(later.ok());
  EXPECT_TRUE(later->empty());  // idle for an hour: no longer open
  const auto rows = JournalRows();
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].action, "sessions.view");
  EXPECT_EQ(rows[0].actor_id, system_);
}

TEST_F(AdminServicesTest, TheJournalSearchPagesNewestFirst) {
  constexpr int32_t kEntries = kJournalPageSize + 5;
  const Actor desk = ActorOf(desk_d1_);
  for (int32_t i = 0; i < kEntries; ++i) {
    db_->Write([&](store::Session& s) { Journal(s, desk, {"citizen.view", "user", std::to_string(i), ""}); });
  }
  db_->Write([&](store::Session& s) { Journal(s, desk, {"login.success", "user", "1", ""}); });
  EXPECT_EQ(SearchJournal(*db_, ActorOf(admin_d1_), JournalQuery{}).kind(), ErrorKind::kForbidden);
  JournalQuery query;
  query.action = "citizen.";
  const auto first = SearchJournal(*db_, ActorOf(system_), query);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->entries.size(), static_cast<size_t>(kJournalPageSize));
  EXPECT_TRUE(first->more);
  EXPECT_EQ(first->entries.front().object_id, std::to_string(kEntries - 1));
  query.before_id = first->entries.back().id;
  const auto second = SearchJournal(*db_, ActorOf(system_), query);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->entries.size(), 5U);
  EXPECT_FALSE(second->more);
  EXPECT_EQ(second->entries.back().object_id, "0");
}

TEST_F(AdminServicesTest, TheCommandLineMakesATokenForAnyAccountJournaledAsItself) {
  const int64_t citizen = AddCitizen("036185001234", "0912000001");
  const auto by_id = tokens_->CreateForLogin("036185001234", "");
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_id->user_id, citizen);
  EXPECT_TRUE(by_id->token.starts_with("mct_"));
  const auto by_phone = tokens_->CreateForLogin("0912000001", "Kịch bản nộp hồ sơ");
  ASSERT_TRUE(by_phone.ok());
  EXPECT_EQ(by_phone->user_id, citizen);
  const auto officer = tokens_->CreateForLogin("motcua.h1", "Đồng bộ");
  ASSERT_TRUE(officer.ok());
  EXPECT_EQ(officer->user_id, desk_d1_);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM api_tokens WHERE user_id = ? AND created_by IS NULL", {citizen}), 2);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM audit_log WHERE action = 'api_token.create' AND actor_id IS NULL AND "
                   "actor_name = 'motcua token create'",
                   {}),
            3);
  std::string first_summary;
  db_->Read([&](store::Session& s) {
    first_summary =
        s.Query("SELECT summary FROM audit_log WHERE action = 'api_token.create' ORDER BY id", {})[0].Text(0);
  });
  EXPECT_EQ(first_summary, R"({"user":)" + std::to_string(citizen) + R"(,"name":"dòng lệnh"})");
}

TEST_F(AdminServicesTest, TheCommandLineRefusesAnUnknownLoginAndABadName) {
  EXPECT_EQ(tokens_->CreateForLogin("khong.co.ai", "").kind(), ErrorKind::kNotFound);
  EXPECT_EQ(tokens_->CreateForLogin("036185001234", "").kind(), ErrorKind::kNotFound);
  AddCitizen("036185001234", "0912000001");
  EXPECT_EQ(tokens_->CreateForLogin("036185001234", std::string(101, 'a')).kind(), ErrorKind::kInvalid);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM api_tokens", {}), 0);
}

}  // namespace
}  // namespace motcua::service::testing_support
