//! Workflows in the store through the service: the built-in default stored as version 1 on first need (once, even
//! by many callers at once), a procedure's own workflow winning over its level's default, pinned versions, publishing
//! only by system administrators with every fault of an invalid workflow, the journal, and a procedure's own
//! workflow started from its default.
#include "service/workflows.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "service/service_test_fixture.hpp"

namespace motcua::service {
namespace {

using domain::ErrorKind;
using domain::Level;
using testing_support::kDistrict1;
using testing_support::kFieldCode;
using testing_support::kProvince;

constexpr const char* kProcedure = "1.000001";  // handled by the province
constexpr const char* kDistrictProcedure = "1.000002";
constexpr const char* kCommune = "000.01.01.H40";

//! A small valid workflow (the service sets its key and version).
constexpr const char* kOwn = R"({"name": "Quy trình riêng", "steps": [
  {"id": "reception", "name": "Tiếp nhận", "role": "desk_officer", "share_percent": 20,
   "actions": ["accept", "request_supplement", "refuse"], "next": ["specialist"]},
  {"id": "specialist", "name": "Thụ lý", "role": "specialist", "share_percent": 70,
   "actions": ["forward", "request_supplement"], "next": ["return"]},
  {"id": "return", "name": "Trả kết quả", "role": "desk_officer", "share_percent": 10,
   "actions": ["record_result", "mark_returned"], "final": true}]})";

class WorkflowsTest : public testing_support::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    Sql("INSERT INTO agencies (code, name, short_name, parent_code, level) VALUES "
        "(?, 'UBND phường 1', 'Phường 1', ?, 'commune')",
        {kCommune, kDistrict1});
    Sql("INSERT INTO fields (code, name) VALUES (?, 'Hộ tịch')", {kFieldCode});
    Sql("INSERT INTO procedures (code, name, field_code, levels, online_level, time_value, time_unit, agency_code, "
        "updated_at) VALUES (?, 'Thủ tục tỉnh', ?, 'province', 'full', 10, 'working_day', ?, '2026-01-01'), "
        "(?, 'Thủ tục huyện', ?, 'district', 'full', 5, 'working_day', NULL, '2026-01-01')",
        {kProcedure, kFieldCode, kProvince, kDistrictProcedure, kFieldCode});
    catalogue_ = std::make_unique<CatalogueHolder>(*db_, 3600 * 1000);
    workflows_ = std::make_unique<Workflows>(*db_, clock_, *catalogue_);
    admin_ = AddOfficer("quantri", {{domain::Role::kSystemAdmin, kProvince, {}}});
    agency_admin_ = AddOfficer("quantridonvi", {{domain::Role::kAgencyAdmin, kProvince, {}}});
  }

  void TearDown() override {
    workflows_.reset();
    catalogue_.reset();
    ServiceTest::TearDown();
  }

  int64_t Stored(const std::string& key) {
    return Number("SELECT COUNT(*) FROM workflow_definitions WHERE key = ?", {key});
  }

  std::unique_ptr<CatalogueHolder> catalogue_;
  std::unique_ptr<Workflows> workflows_;
  int64_t admin_ = 0;
  int64_t agency_admin_ = 0;
};

TEST_F(WorkflowsTest, TheBuiltInDefaultOfTheAgencysLevelIsStoredAsVersionOneOnFirstNeed) {
  EXPECT_TRUE(workflows_->Keys().empty());
  const domain::Workflow commune = workflows_->Current(kProcedure, kCommune);
  EXPECT_EQ(commune.key, "default:commune");
  EXPECT_EQ(commune.version, 1);
  EXPECT_EQ(domain::ToJson(commune), [] {
    domain::Workflow w = domain::DefaultWorkflow(Level::kCommune);
    w.version = 1;
    return domain::ToJson(w);
  }());
  EXPECT_EQ(Stored("default:commune"), 1);
  // Asked again: the same version, nothing more stored.
  EXPECT_EQ(workflows_->Current(kProcedure, kCommune).version, 1);
  EXPECT_EQ(Stored("default:commune"), 1);
  EXPECT_EQ(workflows_->Current(kDistrictProcedure, kDistrict1).key, "default:district");
  EXPECT_EQ(workflows_->Current(kProcedure, kProvince).key, "default:province");
  // An unknown agency: the procedure's own tier.
  EXPECT_EQ(workflows_->Current(kDistrictProcedure, "000.99.99.H40").key, "default:district");
  EXPECT_EQ(workflows_->Keys(), (std::vector<std::string>{"default:commune", "default:district", "default:province"}));
  const std::vector<WorkflowVersionInfo> versions = workflows_->Versions("default:commune");
  ASSERT_EQ(versions.size(), 1U);
  EXPECT_EQ(versions[0].version, 1);
  EXPECT_EQ(versions[0].published_by, "");
  EXPECT_EQ(versions[0].published_at, clock_.Now());
}

TEST_F(WorkflowsTest, ManyCallersAtOnceStoreTheDefaultOnce) {
  constexpr int32_t kCallers = 8;
  std::vector<std::thread> threads;
  std::atomic<int32_t> wrong{0};
  threads.reserve(kCallers);
  for (int32_t i = 0; i < kCallers; ++i) {
    threads.emplace_back([&] {
      // A second service object stands for a second node: its own cache, the same database.
      Workflows node(*db_, clock_, *catalogue_);
      if (node.Current(kProcedure, kCommune).version != 1) {
        wrong.fetch_add(1);
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(Stored("default:commune"), 1);
}

TEST_F(WorkflowsTest, AProceduresOwnWorkflowWinsAndPinnedVersionsStay) {
  const domain::Workflow before = workflows_->Current(kProcedure, kProvince);
  EXPECT_EQ(before.key, "default:province");
  const domain::Result<int32_t> v1 = workflows_->Publish(ActorOf(admin_), kProcedure, kOwn);
  ASSERT_TRUE(v1.ok()) << v1.error().message;
  EXPECT_EQ(*v1, 1);
  const domain::Workflow own = workflows_->Current(kProcedure, kProvince);
  EXPECT_EQ(own.key, kProcedure);
  EXPECT_EQ(own.version, 1);
  EXPECT_EQ(own.name, "Quy trình riêng");
  ASSERT_EQ(own.steps.size(), 3U);
  // A new version of the default changes nothing for the procedure, and the old default stays readable.
  std::string next_default = domain::ToJson(domain::DefaultWorkflow(Level::kProvince));
  next_default.replace(next_default.find("Quy trình mặc định"), std::string("Quy trình mặc định").size(), "Mới");
  const domain::Result<int32_t> d2 = workflows_->Publish(ActorOf(admin_), "default:province", next_default);
  ASSERT_TRUE(d2.ok());
  EXPECT_EQ(*d2, 2);
  EXPECT_EQ(workflows_->Current(kProcedure, kProvince).key, kProcedure);
  EXPECT_EQ(workflows_->Current(kDistrictProcedure, kProvince).version, 2);
  const domain::Result<domain::Workflow> pinned = workflows_->Version("default:province", 1);
  ASSERT_TRUE(pinned.ok());
  EXPECT_EQ(pinned->name, before.name);
  EXPECT_EQ(pinned->version, 1);
  EXPECT_EQ(workflows_->Version("default:province", 3).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(workflows_->Version("nothing", 1).kind(), ErrorKind::kNotFound);
  const std::vector<WorkflowVersionInfo> versions = workflows_->Versions("default:province");
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].version, 2);
  EXPECT_EQ(versions[0].published_by, "Cán bộ quantri");
  EXPECT_EQ(versions[1].published_by, "");
}

TEST_F(WorkflowsTest, PublishingIsForSystemAdministratorsAndJournaled) {
  EXPECT_EQ(workflows_->Publish(ActorOf(agency_admin_), kProcedure, kOwn).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(workflows_->Publish(Actor{}, kProcedure, kOwn).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(Stored(kProcedure), 0);
  EXPECT_EQ(workflows_->Publish(ActorOf(admin_), "9.999999", kOwn).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(workflows_->Publish(ActorOf(admin_), "default:galaxy", kOwn).kind(), ErrorKind::kNotFound);
  ASSERT_TRUE(workflows_->Publish(ActorOf(admin_), kProcedure, kOwn).ok());
  const std::vector<testing_support::JournalRow> rows = JournalRows();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back().action, "workflow.publish");
  EXPECT_EQ(rows.back().object_id, kProcedure);
  EXPECT_EQ(rows.back().actor_id, admin_);
  EXPECT_NE(rows.back().summary.find("\"version\":1"), std::string::npos) << rows.back().summary;
}

TEST_F(WorkflowsTest, AnInvalidWorkflowIsRefusedWithEveryFaultAndNothingStored) {
  std::string bad = kOwn;
  bad.replace(bad.find("\"share_percent\": 70"), std::string("\"share_percent\": 70").size(), "\"share_percent\": 60");
  bad.replace(bad.find("\"next\": [\"return\"]"), std::string("\"next\": [\"return\"]").size(),
              "\"next\": [\"nowhere\"]");
  const domain::Result<int32_t> r = workflows_->Publish(ActorOf(admin_), kProcedure, bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.kind(), ErrorKind::kInvalid);
  std::vector<std::string> where;
  for (const domain::FieldError& f : r.error().fields) {
    where.push_back(f.field);
  }
  EXPECT_EQ(where, (std::vector<std::string>{"steps", "steps[1].next[0]"}));
  EXPECT_EQ(Stored(kProcedure), 0);
  EXPECT_EQ(workflows_->Publish(ActorOf(admin_), kProcedure, "not json").kind(), ErrorKind::kInvalid);
}

TEST_F(WorkflowsTest, AProceduresOwnWorkflowStartsFromItsLevelsDefault) {
  const domain::Result<int32_t> started = workflows_->StartForProcedure(ActorOf(admin_), kDistrictProcedure);
  ASSERT_TRUE(started.ok()) << started.error().message;
  EXPECT_EQ(*started, 1);
  const domain::Workflow own = workflows_->Current(kDistrictProcedure, kDistrict1);
  EXPECT_EQ(own.key, kDistrictProcedure);
  EXPECT_EQ(own.steps.size(), domain::DefaultWorkflow(Level::kDistrict).steps.size());
  EXPECT_EQ(workflows_->StartForProcedure(ActorOf(admin_), kDistrictProcedure).kind(), ErrorKind::kConflict);
  EXPECT_EQ(workflows_->StartForProcedure(ActorOf(agency_admin_), kProcedure).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(workflows_->StartForProcedure(ActorOf(admin_), "9.999999").kind(), ErrorKind::kNotFound);
  EXPECT_EQ(Stored(kDistrictProcedure), 1);
  EXPECT_TRUE(workflows_->KnownKey("default:commune"));
  EXPECT_TRUE(workflows_->KnownKey(kProcedure));
  EXPECT_FALSE(workflows_->KnownKey("default:"));
  EXPECT_FALSE(workflows_->KnownKey("9.999999"));
}

}  // namespace
}  // namespace motcua::service
