#include "web/dossier_questions.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <fmt/format.h>
#include <boost/json/value.hpp>

#include "domain/answers.hpp"
#include "domain/messages.hpp"
#include "web/site.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::FieldDef;
using domain::FieldType;
using domain::N_;

//! Suffix of the hidden input holding how many entries a group shows.
constexpr std::string_view kCountSuffix = ".so_muc";
//! Most entries a group shows when its definition sets no maximum.
constexpr size_t kMaxEntries = 50;
//! Answer texts of a yes/no question (what ReadPageInput reads).
constexpr std::string_view kYes = "co";
constexpr std::string_view kNo = "khong";
constexpr size_t kIsoDateLength = 10;
constexpr size_t kYearLength = 4;
constexpr size_t kMonthAt = 5;
constexpr size_t kDayAt = 8;
constexpr size_t kPartLength = 2;

std::string WithoutLeadingZeros(std::string_view part) {
  while (part.size() > 1 && part.front() == '0') {
    part.remove_prefix(1);
  }
  return std::string(part);
}

std::string NumberText(const boost::json::value& v) {
  if (v.is_int64()) {
    return std::to_string(v.as_int64());
  }
  if (v.is_uint64()) {
    return std::to_string(v.as_uint64());
  }
  if (v.is_double()) {
    const double d = v.as_double();
    if (std::floor(d) == d && std::fabs(d) < 1e15) {
      return fmt::format("{}", static_cast<int64_t>(d));
    }
    return fmt::format("{}", d);
  }
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

std::string StringOf(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

void AddRaw(const FieldDef& f, const boost::json::value& v, const std::string& key, RawInputs& raw) {
  switch (f.type) {
    case FieldType::kNumber:
    case FieldType::kMoney:
      raw[key] = NumberText(v);
      return;
    case FieldType::kDate: {
      if (!v.is_string() || v.as_string().size() != kIsoDateLength) {
        return;
      }
      const std::string_view d = v.as_string();
      raw[key + "-year"] = std::string(d.substr(0, kYearLength));
      raw[key + "-month"] = WithoutLeadingZeros(d.substr(kMonthAt, kPartLength));
      raw[key + "-day"] = WithoutLeadingZeros(d.substr(kDayAt, kPartLength));
      return;
    }
    case FieldType::kYesNo:
      if (v.is_bool()) {
        raw[key] = std::string(v.as_bool() ? kYes : kNo);
      }
      return;
    case FieldType::kAddress:
      if (v.is_object()) {
        for (const char* part : {"province", "district", "commune", "detail"}) {
          raw[key + "." + part] = StringOf(v.as_object(), part);
        }
      }
      return;
    case FieldType::kGroup: {
      if (!v.is_array()) {
        return;
      }
      const auto& entries = v.as_array();
      for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].is_object()) {
          RawInputs sub = RawOfAnswers(f.fields, entries[i].as_object(), fmt::format("{}[{}].", key, i));
          raw.insert(sub.begin(), sub.end());
        }
      }
      raw[key + std::string(kCountSuffix)] = std::to_string(entries.size());
      return;
    }
    default:
      raw[key] = v.is_string() ? std::string(v.as_string()) : NumberText(v);
      return;
  }
}

//! Index `i` of a name "<key>[i]…", or -1 when `name` is not one of that group's.
int64_t EntryIndex(std::string_view name, std::string_view key, size_t* rest_at = nullptr) {
  if (name.size() <= key.size() + 1 || name.substr(0, key.size()) != key || name[key.size()] != '[') {
    return -1;
  }
  const size_t start = key.size() + 1;
  const size_t close = name.find(']', start);
  if (close == std::string_view::npos) {
    return -1;
  }
  int64_t index = -1;
  const auto [end, ec] = std::from_chars(name.data() + start, name.data() + close, index);
  if (ec != std::errc() || end != name.data() + close) {
    return -1;
  }
  if (rest_at != nullptr) {
    *rest_at = close + 1;
  }
  return index;
}

size_t MaxEntries(const FieldDef& group) {
  return group.max ? std::min(kMaxEntries, static_cast<size_t>(std::max(1.0, *group.max))) : kMaxEntries;
}

size_t MinEntries(const FieldDef& group) {
  return group.min ? std::max<size_t>(1, static_cast<size_t>(std::max(0.0, *group.min))) : 1;
}

//! How many entries group `key` shows: what the hidden count says, the highest entry typed, at least its minimum.
size_t EntryCount(const FieldDef* group, std::string_view key, const RawInputs& raw) {
  size_t count = 0;
  if (const auto it = raw.find(std::string(key) + std::string(kCountSuffix)); it != raw.end()) {
    std::from_chars(it->second.data(), it->second.data() + it->second.size(), count);
  }
  for (auto it = raw.lower_bound(std::string(key) + "["); it != raw.end(); ++it) {
    const int64_t index = EntryIndex(it->first, key);
    if (index < 0) {
      break;
    }
    count = std::max(count, static_cast<size_t>(index) + 1);
  }
  const size_t lowest = group != nullptr ? MinEntries(*group) : 1;
  const size_t highest = group != nullptr ? MaxEntries(*group) : kMaxEntries;
  return std::clamp(count, lowest, highest);
}

//! The text an option of a radio has in the answers' JSON terms.
bool OptionMatches(const FieldDef& control, std::string_view option_value, const boost::json::value& equals) {
  if (control.type == FieldType::kYesNo) {
    return equals.is_bool() && (equals.as_bool() ? kYes : kNo) == option_value;
  }
  if (equals.is_string()) {
    return equals.as_string() == option_value;
  }
  return NumberText(equals) == option_value;
}

bool IsChoice(const FieldDef& f) { return f.type == FieldType::kRadio || f.type == FieldType::kYesNo; }

std::string RawValue(const QuestionContext& q, const std::string& name) {
  const auto it = q.raw.find(name);
  return it == q.raw.end() ? std::string() : it->second;
}

struct InputLook {
  const char* type = "text";
  const char* autocomplete = "off";
  const char* inputmode = "";
  const char* width = "";
};

InputLook LookOf(const FieldDef& f) {
  switch (f.type) {
    case FieldType::kNumber:
    case FieldType::kMoney:
      return {"text", "off", "numeric", "10"};
    case FieldType::kIdNumber:
      return {"text", "off", "numeric", "20"};
    case FieldType::kPhone:
      return {"tel", "tel", "", "20"};
    case FieldType::kEmail:
      return {"email", "email", "", ""};
    default:
      if (f.id == domain::kApplicantName) {
        return {"text", "name", "", ""};
      }
      return {};
  }
}

//! Sets the label, hint, officer tag, error and aria-describedby shared by every kind of question.
void AddCommon(TemplateDictionary& d, const FieldDef& f, const QuestionContext& q, const std::string& key,
               bool top_level) {
  d.SetValue("ID", key);
  d.SetValue("NAME", key);
  d.SetValue("LABEL", f.label);
  std::string described;
  if (!f.hint.empty()) {
    d.SetValueAndShowSection("HINT", f.hint, "HAS_HINT");
    described = key + "-hint";
  }
  const std::string error = q.errors.Of(key);
  if (!error.empty()) {
    d.SetValueAndShowSection("ERROR", error, "HAS_ERROR");
    described += (described.empty() ? "" : " ") + key + "-error";
  }
  if (!described.empty()) {
    d.SetValueAndShowSection("DESCRIBEDBY", described, "DESCRIBED");
  }
  if (top_level && std::find(q.officer_fields.begin(), q.officer_fields.end(), f.id) != q.officer_fields.end()) {
    d.ShowSection("OFFICER");
  }
  if (!f.required) {
    d.ShowSection("OPTIONAL");
  }
}

void AddOptions(TemplateDictionary& d, const std::vector<std::pair<std::string, std::string>>& options,
                const std::string& chosen, const std::string& placeholder) {
  TemplateDictionary* empty = d.AddSectionDictionary("OPTIONS");
  empty->SetValue("VALUE", "");
  empty->SetValue("TEXT", placeholder);
  for (const auto& [value, text] : options) {
    TemplateDictionary* o = d.AddSectionDictionary("OPTIONS");
    o->SetValue("VALUE", value);
    o->SetValue("TEXT", text);
    if (value == chosen) {
      o->ShowSection("SELECTED");
    }
  }
}

void AddAddressPart(TemplateDictionary& d, const QuestionContext& q, const std::string& key, const char* part,
                    const char* label, const std::vector<domain::AdminUnit>& units, bool parent_chosen, bool choose) {
  TemplateDictionary* p = d.AddSectionDictionary("PARTS");
  const std::string id = key + "." + part;
  p->SetValue("PART_ID", id);
  p->SetValue("PART_LABEL", q.site.T(q.lang, label));
  const std::string error = q.errors.Of(id);
  if (!error.empty()) {
    p->SetValueAndShowSection("PART_MESSAGE", error, "PART_ERROR");
  }
  std::vector<std::pair<std::string, std::string>> options;
  options.reserve(units.size());
  for (const domain::AdminUnit& u : units) {
    options.emplace_back(u.code, u.name);
  }
  TemplateDictionary* s = p->AddSectionDictionary(parent_chosen ? "PART_SELECT" : "PART_DISABLED");
  AddOptions(*s, options, RawValue(q, id),
             q.site.T(q.lang, parent_chosen ? N_("Chọn") : N_("Chọn phần trên trước rồi bấm “Chọn”")));
  if (choose) {
    p->ShowSection("CHOOSE");
  }
}

void AddAddress(TemplateDictionary& d, const QuestionContext& q, const std::string& key) {
  TemplateDictionary* a = d.AddSectionDictionary("ADDRESS");
  const std::string province = RawValue(q, key + ".province");
  const bool with_district = q.era == "2024";
  const std::string district = with_district ? RawValue(q, key + ".district") : std::string();
  AddAddressPart(*a, q, key, "province", N_("Tỉnh, thành phố"), q.units(q.era, ""), true, true);
  if (with_district) {
    AddAddressPart(*a, q, key, "district", N_("Quận, huyện, thị xã, thành phố thuộc tỉnh"),
                   province.empty() ? std::vector<domain::AdminUnit>{} : q.units(q.era, province), !province.empty(),
                   true);
  }
  const std::string parent = with_district ? district : province;
  AddAddressPart(*a, q, key, "commune", N_("Xã, phường, thị trấn"),
                 parent.empty() ? std::vector<domain::AdminUnit>{} : q.units(q.era, parent), !parent.empty(), false);
  const std::string detail_id = key + ".detail";
  a->SetValue("DETAIL_ID", detail_id);
  a->SetValue("DETAIL_VALUE", RawValue(q, detail_id));
  const std::string error = q.errors.Of(detail_id);
  if (!error.empty()) {
    a->SetValueAndShowSection("DETAIL_MESSAGE", error, "DETAIL_ERROR");
  }
}

std::string RenderQuestion(const FieldDef& f, const std::vector<FieldDef>& siblings, const QuestionContext& q,
                           const std::string& prefix);

void AddRadios(TemplateDictionary& d, const FieldDef& f, const std::vector<FieldDef>& siblings,
               const QuestionContext& q, const std::string& prefix) {
  const std::string key = prefix + f.id;
  TemplateDictionary* r = d.AddSectionDictionary("RADIOS");
  std::vector<std::pair<std::string, std::string>> options;
  if (f.type == FieldType::kYesNo) {
    options.emplace_back(kYes, q.site.T(q.lang, N_("Có")));
    options.emplace_back(kNo, q.site.T(q.lang, N_("Không")));
  } else {
    for (const domain::FieldOption& o : f.options) {
      options.emplace_back(o.value, o.label);
    }
  }
  const std::string chosen = RawValue(q, key);
  bool any_conditional = false;
  for (size_t i = 0; i < options.size(); ++i) {
    TemplateDictionary* o = r->AddSectionDictionary("OPTIONS");
    const std::string option_id = i == 0 ? key : fmt::format("{}-{}", key, i + 1);
    o->SetValue("OPT_ID", option_id);
    o->SetValue("VALUE", options[i].first);
    o->SetValue("TEXT", options[i].second);
    if (options[i].first == chosen) {
      o->ShowSection("CHECKED");
    }
    std::string nested;
    for (const FieldDef& s : siblings) {
      if (s.show_if && s.show_if->field == f.id && OptionMatches(f, options[i].first, s.show_if->equals)) {
        nested += RenderQuestion(s, siblings, q, prefix);
      }
    }
    if (!nested.empty()) {
      any_conditional = true;
      o->SetValueAndShowSection("NESTED", nested, "HAS_CONDITIONAL");
    }
  }
  // Yes/no side by side, unless an answer reveals questions under it (GOV.UK: conditional radios stack).
  if (f.type == FieldType::kYesNo && !any_conditional) {
    r->ShowSection("INLINE");
  }
}

void AddGroup(TemplateDictionary& d, const FieldDef& f, const QuestionContext& q, const std::string& key) {
  TemplateDictionary* g = d.AddSectionDictionary("GROUP");
  const size_t count = EntryCount(&f, key, q.raw);
  g->SetValue("COUNT", std::to_string(count));
  for (size_t i = 0; i < count; ++i) {
    TemplateDictionary* e = g->AddSectionDictionary("ENTRIES");
    e->SetValue("ENTRY_TITLE", fmt::format("{} {}", f.label, i + 1));
    e->SetValue("INDEX", std::to_string(i));
    e->SetValue("NESTED", RenderQuestions(f.fields, q, fmt::format("{}[{}].", key, i)));
    if (count > MinEntries(f)) {
      e->ShowSection("CAN_REMOVE");
    }
  }
  if (count < MaxEntries(f)) {
    g->ShowSection("CAN_ADD");
  }
}

//! Fills `d` for question `f` (templates/dossier/question.tpl).
void FillQuestion(TemplateDictionary* d, const FieldDef& f, const std::vector<FieldDef>& siblings,
                  const QuestionContext& q, const std::string& prefix) {
  const std::string key = prefix + f.id;
  AddCommon(*d, f, q, key, prefix.empty());
  switch (f.type) {
    case FieldType::kTextarea:
      d->ShowSection("PLAIN_LABEL");
      d->SetValueAndShowSection("VALUE", RawValue(q, key), "TEXTAREA");
      return;
    case FieldType::kSelect: {
      d->ShowSection("PLAIN_LABEL");
      std::vector<std::pair<std::string, std::string>> options;
      for (const domain::FieldOption& o : f.options) {
        options.emplace_back(o.value, o.label);
      }
      AddOptions(*d->AddSectionDictionary("SELECT"), options, RawValue(q, key), q.site.T(q.lang, N_("Chọn")));
      return;
    }
    case FieldType::kDate: {
      d->ShowSection("FIELDSET");
      TemplateDictionary* date = d->AddSectionDictionary("DATE");
      date->SetValue("DAY", RawValue(q, key + "-day"));
      date->SetValue("MONTH", RawValue(q, key + "-month"));
      date->SetValue("YEAR", RawValue(q, key + "-year"));
      return;
    }
    case FieldType::kRadio:
    case FieldType::kYesNo:
      d->ShowSection("FIELDSET");
      AddRadios(*d, f, siblings, q, prefix);
      return;
    case FieldType::kAddress:
      d->ShowSection("FIELDSET");
      d->ShowSection("FIELDSET_ID");
      AddAddress(*d, q, key);
      return;
    case FieldType::kGroup:
      d->ShowSection("FIELDSET");
      d->ShowSection("FIELDSET_ID");
      AddGroup(*d, f, q, key);
      return;
    default: {
      d->ShowSection("PLAIN_LABEL");
      const InputLook look = LookOf(f);
      TemplateDictionary* in = d->AddSectionDictionary("INPUT");
      in->SetValue("TYPE", look.type);
      in->SetValue("AUTOCOMPLETE", look.autocomplete);
      in->SetValue("VALUE", RawValue(q, key));
      if (*look.inputmode != '\0') {
        in->SetValueAndShowSection("INPUTMODE", look.inputmode, "HAS_INPUTMODE");
      }
      if (*look.width != '\0') {
        in->SetValueAndShowSection("WIDTH", look.width, "HAS_WIDTH");
      }
      if (f.type == FieldType::kMoney) {
        in->SetValueAndShowSection("SUFFIX", q.site.T(q.lang, N_("đồng")), "HAS_SUFFIX");
      }
      return;
    }
  }
}

std::string RenderQuestion(const FieldDef& f, const std::vector<FieldDef>& siblings, const QuestionContext& q,
                           const std::string& prefix) {
  // Each question is expanded on its own: nested in a parent's dictionary it would inherit the parent's sections.
  TemplateDictionary d("question");
  FillQuestion(&d, f, siblings, q, prefix);
  return q.site.Render(q.lang, "dossier/question", d);
}

//! True when `f` is revealed under an answer of a radio among `siblings` (rendered there, not on its own).
bool NestedUnderRadio(const FieldDef& f, const std::vector<FieldDef>& siblings) {
  if (!f.show_if) {
    return false;
  }
  return std::any_of(siblings.begin(), siblings.end(),
                     [&](const FieldDef& s) { return s.id == f.show_if->field && IsChoice(s); });
}

//! True when `f` depends on a question that is not among `siblings` (an earlier page) whose answer hides it.
bool HiddenByEarlierAnswer(const FieldDef& f, const std::vector<FieldDef>& siblings, const QuestionContext& q,
                           const std::string& prefix) {
  if (!f.show_if || !prefix.empty()) {
    return false;
  }
  const bool here =
      std::any_of(siblings.begin(), siblings.end(), [&](const FieldDef& s) { return s.id == f.show_if->field; });
  return !here && !domain::IsShown(f, q.answers);
}

}  // namespace

RawInputs RawOfAnswers(const std::vector<FieldDef>& fields, const boost::json::object& answers,
                       const std::string& prefix) {
  RawInputs raw;
  for (const FieldDef& f : fields) {
    if (const auto* v = answers.if_contains(f.id); v != nullptr && !v->is_null()) {
      AddRaw(f, *v, prefix + f.id, raw);
    }
  }
  return raw;
}

RawInputs RawOfPairs(const http::Pairs& pairs) {
  RawInputs raw;
  for (const auto& [k, v] : pairs) {
    raw[k] = v;
  }
  return raw;
}

bool ApplyGroupAction(std::string_view action, http::Pairs& pairs) {
  const bool add = action.substr(0, kAddPrefix.size()) == kAddPrefix;
  const bool remove = action.substr(0, kRemovePrefix.size()) == kRemovePrefix;
  if (!add && !remove) {
    return false;
  }
  std::string_view rest = action.substr(add ? kAddPrefix.size() : kRemovePrefix.size());
  int64_t removed = -1;
  if (remove) {
    const size_t colon = rest.rfind(':');
    if (colon == std::string_view::npos) {
      return false;
    }
    const std::string_view index = rest.substr(colon + 1);
    const auto [end, ec] = std::from_chars(index.data(), index.data() + index.size(), removed);
    if (ec != std::errc() || end != index.data() + index.size() || removed < 0) {
      return false;
    }
    rest = rest.substr(0, colon);
  }
  const std::string key(rest);
  const std::string count_name = key + std::string(kCountSuffix);
  size_t count = EntryCount(nullptr, key, RawOfPairs(pairs));
  http::Pairs out;
  out.reserve(pairs.size() + 1);
  for (auto& [name, value] : pairs) {
    if (name == count_name) {
      continue;
    }
    size_t rest_at = 0;
    const int64_t index = remove ? EntryIndex(name, key, &rest_at) : -1;
    if (index == removed && index >= 0) {
      continue;
    }
    if (index > removed && removed >= 0) {
      out.emplace_back(fmt::format("{}[{}]{}", key, index - 1, name.substr(rest_at)), std::move(value));
      continue;
    }
    out.emplace_back(std::move(name), std::move(value));
  }
  count = add ? count + 1 : (count > 1 ? count - 1 : 1);
  out.emplace_back(count_name, std::to_string(count));
  pairs = std::move(out);
  return true;
}

std::string RenderQuestions(const std::vector<FieldDef>& fields, const QuestionContext& q, const std::string& prefix) {
  std::string html;
  for (const FieldDef& f : fields) {
    if (NestedUnderRadio(f, fields) || HiddenByEarlierAnswer(f, fields, q, prefix)) {
      continue;
    }
    html += RenderQuestion(f, fields, q, prefix);
  }
  return html;
}

}  // namespace motcua::web
