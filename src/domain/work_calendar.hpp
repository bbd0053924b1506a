#pragma once
//! The working-day calendar of a tenant (Asia/Ho_Chi_Minh, UTC+7): weekends; the statutory holidays of the Labour
//! Code 2019 Art. 112 computed for any year 1900–2100 (Tết Nguyên Đán and Giỗ Tổ Hùng Vương from domain/lunar); the
//! days off around Tết and 2/9 as the government usually sets them; compensatory days (nghỉ bù, Art. 111(3)); the
//! government's known yearly decisions; and an administrator's table per year (extra days off, make-up working
//! Saturdays) that overrides the computed default. Deadline arithmetic in working days, calendar days and working
//! hours over office hours. Pure C++, no I/O; built once, then read by many threads.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/dates.hpp"
#include "domain/time.hpp"

namespace motcua::domain {

//! Why a day is listed in the calendar (a day off on a weekday, or a weekend day worked).
enum class DayKind {
  kHoliday,        //!< A statutory holiday (Art. 112): 1/1, Tết, 10/3 lunar, 30/4, 1/5, 2/9 and its adjacent day.
  kCompensatory,   //!< Nghỉ bù: a holiday fell on the weekly rest day, so the next working day is off.
  kSwappedDayOff,  //!< A bridge day off the government (or the administrator) swapped for a make-up day.
  kExtraDayOff,    //!< Another day off entered by the administrator (e.g. a local decision).
  kMakeUpWorkday,  //!< Làm bù: a Saturday or Sunday worked.
};
//! The stored name ("holiday", "compensatory", "swapped_day_off", "extra_day_off", "make_up_workday").
std::string_view DayKindCode(DayKind kind);
//! The kind stored as `code`, if any.
std::optional<DayKind> ParseDayKind(std::string_view code);

//! One day the calendar lists, with its reason in Vietnamese (e.g. "Mùng hai Tết Nguyên Đán").
struct CalendarDay {
  CivilDate date{};    //!< The day.
  DayKind kind{};      //!< Off or worked, and why.
  std::string reason;  //!< What people call it.
};

//! An administrator's entry for one day; it replaces whatever the computed default says of that day.
struct CalendarOverride {
  CivilDate date{};      //!< The day.
  bool working = false;  //!< True: a working day (a make-up Saturday, or a computed day off cancelled).
  std::string reason;    //!< Why (shown and printed; required).
};

//! Office hours of an agency, in minutes after local midnight: a morning and an afternoon session.
struct OfficeHours {
  int32_t morning_start = 7 * 60 + 30;     //!< 07:30.
  int32_t morning_end = 11 * 60 + 30;      //!< 11:30.
  int32_t afternoon_start = 13 * 60 + 30;  //!< 13:30.
  int32_t afternoon_end = 17 * 60;         //!< 17:00.
  //! Working minutes of one working day (450 with the defaults).
  int32_t DayMinutes() const { return (morning_end - morning_start) + (afternoon_end - afternoon_start); }
  //! True when the sessions are in order and non-empty (start < end ≤ start of the next, all within a day).
  bool Valid() const;
};

//! A local (Vietnam) date and time to the minute.
struct LocalDateTime {
  CivilDate date{};    //!< The day.
  int32_t minute = 0;  //!< Minutes after midnight, 0–1439.
  //! Chronological order.
  std::strong_ordering operator<=>(const LocalDateTime& other) const;
  //! Same day and minute.
  bool operator==(const LocalDateTime& other) const;
};
//! The local date and time of `t` (seconds dropped).
LocalDateTime ToLocal(Instant t);
//! The instant of local `t`.
Instant ToInstant(const LocalDateTime& t);
//! "YYYY-MM-DD HH:MM".
std::string FormatLocal(const LocalDateTime& t);
//! "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM") read back; nothing when it is not a real date and time.
std::optional<LocalDateTime> ParseLocal(std::string_view text);

//! The computed default of solar `year` (kFirstCalendarYear..kLastCalendarYear), before any override: every
//! holiday, compensatory day, usual Tết and 2/9 day off and known government swap (days off on weekdays and worked
//! weekend days; a holiday on a weekend is listed too, with its compensatory day), sorted by date.
std::vector<CalendarDay> DefaultYear(int32_t year);

//! A tenant's calendar: the computed default with the administrator's overrides applied. Copyable; const methods
//! are thread-safe. Every method is defined for dates in kFirstCalendarYear..kLastCalendarYear (clamped outside).
class WorkCalendar {
 public:
  //! The default calendar with `overrides` applied (a later entry for the same date wins).
  explicit WorkCalendar(const std::vector<CalendarOverride>& overrides = {});

  //! True when people work on `date` (a weekday not off, or a make-up weekend day).
  bool IsWorkingDay(CivilDate date) const;
  //! Every listed day of `year` after overrides (days off on weekdays, worked weekend days, holidays that fell on a
  //! weekend), sorted by date: what `motcua calendar show` prints.
  std::vector<CalendarDay> Year(int32_t year) const;
  //! The first working day strictly after `date`.
  CivilDate NextWorkingDay(CivilDate date) const;
  //! The working day `n` working days after `date` (n ≥ 0; n = 0 gives `date` itself when it is a working day,
  //! else the next one).
  CivilDate AddWorkingDays(CivilDate date, int32_t n) const;
  //! Working days in [from, to) (negative when to < from).
  int32_t WorkingDaysBetween(CivilDate from, CivilDate to) const;

  //! When the clock of a dossier received at `at` starts: `at` itself inside office hours of a working day; the
  //! start of the next session otherwise (after hours or on a day off: the next working morning; at lunch: 13:30).
  LocalDateTime ClockStart(const LocalDateTime& at, const OfficeHours& hours) const;
  //! `minutes` of office time after `from` (from is first moved to ClockStart). A result exactly at the start of a
  //! session is given as the end of the previous one, so a deadline is always inside office hours of a working day.
  LocalDateTime AddWorkingMinutes(const LocalDateTime& from, int64_t minutes, const OfficeHours& hours) const;
  //! Office minutes between `from` and `to` (0 when to ≤ from): how long a paused clock stood still.
  int64_t WorkingMinutesBetween(const LocalDateTime& from, const LocalDateTime& to, const OfficeHours& hours) const;
  //! The deadline of a time limit of `value` `unit` from receipt at `received`:
  //! - working days: value × DayMinutes() of office time from ClockStart (so 1 working day from 16:59 Monday is
  //!   16:59 Tuesday, and from 17:01 Monday is 17:00 Tuesday);
  //! - hours: value × 60 office minutes the same way;
  //! - calendar days and months: the end of office hours of the day `value` days (months) after the receipt day,
  //!   moved to the end of the next working day when that day is off (Civil Code 2015 Art. 148);
  //! nothing when the unit is kUnspecified or value ≤ 0.
  std::optional<LocalDateTime> Due(const LocalDateTime& received, double value, TimeUnit unit,
                                   const OfficeHours& hours) const;

 private:
  std::vector<CalendarOverride> overrides_;  // sorted by date
  // Implementation state (per-year bitsets, prefix counts of working days) is the implementer's choice: AddWorkingDays
  // across 10 years must take ≤ 1 µs a call.
  std::vector<uint64_t> working_bits_;   // bit per day from kFirstCalendarYear-01-01
  std::vector<int32_t> working_prefix_;  // working days before each 64-day block
};

}  // namespace motcua::domain
