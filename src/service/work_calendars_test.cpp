#include "service/work_calendars.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "service/catalogue.hpp"
#include "service/service_test_fixture.hpp"

namespace motcua::service {
namespace {

using domain::CalendarOverride;
using domain::CivilDate;
using domain::ErrorKind;
using testing_support::kDistrict1;
using testing_support::kDistrict2;
using testing_support::kProvince;

class WorkCalendarsTest : public testing_support::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    catalogue_ = std::make_unique<CatalogueHolder>(*db_, 3600 * 1000);
    calendars_ = std::make_unique<WorkCalendars>(*db_, clock_, *catalogue_);
    system_admin_ = AddOfficer("quantri", {{domain::Role::kSystemAdmin, kProvince, {}}});
    district_admin_ = AddOfficer("quantri-huyen", {{domain::Role::kAgencyAdmin, kDistrict1, {}}});
    desk_ = AddOfficer("motcua", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  }
  void TearDown() override {
    calendars_.reset();
    catalogue_.reset();
    ServiceTest::TearDown();
  }

  std::unique_ptr<CatalogueHolder> catalogue_;
  std::unique_ptr<WorkCalendars> calendars_;
  int64_t system_admin_ = 0;
  int64_t district_admin_ = 0;
  int64_t desk_ = 0;
};

TEST_F(WorkCalendarsTest, AnOverrideChangesTheCalendarAndIsJournaled) {
  const std::shared_ptr<const domain::WorkCalendar> before = calendars_->Calendar();
  EXPECT_TRUE(before->IsWorkingDay(CivilDate{2026, 11, 3}));
  ASSERT_TRUE(
      calendars_->SetOverride(ActorOf(system_admin_), {{2026, 11, 3}, false, "  Nghỉ   theo quyết định  "}).ok());
  const std::shared_ptr<const domain::WorkCalendar> after = calendars_->Calendar();
  EXPECT_FALSE(after->IsWorkingDay(CivilDate{2026, 11, 3}));
  EXPECT_TRUE(before->IsWorkingDay(CivilDate{2026, 11, 3}));  // a holder keeps its snapshot
  const std::vector<CalendarOverride> listed = calendars_->Overrides(2026);
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].reason, "Nghỉ theo quyết định");
  EXPECT_TRUE(calendars_->Overrides(2027).empty());
  // Replaced, then removed: back to the default.
  ASSERT_TRUE(calendars_->SetOverride(ActorOf(system_admin_), {{2026, 11, 3}, true, "Làm việc"}).ok());
  EXPECT_TRUE(calendars_->Calendar()->IsWorkingDay(CivilDate{2026, 11, 3}));
  ASSERT_TRUE(calendars_->RemoveOverride(ActorOf(system_admin_), CivilDate{2026, 11, 3}).ok());
  EXPECT_TRUE(calendars_->Overrides(2026).empty());
  EXPECT_EQ(calendars_->RemoveOverride(ActorOf(system_admin_), CivilDate{2026, 11, 3}).kind(), ErrorKind::kNotFound);
  const std::vector<testing_support::JournalRow> rows = JournalRows();
  std::vector<std::string> actions;
  for (const auto& r : rows) {
    if (r.action.starts_with("calendar.")) {
      actions.push_back(r.action + " " + r.object_id);
      EXPECT_EQ(r.actor_id, system_admin_);
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"calendar.override 2026-11-03", "calendar.override 2026-11-03",
                                               "calendar.override_remove 2026-11-03"}));
}

TEST_F(WorkCalendarsTest, OnlySystemAdministratorsEditDaysWithAReasonAndARealDate) {
  EXPECT_EQ(calendars_->SetOverride(ActorOf(district_admin_), {{2026, 11, 3}, false, "x"}).kind(),
            ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->SetOverride(ActorOf(desk_), {{2026, 11, 3}, false, "x"}).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->RemoveOverride(ActorOf(district_admin_), {2026, 11, 3}).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->SetOverride(ActorOf(system_admin_), {{2026, 11, 3}, false, "   "}).kind(), ErrorKind::kInvalid);
  EXPECT_EQ(calendars_->SetOverride(ActorOf(system_admin_), {{2026, 2, 30}, false, "x"}).kind(), ErrorKind::kInvalid);
  EXPECT_EQ(calendars_->SetOverride(ActorOf(system_admin_), {{2101, 1, 3}, false, "x"}).kind(), ErrorKind::kInvalid);
  EXPECT_EQ(calendars_->SetOverride(ActorOf(system_admin_), {{2026, 11, 3}, false, std::string(300, 'a')}).kind(),
            ErrorKind::kInvalid);
  EXPECT_TRUE(calendars_->Overrides(2026).empty());
  EXPECT_TRUE(calendars_->Calendar()->IsWorkingDay(CivilDate{2026, 11, 3}));
}

TEST_F(WorkCalendarsTest, OfficeHoursPerAgencyWithinTheAdministratorsScope) {
  EXPECT_EQ(calendars_->HoursOf(kDistrict1).morning_start, domain::OfficeHours{}.morning_start);
  const domain::OfficeHours hours{7 * 60, 11 * 60 + 30, 13 * 60, 16 * 60 + 30};
  ASSERT_TRUE(calendars_->SetHours(ActorOf(district_admin_), kDistrict1, hours).ok());
  EXPECT_EQ(calendars_->HoursOf(kDistrict1).afternoon_end, 16 * 60 + 30);
  EXPECT_EQ(calendars_->HoursOf(kDistrict2).afternoon_end, 17 * 60);
  EXPECT_EQ(calendars_->SetHours(ActorOf(district_admin_), kDistrict2, hours).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->SetHours(ActorOf(district_admin_), kProvince, hours).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->SetHours(ActorOf(desk_), kDistrict1, hours).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(calendars_->SetHours(ActorOf(system_admin_), "999.99.99.H99", hours).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(calendars_->SetHours(ActorOf(system_admin_), kDistrict2, domain::OfficeHours{600, 500, 700, 800}).kind(),
            ErrorKind::kInvalid);
  ASSERT_TRUE(calendars_->SetHours(ActorOf(system_admin_), kDistrict2, hours).ok());
  const auto all = calendars_->AgencyHours();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].first, kDistrict1);
  int32_t journaled = 0;
  for (const auto& r : JournalRows()) {
    journaled += r.action == "calendar.hours" ? 1 : 0;
  }
  EXPECT_EQ(journaled, 2);
}

}  // namespace
}  // namespace motcua::service
