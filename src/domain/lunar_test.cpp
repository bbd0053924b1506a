#include "domain/lunar.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "app/build_paths.hpp"
#include "domain/csv.hpp"

namespace motcua::domain {
namespace {

CsvDocument ReadCalendarCsv(const std::string& name) {
  std::ifstream in(motcua::app::SourceDir() + "/tests/data/calendar/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return ParseCsv(text.str());
}

CivilDate Date(const std::string& iso) {
  constexpr size_t kMonthAt = 5;
  constexpr size_t kDayAt = 8;
  return CivilDate{std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(kMonthAt, 2)), std::stoi(iso.substr(kDayAt, 2))};
}

std::string Iso(CivilDate d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

TEST(Lunar, EveryPublishedVectorBothWays) {
  const CsvDocument doc = ReadCalendarCsv("lunar-test-vectors.csv");
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_EQ(doc.records.size(), 40U);  // header + 39 vectors
  const CsvHeader header(doc.records.front());
  for (size_t i = 1; i < doc.records.size(); ++i) {
    const CsvRecord& r = doc.records[i];
    const CivilDate solar = Date(header.Get(r, "solar_date"));
    const LunarDate lunar{std::stoi(header.Get(r, "lunar_year")), std::stoi(header.Get(r, "lunar_month")),
                          std::stoi(header.Get(r, "lunar_day")), header.Get(r, "lunar_leap_month") == "1"};
    const std::optional<LunarDate> got = ToLunar(solar);
    ASSERT_TRUE(got.has_value()) << header.Get(r, "solar_date");
    EXPECT_EQ(*got, lunar) << header.Get(r, "solar_date") << ": " << got->day << "/" << got->month << "/" << got->year
                           << (got->leap_month ? " nhuận" : "");
    const std::optional<CivilDate> back = FromLunar(lunar);
    ASSERT_TRUE(back.has_value()) << header.Get(r, "event");
    EXPECT_EQ(Iso(*back), header.Get(r, "solar_date"));
  }
}

TEST(Lunar, RoundTripsEveryDayFrom1900To2100) {
  std::chrono::sys_days day{
      std::chrono::year_month_day{std::chrono::year(kFirstCalendarYear), std::chrono::January, std::chrono::day(1)}};
  const std::chrono::sys_days end{
      std::chrono::year_month_day{std::chrono::year(kLastCalendarYear + 1), std::chrono::January, std::chrono::day(1)}};
  int64_t days = 0;
  std::optional<LunarDate> previous;
  for (; day < end; day += std::chrono::days(1), ++days) {
    const std::chrono::year_month_day ymd{day};
    const CivilDate solar{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<unsigned>(ymd.month())),
                          static_cast<int32_t>(static_cast<unsigned>(ymd.day()))};
    const std::optional<LunarDate> lunar = ToLunar(solar);
    ASSERT_TRUE(lunar.has_value()) << Iso(solar);
    const std::optional<CivilDate> back = FromLunar(*lunar);
    ASSERT_TRUE(back.has_value()) << Iso(solar);
    ASSERT_EQ(Iso(*back), Iso(solar));
    // Days follow each other: the next day, or day 1 of a month after a 29th or 30th.
    if (previous && lunar->day != previous->day + 1) {
      ASSERT_EQ(lunar->day, 1) << Iso(solar);
      ASSERT_TRUE(previous->day == 29 || previous->day == 30) << Iso(solar);
    }
    previous = lunar;
  }
  EXPECT_EQ(days, 73414);
}

TEST(Lunar, LeapMonths) {
  EXPECT_EQ(LeapMonthOf(2020), 4);
  EXPECT_EQ(LeapMonthOf(2023), 2);
  EXPECT_EQ(LeapMonthOf(2025), 6);
  EXPECT_EQ(LeapMonthOf(2024), 0);
  EXPECT_EQ(LeapMonthOf(2026), 0);
  // Leap month 4 of 2020 follows month 4 and precedes month 5.
  const std::optional<CivilDate> fourth = FromLunar(LunarDate{2020, 4, 1, false});
  const std::optional<CivilDate> leap = FromLunar(LunarDate{2020, 4, 1, true});
  const std::optional<CivilDate> fifth = FromLunar(LunarDate{2020, 5, 1, false});
  ASSERT_TRUE(fourth && leap && fifth);
  EXPECT_EQ(Iso(*fourth), "2020-04-23");
  EXPECT_EQ(Iso(*leap), "2020-05-23");
  EXPECT_EQ(Iso(*fifth), "2020-06-21");
  // Over 1900–2100 a leap month comes 7 times in 19 years (± one), and never twice in a year.
  int32_t leap_years = 0;
  for (int32_t y = kFirstCalendarYear; y < kLastCalendarYear; ++y) {
    const int32_t m = LeapMonthOf(y);
    EXPECT_GE(m, 0);
    EXPECT_LE(m, 12);
    leap_years += m > 0 ? 1 : 0;
  }
  EXPECT_NEAR(leap_years, 200 * 7 / 19, 2);
}

TEST(Lunar, NonexistentDaysAndRangeAreRefused) {
  EXPECT_FALSE(FromLunar(LunarDate{2024, 4, 1, true}).has_value());  // 2024 has no leap month
  EXPECT_FALSE(FromLunar(LunarDate{2020, 5, 1, true}).has_value());  // 2020's leap month is 4
  EXPECT_FALSE(FromLunar(LunarDate{2026, 13, 1, false}).has_value());
  EXPECT_FALSE(FromLunar(LunarDate{2026, 0, 1, false}).has_value());
  EXPECT_FALSE(FromLunar(LunarDate{2026, 1, 0, false}).has_value());
  EXPECT_FALSE(FromLunar(LunarDate{2026, 1, 31, false}).has_value());
  // A 29-day month has no 30th: month 12 of lunar 2025 ends on 29 (Tết 2026 is 17/2, its eve 16/2 is the 29th).
  const std::optional<LunarDate> eve = ToLunar(CivilDate{2026, 2, 16});
  ASSERT_TRUE(eve.has_value());
  EXPECT_EQ(eve->day, 29);
  EXPECT_FALSE(FromLunar(LunarDate{2025, 12, 30, false}).has_value());
  EXPECT_TRUE(FromLunar(LunarDate{2025, 12, 29, false}).has_value());
  EXPECT_FALSE(ToLunar(CivilDate{1899, 12, 31}).has_value());
  EXPECT_FALSE(ToLunar(CivilDate{2101, 1, 1}).has_value());
  EXPECT_FALSE(ToLunar(CivilDate{2026, 2, 30}).has_value());
  EXPECT_TRUE(ToLunar(CivilDate{1900, 1, 1}).has_value());
  EXPECT_TRUE(ToLunar(CivilDate{2100, 12, 31}).has_value());
}

}  // namespace
}  // namespace motcua::domain
