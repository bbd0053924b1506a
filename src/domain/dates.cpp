#include "domain/dates.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>

namespace motcua::domain {

namespace {

//! Local (Vietnam) seconds of `t`, as a system-clock time point that reads as Vietnamese wall time.
std::chrono::sys_seconds LocalSeconds(Instant t) {
  return std::chrono::sys_seconds{std::chrono::seconds(t.Seconds() + kVietnamOffsetSeconds)};
}

}  // namespace

std::string LocalTime(Instant t) {
  const std::chrono::sys_seconds local = LocalSeconds(t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{:02}/{:02}/{} {:02}:{:02}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                     static_cast<int>(ymd.year()), hms.hours().count(), hms.minutes().count());
}

CivilDate VietnamToday(Instant now) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(LocalSeconds(now))};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<unsigned>(ymd.month())),
                   static_cast<int32_t>(static_cast<unsigned>(ymd.day()))};
}

std::optional<Instant> VietnamDayStart(std::string_view iso_date, int32_t days_after) {
  constexpr size_t kIsoDateLength = 10;
  constexpr size_t kMonthDash = 4;
  constexpr size_t kDayDash = 7;
  if (iso_date.size() != kIsoDateLength || iso_date[kMonthDash] != '-' || iso_date[kDayDash] != '-') {
    return std::nullopt;
  }
  const auto number = [&](size_t pos, size_t len, auto& out) {
    const char* end = iso_date.data() + pos + len;
    const auto [ptr, ec] = std::from_chars(iso_date.data() + pos, end, out);
    return ec == std::errc() && ptr == end;
  };
  int32_t y = 0;
  uint32_t m = 0;
  uint32_t d = 0;
  if (!number(0, kMonthDash, y) || !number(kMonthDash + 1, 2, m) || !number(kDayDash + 1, 2, d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  const std::chrono::sys_days day = std::chrono::sys_days(ymd) + std::chrono::days(days_after);
  return Instant::FromSeconds(std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count() -
                              kVietnamOffsetSeconds);
}

std::string DisplayDate(std::string_view iso_date) {
  if (!VietnamDayStart(iso_date, 0)) {
    return std::string(iso_date);
  }
  constexpr size_t kYear = 0;
  constexpr size_t kMonth = 5;
  constexpr size_t kDay = 8;
  return std::string(iso_date.substr(kDay, 2)) + "/" + std::string(iso_date.substr(kMonth, 2)) + "/" +
         std::string(iso_date.substr(kYear, 4));
}

}  // namespace motcua::domain
