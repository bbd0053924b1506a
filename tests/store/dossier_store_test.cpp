//! Dossiers in the store on every engine: rows, files, timeline, idempotency keys, guidance, form versions, and
//! dossier codes issued from the daily sequence under concurrency (unique, and 1..N with no gaps per agency per day,
//! rolled-back filings included).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/dossier_store.hpp"
#include "store/form_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::Instant;
using testing_support::OpenTestDatabase;

constexpr Instant kT0 = Instant::FromSeconds(1793491200);  // 2026-11-01 00:00 UTC
constexpr const char* kAgencyA = "000.00.01.H40";
constexpr const char* kAgencyB = "000.00.02.H40";

class DossierStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }

  static DossierRecord Draft(const std::string& agency = kAgencyA, int64_t owner = 7) {
    DossierRecord d;
    d.procedure_code = "1.001193";
    d.agency_code = agency;
    d.form_version = 1;
    d.owner_id = owner;
    d.applicant_name = "Nguyễn Văn An";
    d.answers_json = R"({"ten_tre":"Bình"})";
    d.created_at = d.updated_at = kT0;
    return d;
  }

  int64_t Insert(const DossierRecord& d) {
    int64_t id = 0;
    db().Write([&](Session& s) { id = InsertDossier(s, d); });
    return id;
  }

  std::optional<DossierRecord> Find(int64_t id) {
    std::optional<DossierRecord> d;
    db().Read([&](Session& s) { d = FindDossier(s, id); });
    return d;
  }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(DossierStoreTest, ADraftReadsBackAsWritten) {
  const int64_t id = Insert(Draft());
  const std::optional<DossierRecord> d = Find(id);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->code, "");
  EXPECT_EQ(d->lookup_secret, "");
  EXPECT_EQ(d->procedure_code, "1.001193");
  EXPECT_EQ(d->agency_code, kAgencyA);
  EXPECT_EQ(d->form_version, 1);
  EXPECT_EQ(d->owner_id, 7);
  EXPECT_EQ(d->organisation_id, 0);
  EXPECT_EQ(d->status, domain::DossierStatus::kDraft);
  EXPECT_EQ(d->answers_json, R"({"ten_tre":"Bình"})");
  EXPECT_EQ(d->officer_fields_json, "[]");
  EXPECT_FALSE(d->guided);
  EXPECT_EQ(d->created_at, kT0);
  EXPECT_FALSE(d->submitted_at.has_value());
  EXPECT_EQ(d->expected_on, "");
  EXPECT_EQ(d->version, 1);
  EXPECT_FALSE(Find(id + 1000).has_value());
}

TEST_F(DossierStoreTest, AnswersUpdateOnlyAtTheExpectedVersion) {
  const int64_t id = Insert(Draft());
  bool first = false;
  bool stale = true;
  db().Write([&](Session& s) {
    first = UpdateDossierAnswers(s, id, 1, R"({"ten_tre":"Châu"})", "Trần Thị Châu", R"(["ten_tre"])",
                                 kT0.Plus(std::chrono::seconds(5)));
  });
  db().Write([&](Session& s) {
    stale = UpdateDossierAnswers(s, id, 1, R"({"ten_tre":"Dũng"})", "X", "[]", kT0.Plus(std::chrono::seconds(6)));
  });
  EXPECT_TRUE(first);
  EXPECT_FALSE(stale);
  const DossierRecord d = Find(id).value();
  EXPECT_EQ(d.answers_json, R"({"ten_tre":"Châu"})");
  EXPECT_EQ(d.applicant_name, "Trần Thị Châu");
  EXPECT_EQ(d.officer_fields_json, R"(["ten_tre"])");
  EXPECT_EQ(d.version, 2);
}

TEST_F(DossierStoreTest, FilingSetsCodeSecretStatusAndClearsOfficerMarks) {
  DossierRecord draft = Draft();
  draft.officer_fields_json = R"(["ten_tre"])";
  const int64_t id = Insert(draft);
  db().Write([&](Session& s) {
    MarkDossierFiled(s, id, "000.00.01.H40-261101-0001", "ABC234", "{}", kT0, "2026-11-06");
  });
  const DossierRecord d = Find(id).value();
  EXPECT_EQ(d.code, "000.00.01.H40-261101-0001");
  EXPECT_EQ(d.lookup_secret, "ABC234");
  EXPECT_EQ(d.status, domain::DossierStatus::kSubmitted);
  EXPECT_EQ(d.officer_fields_json, "[]");
  EXPECT_EQ(d.submitted_at, kT0);
  EXPECT_EQ(d.expected_on, "2026-11-06");
  EXPECT_EQ(d.version, 2);
  std::optional<DossierRecord> by_code;
  db().Read([&](Session& s) { by_code = FindDossierByCode(s, "000.00.01.H40-261101-0001"); });
  ASSERT_TRUE(by_code.has_value());
  EXPECT_EQ(by_code->id, id);
  // A code is unique: a second dossier can never be filed under it.
  const int64_t other = Insert(Draft());
  EXPECT_THROW(db().Write([&](Session& s) {
    MarkDossierFiled(s, other, "000.00.01.H40-261101-0001", "XYZ789", "{}", kT0, "");
  }),
               DatabaseError);
}

TEST_F(DossierStoreTest, MineListsOwnAndRepresentedOrganisationsNewestFirst) {
  db().Write([&](Session& s) {
    s.Exec("INSERT INTO users (id, full_name, created_at) VALUES (7, 'A', 0), (8, 'B', 0)");
    s.Exec("INSERT INTO organisations (id, tax_code, name, representative_id, created_at) VALUES "
           "(70, '0101234567', 'Công ty A', 7, 0)");
  });
  DossierRecord mine = Draft("", 7);
  mine.agency_code = kAgencyA;
  const int64_t first = Insert(mine);
  DossierRecord for_org = Draft(kAgencyA, 8);
  for_org.organisation_id = 70;
  for_org.updated_at = kT0.Plus(std::chrono::seconds(10));
  const int64_t second = Insert(for_org);
  Insert(Draft(kAgencyA, 8));
  std::vector<DossierRecord> listed;
  db().Read([&](Session& s) { listed = ListDossiersOf(s, 7, 100); });
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].id, second);
  EXPECT_EQ(listed[1].id, first);
  db().Read([&](Session& s) { listed = ListDossiersOf(s, 7, 1); });
  EXPECT_EQ(listed.size(), 1U);
}

TEST_F(DossierStoreTest, FilesEventsAndTotals) {
  const int64_t id = Insert(Draft());
  int64_t f1 = 0;
  db().Write([&](Session& s) {
    f1 = InsertDossierFile(s, DossierFileRecord{0, id, "giay_chung_sinh", std::string(64, 'a'), "application/pdf",
                                                "pdf", 1200, "giấy chứng sinh.pdf", kT0, 7, false});
    InsertDossierFile(s, DossierFileRecord{0, id, "giay_chung_sinh", std::string(64, 'b'), "image/jpeg", "heic",
                                           800, "IMG_1.HEIC", kT0, 9, true});
    InsertDossierEvent(s, id, DossierEventRecord{domain::DossierEvent::kCreated, kT0, 7, "A", ""});
    InsertDossierEvent(s, id, DossierEventRecord{domain::DossierEvent::kWithdrawn, kT0, 0, "", "nộp nhầm"});
  });
  std::vector<DossierFileRecord> files;
  std::vector<DossierEventRecord> events;
  std::pair<int64_t, int64_t> totals;
  db().Read([&](Session& s) {
    files = ListDossierFiles(s, id);
    events = ListDossierEvents(s, id);
    totals = DossierFileTotals(s, id);
  });
  ASSERT_EQ(files.size(), 2U);
  EXPECT_EQ(files[0].id, f1);
  EXPECT_EQ(files[0].original_name, "giấy chứng sinh.pdf");
  EXPECT_EQ(files[1].kind, "heic");
  EXPECT_TRUE(files[1].by_officer);
  EXPECT_EQ(totals, (std::pair<int64_t, int64_t>{2, 2000}));
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].event, domain::DossierEvent::kCreated);
  EXPECT_EQ(events[1].actor_id, 0);
  EXPECT_EQ(events[1].note, "nộp nhầm");
  bool removed = false;
  bool again = true;
  db().Write([&](Session& s) {
    removed = DeleteDossierFile(s, id, f1);
    again = DeleteDossierFile(s, id, f1);
  });
  EXPECT_TRUE(removed);
  EXPECT_FALSE(again);
}

TEST_F(DossierStoreTest, IdempotencyKeysArePerAccount) {
  db().Write([&](Session& s) { InsertIdempotencyKey(s, 7, "k-1", "dossier.submit", 42, kT0); });
  db().Write([&](Session& s) { InsertIdempotencyKey(s, 8, "k-1", "dossier.start", 43, kT0); });
  std::optional<IdempotentResult> seven;
  std::optional<IdempotentResult> none;
  db().Read([&](Session& s) {
    seven = FindIdempotencyKey(s, 7, "k-1");
    none = FindIdempotencyKey(s, 7, "k-2");
  });
  ASSERT_TRUE(seven.has_value());
  EXPECT_EQ(seven->operation, "dossier.submit");
  EXPECT_EQ(seven->object_id, 42);
  EXPECT_FALSE(none.has_value());
  try {
    db().Write([&](Session& s) { InsertIdempotencyKey(s, 7, "k-1", "dossier.submit", 44, kT0); });
    FAIL() << "a key is used once per account";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUniqueViolation);
  }
}

TEST_F(DossierStoreTest, GuidanceOpensOnceExpiresAndEnds) {
  const int64_t id = Insert(Draft());
  const Instant expires = kT0.Plus(std::chrono::minutes(15));
  db().Write([&](Session& s) { InsertGuidance(s, id, "hash-1", expires); });
  std::optional<GuidanceRecord> g;
  db().Read([&](Session& s) { g = FindGuidanceByHash(s, "hash-1"); });
  ASSERT_TRUE(g.has_value());
  EXPECT_EQ(g->officer_id, 0);
  bool opened = false;
  bool second = true;
  const Instant access_until = kT0.Plus(std::chrono::hours(2));
  db().Write([&](Session& s) {
    opened = OpenGuidance(s, g->id, 99, kT0, access_until);
    second = OpenGuidance(s, g->id, 98, kT0, access_until);
  });
  EXPECT_TRUE(opened);
  EXPECT_FALSE(second);
  std::optional<GuidanceRecord> active;
  std::optional<GuidanceRecord> expired;
  db().Read([&](Session& s) {
    active = ActiveGuidance(s, id, kT0.Plus(std::chrono::minutes(30)));
    expired = ActiveGuidance(s, id, access_until);
  });
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(active->officer_id, 99);
  EXPECT_FALSE(expired.has_value());
  int64_t ended = 0;
  db().Write([&](Session& s) { ended = EndGuidance(s, id, kT0); });
  EXPECT_EQ(ended, 1);
  db().Read([&](Session& s) {
    active = ActiveGuidance(s, id, kT0);
    g = FindGuidanceByHash(s, "hash-1");
  });
  EXPECT_FALSE(active.has_value());
  EXPECT_FALSE(g.has_value());
}

TEST_F(DossierStoreTest, FormVersionsAreNumberedAndNeverReplaced) {
  int32_t v2 = 0;
  bool seeded = false;
  bool seeded_again = true;
  db().Write([&](Session& s) {
    seeded = InsertFormVersionIfAbsent(s, "1.001193", 1, R"({"v":1})", kT0);
    seeded_again = InsertFormVersionIfAbsent(s, "1.001193", 1, R"({"v":"other"})", kT0);
    v2 = NextFormVersion(s, "1.001193");
    InsertFormVersion(s, "1.001193", v2, R"({"v":2})", kT0, 5);
  });
  EXPECT_TRUE(seeded);
  EXPECT_FALSE(seeded_again);
  EXPECT_EQ(v2, 2);
  std::optional<FormVersionRecord> current;
  std::optional<FormVersionRecord> first;
  std::vector<FormVersionRecord> versions;
  std::vector<std::string> procedures;
  db().Read([&](Session& s) {
    current = FindCurrentForm(s, "1.001193");
    first = FindFormVersion(s, "1.001193", 1);
    versions = ListFormVersions(s, "1.001193");
    procedures = ProceduresWithForms(s);
  });
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(current->published_by, 5);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->definition, R"({"v":1})");
  EXPECT_EQ(first->published_by, 0);
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(procedures, std::vector<std::string>{"1.001193"});
  EXPECT_THROW(db().Write([&](Session& s) { InsertFormVersion(s, "1.001193", 2, "{}", kT0, 5); }), DatabaseError);
}

TEST_F(DossierStoreTest, TheSequenceStartsAtOnePerAgencyAndDay) {
  std::vector<int64_t> got;
  db().Write([&](Session& s) {
    got.push_back(NextDossierSequence(s, kAgencyA, "261101"));
    got.push_back(NextDossierSequence(s, kAgencyA, "261101"));
    got.push_back(NextDossierSequence(s, kAgencyB, "261101"));
    got.push_back(NextDossierSequence(s, kAgencyA, "261102"));
    got.push_back(NextDossierSequence(s, kAgencyA, "261101"));
  });
  EXPECT_EQ(got, (std::vector<int64_t>{1, 2, 1, 1, 3}));
}

TEST_F(DossierStoreTest, ARolledBackFilingGivesItsNumberBack) {
  EXPECT_THROW(db().Write([&](Session& s) {
    EXPECT_EQ(NextDossierSequence(s, kAgencyA, "261101"), 1);
    throw std::runtime_error("validation failed after the number was taken");
  }),
               std::runtime_error);
  int64_t n = 0;
  db().Write([&](Session& s) { n = NextDossierSequence(s, kAgencyA, "261101"); });
  EXPECT_EQ(n, 1);
}

//! Many threads file dossiers of two agencies on two days at once, one filing in five failing after it took its
//! number: the codes are unique and, per agency and day, exactly 1..N.
TEST_F(DossierStoreTest, CodesIssuedConcurrentlyAreUniqueWithoutGaps) {
  constexpr int32_t kThreads = 12;
  constexpr int32_t kFilingsPerThread = 25;
  constexpr int32_t kFailEvery = 5;
  const std::vector<std::string> agencies = {kAgencyA, kAgencyB};
  const std::vector<std::string> days = {"261101", "261102"};
  std::atomic<int32_t> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int32_t i = 0; i < kFilingsPerThread; ++i) {
        const std::string& agency = agencies[static_cast<size_t>((t + i) % 2)];
        const std::string& day = days[static_cast<size_t>((t / 2 + i) % 2)];
        const bool fail = (t * kFilingsPerThread + i) % kFailEvery == 0;
        try {
          db().Write([&](Session& s) {
            const int64_t id = InsertDossier(s, Draft(agency));
            const int64_t n = NextDossierSequence(s, agency, day);
            if (fail) {
              throw std::runtime_error("the filing failed after taking its number");
            }
            MarkDossierFiled(s, id, fmt::format("{}-{}-{:04}", agency, day, n), "SECRET", "{}", kT0, "");
          });
        } catch (const std::runtime_error&) {
          failures.fetch_add(1);
        }
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  constexpr int32_t kTotal = kThreads * kFilingsPerThread;
  EXPECT_EQ(failures.load(), kTotal / kFailEvery);
  std::vector<std::string> codes;
  db().Read([&](Session& s) {
    const Rows rows = s.Query("SELECT code FROM dossiers WHERE code IS NOT NULL");
    for (size_t i = 0; i < rows.size(); ++i) {
      codes.push_back(rows[i].Text(0));
    }
  });
  ASSERT_EQ(codes.size(), static_cast<size_t>(kTotal - kTotal / kFailEvery));
  EXPECT_EQ(std::set<std::string>(codes.begin(), codes.end()).size(), codes.size()) << "a code was issued twice";
  std::map<std::string, std::vector<int32_t>> by_agency_day;
  for (const std::string& code : codes) {
    const size_t dash = code.rfind('-');
    by_agency_day[code.substr(0, dash)].push_back(std::stoi(code.substr(dash + 1)));
  }
  EXPECT_EQ(by_agency_day.size(), 4U);
  for (auto& [key, numbers] : by_agency_day) {
    std::sort(numbers.begin(), numbers.end());
    for (size_t i = 0; i < numbers.size(); ++i) {
      ASSERT_EQ(numbers[i], static_cast<int32_t>(i + 1)) << key << ": a gap or a duplicate";
    }
  }
}

}  // namespace
}  // namespace motcua::store
