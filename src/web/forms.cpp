#include "web/forms.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "access/auth.hpp"
#include "domain/dates.hpp"
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

http::Response FormPage(const Site& site, const http::Request& req, std::string_view name, const char* title,
                        const FieldErrors& errors, int32_t status, const FillForm& fill) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, name, site.T(lang, title),
      [&](ctemplate::TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        fill(d, lang);
      },
      status);
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

std::string LocalTime(int64_t unix_seconds) { return domain::LocalTime(domain::Instant::FromSeconds(unix_seconds)); }

std::optional<int64_t> VietnamDayStart(std::string_view iso_date, int32_t days_after) {
  const auto start = domain::VietnamDayStart(iso_date, days_after);
  if (!start) {
    return std::nullopt;
  }
  return start->Seconds();
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
