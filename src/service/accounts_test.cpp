//! The account operations over a temporary SQLite database with a clock the tests move: sessions that go idle,
//! one-time codes that expire, sign-in blocks that end, and the error kinds each operation answers with.
#include "service/accounts.hpp"

#include <fmt/format.h>
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
  //! How many SMS went to `phone`.
  int64_t To(const std::string& phone) const {
    int64_t n = 0;
    db_->Read([&](store::Session& s) {
      n = s.Query("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND recipient = ?", {phone})[0].Int(0);
    });
    return n;
  }

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
  //! An anonymous caller from another address.
  static Actor From(const std::string& address) { return Actor{{}, address, "curl/8", "req-2", "", ""}; }
  //! Message ids left as they are.
  static std::string Same(std::string_view msgid) { return std::string(msgid); }

  //! Journal rows with `action`, as "object_id summary".
  std::vector<std::string> JournalOf(const std::string& action) const {
    std::vector<std::string> out;
    db_->Read([&](store::Session& s) {
      const store::Rows rows =
          s.Query("SELECT object_id, summary FROM audit_log WHERE action = ? ORDER BY seq", {action});
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(rows[i].Text(0) + " " + rows[i].Text(1));
      }
    });
    return out;
  }

  //! The actor of a request in the session `s`.
  Actor In(const SignedIn& s) const { return ActingAs(Anonymous(), s); }

  //! Registers a person with `kPassword`.
  SignedIn RegisterPerson(const std::string& personal_id = "036099001234", const std::string& phone = "0912345678") {
    NewAccount person;
    person.personal_id = personal_id;
    person.phone = phone;
    person.full_name = "Nguyễn Văn An";
    person.date_of_birth = "1999-03-27";
    const auto pending = accounts_->Register(Anonymous(), Registration{person, kPassword, kPassword}, Same);
    EXPECT_TRUE(pending.ok()) << (pending.ok() ? "" : pending.error().message);
    if (!pending.ok()) {
      return SignedIn{};
    }
    auto out = accounts_->ConfirmRegistration(Anonymous(), {pending->token, outbox_.LastCode()});
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

TEST_F(AccountsTest, AGuesserElsewhereDoesNotLockTheOwnerOut) {
  const SignedIn me = RegisterPerson();
  const Actor attacker = From("203.0.113.9");
  for (int32_t i = 0; i < config_.security.login_free_failures; ++i) {
    ASSERT_EQ(accounts_->SignInWithPassword(attacker, {"036099001234", kOtherPassword}).kind(), ErrorKind::kInvalid);
  }
  EXPECT_EQ(accounts_->SignInWithPassword(attacker, {"036099001234", kPassword}).kind(), ErrorKind::kRateLimited);
  // The owner, at their own address, with the right password or a reset code.
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
  ASSERT_TRUE(accounts_->RequestResetCode(From("198.51.100.20"), "0912345678", Same).ok());
  EXPECT_TRUE(
      accounts_
          ->ResetPassword(From("198.51.100.20"), {"0912345678", outbox_.LastCode(), kOtherPassword, kOtherPassword})
          .ok());
  const auto again = accounts_->SignInWithPassword(Anonymous(), {"0912345678", kOtherPassword});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->principal.user_id, me.principal.user_id);
}

TEST_F(AccountsTest, OneGuessPerBlockPeriodNeitherLocksTheOwnerOutNorKeepsGrowing) {
  RegisterPerson();
  const Actor attacker = From("203.0.113.9");
  int64_t longest = 0;
  // Two hours of an attacker guessing again the moment each block ends.
  constexpr int64_t kHours = 2;
  const domain::Instant end = clock_.Now().Plus(std::chrono::hours(kHours));
  while (clock_.Now().micros < end.micros) {
    const auto out = accounts_->SignInWithPassword(attacker, {"036099001234", kOtherPassword});
    if (out.kind() == ErrorKind::kRateLimited) {
      longest = std::max(longest, out.error().retry_after_seconds);
      clock_.Advance(seconds(out.error().retry_after_seconds));
      continue;
    }
    ASSERT_EQ(out.kind(), ErrorKind::kInvalid);
    ASSERT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
  }
  // The attacker's own block settles below the maximum instead of climbing to it and staying.
  EXPECT_GT(longest, 0);
  EXPECT_LT(longest, config_.security.login_max_block_seconds);
  // Once they stop, their failures age out within the window.
  clock_.Advance(seconds(config_.security.login_window_seconds + config_.security.login_max_block_seconds));
  EXPECT_TRUE(accounts_->SignInWithPassword(attacker, {"036099001234", kPassword}).ok());
}

TEST_F(AccountsTest, FailuresFromASharedAddressDoNotBlockEveryoneBehindIt) {
  // A commune office behind one NAT: thirty typos across several people, none reaching five for one account.
  constexpr int32_t kPeople = 8;
  constexpr int32_t kTyposEach = 4;
  for (int32_t i = 0; i < kPeople; ++i) {
    for (int32_t j = 0; j < kTyposEach; ++j) {
      ASSERT_EQ(accounts_->SignInWithPassword(Anonymous(), {fmt::format("0360990100{:02}", i), kOtherPassword}).kind(),
                ErrorKind::kInvalid);
    }
  }
  RegisterPerson();
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
}

TEST_F(AccountsTest, OneAddressSprayingManyAccountsIsBlocked) {
  const Actor sprayer = From("203.0.113.50");
  for (int32_t i = 0; i < config_.security.login_ip_free_failures; ++i) {
    ASSERT_EQ(accounts_->SignInWithPassword(sprayer, {fmt::format("036099{:06}", 200000 + i), kOtherPassword}).kind(),
              ErrorKind::kInvalid)
        << "attempt " << i;
  }
  EXPECT_EQ(accounts_->SignInWithPassword(sprayer, {"036099999999", kOtherPassword}).kind(), ErrorKind::kRateLimited);
  EXPECT_EQ(JournalOf("login.blocked").size(), 1U);
  EXPECT_NE(JournalOf("login.blocked").at(0).find(R"("key":"address")"), std::string::npos);
}

TEST_F(AccountsTest, ADistributedGuesserIsSlowedButTheOwnerGetsIn) {
  RegisterPerson();  // the owner's address is known to the account from now on
  ASSERT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
  for (int32_t i = 0; i < config_.security.login_account_free_failures; ++i) {
    ASSERT_EQ(
        accounts_->SignInWithPassword(From(fmt::format("203.0.{}.{}", i / 200, i % 200 + 1)), {"0912345678", "đoán"})
            .kind(),
        ErrorKind::kInvalid);
  }
  // A new address is slowed down, even with the right password...
  const auto stranger = accounts_->SignInWithPassword(From("198.51.100.77"), {"036099001234", kPassword});
  EXPECT_EQ(stranger.kind(), ErrorKind::kRateLimited);
  EXPECT_NE(JournalOf("login.blocked").back().find(R"("key":"account")"), std::string::npos);
  // ...but the owner's own address is not, and a reset code gets through from anywhere and lifts the block.
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).ok());
  ASSERT_TRUE(accounts_->RequestResetCode(From("198.51.100.77"), "036099001234", Same).ok());
  ASSERT_TRUE(
      accounts_
          ->ResetPassword(From("198.51.100.77"), {"036099001234", outbox_.LastCode(), kOtherPassword, kOtherPassword})
          .ok());
  EXPECT_TRUE(accounts_->SignInWithPassword(From("198.51.100.78"), {"036099001234", kOtherPassword}).ok());
}

TEST_F(AccountsTest, AFailedSignInJournalsTheIdentifierTried) {
  const SignedIn me = RegisterPerson();
  ASSERT_FALSE(accounts_->SignInWithPassword(Anonymous(), {"0912 345 678", kOtherPassword}).ok());
  ASSERT_FALSE(accounts_->SignInWithPassword(Anonymous(), {"036099004444", kOtherPassword}).ok());
  ASSERT_FALSE(accounts_->SignInWithPassword(Anonymous(), {"mật khẩu nhầm ô", kOtherPassword}).ok());
  const std::vector<std::string> rows = JournalOf("login.failure");
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].rfind(std::to_string(me.principal.user_id) + " ", 0), 0U) << rows[0];
  EXPECT_NE(rows[0].find(R"("identifier":"0912345678")"), std::string::npos) << rows[0];
  EXPECT_NE(rows[1].find(R"("identifier":"036099004444")"), std::string::npos) << rows[1];
  // Text that is no identifier (perhaps a password in the wrong box) is recorded by its length only.
  EXPECT_EQ(rows[2].find("nhầm"), std::string::npos) << rows[2];
  EXPECT_NE(rows[2].find("15 ký tự"), std::string::npos) << rows[2];
}

TEST_F(AccountsTest, ADisabledAccountIsRefusedOnlyWithTheRightPassword) {
  const SignedIn me = RegisterPerson();
  db_->Write([&](store::Session& s) { store::SetStatus(s, me.principal.user_id, domain::AccountStatus::kDisabled); });
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kOtherPassword}).kind(), ErrorKind::kInvalid);
}

TEST_F(AccountsTest, ATakenIdOrPhoneGetsTheSameAnswerAndItsOwnerIsTold) {
  RegisterPerson();
  const int64_t to_owner = outbox_.To("0912345678");
  NewAccount same_id;
  same_id.personal_id = "036099001234";
  same_id.phone = "0987654321";
  same_id.full_name = "Trần Thị Bình";
  NewAccount fresh = same_id;
  fresh.personal_id = "036099005678";
  fresh.phone = "0987650000";
  NewAccount same_phone = fresh;
  same_phone.phone = "0912345678";
  const auto id_taken = accounts_->Register(Anonymous(), Registration{same_id, kPassword, kPassword}, Same);
  const auto phone_taken = accounts_->Register(Anonymous(), Registration{same_phone, kPassword, kPassword}, Same);
  const auto unclaimed = accounts_->Register(Anonymous(), Registration{fresh, kPassword, kPassword}, Same);
  // The same answer for all three: a registration waiting for its code, naming the phone typed.
  ASSERT_TRUE(id_taken.ok());
  ASSERT_TRUE(phone_taken.ok());
  ASSERT_TRUE(unclaimed.ok());
  EXPECT_EQ(id_taken->phone, "0987654321");
  EXPECT_EQ(phone_taken->phone, "0912345678");
  EXPECT_EQ(id_taken->token.size(), unclaimed->token.size());
  // The same work too: a journal entry each, and a pending row each holding an argon2id hash of the password (the
  // hash pool ran for the taken ones as well).
  EXPECT_EQ(JournalOf("account.register_started").size(), 4U);  // RegisterPerson's included
  db_->Read([&](store::Session& s) {
    const store::Rows rows =
        s.Query("SELECT password_hash, delivered FROM pending_registrations WHERE done_at IS NULL");
    ASSERT_EQ(rows.size(), 3U);
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_TRUE(rows[i].Text(0).starts_with("$argon2id$")) << "registration " << i;
    }
    EXPECT_EQ(rows[0].Int(1) + rows[1].Int(1) + rows[2].Int(1), 1);  // only the free one was texted a code
  });
  // No code goes to a phone typed with a taken ID; the owner of the ID (and of the phone) is told instead.
  EXPECT_EQ(outbox_.To("0987654321"), 0);
  EXPECT_EQ(outbox_.To("0912345678"), to_owner + 2);
  EXPECT_EQ(outbox_.To("0987650000"), 1);
  // Whatever code is tried, a taken registration never creates an account.
  for (const std::string& code : std::vector<std::string>{"000000", "123456", outbox_.LastCode()}) {
    EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {id_taken->token, code}).kind(), ErrorKind::kInvalid);
  }
  const auto mismatch = accounts_->Register(Anonymous(), Registration{same_phone, kPassword, kOtherPassword}, Same);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(mismatch.error().fields.at(0).field, "mat_khau_2");
}

TEST_F(AccountsTest, TheOwnerOfATakenIdIsToldButNotFlooded) {
  RegisterPerson();
  const int64_t before = outbox_.To("0912345678");
  NewAccount same_id;
  same_id.personal_id = "036099001234";
  same_id.phone = "0987654321";
  same_id.full_name = "Trần Thị Bình";
  constexpr int32_t kTries = 6;
  for (int32_t i = 0; i < kTries; ++i) {
    ASSERT_TRUE(
        accounts_
            ->Register(From(fmt::format("198.51.100.{}", i + 1)), Registration{same_id, kPassword, kPassword}, Same)
            .ok());
  }
  EXPECT_EQ(outbox_.To("0912345678") - before, Accounts::kFreeCodeRequests);
  EXPECT_EQ(JournalOf("account.register_started").size(), 1U + kTries);
}

TEST_F(AccountsTest, RegistrationCreatesTheAccountOnlyOnceThePhoneIsConfirmed) {
  NewAccount person;
  person.personal_id = "036099001234";
  person.phone = "0912345678";
  person.full_name = "Nguyễn Văn An";
  const auto pending = accounts_->Register(Anonymous(), Registration{person, kPassword, kPassword}, Same);
  ASSERT_TRUE(pending.ok());
  const std::string first_code = outbox_.LastCode();
  ASSERT_EQ(first_code.size(), 6U);
  // Nothing exists yet: the password does not sign in.
  EXPECT_EQ(accounts_->SignInWithPassword(Anonymous(), {"036099001234", kPassword}).kind(), ErrorKind::kInvalid);
  // Five wrong codes use the code up; the right one is refused after them.
  const std::string wrong = first_code == "000000" ? "111111" : "000000";
  for (int32_t i = 0; i < Accounts::kMaxCodeAttempts; ++i) {
    EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {pending->token, wrong}).kind(), ErrorKind::kInvalid);
  }
  EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {pending->token, first_code}).kind(), ErrorKind::kInvalid);
  // A new code (resent) works until it expires; the old one does not.
  const auto resent = accounts_->ResendRegistrationCode(Anonymous(), pending->token, Same);
  ASSERT_TRUE(resent.ok());
  const std::string second_code = outbox_.LastCode();
  clock_.Advance(seconds(domain::kResetSeconds + 1));
  EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {pending->token, second_code}).kind(), ErrorKind::kInvalid);
  ASSERT_TRUE(accounts_->ResendRegistrationCode(Anonymous(), pending->token, Same).ok());
  const std::string third_code = outbox_.LastCode();
  // Three codes in all: no fourth.
  EXPECT_EQ(accounts_->ResendRegistrationCode(Anonymous(), pending->token, Same).kind(), ErrorKind::kInvalid);
  EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {"another-token", third_code}).kind(), ErrorKind::kInvalid);
  const auto done = accounts_->ConfirmRegistration(
      Anonymous(), {pending->token, third_code.substr(0, 3) + " " + third_code.substr(3)});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_TRUE(sessions_->Find(done->session.token).has_value());
  EXPECT_TRUE(accounts_->SignInWithPassword(Anonymous(), {"0912345678", kPassword}).ok());
  // Used once.
  EXPECT_EQ(accounts_->ConfirmRegistration(Anonymous(), {pending->token, third_code}).kind(), ErrorKind::kInvalid);
}

TEST_F(AccountsTest, RegistrationsAndCodeRequestsAreLimitedPerAddress) {
  const int32_t limit = config_.security.address_free_requests;
  for (int32_t i = 0; i < limit; ++i) {
    NewAccount person;
    person.personal_id = fmt::format("0360990{:05}", i);
    person.phone = fmt::format("09120{:05}", i);
    person.full_name = "Nguyễn Văn An";
    const auto pending = accounts_->Register(Anonymous(), Registration{person, kPassword, kPassword}, Same);
    ASSERT_TRUE(pending.ok()) << "registration " << i;
  }
  NewAccount more;
  more.personal_id = "036099099999";
  more.phone = "0912099999";
  more.full_name = "Nguyễn Văn An";
  const auto refused = accounts_->Register(Anonymous(), Registration{more, kPassword, kPassword}, Same);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.kind(), ErrorKind::kRateLimited);
  EXPECT_GT(refused.error().retry_after_seconds, 0);
  // Reset codes count against the same allowance, known accounts or not.
  const auto reset = accounts_->RequestResetCode(Anonymous(), "0912000001", Same);
  EXPECT_EQ(reset.kind(), ErrorKind::kRateLimited);
  // Another address is not held back.
  EXPECT_TRUE(accounts_->Register(From("198.51.100.4"), Registration{more, kPassword, kPassword}, Same).ok());
}

TEST_F(AccountsTest, AResetCodeWorksOnceAndNotAfterItExpires) {
  const SignedIn me = RegisterPerson();
  const Translate same = [](std::string_view msgid) { return std::string(msgid); };
  const size_t before = outbox_.size();
  ASSERT_TRUE(accounts_->RequestResetCode(Anonymous(), "0912345678", same).ok());
  ASSERT_EQ(outbox_.size(), before + 1);
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

TEST_F(AccountsTest, AResetRequestForAMissingAccountDoesTheSameWorkAsForAKnownOne) {
  RegisterPerson();
  const auto known = accounts_->RequestResetCode(From("198.51.100.5"), "0912345678", Same);
  const auto missing = accounts_->RequestResetCode(From("198.51.100.5"), "0900000000", Same);
  ASSERT_TRUE(known.ok());
  ASSERT_TRUE(missing.ok());
  // Both went through the same write: a journal entry each, and each counted against the address.
  const std::vector<std::string> rows = JournalOf("password.reset_requested");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_NE(rows[1].find(R"("identifier":"0900000000")"), std::string::npos) << rows[1];
  for (int32_t i = 2; i < config_.security.address_free_requests; ++i) {
    ASSERT_TRUE(accounts_->RequestResetCode(From("198.51.100.5"), fmt::format("09000001{:02}", i), Same).ok());
  }
  EXPECT_EQ(accounts_->RequestResetCode(From("198.51.100.5"), "0912345678", Same).kind(), ErrorKind::kRateLimited);
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
