#include "domain/answers.hpp"

#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::domain {

namespace json = boost::json;

namespace {

// Message ids: one literal each on one line, so scripts/extract-messages.sh and the i18n test find them.
// clang-format off
constexpr const char* kAnswerText = N_("Nhập câu trả lời");
constexpr const char* kTextShape = N_("Nhập câu trả lời bằng chữ");
constexpr const char* kTextShort = N_("Câu trả lời quá ngắn. Hãy viết đầy đủ hơn");
constexpr const char* kTextLong = N_("Câu trả lời quá dài. Hãy viết ngắn gọn hơn");
constexpr const char* kTextControl = N_("Câu trả lời có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại");
constexpr const char* kNumberEmpty = N_("Nhập một số");
constexpr const char* kNumberShape = N_("Nhập một số, chỉ gồm chữ số, ví dụ 12 hoặc 12,5");
constexpr const char* kNumberLow = N_("Số này nhỏ hơn mức cho phép. Hãy kiểm tra lại");
constexpr const char* kNumberHigh = N_("Số này lớn hơn mức cho phép. Hãy kiểm tra lại");
constexpr const char* kMoneyEmpty = N_("Nhập số tiền");
constexpr const char* kMoneyShape = N_("Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000");
constexpr const char* kMoneyLow = N_("Số tiền nhỏ hơn mức tối thiểu. Hãy kiểm tra lại");
constexpr const char* kMoneyHigh = N_("Số tiền lớn hơn mức cho phép. Hãy kiểm tra lại");
constexpr const char* kDateEmpty = N_("Nhập ngày, tháng và năm");
constexpr const char* kDateShape = N_("Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025");
constexpr const char* kDateFuture = N_("Ngày không được sau hôm nay");
constexpr const char* kDateNotPast = N_("Ngày phải trước hôm nay");
constexpr const char* kDateTooLate = N_("Ngày này quá xa trong tương lai. Hãy kiểm tra lại năm");
constexpr const char* kDatePast = N_("Ngày không được trước hôm nay");
constexpr const char* kDateTooEarly = N_("Ngày này quá xa trong quá khứ. Hãy kiểm tra lại năm");
constexpr const char* kChoose = N_("Chọn một trong các lựa chọn");
constexpr const char* kYesNo = N_("Chọn Có hoặc Không");
constexpr const char* kIdEmpty = N_("Nhập số định danh cá nhân");
constexpr const char* kPhoneEmpty = N_("Nhập số điện thoại");
constexpr const char* kEmailEmpty = N_("Nhập địa chỉ thư điện tử");
constexpr const char* kEmailShape = N_("Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.com");
constexpr const char* kAddressShape = N_("Nhập địa chỉ gồm tỉnh, thành phố, xã, phường và số nhà, đường");
constexpr const char* kProvinceEmpty = N_("Chọn tỉnh, thành phố");
constexpr const char* kProvinceUnknown = N_("Chọn tỉnh, thành phố trong danh sách");
constexpr const char* kDistrictEmpty = N_("Chọn quận, huyện");
constexpr const char* kDistrictUnknown = N_("Chọn quận, huyện thuộc tỉnh, thành phố đã chọn");
constexpr const char* kDistrictGone = N_("Từ ngày 1/7/2025 không còn cấp huyện. Bỏ trống quận, huyện");
constexpr const char* kCommuneEmpty = N_("Chọn xã, phường");
constexpr const char* kCommuneUnknown = N_("Chọn xã, phường thuộc đơn vị hành chính đã chọn ở trên");
constexpr const char* kDetailEmpty = N_("Nhập số nhà, tên đường hoặc thôn, xóm");
constexpr const char* kDetailLong = N_("Số nhà, tên đường hoặc thôn, xóm phải có không quá 200 ký tự");
constexpr const char* kGroupEmpty = N_("Thêm ít nhất một mục");
constexpr const char* kGroupShape = N_("Danh sách không đúng định dạng. Hãy nhập lại từng mục");
constexpr const char* kGroupFew = N_("Danh sách còn thiếu mục. Hãy thêm mục");
constexpr const char* kGroupMany = N_("Danh sách có nhiều mục hơn mức cho phép. Hãy xóa bớt mục");
constexpr const char* kNotAQuestion = N_("Câu hỏi này không có trong biểu mẫu");
constexpr const char* kDocumentMissing = N_("Tải lên giấy tờ này");
constexpr const char* kAnswersInvalid = N_("Có câu trả lời không có trong biểu mẫu");
constexpr const char* kYes = N_("Có");
constexpr const char* kNo = N_("Không");
constexpr const char* kDong = N_("đồng");
// clang-format on

constexpr size_t kDefaultTextMax = 500;
constexpr size_t kDefaultTextareaMax = 5000;
constexpr size_t kMaxDetailLength = 200;
constexpr size_t kMaxGroupEntries = 100;
constexpr size_t kIsoDateLength = 10;
constexpr int32_t kFractionDigits = 6;
constexpr std::string_view kThreeTierEra = "2024";
constexpr std::string_view kDocumentPrefix = "tai_lieu.";

void Add(std::vector<FieldError>& errors, std::string field, const char* message) {
  errors.push_back(FieldError{std::move(field), message});
}

std::optional<double> NumberOf(const json::value& v) {
  if (v.is_int64()) {
    return static_cast<double>(v.get_int64());
  }
  if (v.is_uint64()) {
    return static_cast<double>(v.get_uint64());
  }
  if (v.is_double()) {
    return v.get_double();
  }
  return std::nullopt;
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

//! A real calendar date from "YYYY-MM-DD".
std::optional<std::chrono::sys_days> IsoDay(std::string_view s) {
  constexpr size_t kMonthDash = 4;
  constexpr size_t kDayDash = 7;
  if (s.size() != kIsoDateLength || s[kMonthDash] != '-' || s[kDayDash] != '-') {
    return std::nullopt;
  }
  const auto number = [&](size_t pos, size_t len, auto& out) {
    const char* end = s.data() + pos + len;
    if (!std::all_of(s.data() + pos, end, [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    const auto [ptr, ec] = std::from_chars(s.data() + pos, end, out);
    return ec == std::errc() && ptr == end;
  };
  int32_t y = 0;
  uint32_t m = 0;
  uint32_t d = 0;
  if (!number(0, kMonthDash, y) || !number(kMonthDash + 1, 2, m) || !number(kDayDash + 1, 2, d) || y < 1) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) {
    return std::nullopt;
  }
  return std::chrono::sys_days(ymd);
}

std::chrono::sys_days DayOf(const CivilDate& d) {
  return std::chrono::sys_days(std::chrono::year_month_day{std::chrono::year(d.year),
                                                           std::chrono::month(static_cast<uint32_t>(d.month)),
                                                           std::chrono::day(static_cast<uint32_t>(d.day))});
}

//! Text rules: string, valid UTF-8, no control characters (line breaks allowed in a textarea), length bounds.
void CheckText(const FieldDef& f, const json::value& v, const std::string& name, std::vector<FieldError>& errors) {
  const json::string* s = v.if_string();
  if (s == nullptr || !IsValidUtf8(*s)) {
    Add(errors, name, kTextShape);
    return;
  }
  const bool multiline = f.type == FieldType::kTextarea;
  for (const char c : *s) {
    const auto u = static_cast<unsigned char>(c);
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((u < 0x20 && !(multiline && line_break)) || u == 0x7F) {
      Add(errors, name, kTextControl);
      return;
    }
  }
  const size_t n = CodePointCount(*s);
  const size_t max = f.max ? static_cast<size_t>(*f.max) : (multiline ? kDefaultTextareaMax : kDefaultTextMax);
  if (f.min && static_cast<double>(n) < *f.min) {
    Add(errors, name, kTextShort);
  } else if (n > max) {
    Add(errors, name, kTextLong);
  }
}

void CheckNumber(const FieldDef& f, const json::value& v, const std::string& name, std::vector<FieldError>& errors) {
  const bool money = f.type == FieldType::kMoney;
  const std::optional<double> n = NumberOf(v);
  if (!n || (money && (*n < 0 || *n != std::floor(*n)))) {
    Add(errors, name, money ? kMoneyShape : kNumberShape);
    return;
  }
  if (f.min && *n < *f.min) {
    Add(errors, name, money ? kMoneyLow : kNumberLow);
  } else if (f.max && *n > *f.max) {
    Add(errors, name, money ? kMoneyHigh : kNumberHigh);
  }
}

void CheckDate(const FieldDef& f, const json::value& v, const std::string& name, const AnswerContext& context,
               std::vector<FieldError>& errors) {
  const json::string* s = v.if_string();
  const std::optional<std::chrono::sys_days> day = s == nullptr ? std::nullopt : IsoDay(*s);
  if (!day) {
    Add(errors, name, kDateShape);
    return;
  }
  const std::chrono::sys_days today = DayOf(context.today);
  const auto offset = static_cast<double>((*day - today).count());
  if (f.max && offset > *f.max) {
    Add(errors, name, *f.max == 0 ? kDateFuture : (*f.max < 0 ? kDateNotPast : kDateTooLate));
  } else if (f.min && offset < *f.min) {
    Add(errors, name, *f.min == 0 ? kDatePast : kDateTooEarly);
  }
}

//! Any phone number: a mobile (CheckMobilePhone) or a landline 02x… of 11 digits, also written +84 2x….
std::string CheckPhone(std::string_view input) {
  std::string digits;
  for (const char c : input) {
    if (std::string_view(" \t.-()").find(c) == std::string_view::npos) {
      digits += c;
    }
  }
  constexpr size_t kLandlineDigits = 11;
  std::string local = digits;
  if (local.starts_with("+84")) {
    local.erase(0, 3);
  } else if (local.size() == kLandlineDigits + 1 && local.starts_with("842")) {
    local.erase(0, 2);
  }
  if (!local.starts_with('0')) {
    local.insert(0, "0");
  }
  const bool all_digits = std::all_of(local.begin(), local.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (all_digits && local.size() == kLandlineDigits && local.starts_with("02")) {
    return {};
  }
  return CheckMobilePhone(input).error;
}

const AdminUnit* Unit(const AnswerContext& context, std::string_view code) {
  if (!context.find_unit || code.empty()) {
    return nullptr;
  }
  return context.find_unit(context.era, code);
}

//! The string of address part `key` ("" when absent), or nullopt when it is there but not a string.
std::optional<std::string_view> Part(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || v->is_null()) {
    return std::string_view();
  }
  if (!v->is_string()) {
    return std::nullopt;
  }
  return Trim(v->get_string());
}

void CheckAddress(const json::value& v, const std::string& name, const AnswerContext& context,
                  std::vector<FieldError>& errors) {
  const json::object* o = v.if_object();
  const bool known_keys =
      o != nullptr && std::all_of(o->begin(), o->end(), [](const json::key_value_pair& kv) {
        return kv.key() == "province" || kv.key() == "district" || kv.key() == "commune" || kv.key() == "detail";
      });
  const auto province = o == nullptr ? std::nullopt : Part(*o, "province");
  const auto district = o == nullptr ? std::nullopt : Part(*o, "district");
  const auto commune = o == nullptr ? std::nullopt : Part(*o, "commune");
  const auto detail = o == nullptr ? std::nullopt : Part(*o, "detail");
  if (!known_keys || !province || !district || !commune || !detail) {
    Add(errors, name, kAddressShape);
    return;
  }
  const bool three_tiers = context.era == kThreeTierEra;
  const AdminUnit* p = Unit(context, *province);
  if (province->empty()) {
    Add(errors, name + ".province", kProvinceEmpty);
  } else if (p == nullptr || p->level != Level::kProvince) {
    Add(errors, name + ".province", kProvinceUnknown);
    p = nullptr;
  }
  const AdminUnit* parent = p;
  if (three_tiers) {
    const AdminUnit* d = Unit(context, *district);
    if (district->empty()) {
      Add(errors, name + ".district", kDistrictEmpty);
    } else if (d == nullptr || d->level != Level::kDistrict || (p != nullptr && d->parent_code != p->code)) {
      Add(errors, name + ".district", kDistrictUnknown);
      d = nullptr;
    }
    parent = d;
  } else if (!district->empty()) {
    Add(errors, name + ".district", kDistrictGone);
  }
  const AdminUnit* c = Unit(context, *commune);
  if (commune->empty()) {
    Add(errors, name + ".commune", kCommuneEmpty);
  } else if (c == nullptr || c->level != Level::kCommune || (parent != nullptr && c->parent_code != parent->code)) {
    Add(errors, name + ".commune", kCommuneUnknown);
  }
  if (detail->empty()) {
    Add(errors, name + ".detail", kDetailEmpty);
  } else if (!IsValidUtf8(*detail) || CodePointCount(*detail) > kMaxDetailLength ||
             std::any_of(detail->begin(), detail->end(),
                         [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; })) {
    Add(errors, name + ".detail", kDetailLong);
  }
}

//! True when `v` counts as no answer: absent, null, blank text, an empty list or an address with no part.
bool IsUnanswered(const json::value* v) {
  if (v == nullptr || v->is_null()) {
    return true;
  }
  if (const json::string* s = v->if_string()) {
    return Trim(*s).empty();
  }
  if (const json::array* a = v->if_array()) {
    return a->empty();
  }
  if (const json::object* o = v->if_object()) {
    return std::all_of(o->begin(), o->end(), [](const json::key_value_pair& kv) {
      return kv.value().is_null() || (kv.value().is_string() && Trim(kv.value().get_string()).empty());
    });
  }
  return false;
}

const char* RequiredMessage(FieldType type) {
  switch (type) {
    case FieldType::kNumber:
      return kNumberEmpty;
    case FieldType::kMoney:
      return kMoneyEmpty;
    case FieldType::kDate:
      return kDateEmpty;
    case FieldType::kSelect:
    case FieldType::kRadio:
      return kChoose;
    case FieldType::kYesNo:
      return kYesNo;
    case FieldType::kIdNumber:
      return kIdEmpty;
    case FieldType::kPhone:
      return kPhoneEmpty;
    case FieldType::kEmail:
      return kEmailEmpty;
    case FieldType::kAddress:
      return kProvinceEmpty;
    case FieldType::kGroup:
      return kGroupEmpty;
    default:
      return kAnswerText;
  }
}

void CheckFields(const std::vector<FieldDef>& fields, const json::object& answers, const std::string& prefix,
                 const AnswerContext& context, std::vector<FieldError>& errors);

void CheckGroup(const FieldDef& f, const json::value& v, const std::string& name, const AnswerContext& context,
                std::vector<FieldError>& errors) {
  const json::array* entries = v.if_array();
  if (entries == nullptr || entries->size() > kMaxGroupEntries) {
    Add(errors, name, entries == nullptr ? kGroupShape : kGroupMany);
    return;
  }
  if (f.min && static_cast<double>(entries->size()) < *f.min) {
    Add(errors, name, kGroupFew);
  } else if (f.max && static_cast<double>(entries->size()) > *f.max) {
    Add(errors, name, kGroupMany);
  }
  for (size_t i = 0; i < entries->size(); ++i) {
    const std::string entry = name + "[" + std::to_string(i) + "]";
    const json::object* o = (*entries)[i].if_object();
    if (o == nullptr) {
      Add(errors, entry, kGroupShape);
      continue;
    }
    CheckFields(f.fields, *o, entry + ".", context, errors);
  }
}

void CheckValue(const FieldDef& f, const json::value& v, const std::string& name, const AnswerContext& context,
                std::vector<FieldError>& errors) {
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kTextarea:
      CheckText(f, v, name, errors);
      return;
    case FieldType::kNumber:
    case FieldType::kMoney:
      CheckNumber(f, v, name, errors);
      return;
    case FieldType::kDate:
      CheckDate(f, v, name, context, errors);
      return;
    case FieldType::kSelect:
    case FieldType::kRadio:
      if (!v.is_string() || std::none_of(f.options.begin(), f.options.end(),
                                         [&](const FieldOption& o) { return o.value == v.get_string(); })) {
        Add(errors, name, kChoose);
      }
      return;
    case FieldType::kYesNo:
      if (!v.is_bool()) {
        Add(errors, name, kYesNo);
      }
      return;
    case FieldType::kIdNumber: {
      const Checked c = v.is_string() ? CheckPersonalId(v.get_string(), context.today.year) : Checked{{}, kIdEmpty};
      if (!c.ok()) {
        errors.push_back(FieldError{name, c.error});
      }
      return;
    }
    case FieldType::kPhone: {
      const std::string error = v.is_string() ? CheckPhone(v.get_string()) : std::string(kPhoneEmpty);
      if (!error.empty()) {
        errors.push_back(FieldError{name, error});
      }
      return;
    }
    case FieldType::kEmail: {
      const Checked c = v.is_string() ? CheckEmail(v.get_string()) : Checked{{}, kEmailShape};
      if (!c.ok()) {
        errors.push_back(FieldError{name, c.error});
      }
      return;
    }
    case FieldType::kAddress:
      CheckAddress(v, name, context, errors);
      return;
    case FieldType::kGroup:
      CheckGroup(f, v, name, context, errors);
      return;
  }
}

void CheckFields(const std::vector<FieldDef>& fields, const json::object& answers, const std::string& prefix,
                 const AnswerContext& context, std::vector<FieldError>& errors) {
  // The answers a show_if may look at: those of earlier pages, then this list's shown ones (a hidden question's
  // answer never shows another).
  json::object seen = answers;
  for (const FieldDef& f : fields) {
    seen.erase(f.id);
  }
  for (const FieldDef& f : fields) {
    if (!IsShown(f, seen)) {
      continue;
    }
    const json::value* v = answers.if_contains(f.id);
    const std::string name = prefix + f.id;
    if (IsUnanswered(v)) {
      if (f.required) {
        Add(errors, f.type == FieldType::kAddress ? name + ".province" : name, RequiredMessage(f.type));
      }
      continue;
    }
    seen[f.id] = *v;
    CheckValue(f, *v, name, context, errors);
  }
}

//! Copies `f`'s answer from `answers` into `out` when it is shown given `out` (group entries cleaned the same way).
void CopyVisible(const FieldDef& f, const json::object& answers, json::object& out) {
  const json::value* v = answers.if_contains(f.id);
  if (v == nullptr || !IsShown(f, out)) {
    return;
  }
  if (f.type != FieldType::kGroup || !v->is_array()) {
    out[f.id] = *v;
    return;
  }
  json::array entries;
  for (const json::value& e : v->get_array()) {
    if (!e.is_object()) {
      entries.push_back(e);
      continue;
    }
    json::object entry;
    for (const FieldDef& sub : f.fields) {
      CopyVisible(sub, e.get_object(), entry);
    }
    entries.push_back(std::move(entry));
  }
  out[f.id] = std::move(entries);
}

}  // namespace

bool IsShown(const FieldDef& field, const json::object& answers) {
  if (!field.show_if) {
    return true;
  }
  const json::value* v = answers.if_contains(field.show_if->field);
  if (v == nullptr) {
    return false;
  }
  const std::optional<double> want = NumberOf(field.show_if->equals);
  if (want) {
    const std::optional<double> have = NumberOf(*v);
    return have && *have == *want;
  }
  return *v == field.show_if->equals;
}

std::vector<FieldError> ValidatePage(const PageDef& page, const json::object& answers, const AnswerContext& context) {
  std::vector<FieldError> errors;
  CheckFields(page.fields, answers, "", context, errors);
  return errors;
}

std::vector<FieldError> ValidateAnswers(const FormDefinition& form, const json::object& answers,
                                        const std::vector<std::string>& attached_documents,
                                        const AnswerContext& context, bool check_documents) {
  const json::object visible = VisibleAnswers(form, answers);
  std::vector<FieldError> errors;
  for (const PageDef& page : form.pages) {
    std::vector<FieldError> page_errors = ValidatePage(page, visible, context);
    errors.insert(errors.end(), std::make_move_iterator(page_errors.begin()),
                  std::make_move_iterator(page_errors.end()));
  }
  if (!check_documents) {
    return errors;
  }
  for (const DocumentDef& d : form.documents) {
    if (d.required &&
        std::find(attached_documents.begin(), attached_documents.end(), d.id) == attached_documents.end()) {
      Add(errors, std::string(kDocumentPrefix) + d.id, kDocumentMissing);
    }
  }
  return errors;
}

Result<json::object> MergeAnswers(const FormDefinition& form, const json::object& base, const json::object& patch) {
  std::vector<FieldError> errors;
  for (const auto& kv : patch) {
    const FieldDef* f = form.FindField(kv.key());
    if (f == nullptr) {
      Add(errors, IsValidUtf8(kv.key()) ? std::string(kv.key()) : std::string("?"), kNotAQuestion);
      continue;
    }
    const json::array* entries = kv.value().if_array();
    if (f->type != FieldType::kGroup || entries == nullptr) {
      continue;
    }
    for (size_t i = 0; i < entries->size(); ++i) {
      const json::object* o = (*entries)[i].if_object();
      if (o == nullptr) {
        continue;
      }
      for (const auto& sub : *o) {
        const bool known =
            std::any_of(f->fields.begin(), f->fields.end(), [&](const FieldDef& s) { return s.id == sub.key(); });
        if (!known) {
          Add(errors, f->id + "[" + std::to_string(i) + "]." + (IsValidUtf8(sub.key()) ? std::string(sub.key()) : "?"),
              kNotAQuestion);
        }
      }
    }
  }
  if (!errors.empty()) {
    return Error{ErrorKind::kInvalid, kAnswersInvalid, std::move(errors), 0};
  }
  json::object out = base;
  for (const auto& kv : patch) {
    if (kv.value().is_null()) {
      out.erase(kv.key());
    } else {
      out[kv.key()] = kv.value();
    }
  }
  return out;
}

json::object VisibleAnswers(const FormDefinition& form, const json::object& answers) {
  json::object out;
  for (const PageDef& page : form.pages) {
    for (const FieldDef& f : page.fields) {
      CopyVisible(f, answers, out);
    }
  }
  return out;
}

namespace {

//! `n` as Vietnamese write it: dots between thousands, a comma before decimals ("1.500.000", "12,5").
std::string FormatNumber(double n) {
  std::string text = fmt::format("{:.{}f}", std::fabs(n), kFractionDigits);
  std::string fraction;
  if (const size_t dot = text.find('.'); dot != std::string::npos) {
    fraction = text.substr(dot + 1);
    text.resize(dot);
    while (!fraction.empty() && fraction.back() == '0') {
      fraction.pop_back();
    }
  }
  std::string out;
  const size_t lead = text.size() % 3;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i >= lead && (i - lead) % 3 == 0) {
      out += '.';
    }
    out += text[i];
  }
  if (!fraction.empty()) {
    out += ',' + fraction;
  }
  return (n < 0 && out != "0" ? "-" : "") + out;
}

std::string DisplayAddress(const json::value& value, const AnswerContext& context) {
  const json::object* o = value.if_object();
  if (o == nullptr) {
    return {};
  }
  std::vector<std::string> parts;
  for (const std::string_view key : {"detail", "commune", "district", "province"}) {
    const std::optional<std::string_view> part = Part(*o, key);
    if (!part || part->empty()) {
      continue;
    }
    const AdminUnit* unit = key == "detail" ? nullptr : Unit(context, *part);
    parts.emplace_back(unit != nullptr ? std::string_view(unit->name) : *part);
  }
  std::string out;
  for (const std::string& p : parts) {
    out += (out.empty() ? "" : ", ") + p;
  }
  return out;
}

std::string DisplayGroup(const FieldDef& field, const json::value& value, const AnswerContext& context) {
  const json::array* entries = value.if_array();
  if (entries == nullptr) {
    return {};
  }
  std::string out;
  for (const json::value& e : *entries) {
    const json::object* o = e.if_object();
    if (o == nullptr) {
      continue;
    }
    std::string entry;
    json::object shown;
    for (const FieldDef& sub : field.fields) {
      CopyVisible(sub, *o, shown);
      const json::value* v = shown.if_contains(sub.id);
      const std::string text = v == nullptr ? std::string() : DisplayAnswer(sub, *v, context);
      if (!text.empty()) {
        entry += (entry.empty() ? "" : ", ") + text;
      }
    }
    if (!entry.empty()) {
      out += (out.empty() ? "" : "; ") + entry;
    }
  }
  return out;
}

}  // namespace

std::string DisplayAnswer(const FieldDef& field, const json::value& value, const AnswerContext& context) {
  if (value.is_null()) {
    return {};
  }
  switch (field.type) {
    case FieldType::kYesNo:
      return value.is_bool() ? (value.get_bool() ? kYes : kNo) : std::string();
    case FieldType::kDate:
      return value.is_string() ? DisplayDate(value.get_string()) : std::string();
    case FieldType::kSelect:
    case FieldType::kRadio: {
      if (!value.is_string()) {
        return {};
      }
      for (const FieldOption& o : field.options) {
        if (o.value == value.get_string()) {
          return o.label;
        }
      }
      return std::string(value.get_string());
    }
    case FieldType::kNumber:
    case FieldType::kMoney: {
      const std::optional<double> n = NumberOf(value);
      if (!n) {
        return {};
      }
      return FormatNumber(*n) + (field.type == FieldType::kMoney ? std::string(" ") + kDong : std::string());
    }
    case FieldType::kAddress:
      return DisplayAddress(value, context);
    case FieldType::kGroup:
      return DisplayGroup(field, value, context);
    default:
      return value.is_string() ? std::string(value.get_string()) : std::string();
  }
}

}  // namespace motcua::domain
