#include "domain/form_definition.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::domain {

namespace json = boost::json;

namespace {

// Message ids: one literal each on one line, so scripts/extract-messages.sh and the i18n test find them.
// clang-format off
constexpr const char* kTooLarge = N_("Định nghĩa biểu mẫu quá lớn");
constexpr const char* kNotJson = N_("Định nghĩa biểu mẫu không phải là JSON hợp lệ");
constexpr const char* kHasErrors = N_("Định nghĩa biểu mẫu có lỗi");
constexpr const char* kNotObject = N_("Giá trị này phải là một đối tượng JSON");
constexpr const char* kNotArray = N_("Giá trị này phải là một mảng JSON");
constexpr const char* kNotString = N_("Giá trị này phải là một chuỗi");
constexpr const char* kNotBool = N_("Giá trị này phải là true hoặc false");
constexpr const char* kNotNumber = N_("Giá trị này phải là một số");
constexpr const char* kNotWholeNumber = N_("Giá trị này phải là một số nguyên trong giới hạn cho phép");
constexpr const char* kUnknownKey = N_("Khóa này không có trong định dạng biểu mẫu");
constexpr const char* kMissing = N_("Thiếu giá trị bắt buộc này");
constexpr const char* kBadId = N_("Mã phải bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường, chữ số và dấu gạch, không quá 64 ký tự");
constexpr const char* kDuplicateId = N_("Mã này đã dùng ở chỗ khác trong biểu mẫu");
constexpr const char* kBadText = N_("Văn bản rỗng, quá dài hoặc có ký tự điều khiển");
constexpr const char* kUnknownType = N_("Loại câu hỏi không có trong danh sách được hỗ trợ");
constexpr const char* kNeedsOptions = N_("Câu hỏi chọn một phải có từ 1 đến 100 lựa chọn, giá trị không trùng nhau");
constexpr const char* kNoOptionsHere = N_("Chỉ câu hỏi loại select hoặc radio mới có lựa chọn");
constexpr const char* kNoBoundsHere = N_("Loại câu hỏi này không có giới hạn min, max");
constexpr const char* kMinAboveMax = N_("Giá trị min phải nhỏ hơn hoặc bằng max");
constexpr const char* kShowIfField = N_("show_if phải chỉ đến một câu hỏi đứng trước ở cùng cấp, không phải nhóm hay địa chỉ");
constexpr const char* kShowIfValue = N_("Giá trị equals của show_if không hợp với loại câu hỏi mà nó chỉ đến");
constexpr const char* kNeedsFields = N_("Nhóm lặp phải có từ 1 câu hỏi con trở lên");
constexpr const char* kNoFieldsHere = N_("Chỉ câu hỏi loại group mới có câu hỏi con");
constexpr const char* kNestedGroup = N_("Nhóm lặp không được chứa nhóm lặp khác");
constexpr const char* kTooManyPages = N_("Biểu mẫu phải có từ 1 đến 50 trang");
constexpr const char* kTooManyFields = N_("Biểu mẫu có quá 200 câu hỏi");
constexpr const char* kEmptyPage = N_("Mỗi trang phải có ít nhất một câu hỏi");
constexpr const char* kTooManyDocuments = N_("Biểu mẫu có quá 30 giấy tờ");
constexpr const char* kOriginalOrCopy = N_("original_or_copy phải là original, copy hoặc either");
constexpr const char* kFileTypes = N_("Loại tệp phải là pdf, jpeg, png hoặc heic, không trùng nhau, ít nhất một loại");
constexpr const char* kTemplateUrl = N_("Đường dẫn mẫu phải bắt đầu bằng / hoặc https://");
// clang-format on

constexpr size_t kMaxIdLength = 64;
constexpr size_t kMaxTitleLength = 300;
constexpr size_t kMaxHintLength = 1000;
constexpr size_t kMaxOptionValueLength = 100;
constexpr size_t kMaxUrlLength = 500;
constexpr size_t kMaxPages = 50;
constexpr size_t kMaxFields = 200;
constexpr size_t kMaxDocuments = 30;
constexpr size_t kMaxOptions = 100;
constexpr size_t kMaxFileTypes = 4;
constexpr int64_t kMaxVersion = 1000000;
//! Parser nesting limit: a definition is at most root → pages → page → fields → group → fields → field → show_if.
constexpr size_t kMaxJsonDepth = 12;
//! Largest min/max accepted (money in đồng stays exact in a double below 2^53).
constexpr double kMaxBound = 1e15;
constexpr int64_t kMaxDocumentBytes = int64_t{100} * 1024 * 1024;
constexpr int64_t kGenericDocumentBytes = int64_t{10} * 1024 * 1024;
constexpr int32_t kGenericNameLength = 100;
constexpr int32_t kGenericRequestLength = 2000;

constexpr std::array<std::pair<FieldType, std::string_view>, 13> kTypeNames = {{
    {FieldType::kText, "text"},
    {FieldType::kTextarea, "textarea"},
    {FieldType::kNumber, "number"},
    {FieldType::kMoney, "money"},
    {FieldType::kDate, "date"},
    {FieldType::kSelect, "select"},
    {FieldType::kRadio, "radio"},
    {FieldType::kYesNo, "yes_no"},
    {FieldType::kIdNumber, "id_number"},
    {FieldType::kPhone, "phone"},
    {FieldType::kEmail, "email"},
    {FieldType::kAddress, "address"},
    {FieldType::kGroup, "group"},
}};

constexpr std::array<std::string_view, kMaxFileTypes> kFileTypeNames = {"pdf", "jpeg", "png", "heic"};

bool HasOptions(FieldType t) { return t == FieldType::kSelect || t == FieldType::kRadio; }

bool HasBounds(FieldType t) {
  return t == FieldType::kText || t == FieldType::kTextarea || t == FieldType::kNumber || t == FieldType::kMoney ||
         t == FieldType::kDate || t == FieldType::kGroup;
}

//! Bounds that must be whole numbers (all but number).
bool WholeBounds(FieldType t) { return t != FieldType::kNumber; }

//! Bounds that must not be negative (lengths, amounts, entries).
bool NonNegativeBounds(FieldType t) { return t != FieldType::kNumber && t != FieldType::kDate; }

bool IsIdChar(char c, char dash) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == dash; }

//! [a-z][a-z0-9<dash>]*, at most kMaxIdLength.
bool IsGoodId(std::string_view id, char dash) {
  if (id.empty() || id.size() > kMaxIdLength || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [dash](char c) { return IsIdChar(c, dash); });
}

//! Valid UTF-8, no control characters, at most `max` code points (and not empty unless `may_be_empty`).
bool IsGoodText(std::string_view s, size_t max, bool may_be_empty) {
  if (s.empty()) {
    return may_be_empty;
  }
  if (!IsValidUtf8(s)) {
    return false;
  }
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return false;
  }
  return CodePointCount(s) <= max;
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

//! Reads one JSON object's keys against a list of allowed ones, collecting errors under `path`.
class Reader {
 public:
  Reader(std::vector<FieldError>& errors, std::string path) : errors_(errors), path_(std::move(path)) {}

  //! The path of `key` under this object.
  std::string At(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }

  //! The error list this reader writes to (readers of nested objects share it).
  std::vector<FieldError>& errors() { return errors_; }

  //! Records an error at `path`.
  void Fail(std::string path, const char* message) { errors_.push_back(FieldError{std::move(path), message}); }

  //! True when `v` is an object whose keys are all in `allowed` (errors for the others).
  bool Open(const json::value& v, std::initializer_list<std::string_view> allowed) {
    obj_ = v.if_object();
    if (obj_ == nullptr) {
      Fail(path_.empty() ? "$" : path_, kNotObject);
      return false;
    }
    for (const auto& kv : *obj_) {
      const std::string_view key = kv.key();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        Fail(At(IsValidUtf8(key) && key.size() <= kMaxIdLength ? key : "?"), kUnknownKey);
      }
    }
    return true;
  }

  //! The value of `key`, or null when absent or JSON null.
  const json::value* Get(std::string_view key) const {
    const json::value* v = obj_->if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
  }

  //! A string member; absent gives `fallback` (an error when `required`).
  std::string String(std::string_view key, bool required, size_t max, bool may_be_empty) {
    const json::value* v = Get(key);
    if (v == nullptr) {
      if (required) {
        Fail(At(key), kMissing);
      }
      return {};
    }
    if (!v->is_string()) {
      Fail(At(key), kNotString);
      return {};
    }
    const std::string_view s = v->get_string();
    if (!IsGoodText(s, max, may_be_empty)) {
      Fail(At(key), kBadText);
      return {};
    }
    return std::string(s);
  }

  //! An id member matching [a-z][a-z0-9<dash>]* (required; "" after an error).
  std::string Id(std::string_view key, char dash) {
    const json::value* v = Get(key);
    if (v == nullptr) {
      Fail(At(key), kMissing);
      return {};
    }
    const json::string* s = v->if_string();
    if (s == nullptr || !IsGoodId(*s, dash)) {
      Fail(At(key), s == nullptr ? kNotString : kBadId);
      return {};
    }
    return std::string(*s);
  }

  //! A boolean member (false when absent).
  bool Bool(std::string_view key) {
    const json::value* v = Get(key);
    if (v == nullptr) {
      return false;
    }
    if (!v->is_bool()) {
      Fail(At(key), kNotBool);
      return false;
    }
    return v->get_bool();
  }

  //! A number member, if present.
  std::optional<double> Number(std::string_view key) {
    const json::value* v = Get(key);
    if (v == nullptr) {
      return std::nullopt;
    }
    const std::optional<double> n = NumberOf(*v);
    if (!n) {
      Fail(At(key), kNotNumber);
    }
    return n;
  }

  //! A whole number in [lo, hi], if present and so.
  std::optional<int64_t> Whole(std::string_view key, int64_t lo, int64_t hi) {
    const std::optional<double> n = Number(key);
    if (!n) {
      return std::nullopt;
    }
    if (*n != std::floor(*n) || *n < static_cast<double>(lo) || *n > static_cast<double>(hi)) {
      Fail(At(key), kNotWholeNumber);
      return std::nullopt;
    }
    return static_cast<int64_t>(*n);
  }

  //! An array member (null when absent or not an array; an error for the latter, or the former when required).
  const json::array* Array(std::string_view key, bool required) {
    const json::value* v = Get(key);
    if (v == nullptr) {
      if (required) {
        Fail(At(key), kMissing);
      }
      return nullptr;
    }
    if (!v->is_array()) {
      Fail(At(key), kNotArray);
      return nullptr;
    }
    return &v->get_array();
  }

 private:
  std::vector<FieldError>& errors_;
  std::string path_;
  const json::object* obj_ = nullptr;
};

std::string Indexed(const std::string& path, std::string_view key, size_t i) {
  return path + "." + std::string(key) + "[" + std::to_string(i) + "]";
}

//! Reads the definition, collecting every fault.
class DefinitionParser {
 public:
  explicit DefinitionParser(std::vector<FieldError>& errors) : errors_(errors) {}

  FormDefinition Parse(const json::value& root) {
    FormDefinition form;
    Reader r(errors_, "");
    if (!r.Open(root, {"version", "pages", "documents"})) {
      return form;
    }
    if (r.Get("version") == nullptr) {
      r.Fail("version", kMissing);
    } else if (const std::optional<int64_t> v = r.Whole("version", 1, kMaxVersion)) {
      form.version = static_cast<int32_t>(*v);
    }
    if (const json::array* pages = r.Array("pages", true)) {
      if (pages->empty() || pages->size() > kMaxPages) {
        r.Fail("pages", kTooManyPages);
      } else {
        std::set<std::string> page_ids;
        for (size_t i = 0; i < pages->size(); ++i) {
          form.pages.push_back(ParsePage((*pages)[i], "pages[" + std::to_string(i) + "]", page_ids));
        }
      }
    }
    if (const json::array* docs = r.Array("documents", false)) {
      if (docs->size() > kMaxDocuments) {
        r.Fail("documents", kTooManyDocuments);
      } else {
        std::set<std::string> doc_ids;
        for (size_t i = 0; i < docs->size(); ++i) {
          form.documents.push_back(ParseDocument((*docs)[i], "documents[" + std::to_string(i) + "]", doc_ids));
        }
      }
    }
    return form;
  }

 private:
  PageDef ParsePage(const json::value& v, const std::string& path, std::set<std::string>& page_ids) {
    PageDef page;
    Reader r(errors_, path);
    if (!r.Open(v, {"id", "title", "fields"})) {
      return page;
    }
    page.id = r.Id("id", '-');
    if (!page.id.empty() && !page_ids.insert(page.id).second) {
      r.Fail(r.At("id"), kDuplicateId);
    }
    page.title = r.String("title", true, kMaxTitleLength, false);
    if (const json::array* fields = r.Array("fields", true)) {
      if (fields->empty()) {
        r.Fail(r.At("fields"), kEmptyPage);
      }
      page.fields = ParseFields(*fields, path, top_level_, false);
    }
    return page;
  }

  std::vector<FieldDef> ParseFields(const json::array& fields, const std::string& path, std::vector<FieldDef>& scope,
                                    bool in_group) {
    std::vector<FieldDef> out;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (++field_count_ > kMaxFields) {
        errors_.push_back(FieldError{Indexed(path, "fields", i), kTooManyFields});
        return out;
      }
      FieldDef f = ParseField(fields[i], Indexed(path, "fields", i), scope, in_group);
      scope.push_back(f);
      out.push_back(std::move(f));
    }
    return out;
  }

  FieldDef ParseField(const json::value& v, const std::string& path, const std::vector<FieldDef>& scope,
                      bool in_group) {
    FieldDef f;
    Reader r(errors_, path);
    if (!r.Open(v, {"id", "label", "hint", "type", "required", "options", "min", "max", "show_if", "fields"})) {
      return f;
    }
    f.id = r.Id("id", '_');
    if (!f.id.empty() && std::any_of(scope.begin(), scope.end(), [&](const FieldDef& o) { return o.id == f.id; })) {
      r.Fail(r.At("id"), kDuplicateId);
    }
    f.label = r.String("label", true, kMaxTitleLength, false);
    f.hint = r.String("hint", false, kMaxHintLength, true);
    const std::string type_name = r.String("type", true, kMaxIdLength, false);
    if (const std::optional<FieldType> t = ParseFieldType(type_name)) {
      f.type = *t;
    } else if (!type_name.empty()) {
      r.Fail(r.At("type"), kUnknownType);
    }
    f.required = r.Bool("required");
    ParseOptions(r, f);
    ParseBounds(r, f);
    ParseShowIf(r, f, scope);
    const json::array* sub = r.Array("fields", false);
    if (f.type == FieldType::kGroup) {
      if (in_group) {
        r.Fail(r.At("type"), kNestedGroup);
      } else if (sub == nullptr || sub->empty()) {
        r.Fail(r.At("fields"), kNeedsFields);
      } else {
        std::vector<FieldDef> group_scope;
        f.fields = ParseFields(*sub, path, group_scope, true);
      }
    } else if (sub != nullptr && !sub->empty()) {
      r.Fail(r.At("fields"), kNoFieldsHere);
    }
    return f;
  }

  static void ParseOptions(Reader& r, FieldDef& f) {
    const json::array* options = r.Array("options", false);
    if (!HasOptions(f.type)) {
      if (options != nullptr && !options->empty()) {
        r.Fail(r.At("options"), kNoOptionsHere);
      }
      return;
    }
    if (options == nullptr || options->empty() || options->size() > kMaxOptions) {
      r.Fail(r.At("options"), kNeedsOptions);
      return;
    }
    std::set<std::string> values;
    for (size_t i = 0; i < options->size(); ++i) {
      Reader o(r.errors(), r.At("options") + "[" + std::to_string(i) + "]");
      if (!o.Open((*options)[i], {"value", "label"})) {
        continue;
      }
      FieldOption opt{o.String("value", true, kMaxOptionValueLength, false),
                      o.String("label", true, kMaxTitleLength, false)};
      if (!opt.value.empty() && !values.insert(opt.value).second) {
        o.Fail(o.At("value"), kNeedsOptions);
      }
      f.options.push_back(std::move(opt));
    }
  }

  static void ParseBounds(Reader& r, FieldDef& f) {
    f.min = r.Number("min");
    f.max = r.Number("max");
    if (!f.min && !f.max) {
      return;
    }
    if (!HasBounds(f.type)) {
      r.Fail(r.At(f.min ? "min" : "max"), kNoBoundsHere);
      return;
    }
    for (const auto& [key, bound] : {std::pair{"min", f.min}, std::pair{"max", f.max}}) {
      if (!bound) {
        continue;
      }
      const double b = *bound;
      const bool whole_ok = !WholeBounds(f.type) || b == std::floor(b);
      const bool sign_ok = !NonNegativeBounds(f.type) || b >= 0;
      if (!whole_ok || !sign_ok || std::fabs(b) > kMaxBound) {
        r.Fail(r.At(key), kNotWholeNumber);
      }
    }
    if (f.min && f.max && *f.min > *f.max) {
      r.Fail(r.At("min"), kMinAboveMax);
    }
  }

  static void ParseShowIf(Reader& r, FieldDef& f, const std::vector<FieldDef>& scope) {
    const json::value* v = r.Get("show_if");
    if (v == nullptr) {
      return;
    }
    Reader s(r.errors(), r.At("show_if"));
    if (!s.Open(*v, {"field", "equals"})) {
      return;
    }
    ShowIf show_if;
    show_if.field = s.String("field", true, kMaxIdLength, false);
    const json::value* equals = s.Get("equals");
    if (equals == nullptr) {
      s.Fail(s.At("equals"), kMissing);
      return;
    }
    show_if.equals = *equals;
    const auto target =
        std::find_if(scope.begin(), scope.end(), [&](const FieldDef& o) { return o.id == show_if.field; });
    if (target == scope.end() || target->type == FieldType::kGroup || target->type == FieldType::kAddress) {
      if (!show_if.field.empty()) {
        s.Fail(s.At("field"), kShowIfField);
      }
      return;
    }
    if (!ShowIfValueFits(*target, *equals)) {
      s.Fail(s.At("equals"), kShowIfValue);
      return;
    }
    f.show_if = std::move(show_if);
  }

  static bool ShowIfValueFits(const FieldDef& target, const json::value& equals) {
    switch (target.type) {
      case FieldType::kYesNo:
        return equals.is_bool();
      case FieldType::kNumber:
      case FieldType::kMoney:
        return NumberOf(equals).has_value();
      case FieldType::kSelect:
      case FieldType::kRadio:
        return equals.is_string() && std::any_of(target.options.begin(), target.options.end(),
                                                 [&](const FieldOption& o) { return o.value == equals.get_string(); });
      default:
        return equals.is_string() && equals.get_string().size() <= kMaxTitleLength;
    }
  }

  DocumentDef ParseDocument(const json::value& v, const std::string& path, std::set<std::string>& doc_ids) {
    DocumentDef d;
    Reader r(errors_, path);
    if (!r.Open(v, {"id", "name", "original_or_copy", "required", "types", "max_bytes", "template_url"})) {
      return d;
    }
    d.id = r.Id("id", '_');
    if (!d.id.empty() && !doc_ids.insert(d.id).second) {
      r.Fail(r.At("id"), kDuplicateId);
    }
    d.name = r.String("name", true, kMaxTitleLength, false);
    d.original_or_copy = r.String("original_or_copy", false, kMaxIdLength, false);
    if (d.original_or_copy.empty()) {
      d.original_or_copy = "either";
    } else if (d.original_or_copy != "original" && d.original_or_copy != "copy" && d.original_or_copy != "either") {
      r.Fail(r.At("original_or_copy"), kOriginalOrCopy);
    }
    d.required = r.Bool("required");
    if (const json::array* types = r.Array("types", true)) {
      for (const json::value& t : *types) {
        const json::string* s = t.if_string();
        const bool known = s != nullptr && std::find(kFileTypeNames.begin(), kFileTypeNames.end(),
                                                     std::string_view(*s)) != kFileTypeNames.end();
        if (!known || std::find(d.types.begin(), d.types.end(), std::string_view(*s)) != d.types.end()) {
          d.types.clear();
          break;
        }
        d.types.emplace_back(*s);
      }
      if (d.types.empty()) {
        r.Fail(r.At("types"), kFileTypes);
      }
    }
    if (r.Get("max_bytes") == nullptr) {
      r.Fail(r.At("max_bytes"), kMissing);
    } else if (const std::optional<int64_t> n = r.Whole("max_bytes", 1, kMaxDocumentBytes)) {
      d.max_bytes = *n;
    }
    d.template_url = r.String("template_url", false, kMaxUrlLength, true);
    if (!d.template_url.empty() && !(d.template_url.starts_with('/') && !d.template_url.starts_with("//")) &&
        !d.template_url.starts_with("https://")) {
      r.Fail(r.At("template_url"), kTemplateUrl);
    }
    return d;
  }

  std::vector<FieldError>& errors_;
  std::vector<FieldDef> top_level_;  // every top-level question so far, in form order (show_if and uniqueness)
  size_t field_count_ = 0;
};

json::value FieldToJson(const FieldDef& f) {
  json::object o;
  o["id"] = f.id;
  o["label"] = f.label;
  o["hint"] = f.hint;
  o["type"] = ToString(f.type);
  o["required"] = f.required;
  if (HasOptions(f.type)) {
    json::array options;
    for (const FieldOption& opt : f.options) {
      options.push_back(json::object{{"value", opt.value}, {"label", opt.label}});
    }
    o["options"] = std::move(options);
  }
  if (f.min) {
    o["min"] = *f.min;
  }
  if (f.max) {
    o["max"] = *f.max;
  }
  if (f.show_if) {
    o["show_if"] = json::object{{"field", f.show_if->field}, {"equals", f.show_if->equals}};
  }
  if (f.type == FieldType::kGroup) {
    json::array sub;
    for (const FieldDef& s : f.fields) {
      sub.push_back(FieldToJson(s));
    }
    o["fields"] = std::move(sub);
  }
  return o;
}

//! `s` as one line of valid text of at most `max` code points (catalogue names can be long or hold line breaks).
std::string CleanText(std::string_view s, size_t max) {
  std::string out;
  size_t count = 0;
  for (size_t i = 0; i < s.size() && count < max;) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 1;
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    const std::string_view cp = s.substr(i, len);
    i += len;
    if (!IsValidUtf8(cp)) {
      continue;
    }
    out += c < 0x20 || c == 0x7F ? std::string_view(" ") : cp;
    ++count;
  }
  out = CollapseSpaces(out);
  return out.empty() ? std::string("Giấy tờ") : out;
}

FieldDef Question(std::string_view id, std::string label, FieldType type, bool required, std::string hint = {}) {
  FieldDef f;
  f.id = std::string(id);
  f.label = std::move(label);
  f.hint = std::move(hint);
  f.type = type;
  f.required = required;
  return f;
}

}  // namespace

std::string_view ToString(FieldType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) {
      return name;
    }
  }
  return "text";
}

std::optional<FieldType> ParseFieldType(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) {
      return t;
    }
  }
  return std::nullopt;
}

const FieldDef* FormDefinition::FindField(std::string_view id) const {
  for (const PageDef& page : pages) {
    for (const FieldDef& f : page.fields) {
      if (f.id == id) {
        return &f;
      }
    }
  }
  return nullptr;
}

const PageDef* FormDefinition::FindPage(std::string_view id) const {
  for (const PageDef& page : pages) {
    if (page.id == id) {
      return &page;
    }
  }
  return nullptr;
}

const DocumentDef* FormDefinition::FindDocument(std::string_view id) const {
  for (const DocumentDef& d : documents) {
    if (d.id == id) {
      return &d;
    }
  }
  return nullptr;
}

Result<FormDefinition> ParseFormDefinition(std::string_view json_text) {
  if (json_text.size() > kMaxFormDefinitionBytes) {
    return Error::Field("$", kTooLarge);
  }
  json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  std::error_code ec;
  const json::value root = json::parse(json_text, ec, json::storage_ptr(), options);
  if (ec) {
    return Error::Field("$", kNotJson);
  }
  std::vector<FieldError> errors;
  FormDefinition form = DefinitionParser(errors).Parse(root);
  if (!errors.empty()) {
    return Error{ErrorKind::kInvalid, kHasErrors, std::move(errors), 0};
  }
  return form;
}

json::value ToJson(const FormDefinition& form) {
  json::array pages;
  for (const PageDef& page : form.pages) {
    json::array fields;
    for (const FieldDef& f : page.fields) {
      fields.push_back(FieldToJson(f));
    }
    pages.push_back(json::object{{"id", page.id}, {"title", page.title}, {"fields", std::move(fields)}});
  }
  json::array documents;
  for (const DocumentDef& d : form.documents) {
    json::array types;
    for (const std::string& t : d.types) {
      types.emplace_back(t);
    }
    documents.push_back(json::object{{"id", d.id},
                                     {"name", d.name},
                                     {"original_or_copy", d.original_or_copy},
                                     {"required", d.required},
                                     {"types", std::move(types)},
                                     {"max_bytes", d.max_bytes},
                                     {"template_url", d.template_url}});
  }
  return json::object{{"version", form.version}, {"pages", std::move(pages)}, {"documents", std::move(documents)}};
}

FormDefinition GenericForm(const Procedure& procedure) {
  FormDefinition form;
  form.version = 1;
  PageDef applicant{std::string(kApplicantPage), "Người nộp hồ sơ", {}};
  FieldDef name = Question(kApplicantName, "Họ và tên", FieldType::kText, true);
  name.max = kGenericNameLength;
  applicant.fields.push_back(std::move(name));
  applicant.fields.push_back(
      Question(kApplicantId, "Số định danh cá nhân", FieldType::kIdNumber, true, "12 chữ số in trên thẻ căn cước"));
  applicant.fields.push_back(Question(kApplicantPhone, "Số điện thoại", FieldType::kPhone, true,
                                      "Cơ quan gọi số này khi cần hỏi thêm về hồ sơ"));
  applicant.fields.push_back(Question(kApplicantEmail, "Thư điện tử (nếu có)", FieldType::kEmail, false));
  applicant.fields.push_back(Question(kApplicantAddress, "Nơi cư trú", FieldType::kAddress, true));
  applicant.fields.push_back(Question(kForSomeoneElse, "Bạn nộp hồ sơ thay cho người khác?", FieldType::kYesNo, false));
  FieldDef relationship = Question(kRelationship, "Bạn là gì của người có yêu cầu?", FieldType::kText, true,
                                   "Ví dụ: con, cha, mẹ, người được ủy quyền");
  relationship.max = kGenericNameLength;
  relationship.show_if = ShowIf{std::string(kForSomeoneElse), json::value(true)};
  applicant.fields.push_back(std::move(relationship));
  form.pages.push_back(std::move(applicant));

  PageDef request{"yeu-cau", "Nội dung yêu cầu", {}};
  FieldDef what = Question("noi_dung", "Bạn đề nghị cơ quan giải quyết việc gì?", FieldType::kTextarea, true,
                           "Viết ngắn gọn việc bạn cần và lý do");
  what.max = kGenericRequestLength;
  request.fields.push_back(std::move(what));
  form.pages.push_back(std::move(request));

  for (size_t i = 0; i < procedure.documents.size() && i < kMaxDocuments; ++i) {
    const RequiredDocument& doc = procedure.documents[i];
    DocumentDef d;
    d.id = "giay_to_" + std::to_string(i + 1);
    d.name = CleanText(doc.name, kMaxTitleLength);
    d.original_or_copy =
        doc.originals > 0 ? (doc.copies > 0 ? "either" : "original") : (doc.copies > 0 ? "copy" : "either");
    d.required = doc.originals + doc.copies > 0;
    d.types = {"pdf", "jpeg", "png", "heic"};
    d.max_bytes = kGenericDocumentBytes;
    if (const Form* blank = procedure.FindForm(doc.form_id); blank != nullptr && !doc.form_id.empty()) {
      d.template_url = "/thu-tuc/" + procedure.code + "/mau/" + blank->id;
    }
    form.documents.push_back(std::move(d));
  }
  return form;
}

}  // namespace motcua::domain
