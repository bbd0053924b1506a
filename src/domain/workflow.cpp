#include "domain/workflow.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <system_error>
#include <utility>

#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::domain {

namespace json = boost::json;

namespace {

// Message ids: one literal each on one line, so scripts/extract-messages.sh and the i18n test find them.
// clang-format off
constexpr const char* kTooLarge = N_("Định nghĩa quy trình quá lớn");
constexpr const char* kNotJson = N_("Định nghĩa quy trình không phải là JSON hợp lệ");
constexpr const char* kHasErrors = N_("Định nghĩa quy trình có lỗi");
constexpr const char* kNotObject = N_("Giá trị này phải là một đối tượng JSON");
constexpr const char* kNotArray = N_("Giá trị này phải là một mảng JSON");
constexpr const char* kNotString = N_("Giá trị này phải là một chuỗi");
constexpr const char* kNotBool = N_("Giá trị này phải là true hoặc false");
constexpr const char* kNotWholeNumber = N_("Giá trị này phải là một số nguyên trong giới hạn cho phép");
constexpr const char* kUnknownKey = N_("Khóa này không có trong định dạng quy trình");
constexpr const char* kMissing = N_("Thiếu giá trị bắt buộc này");
constexpr const char* kBadStepId = N_("Mã bước phải bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường, chữ số và dấu gạch dưới, không quá {} ký tự");
constexpr const char* kDuplicateStepId = N_("Mã bước này đã dùng cho một bước khác");
constexpr const char* kBadText = N_("Văn bản rỗng, quá dài hoặc có ký tự điều khiển");
constexpr const char* kUnknownRole = N_("Vai trò này không có trong danh sách vai trò");
constexpr const char* kUnknownAction = N_("Thao tác này không có trong danh sách thao tác");
constexpr const char* kDuplicateAction = N_("Thao tác này đã có trong bước");
constexpr const char* kNoActions = N_("Mỗi bước phải có ít nhất một thao tác");
constexpr const char* kShare = N_("Tỉ lệ thời gian phải là số nguyên từ 0 đến 100");
constexpr const char* kShareSum = N_("Tổng tỉ lệ thời gian của các bước phải bằng 100, hiện là {}");
constexpr const char* kStepCount = N_("Quy trình phải có từ 1 đến {} bước");
constexpr const char* kUnknownNext = N_("Không có bước nào mang mã này");
constexpr const char* kDuplicateNext = N_("Bước này đã có trong danh sách bước tiếp theo");
constexpr const char* kFinalHasNext = N_("Bước cuối không có bước tiếp theo");
constexpr const char* kNoFinal = N_("Quy trình phải có ít nhất một bước cuối (final: true)");
constexpr const char* kUnreachable = N_("Không bước nào dẫn tới bước này từ bước đầu tiên");
constexpr const char* kNeverEnds = N_("Từ bước này không có đường tới bước cuối: một đường đi không bao giờ kết thúc");
constexpr const char* kBadAgencyCode = N_("Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số và dấu chấm, không quá {} ký tự");
// clang-format on

//! Longest step id ([a-z][a-z0-9_]{0,31}).
constexpr size_t kMaxStepIdLength = 32;
constexpr size_t kMaxKeyLength = 64;
constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxAgencyCodeLength = 32;
constexpr int64_t kMaxVersion = 1000000;
constexpr int64_t kFullShare = 100;
//! Parser nesting limit: root → steps → step → actions.
constexpr size_t kMaxJsonDepth = 8;

//! [a-z][a-z0-9_]{0,31}.
bool IsGoodStepId(std::string_view id) {
  if (id.empty() || id.size() > kMaxStepIdLength || id.front() < 'a' || id.front() > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

//! An agency code: capital letters, digits and dots (000.00.31.H40), at most kMaxAgencyCodeLength.
bool IsGoodAgencyCode(std::string_view code) {
  if (code.size() > kMaxAgencyCodeLength) {
    return false;
  }
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'; });
}

//! Valid UTF-8, not empty, no control characters, at most `max` code points.
bool IsGoodText(std::string_view s, size_t max) {
  if (s.empty() || !IsValidUtf8(s)) {
    return false;
  }
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return false;
  }
  return CodePointCount(s) <= max;
}

std::string Indexed(std::string_view path, size_t i) { return std::string(path) + "[" + std::to_string(i) + "]"; }

//! Reads a workflow, collecting every fault with its JSON path.
class WorkflowParser {
 public:
  explicit WorkflowParser(std::vector<FieldError>& errors) : errors_(errors) {}

  Workflow Parse(const json::value& root) {
    Workflow w;
    const json::object* obj = Open(root, "", {"key", "version", "name", "steps"});
    if (obj == nullptr) {
      return w;
    }
    if (const json::value* key = Get(*obj, "key")) {
      const json::string* s = key->if_string();
      if (s == nullptr || !s->empty()) {  // "" = not yet given (Publish sets it)
        w.key = Text(*key, "key", kMaxKeyLength);
      }
    }
    if (const json::value* version = Get(*obj, "version")) {
      const std::optional<int64_t> v = WholeNumber(*version);
      if (!v || *v < 0 || *v > kMaxVersion) {
        Fail("version", kNotWholeNumber);
      } else {
        w.version = static_cast<int32_t>(*v);
      }
    }
    w.name = RequiredText(*obj, "name", "name", kMaxNameLength);
    const json::value* steps_value = Get(*obj, "steps");
    if (steps_value == nullptr) {
      Fail("steps", kMissing);
      return w;
    }
    const json::array* steps = steps_value->if_array();
    if (steps == nullptr) {
      Fail("steps", kNotArray);
      return w;
    }
    if (steps->empty() || steps->size() > kMaxWorkflowSteps) {
      Fail("steps", MessageWith(kStepCount, {std::to_string(kMaxWorkflowSteps)}));
      return w;
    }
    std::set<std::string> ids;
    for (size_t i = 0; i < steps->size(); ++i) {
      w.steps.push_back(ParseStep((*steps)[i], Indexed("steps", i), ids));
    }
    CheckGraph(w);
    return w;
  }

 private:
  void Fail(std::string path, std::string message) {
    errors_.push_back(FieldError{std::move(path), std::move(message)});
  }

  static std::optional<int64_t> WholeNumber(const json::value& v) {
    if (v.is_int64()) {
      return v.get_int64();
    }
    if (v.is_uint64()) {
      return v.get_uint64() > static_cast<uint64_t>(kMaxVersion) ? std::optional<int64_t>(kMaxVersion + 1)
                                                                 : static_cast<int64_t>(v.get_uint64());
    }
    if (v.is_double() && v.get_double() == std::floor(v.get_double()) && std::abs(v.get_double()) <= kMaxVersion) {
      return static_cast<int64_t>(v.get_double());
    }
    return std::nullopt;
  }

  static std::string At(std::string_view path, std::string_view key) {
    return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
  }

  //! `v` as an object whose keys are all in `allowed` (a fault for each other key), or null.
  const json::object* Open(const json::value& v, std::string_view path,
                           std::initializer_list<std::string_view> allowed) {
    const json::object* obj = v.if_object();
    if (obj == nullptr) {
      Fail(path.empty() ? "$" : std::string(path), kNotObject);
      return nullptr;
    }
    for (const auto& kv : *obj) {
      const std::string_view key = kv.key();
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        Fail(At(path, !key.empty() && IsValidUtf8(key) && key.size() <= kMaxStepIdLength ? key : "?"), kUnknownKey);
      }
    }
    return obj;
  }

  static const json::value* Get(const json::object& obj, std::string_view key) {
    const json::value* v = obj.if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
  }

  std::string Text(const json::value& v, const std::string& path, size_t max) {
    const json::string* s = v.if_string();
    if (s == nullptr) {
      Fail(path, kNotString);
      return {};
    }
    if (!IsGoodText(*s, max)) {
      Fail(path, kBadText);
      return {};
    }
    return std::string(*s);
  }

  std::string RequiredText(const json::object& obj, std::string_view key, const std::string& path, size_t max) {
    const json::value* v = Get(obj, key);
    if (v == nullptr) {
      Fail(path, kMissing);
      return {};
    }
    return Text(*v, path, max);
  }

  //! The array member `key` (null, with a fault, when absent and required or not an array).
  const json::array* Array(const json::object& obj, std::string_view key, const std::string& path, bool required) {
    const json::value* v = Get(obj, key);
    if (v == nullptr) {
      if (required) {
        Fail(path, kMissing);
      }
      return nullptr;
    }
    if (!v->is_array()) {
      Fail(path, kNotArray);
      return nullptr;
    }
    return &v->get_array();
  }

  WorkflowStep ParseStep(const json::value& v, const std::string& path, std::set<std::string>& ids) {
    WorkflowStep step;
    const json::object* obj =
        Open(v, path, {"id", "name", "role", "share_percent", "actions", "next", "final", "agency_code"});
    if (obj == nullptr) {
      graph_ok_ = false;
      next_at_.emplace_back();
      return step;
    }
    ParseId(*obj, path, ids, step);
    step.name = RequiredText(*obj, "name", At(path, "name"), kMaxNameLength);
    const std::string role = RequiredText(*obj, "role", At(path, "role"), kMaxStepIdLength);
    if (!role.empty()) {
      if (const std::optional<Role> r = ParseRole(role)) {
        step.role = *r;
      } else {
        Fail(At(path, "role"), kUnknownRole);
      }
    }
    if (const json::value* share = Get(*obj, "share_percent")) {
      const std::optional<int64_t> n = WholeNumber(*share);
      if (!n || *n < 0 || *n > kFullShare) {
        Fail(At(path, "share_percent"), kShare);
      } else {
        step.share_percent = static_cast<int32_t>(*n);
      }
    } else {
      Fail(At(path, "share_percent"), kMissing);
    }
    ParseActions(*obj, path, step);
    next_at_.emplace_back();
    if (const json::array* next = Array(*obj, "next", At(path, "next"), false)) {
      for (size_t i = 0; i < next->size(); ++i) {
        const std::string at = Indexed(At(path, "next"), i);
        const json::string* s = (*next)[i].if_string();
        if (s == nullptr || !IsGoodStepId(*s)) {
          Fail(at, s == nullptr ? kNotString : kUnknownNext);
          graph_ok_ = false;
          continue;
        }
        if (std::find(step.next.begin(), step.next.end(), std::string_view(*s)) != step.next.end()) {
          Fail(at, kDuplicateNext);
          continue;
        }
        step.next.emplace_back(*s);
        next_at_.back().push_back(i);
      }
    }
    if (const json::value* is_final = Get(*obj, "final")) {
      if (is_final->is_bool()) {
        step.final = is_final->get_bool();
      } else {
        Fail(At(path, "final"), kNotBool);
      }
    }
    if (const json::value* agency = Get(*obj, "agency_code")) {
      const json::string* s = agency->if_string();
      if (s == nullptr) {
        Fail(At(path, "agency_code"), kNotString);
      } else if (!IsGoodAgencyCode(*s)) {
        Fail(At(path, "agency_code"), MessageWith(kBadAgencyCode, {std::to_string(kMaxAgencyCodeLength)}));
      } else {
        step.agency_code = std::string(*s);
      }
    }
    if (step.final && !step.next.empty()) {
      Fail(At(path, "next"), kFinalHasNext);
    }
    return step;
  }

  void ParseId(const json::object& obj, const std::string& path, std::set<std::string>& ids, WorkflowStep& step) {
    const std::string at = At(path, "id");
    const json::value* v = Get(obj, "id");
    const json::string* s = v == nullptr ? nullptr : v->if_string();
    if (s == nullptr || !IsGoodStepId(*s) || !ids.emplace(*s).second) {
      graph_ok_ = false;
      if (v == nullptr) {
        Fail(at, kMissing);
      } else if (s == nullptr) {
        Fail(at, kNotString);
      } else if (!IsGoodStepId(*s)) {
        Fail(at, MessageWith(kBadStepId, {std::to_string(kMaxStepIdLength)}));
      } else {
        Fail(at, kDuplicateStepId);
      }
      return;
    }
    step.id = std::string(*s);
  }

  void ParseActions(const json::object& obj, const std::string& path, WorkflowStep& step) {
    const std::string at = At(path, "actions");
    const json::array* actions = Array(obj, "actions", at, true);
    if (actions == nullptr) {
      return;
    }
    if (actions->empty()) {
      Fail(at, kNoActions);
      return;
    }
    for (size_t i = 0; i < actions->size(); ++i) {
      const json::string* s = (*actions)[i].if_string();
      if (s == nullptr) {
        Fail(Indexed(at, i), kNotString);
        continue;
      }
      const std::optional<OfficeAction> a = ParseAction(*s);
      if (!a) {
        Fail(Indexed(at, i), kUnknownAction);
        continue;
      }
      if (std::find(step.actions.begin(), step.actions.end(), *a) != step.actions.end()) {
        Fail(Indexed(at, i), kDuplicateAction);
        continue;
      }
      step.actions.push_back(*a);
    }
  }

  //! Shares, next ids, final steps and both reachability rules, once every step has been read.
  void CheckGraph(const Workflow& w) {
    int64_t share_sum = 0;
    bool any_final = false;
    std::map<std::string_view, size_t> index;
    for (size_t i = 0; i < w.steps.size(); ++i) {
      share_sum += w.steps[i].share_percent;
      any_final = any_final || w.steps[i].final;
      index.emplace(w.steps[i].id, i);
    }
    if (share_sum != kFullShare) {
      Fail("steps", MessageWith(kShareSum, {std::to_string(share_sum)}));
    }
    if (!any_final) {
      Fail("steps", kNoFinal);
    }
    // Edges by index; a next naming no step is a fault at its own path.
    std::vector<std::vector<size_t>> edges(w.steps.size());
    for (size_t i = 0; i < w.steps.size(); ++i) {
      for (size_t j = 0; j < w.steps[i].next.size(); ++j) {
        const auto it = index.find(w.steps[i].next[j]);
        if (it == index.end()) {
          Fail(Indexed(At(Indexed("steps", i), "next"), next_at_[i][j]), kUnknownNext);
          graph_ok_ = false;
          continue;
        }
        edges[i].push_back(it->second);
      }
    }
    if (graph_ok_ && any_final) {
      CheckReachable(w, edges);  // only meaningful once every step and link is well formed
    }
  }

  void CheckReachable(const Workflow& w, const std::vector<std::vector<size_t>>& edges) {
    const size_t n = w.steps.size();
    // Forward from the first step.
    std::vector<bool> reached(n, false);
    std::vector<size_t> stack = {0};
    reached[0] = true;
    while (!stack.empty()) {
      const size_t s = stack.back();
      stack.pop_back();
      for (const size_t t : edges[s]) {
        if (!reached[t]) {
          reached[t] = true;
          stack.push_back(t);
        }
      }
    }
    // Backward from every final step.
    std::vector<std::vector<size_t>> reverse(n);
    for (size_t s = 0; s < n; ++s) {
      for (const size_t t : edges[s]) {
        reverse[t].push_back(s);
      }
    }
    std::vector<bool> ends(n, false);
    for (size_t s = 0; s < n; ++s) {
      if (w.steps[s].final) {
        ends[s] = true;
        stack.push_back(s);
      }
    }
    while (!stack.empty()) {
      const size_t s = stack.back();
      stack.pop_back();
      for (const size_t t : reverse[s]) {
        if (!ends[t]) {
          ends[t] = true;
          stack.push_back(t);
        }
      }
    }
    for (size_t s = 0; s < n; ++s) {
      if (!reached[s]) {
        Fail(Indexed("steps", s), kUnreachable);
      }
      if (!ends[s]) {
        Fail(Indexed("steps", s), kNeverEnds);
      }
    }
  }

  std::vector<FieldError>& errors_;
  bool graph_ok_ = true;                      // every step id and next well formed
  std::vector<std::vector<size_t>> next_at_;  // per step: the JSON index of each kept `next` entry
};

//! `s` as a JSON string literal.
std::string Quoted(std::string_view s) { return json::serialize(json::value(json::string(s))); }

//! `items` as a JSON array of strings on one line.
std::string QuotedList(const std::vector<std::string_view>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : ", ") + Quoted(items[i]);
  }
  return out + "]";
}

//! A step of a default workflow.
WorkflowStep Step(std::string id, std::string name, Role role, int32_t share, std::vector<OfficeAction> actions,
                  std::vector<std::string> next) {
  WorkflowStep s;
  s.id = std::move(id);
  s.name = std::move(name);
  s.role = role;
  s.share_percent = share;
  s.actions = std::move(actions);
  s.final = next.empty();
  s.next = std::move(next);
  return s;
}

using A = OfficeAction;

// Shares of the time limit in the defaults (DOMAIN.md §1.2: reception, processing, review, signing, issuing,
// return); each default's shares add up to 100.
constexpr int32_t kCommuneReceptionShare = 10;
constexpr int32_t kCommuneSpecialistShare = 60;
constexpr int32_t kCommuneSigningShare = 20;
constexpr int32_t kCommuneReturnShare = 10;
constexpr int32_t kReceptionShare = 5;
constexpr int32_t kAssignShare = 5;
constexpr int32_t kSpecialistShare = 50;
constexpr int32_t kReviewShare = 10;
constexpr int32_t kSigningShare = 15;
constexpr int32_t kIssueShare = 5;
constexpr int32_t kReturnShare = 10;

WorkflowStep Reception(std::string next) {
  return Step("reception", "Tiếp nhận hồ sơ", Role::kDeskOfficer, 0, {A::kAccept, A::kRequestSupplement, A::kRefuse},
              {std::move(next)});
}

std::vector<OfficeAction> SpecialistActions() {
  return {A::kForward, A::kSendBack, A::kRequestSupplement, A::kRequestPayment, A::kReject, A::kApologise};
}

std::vector<OfficeAction> SigningActions() { return {A::kApprove, A::kSendBack, A::kStop, A::kReject}; }

}  // namespace

const WorkflowStep* Workflow::Find(std::string_view id) const {
  for (const WorkflowStep& s : steps) {
    if (s.id == id) {
      return &s;
    }
  }
  return nullptr;
}

const WorkflowStep* Workflow::NextOf(std::string_view id) const {
  const WorkflowStep* step = Find(id);
  if (step == nullptr || step->final || step->next.empty()) {
    return nullptr;
  }
  return Find(step->next.front());
}

Result<Workflow> ParseWorkflow(std::string_view json_text) {
  if (json_text.size() > kMaxWorkflowBytes) {
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
  Workflow w = WorkflowParser(errors).Parse(root);
  if (!errors.empty()) {
    return Error{ErrorKind::kInvalid, kHasErrors, std::move(errors), 0};
  }
  return w;
}

std::string ToJson(const Workflow& workflow) {
  // Written out by hand, one member a line, so that administrators read and edit it in a textarea.
  std::string out = "{\n";
  out += "  \"key\": " + Quoted(workflow.key) + ",\n";
  out += "  \"version\": " + std::to_string(workflow.version) + ",\n";
  out += "  \"name\": " + Quoted(workflow.name) + ",\n";
  out += "  \"steps\": [";
  for (size_t i = 0; i < workflow.steps.size(); ++i) {
    const WorkflowStep& s = workflow.steps[i];
    out += i == 0 ? "\n" : ",\n";
    out += "    {\n";
    out += "      \"id\": " + Quoted(s.id) + ",\n";
    out += "      \"name\": " + Quoted(s.name) + ",\n";
    out += "      \"role\": " + Quoted(RoleCode(s.role)) + ",\n";
    out += "      \"share_percent\": " + std::to_string(s.share_percent) + ",\n";
    std::vector<std::string_view> actions;
    actions.reserve(s.actions.size());
    for (const OfficeAction a : s.actions) {
      actions.push_back(ActionCode(a));
    }
    out += "      \"actions\": " + QuotedList(actions) + ",\n";
    out += "      \"next\": " + QuotedList(std::vector<std::string_view>(s.next.begin(), s.next.end())) + ",\n";
    if (!s.agency_code.empty()) {
      out += "      \"agency_code\": " + Quoted(s.agency_code) + ",\n";
    }
    out += std::string("      \"final\": ") + (s.final ? "true" : "false") + "\n";
    out += "    }";
  }
  out += workflow.steps.empty() ? "]\n" : "\n  ]\n";
  out += "}\n";
  return out;
}

std::string DefaultWorkflowKey(Level level) { return "default:" + std::string(ToString(level)); }

Workflow DefaultWorkflow(Level level) {
  Workflow w;
  w.key = DefaultWorkflowKey(level);
  if (level == Level::kCommune) {
    // A commune: the desk receives, the civil-status / judicial officer processes, the chairman signs, the desk
    // records and returns the result.
    w.name = "Quy trình mặc định cấp xã";
    w.steps.push_back(Reception("specialist"));
    w.steps.back().share_percent = kCommuneReceptionShare;
    w.steps.push_back(Step("specialist", "Công chức tư pháp – hộ tịch thụ lý", Role::kSpecialist,
                           kCommuneSpecialistShare, SpecialistActions(), {"signing"}));
    w.steps.push_back(Step("signing", "Chủ tịch UBND xã ký duyệt", Role::kAgencyHead, kCommuneSigningShare,
                           SigningActions(), {"return"}));
    w.steps.push_back(Step("return", "Trả kết quả", Role::kDeskOfficer, kCommuneReturnShare,
                           {A::kRecordResult, A::kMarkReturned, A::kApologise}, {}));
    return w;
  }
  // A department or district: the head of section assigns and reviews, the head of agency signs, the clerk issues.
  w.name = level == Level::kDistrict ? "Quy trình mặc định cấp huyện" : "Quy trình mặc định cấp tỉnh (sở, ngành)";
  w.steps.push_back(Reception("assignment"));
  w.steps.back().share_percent = kReceptionShare;
  w.steps.push_back(Step("assignment", "Lãnh đạo phòng phân công", Role::kSectionHead, kAssignShare,
                         {A::kAssign, A::kForward, A::kSendBack, A::kApologise}, {"specialist"}));
  w.steps.push_back(
      Step("specialist", "Chuyên viên thụ lý", Role::kSpecialist, kSpecialistShare, SpecialistActions(), {"review"}));
  w.steps.push_back(Step("review", "Lãnh đạo phòng xem xét", Role::kSectionHead, kReviewShare,
                         {A::kForward, A::kSendBack, A::kApologise}, {"signing"}));
  w.steps.push_back(
      Step("signing", "Lãnh đạo cơ quan ký duyệt", Role::kAgencyHead, kSigningShare, SigningActions(), {"issue"}));
  w.steps.push_back(
      Step("issue", "Văn thư vào số, đóng dấu, phát hành", Role::kClerk, kIssueShare, {A::kRecordResult}, {"return"}));
  w.steps.push_back(
      Step("return", "Trả kết quả", Role::kDeskOfficer, kReturnShare, {A::kMarkReturned, A::kApologise}, {}));
  return w;
}

std::vector<int64_t> StepAllotments(const Workflow& workflow, int64_t total_minutes) {
  std::vector<int64_t> out(workflow.steps.size(), 0);
  if (out.empty() || total_minutes <= 0) {
    return out;
  }
  int64_t given = 0;
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    out[i] = total_minutes * workflow.steps[i].share_percent / kFullShare;
    given += out[i];
  }
  out.back() = std::max<int64_t>(0, total_minutes - given);
  return out;
}

}  // namespace motcua::domain
