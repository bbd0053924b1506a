//! The account operations over a temporary SQLite database with a clock the tests move: sessions that go idle,
//! one-time codes that expire, sign-in blocks that end, and the error kinds each operation answers with.
#include "service/accounts.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "domain/constants.hpp"
#include "service/journal.hpp"
#include "store/account_store.hpp"
#include "store/migrations.hpp"

namespace motcua::service {
namespace {

using domain::ErrorKind;
using std::chrono::seconds;

constexpr int64_t kStart = 1767225600;  // 2026-01-01 00:00 UTC
constexpr const char* kPassword = "mây trắng bay qua đồi";
constexpr const char* kOtherPassword = "sông Hồng đỏ nặng phù sa";

//! The messages the operations enqueued in the outbox (committed with their change), read from the store.
class Outbox {
 public:
  //! Reads the outbox of `db` (set once the database is open).
  void Attach(store::Database& db) { db_ = &db; }
  //! The digits in the newest message's text ("" when none was enqueued).
  std::string LastCode() const {
    const std::vector<std::string> bodies = Bodies();
    if (bodies.empty()) {
      return {};
    }
    std::string digits;
    for (const char c : bodies.back()) {
      if (c >= '0' && c <= '9') {
        digits.push_back(c);
      } else if (!digits.empty()) {
        break;
      }
    }
    return digits;
  }
  //! How many notices were enqueued (one per event: the SMS of each).
  size_t size() const { return Bodies().size(); }

 private:
  std::vector<std::string> Bodies() const {
    std::vector<std::string> out;
    db_->Read([&](store::Session& s) {
      const store::Rows rows = s.Query("SELECT body FROM outbox WHERE channel = 'sms' ORDER BY id");
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(rows[i].Text(0));
      }
    });
    return out;
  }
  store::Database* db_ = nullptr;
};

class AccountsTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int32_t> counter{0};
    path_ = (std::filesystem::path(testing::TempDir()) /
             ("motcua_accounts_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    store::DatabaseOptions options;
    options.synchronous_full = false;
    db_ = store::OpenDatabase(path_, options);
    store::Migrate(*db_);
    // The cheapest argon2id the library accepts: these tests are about flows, not hashing cost.
    config_.security.argon2_memory_kib = 8;
    config_.security.argon2_iterations = 1;
    sessions_ = std::make_unique<Sessions>(config_, *db_, clock_);
    hashes_ = std::make_unique<security::HashPool>(1, 4);
    outbox_.Attach(*db_);
    accounts_ = std::make_unique<Accounts>(config_, *db_, *sessions_, *hashes_, passwords_, false,
                                           std::vector<security::VerifiedIdentity>{}, clock_);
  }

  void TearDown() override {
    accounts_.reset();
    hashes_.reset();
    sessions_.reset();
    db_.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }

  static Actor Anonymous() { return Actor{{}, "192.0.2.7", "Mozilla/5.0", "req-1", "", ""}; }

  //! The actor of a request in the session `s`.
  Actor In(const SignedIn& s) const { return ActingAs(Anonymous(), s); }

  //! Registers a person with `kPassword`.
  SignedIn RegisterPerson(const std::string& personal_id = "036099001234", const std::string& phone = "0912345678") {
    NewAccount person;
    person.personal_id = personal_id;
    person.phone = phone;
    person.full_name = "Nguyễn Văn An";
    person.date_of_birth = "1999-03-27";
    auto out = accounts_->Register(Anonymous(), Registration{person, kPassword, kPassword});
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
    return out.ok() ? *out : SignedIn{};
  }

  //! An account created at the counter without a password, and the setup code handed to the person.
  std::pair<int64_t, std::string> CounterAccount() {
    int64_t id = 0;
    std::string code;
    db_->Write([&](store::Session& s) {
      NewAccount person;
      person.personal_id = "036099007777";
      person.full_name = "Lê Văn Cường";
      person.status = domain::AccountStatus::kPending;
      id = store::InsertAccount(s, person, domain::Instant::FromSeconds(kStart));
      code = accounts_->IssueCode(s, id, store::CodePurpose::kSetup, std::nullopt);
    });
    return {id, code};
  }

  std::string path_;
  std::unique_ptr<store::Database> db_;
  domain::ManualClock clock_{domain::Instant::FromSeconds(kStart)};
  app::Config config_;
  domain::PasswordPolicy passwords_{""};
  Outbox outbox_;
  std::unique_ptr<Sessions> sessions_;
  std::unique_ptr<security::HashPool> hashes_;
  std::unique_ptr<Accounts> accounts_;
};

TEST_F(AccountsTest, ASessionEndsAfterTheIdleLimitAndNotBefore) {
  const SignedIn me = RegisterPerson();
  ASSERT_TRUE(sessions_->Find(me.session.token).has_value());
  const auto idle = seconds(sessions_->idle_seconds());
  clock_.Advance(idle - seconds(1));
  const auto found = sessions_->Find(me.session.token);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->principal.user_id, me.principal.user_id);
  EXPECT_EQ(found->public_id, me.session.public_id);
  // That use moved the limit; unused for the whole idle limit, the session is gone.
  clock_.Advance(idle);
  EXPECT_FALSE(sessions_->Find(me.session.token).has_value());
}

TEST_F(AccountsTest, SignInSucceedsWithThePasswordAndEndsThePreviousSession) {
  const SignedIn registered = RegisterPerson();
  auto wrong = accounts_->SignInWithPassword(Anonymous(), {"036099001234", kOtherPassword});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(wrong.error().fields.size(), 1U);
  EXPECT_EQ(wrong.error().fields[0].field, "tai_khoan");
  const auto by_phone = accounts_->SignInWithPassword(In(registered), {"0912 345 678", kPassword});
  ASSERT_TRUE(by_phone.ok());
  EXPECT_EQ(by_phone->principal.user_id, registered.principal.user_id);
  EXPECT_NE(by_phone->session.token, registered.session.token);
  EXPECT_FALSE(sessions_->Find(registered.session.token).has_value());  // never carried over a sign-in
  EXPECT_TRUE(sessions_->Find(by_phone->session.token).has_value());
}

TEST_F(AccountsTest, EmptyCredentialsNameBothFields) {
  const auto out = accounts_->SignInWithPassword(Anonymous(), {"  ", ""});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(out.error().fields.size(), 2U);
  EXPECT_EQ(out.error().fields[0].field, "tai_khoan");
  EXPECT_EQ(out.error().fields[1].field, "mat_khau");
}

TEST_F(AccountsTest, ASignInBlockEndsWhenItsTimeHasPassed) {
  RegisterPerson();
  for (int32_t i = 0; i < config_.security.login_free_failures; ++i) {
    const auto out = accounts_->SignInWithPassword(Anonymous(), {"036099001234", kOtherPassword});
    ASSERT_FALSE(out.ok());
    ASSERT_EQ(out.kind(), ErrorKind::kInvalid) << "attempt " << i;
  }
  const auto blocked = accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword});
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.kind(), ErrorKind::kRateLimited);  // even the right password waits
  const int64_t wait = blocked.error().retry_after_seconds;
  EXPECT_GT(wait, 0);
  EXPECT_LE(wait, config_.security.login_block_seconds);
  clock_.Advance(seconds(wait - 1));
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).kind(), ErrorKind::kRateLimited);
  clock_.Advance(seconds(1));
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
}

TEST_F(AccountsTest, ADisabledAccountIsRefusedOnlyWithTheRightPassword) {
  const SignedIn me = RegisterPerson();
  db_->Write([&](store::Session& s) { store::SetStatus(s, me.principal.user_id, domain::AccountStatus::kDisabled); });
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kOtherPassword}).kind(), ErrorKind::kInvalid);
}

TEST_F(AccountsTest, RegistrationConflictsNameTheTakenField) {
  RegisterPerson();
  NewAccount same_id;
  same_id.personal_id = "036099001234";
  same_id.phone = "0987654321";
  same_id.full_name = "Trần Thị Bình";
  const auto id_taken = accounts_->Register(Anonymous(), Registration{same_id, kPassword, kPassword});
  ASSERT_FALSE(id_taken.ok());
  EXPECT_EQ(id_taken.kind(), ErrorKind::kConflict);
  ASSERT_EQ(id_taken.error().fields.size(), 1U);
  EXPECT_EQ(id_taken.error().fields[0].field, "so_dinh_danh");
  NewAccount same_phone = same_id;
  same_phone.personal_id = "036099005678";
  same_phone.phone = "0912345678";
  const auto phone_taken = accounts_->Register(Anonymous(), Registration{same_phone, kPassword, kPassword});
  ASSERT_FALSE(phone_taken.ok());
  EXPECT_EQ(phone_taken.error().fields.at(0).field, "dien_thoai");
  const auto mismatch = accounts_->Register(Anonymous(), Registration{same_phone, kPassword, kOtherPassword});
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(mismatch.error().fields.at(0).field, "mat_khau_2");
}

TEST_F(AccountsTest, AResetCodeWorksOnceAndNotAfterItExpires) {
  const SignedIn me = RegisterPerson();
  const Translate same = [](std::string_view msgid) { return std::string(msgid); };
  ASSERT_TRUE(accounts_->RequestResetCode(Anonymous(), "0912345678", same).ok());
  ASSERT_EQ(outbox_.size(), 1U);
  const std::string late_code = outbox_.LastCode();
  ASSERT_EQ(late_code.size(), 6U);
  clock_.Advance(seconds(domain::kResetSeconds + 1));
  const auto late = accounts_->ResetPassword(Anonymous(), {"0912345678", late_code, kOtherPassword, kOtherPassword});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(late.error().fields.at(0).field, "ma");

  ASSERT_TRUE(accounts_->RequestResetCode(Anonymous(), "036099001234", same).ok());
  const std::string code = outbox_.LastCode();
  clock_.Advance(seconds(domain::kResetSeconds - 1));
  const auto reset = accounts_->ResetPassword(
      Anonymous(), {"036099001234", code.substr(0, 3) + " " + code.substr(3), kOtherPassword, kOtherPassword});
  ASSERT_TRUE(reset.ok());
  EXPECT_EQ(reset->principal.user_id, me.principal.user_id);
  EXPECT_FALSE(sessions_->Find(me.session.token).has_value());  // every other session ended
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kOtherPassword}).ok());
  // Used once, the code is spent.
  EXPECT_FALSE(accounts_->ResetPassword(Anonymous(), {"036099001234", code, kPassword, kPassword}).ok());
}

TEST_F(AccountsTest, UnknownAccountsAreAnsweredLikeKnownOnesAndGetNoMessage) {
  const Translate same = [](std::string_view msgid) { return std::string(msgid); };
  EXPECT_TRUE(accounts_->RequestResetCode(Anonymous(), "0900000000", same).ok());
  EXPECT_EQ(outbox_.size(), 0U);
  const auto empty = accounts_->RequestResetCode(Anonymous(), " ", same);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields.at(0).field, "tai_khoan");
}

TEST_F(AccountsTest, ACounterCodeSetsTheFirstPasswordWithinSevenDays) {
  const auto [id, code] = CounterAccount();
  ASSERT_EQ(code.size(), 8U);
  clock_.Advance(seconds(domain::kSetupSeconds - 1));
  const auto set = accounts_->ResetPassword(Anonymous(), {"036099007777", code, kPassword, kPassword});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->principal.user_id, id);
}

TEST_F(AccountsTest, ACounterCodeExpiresAfterSevenDays) {
  const std::string code = CounterAccount().second;
  clock_.Advance(seconds(domain::kSetupSeconds + 1));
  EXPECT_EQ(accounts_->ResetPassword(Anonymous(), {"036099007777", code, kPassword, kPassword}).kind(),
            ErrorKind::kInvalid);
}

TEST_F(AccountsTest, ChangingThePasswordChecksTheCurrentOneAndEndsOtherSessions) {
  const SignedIn me = RegisterPerson();
  const auto other = accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword});
  ASSERT_TRUE(other.ok());
  const auto wrong = accounts_->ChangePassword(In(me), {kOtherPassword, kOtherPassword, kOtherPassword});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(wrong.error().fields.at(0).field, "mat_khau_cu");
  const auto changed = accounts_->ChangePassword(In(me), {kPassword, kOtherPassword, kOtherPassword});
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(sessions_->Find(other->session.token).has_value());
  EXPECT_FALSE(sessions_->Find(me.session.token).has_value());
  EXPECT_TRUE(sessions_->Find(changed->session.token).has_value());
}

TEST_F(AccountsTest, OnlyOnesOwnSessionsCanBeEnded) {
  const SignedIn me = RegisterPerson();
  const SignedIn other = RegisterPerson("036099005678", "0987654321");
  EXPECT_EQ(accounts_->EndSession(In(me), other.session.public_id).kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(sessions_->Find(other.session.token).has_value());
  const auto second = accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword});
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(accounts_->EndSession(In(me), second->session.public_id).ok());
  EXPECT_FALSE(sessions_->Find(second->session.token).has_value());
  EXPECT_EQ(*accounts_->SignOutEverywhere(In(me)), 1);
  EXPECT_FALSE(sessions_->Find(me.session.token).has_value());
}

TEST_F(AccountsTest, ANationalIdentityCreatesTheAccountOnce) {
  const security::VerifiedIdentity person{"036099008888", "Phạm Thị Dung", "1999-05-01", "0911222333"};
  const auto first = accounts_->SignInWithIdentity(Anonymous(), person);
  ASSERT_TRUE(first.ok());
  const auto second = accounts_->SignInWithIdentity(Anonymous(), person);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->principal.user_id, second->principal.user_id);
  db_->Write(
      [&](store::Session& s) { store::SetStatus(s, first->principal.user_id, domain::AccountStatus::kDisabled); });
  EXPECT_EQ(accounts_->SignInWithIdentity(Anonymous(), person).kind(), ErrorKind::kForbidden);
}

TEST(JournalSummary, TypedValuesBecomeJson) {
  EXPECT_EQ(Summary{}.Json(), "");
  EXPECT_EQ(Summary{}.Set("method", "password").Set("sessions", int64_t{3}).Json(),
            R"({"method":"password","sessions":3})");
  EXPECT_EQ(Summary{}.After("name", "Công ty \"A\"").Set("by", "counter").Json(),
            R"({"by":"counter","after":{"name":"Công ty \"A\""}})");
}

}  // namespace
}  // namespace motcua::service
