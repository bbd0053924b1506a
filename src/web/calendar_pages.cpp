// The working-day calendar page of the administrators (/quan-tri/lich-lam-viec?nam=YYYY): the year's days off and
// make-up working days as computed (Labour Code holidays, Tết, compensatory days, the government's known swaps)
// with the administrators' overrides applied and marked; forms to add, replace or remove an override (system
// administrators) and to set an agency's office hours (administrators within their scope). POSTs carry the CSRF
// token and redirect back (PRG); everything works without JavaScript.
#include "web/calendar_pages.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include "domain/lunar.hpp"
#include "domain/messages.hpp"
#include "web/admin_pages.hpp"
#include "web/forms.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

constexpr int32_t kMinutesPerHour = 60;
constexpr const char* kPath = "/quan-tri/lich-lam-viec";

//! The weekday names, Sunday first (std::chrono's c_encoding).
constexpr std::array<const char*, 7> kWeekdayNames = {N_("Chủ nhật"), N_("Thứ hai"), N_("Thứ ba"), N_("Thứ tư"),
                                                      N_("Thứ năm"),  N_("Thứ sáu"), N_("Thứ bảy")};

const char* KindName(domain::DayKind kind) {
  switch (kind) {
    case domain::DayKind::kHoliday:
      return N_("Ngày lễ, Tết");
    case domain::DayKind::kCompensatory:
      return N_("Nghỉ bù");
    case domain::DayKind::kSwappedDayOff:
      return N_("Nghỉ hoán đổi");
    case domain::DayKind::kExtraDayOff:
      return N_("Nghỉ thêm");
    case domain::DayKind::kMakeUpWorkday:
      return N_("Làm bù");
  }
  return N_("Ngày lễ, Tết");
}

std::string IsoDay(domain::CivilDate d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

std::string ShownDay(domain::CivilDate d) { return fmt::format("{:02}/{:02}/{:04}", d.day, d.month, d.year); }

const char* WeekdayName(domain::CivilDate d) {
  const std::chrono::weekday w{std::chrono::sys_days(
      std::chrono::year_month_day{std::chrono::year(d.year), std::chrono::month(static_cast<uint32_t>(d.month)),
                                  std::chrono::day(static_cast<uint32_t>(d.day))})};
  return kWeekdayNames.at(w.c_encoding());
}

std::string MinuteText(int32_t m) { return fmt::format("{:02}:{:02}", m / kMinutesPerHour, m % kMinutesPerHour); }

//! "HH:MM" as minutes after midnight.
std::optional<int32_t> ParseMinute(std::string_view text) {
  constexpr size_t kLength = 5;
  constexpr size_t kColon = 2;
  constexpr int32_t kHours = 24;
  if (text.size() != kLength || text[kColon] != ':') {
    return std::nullopt;
  }
  int32_t h = 0;
  int32_t m = 0;
  const auto [p1, e1] = std::from_chars(text.data(), text.data() + kColon, h);
  const auto [p2, e2] = std::from_chars(text.data() + kColon + 1, text.data() + kLength, m);
  if (e1 != std::errc() || e2 != std::errc() || p1 != text.data() + kColon || p2 != text.data() + kLength || h < 0 ||
      h >= kHours || m < 0 || m >= kMinutesPerHour) {
    return std::nullopt;
  }
  return h * kMinutesPerHour + m;
}

//! A date typed "YYYY-MM-DD" (what a date input sends) or "dd/mm/yyyy".
std::optional<domain::CivilDate> ParseDay(std::string_view text) {
  if (const auto iso = domain::ParseLocal(std::string(text) + " 00:00")) {
    return iso->date;
  }
  constexpr size_t kShownLength = 10;
  if (text.size() == kShownLength && text[2] == '/' && text[5] == '/') {
    const std::string iso = fmt::format("{}-{}-{}", text.substr(6, 4), text.substr(3, 2), text.substr(0, 2));
    if (const auto t = domain::ParseLocal(iso + " 00:00")) {
      return t->date;
    }
  }
  return std::nullopt;
}

//! The year asked for in ?nam=, else the current one; clamped to the calendar's years.
int32_t YearOf(const Site& site, const Request& req) {
  int32_t year = site.Today().year;
  const std::string_view asked = req.Query("nam");
  int32_t n = 0;
  const auto [ptr, ec] = std::from_chars(asked.data(), asked.data() + asked.size(), n);
  if (!asked.empty() && ec == std::errc() && ptr == asked.data() + asked.size()) {
    year = n;
  }
  return std::clamp(year, domain::kFirstCalendarYear, domain::kLastCalendarYear);
}

//! What a refused form sent back, to show again.
struct Sent {
  std::string day;
  std::string working;
  std::string reason;
  std::string agency;
  std::array<std::string, 4> hours;
};

constexpr std::array<const char*, 4> kHourFields = {"sang_bat_dau", "sang_ket_thuc", "chieu_bat_dau", "chieu_ket_thuc"};
constexpr std::array<const char*, 4> kHourLabels = {N_("Sáng, bắt đầu"), N_("Sáng, kết thúc"), N_("Chiều, bắt đầu"),
                                                    N_("Chiều, kết thúc")};

Response Render(const Site& site, service::WorkCalendars& calendars, const Request& req, int32_t year, const Sent& sent,
                const FieldErrors& errors, const std::string& notice) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = access::CallerOf(req).principal;
  const bool system_admin = p.Has(domain::Role::kSystemAdmin);
  const std::shared_ptr<const domain::WorkCalendar> calendar = calendars.Calendar();
  const std::vector<domain::CalendarOverride> overrides = calendars.Overrides(year);
  std::set<std::string> overridden;
  for (const domain::CalendarOverride& o : overrides) {
    overridden.insert(IsoDay(o.date));
  }
  const auto catalogue = site.catalogue();
  return site.Page(
      req, "admin/calendar", fmt::format("{} {}", site.T(lang, "Lịch làm việc năm"), year),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddNotice(lang, d, notice);
        AddErrorSummary(lang, d, errors);
        d.SetIntValue("YEAR", year);
        if (year > domain::kFirstCalendarYear) {
          d.SetValueAndShowSection("PREVIOUS", std::to_string(year - 1), "HAS_PREVIOUS");
        }
        if (year < domain::kLastCalendarYear) {
          d.SetValueAndShowSection("NEXT", std::to_string(year + 1), "HAS_NEXT");
        }
        for (const domain::CalendarDay& day : calendar->Year(year)) {
          TemplateDictionary* row = d.AddSectionDictionary("DAYS");
          row->SetValue("DATE", ShownDay(day.date));
          row->SetValue("ISO", IsoDay(day.date));
          row->SetValue("WEEKDAY", site.T(lang, WeekdayName(day.date)));
          row->SetValue("KIND", site.T(lang, KindName(day.kind)));
          row->SetValue("KIND_CODE", std::string(domain::DayKindCode(day.kind)));
          row->SetValue("REASON", day.reason);
          row->ShowSection(overridden.contains(IsoDay(day.date)) ? "BY_ADMIN" : "COMPUTED");
          if (day.kind == domain::DayKind::kMakeUpWorkday) {
            row->ShowSection("WORKED");
          }
        }
        for (const domain::CalendarOverride& o : overrides) {
          TemplateDictionary* row = d.AddSectionDictionary("OVERRIDES");
          row->SetValue("DATE", ShownDay(o.date));
          row->SetValue("ISO", IsoDay(o.date));
          row->SetValue("WEEKDAY", site.T(lang, WeekdayName(o.date)));
          row->SetValue("STATE", o.working ? site.T(lang, "Làm việc") : site.T(lang, "Nghỉ"));
          row->SetValue("REASON", o.reason);
          if (system_admin) {
            row->ShowSection("CAN_REMOVE");
          }
        }
        if (overrides.empty()) {
          d.ShowSection("NO_OVERRIDES");
        }
        if (system_admin) {
          TemplateDictionary* form = d.AddSectionDictionary("CAN_EDIT_DAYS");
          form->SetValue("DAY", sent.day);
          form->SetValue("REASON", sent.reason);
          form->ShowSection(sent.working == "lam" ? "WORKING_CHECKED" : "OFF_CHECKED");
          constexpr std::array<std::pair<const char*, const char*>, 3> kFields = {
              {{"ngay", "DAY_ERROR"}, {"loai", "KIND_ERROR"}, {"ly_do", "REASON_ERROR"}}};
          for (const auto& [field, section] : kFields) {
            const std::string error = errors.Of(field);
            if (!error.empty()) {
              form->AddSectionDictionary(section)->SetValue("ERROR", error);
            }
          }
        }
        for (const auto& [agency, hours] : calendars.AgencyHours()) {
          const domain::Agency* a = catalogue->FindAgency(agency);
          TemplateDictionary* row = d.AddSectionDictionary("HOURS");
          row->SetValue("AGENCY", a != nullptr ? a->name : agency);
          row->SetValue("MORNING",
                        fmt::format("{}–{}", MinuteText(hours.morning_start), MinuteText(hours.morning_end)));
          row->SetValue("AFTERNOON",
                        fmt::format("{}–{}", MinuteText(hours.afternoon_start), MinuteText(hours.afternoon_end)));
        }
        const domain::OfficeHours defaults{};
        d.SetValue("DEFAULT_HOURS",
                   fmt::format("{}–{}, {}–{}", MinuteText(defaults.morning_start), MinuteText(defaults.morning_end),
                               MinuteText(defaults.afternoon_start), MinuteText(defaults.afternoon_end)));
        AddAgencySelect(site, lang, d, *catalogue, p, sent.agency, errors);
        const std::array<int32_t, 4> default_values = {defaults.morning_start, defaults.morning_end,
                                                       defaults.afternoon_start, defaults.afternoon_end};
        for (size_t i = 0; i < kHourFields.size(); ++i) {
          TemplateDictionary* input = d.AddSectionDictionary("HOUR_INPUTS");
          input->SetValue("NAME", kHourFields.at(i));
          input->SetValue("LABEL", site.T(lang, kHourLabels.at(i)));
          input->SetValue("VALUE", sent.hours.at(i).empty() ? MinuteText(default_values.at(i)) : sent.hours.at(i));
        }
        const std::string hours_error = errors.Of("sang_bat_dau");
        if (!hours_error.empty()) {
          d.SetValueAndShowSection("HOURS_ERROR", hours_error, "HAS_HOURS_ERROR");
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

Response CalendarPage(const Site& site, service::WorkCalendars& calendars, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string_view done = req.Query("tb");
  std::string notice;
  if (done == "da-luu") {
    notice = site.T(lang, "Đã lưu điều chỉnh của ngày. Hạn xử lý tính từ nay theo lịch mới.");
  } else if (done == "da-bo") {
    notice = site.T(lang, "Đã bỏ điều chỉnh: ngày này trở lại như lịch tính sẵn.");
  } else if (done == "da-dat-gio") {
    notice = site.T(lang, "Đã lưu giờ làm việc của cơ quan.");
  }
  Sent sent;
  sent.agency = std::string(req.Query("co_quan"));
  return Render(site, calendars, req, YearOf(site, req), sent, FieldErrors{}, notice);
}

//! The fields of a refused service call as page errors, with `fallback` naming the field of an error without one.
FieldErrors ErrorsOf(const Site& site, std::string_view lang, const domain::Error& error,
                     const std::map<std::string, std::string>& field_names, const std::string& fallback) {
  FieldErrors errors;
  for (const domain::FieldError& f : error.fields) {
    const auto named = field_names.find(f.field);
    errors.Add(named != field_names.end() ? named->second : fallback, site.T(lang, f.message));
  }
  if (errors.empty()) {
    errors.Add(fallback, site.T(lang, error.message));
  }
  return errors;
}

//! Days are changed by system administrators only (the service checks it again).
std::optional<Response> RefuseDays(const Site& site, const Request& req) {
  if (access::CallerOf(req).principal.Has(domain::Role::kSystemAdmin)) {
    return std::nullopt;
  }
  return ErrorPageFor(
      site, req, domain::Error::Of(domain::ErrorKind::kForbidden, N_("Chỉ quản trị hệ thống được sửa lịch làm việc.")));
}

Response SaveDay(const Site& site, service::WorkCalendars& calendars, const Request& req) {
  if (auto refused = RefuseDays(site, req)) {
    return *refused;
  }
  const std::string lang = site.Lang(req);
  const Form form(req);
  Sent sent{form.Text("ngay"), form.Get("loai"), form.Text("ly_do"), "", {}};
  const std::optional<domain::CivilDate> day = ParseDay(sent.day);
  const int32_t year = day ? day->year : YearOf(site, req);
  FieldErrors errors;
  if (!day) {
    errors.Add("ngay", site.T(lang, "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 02/01/2027."));
  }
  if (sent.working != "nghi" && sent.working != "lam") {
    errors.Add("loai", site.T(lang, "Hãy chọn nghỉ hay làm việc."));
  }
  if (!errors.empty()) {
    return Render(site, calendars, req, year, sent, errors, "");
  }
  const auto saved =
      calendars.SetOverride(access::ActorOf(req), domain::CalendarOverride{*day, sent.working == "lam", sent.reason});
  if (saved) {
    return Response::Redirect(fmt::format("{}?nam={}&tb=da-luu", kPath, day->year));
  }
  if (saved.error().kind != domain::ErrorKind::kInvalid) {
    return ErrorPageFor(site, req, saved.error());
  }
  return Render(site, calendars, req, year, sent,
                ErrorsOf(site, lang, saved.error(), {{"date", "ngay"}, {"reason", "ly_do"}}, "ngay"), "");
}

Response RemoveDay(const Site& site, service::WorkCalendars& calendars, const Request& req) {
  if (auto refused = RefuseDays(site, req)) {
    return *refused;
  }
  const Form form(req);
  const std::optional<domain::CivilDate> day = ParseDay(form.Text("ngay"));
  if (!day) {
    return ErrorPageFor(site, req,
                        domain::Error::Of(domain::ErrorKind::kNotFound, N_("Ngày này không có điều chỉnh nào.")));
  }
  const auto removed = calendars.RemoveOverride(access::ActorOf(req), *day);
  if (!removed) {
    return ErrorPageFor(site, req, removed.error());
  }
  return Response::Redirect(fmt::format("{}?nam={}&tb=da-bo", kPath, day->year));
}

Response SaveHours(const Site& site, service::WorkCalendars& calendars, const Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  Sent sent;
  sent.agency = form.Text("co_quan");
  std::array<int32_t, 4> minutes{};
  bool readable = true;
  for (size_t i = 0; i < kHourFields.size(); ++i) {
    sent.hours.at(i) = form.Text(kHourFields.at(i));
    const std::optional<int32_t> m = ParseMinute(sent.hours.at(i));
    readable = readable && m.has_value();
    minutes.at(i) = m.value_or(0);
  }
  const int32_t year = YearOf(site, req);
  if (!readable) {
    FieldErrors errors;
    errors.Add("sang_bat_dau", site.T(lang, "Hãy nhập giờ theo dạng giờ:phút, ví dụ 07:30."));
    return Render(site, calendars, req, year, sent, errors, "");
  }
  const domain::OfficeHours hours{minutes[0], minutes[1], minutes[2], minutes[3]};
  const auto saved = calendars.SetHours(access::ActorOf(req), sent.agency, hours);
  if (saved) {
    return Response::Redirect(fmt::format("{}?nam={}&tb=da-dat-gio", kPath, year));
  }
  if (saved.error().kind == domain::ErrorKind::kInvalid) {
    return Render(site, calendars, req, year, sent,
                  ErrorsOf(site, lang, saved.error(), {{"hours", "sang_bat_dau"}}, "sang_bat_dau"), "");
  }
  if (saved.error().kind == domain::ErrorKind::kNotFound) {
    FieldErrors errors;
    errors.Add("co_quan", site.T(lang, saved.error().message));
    return Render(site, calendars, req, year, sent, errors, "");
  }
  return ErrorPageFor(site, req, saved.error());
}

}  // namespace

void AddCalendarPages(access::RouteTable& routes, const Site& site, service::WorkCalendars& calendars) {
  // Administrators of officers see the calendar and set their agencies' hours; the service lets only system
  // administrators change days.
  constexpr Permission kAdmin = Permission::kAdministerOfficers;
  static constexpr PageRoute<service::WorkCalendars> kRoutes[] = {
      {"GET", "/quan-tri/lich-lam-viec", kAdmin, CalendarPage},
      {"POST", "/quan-tri/lich-lam-viec/ngay", kAdmin, SaveDay},
      {"POST", "/quan-tri/lich-lam-viec/ngay/xoa", kAdmin, RemoveDay},
      {"POST", "/quan-tri/lich-lam-viec/gio", kAdmin, SaveHours},
  };
  // The service outlives the web app (main.cpp owns it); the handlers share it without owning it.
  AddPageRoutes<service::WorkCalendars>(routes, site, std::shared_ptr<service::WorkCalendars>(&calendars, [](auto*) {}),
                                        kRoutes);
}

}  // namespace motcua::web
