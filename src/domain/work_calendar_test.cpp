#include "domain/work_calendar.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "app/build_paths.hpp"
#include "domain/csv.hpp"
#include "domain/lunar.hpp"

namespace motcua::domain {
namespace {

std::chrono::sys_days Sys(CivilDate d) {
  return std::chrono::sys_days{std::chrono::year_month_day{std::chrono::year(d.year),
                                                           std::chrono::month(static_cast<unsigned>(d.month)),
                                                           std::chrono::day(static_cast<unsigned>(d.day))}};
}

CivilDate Civil(std::chrono::sys_days s) {
  const std::chrono::year_month_day ymd{s};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<unsigned>(ymd.month())),
                   static_cast<int32_t>(static_cast<unsigned>(ymd.day()))};
}

std::string Iso(CivilDate d) { return FormatLocal(LocalDateTime{d, 0}).substr(0, 10); }

CivilDate D(const std::string& iso) { return ParseLocal(iso + " 00:00").value().date; }

LocalDateTime At(const std::string& text) { return ParseLocal(text).value(); }

bool Weekend(CivilDate d) {
  const std::chrono::weekday w{Sys(d)};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

const OfficeHours kHours{};

TEST(DefaultYear, ReproducesEveryRowOfTheHolidayTable2018To2027AndNothingElseOnWeekdays) {
  std::ifstream in(motcua::app::SourceDir() + "/tests/data/calendar/holidays-vn-2018-2027.csv");
  std::stringstream text;
  text << in.rdbuf();
  const CsvDocument doc = ParseCsv(text.str());
  ASSERT_TRUE(doc.errors.empty());
  ASSERT_EQ(doc.records.size(), 137U);
  const CsvHeader header(doc.records.front());
  const std::map<std::string, DayKind> kinds = {{"statutory", DayKind::kHoliday},
                                                {"observed_in_lieu", DayKind::kCompensatory},
                                                {"substituted_day_off", DayKind::kSwappedDayOff}};
  std::map<std::string, CalendarDay> computed;
  for (int32_t year = 2018; year <= 2027; ++year) {
    for (const CalendarDay& d : DefaultYear(year)) {
      EXPECT_TRUE(computed.emplace(Iso(d.date), d).second) << "twice: " << Iso(d.date);
    }
  }
  std::map<std::string, bool> in_table;
  for (size_t i = 1; i < doc.records.size(); ++i) {
    const CsvRecord& r = doc.records[i];
    const std::string& date = header.Get(r, "date");
    in_table[date] = true;
    const auto found = computed.find(date);
    ASSERT_NE(found, computed.end()) << "missing " << date << " " << header.Get(r, "name_vi");
    EXPECT_EQ(found->second.kind, kinds.at(header.Get(r, "kind"))) << date;
    EXPECT_EQ(found->second.reason, header.Get(r, "name_vi")) << date;
  }
  for (const auto& [date, day] : computed) {
    if (day.kind == DayKind::kMakeUpWorkday) {
      EXPECT_TRUE(Weekend(day.date)) << date;
      continue;
    }
    EXPECT_TRUE(in_table.contains(date)) << "extra day off " << date << " " << day.reason;
  }
}

TEST(DefaultYear, EveryYearHasTheStatutoryDaysSortedOnce) {
  for (int32_t year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) {
    const std::vector<CalendarDay> days = DefaultYear(year);
    ASSERT_FALSE(days.empty()) << year;
    int32_t holidays = 0;
    for (size_t i = 0; i < days.size(); ++i) {
      EXPECT_EQ(days[i].date.year, year);
      EXPECT_FALSE(days[i].reason.empty());
      if (i > 0) {
        EXPECT_LT(Sys(days[i - 1].date), Sys(days[i].date)) << year;
      }
      holidays += days[i].kind == DayKind::kHoliday ? 1 : 0;
      // A compensatory day is always a weekday.
      if (days[i].kind == DayKind::kCompensatory) {
        EXPECT_FALSE(Weekend(days[i].date)) << Iso(days[i].date);
      }
    }
    // 1/1, Tết (4 days before 2013, 5 since), Giỗ Tổ (since 2007), 30/4, 1/5, 2/9 (+1 since 2021).
    const int32_t expected = 1 + (year >= 2013 ? 5 : 4) + (year >= 2007 ? 1 : 0) + 3 + (year >= 2021 ? 1 : 0);
    EXPECT_EQ(holidays, expected) << year;
  }
  EXPECT_TRUE(DefaultYear(kFirstCalendarYear - 1).empty());
  EXPECT_TRUE(DefaultYear(kLastCalendarYear + 1).empty());
}

TEST(DefaultYear, TetOnTheWeekendGetsWeekdaysBeforeAndAfter) {
  // 2030: the new moon is at 23:07 on 2/2 in Vietnam (00:07 on 3/2 in China), so Tết is Saturday 2/2 here. The eve
  // (Friday 1/2) to day 4 (Tuesday 5/2) hold a weekend: Thursday 31/1 (before) and Wednesday 6/2 (after) are off.
  const std::optional<CivilDate> tet = FromLunar(LunarDate{2030, 1, 1, false});
  ASSERT_TRUE(tet.has_value());
  EXPECT_EQ(Iso(*tet), "2030-02-02");
  const WorkCalendar cal;
  EXPECT_FALSE(cal.IsWorkingDay(D("2030-01-31")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2030-02-01")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2030-02-05")));
  EXPECT_FALSE(cal.IsWorkingDay(D("2030-02-06")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2030-01-30")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2030-02-07")));
  // 2025: one day (day 4, a Saturday) on the weekend: only the day before the eve, Monday 27/1.
  EXPECT_FALSE(cal.IsWorkingDay(D("2025-01-27")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-01-24")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2025-02-03")));
}

TEST(WorkCalendar, MakeUpSaturdaysOfASwappedYear) {
  const WorkCalendar cal;
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-04-29")));  // Monday off
  EXPECT_TRUE(cal.IsWorkingDay(D("2024-05-04")));   // Saturday worked
  EXPECT_FALSE(cal.IsWorkingDay(D("2024-05-05")));
  // Friday 26/4 + 1 working day: Monday 29/4, 30/4 and 1/5 are off: Thursday 2/5.
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2024-04-26"), 1)), "2024-05-02");
  // Friday 3/5 + 1: the make-up Saturday.
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2024-05-03"), 1)), "2024-05-04");
  EXPECT_TRUE(cal.IsWorkingDay(D("2019-01-05")));
  const std::vector<CalendarDay> y2024 = cal.Year(2024);
  const auto made_up =
      std::find_if(y2024.begin(), y2024.end(), [](const CalendarDay& d) { return d.kind == DayKind::kMakeUpWorkday; });
  ASSERT_NE(made_up, y2024.end());
  EXPECT_EQ(Iso(made_up->date), "2024-05-04");
}

TEST(WorkCalendar, TetAcrossAWeekend) {
  const WorkCalendar cal;
  // 2024: Thursday 8/2 to Wednesday 14/2 off (29 Tết, the eve, 1–4 with a weekend, mùng 5).
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2024-02-07"), 1)), "2024-02-15");
  EXPECT_EQ(cal.WorkingDaysBetween(D("2024-02-05"), D("2024-02-19")), 5);
  EXPECT_EQ(Iso(cal.NextWorkingDay(D("2024-02-07"))), "2024-02-15");
}

TEST(WorkCalendar, DueOneWorkingDayAt1659And1701AndAtLunch) {
  const WorkCalendar cal;
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 16:59"), 1, TimeUnit::kWorkingDay, kHours)), "2026-11-03 16:59");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 17:01"), 1, TimeUnit::kWorkingDay, kHours)), "2026-11-03 17:00");
  // Friday after hours: Monday's clock start, due at Monday's end.
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-06 17:30"), 1, TimeUnit::kWorkingDay, kHours)), "2026-11-09 17:00");
  // At lunch the clock starts at 13:30; a day later is the start of Tuesday's afternoon, given as 11:30.
  EXPECT_EQ(FormatLocal(cal.ClockStart(At("2026-11-02 12:00"), kHours)), "2026-11-02 13:30");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 12:00"), 1, TimeUnit::kWorkingDay, kHours)), "2026-11-03 11:30");
  EXPECT_EQ(FormatLocal(cal.ClockStart(At("2026-11-02 06:00"), kHours)), "2026-11-02 07:30");
  EXPECT_EQ(FormatLocal(cal.ClockStart(At("2026-11-02 09:00"), kHours)), "2026-11-02 09:00");
  EXPECT_EQ(FormatLocal(cal.ClockStart(At("2026-11-07 09:00"), kHours)), "2026-11-09 07:30");
  EXPECT_FALSE(cal.Due(At("2026-11-02 09:00"), 0, TimeUnit::kWorkingDay, kHours).has_value());
  EXPECT_FALSE(cal.Due(At("2026-11-02 09:00"), 5, TimeUnit::kUnspecified, kHours).has_value());
  EXPECT_FALSE(cal.Due(At("2026-11-02 09:00"), -1, TimeUnit::kDay, kHours).has_value());
}

TEST(WorkCalendar, HoursAndOtherOfficeHours) {
  const WorkCalendar cal;
  // 8 hours from Monday 08:00: 3.5 h to 11:30, 3.5 h to 17:00, 1 h on Tuesday: 08:30.
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 08:00"), 8, TimeUnit::kHour, kHours)), "2026-11-03 08:30");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 08:00"), 2, TimeUnit::kHour, kHours)), "2026-11-02 10:00");
  // An office open 07:00–11:30 and 13:00–16:30: 8 h a day; 16:00 + 1 h = 07:30 next day.
  const OfficeHours other{7 * 60, 11 * 60 + 30, 13 * 60, 16 * 60 + 30};
  ASSERT_TRUE(other.Valid());
  EXPECT_EQ(other.DayMinutes(), 480);
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 16:00"), 1, TimeUnit::kHour, other)), "2026-11-03 07:30");
  EXPECT_FALSE((OfficeHours{600, 500, 700, 800}.Valid()));
  EXPECT_FALSE((OfficeHours{400, 500, 450, 800}.Valid()));
  EXPECT_FALSE((OfficeHours{400, 500, 600, 1500}.Valid()));
  EXPECT_EQ(kHours.DayMinutes(), 450);
}

TEST(WorkCalendar, DeadlineIsNeverOnADayOffNorOutsideHours) {
  const WorkCalendar cal;
  std::mt19937 random(20261130);
  std::uniform_int_distribution<int32_t> day(0, 3650);
  std::uniform_int_distribution<int32_t> minute(0, 1439);
  std::uniform_int_distribution<int32_t> limit(1, 40);
  const std::chrono::sys_days base = Sys(CivilDate{2018, 1, 1});
  for (int32_t i = 0; i < 5000; ++i) {
    const LocalDateTime received{Civil(base + std::chrono::days(day(random))), minute(random)};
    for (const TimeUnit unit : {TimeUnit::kWorkingDay, TimeUnit::kHour, TimeUnit::kDay, TimeUnit::kMonth}) {
      const std::optional<LocalDateTime> due = cal.Due(received, limit(random), unit, kHours);
      ASSERT_TRUE(due.has_value());
      EXPECT_TRUE(cal.IsWorkingDay(due->date)) << FormatLocal(received) << " → " << FormatLocal(*due);
      const bool in_morning = due->minute > kHours.morning_start && due->minute <= kHours.morning_end;
      const bool in_afternoon = due->minute > kHours.afternoon_start && due->minute <= kHours.afternoon_end;
      EXPECT_TRUE(in_morning || in_afternoon) << FormatLocal(*due);
      EXPECT_GT(*due, received);
    }
  }
}

TEST(WorkCalendar, CalendarDaysAndMonthsLandingOnAHolidayMoveToTheNextWorkingDay) {
  const WorkCalendar cal;
  // 15/4/2026 + 15 days = Thursday 30/4 (holiday), then 1/5 holiday and the weekend: Monday 4/5, end of day.
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-04-15 10:00"), 15, TimeUnit::kDay, kHours)), "2026-05-04 17:00");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-03-30 10:00"), 1, TimeUnit::kMonth, kHours)), "2026-05-04 17:00");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-01-31 10:00"), 1, TimeUnit::kMonth, kHours)), "2026-03-02 17:00");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-11-02 10:00"), 15, TimeUnit::kDay, kHours)), "2026-11-17 17:00");
  EXPECT_EQ(FormatLocal(*cal.Due(At("2026-10-31 10:00"), 12, TimeUnit::kMonth, kHours)), "2027-11-01 17:00");
}

TEST(WorkCalendar, Overrides) {
  const std::vector<CalendarOverride> overrides = {
      {D("2026-11-03"), false, "Nghỉ theo quyết định của tỉnh"},  // an extra day off
      {D("2026-09-01"), true, "Làm việc"},                        // a computed holiday cancelled
      {D("2026-11-07"), true, "Làm bù"},                          // a make-up Saturday
      {D("2026-11-10"), false, "first"},
      {D("2026-11-10"), true, "later wins"},
  };
  const WorkCalendar cal(overrides);
  EXPECT_FALSE(cal.IsWorkingDay(D("2026-11-03")));
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2026-11-02"), 1)), "2026-11-04");
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-09-01")));
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-11-07")));
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2026-11-06"), 1)), "2026-11-07");
  EXPECT_TRUE(cal.IsWorkingDay(D("2026-11-10")));
  const std::vector<CalendarDay> year = cal.Year(2026);
  std::map<std::string, CalendarDay> by_date;
  for (const CalendarDay& d : year) {
    by_date.emplace(Iso(d.date), d);
  }
  ASSERT_TRUE(by_date.contains("2026-11-03"));
  EXPECT_EQ(by_date.at("2026-11-03").kind, DayKind::kExtraDayOff);
  EXPECT_EQ(by_date.at("2026-11-03").reason, "Nghỉ theo quyết định của tỉnh");
  EXPECT_FALSE(by_date.contains("2026-09-01"));
  EXPECT_TRUE(by_date.contains("2026-09-02"));
  ASSERT_TRUE(by_date.contains("2026-11-07"));
  EXPECT_EQ(by_date.at("2026-11-07").kind, DayKind::kMakeUpWorkday);
  EXPECT_FALSE(by_date.contains("2026-11-10"));
  // The default calendar is untouched.
  const WorkCalendar plain;
  EXPECT_TRUE(plain.IsWorkingDay(D("2026-11-03")));
  EXPECT_FALSE(plain.IsWorkingDay(D("2026-09-01")));
}

TEST(WorkCalendar, WorkingMinutesOverAWeekendAndAHoliday) {
  const WorkCalendar cal;
  // Friday 16:00 → Monday 08:30: 60 + 60 minutes.
  EXPECT_EQ(cal.WorkingMinutesBetween(At("2026-11-06 16:00"), At("2026-11-09 08:30"), kHours), 120);
  // Wednesday 29/4/2026 16:00 → Monday 4/5 08:00 over 30/4, 1/5 and the weekend: 60 + 30.
  EXPECT_EQ(cal.WorkingMinutesBetween(At("2026-04-29 16:00"), At("2026-05-04 08:00"), kHours), 90);
  // Lunch and night do not count; reversed order is 0.
  EXPECT_EQ(cal.WorkingMinutesBetween(At("2026-11-02 11:00"), At("2026-11-02 14:00"), kHours), 60);
  EXPECT_EQ(cal.WorkingMinutesBetween(At("2026-11-02 18:00"), At("2026-11-03 06:00"), kHours), 0);
  EXPECT_EQ(cal.WorkingMinutesBetween(At("2026-11-03 10:00"), At("2026-11-02 10:00"), kHours), 0);
  // Adding what lies between gives back the end (inside hours).
  const LocalDateTime from = At("2026-04-28 09:15");
  const LocalDateTime to = At("2026-05-06 15:40");
  EXPECT_EQ(cal.AddWorkingMinutes(from, cal.WorkingMinutesBetween(from, to, kHours), kHours), to);
}

TEST(WorkCalendar, AddingAndCountingAgreeWithADayByDayWalk) {
  const WorkCalendar cal({{D("2031-06-10"), false, "x"}, {D("2031-06-14"), true, "y"}});
  std::mt19937 random(7);
  std::uniform_int_distribution<int32_t> day(0, 73413);
  std::uniform_int_distribution<int32_t> count(0, 400);
  const std::chrono::sys_days base = Sys(CivilDate{kFirstCalendarYear, 1, 1});
  std::uniform_int_distribution<int32_t> span(-1500, 1500);
  for (int32_t i = 0; i < 2000; ++i) {
    const CivilDate start = Civil(base + std::chrono::days(day(random)));
    const int32_t n = count(random);
    std::chrono::sys_days walk = Sys(start);
    while (!cal.IsWorkingDay(Civil(walk))) {
      walk += std::chrono::days(1);
    }
    for (int32_t left = n; left > 0;) {
      walk += std::chrono::days(1);
      left -= cal.IsWorkingDay(Civil(walk)) ? 1 : 0;
    }
    ASSERT_EQ(Iso(cal.AddWorkingDays(start, n)), Iso(Civil(walk))) << Iso(start) << " + " << n;
    const CivilDate other = Civil(Sys(start) + std::chrono::days(span(random)));
    int32_t between = 0;
    for (std::chrono::sys_days s = Sys(start); s < Sys(other); s += std::chrono::days(1)) {
      between += cal.IsWorkingDay(Civil(s)) ? 1 : 0;
    }
    ASSERT_EQ(cal.WorkingDaysBetween(start, other),
              Sys(start) < Sys(other) ? between : -cal.WorkingDaysBetween(other, start));
  }
}

TEST(WorkCalendar, EdgesOf1900And2100) {
  const WorkCalendar cal;
  EXPECT_FALSE(cal.IsWorkingDay(D("1900-01-01")));  // New Year, a Monday
  EXPECT_EQ(Iso(cal.NextWorkingDay(D("1899-12-29"))), "1900-01-02");
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("1899-12-25"), 5)), "1900-01-02");
  EXPECT_TRUE(cal.IsWorkingDay(D("1899-12-29")));                        // outside the table: weekdays work
  EXPECT_FALSE(cal.IsWorkingDay(D("1899-12-30")));                       // a Saturday
  EXPECT_EQ(Iso(cal.AddWorkingDays(D("2100-12-30"), 3)), "2101-01-04");  // 2101-01-01 is past the table
  EXPECT_EQ(cal.WorkingDaysBetween(D("2100-12-31"), D("2101-01-10")), 6);
  EXPECT_EQ(FormatLocal(*cal.Due(At("2100-12-31 16:00"), 1, TimeUnit::kWorkingDay, kHours)), "2101-01-03 16:00");
  const std::vector<CalendarDay> y2100 = cal.Year(2100);
  EXPECT_FALSE(y2100.empty());
  EXPECT_FALSE(cal.Year(1900).empty());
}

TEST(LocalDateTime, ParsesFormatsAndConverts) {
  EXPECT_EQ(FormatLocal(At("2026-11-02T08:05")), "2026-11-02 08:05");
  EXPECT_FALSE(ParseLocal("2026-02-30 08:00").has_value());
  EXPECT_FALSE(ParseLocal("2026-11-02 24:00").has_value());
  EXPECT_FALSE(ParseLocal("2026-11-02 8:00").has_value());
  EXPECT_FALSE(ParseLocal("2026-11-02 08:60").has_value());
  EXPECT_FALSE(ParseLocal("2026-11-02x08:00").has_value());
  EXPECT_FALSE(ParseLocal("").has_value());
  const LocalDateTime t = At("2026-11-02 07:30");
  EXPECT_EQ(ToInstant(t).Seconds(), 1793579400);  // 2026-11-02T00:30Z
  EXPECT_EQ(ToLocal(ToInstant(t)), t);
  EXPECT_LT(At("2026-11-02 07:30"), At("2026-11-02 07:31"));
  EXPECT_LT(At("2026-11-01 23:59"), At("2026-11-02 00:00"));
  EXPECT_EQ(ParseDayKind(DayKindCode(DayKind::kSwappedDayOff)), DayKind::kSwappedDayOff);
  EXPECT_EQ(DayKindCode(DayKind::kMakeUpWorkday), "make_up_workday");
  EXPECT_FALSE(ParseDayKind("nope").has_value());
}

}  // namespace
}  // namespace motcua::domain
