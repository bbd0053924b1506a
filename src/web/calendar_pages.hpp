#pragma once
//! The administrators' page of the working-day calendar (issue 10): /quan-tri/lich-lam-viec.

#include "access/auth.hpp"
#include "service/work_calendars.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! Adds the calendar page (a year's days off and make-up days, computed and overridden), its override and removal
//! forms (system administrators) and the office hours form (agency administrators within their scope).
void AddCalendarPages(access::RouteTable& routes, const Site& site, service::WorkCalendars& calendars);

}  // namespace motcua::web
