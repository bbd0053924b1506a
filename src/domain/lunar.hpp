#pragma once
//! The Vietnamese lunisolar calendar (âm lịch) at UTC+7, computed from the published astronomical algorithm (new
//! moons and the sun's longitude, Jean Meeus "Astronomical Algorithms"; the rule set of Hồ Ngọc Đức's description),
//! for solar years 1900 to 2100. No table of years. Pure C++, no I/O.

#include <cstdint>
#include <optional>

#include "domain/dates.hpp"

namespace motcua::domain {

//! First and last solar year the calendar is defined for.
inline constexpr int32_t kFirstCalendarYear = 1900;
//! Last solar year the calendar is defined for.
inline constexpr int32_t kLastCalendarYear = 2100;

//! A day of the lunar calendar.
struct LunarDate {
  int32_t year = 0;         //!< Lunar year, numbered like the solar year in which it mostly falls (Tết 2026 is 2026).
  int32_t month = 0;        //!< 1–12.
  int32_t day = 0;          //!< 1–30.
  bool leap_month = false;  //!< The intercalary (nhuận) month that repeats `month`.
  //! Equality of every field.
  bool operator==(const LunarDate&) const = default;
};

//! The lunar date of solar `date` in Vietnam (UTC+7); nothing outside kFirstCalendarYear..kLastCalendarYear.
std::optional<LunarDate> ToLunar(CivilDate date);
//! The solar date of `lunar` in Vietnam; nothing when that lunar day does not exist (a 30th of a 29-day month, a
//! leap month the year does not have) or is out of range.
std::optional<CivilDate> FromLunar(const LunarDate& lunar);
//! The leap month of lunar year `lunar_year` (the month number it repeats), 0 when the year has none.
int32_t LeapMonthOf(int32_t lunar_year);

}  // namespace motcua::domain
