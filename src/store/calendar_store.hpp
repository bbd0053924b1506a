#pragma once
//! The working-day calendar in the store (issue 10): administrators' overrides of days and office hours per agency.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/time.hpp"
#include "domain/work_calendar.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Every override of the calendar, by date.
std::vector<domain::CalendarOverride> ListCalendarOverrides(Session& s);
//! The overrides of days in [from, to] ("YYYY-MM-DD" text order is date order), by date.
std::vector<domain::CalendarOverride> ListCalendarOverridesBetween(Session& s, domain::CivilDate from,
                                                                   domain::CivilDate to);
//! The override of `date`, if any.
std::optional<domain::CalendarOverride> FindCalendarOverride(Session& s, domain::CivilDate date);
//! Adds or replaces the override of `entry.date`.
void UpsertCalendarOverride(Session& s, const domain::CalendarOverride& entry, domain::Instant now, int64_t by);
//! Removes the override of `date`; true when there was one.
bool DeleteCalendarOverride(Session& s, domain::CivilDate date);

//! Office hours an agency set, with the agency's code.
struct AgencyHours {
  std::string agency_code;     //!< The agency.
  domain::OfficeHours hours;   //!< Its sessions.
  domain::Instant updated_at;  //!< When they were last set.
};
//! The office hours `agency_code` set, if any.
std::optional<domain::OfficeHours> FindOfficeHours(Session& s, std::string_view agency_code);
//! Every agency's own office hours, by agency code.
std::vector<AgencyHours> ListOfficeHours(Session& s);
//! Sets the office hours of `agency_code`.
void UpsertOfficeHours(Session& s, std::string_view agency_code, const domain::OfficeHours& hours, domain::Instant now,
                       int64_t by);

}  // namespace motcua::store
