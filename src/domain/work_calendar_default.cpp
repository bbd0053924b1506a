// The computed default of a year (DefaultYear): the statutory holidays, the usual days around Tết and 2/9, the
// compensatory days, and the government's known yearly swaps. Also the small value helpers of work_calendar.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>

#include "domain/lunar.hpp"
#include "domain/work_calendar.hpp"

namespace motcua::domain {

namespace {

constexpr int32_t kMinutesPerHour = 60;
constexpr int32_t kMinutesPerDay = 24 * kMinutesPerHour;

std::chrono::sys_days Days(CivilDate date) {
  return std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year(date.year),
                                                           std::chrono::month(static_cast<uint32_t>(date.month)),
                                                           std::chrono::day(static_cast<uint32_t>(date.day))});
}

CivilDate Civil(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd{days};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<uint32_t>(ymd.month())),
                   static_cast<int32_t>(static_cast<uint32_t>(ymd.day()))};
}

//! Appends a listed day (fields assigned in place: GCC 12 at -O3 misreads a moved short string as an overread).
void Push(std::vector<CalendarDay>& out, CivilDate date, DayKind kind, std::string_view reason) {
  CalendarDay& day = out.emplace_back();
  day.date = date;
  day.kind = kind;
  day.reason = reason;
}

CivilDate Plus(CivilDate date, int32_t days) { return Civil(Days(date) + std::chrono::days(days)); }

bool Weekend(CivilDate date) {
  const std::chrono::weekday w{Days(date)};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

bool Same(CivilDate a, CivilDate b) { return a.year == b.year && a.month == b.month && a.day == b.day; }

bool Before(CivilDate a, CivilDate b) { return Days(a) < Days(b); }

// Years the rules of the Labour Codes start from.
constexpr int32_t kHungKingsFromYear = 2007;       // Giỗ Tổ a paid holiday: Labour Code amendment 2007
constexpr int32_t kFiveDayTetFromYear = 2013;      // Labour Code 2012 Art. 115: Tết 5 days (4 before)
constexpr int32_t kTwoDayNationalFromYear = 2021;  // Labour Code 2019 Art. 112: 2/9 and one adjacent day

constexpr int32_t kJanuary = 1;
constexpr int32_t kApril = 4;
constexpr int32_t kMay = 5;
constexpr int32_t kSeptember = 9;
constexpr int32_t kHungKingsLunarMonth = 3;
constexpr int32_t kHungKingsLunarDay = 10;
constexpr int32_t kVictoryDay = 30;
constexpr int32_t kNationalDay = 2;

//! The government's known yearly decisions: a bridge day off swapped for a make-up working Saturday. Source: the
//! Ministry of Labour's yearly notices on the holidays of civil servants, as recorded by vacanza/holidays
//! (python-holidays, holidays/countries/vietnam.py, commit c382fdec456ce76e03b841ab809d47e46be610a2, MIT; see
//! /work/shared/data/SOURCES.md); the other years' notices are not in any source found, so administrators enter them
//! as overrides.
struct Swap {
  CivilDate day_off;
  CivilDate make_up;
};
constexpr std::array kKnownSwaps = {
    Swap{{2018, 12, 31}, {2019, 1, 5}},  // New Year 2019: Monday 31/12/2018 off, Saturday 5/1/2019 worked
    Swap{{2019, 4, 29}, {2019, 5, 4}},   // 30/4 2019: Monday 29/4 off, Saturday 4/5 worked
    Swap{{2024, 4, 29}, {2024, 5, 4}},   // 30/4 2024: Monday 29/4 off, Saturday 4/5 worked
};

std::string DayMonthYear(CivilDate d) { return fmt::format("{:02}/{:02}/{}", d.day, d.month, d.year); }

//! Adds the Tết days of lunar year `year` and their compensatory days: the eve (the last day of the old year) and
//! days 1–4 (1–3 before 2013); for each of them on a Saturday or Sunday one more weekday off, taken alternately just
//! before the eve and just after the last day, as the government usually sets the break.
void AddTet(int32_t year, std::vector<CalendarDay>& out) {
  const std::optional<CivilDate> first = FromLunar(LunarDate{year, 1, 1, false});
  if (!first) {
    return;
  }
  static constexpr std::array<const char*, 5> kNames = {"Giao thừa Tết Nguyên Đán", "Tết Nguyên Đán",
                                                        "Mùng hai Tết Nguyên Đán", "Mùng ba Tết Nguyên Đán",
                                                        "Mùng bốn Tết Nguyên Đán"};
  static constexpr std::array<const char*, 3> kAfterNames = {"Mùng năm Tết Nguyên Đán", "Mùng sáu Tết Nguyên Đán",
                                                             "Mùng bảy Tết Nguyên Đán"};
  static constexpr std::array<const char*, 3> kBeforeNames = {"29 Tết", "28 Tết", "27 Tết"};
  constexpr int32_t kShortTetDays = 4;
  const int32_t days = year >= kFiveDayTetFromYear ? static_cast<int32_t>(kNames.size()) : kShortTetDays;
  const CivilDate eve = Plus(*first, -1);
  int32_t on_weekend = 0;
  for (int32_t i = 0; i < days; ++i) {
    const CivilDate day = Plus(eve, i);
    Push(out, day, DayKind::kHoliday, kNames.at(static_cast<size_t>(i)));
    on_weekend += Weekend(day) ? 1 : 0;
  }
  int32_t before = 0;
  int32_t after = 0;
  for (int32_t turn = 0; on_weekend > 0 && before < static_cast<int32_t>(kBeforeNames.size()) &&
                         after < static_cast<int32_t>(kAfterNames.size());
       ++turn) {
    const bool take_before = turn % 2 == 0;
    const CivilDate day = take_before ? Plus(eve, -1 - before) : Plus(eve, days + after);
    const char* name =
        take_before ? kBeforeNames.at(static_cast<size_t>(before)) : kAfterNames.at(static_cast<size_t>(after));
    (take_before ? before : after) += 1;
    if (Weekend(day)) {
      continue;
    }
    Push(out, day, DayKind::kCompensatory, name);
    --on_weekend;
  }
}

//! The day next to 2/9 the government usually adds (Labour Code 2019): the one that joins 2/9 to a weekend or
//! bridges to one; 3/9 when 2/9 is a Monday, Thursday or Sunday, else 1/9.
CivilDate NationalDayNeighbour(int32_t year) {
  const CivilDate national{year, kSeptember, kNationalDay};
  const std::chrono::weekday w{Days(national)};
  const bool after = w == std::chrono::Monday || w == std::chrono::Thursday || w == std::chrono::Sunday;
  return Plus(national, after ? 1 : -1);
}

//! True when `date` is already listed as a day off in `days`.
bool Listed(const std::vector<CalendarDay>& days, CivilDate date) {
  return std::any_of(days.begin(), days.end(), [&](const CalendarDay& d) { return Same(d.date, date); });
}

}  // namespace

std::string_view DayKindCode(DayKind kind) {
  switch (kind) {
    case DayKind::kHoliday:
      return "holiday";
    case DayKind::kCompensatory:
      return "compensatory";
    case DayKind::kSwappedDayOff:
      return "swapped_day_off";
    case DayKind::kExtraDayOff:
      return "extra_day_off";
    case DayKind::kMakeUpWorkday:
      return "make_up_workday";
  }
  return "holiday";
}

std::optional<DayKind> ParseDayKind(std::string_view code) {
  for (const DayKind kind : {DayKind::kHoliday, DayKind::kCompensatory, DayKind::kSwappedDayOff, DayKind::kExtraDayOff,
                             DayKind::kMakeUpWorkday}) {
    if (DayKindCode(kind) == code) {
      return kind;
    }
  }
  return std::nullopt;
}

bool OfficeHours::Valid() const {
  return 0 <= morning_start && morning_start < morning_end && morning_end <= afternoon_start &&
         afternoon_start < afternoon_end && afternoon_end <= kMinutesPerDay;
}

std::strong_ordering LocalDateTime::operator<=>(const LocalDateTime& other) const {
  const auto mine = Days(date);
  const auto theirs = Days(other.date);
  if (mine != theirs) {
    return mine < theirs ? std::strong_ordering::less : std::strong_ordering::greater;
  }
  return minute <=> other.minute;
}

bool LocalDateTime::operator==(const LocalDateTime& other) const {
  return Same(date, other.date) && minute == other.minute;
}

LocalDateTime ToLocal(Instant t) {
  constexpr int64_t kSecondsPerMinute = 60;
  const int64_t local = t.Seconds() + kVietnamOffsetSeconds;
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds(local)});
  const int64_t seconds_into_day = local - std::chrono::sys_seconds(day).time_since_epoch().count();
  return LocalDateTime{Civil(day), static_cast<int32_t>(seconds_into_day / kSecondsPerMinute)};
}

Instant ToInstant(const LocalDateTime& t) {
  constexpr int64_t kSecondsPerMinute = 60;
  const int64_t day_seconds = std::chrono::sys_seconds(Days(t.date)).time_since_epoch().count();
  return Instant::FromSeconds(day_seconds + int64_t{t.minute} * kSecondsPerMinute - kVietnamOffsetSeconds);
}

std::string FormatLocal(const LocalDateTime& t) {
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", t.date.year, t.date.month, t.date.day, t.minute / kMinutesPerHour,
                     t.minute % kMinutesPerHour);
}

std::optional<LocalDateTime> ParseLocal(std::string_view text) {
  constexpr size_t kLength = 16;  // YYYY-MM-DD HH:MM
  constexpr size_t kTimeSeparator = 10;
  constexpr size_t kColon = 13;
  constexpr std::array<size_t, 2> kDashes = {4, 7};
  if (text.size() != kLength || (text[kTimeSeparator] != ' ' && text[kTimeSeparator] != 'T') || text[kColon] != ':' ||
      text[kDashes[0]] != '-' || text[kDashes[1]] != '-') {
    return std::nullopt;
  }
  const auto number = [&](size_t pos, size_t len, int32_t& out) {
    const char* end = text.data() + pos + len;
    const auto [ptr, ec] = std::from_chars(text.data() + pos, end, out);
    return ec == std::errc() && ptr == end && text[pos] != '-' && text[pos] != '+';
  };
  constexpr size_t kMonthAt = 5;
  constexpr size_t kDayAt = 8;
  constexpr size_t kHourAt = 11;
  constexpr size_t kMinuteAt = 14;
  LocalDateTime out;
  int32_t hour = 0;
  int32_t minute = 0;
  if (!number(0, kDashes[0], out.date.year) || !number(kMonthAt, 2, out.date.month) ||
      !number(kDayAt, 2, out.date.day) || !number(kHourAt, 2, hour) || !number(kMinuteAt, 2, minute)) {
    return std::nullopt;
  }
  constexpr int32_t kHoursPerDay = 24;
  constexpr int32_t kMonths = 12;
  if (hour >= kHoursPerDay || minute >= kMinutesPerHour || out.date.month < 1 || out.date.month > kMonths ||
      out.date.day < 1 ||
      !std::chrono::year_month_day{std::chrono::year(out.date.year),
                                   std::chrono::month(static_cast<uint32_t>(out.date.month)),
                                   std::chrono::day(static_cast<uint32_t>(out.date.day))}
           .ok()) {
    return std::nullopt;
  }
  out.minute = hour * kMinutesPerHour + minute;
  return out;
}

std::vector<CalendarDay> DefaultYear(int32_t year) {
  std::vector<CalendarDay> out;
  if (year < kFirstCalendarYear || year > kLastCalendarYear) {
    return out;
  }
  Push(out, {year, kJanuary, 1}, DayKind::kHoliday, "Tết Dương lịch");
  if (year >= kHungKingsFromYear) {
    if (const std::optional<CivilDate> hung =
            FromLunar(LunarDate{year, kHungKingsLunarMonth, kHungKingsLunarDay, false})) {
      Push(out, *hung, DayKind::kHoliday, "Ngày Giỗ Tổ Hùng Vương");
    }
  }
  Push(out, {year, kApril, kVictoryDay}, DayKind::kHoliday, "Ngày Chiến thắng");
  Push(out, {year, kMay, 1}, DayKind::kHoliday, "Ngày Quốc tế Lao động");
  Push(out, {year, kSeptember, kNationalDay}, DayKind::kHoliday, "Quốc khánh");
  if (year >= kTwoDayNationalFromYear) {
    Push(out, NationalDayNeighbour(year), DayKind::kHoliday, "Quốc khánh");
  }
  const auto by_date = [](const CalendarDay& a, const CalendarDay& b) { return Before(a.date, b.date); };
  std::sort(out.begin(), out.end(), by_date);
  // Art. 111(3): a single-day holiday on a Saturday or Sunday moves to the next day that is neither a weekend day
  // nor already off, in date order. (Tết, added after, has its own rule; it is weeks away from 1/1.)
  const size_t holidays = out.size();
  for (size_t i = 0; i < holidays; ++i) {
    const CalendarDay holiday = out[i];
    if (!Weekend(holiday.date)) {
      continue;
    }
    CivilDate day = Plus(holiday.date, 1);
    while (Weekend(day) || Listed(out, day)) {
      day = Plus(day, 1);
    }
    Push(out, day, DayKind::kCompensatory, holiday.reason + " (nghỉ bù)");
  }
  AddTet(year, out);
  for (const Swap& swap : kKnownSwaps) {
    if (swap.day_off.year == year && !Listed(out, swap.day_off)) {
      Push(out, swap.day_off, DayKind::kSwappedDayOff,
           fmt::format("Ngày nghỉ (thay cho ngày {})", DayMonthYear(swap.make_up)));
    }
    if (swap.make_up.year == year) {
      Push(out, swap.make_up, DayKind::kMakeUpWorkday, fmt::format("Làm bù cho ngày {}", DayMonthYear(swap.day_off)));
    }
  }
  std::stable_sort(out.begin(), out.end(), by_date);
  return out;
}

}  // namespace motcua::domain
