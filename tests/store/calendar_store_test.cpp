//! The working-day calendar's tables (issue 10) on every engine: overrides added, replaced, listed by range and
//! removed; office hours per agency set and replaced.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <vector>

#include "store/calendar_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using domain::CalendarOverride;
using domain::CivilDate;
using domain::Instant;
using testing_support::OpenTestDatabase;

constexpr Instant kT0 = Instant::FromSeconds(1767225600);  // 2026-01-01 00:00 UTC

class CalendarStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }
  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(CalendarStoreTest, OverridesAreAddedReplacedListedAndRemoved) {
  db().Write([&](Session& s) {
    UpsertCalendarOverride(s, CalendarOverride{CivilDate{2026, 11, 7}, true, "Làm bù"}, kT0, 0);
    UpsertCalendarOverride(s, CalendarOverride{CivilDate{2026, 2, 13}, false, "Nghỉ Tết"}, kT0, 0);
    UpsertCalendarOverride(s, CalendarOverride{CivilDate{2027, 1, 4}, false, "Nghỉ"}, kT0, 0);
  });
  db().Write([&](Session& s) {
    UpsertCalendarOverride(s, CalendarOverride{CivilDate{2026, 11, 7}, false, "Đổi lại: nghỉ"}, kT0, 0);
  });
  db().Read([&](Session& s) {
    const std::vector<CalendarOverride> all = ListCalendarOverrides(s);
    ASSERT_EQ(all.size(), 3U);
    EXPECT_EQ(all[0].date.month, 2);
    EXPECT_EQ(all[1].date.day, 7);
    EXPECT_FALSE(all[1].working);
    EXPECT_EQ(all[1].reason, "Đổi lại: nghỉ");
    const std::vector<CalendarOverride> in2026 =
        ListCalendarOverridesBetween(s, CivilDate{2026, 1, 1}, CivilDate{2026, 12, 31});
    ASSERT_EQ(in2026.size(), 2U);
    const std::optional<CalendarOverride> one = FindCalendarOverride(s, CivilDate{2026, 2, 13});
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->reason, "Nghỉ Tết");
    EXPECT_FALSE(FindCalendarOverride(s, CivilDate{2026, 2, 14}).has_value());
  });
  bool removed = false;
  bool again = true;
  db().Write([&](Session& s) {
    removed = DeleteCalendarOverride(s, CivilDate{2026, 2, 13});
    again = DeleteCalendarOverride(s, CivilDate{2026, 2, 13});
  });
  EXPECT_TRUE(removed);
  EXPECT_FALSE(again);
  db().Read([&](Session& s) { EXPECT_EQ(ListCalendarOverrides(s).size(), 2U); });
}

TEST_F(CalendarStoreTest, OfficeHoursPerAgency) {
  db().Read([&](Session& s) { EXPECT_FALSE(FindOfficeHours(s, "000.00.01.H40").has_value()); });
  const domain::OfficeHours hours{7 * 60, 11 * 60 + 30, 13 * 60, 16 * 60 + 30};
  db().Write([&](Session& s) { UpsertOfficeHours(s, "000.00.01.H40", hours, kT0, 0); });
  db().Write([&](Session& s) {
    UpsertOfficeHours(s, "000.00.01.H40", domain::OfficeHours{}, kT0, 0);
    UpsertOfficeHours(s, "000.00.02.H40", hours, kT0, 0);
  });
  db().Read([&](Session& s) {
    const std::optional<domain::OfficeHours> got = FindOfficeHours(s, "000.00.01.H40");
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->morning_start, domain::OfficeHours{}.morning_start);
    EXPECT_EQ(got->afternoon_end, domain::OfficeHours{}.afternoon_end);
    const std::vector<AgencyHours> all = ListOfficeHours(s);
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[1].agency_code, "000.00.02.H40");
    EXPECT_EQ(all[1].hours.afternoon_start, 13 * 60);
    EXPECT_EQ(all[1].hours.afternoon_end, 16 * 60 + 30);
  });
}

}  // namespace
}  // namespace motcua::store
