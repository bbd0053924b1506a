#include "store/calendar_store.hpp"

#include <fmt/format.h>

namespace motcua::store {

namespace {

std::string DayText(domain::CivilDate d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

domain::CivilDate ParseDay(const std::string& text) {
  const std::optional<domain::LocalDateTime> t = domain::ParseLocal(text + " 00:00");
  return t ? t->date : domain::CivilDate{0, 0, 0};
}

std::vector<domain::CalendarOverride> ReadOverrides(const Rows& rows) {
  std::vector<domain::CalendarOverride> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    constexpr size_t kReason = 2;
    out.push_back(domain::CalendarOverride{ParseDay(rows[i].Text(0)), rows[i].Int(1) != 0, rows[i].Text(kReason)});
  }
  return out;
}

domain::OfficeHours ReadHours(const Row& r, size_t first) {
  constexpr size_t kMorningEnd = 1;
  constexpr size_t kAfternoonStart = 2;
  constexpr size_t kAfternoonEnd = 3;
  return domain::OfficeHours{static_cast<int32_t>(r.Int(first)), static_cast<int32_t>(r.Int(first + kMorningEnd)),
                             static_cast<int32_t>(r.Int(first + kAfternoonStart)),
                             static_cast<int32_t>(r.Int(first + kAfternoonEnd))};
}

Value ByOrNull(int64_t by) { return by != 0 ? Value{by} : Value{}; }

}  // namespace

std::vector<domain::CalendarOverride> ListCalendarOverrides(Session& s) {
  return ReadOverrides(s.Query("SELECT day, working, reason FROM calendar_overrides ORDER BY day"));
}

std::vector<domain::CalendarOverride> ListCalendarOverridesBetween(Session& s, domain::CivilDate from,
                                                                   domain::CivilDate to) {
  return ReadOverrides(
      s.Query("SELECT day, working, reason FROM calendar_overrides WHERE day >= ? AND day <= ? ORDER BY day",
              {DayText(from), DayText(to)}));
}

std::optional<domain::CalendarOverride> FindCalendarOverride(Session& s, domain::CivilDate date) {
  std::vector<domain::CalendarOverride> found =
      ReadOverrides(s.Query("SELECT day, working, reason FROM calendar_overrides WHERE day = ?", {DayText(date)}));
  if (found.empty()) {
    return std::nullopt;
  }
  return found.front();
}

void UpsertCalendarOverride(Session& s, const domain::CalendarOverride& entry, domain::Instant now, int64_t by) {
  s.Exec(
      "INSERT INTO calendar_overrides (day, working, reason, updated_at, updated_by) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (day) DO UPDATE SET working = excluded.working, reason = excluded.reason, "
      "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {DayText(entry.date), int64_t{entry.working ? 1 : 0}, entry.reason, now.micros, ByOrNull(by)});
}

bool DeleteCalendarOverride(Session& s, domain::CivilDate date) {
  return s.Exec("DELETE FROM calendar_overrides WHERE day = ?", {DayText(date)}) > 0;
}

std::optional<domain::OfficeHours> FindOfficeHours(Session& s, std::string_view agency_code) {
  const Rows rows = s.Query(
      "SELECT morning_start, morning_end, afternoon_start, afternoon_end FROM office_hours WHERE agency_code = ?",
      {std::string(agency_code)});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadHours(rows[0], 0);
}

std::vector<AgencyHours> ListOfficeHours(Session& s) {
  const Rows rows = s.Query(
      "SELECT agency_code, morning_start, morning_end, afternoon_start, afternoon_end, updated_at FROM office_hours "
      "ORDER BY agency_code");
  std::vector<AgencyHours> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    constexpr size_t kUpdatedAt = 5;
    out.push_back(
        AgencyHours{rows[i].Text(0), ReadHours(rows[i], 1), domain::Instant::FromMicros(rows[i].Int(kUpdatedAt))});
  }
  return out;
}

void UpsertOfficeHours(Session& s, std::string_view agency_code, const domain::OfficeHours& hours, domain::Instant now,
                       int64_t by) {
  s.Exec(
      "INSERT INTO office_hours (agency_code, morning_start, morning_end, afternoon_start, afternoon_end, "
      "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (agency_code) DO UPDATE SET "
      "morning_start = excluded.morning_start, morning_end = excluded.morning_end, "
      "afternoon_start = excluded.afternoon_start, afternoon_end = excluded.afternoon_end, "
      "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {std::string(agency_code), int64_t{hours.morning_start}, int64_t{hours.morning_end},
       int64_t{hours.afternoon_start}, int64_t{hours.afternoon_end}, now.micros, ByOrNull(by)});
}

}  // namespace motcua::store
