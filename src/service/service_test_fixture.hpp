#pragma once
//! What the service tests share: a fresh migrated SQLite file with a small agency tree, a clock the test moves, the
//! account services over them, a notifier that keeps what it was asked to send, and ways to make accounts and read
//! the journal back.

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "domain/password_policy.hpp"
#include "domain/time.hpp"
#include "notify/notifier.hpp"
#include "security/hash_pool.hpp"
#include "service/accounts.hpp"
#include "service/actor.hpp"
#include "service/sessions.hpp"
#include "store/account_store.hpp"
#include "store/migrations.hpp"

namespace motcua::service::testing_support {

// The agency tree:  province P ─┬─ district D1
//                               └─ district D2
inline constexpr const char* kProvince = "000.00.00.H40";
inline constexpr const char* kDistrict1 = "000.00.01.H40";
inline constexpr const char* kDistrict2 = "000.00.02.H40";
inline constexpr const char* kFieldCode = "ho-tich";

//! 2026-11-01 00:00 UTC.
inline constexpr int64_t kStartMicros = int64_t{1793491200} * 1000000;

//! A message waiting in the outbox, as the tests look at it.
struct QueuedMessage {
  std::string recipient;  //!< Phone number or email address.
  std::string body;       //!< The text.
};

//! One journal row as the tests look at it.
struct JournalRow {
  std::string action;     //!< e.g. "officer.create".
  std::string object_id;  //!< e.g. "12".
  std::string summary;    //!< JSON.
  int64_t actor_id = 0;   //!< 0 for nobody.
};

//! A fresh database and the account services over it, for one test.
class ServiceTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int32_t> counter{0};
    path_ = (std::filesystem::path(testing::TempDir()) /
             ("motcua_service_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    store::DatabaseOptions options;
    options.synchronous_full = false;
    db_ = store::OpenDatabase(path_, options);
    store::Migrate(*db_);
    Sql("INSERT INTO agencies (code, name, short_name, parent_code, level) VALUES "
        "(?, 'UBND tỉnh', 'Tỉnh', NULL, 'province'), (?, 'UBND huyện 1', 'Huyện 1', ?, 'district'), "
        "(?, 'UBND huyện 2', 'Huyện 2', ?, 'district')",
        {kProvince, kDistrict1, kProvince, kDistrict2, kProvince});
    sessions_ = std::make_unique<Sessions>(config_, *db_, clock_);
    accounts_ = std::make_unique<Accounts>(config_, *db_, *sessions_, hashes_, passwords_, false,
                                           std::vector<security::VerifiedIdentity>{}, clock_);
  }

  void TearDown() override {
    accounts_.reset();
    sessions_.reset();
    db_.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }

  //! The catalogue the policy decides over: the three agencies and one field.
  static const domain::Catalogue& Catalogue() {
    static const domain::Catalogue catalogue(
        {}, {domain::Field{kFieldCode, "Hộ tịch", 0}},
        {Agency(kProvince, "", domain::Level::kProvince), Agency(kDistrict1, kProvince, domain::Level::kDistrict),
         Agency(kDistrict2, kProvince, domain::Level::kDistrict)},
        1);
    return catalogue;
  }

  //! The messages enqueued in the outbox (committed with the changes they tell of), oldest first.
  std::vector<QueuedMessage> Queued() {
    std::vector<QueuedMessage> out;
    db_->Read([&](store::Session& s) {
      const store::Rows rows = s.Query("SELECT recipient, body FROM outbox ORDER BY id");
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(QueuedMessage{rows[i].Text(0), rows[i].Text(1)});
      }
    });
    return out;
  }

  //! Runs one statement in a write job.
  void Sql(std::string_view sql, const store::Params& params = {}) {
    db_->Write([&](store::Session& s) { s.Exec(sql, params); });
  }

  //! A number read by `sql`.
  int64_t Number(std::string_view sql, const store::Params& params = {}) {
    int64_t n = -1;
    db_->Read([&](store::Session& s) { n = s.Query(sql, params)[0].Int(0); });
    return n;
  }

  //! An officer named `login` holding `grants`, active with a password.
  int64_t AddOfficer(const std::string& login, const std::vector<domain::Grant>& grants) {
    store::NewAccount a;
    a.login_name = login;
    a.full_name = "Cán bộ " + login;
    a.password_hash = "$argon2id$stub";
    return AddAccount(a, grants);
  }

  //! A citizen with this ID number, active with a password.
  int64_t AddCitizen(const std::string& personal_id, const std::string& phone) {
    store::NewAccount a;
    a.personal_id = personal_id;
    a.phone = phone;
    a.full_name = "Nguyễn Văn " + personal_id.substr(personal_id.size() - 2);
    a.password_hash = "$argon2id$stub";
    return AddAccount(a, {});
  }

  //! The actor of account `id` as a request from it would be.
  Actor ActorOf(int64_t id) {
    std::optional<domain::Account> a;
    db_->Read([&](store::Session& s) { a = store::FindAccount(s, id); });
    return Actor{a ? a->AsPrincipal() : domain::Principal{}, "203.0.113.7", "test", "req-1", "", ""};
  }

  //! The account `id` as stored now.
  domain::Account Load(int64_t id) {
    std::optional<domain::Account> a;
    db_->Read([&](store::Session& s) { a = store::FindAccount(s, id); });
    return a.value();
  }

  //! Opens a session for account `id`.
  void OpenSession(int64_t id, const std::string& hash) {
    const int64_t now = clock_.NowSeconds();
    db_->Write([&](store::Session& s) {
      store::InsertSession(
          s,
          store::NewSession{hash, "pub-" + hash, id, domain::Instant::FromSeconds(now + 3600), "203.0.113.7", "test"},
          domain::Instant::FromSeconds(now));
    });
  }

  //! Live sessions of account `id`.
  int64_t LiveSessions(int64_t id) {
    int64_t n = 0;
    db_->Read([&](store::Session& s) {
      n = static_cast<int64_t>(
          store::ListSessions(s, id, clock_.Now(), config_.security.session_idle_minutes * 60).size());
    });
    return n;
  }

  //! Every journal row, oldest first.
  std::vector<JournalRow> JournalRows() {
    std::vector<JournalRow> out;
    db_->Read([&](store::Session& s) {
      const store::Rows rows = s.Query("SELECT action, object_id, summary, actor_id FROM audit_log ORDER BY seq");
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(JournalRow{rows[i].Text(0), rows[i].Text(1), rows[i].Text(2), rows[i].Int(3)});
      }
    });
    return out;
  }

  //! True when `code` is the live code of account `id` (uses it up).
  bool CodeWorks(int64_t id, const std::string& code) {
    store::CodeCheck check = store::CodeCheck::kNone;
    db_->Write([&](store::Session& s) {
      check = store::ConsumeCode(s, id, Accounts::CodeHash(id, code), clock_.Now(), Accounts::kMaxCodeAttempts);
    });
    return check == store::CodeCheck::kOk;
  }

  //! Makes every journal append fail from now on, so that the job appending it fails as a whole.
  void BreakJournal() {
    db_->Write([](store::Session& s) {
      s.ExecScript(
          "CREATE TRIGGER audit_log_broken BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'journal down'); "
          "END;");
    });
  }

  std::string path_;
  std::unique_ptr<store::Database> db_;
  app::Config config_;
  domain::ManualClock clock_{domain::Instant{kStartMicros}};
  security::HashPool hashes_{1, 4};
  domain::PasswordPolicy passwords_{""};
  std::unique_ptr<Sessions> sessions_;
  std::unique_ptr<Accounts> accounts_;

 private:
  static domain::Agency Agency(const char* code, const char* parent, domain::Level level) {
    domain::Agency a;
    a.code = code;
    a.name = std::string("Cơ quan ") + code;
    a.short_name = code;
    a.parent_code = parent;
    a.level = level;
    return a;
  }

  int64_t AddAccount(const store::NewAccount& a, const std::vector<domain::Grant>& grants) {
    int64_t id = 0;
    const int64_t now = clock_.NowSeconds();
    db_->Write([&](store::Session& s) {
      id = store::InsertAccount(s, a, domain::Instant::FromSeconds(now));
      for (const domain::Grant& g : grants) {
        store::AddGrant(s, id, g, std::nullopt, domain::Instant::FromSeconds(now));
      }
    });
    return id;
  }
};

}  // namespace motcua::service::testing_support
