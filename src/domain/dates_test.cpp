//! Vietnamese dates and times from instants: UTC+7 all year, day boundaries, and real calendar dates only.
#include "domain/dates.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::domain {
namespace {

struct TimeCase {
  int64_t unix_seconds;
  std::string local;
};

TEST(LocalTime, VietnamIsUtcPlusSevenAllYear) {
  // clang-format off
  const TimeCase cases[] = {
      {0,          "01/01/1970 07:00"},
      {-25200,     "01/01/1970 00:00"},
      {1700000000, "15/11/2023 05:13"},
      {1767175200, "31/12/2025 17:00"},
      {1767200399, "31/12/2025 23:59"},  // 16:59:59 UTC
      {1767200400, "01/01/2026 00:00"},  // 17:00 UTC is already the new year in Hà Nội
      {951843540,  "29/02/2000 23:59"},
      {1719792000, "01/07/2024 07:00"},  // no daylight saving in summer
  };
  // clang-format on
  for (const TimeCase& c : cases) {
    EXPECT_EQ(LocalTime(Instant::FromSeconds(c.unix_seconds)), c.local) << c.unix_seconds;
  }
}

TEST(VietnamToday, TheDayTurnsAtFiveInTheAfternoonUtc) {
  constexpr int64_t kLastSecondOf2025 = 1767200399;  // 2025-12-31T16:59:59Z
  const CivilDate before = VietnamToday(Instant::FromSeconds(kLastSecondOf2025));
  EXPECT_EQ(before.year, 2025);
  EXPECT_EQ(before.month, 12);
  EXPECT_EQ(before.day, 31);
  const CivilDate after = VietnamToday(Instant::FromSeconds(kLastSecondOf2025 + 1));
  EXPECT_EQ(after.year, 2026);
  EXPECT_EQ(after.month, 1);
  EXPECT_EQ(after.day, 1);
  const CivilDate leap = VietnamToday(Instant::FromSeconds(951843540));  // 2000-02-29 23:59 in Hà Nội
  EXPECT_EQ(leap.month, 2);
  EXPECT_EQ(leap.day, 29);
}

TEST(VietnamDayStart, MidnightInVietnamIsSevenHoursEarlierInUtc) {
  constexpr int64_t kNov26Utc = 1795651200;  // 2026-11-26T00:00:00Z
  constexpr int64_t kSevenHours = int64_t{7} * 3600;
  constexpr int64_t kDay = int64_t{24} * 3600;
  EXPECT_EQ(VietnamDayStart("2026-11-26", 0), Instant::FromSeconds(kNov26Utc - kSevenHours));
  EXPECT_EQ(VietnamDayStart("2026-11-26", 1), Instant::FromSeconds(kNov26Utc - kSevenHours + kDay));
  EXPECT_EQ(VietnamDayStart("2024-02-29", 0).has_value(), true);
  EXPECT_EQ(VietnamToday(*VietnamDayStart("2026-11-26", 0)).day, 26);
}

TEST(DisplayDate, DayMonthYearAsPeopleWriteIt) {
  EXPECT_EQ(DisplayDate("1990-05-12"), "12/05/1990");
  EXPECT_EQ(DisplayDate("2024-02-29"), "29/02/2024");
  EXPECT_EQ(DisplayDate("2025-02-29"), "2025-02-29");  // not a real day: shown as stored
  EXPECT_EQ(DisplayDate(""), "");
  EXPECT_EQ(DisplayDate("12/05/1990"), "12/05/1990");
}

TEST(VietnamDayStart, AnythingButARealIsoDateIsNothing) {
  for (const std::string_view bad : {"", "2026-11-2", "2026/11/26", "2026-13-01", "2025-02-29", "2026-1a-05",
                                     "2026-11-2x", "abcd-11-26", "26-11-2026", "2026-11-26T00"}) {
    EXPECT_FALSE(VietnamDayStart(bad, 0).has_value()) << bad;
  }
}

}  // namespace
}  // namespace motcua::domain
