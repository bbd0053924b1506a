#include "api/office_action.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <string>
#include <utility>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "domain/constants.hpp"
#include "domain/messages.hpp"
#include "domain/processing.hpp"

namespace motcua::api {

namespace json = boost::json;
using domain::Error;
using domain::N_;

namespace {

constexpr int32_t kMinutesPerHour = 60;
constexpr int32_t kHoursPerDay = 24;
constexpr int32_t kMaxOffsetHours = 14;  // the widest UTC offset in use (UTC+14)
constexpr int32_t kFirstYear = 1900;     // dates before and after these are mistakes, not appointments
constexpr int32_t kLastYear = 2100;
constexpr size_t kIsoDateLength = 10;  // "YYYY-MM-DD"
constexpr size_t kHourPos = 11;        // "YYYY-MM-DDTHH"
constexpr size_t kMinutePos = 14;      // "…THH:MM"
constexpr size_t kOffsetLength = 6;    // "+07:00"

//! The number of `text` (all digits, exactly `text.size()` of them), or nothing.
std::optional<int32_t> Digits(std::string_view text) {
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  int32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

//! Characters (UTF-8 code points) of `text`.
size_t CodePoints(std::string_view text) {
  constexpr unsigned char kContinuationMask = 0xC0;
  constexpr unsigned char kContinuation = 0x80;
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & kContinuationMask) != kContinuation;
  }));
}

Error Fault(std::string field, std::string message) { return Error::Field(std::move(field), std::move(message)); }

//! `text` as "YYYY-MM-DD" days since the epoch, when it is a real date of the years we serve.
std::optional<std::chrono::sys_days> Days(std::string_view text) {
  const std::optional<domain::CivilDate> d = ParseIsoDate(text);
  if (!d) {
    return std::nullopt;
  }
  return std::chrono::sys_days{std::chrono::year{d->year} / std::chrono::month{static_cast<uint32_t>(d->month)} /
                               std::chrono::day{static_cast<uint32_t>(d->day)}};
}

//! Reads the keys of one object against a list of known keys; remembers the first fault.
class Reader {
 public:
  Reader(const json::object& o, std::string prefix) : o_(o), prefix_(std::move(prefix)) {}

  //! A fault for the first key of the object that is not in `known`.
  std::optional<Error> Unknown(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, value] : o_) {
      if (std::find(known.begin(), known.end(), std::string_view(key)) == known.end()) {
        return Fault(Path(key), domain::MessageWith(N_("Khóa \"{}\" không có trong yêu cầu này."), {key}));
      }
    }
    return std::nullopt;
  }

  //! The value of `key`, null when absent or JSON null.
  const json::value* Get(std::string_view key) const {
    const json::value* v = o_.if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
  }

  //! A text value (absent: ""); a fault when not a string or longer than kMaxActionTextBytes characters.
  std::optional<Error> Text(std::string_view key, std::string& out) const {
    const json::value* v = Get(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    if (!v->is_string()) {
      return Fault(Path(key), N_("Giá trị này phải là một chuỗi."));
    }
    if (CodePoints(v->as_string()) > kMaxActionTextBytes) {
      return Fault(Path(key), domain::MessageWith(N_("Dài quá {} ký tự."), {std::to_string(kMaxActionTextBytes)}));
    }
    out = std::string(v->as_string());
    return std::nullopt;
  }

  //! A whole number ≥ 0 (absent: `out` unchanged, or a fault with `missing` when that is given).
  std::optional<Error> Count(std::string_view key, int64_t& out, const char* missing) const {
    const json::value* v = Get(key);
    if (v == nullptr) {
      return missing == nullptr ? std::nullopt : std::optional<Error>(Fault(Path(key), missing));
    }
    if (!v->is_int64() || v->as_int64() < 0) {
      return Fault(Path(key), N_("Giá trị này phải là một số nguyên không âm."));
    }
    out = v->as_int64();
    return std::nullopt;
  }

  //! `prefix` + `key`.
  std::string Path(std::string_view key) const { return prefix_ + std::string(key); }

 private:
  const json::object& o_;
  std::string prefix_;
};

//! The JSON object of `json_text`, or the fault.
domain::Result<json::object> ObjectOf(std::string_view json_text) {
  json::error_code ec;
  json::value v = json::parse(json_text, ec);
  if (ec) {
    return Error::Of(domain::ErrorKind::kInvalid, N_("Nội dung gửi lên không phải JSON hợp lệ."));
  }
  if (!v.is_object()) {
    return Error::Of(domain::ErrorKind::kInvalid, N_("Nội dung gửi lên phải là một đối tượng JSON."));
  }
  return std::move(v.as_object());
}

//! The return methods by their API names (service::ParseReturnMethod's table, kept here so that the parser
//! stands alone for its fuzz target).
constexpr std::array<std::pair<std::string_view, service::ReturnMethod>, 3> kMethods = {{
    {"online", service::ReturnMethod::kOnline},
    {"counter", service::ReturnMethod::kCounter},
    {"post", service::ReturnMethod::kPost},
}};

//! Reads the supplement items of `v` into `out`.
std::optional<Error> Items(const json::value& v, std::vector<service::SupplementItem>& out) {
  if (!v.is_array()) {
    return Fault("items", N_("Danh sách giấy tờ cần bổ sung (items) phải là một mảng."));
  }
  if (v.as_array().size() > kMaxSupplementItems) {
    return Fault("items", domain::MessageWith(N_("Tối đa {} mục."), {std::to_string(kMaxSupplementItems)}));
  }
  for (size_t i = 0; i < v.as_array().size(); ++i) {
    const json::value& item = v.as_array()[i];
    const std::string prefix = fmt::format("items[{}]", i);
    if (!item.is_object()) {
      return Fault(prefix, N_("Mỗi mục phải là một đối tượng JSON."));
    }
    const Reader r(item.as_object(), prefix + ".");
    service::SupplementItem s;
    std::optional<Error> e = r.Unknown({"document_id", "field_id", "label", "reason"});
    for (auto [key, target] : {std::pair<std::string_view, std::string*>{"document_id", &s.document_id},
                               {"field_id", &s.field_id},
                               {"label", &s.label},
                               {"reason", &s.reason}}) {
      if (!e) {
        e = r.Text(key, *target);
      }
    }
    if (e) {
      return e;
    }
    out.push_back(std::move(s));
  }
  return std::nullopt;
}

}  // namespace

std::optional<domain::CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != kIsoDateLength || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto y = Digits(text.substr(0, 4));
  const auto m = Digits(text.substr(5, 2));
  const auto d = Digits(text.substr(8, 2));
  if (!y || !m || !d || *y < kFirstYear || *y > kLastYear) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{*y}, std::chrono::month{static_cast<uint32_t>(*m)},
                                        std::chrono::day{static_cast<uint32_t>(*d)}};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return domain::CivilDate{*y, *m, *d};
}

std::optional<domain::Instant> ParseIsoDateTime(std::string_view text) {
  if (text.size() < kMinutePos + 2 || (text[kIsoDateLength] != 'T' && text[kIsoDateLength] != 't') ||
      text[kHourPos + 2] != ':') {
    return std::nullopt;
  }
  const auto days = Days(text.substr(0, kIsoDateLength));
  const auto hour = Digits(text.substr(kHourPos, 2));
  const auto minute = Digits(text.substr(kMinutePos, 2));
  if (!days || !hour || !minute || *hour >= kHoursPerDay || *minute >= kMinutesPerHour) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(kMinutePos + 2);
  int32_t second = 0;
  if (!rest.empty() && rest.front() == ':') {
    const auto s = rest.size() >= 3 ? Digits(rest.substr(1, 2)) : std::nullopt;
    if (!s || *s >= kMinutesPerHour) {  // no leap seconds in appointments
      return std::nullopt;
    }
    second = *s;
    rest.remove_prefix(3);
  }
  int64_t offset_seconds = 0;
  if (rest == "Z" || rest == "z") {
    offset_seconds = 0;
  } else if (rest.size() == kOffsetLength && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    const auto oh = Digits(rest.substr(1, 2));
    const auto om = Digits(rest.substr(4, 2));
    if (!oh || !om || *oh > kMaxOffsetHours || *om >= kMinutesPerHour) {
      return std::nullopt;
    }
    offset_seconds = (*oh * domain::kSecondsPerHour + *om * domain::kSecondsPerMinute) * (rest[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;  // a time without its offset is ambiguous
  }
  const int64_t local = std::chrono::duration_cast<std::chrono::seconds>(days->time_since_epoch()).count() +
                        *hour * domain::kSecondsPerHour + *minute * domain::kSecondsPerMinute + second;
  return domain::Instant::FromSeconds(local - offset_seconds);
}

std::string VietnamIso(domain::Instant t) {
  const std::chrono::sys_seconds s{std::chrono::seconds{t.Seconds() + domain::kVietnamOffsetSeconds}};
  const auto day = std::chrono::floor<std::chrono::days>(s);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{s - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00", static_cast<int32_t>(ymd.year()),
                     static_cast<uint32_t>(ymd.month()), static_cast<uint32_t>(ymd.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

domain::Result<service::ActionInput> ParseActionBody(std::string_view json_text) {
  domain::Result<json::object> body = ObjectOf(json_text);
  if (!body.ok()) {
    return body.error();
  }
  const Reader r(body.value(), "");
  if (auto e = r.Unknown({"action", "version", "note", "to", "items", "new_appointment", "result_number", "result_date",
                          "method", "returned_to", "fee_vnd"})) {
    return *e;
  }
  service::ActionInput in;
  std::string code;
  if (auto e = r.Text("action", code)) {
    return *e;
  }
  if (code.empty()) {
    return Fault("action", N_("Ghi việc cần làm (action), ví dụ \"accept\"."));
  }
  const std::optional<domain::OfficeAction> action = domain::ParseAction(code);
  if (!action) {
    return Fault("action", domain::MessageWith(N_("Không có việc \"{}\"."), {code}));
  }
  if (*action == domain::OfficeAction::kSupply) {
    return Fault("action", N_("Người nộp bổ sung hồ sơ qua POST /api/v1/dossiers/{id}/supplement."));
  }
  in.action = *action;
  if (auto e = r.Count("version", in.version, N_("Ghi phiên bản (version) của hồ sơ mà bạn đã xem."))) {
    return *e;
  }
  for (auto [key, target] : {std::pair<std::string_view, std::string*>{"note", &in.note},
                             {"result_number", &in.result_number},
                             {"returned_to", &in.returned_to}}) {
    if (auto e = r.Text(key, *target)) {
      return *e;
    }
  }
  if (const json::value* to = r.Get("to")) {
    if (to->is_int64() && to->as_int64() > 0) {
      in.to = std::to_string(to->as_int64());
    } else if (auto e = r.Text("to", in.to)) {
      return Fault("to", N_("Người nhận (to) là mã cán bộ (số), mã bước hoặc mã cơ quan."));
    }
  }
  if (const json::value* items = r.Get("items")) {
    if (auto e = Items(*items, in.items)) {
      return *e;
    }
  }
  if (const json::value* when = r.Get("new_appointment")) {
    in.new_appointment = when->is_string() ? ParseIsoDateTime(when->as_string()) : std::nullopt;
    if (!in.new_appointment) {
      return Fault("new_appointment",
                   N_("Ghi ngày giờ hẹn mới theo ISO 8601 có múi giờ, ví dụ 2026-12-03T17:00:00+07:00."));
    }
  }
  if (const json::value* date = r.Get("result_date")) {
    in.result_date = date->is_string() ? ParseIsoDate(date->as_string()) : std::nullopt;
    if (!in.result_date) {
      return Fault("result_date", N_("Ghi ngày theo dạng YYYY-MM-DD, ví dụ 2026-12-03."));
    }
  }
  if (const json::value* method = r.Get("method")) {
    const auto it = std::find_if(kMethods.begin(), kMethods.end(),
                                 [&](const auto& m) { return method->is_string() && method->as_string() == m.first; });
    if (it == kMethods.end()) {
      return Fault("method", N_("Cách trả kết quả (method) là \"online\", \"counter\" hoặc \"post\"."));
    }
    in.method = it->second;
  }
  if (auto e = r.Count("fee_vnd", in.fee_vnd, nullptr)) {
    return *e;
  }
  return in;
}

domain::Result<SupplyBody> ParseSupplyBody(std::string_view json_text) {
  domain::Result<json::object> body = ObjectOf(json_text);
  if (!body.ok()) {
    return body.error();
  }
  const Reader r(body.value(), "");
  if (auto e = r.Unknown({"version", "answers"})) {
    return *e;
  }
  SupplyBody out;
  if (auto e = r.Count("version", out.version, N_("Ghi phiên bản (version) của hồ sơ mà bạn đã xem."))) {
    return *e;
  }
  if (const json::value* answers = r.Get("answers")) {
    if (!answers->is_object()) {
      return Fault("answers", N_("Câu trả lời phải là một đối tượng JSON theo mã câu hỏi."));
    }
    out.answers = answers->as_object();
  }
  return out;
}

}  // namespace motcua::api
