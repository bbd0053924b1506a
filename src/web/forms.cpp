#include "web/forms.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "access/auth.hpp"
#include "http/url.hpp"
#include "web/site.hpp"

namespace motcua::web {

Form::Form(const http::Request& req) {
  auto parsed = http::ParseQuery(req.body, http::kMaxFormFields);
  if (!parsed) {
    return;
  }
  fields_ = std::move(*parsed);
  ok_ = true;
}

std::string Form::Get(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

std::string Form::Text(std::string_view name) const {
  std::string value = Get(name);
  if (value.size() <= kMaxFieldBytes) {
    return value;
  }
  // Cut before the character that crosses the limit, never inside it: the value is shown again in the form, and
  // half a UTF-8 sequence would make the whole page invalid.
  constexpr unsigned char kContinuationMask = 0xC0;
  constexpr unsigned char kContinuation = 0x80;
  size_t cut = kMaxFieldBytes;
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & kContinuationMask) == kContinuation) {
    --cut;
  }
  value.resize(cut);
  return value;
}

std::vector<std::string> Form::All(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : fields_) {
    if (k == name) {
      out.push_back(v);
    }
  }
  return out;
}

void FieldErrors::Add(std::string field, std::string message) {
  if (!Of(field).empty()) {
    return;
  }
  items_.emplace_back(std::move(field), std::move(message));
}

std::string FieldErrors::Of(std::string_view field) const {
  const auto it = std::find_if(items_.begin(), items_.end(), [&](const auto& e) { return e.first == field; });
  return it == items_.end() ? std::string() : it->second;
}

void AddInput(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page, std::string_view marker,
              const InputSpec& spec, const std::string& value, const FieldErrors& errors) {
  ctemplate::TemplateDictionary* d = page.AddIncludeDictionary(std::string(marker));
  d->SetFilename(Templates::Key(lang, "partials/input"));
  d->SetValue("NAME", spec.name);
  d->SetValue("LABEL", site.T(lang, spec.label));
  // A multi-line address is a textarea: "street-address" autofill is not allowed on a one-line input.
  if (std::string_view(spec.type) == "textarea") {
    d->ShowSection("TEXTAREA");
  } else {
    d->ShowSection("INPUT");
    d->SetValue("TYPE", spec.type);
  }
  d->SetValue("AUTOCOMPLETE", spec.autocomplete);
  d->SetValue("VALUE", value);
  if (spec.hint != nullptr) {
    d->SetValueAndShowSection("HINT", site.T(lang, spec.hint), "HAS_HINT");
  }
  if (*spec.width != '\0') {
    d->SetValueAndShowSection("WIDTH", spec.width, "HAS_WIDTH");
  }
  if (*spec.inputmode != '\0') {
    d->SetValueAndShowSection("INPUTMODE", spec.inputmode, "HAS_INPUTMODE");
  }
  std::string described = spec.hint != nullptr ? std::string(spec.name) + "-hint" : std::string();
  const std::string error = errors.Of(spec.name);
  if (!error.empty()) {
    d->SetValueAndShowSection("ERROR", error, "HAS_ERROR");
    described += (described.empty() ? "" : " ") + std::string(spec.name) + "-error";
  }
  if (!described.empty()) {
    d->SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
  }
}

void AddDateInput(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page, std::string_view marker,
                  const char* name, const char* label, const char* hint, const std::string& day,
                  const std::string& month, const std::string& year, bool own, const FieldErrors& errors) {
  ctemplate::TemplateDictionary* d = page.AddIncludeDictionary(std::string(marker));
  d->SetFilename(Templates::Key(lang, "partials/date_input"));
  d->SetValue("NAME", name);
  d->SetValue("LABEL", site.T(lang, label));
  d->SetValue("HINT", site.T(lang, hint));
  d->SetValue("DAY", day);
  d->SetValue("MONTH", month);
  d->SetValue("YEAR", year);
  d->SetValue("AC_DAY", own ? "bday-day" : "off");
  d->SetValue("AC_MONTH", own ? "bday-month" : "off");
  d->SetValue("AC_YEAR", own ? "bday-year" : "off");
  const std::string error = errors.Of(name);
  if (!error.empty()) {
    d->SetValueAndShowSection("ERROR", error, "HAS_ERROR");
  }
}

void AddErrorSummary(std::string_view lang, ctemplate::TemplateDictionary& page, const FieldErrors& errors) {
  if (errors.empty()) {
    return;
  }
  ctemplate::TemplateDictionary* d = page.AddIncludeDictionary("ERROR_SUMMARY");
  d->SetFilename(Templates::Key(lang, "partials/error_summary"));
  for (const auto& [field, message] : errors.items()) {
    ctemplate::TemplateDictionary* item = d->AddSectionDictionary("ERRORS");
    item->SetValue("FIELD", field);
    item->SetValue("MESSAGE", message);
  }
}

void AddCsrf(const http::Request& req, ctemplate::TemplateDictionary& page) {
  page.SetValue("CSRF", access::CallerOf(req).csrf_token);
}

}  // namespace motcua::web

namespace motcua::web {

namespace {

constexpr int64_t kVietnamOffsetSeconds = int64_t{7} * 3600;

}  // namespace

void AddNotice(std::string_view lang, ctemplate::TemplateDictionary& page, const std::string& text) {
  if (text.empty()) {
    return;
  }
  ctemplate::TemplateDictionary* d = page.AddIncludeDictionary("NOTICE");
  d->SetFilename(Templates::Key(lang, "partials/notice"));
  d->SetValue("TEXT", text);
}

http::Response WithCookie(http::Response res, const std::string& cookie) {
  if (!cookie.empty()) {
    res.headers.emplace_back("Set-Cookie", cookie);
  }
  return res;
}

http::Response MessagePage(const Site& site, const http::Request& req, int32_t status, const std::string& heading,
                           const std::string& message, const std::string& link, const std::string& link_text) {
  return site.Page(
      req, "account/message", heading,
      [&](ctemplate::TemplateDictionary& d) {
        d.SetValue("HEADING", heading);
        d.SetValue("MESSAGE", message);
        if (!link.empty()) {
          d.ShowSection("HAS_LINK");
          d.SetValue("LINK", link);
          d.SetValue("LINK_TEXT", link_text);
        }
      },
      status);
}

std::string LocalTime(int64_t unix_seconds) {
  const std::chrono::sys_seconds t{std::chrono::seconds(unix_seconds + kVietnamOffsetSeconds)};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  return fmt::format("{:02}/{:02}/{} {:02}:{:02}", static_cast<unsigned>(ymd.day()), static_cast<unsigned>(ymd.month()),
                     static_cast<int>(ymd.year()), hms.hours().count(), hms.minutes().count());
}

CivilDate VietnamToday() {
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  const std::chrono::sys_seconds local{now.time_since_epoch() + std::chrono::seconds(kVietnamOffsetSeconds)};
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(local)};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<unsigned>(ymd.month())),
                   static_cast<int32_t>(static_cast<unsigned>(ymd.day()))};
}

std::optional<int64_t> VietnamDayStart(std::string_view iso_date, int32_t days_after) {
  constexpr size_t kIsoDateLength = 10;
  if (iso_date.size() != kIsoDateLength || iso_date[4] != '-' || iso_date[7] != '-') {
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
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  const std::chrono::sys_days day = std::chrono::sys_days(ymd) + std::chrono::days(days_after);
  return std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count() - kVietnamOffsetSeconds;
}

int64_t IdParam(const http::Request& req, std::string_view name) {
  const std::string_view text = req.Param(name);
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id < 0) {
    return 0;
  }
  return id;
}

}  // namespace motcua::web
