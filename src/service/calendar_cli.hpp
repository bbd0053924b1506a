#pragma once
//! `motcua calendar show|due`: the working-day calendar on the command line, with or without a database.

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "domain/work_calendar.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! Exit status of a command refused for bad input.
inline constexpr int kCalendarCliUsage = 2;

//! Every listed day of `year`, one a line, ISO date first: "2026-02-16 Mon holiday Giao thừa Tết Nguyên Đán".
std::vector<std::string> CalendarYearLines(const domain::WorkCalendar& calendar, int32_t year);

//! The calendar with the overrides stored in `db`, or the computed default when `db` is null.
domain::WorkCalendar LoadCalendar(store::Database* db);

//! `calendar show --year YEAR`: prints the year's lines to `out`; a bad year: one line on `err`, kCalendarCliUsage.
int RunCalendarShow(const domain::WorkCalendar& calendar, const std::string& year, std::ostream& out,
                    std::ostream& err);

//! `calendar due --from "YYYY-MM-DD HH:MM" --working-days N`: prints the deadline ("YYYY-MM-DD HH:MM") with the
//! default office hours; bad input: one line on `err`, kCalendarCliUsage.
int RunCalendarDue(const domain::WorkCalendar& calendar, const std::string& from, const std::string& working_days,
                   std::ostream& out, std::ostream& err);

}  // namespace motcua::service
