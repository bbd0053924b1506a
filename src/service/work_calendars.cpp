#include "service/work_calendars.hpp"

#include <fmt/format.h>

#include <utility>

#include "domain/lunar.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/journal.hpp"
#include "service/permission.hpp"
#include "store/calendar_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! Longest reason kept (in bytes).
constexpr size_t kMaxReasonBytes = 200;
constexpr int32_t kMinutesPerHour = 60;

std::string DayText(domain::CivilDate d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string MinuteText(int32_t m) { return fmt::format("{:02}:{:02}", m / kMinutesPerHour, m % kMinutesPerHour); }

std::string HoursText(const domain::OfficeHours& h) {
  return fmt::format("{}–{}, {}–{}", MinuteText(h.morning_start), MinuteText(h.morning_end),
                     MinuteText(h.afternoon_start), MinuteText(h.afternoon_end));
}

bool IsSystemAdmin(const Actor& actor) { return actor.principal.Has(domain::Role::kSystemAdmin); }

Error NotSystemAdmin() { return Error::Of(ErrorKind::kForbidden, N_("Chỉ quản trị hệ thống được sửa lịch làm việc.")); }

//! kInvalid when `date` is not a real day of the calendar's years.
std::optional<Error> RefuseDate(domain::CivilDate date) {
  if (!domain::ParseLocal(DayText(date) + " 00:00") || date.year < domain::kFirstCalendarYear ||
      date.year > domain::kLastCalendarYear) {
    return Error::Field("date", N_("Ngày không hợp lệ (từ năm 1900 đến năm 2100)."));
  }
  return std::nullopt;
}

}  // namespace

WorkCalendars::WorkCalendars(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

std::shared_ptr<const domain::WorkCalendar> WorkCalendars::Calendar() {
  std::lock_guard lock(mutex_);
  if (calendar_ == nullptr) {
    std::vector<domain::CalendarOverride> overrides;
    db_.Read([&](store::Session& s) { overrides = store::ListCalendarOverrides(s); });
    calendar_ = std::make_shared<const domain::WorkCalendar>(overrides);
  }
  return calendar_;
}

domain::OfficeHours WorkCalendars::HoursOf(std::string_view agency_code) {
  std::optional<domain::OfficeHours> found;
  db_.Read([&](store::Session& s) { found = store::FindOfficeHours(s, agency_code); });
  return found.value_or(domain::OfficeHours{});
}

std::vector<domain::CalendarOverride> WorkCalendars::Overrides(int32_t year) {
  constexpr int32_t kDecember = 12;
  constexpr int32_t kLastDay = 31;
  std::vector<domain::CalendarOverride> out;
  db_.Read([&](store::Session& s) {
    out = store::ListCalendarOverridesBetween(s, domain::CivilDate{year, 1, 1},
                                              domain::CivilDate{year, kDecember, kLastDay});
  });
  return out;
}

domain::Result<domain::Done> WorkCalendars::SetOverride(const Actor& actor, const domain::CalendarOverride& entry) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  if (!IsSystemAdmin(actor)) {
    return NotSystemAdmin();
  }
  if (auto bad = RefuseDate(entry.date)) {
    return *bad;
  }
  const std::string reason = domain::CollapseSpaces(entry.reason);
  if (reason.empty()) {
    return Error::Field("reason", N_("Hãy ghi lý do."));
  }
  if (reason.size() > kMaxReasonBytes) {
    return Error::Field("reason", N_("Lý do quá dài (tối đa 200 ký tự)."));
  }
  const domain::CalendarOverride clean{entry.date, entry.working, reason};
  db_.Write([&](store::Session& s) {
    const std::optional<domain::CalendarOverride> before = store::FindCalendarOverride(s, entry.date);
    store::UpsertCalendarOverride(s, clean, clock_.Now(), actor.principal.user_id);
    Summary summary;
    if (before) {
      summary.Set("before", fmt::format("{}: {}", before->working ? "working" : "off", before->reason));
    }
    summary.After("working", clean.working ? "1" : "0").After("reason", reason);
    Journal(s, actor, JournalEntry::Of("calendar.override", "calendar_day", DayText(entry.date), summary));
  });
  Rebuild();
  return domain::Done{};
}

domain::Result<domain::Done> WorkCalendars::RemoveOverride(const Actor& actor, domain::CivilDate date) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  if (!IsSystemAdmin(actor)) {
    return NotSystemAdmin();
  }
  if (auto bad = RefuseDate(date)) {
    return *bad;
  }
  bool removed = false;
  db_.Write([&](store::Session& s) {
    const std::optional<domain::CalendarOverride> before = store::FindCalendarOverride(s, date);
    removed = store::DeleteCalendarOverride(s, date);
    if (removed && before) {
      Journal(s, actor,
              JournalEntry::Of(
                  "calendar.override_remove", "calendar_day", DayText(date),
                  Summary{}.Set("before", fmt::format("{}: {}", before->working ? "working" : "off", before->reason))));
    }
  });
  if (!removed) {
    return Error::Of(ErrorKind::kNotFound, N_("Ngày này không có điều chỉnh nào."));
  }
  Rebuild();
  return domain::Done{};
}

domain::Result<domain::Done> WorkCalendars::SetHours(const Actor& actor, std::string_view agency_code,
                                                     const domain::OfficeHours& hours) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  if (catalogue->FindAgency(agency_code) == nullptr) {
    return Error::Of(ErrorKind::kNotFound, N_("Không có cơ quan này."));
  }
  if (!IsSystemAdmin(actor) &&
      !domain::HasRoleOver(actor.principal, *catalogue, domain::Role::kAgencyAdmin, agency_code)) {
    return Error::Of(ErrorKind::kForbidden, N_("Cơ quan này không thuộc phạm vi bạn quản trị."));
  }
  if (!hours.Valid()) {
    return Error::Field("hours", N_("Giờ làm việc không hợp lệ: buổi sáng phải trước buổi chiều, giờ bắt đầu trước "
                                    "giờ kết thúc."));
  }
  db_.Write([&](store::Session& s) {
    const std::optional<domain::OfficeHours> before = store::FindOfficeHours(s, agency_code);
    store::UpsertOfficeHours(s, agency_code, hours, clock_.Now(), actor.principal.user_id);
    Summary summary;
    summary.Set("before", HoursText(before.value_or(domain::OfficeHours{}))).After("hours", HoursText(hours));
    Journal(s, actor, JournalEntry::Of("calendar.hours", "agency", std::string(agency_code), summary));
  });
  return domain::Done{};
}

std::vector<std::pair<std::string, domain::OfficeHours>> WorkCalendars::AgencyHours() {
  std::vector<std::pair<std::string, domain::OfficeHours>> out;
  db_.Read([&](store::Session& s) {
    for (store::AgencyHours& a : store::ListOfficeHours(s)) {
      out.emplace_back(std::move(a.agency_code), a.hours);
    }
  });
  return out;
}

void WorkCalendars::Rebuild() {
  // Under the lock from the read to the swap, so that two edits in a row cannot leave the older table cached.
  std::lock_guard lock(mutex_);
  std::vector<domain::CalendarOverride> overrides;
  db_.Read([&](store::Session& s) { overrides = store::ListCalendarOverrides(s); });
  calendar_ = std::make_shared<const domain::WorkCalendar>(overrides);
}

}  // namespace motcua::service
