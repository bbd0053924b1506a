//! Accounts, roles, sessions, one-time codes, API tokens, throttling, organisations, the dev mailbox and the
//! installation secret, on every engine.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <latch>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/account_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::AccountStatus;
using domain::Grant;
using domain::Role;
using testing_support::OpenTestDatabase;

constexpr int64_t kNow = 1767225600;  // 2026-01-01 00:00 UTC
constexpr const char* kProvince = "000.00.00.H40";
constexpr const char* kDistrict = "000.00.01.H40";
constexpr const char* kCommune = "000.01.01.H40";

//! A new installation secret, different at every call (the service layer makes a random one of 43 characters), so
//! that callers agreeing on one value proves the first stored secret wins.
std::string FreshSecret() {
  static std::atomic<int64_t> counter{0};
  return fmt::format("{:043d}", counter.fetch_add(1));
}
const std::function<std::string()> kFreshSecret = FreshSecret;

NewAccount Person(std::string personal_id, std::string phone = "", std::string name = "Nguyễn Văn An") {
  NewAccount a;
  a.personal_id = std::move(personal_id);
  a.phone = std::move(phone);
  a.full_name = std::move(name);
  a.date_of_birth = "1999-05-17";
  a.password_hash = "$argon2id$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA";
  return a;
}

NewAccount OfficerAccount(std::string login_name, std::string name = "Phạm Thị Hoa") {
  NewAccount a;
  a.login_name = std::move(login_name);
  a.full_name = std::move(name);
  a.password_hash = "$argon2id$v=19$m=8192,t=1,p=1$c2FsdA$b2ZmaWNlcg";
  return a;
}

class AccountStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
    Sql("INSERT INTO agencies (code, name, short_name, parent_code, level) VALUES "
        "(?, 'UBND tỉnh', 'Tỉnh', NULL, 'province'), (?, 'UBND huyện', 'Huyện', ?, 'district'), "
        "(?, 'UBND xã', 'Xã', ?, 'commune')",
        {kProvince, kDistrict, kProvince, kCommune, kDistrict});
  }
  Database& db() { return test_->db(); }

  void Sql(std::string_view sql, const Params& params = {}) {
    db().Write([&](Session& s) { s.Exec(sql, params); });
  }
  int64_t Count(std::string_view table) {
    int64_t n = -1;
    db().Read([&](Session& s) { n = s.Query(fmt::format("SELECT COUNT(*) FROM {}", table))[0].Int(0); });
    return n;
  }
  //! Runs `fn` in a read transaction and returns its result.
  template <typename Fn>
  auto Read(Fn fn) {
    std::optional<decltype(fn(std::declval<Session&>()))> out;
    db().Read([&](Session& s) { out.emplace(fn(s)); });
    return std::move(*out);
  }
  //! Runs `fn` in a write job and returns its result.
  template <typename Fn>
  auto Write(Fn fn) {
    std::optional<decltype(fn(std::declval<Session&>()))> out;
    db().Write([&](Session& s) { out.emplace(fn(s)); });
    return std::move(*out);
  }
  int64_t Add(const NewAccount& a, int64_t now = kNow) {
    return Write([&](Session& s) { return InsertAccount(s, a, domain::Instant::FromSeconds(now)); });
  }
  std::optional<domain::Account> Find(int64_t id) {
    return Read([&](Session& s) { return FindAccount(s, id); });
  }
  void AddSession(int64_t user_id, std::string hash, std::string public_id, int64_t now, int64_t expires_at) {
    NewSession n;
    n.id_hash = std::move(hash);
    n.public_id = std::move(public_id);
    n.user_id = user_id;
    n.expires_at = domain::Instant::FromSeconds(expires_at);
    n.ip = "192.0.2.7";
    n.user_agent = "Mozilla/5.0 (X11; Linux x86_64)";
    db().Write([&](Session& s) { InsertSession(s, n, domain::Instant::FromSeconds(now)); });
  }
  //! Idle limit long enough not to matter, for tests about other rules.
  static constexpr int64_t kNoIdleLimit = int64_t{1} << 40;
  std::vector<std::string> SessionIds(int64_t user_id, int64_t now, int64_t idle = kNoIdleLimit) {
    std::vector<std::string> ids;
    for (const domain::SessionInfo& info :
         Read([&](Session& s) { return ListSessions(s, user_id, domain::Instant::FromSeconds(now), idle); })) {
      ids.push_back(info.public_id);
    }
    return ids;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

// --- Accounts -------------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, AnAccountRoundTrips) {
  const int64_t officer = Add(OfficerAccount("hoa.pt"));
  NewAccount a = Person("036099001234", "0912345678");
  a.email = "an.nguyen@example.com";
  a.status = AccountStatus::kPending;
  a.created_by = officer;
  a.password_hash = "";
  const int64_t id = Add(a, kNow + 5);
  EXPECT_NE(id, officer);
  const auto found = Find(id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->personal_id, "036099001234");
  EXPECT_EQ(found->phone, "0912345678");
  EXPECT_EQ(found->login_name, "");
  EXPECT_EQ(found->email, "an.nguyen@example.com");
  EXPECT_EQ(found->full_name, "Nguyễn Văn An");
  EXPECT_EQ(found->date_of_birth, "1999-05-17");
  EXPECT_EQ(found->password_hash, "");
  EXPECT_EQ(found->status, AccountStatus::kPending);
  EXPECT_EQ(found->created_at, kNow + 5);
  EXPECT_EQ(found->created_by, officer);
  EXPECT_EQ(found->last_login_at, std::nullopt);
  EXPECT_TRUE(found->grants.empty());

  const auto self = Find(officer);
  ASSERT_TRUE(self);
  EXPECT_EQ(self->login_name, "hoa.pt");
  EXPECT_EQ(self->personal_id, "");
  EXPECT_EQ(self->created_by, std::nullopt);
  EXPECT_EQ(self->status, AccountStatus::kActive);

  db().Write([&](Session& s) { RecordLogin(s, id, domain::Instant::FromSeconds(kNow + 60)); });
  EXPECT_EQ(Find(id)->last_login_at, kNow + 60);
  EXPECT_EQ(Find(id + officer + 100), std::nullopt);
}

TEST_F(AccountStoreTest, MissingIdentifiersAreNullSoManyAccountsMayLackThem) {
  // Neither officer has a personal ID or phone; person accounts have no login name. None collide.
  const int64_t a = Add(OfficerAccount("officer.a"));
  const int64_t b = Add(OfficerAccount("officer.b"));
  const int64_t c = Add(Person("036099001234"));
  const int64_t d = Add(Person("036099005678"));
  EXPECT_EQ((std::set<int64_t>{a, b, c, d}).size(), 4U);
  EXPECT_EQ(Count("users"), 4);
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT COUNT(*) FROM users WHERE phone IS NULL")[0].Int(0), 4);
    EXPECT_EQ(s.Query("SELECT COUNT(*) FROM users WHERE personal_id IS NULL")[0].Int(0), 2);
  });
}

TEST_F(AccountStoreTest, AnAccountWithoutAnyIdentifierIsRefusedAndUndone) {
  NewAccount nobody;
  nobody.full_name = "Không Tên";
  EXPECT_THROW(Add(nobody), DatabaseError);
  EXPECT_EQ(Count("users"), 0);
}

struct ConflictCase {
  NewAccount candidate;
  bool except_existing;
  Conflict expected;
};

TEST_F(AccountStoreTest, FindConflictNamesTheFirstDuplicatedColumn) {
  NewAccount existing = Person("036099001234", "0912345678");
  existing.login_name = "an.nv";
  const int64_t id = Add(existing);
  Add(OfficerAccount("other"));
  auto make = [](std::string pid, std::string phone, std::string login) {
    NewAccount a;
    a.personal_id = std::move(pid);
    a.phone = std::move(phone);
    a.login_name = std::move(login);
    a.full_name = "Ai Đó";
    return a;
  };
  // clang-format off
  const std::vector<ConflictCase> cases = {
      {make("036099001234", "",           ""),        false, Conflict::kPersonalId},
      {make("",             "0912345678", ""),        false, Conflict::kPhone},
      {make("",             "",           "an.nv"),   false, Conflict::kLoginName},
      {make("",             "",           "other"),   false, Conflict::kLoginName},
      {make("036099009999", "0987654321", "new.one"), false, Conflict::kNone},
      {make("",             "",           ""),        false, Conflict::kNone},   // empty never conflicts with NULL
      {make("036099001234", "0912345678", "an.nv"),   false, Conflict::kPersonalId},
      {make("036099009999", "0912345678", "an.nv"),   false, Conflict::kPhone},
      {make("036099009999", "0987654321", "an.nv"),   false, Conflict::kLoginName},
      {make("036099001234", "0912345678", "an.nv"),   true,  Conflict::kNone},   // the account itself
      {make("036099001234", "0912345678", "other"),   true,  Conflict::kLoginName},
      {make("AN.NV",        "",           ""),        false, Conflict::kNone},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    const Conflict got =
        Read([&](Session& s) { return FindConflict(s, cases[i].candidate, cases[i].except_existing ? id : 0); });
    EXPECT_EQ(got, cases[i].expected) << "case " << i;
  }
}

TEST_F(AccountStoreTest, FindAccountByLoginByIdNumberPhoneOrLoginName) {
  const int64_t person = Add(Person("036099001234", "0912345678"));
  const int64_t officer = Add(OfficerAccount("hoa.pt"));
  struct Case {
    std::string personal_id;
    std::string phone;
    std::string login;
    std::optional<int64_t> expected;
  };
  // clang-format off
  const std::vector<Case> cases = {
      {"036099001234", "",           "",             person},
      {"",             "0912345678", "",             person},
      {"",             "",           "hoa.pt",       officer},
      {"036099001234", "",           "hoa.pt",       person},   // the ID number is asked first
      {"036099009999", "0912345678", "",             std::nullopt},  // only the first given is asked
      {"",             "",           "",             std::nullopt},
      {"036099009999", "",           "",             std::nullopt},
      {"",             "0987654321", "",             std::nullopt},
      {"",             "",           "036099001234", std::nullopt},  // an ID number is not a login name
      {"",             "",           "HOA.PT",       std::nullopt},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    const auto found =
        Read([&](Session& s) { return FindAccountByLogin(s, cases[i].personal_id, cases[i].phone, cases[i].login); });
    EXPECT_EQ(found ? std::optional<int64_t>(found->id) : std::nullopt, cases[i].expected) << "case " << i;
  }
}

TEST_F(AccountStoreTest, SetPasswordActivatesAPendingAccountOnly) {
  NewAccount pending = Person("036099001234");
  pending.password_hash = "";
  pending.status = AccountStatus::kPending;
  const int64_t p = Add(pending);
  const int64_t active = Add(Person("036099005678"));
  NewAccount off = Person("036099007777");
  off.status = AccountStatus::kDisabled;
  const int64_t disabled = Add(off);
  db().Write([&](Session& s) {
    SetPassword(s, p, "hash-p", domain::Instant::FromSeconds(kNow + 1));
    SetPassword(s, active, "hash-a", domain::Instant::FromSeconds(kNow + 1));
    SetPassword(s, disabled, "hash-d", domain::Instant::FromSeconds(kNow + 1));
  });
  EXPECT_EQ(Find(p)->status, AccountStatus::kActive);
  EXPECT_EQ(Find(p)->password_hash, "hash-p");
  EXPECT_EQ(Find(active)->status, AccountStatus::kActive);
  EXPECT_EQ(Find(active)->password_hash, "hash-a");
  EXPECT_EQ(Find(disabled)->status, AccountStatus::kDisabled);  // a new password does not undo an administrator
  EXPECT_EQ(Find(disabled)->password_hash, "hash-d");
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT password_changed_at FROM users WHERE id = ?", {p})[0].Int(0),
              domain::Instant::FromSeconds(kNow + 1).micros);  // stored in microseconds
  });
}

TEST_F(AccountStoreTest, ReplacePasswordHashAndSetStatus) {
  const int64_t id = Add(Person("036099001234"));
  db().Write([&](Session& s) { ReplacePasswordHash(s, id, "rehashed"); });
  EXPECT_EQ(Find(id)->password_hash, "rehashed");
  for (const AccountStatus status : {AccountStatus::kDisabled, AccountStatus::kPending, AccountStatus::kActive}) {
    db().Write([&](Session& s) { SetStatus(s, id, status); });
    EXPECT_EQ(Find(id)->status, status);
  }
}

TEST_F(AccountStoreTest, FindPeopleByIdNumberOrPhoneExactly) {
  const int64_t a = Add(Person("036099001234", "0912345678"));
  const int64_t b = Add(Person("036099005678", "0987654321"));
  Add(OfficerAccount("0912345678"));  // a login name is not a phone
  auto ids = [&](std::string key) {
    std::vector<int64_t> out;
    for (const domain::Account& acc : Read([&](Session& s) { return FindPeople(s, key); })) {
      out.push_back(acc.id);
    }
    return out;
  };
  EXPECT_EQ(ids("036099001234"), std::vector<int64_t>{a});
  EXPECT_EQ(ids("0987654321"), std::vector<int64_t>{b});
  EXPECT_EQ(ids("0912345678"), std::vector<int64_t>{a});
  EXPECT_TRUE(ids("03609900").empty());
  EXPECT_TRUE(ids("").empty());
}

TEST_F(AccountStoreTest, InsertUnlessTakenNamesTheTakenValueInsteadOfInserting) {
  const int64_t first = Add(Person("036099001234", "0912345678"));
  db().Write([&](Session& s) {
    const Created again = InsertAccountUnlessTaken(s, Person("036099001234"), domain::Instant::FromSeconds(kNow));
    EXPECT_EQ(again.id, 0);
    EXPECT_EQ(again.conflict, Conflict::kPersonalId);
    const Created fresh = InsertAccountUnlessTaken(s, Person("036099005678"), domain::Instant::FromSeconds(kNow));
    EXPECT_GT(fresh.id, first);
    EXPECT_EQ(fresh.conflict, Conflict::kNone);
  });
  EXPECT_EQ(Count("users"), 2);
}

// SQLite runs one write at a time, so only PostgreSQL can interleave two creations of the same account.
TEST(PostgresOnly, AnAccountTakenByAConcurrentRequestIsAConflictNotAFailure) {
  if (testing_support::Env(testing_support::kEngineEnv) != "postgres") {
    GTEST_SKIP() << "PostgreSQL only";
  }
  auto test = testing_support::OpenTestDatabase();
  Database& db = test->db();
  Migrate(db);
  // The job's own check passes, then another request commits the same ID number before the job's insert: the
  // database refuses the insert, and the answer is the conflict a person can act on, not a failure.
  const NewAccount wanted = Person("036099001234");
  const Conflict conflict = WriteAccountCreation(db, wanted, [&](Session& s) {
    EXPECT_EQ(FindConflict(s, wanted), Conflict::kNone);
    std::thread([&] {
      db.Write([&](Session& other) {
        InsertAccount(other, Person("036099001234", "0912000099"), domain::Instant::FromSeconds(kNow));
      });
    }).join();
    InsertAccount(s, wanted, domain::Instant::FromSeconds(kNow));
    return Conflict::kNone;
  });
  EXPECT_EQ(conflict, Conflict::kPersonalId);
  // Any other failure still fails.
  NewAccount nobody;
  nobody.full_name = "Không Tên";
  EXPECT_THROW(WriteAccountCreation(db, nobody,
                                    [&](Session& s) {
                                      InsertAccount(s, nobody, domain::Instant::FromSeconds(kNow));
                                      return Conflict::kNone;
                                    }),
               DatabaseError);
}

TEST_F(AccountStoreTest, ADuplicatePersonalIdThrowsAndLeavesNothing) {
  Add(Person("036099001234", "0912345678"));
  EXPECT_THROW(Add(Person("036099001234")), DatabaseError);
  EXPECT_THROW(Add(Person("036099009999", "0912345678")), DatabaseError);
  Add(OfficerAccount("hoa.pt"));
  EXPECT_THROW(Add(OfficerAccount("hoa.pt")), DatabaseError);
  EXPECT_EQ(Count("users"), 2);
  // A job that inserted a good account before the duplicate is undone as a whole.
  EXPECT_THROW(db().Write([&](Session& s) {
    InsertAccount(s, Person("036099005678"), domain::Instant::FromSeconds(kNow));
    InsertAccount(s, Person("036099001234"), domain::Instant::FromSeconds(kNow));
  }),
               DatabaseError);
  EXPECT_EQ(Count("users"), 2);
  EXPECT_EQ(Read([&](Session& s) { return FindAccountByLogin(s, "036099005678", "", ""); }), std::nullopt);
  // The store still works afterwards.
  Add(Person("036099005678"));
  EXPECT_EQ(Count("users"), 3);
}

// --- Roles ----------------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, GrantsAddRemoveAndLoadInOrderWithTheirFields) {
  const int64_t admin = Add(OfficerAccount("admin", "Quản trị"));
  const int64_t id = Add(OfficerAccount("hoa.pt"));
  auto add = [&](Grant g) {
    return Write([&](Session& s) { return AddGrant(s, id, g, admin, domain::Instant::FromSeconds(kNow)); });
  };
  EXPECT_TRUE(add({Role::kSpecialist, kDistrict, {"ho-tich", "dat-dai"}}));
  EXPECT_TRUE(add({Role::kDeskOfficer, kDistrict, {}}));
  EXPECT_TRUE(add({Role::kClerk, kCommune, {"tu-phap"}}));
  EXPECT_TRUE(add({Role::kAgencyAdmin, kProvince, {}}));
  EXPECT_FALSE(add({Role::kDeskOfficer, kDistrict, {"other"}}));  // already held there
  EXPECT_EQ(Count("officer_roles"), 4);

  // By agency code, then role code.
  const std::vector<Grant> grants = Find(id)->grants;
  ASSERT_EQ(grants.size(), 4U);
  EXPECT_EQ(grants[0].agency_code, kProvince);
  EXPECT_EQ(grants[0].role, Role::kAgencyAdmin);
  EXPECT_EQ(grants[1].agency_code, kDistrict);
  EXPECT_EQ(grants[1].role, Role::kDeskOfficer);
  EXPECT_TRUE(grants[1].fields.empty());
  EXPECT_EQ(grants[2].agency_code, kDistrict);
  EXPECT_EQ(grants[2].role, Role::kSpecialist);
  EXPECT_EQ(grants[2].fields, (std::vector<std::string>{"ho-tich", "dat-dai"}));
  EXPECT_EQ(grants[3].agency_code, kCommune);
  EXPECT_EQ(grants[3].role, Role::kClerk);
  EXPECT_EQ(grants[3].fields, (std::vector<std::string>{"tu-phap"}));
  db().Read([&](Session& s) {
    const Rows rows =
        s.Query("SELECT granted_at, granted_by FROM officer_roles WHERE user_id = ? AND role = 'clerk'", {id});
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Int(0), domain::Instant::FromSeconds(kNow).micros);  // stored in microseconds
    EXPECT_EQ(rows[0].OptInt(1), admin);
  });

  auto remove = [&](Role role, std::string agency) {
    return Write([&](Session& s) { return RemoveGrant(s, id, role, agency); });
  };
  EXPECT_TRUE(remove(Role::kSpecialist, kDistrict));
  EXPECT_FALSE(remove(Role::kSpecialist, kDistrict));
  EXPECT_FALSE(remove(Role::kClerk, kDistrict));  // held elsewhere, not here
  EXPECT_FALSE(Write([&](Session& s) { return RemoveGrant(s, admin, Role::kClerk, kCommune); }));  // another account
  EXPECT_EQ(Find(id)->grants.size(), 3U);
  EXPECT_TRUE(Find(admin)->grants.empty());
}

TEST_F(AccountStoreTest, AGrantAtAnUnknownAgencyIsRefused) {
  const int64_t id = Add(OfficerAccount("hoa.pt"));
  EXPECT_THROW(
      Write([&](Session& s) {
        return AddGrant(s, id, {Role::kDeskOfficer, "000.00.99.H40", {}}, {}, domain::Instant::FromSeconds(kNow));
      }),
      DatabaseError);
  EXPECT_EQ(Count("officer_roles"), 0);
}

TEST_F(AccountStoreTest, ListOfficersOnlyThoseWithRolesByName) {
  const int64_t b = Add(OfficerAccount("b", "Trần Văn Bình"));
  const int64_t a = Add(OfficerAccount("a", "Lê Thị An"));
  Add(OfficerAccount("c", "Không Có Vai Trò"));
  Add(Person("036099001234"));
  db().Write([&](Session& s) {
    AddGrant(s, b, {Role::kDeskOfficer, kCommune, {}}, std::nullopt, domain::Instant::FromSeconds(kNow));
    AddGrant(s, a, {Role::kSystemAdmin, kProvince, {}}, std::nullopt, domain::Instant::FromSeconds(kNow));
    AddGrant(s, a, {Role::kClerk, kDistrict, {}}, std::nullopt, domain::Instant::FromSeconds(kNow));
  });
  const std::vector<domain::Account> officers = Read([&](Session& s) { return ListOfficers(s); });
  ASSERT_EQ(officers.size(), 2U);
  EXPECT_EQ(officers[0].id, a);
  EXPECT_EQ(officers[0].grants.size(), 2U);
  EXPECT_EQ(officers[1].id, b);
  EXPECT_EQ(officers[1].grants.size(), 1U);
}

// --- Sessions -------------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, ALiveSessionIsFoundAnExpiredOrRevokedOneIsNot) {
  const int64_t id = Add(Person("036099001234"));
  AddSession(id, "hash-1", "pub-1", kNow, kNow + 3600);
  const auto found =
      Read([&](Session& s) { return FindSession(s, "hash-1", domain::Instant::FromSeconds(kNow + 10)); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->public_id, "pub-1");
  EXPECT_EQ(found->user_id, id);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->last_seen_at, kNow);
  EXPECT_EQ(found->expires_at, kNow + 3600);
  EXPECT_EQ(found->ip, "192.0.2.7");
  EXPECT_EQ(found->user_agent, "Mozilla/5.0 (X11; Linux x86_64)");

  auto live = [&](std::string hash, int64_t now) {
    return Read([&](Session& s) { return FindSession(s, hash, domain::Instant::FromSeconds(now)); }).has_value();
  };
  EXPECT_TRUE(live("hash-1", kNow + 3599));
  EXPECT_FALSE(live("hash-1", kNow + 3600));  // the absolute limit
  EXPECT_FALSE(live("hash-2", kNow));
  EXPECT_FALSE(live("pub-1", kNow));  // the public id is not the cookie

  db().Write([&](Session& s) { TouchSession(s, "hash-1", domain::Instant::FromSeconds(kNow + 100)); });
  EXPECT_EQ(Read([&](Session& s) {
              return FindSession(s, "hash-1", domain::Instant::FromSeconds(kNow + 101));
            })->last_seen_at,
            kNow + 100);

  db().Write([&](Session& s) { RevokeSessionByHash(s, "hash-1", domain::Instant::FromSeconds(kNow + 200)); });
  EXPECT_FALSE(live("hash-1", kNow + 201));
  db().Write([&](Session& s) {
    RevokeSessionByHash(s, "hash-1", domain::Instant::FromSeconds(kNow + 300));
  });  // again: nothing changes
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT revoked_at FROM sessions WHERE id_hash = 'hash-1'")[0].Int(0),
              domain::Instant::FromSeconds(kNow + 200).micros);  // stored in microseconds
  });
}

TEST_F(AccountStoreTest, OnlyTheOwnerRevokesASessionByItsPublicId) {
  const int64_t owner = Add(Person("036099001234"));
  const int64_t intruder = Add(Person("036099005678"));
  AddSession(owner, "hash-o", "pub-o", kNow, kNow + 3600);
  AddSession(intruder, "hash-i", "pub-i", kNow, kNow + 3600);
  auto revoke = [&](std::string public_id, int64_t user) {
    return Write([&](Session& s) { return RevokeSession(s, public_id, user, domain::Instant::FromSeconds(kNow + 1)); });
  };
  EXPECT_FALSE(revoke("pub-o", intruder));  // someone else's session id in a form: refused
  EXPECT_TRUE(
      Read([&](Session& s) { return FindSession(s, "hash-o", domain::Instant::FromSeconds(kNow + 2)); }).has_value());
  EXPECT_FALSE(revoke("pub-x", owner));
  EXPECT_FALSE(revoke("hash-o", owner));  // the cookie hash is not a public id
  EXPECT_TRUE(revoke("pub-o", owner));
  EXPECT_FALSE(
      Read([&](Session& s) { return FindSession(s, "hash-o", domain::Instant::FromSeconds(kNow + 2)); }).has_value());
  EXPECT_FALSE(revoke("pub-o", owner));  // already revoked
  EXPECT_TRUE(
      Read([&](Session& s) { return FindSession(s, "hash-i", domain::Instant::FromSeconds(kNow + 2)); }).has_value());
}

TEST_F(AccountStoreTest, RevokeSessionsEndsAllButTheOneKept) {
  const int64_t id = Add(Person("036099001234"));
  const int64_t other = Add(Person("036099005678"));
  AddSession(id, "h1", "p1", kNow, kNow + 3600);
  AddSession(id, "h2", "p2", kNow + 1, kNow + 3600);
  AddSession(id, "h3", "p3", kNow + 2, kNow + 3600);
  AddSession(other, "h4", "p4", kNow, kNow + 3600);
  EXPECT_EQ(Write([&](Session& s) { return RevokeSessions(s, id, domain::Instant::FromSeconds(kNow + 10), "p2"); }), 2);
  EXPECT_EQ(SessionIds(id, kNow + 11), std::vector<std::string>{"p2"});
  EXPECT_EQ(SessionIds(other, kNow + 11), std::vector<std::string>{"p4"});
  EXPECT_EQ(Write([&](Session& s) { return RevokeSessions(s, id, domain::Instant::FromSeconds(kNow + 20), "p2"); }), 0);
  EXPECT_EQ(Write([&](Session& s) { return RevokeSessions(s, id, domain::Instant::FromSeconds(kNow + 30)); }),
            1);  // none kept
  EXPECT_TRUE(SessionIds(id, kNow + 31).empty());
  EXPECT_EQ(SessionIds(other, kNow + 31), std::vector<std::string>{"p4"});
}

TEST_F(AccountStoreTest, ListSessionsNewestActivityFirstLiveOnlyFilteredByAccount) {
  const int64_t a = Add(Person("036099001234"));
  const int64_t b = Add(Person("036099005678"));
  AddSession(a, "h1", "a-old", kNow, kNow + 3600);
  AddSession(a, "h2", "a-new", kNow + 10, kNow + 3600);
  AddSession(a, "h3", "a-touched", kNow + 5, kNow + 3600);
  AddSession(a, "h4", "a-expired", kNow + 20, kNow + 30);
  AddSession(a, "h5", "a-revoked", kNow + 21, kNow + 3600);
  AddSession(b, "h6", "b-1", kNow + 15, kNow + 3600);
  AddSession(b, "h7", "b-old", kNow - 5, kNow + 3600);
  AddSession(b, "h8", "b-tie", kNow + 1, kNow + 3600);
  db().Write([&](Session& s) {
    TouchSession(s, "h3", domain::Instant::FromSeconds(kNow + 40));
    TouchSession(
        s, "h8",
        domain::Instant::FromSeconds(kNow + 40));  // same last activity as a-touched: the newer sign-in comes first
    RevokeSessionByHash(s, "h5", domain::Instant::FromSeconds(kNow + 22));
  });
  EXPECT_EQ(SessionIds(a, kNow + 50), (std::vector<std::string>{"a-touched", "a-new", "a-old"}));
  EXPECT_EQ(SessionIds(b, kNow + 50), (std::vector<std::string>{"b-tie", "b-1", "b-old"}));
  EXPECT_EQ(SessionIds(0, kNow + 50),
            (std::vector<std::string>{"a-touched", "b-tie", "b-1", "a-new", "a-old", "b-old"}));
  EXPECT_EQ(SessionIds(a, kNow + 25), (std::vector<std::string>{"a-touched", "a-expired", "a-new", "a-old"}));
  EXPECT_TRUE(SessionIds(a + b + 100, kNow).empty());
  // A session unused for longer than the idle limit is no longer live, so it is not listed either.
  EXPECT_EQ(SessionIds(a, kNow + 50, 15), (std::vector<std::string>{"a-touched"}));
}

TEST_F(AccountStoreTest, AListedSessionCarriesItsDetails) {
  const int64_t id = Add(Person("036099001234"));
  AddSession(id, "h1", "p1", kNow, kNow + 3600);
  const auto sessions =
      Read([&](Session& s) { return ListSessions(s, id, domain::Instant::FromSeconds(kNow), kNoIdleLimit); });
  ASSERT_EQ(sessions.size(), 1U);
  EXPECT_EQ(sessions[0].user_id, id);
  EXPECT_EQ(sessions[0].created_at, kNow);
  EXPECT_EQ(sessions[0].expires_at, kNow + 3600);
  EXPECT_EQ(sessions[0].ip, "192.0.2.7");
  EXPECT_EQ(sessions[0].user_name, "Nguyễn Văn An");  // read with the session: lists need no query per account
}

// --- One-time codes -------------------------------------------------------------------------------------------------

class CodeTest : public AccountStoreTest {
 protected:
  void SetUp() override {
    AccountStoreTest::SetUp();
    user_ = Add(Person("036099001234"));
    other_ = Add(Person("036099005678"));
  }
  void Insert(int64_t user, CodePurpose purpose, std::string hash, int64_t now, int64_t ttl = 600) {
    db().Write([&](Session& s) {
      InsertCode(s, user, purpose, hash, domain::Instant::FromSeconds(now), domain::Instant::FromSeconds(now + ttl),
                 std::nullopt);
    });
  }
  CodeCheck Consume(int64_t user, std::string hash, int64_t now, int32_t max_attempts = kMaxAttempts) {
    return Write(
        [&](Session& s) { return ConsumeCode(s, user, hash, domain::Instant::FromSeconds(now), max_attempts); });
  }
  static constexpr int32_t kMaxAttempts = 3;
  int64_t user_ = 0;
  int64_t other_ = 0;
};

TEST_F(CodeTest, TheRightCodeWorksOnce) {
  Insert(user_, CodePurpose::kReset, "code-1", kNow);
  EXPECT_EQ(Consume(user_, "code-1", kNow + 1), CodeCheck::kOk);
  EXPECT_EQ(Consume(user_, "code-1", kNow + 2), CodeCheck::kNone);  // used up
  EXPECT_EQ(Consume(other_, "code-1", kNow + 1), CodeCheck::kNone);
}

TEST_F(CodeTest, ANewCodeVoidsTheOlderOneOfTheSamePurpose) {
  Insert(user_, CodePurpose::kReset, "code-1", kNow);
  Insert(user_, CodePurpose::kReset, "code-2", kNow + 10);
  EXPECT_EQ(Consume(user_, "code-1", kNow + 11), CodeCheck::kWrong);
  EXPECT_EQ(Consume(user_, "code-2", kNow + 12), CodeCheck::kOk);
  EXPECT_EQ(Consume(user_, "code-1", kNow + 13), CodeCheck::kNone);
}

TEST_F(CodeTest, CodesOfBothPurposesMayBeLiveAndEitherUsesThemAllUp) {
  Insert(user_, CodePurpose::kSetup, "counter", kNow);
  Insert(user_, CodePurpose::kReset, "reset", kNow + 10);
  Insert(other_, CodePurpose::kReset, "reset-other", kNow + 10);
  EXPECT_EQ(Consume(user_, "counter", kNow + 11), CodeCheck::kOk);  // the older one, of the other purpose
  EXPECT_EQ(Consume(user_, "reset", kNow + 12), CodeCheck::kNone);
  EXPECT_EQ(Consume(other_, "reset-other", kNow + 13), CodeCheck::kOk);  // another account's codes are untouched
}

TEST_F(CodeTest, ANewCodeLeavesOtherAccountsAlone) {
  Insert(other_, CodePurpose::kReset, "theirs", kNow);
  Insert(user_, CodePurpose::kReset, "mine", kNow + 1);
  EXPECT_EQ(Consume(other_, "theirs", kNow + 2), CodeCheck::kOk);
}

TEST_F(CodeTest, WrongTriesCountAndTheLastAllowedOneVoidsTheCode) {
  Insert(user_, CodePurpose::kReset, "right", kNow);
  EXPECT_EQ(Consume(user_, "wrong", kNow + 1), CodeCheck::kWrong);
  EXPECT_EQ(Consume(user_, "wrong", kNow + 2), CodeCheck::kWrong);
  EXPECT_EQ(Consume(user_, "right", kNow + 3), CodeCheck::kOk);  // two wrong tries of three: still good

  Insert(user_, CodePurpose::kReset, "right-2", kNow + 10);
  for (int32_t i = 0; i < kMaxAttempts; ++i) {
    EXPECT_EQ(Consume(user_, "wrong", kNow + 11 + i), CodeCheck::kWrong) << i;
  }
  EXPECT_EQ(Consume(user_, "right-2", kNow + 20), CodeCheck::kExpired);  // void now, even when right
  EXPECT_EQ(Consume(user_, "wrong", kNow + 21), CodeCheck::kExpired);
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT attempts FROM one_time_codes WHERE code_hash = 'right-2'");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Int(0), kMaxAttempts);  // tries on a void code are not counted further
  });
}

//! Runs `fn(i)` on `n` threads released together; returns the results in thread order.
template <typename Fn>
auto RaceThreads(int32_t n, Fn fn) {
  std::vector<decltype(fn(0))> results(static_cast<size_t>(n));
  std::latch start(n);
  std::vector<std::thread> threads;
  for (int32_t i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      results[static_cast<size_t>(i)] = fn(i);
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  return results;
}

TEST_F(CodeTest, ConcurrentWrongTriesNeverExceedTheLimit) {
  // Requests arrive in parallel (PostgreSQL runs write jobs side by side): no more than kMaxAttempts guesses may
  // ever be compared with the code, however they interleave.
  constexpr int32_t kGuessers = 16;
  Insert(user_, CodePurpose::kReset, "right", kNow);
  const std::vector<CodeCheck> checks =
      RaceThreads(kGuessers, [&](int32_t i) { return Consume(user_, fmt::format("guess-{}", i), kNow + 1); });
  const auto wrong = std::count(checks.begin(), checks.end(), CodeCheck::kWrong);
  const auto expired = std::count(checks.begin(), checks.end(), CodeCheck::kExpired);
  EXPECT_EQ(wrong, kMaxAttempts);
  EXPECT_EQ(expired, kGuessers - kMaxAttempts);
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT attempts FROM one_time_codes WHERE code_hash = 'right'")[0].Int(0), kMaxAttempts);
  });
  EXPECT_EQ(Consume(user_, "right", kNow + 2), CodeCheck::kExpired);
}

TEST_F(CodeTest, ConcurrentRightTriesUseTheCodeOnce) {
  constexpr int32_t kTries = 8;
  Insert(user_, CodePurpose::kReset, "right", kNow);
  const std::vector<CodeCheck> checks = RaceThreads(kTries, [&](int32_t) { return Consume(user_, "right", kNow + 1); });
  EXPECT_EQ(std::count(checks.begin(), checks.end(), CodeCheck::kOk), 1);
  EXPECT_EQ(std::count(checks.begin(), checks.end(), CodeCheck::kNone), kTries - 1);
}

TEST_F(CodeTest, ACodeExpires) {
  Insert(user_, CodePurpose::kReset, "code", kNow, 600);
  EXPECT_EQ(Consume(user_, "code", kNow + 600), CodeCheck::kExpired);
  EXPECT_EQ(Consume(user_, "wrong", kNow + 600), CodeCheck::kExpired);
  EXPECT_EQ(Consume(user_, "code", kNow + 599), CodeCheck::kOk);  // the clock is the caller's
}

TEST_F(CodeTest, NoCodeAtAll) {
  EXPECT_EQ(Consume(user_, "anything", kNow), CodeCheck::kNone);
  EXPECT_EQ(Consume(user_, "", kNow), CodeCheck::kNone);
}

TEST_F(CodeTest, TheOfficerWhoCreatedACodeIsKept) {
  const int64_t officer = Add(OfficerAccount("hoa.pt"));
  db().Write([&](Session& s) {
    InsertCode(s, user_, CodePurpose::kSetup, "c", domain::Instant::FromSeconds(kNow),
               domain::Instant::FromSeconds(kNow + 60), officer);
  });
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT purpose, created_by, created_at, expires_at FROM one_time_codes");
    ASSERT_EQ(rows.size(), 1U);
    EXPECT_EQ(rows[0].Text(0), "setup");
    EXPECT_EQ(rows[0].OptInt(1), officer);
    EXPECT_EQ(rows[0].Int(2), domain::Instant::FromSeconds(kNow).micros);       // stored in microseconds
    EXPECT_EQ(rows[0].Int(3), domain::Instant::FromSeconds(kNow + 60).micros);  // stored in microseconds
  });
}

// --- API tokens -----------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, ApiTokensFindTheirLiveAccount) {
  const int64_t admin = Add(OfficerAccount("admin"));
  const int64_t id = Add(OfficerAccount("robot", "Kết nối một cửa"));
  const int64_t token = Write([&](Session& s) {
    return InsertApiToken(s, id, "Cổng dịch vụ công", "token-hash", "mc_abcd", admin,
                          domain::Instant::FromSeconds(kNow));
  });
  EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, "token-hash"); }), id);
  EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, "other-hash"); }), std::nullopt);
  EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, ""); }), std::nullopt);

  const auto found = Read([&](Session& s) { return FindApiToken(s, token); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, token);
  EXPECT_EQ(found->user_id, id);
  EXPECT_EQ(found->name, "Cổng dịch vụ công");
  EXPECT_EQ(found->prefix, "mc_abcd");
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->revoked_at, std::nullopt);
  EXPECT_EQ(found->last_used_at, std::nullopt);
  EXPECT_EQ(Read([&](Session& s) { return FindApiToken(s, token + 100); }), std::nullopt);

  // A disabled or pending account's token acts for nobody.
  for (const AccountStatus status : {AccountStatus::kDisabled, AccountStatus::kPending}) {
    db().Write([&](Session& s) { SetStatus(s, id, status); });
    EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, "token-hash"); }), std::nullopt);
  }
  db().Write([&](Session& s) { SetStatus(s, id, AccountStatus::kActive); });
  EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, "token-hash"); }), id);

  EXPECT_TRUE(Write([&](Session& s) { return RevokeApiToken(s, token, domain::Instant::FromSeconds(kNow + 5)); }));
  EXPECT_FALSE(Write([&](Session& s) { return RevokeApiToken(s, token, domain::Instant::FromSeconds(kNow + 6)); }));
  EXPECT_FALSE(
      Write([&](Session& s) { return RevokeApiToken(s, token + 100, domain::Instant::FromSeconds(kNow + 6)); }));
  EXPECT_EQ(Read([&](Session& s) { return FindApiTokenUser(s, "token-hash"); }), std::nullopt);
  EXPECT_EQ(Read([&](Session& s) { return FindApiToken(s, token); })->revoked_at, kNow + 5);
}

TEST_F(AccountStoreTest, ATokenIsTouchedAtMostOnceAMinute) {
  const int64_t id = Add(OfficerAccount("robot"));
  const int64_t token = Write([&](Session& s) {
    return InsertApiToken(s, id, "t", "hash", "mc_", std::nullopt, domain::Instant::FromSeconds(kNow));
  });
  auto last_used = [&] { return Read([&](Session& s) { return FindApiToken(s, token); })->last_used_at; };
  struct Step {
    int64_t now;
    int64_t expected;
  };
  // clang-format off
  const Step steps[] = {
      {kNow + 10,  kNow + 10},   // first use
      {kNow + 30,  kNow + 10},
      {kNow + 70,  kNow + 10},   // exactly a minute later: not yet
      {kNow + 71,  kNow + 71},
      {kNow + 72,  kNow + 71},
      {kNow + 500, kNow + 500},
  };
  // clang-format on
  for (const Step& step : steps) {
    db().Write([&](Session& s) { TouchApiToken(s, "hash", domain::Instant::FromSeconds(step.now)); });
    EXPECT_EQ(last_used(), step.expected) << step.now - kNow;
  }
  db().Write([&](Session& s) {
    TouchApiToken(s, "unknown", domain::Instant::FromSeconds(kNow + 1000));
  });  // no error, nothing changes
  EXPECT_EQ(last_used(), kNow + 500);
}

TEST_F(AccountStoreTest, ListApiTokensNewestFirstForOneAccount) {
  const int64_t a = Add(OfficerAccount("robot-a"));
  const int64_t b = Add(OfficerAccount("robot-b"));
  db().Write([&](Session& s) {
    InsertApiToken(s, a, "first", "h1", "p1", std::nullopt, domain::Instant::FromSeconds(kNow));
    InsertApiToken(s, b, "other", "h2", "p2", std::nullopt, domain::Instant::FromSeconds(kNow));
    InsertApiToken(s, a, "second", "h3", "p3", std::nullopt, domain::Instant::FromSeconds(kNow));
  });
  const auto tokens = Read([&](Session& s) { return ListApiTokens(s, a); });
  ASSERT_EQ(tokens.size(), 2U);
  EXPECT_EQ(tokens[0].name, "second");
  EXPECT_EQ(tokens[1].name, "first");
  EXPECT_GT(tokens[0].id, tokens[1].id);
  EXPECT_TRUE(Read([&](Session& s) { return ListApiTokens(s, a + b + 100); }).empty());
}

TEST_F(AccountStoreTest, ATokenHashIsUnique) {
  const int64_t id = Add(OfficerAccount("robot"));
  db().Write(
      [&](Session& s) { InsertApiToken(s, id, "a", "same", "p", std::nullopt, domain::Instant::FromSeconds(kNow)); });
  EXPECT_THROW(db().Write([&](Session& s) {
    InsertApiToken(s, id, "b", "same", "p", std::nullopt, domain::Instant::FromSeconds(kNow));
  }),
               DatabaseError);
  EXPECT_EQ(Count("api_tokens"), 1);
}

// --- Throttle -------------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, ThrottleStateIsSavedReplacedAndCleared) {
  auto load = [&](std::string key) { return Read([&](Session& s) { return LoadThrottle(s, key); }); };
  auto save = [&](std::string key, domain::ThrottleState state) {
    db().Write([&](Session& s) { SaveThrottle(s, key, state); });
  };
  const domain::ThrottleState none = load("acct:1");
  EXPECT_EQ(none.failures, 0);
  EXPECT_EQ(none.window_start, 0);
  EXPECT_EQ(none.blocked_until, 0);

  save("acct:1", {3, kNow, 0});
  save("ip:192.0.2.7", {1, kNow + 5, 0});
  EXPECT_EQ(load("acct:1").failures, 3);
  EXPECT_EQ(load("acct:1").window_start, kNow);
  save("acct:1", {6, kNow, kNow + 60});  // replaces
  const domain::ThrottleState replaced = load("acct:1");
  EXPECT_EQ(replaced.failures, 6);
  EXPECT_EQ(replaced.window_start, kNow);
  EXPECT_EQ(replaced.blocked_until, kNow + 60);
  EXPECT_EQ(Count("login_throttle"), 2);
  EXPECT_EQ(load("ip:192.0.2.7").window_start, kNow + 5);

  db().Write([&](Session& s) { ClearThrottle(s, "acct:1"); });
  EXPECT_EQ(load("acct:1").failures, 0);
  EXPECT_EQ(load("acct:1").blocked_until, 0);
  EXPECT_EQ(load("ip:192.0.2.7").failures, 1);
  db().Write([&](Session& s) { ClearThrottle(s, "acct:unknown"); });
  EXPECT_EQ(Count("login_throttle"), 1);
}

// --- Organisations --------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, OrganisationsRoundTripAndListByName) {
  const int64_t rep = Add(Person("036099001234"));
  const int64_t other = Add(Person("036099005678"));
  const int64_t b = Write([&](Session& s) {
    return InsertOrganisation(s, {0, "0101234567", "Công ty TNHH Bình Minh", "12 Lê Lợi, Hà Nội", rep, kNow});
  });
  const int64_t a = Write([&](Session& s) {
    return InsertOrganisation(s, {0, "0101234567-001", "Chi nhánh An Phú", "", rep, kNow + 1});
  });
  Write([&](Session& s) { return InsertOrganisation(s, {0, "0309876543", "Công ty khác", "", other, kNow}); });
  EXPECT_NE(a, b);

  const auto found = Read([&](Session& s) { return FindOrganisation(s, b); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, b);
  EXPECT_EQ(found->tax_code, "0101234567");
  EXPECT_EQ(found->name, "Công ty TNHH Bình Minh");
  EXPECT_EQ(found->address, "12 Lê Lợi, Hà Nội");
  EXPECT_EQ(found->representative_id, rep);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(Read([&](Session& s) { return FindOrganisation(s, a + b + 100); }), std::nullopt);

  const auto mine = Read([&](Session& s) { return ListOrganisations(s, rep); });
  ASSERT_EQ(mine.size(), 2U);
  EXPECT_EQ(mine[0].id, a);  // "Chi nhánh…" before "Công ty…"
  EXPECT_EQ(mine[1].id, b);
  EXPECT_EQ(Read([&](Session& s) { return ListOrganisations(s, other); }).size(), 1U);

  EXPECT_TRUE(Read([&](Session& s) { return TaxCodeTaken(s, "0101234567"); }));
  EXPECT_TRUE(Read([&](Session& s) { return TaxCodeTaken(s, "0101234567-001"); }));
  EXPECT_FALSE(Read([&](Session& s) { return TaxCodeTaken(s, "0101234567-002"); }));
  EXPECT_FALSE(Read([&](Session& s) { return TaxCodeTaken(s, ""); }));

  EXPECT_THROW(Write([&](Session& s) {
                 return InsertOrganisation(s, {0, "0101234567", "Trùng", "", other, kNow});
               }),
               DatabaseError);
  EXPECT_EQ(Count("organisations"), 3);
}

// --- Dev mailbox ----------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, TheMailboxListsNewestFirstUpToTheLimit) {
  for (int32_t i = 1; i <= 5; ++i) {
    db().Write([&](Session& s) {
      AppendMailbox(s, {0, kNow + i, i % 2 == 0 ? "email" : "sms", fmt::format("09123456{:02}", i),
                        fmt::format("Mã xác nhận {}", i), fmt::format("Mã của bạn là {:06}", i)});
    });
  }
  const auto three = Read([&](Session& s) { return ListMailbox(s, 3); });
  ASSERT_EQ(three.size(), 3U);
  EXPECT_EQ(three[0].subject, "Mã xác nhận 5");
  EXPECT_EQ(three[1].subject, "Mã xác nhận 4");
  EXPECT_EQ(three[2].subject, "Mã xác nhận 3");
  EXPECT_GT(three[0].id, three[1].id);
  EXPECT_EQ(three[0].created_at, kNow + 5);
  EXPECT_EQ(three[0].channel, "sms");
  EXPECT_EQ(three[0].recipient, "0912345605");
  EXPECT_EQ(three[0].body, "Mã của bạn là 000005");
  EXPECT_EQ(three[1].channel, "email");
  EXPECT_EQ(Read([&](Session& s) { return ListMailbox(s, 100); }).size(), 5U);
  EXPECT_TRUE(Read([&](Session& s) { return ListMailbox(s, 0); }).empty());
}

// --- Installation -------------------------------------------------------------------------------------------------

TEST_F(AccountStoreTest, TheSecretKeyIsCreatedOnceAndStaysTheSame) {
  const std::string first = SecretKey(db(), kFreshSecret);
  EXPECT_EQ(first.size(), 43U);
  EXPECT_EQ(SecretKey(db(), kFreshSecret), first);
  auto reopened = OpenDatabase(test_->url());
  EXPECT_EQ(SecretKey(*reopened, kFreshSecret), first);
  db().Read([&](Session& s) { EXPECT_EQ(s.Query("SELECT COUNT(*) FROM meta WHERE key = 'secret_key'")[0].Int(0), 1); });
}

TEST_F(AccountStoreTest, ConcurrentFirstCallersAllGetTheSameSecret) {
  // Two "nodes" (handles) with several threads each race to create the secret.
  constexpr int32_t kThreadsPerHandle = 4;
  auto second = OpenDatabase(test_->url());
  std::vector<Database*> handles = {&db(), second.get()};
  std::latch start(static_cast<std::ptrdiff_t>(handles.size() * kThreadsPerHandle));
  std::vector<std::string> secrets(handles.size() * kThreadsPerHandle);
  std::vector<std::thread> threads;
  for (size_t h = 0; h < handles.size(); ++h) {
    for (int32_t t = 0; t < kThreadsPerHandle; ++t) {
      const size_t slot = h * kThreadsPerHandle + static_cast<size_t>(t);
      threads.emplace_back([&, h, slot] {
        start.arrive_and_wait();
        secrets[slot] = SecretKey(*handles[h], kFreshSecret);
      });
    }
  }
  for (std::thread& t : threads) {
    t.join();
  }
  for (const std::string& secret : secrets) {
    EXPECT_EQ(secret.size(), 43U);
    EXPECT_EQ(secret, secrets[0]);
  }
  db().Read([&](Session& s) {
    EXPECT_EQ(s.Query("SELECT COUNT(*) FROM meta WHERE key = 'secret_key'")[0].Int(0), 1);
    EXPECT_EQ(s.Query("SELECT value FROM meta WHERE key = 'secret_key'")[0].Text(0), secrets[0]);
  });
}

TEST_F(AccountStoreTest, DemoModeIsOffUntilSet) {
  EXPECT_FALSE(IsDemoMode(db()));
  db().Write([&](Session& s) { SetDemoMode(s); });
  EXPECT_TRUE(IsDemoMode(db()));
  db().Write([&](Session& s) { SetDemoMode(s); });  // twice is fine
  EXPECT_TRUE(IsDemoMode(db()));
  Sql("UPDATE meta SET value = '0' WHERE key = 'demo_mode'");
  EXPECT_FALSE(IsDemoMode(db()));
  db().Write([&](Session& s) { SetDemoMode(s); });
  EXPECT_TRUE(IsDemoMode(db()));
}

}  // namespace
}  // namespace motcua::store
