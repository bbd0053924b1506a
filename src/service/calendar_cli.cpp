#include "service/calendar_cli.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <ostream>

#include "domain/lunar.hpp"
#include "store/calendar_store.hpp"

namespace motcua::service {

namespace {

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
//! Longest limit the command accepts, in working days.
constexpr int64_t kMaxWorkingDays = 10000;

std::string Weekday(domain::CivilDate d) {
  const std::chrono::weekday w{std::chrono::sys_days(
      std::chrono::year_month_day{std::chrono::year(d.year), std::chrono::month(static_cast<uint32_t>(d.month)),
                                  std::chrono::day(static_cast<uint32_t>(d.day))})};
  return kWeekdays.at(w.c_encoding());
}

//! `text` as a whole decimal number, if it is one.
std::optional<int64_t> WholeNumber(const std::string& text) {
  int64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return std::nullopt;
  }
  return n;
}

}  // namespace

std::vector<std::string> CalendarYearLines(const domain::WorkCalendar& calendar, int32_t year) {
  std::vector<std::string> out;
  for (const domain::CalendarDay& d : calendar.Year(year)) {
    out.push_back(fmt::format("{:04}-{:02}-{:02} {} {} {}", d.date.year, d.date.month, d.date.day, Weekday(d.date),
                              domain::DayKindCode(d.kind), d.reason));
  }
  return out;
}

domain::WorkCalendar LoadCalendar(store::Database* db) {
  if (db == nullptr) {
    return domain::WorkCalendar{};
  }
  std::vector<domain::CalendarOverride> overrides;
  db->Read([&](store::Session& s) { overrides = store::ListCalendarOverrides(s); });
  return domain::WorkCalendar{overrides};
}

int RunCalendarShow(const domain::WorkCalendar& calendar, const std::string& year, std::ostream& out,
                    std::ostream& err) {
  const std::optional<int64_t> y = WholeNumber(year);
  if (!y || *y < domain::kFirstCalendarYear || *y > domain::kLastCalendarYear) {
    err << fmt::format("motcua calendar show: --year must be a year from {} to {}, not \"{}\"\n",
                       domain::kFirstCalendarYear, domain::kLastCalendarYear, year);
    return kCalendarCliUsage;
  }
  for (const std::string& line : CalendarYearLines(calendar, static_cast<int32_t>(*y))) {
    out << line << "\n";
  }
  return 0;
}

int RunCalendarDue(const domain::WorkCalendar& calendar, const std::string& from, const std::string& working_days,
                   std::ostream& out, std::ostream& err) {
  const std::optional<domain::LocalDateTime> start = domain::ParseLocal(from);
  if (!start || start->date.year < domain::kFirstCalendarYear || start->date.year > domain::kLastCalendarYear) {
    err << fmt::format(
        "motcua calendar due: --from must be a date and time \"YYYY-MM-DD HH:MM\" from {} to {}, not "
        "\"{}\"\n",
        domain::kFirstCalendarYear, domain::kLastCalendarYear, from);
    return kCalendarCliUsage;
  }
  const std::optional<int64_t> n = WholeNumber(working_days);
  if (!n || *n < 1 || *n > kMaxWorkingDays) {
    err << fmt::format("motcua calendar due: --working-days must be a whole number from 1 to {}, not \"{}\"\n",
                       kMaxWorkingDays, working_days);
    return kCalendarCliUsage;
  }
  const std::optional<domain::LocalDateTime> due =
      calendar.Due(*start, static_cast<double>(*n), domain::TimeUnit::kWorkingDay, domain::OfficeHours{});
  if (!due) {
    err << "motcua calendar due: no deadline for this limit\n";
    return kCalendarCliUsage;
  }
  out << domain::FormatLocal(*due) << "\n";
  return 0;
}

}  // namespace motcua::service
