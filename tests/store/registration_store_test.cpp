//! Registrations waiting for their phone code (pending_registrations), on every engine.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "store/migrations.hpp"
#include "store/registration_store.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::OpenTestDatabase;

constexpr int64_t kNow = 1767225600;  // 2026-01-01 00:00 UTC
constexpr int64_t kCodeSeconds = 900;
constexpr int64_t kDay = 86400;

NewAccount Typed() {
  NewAccount a;
  a.personal_id = "036099001234";
  a.phone = "0912345678";
  a.email = "an@example.vn";
  a.full_name = "Nguyễn Văn An";
  a.date_of_birth = "1999-03-27";
  a.password_hash = "$argon2id$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA";
  return a;
}

class RegistrationStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }

  std::optional<PendingRegistration> Find(const std::string& token_hash) {
    std::optional<PendingRegistration> out;
    db().Read([&](Session& s) { out = FindPendingRegistration(s, token_hash); });
    return out;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(RegistrationStoreTest, WhatWasTypedRoundTripsUntilTheRegistrationIsFinished) {
  const domain::Instant now = domain::Instant::FromSeconds(kNow);
  const domain::Instant expires = domain::Instant::FromSeconds(kNow + kCodeSeconds);
  db().Write([&](Session& s) { InsertPendingRegistration(s, "tok-1", Typed(), "code-1", true, now, expires); });
  db().Write([&](Session& s) { InsertPendingRegistration(s, "tok-2", Typed(), "code-2", false, now, expires); });
  const auto found = Find("tok-1");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->account.personal_id, "036099001234");
  EXPECT_EQ(found->account.phone, "0912345678");
  EXPECT_EQ(found->account.email, "an@example.vn");
  EXPECT_EQ(found->account.full_name, "Nguyễn Văn An");
  EXPECT_EQ(found->account.date_of_birth, "1999-03-27");
  EXPECT_EQ(found->account.password_hash, Typed().password_hash);
  EXPECT_EQ(found->code_hash, "code-1");
  EXPECT_TRUE(found->delivered);
  EXPECT_EQ(found->attempts, 0);
  EXPECT_EQ(found->sends, 1);
  EXPECT_EQ(found->expires_at.micros, expires.micros);
  EXPECT_FALSE(Find("tok-2")->delivered);
  EXPECT_FALSE(Find("tok-3").has_value());

  db().Write([&](Session& s) {
    const auto locked = LockPendingRegistration(s, "tok-1");
    ASSERT_TRUE(locked.has_value());
    CountPendingAttempt(s, locked->id);
    CountPendingAttempt(s, locked->id);
  });
  EXPECT_EQ(Find("tok-1")->attempts, 2);
  const domain::Instant later = domain::Instant::FromSeconds(kNow + kCodeSeconds + kCodeSeconds);
  db().Write([&](Session& s) { ReplacePendingCode(s, Find("tok-1")->id, "code-1b", later); });
  const auto resent = Find("tok-1");
  EXPECT_EQ(resent->code_hash, "code-1b");
  EXPECT_EQ(resent->attempts, 0);
  EXPECT_EQ(resent->sends, 2);
  EXPECT_EQ(resent->expires_at.micros, later.micros);
  EXPECT_EQ(Find("tok-2")->code_hash, "code-2");  // the other one is untouched

  db().Write([&](Session& s) { FinishPendingRegistration(s, resent->id, now); });
  EXPECT_FALSE(Find("tok-1").has_value());
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT password_hash, code_hash FROM pending_registrations WHERE token_hash = 'tok-1'");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Text(0), "");  // the hash is not kept once the account holds it
    EXPECT_EQ(rows[0].Text(1), "");
  });
}

TEST_F(RegistrationStoreTest, ATokenNamesOneRegistration) {
  const domain::Instant now = domain::Instant::FromSeconds(kNow);
  db().Write([&](Session& s) { InsertPendingRegistration(s, "tok", Typed(), "c", true, now, now); });
  EXPECT_THROW(db().Write([&](Session& s) { InsertPendingRegistration(s, "tok", Typed(), "d", true, now, now); }),
               DatabaseError);
  EXPECT_EQ(Find("tok")->code_hash, "c");
}

TEST_F(RegistrationStoreTest, PurgeRemovesOnlyRegistrationsExpiredBeforeTheCutOff) {
  const domain::Instant now = domain::Instant::FromSeconds(kNow);
  db().Write([&](Session& s) {
    InsertPendingRegistration(s, "old", Typed(), "c", true, now, domain::Instant::FromSeconds(kNow - kDay - 1));
    InsertPendingRegistration(s, "recent", Typed(), "c", true, now, domain::Instant::FromSeconds(kNow - 1));
    InsertPendingRegistration(s, "live", Typed(), "c", true, now, domain::Instant::FromSeconds(kNow + kCodeSeconds));
  });
  int64_t purged = 0;
  db().Write([&](Session& s) { purged = PurgePendingRegistrations(s, domain::Instant::FromSeconds(kNow - kDay)); });
  EXPECT_EQ(purged, 1);
  EXPECT_FALSE(Find("old").has_value());
  EXPECT_TRUE(Find("recent").has_value());
  EXPECT_TRUE(Find("live").has_value());
}

}  // namespace
}  // namespace motcua::store
