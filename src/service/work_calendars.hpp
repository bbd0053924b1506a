#pragma once
//! The tenant's working-day calendar as a service: the computed default plus the administrators' overrides kept in
//! the database, cached in memory and rebuilt when an override changes; office hours per agency.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.hpp"
#include "domain/time.hpp"
#include "domain/work_calendar.hpp"
#include "service/actor.hpp"
#include "service/catalogue.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! The calendar and office hours every deadline is computed with.
class WorkCalendars {
 public:
  //! Reads and writes overrides in `db`; `catalogue` scopes agency administrators. Both outlive this.
  WorkCalendars(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue);
  //! The current calendar (a snapshot: later edits build a new one, holders of this one keep theirs).
  std::shared_ptr<const domain::WorkCalendar> Calendar();
  //! Office hours of `agency_code` (its own when set, else the default 07:30–11:30, 13:30–17:00).
  domain::OfficeHours HoursOf(std::string_view agency_code);
  //! The administrators' overrides of `year`, by date.
  std::vector<domain::CalendarOverride> Overrides(int32_t year);
  //! Adds or replaces the override of one day (system administrators; reason required; the date within
  //! kFirstCalendarYear..kLastCalendarYear), journaled; the cached calendar is rebuilt.
  domain::Result<domain::Done> SetOverride(const Actor& actor, const domain::CalendarOverride& entry);
  //! Removes the override of `date` (back to the computed default), journaled.
  domain::Result<domain::Done> RemoveOverride(const Actor& actor, domain::CivilDate date);
  //! Sets the office hours of `agency_code` (system administrators, or agency administrators in scope; kInvalid
  //! when !hours.Valid()), journaled.
  domain::Result<domain::Done> SetHours(const Actor& actor, std::string_view agency_code,
                                        const domain::OfficeHours& hours);
  //! Every agency that set its own office hours, by agency code.
  std::vector<std::pair<std::string, domain::OfficeHours>> AgencyHours();

 private:
  //! Reads the overrides again and replaces the cached calendar.
  void Rebuild();

  store::Database& db_;
  const domain::Clock& clock_;
  CatalogueHolder& catalogue_;
  std::mutex mutex_;                                      // guards calendar_
  std::shared_ptr<const domain::WorkCalendar> calendar_;  // null until first built
};

}  // namespace motcua::service
