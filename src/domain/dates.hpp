#pragma once
//! Calendar dates and times of day in Vietnam (UTC+7 all year, no daylight saving), from and to `Instant`s.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/constants.hpp"
#include "domain/time.hpp"

namespace motcua::domain {

//! Vietnam's offset from UTC, in seconds (UTC+7, the same all year).
constexpr int64_t kVietnamOffsetSeconds = 7 * kSecondsPerHour;

//! A calendar day.
struct CivilDate {
  int32_t year;   //!< e.g. 2026.
  int32_t month;  //!< 1–12.
  int32_t day;    //!< 1–31.
};

//! "dd/mm/yyyy hh:mm" of `t` in Vietnam time.
std::string LocalTime(Instant t);

//! The Vietnamese calendar day `now` falls on.
CivilDate VietnamToday(Instant now);

//! The start of the Vietnamese day `iso_date` ("YYYY-MM-DD") plus `days_after` days; nothing when the text is not
//! such a real date.
std::optional<Instant> VietnamDayStart(std::string_view iso_date, int32_t days_after);

//! A date as people write it: "12/05/1990" for "1990-05-12"; any other text unchanged.
std::string DisplayDate(std::string_view iso_date);

}  // namespace motcua::domain
