//! Versioned workflows in the store on every engine: numbering, never replaced, the insert-if-absent of the built-in
//! default by many writers at once (exactly one inserts version 1), keys and history.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/migrations.hpp"
#include "store/workflow_store.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::Instant;
using testing_support::OpenTestDatabase;

constexpr Instant kT0 = Instant::FromSeconds(1793491200);  // 2026-11-01 00:00 UTC

class WorkflowStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }

  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(WorkflowStoreTest, VersionsAreNumberedAndNeverReplaced) {
  int32_t first_next = 0;
  int32_t v2 = 0;
  bool seeded = false;
  bool seeded_again = true;
  db().Write([&](Session& s) {
    first_next = NextWorkflowVersion(s, "default:commune");
    seeded = InsertWorkflowVersionIfAbsent(s, "default:commune", 1, R"({"v":1})", kT0);
    seeded_again = InsertWorkflowVersionIfAbsent(s, "default:commune", 1, R"({"v":"other"})", kT0);
    v2 = NextWorkflowVersion(s, "default:commune");
    InsertWorkflowVersion(s, "default:commune", v2, R"({"v":2})", kT0.Plus(std::chrono::seconds(5)), 42);
    InsertWorkflowVersion(s, "1.001193", 1, R"({"p":1})", kT0, 42);
  });
  EXPECT_EQ(first_next, 1);
  EXPECT_TRUE(seeded);
  EXPECT_FALSE(seeded_again);
  EXPECT_EQ(v2, 2);
  std::optional<WorkflowVersionRecord> current;
  std::optional<WorkflowVersionRecord> first;
  std::optional<WorkflowVersionRecord> missing;
  std::optional<WorkflowVersionRecord> none;
  std::vector<WorkflowVersionRecord> versions;
  std::vector<std::string> keys;
  db().Read([&](Session& s) {
    current = FindCurrentWorkflow(s, "default:commune");
    first = FindWorkflowVersion(s, "default:commune", 1);
    missing = FindWorkflowVersion(s, "default:commune", 3);
    none = FindCurrentWorkflow(s, "default:district");
    versions = ListWorkflowVersions(s, "default:commune");
    keys = WorkflowKeys(s);
  });
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->version, 2);
  EXPECT_EQ(current->definition, R"({"v":2})");
  EXPECT_EQ(current->published_by, 42);
  EXPECT_EQ(current->published_at, kT0.Plus(std::chrono::seconds(5)));
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->definition, R"({"v":1})");  // the second insert-if-absent changed nothing
  EXPECT_EQ(first->published_by, 0);
  EXPECT_FALSE(missing.has_value());
  EXPECT_FALSE(none.has_value());
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[1].version, 1);
  EXPECT_TRUE(versions[0].definition.empty());
  EXPECT_EQ(keys, (std::vector<std::string>{"1.001193", "default:commune"}));
  try {
    db().Write([&](Session& s) { InsertWorkflowVersion(s, "default:commune", 2, "{}", kT0, 5); });
    ADD_FAILURE() << "a published version was replaced";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUniqueViolation);
  }
}

TEST_F(WorkflowStoreTest, ManyWritersSeedTheDefaultOnce) {
  constexpr int32_t kWriters = 8;
  std::atomic<int32_t> inserted{0};
  std::vector<std::thread> threads;
  threads.reserve(kWriters);
  for (int32_t i = 0; i < kWriters; ++i) {
    threads.emplace_back([&, i] {
      db().Write([&](Session& s) {
        if (InsertWorkflowVersionIfAbsent(s, "default:province", 1, "{\"writer\":" + std::to_string(i) + "}", kT0)) {
          inserted.fetch_add(1);
        }
      });
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(inserted.load(), 1);
  std::vector<WorkflowVersionRecord> versions;
  db().Read([&](Session& s) { versions = ListWorkflowVersions(s, "default:province"); });
  ASSERT_EQ(versions.size(), 1U);
  EXPECT_EQ(versions[0].version, 1);
}

}  // namespace
}  // namespace motcua::store
