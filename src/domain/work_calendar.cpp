// WorkCalendar: one bit per day from 1900-01-01 to 2100-12-31 (1 = people work) with the count of working days
// before every 64-day block, so that counting and adding working days is a binary search and a popcount. Outside
// the table only weekends are days off.
#include "domain/work_calendar.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>

#include "domain/lunar.hpp"

namespace motcua::domain {

namespace {

constexpr int64_t kBitsPerWord = 64;
constexpr int64_t kDaysPerWeek = 7;
constexpr int64_t kWorkdaysPerWeek = 5;
constexpr int64_t kEpochMonday = 4;  // 1970-01-05, a Monday, as days since the Unix epoch
constexpr int32_t kMonthsPerYear = 12;
// Bounds of time limits accepted by Due (a longer one is a data error, not a deadline).
constexpr double kMaxDueWorkingDays = 10000.0;
constexpr double kMaxDueMonths = 1200.0;
constexpr double kMinutesPerHourF = 60.0;

constexpr int64_t DayNumber(CivilDate date) {
  return std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year(date.year),
                                                           std::chrono::month(static_cast<uint32_t>(date.month)),
                                                           std::chrono::day(static_cast<uint32_t>(date.day))})
      .time_since_epoch()
      .count();
}

CivilDate FromDayNumber(int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<uint32_t>(ymd.month())),
                   static_cast<int32_t>(static_cast<uint32_t>(ymd.day()))};
}

int64_t FloorDiv(int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

//! Monday to Friday days in [Monday 1970-01-05, day) (negative before it): a rank among weekdays.
int64_t WeekdaysBefore(int64_t day) {
  const int64_t offset = day - kEpochMonday;
  const int64_t weeks = FloorDiv(offset, kDaysPerWeek);
  return weeks * kWorkdaysPerWeek + std::min(offset - weeks * kDaysPerWeek, kWorkdaysPerWeek);
}

//! The weekday of rank `rank` (the inverse of WeekdaysBefore on weekdays).
int64_t WeekdayOfRank(int64_t rank) {
  const int64_t weeks = FloorDiv(rank, kWorkdaysPerWeek);
  return kEpochMonday + weeks * kDaysPerWeek + (rank - weeks * kWorkdaysPerWeek);
}

//! True for Saturday and Sunday.
bool WeekendDay(int64_t day) {
  const int64_t offset = day - kEpochMonday;
  return offset - FloorDiv(offset, kDaysPerWeek) * kDaysPerWeek >= kWorkdaysPerWeek;
}

constexpr int64_t kTableStart = DayNumber(CivilDate{kFirstCalendarYear, 1, 1});
constexpr int64_t kTableEnd = DayNumber(CivilDate{kLastCalendarYear + 1, 1, 1});  // exclusive

//! Appends a listed day (fields assigned in place: GCC 12 at -O3 misreads a moved short string as an overread).
void Push(std::vector<CalendarDay>& out, CivilDate date, DayKind kind, std::string_view reason) {
  CalendarDay& day = out.emplace_back();
  day.date = date;
  day.kind = kind;
  day.reason = reason;
}

bool OffDay(DayKind kind) { return kind != DayKind::kMakeUpWorkday; }

void SetBit(std::vector<uint64_t>& bits, int64_t day, bool working) {
  const int64_t i = day - kTableStart;
  const uint64_t mask = uint64_t{1} << static_cast<uint32_t>(i % kBitsPerWord);
  uint64_t& word = bits.at(static_cast<size_t>(i / kBitsPerWord));
  word = working ? (word | mask) : (word & ~mask);
}

//! The working days of the computed default, built once.
const std::vector<uint64_t>& DefaultBits() {
  static const std::vector<uint64_t> bits = [] {
    std::vector<uint64_t> out(static_cast<size_t>((kTableEnd - kTableStart + kBitsPerWord - 1) / kBitsPerWord), 0);
    for (int64_t day = kTableStart; day < kTableEnd; ++day) {
      if (!WeekendDay(day)) {
        SetBit(out, day, true);
      }
    }
    for (int32_t year = kFirstCalendarYear; year <= kLastCalendarYear; ++year) {
      for (const CalendarDay& d : DefaultYear(year)) {
        SetBit(out, DayNumber(d.date), !OffDay(d.kind));
      }
    }
    return out;
  }();
  return bits;
}

//! Minutes of office time in `hours` before minute `m` of a working day.
int64_t MinutesIntoDay(int32_t m, const OfficeHours& hours) {
  const int32_t morning = std::clamp(m, hours.morning_start, hours.morning_end) - hours.morning_start;
  const int32_t afternoon = std::clamp(m, hours.afternoon_start, hours.afternoon_end) - hours.afternoon_start;
  return morning + afternoon;
}

}  // namespace

WorkCalendar::WorkCalendar(const std::vector<CalendarOverride>& overrides) : working_bits_(DefaultBits()) {
  for (const CalendarOverride& o : overrides) {
    const auto same = std::find_if(overrides_.begin(), overrides_.end(),
                                   [&](const CalendarOverride& x) { return DayNumber(x.date) == DayNumber(o.date); });
    if (same != overrides_.end()) {
      *same = o;
    } else {
      overrides_.push_back(o);
    }
  }
  std::sort(overrides_.begin(), overrides_.end(),
            [](const CalendarOverride& a, const CalendarOverride& b) { return DayNumber(a.date) < DayNumber(b.date); });
  for (const CalendarOverride& o : overrides_) {
    const int64_t day = DayNumber(o.date);
    if (day >= kTableStart && day < kTableEnd) {
      SetBit(working_bits_, day, o.working);
    }
  }
  working_prefix_.resize(working_bits_.size() + 1);
  int32_t total = 0;
  for (size_t i = 0; i < working_bits_.size(); ++i) {
    working_prefix_[i] = total;
    total += std::popcount(working_bits_[i]);
  }
  working_prefix_.back() = total;
}

namespace {

//! Working days in [kTableStart, day) for any day (negative before the table), given the table.
int64_t WorkingRank(const std::vector<uint64_t>& bits, const std::vector<int32_t>& prefix, int64_t day) {
  if (day <= kTableStart) {
    return WeekdaysBefore(day) - WeekdaysBefore(kTableStart);
  }
  if (day >= kTableEnd) {
    return prefix.back() + WeekdaysBefore(day) - WeekdaysBefore(kTableEnd);
  }
  const int64_t i = day - kTableStart;
  const size_t word = static_cast<size_t>(i / kBitsPerWord);
  const uint32_t bit = static_cast<uint32_t>(i % kBitsPerWord);
  const uint64_t below = bit == 0 ? 0 : (bits[word] & (~uint64_t{0} >> (kBitsPerWord - bit)));
  return prefix[word] + std::popcount(below);
}

//! The working day of rank `rank` (the inverse of WorkingRank on working days).
int64_t DayOfRank(const std::vector<uint64_t>& bits, const std::vector<int32_t>& prefix, int64_t rank) {
  if (rank < 0) {
    return WeekdayOfRank(rank + WeekdaysBefore(kTableStart));
  }
  if (rank >= prefix.back()) {
    return WeekdayOfRank(rank - prefix.back() + WeekdaysBefore(kTableEnd));
  }
  // The last block whose prefix is ≤ rank holds it; then the (rank − prefix)-th set bit of that block.
  const auto block = std::upper_bound(prefix.begin(), prefix.end() - 1, rank) - 1;
  const size_t word = static_cast<size_t>(block - prefix.begin());
  uint64_t remaining = bits[word];
  for (int64_t skip = rank - *block; skip > 0; --skip) {
    remaining &= remaining - 1;
  }
  return kTableStart + static_cast<int64_t>(word) * kBitsPerWord + std::countr_zero(remaining);
}

}  // namespace

bool WorkCalendar::IsWorkingDay(CivilDate date) const {
  const int64_t day = DayNumber(date);
  if (day < kTableStart || day >= kTableEnd) {
    return !WeekendDay(day);
  }
  const int64_t i = day - kTableStart;
  return ((working_bits_[static_cast<size_t>(i / kBitsPerWord)] >> static_cast<uint32_t>(i % kBitsPerWord)) & 1U) != 0;
}

std::vector<CalendarDay> WorkCalendar::Year(int32_t year) const {
  std::vector<CalendarDay> out = DefaultYear(year);
  for (const CalendarOverride& o : overrides_) {
    if (o.date.year != year) {
      continue;
    }
    const int64_t day = DayNumber(o.date);
    const auto same =
        std::find_if(out.begin(), out.end(), [&](const CalendarDay& d) { return DayNumber(d.date) == day; });
    // A computed entry that already says the same (off or worked) is kept; otherwise the override replaces it.
    if (same != out.end() && OffDay(same->kind) != o.working) {
      continue;
    }
    if (same != out.end()) {
      out.erase(same);
    }
    if (o.working && WeekendDay(day)) {
      Push(out, o.date, DayKind::kMakeUpWorkday, o.reason);
    } else if (!o.working && !WeekendDay(day)) {
      Push(out, o.date, DayKind::kExtraDayOff, o.reason);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const CalendarDay& a, const CalendarDay& b) { return DayNumber(a.date) < DayNumber(b.date); });
  return out;
}

CivilDate WorkCalendar::NextWorkingDay(CivilDate date) const {
  return AddWorkingDays(FromDayNumber(DayNumber(date) + 1), 0);
}

CivilDate WorkCalendar::AddWorkingDays(CivilDate date, int32_t n) const {
  const int64_t rank = WorkingRank(working_bits_, working_prefix_, DayNumber(date));
  return FromDayNumber(DayOfRank(working_bits_, working_prefix_, rank + std::max(n, 0)));
}

int32_t WorkCalendar::WorkingDaysBetween(CivilDate from, CivilDate to) const {
  return static_cast<int32_t>(WorkingRank(working_bits_, working_prefix_, DayNumber(to)) -
                              WorkingRank(working_bits_, working_prefix_, DayNumber(from)));
}

LocalDateTime WorkCalendar::ClockStart(const LocalDateTime& at, const OfficeHours& hours) const {
  if (IsWorkingDay(at.date)) {
    if (at.minute < hours.morning_start) {
      return LocalDateTime{at.date, hours.morning_start};
    }
    if (at.minute < hours.morning_end) {
      return at;
    }
    if (at.minute < hours.afternoon_start) {
      return LocalDateTime{at.date, hours.afternoon_start};
    }
    if (at.minute < hours.afternoon_end) {
      return at;
    }
  }
  return LocalDateTime{NextWorkingDay(at.date), hours.morning_start};
}

LocalDateTime WorkCalendar::AddWorkingMinutes(const LocalDateTime& from, int64_t minutes,
                                              const OfficeHours& hours) const {
  const LocalDateTime start = ClockStart(from, hours);
  if (minutes <= 0) {
    return start;
  }
  const int64_t per_day = hours.DayMinutes();
  const int64_t target = WorkingRank(working_bits_, working_prefix_, DayNumber(start.date)) * per_day +
                         MinutesIntoDay(start.minute, hours) + minutes;
  int64_t day_rank = FloorDiv(target, per_day);
  int64_t left = target - day_rank * per_day;
  // Exactly at the start of a day: the end of the previous working day.
  if (left == 0) {
    --day_rank;
    left = per_day;
  }
  const CivilDate day = FromDayNumber(DayOfRank(working_bits_, working_prefix_, day_rank));
  const int64_t morning = hours.morning_end - hours.morning_start;
  if (left <= morning) {
    return LocalDateTime{day, static_cast<int32_t>(hours.morning_start + left)};
  }
  return LocalDateTime{day, static_cast<int32_t>(hours.afternoon_start + (left - morning))};
}

int64_t WorkCalendar::WorkingMinutesBetween(const LocalDateTime& from, const LocalDateTime& to,
                                            const OfficeHours& hours) const {
  if (to <= from) {
    return 0;
  }
  const auto position = [&](const LocalDateTime& t) {
    const int64_t day = DayNumber(t.date);
    const int64_t before = WorkingRank(working_bits_, working_prefix_, day) * hours.DayMinutes();
    return IsWorkingDay(t.date) ? before + MinutesIntoDay(t.minute, hours) : before;
  };
  return position(to) - position(from);
}

std::optional<LocalDateTime> WorkCalendar::Due(const LocalDateTime& received, double value, TimeUnit unit,
                                               const OfficeHours& hours) const {
  if (!std::isfinite(value) || value <= 0) {
    return std::nullopt;
  }
  switch (unit) {
    case TimeUnit::kUnspecified:
      return std::nullopt;
    case TimeUnit::kWorkingDay:
      if (value > kMaxDueWorkingDays) {
        return std::nullopt;
      }
      return AddWorkingMinutes(received, std::llround(value * hours.DayMinutes()), hours);
    case TimeUnit::kHour:
      if (value > kMaxDueWorkingDays * hours.DayMinutes() / kMinutesPerHourF) {
        return std::nullopt;
      }
      return AddWorkingMinutes(received, std::llround(value * kMinutesPerHourF), hours);
    case TimeUnit::kDay:
    case TimeUnit::kMonth:
      break;
  }
  if (value > (unit == TimeUnit::kMonth ? kMaxDueMonths : kMaxDueWorkingDays)) {
    return std::nullopt;
  }
  const int32_t count = static_cast<int32_t>(std::ceil(value));
  CivilDate last{};
  if (unit == TimeUnit::kDay) {
    last = FromDayNumber(DayNumber(received.date) + count);
  } else {
    // The same day `count` months later, or the last day of that month when it is shorter (31/1 + 1 month: 28/2).
    const int32_t months = received.date.year * kMonthsPerYear + (received.date.month - 1) + count;
    last = CivilDate{months / kMonthsPerYear, months % kMonthsPerYear + 1, received.date.day};
    const std::chrono::year_month_day_last end{
        std::chrono::year(last.year),
        std::chrono::month_day_last{std::chrono::month(static_cast<uint32_t>(last.month))}};
    last.day = std::min(last.day, static_cast<int32_t>(static_cast<uint32_t>(end.day())));
  }
  if (!IsWorkingDay(last)) {
    last = NextWorkingDay(last);
  }
  return LocalDateTime{last, hours.afternoon_end};
}

}  // namespace motcua::domain
