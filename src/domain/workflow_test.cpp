#include "domain/workflow.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

namespace json = boost::json;

constexpr Level kLevels[] = {Level::kProvince, Level::kDistrict, Level::kCommune};

// A small valid workflow: reception → specialist → signing → return.
constexpr const char* kBase = R"({
  "name": "Quy trình thử",
  "steps": [
    {"id": "reception", "name": "Tiếp nhận", "role": "desk_officer", "share_percent": 10,
     "actions": ["accept", "refuse"], "next": ["specialist"]},
    {"id": "specialist", "name": "Thụ lý", "role": "specialist", "share_percent": 60,
     "actions": ["forward", "send_back"], "next": ["signing"]},
    {"id": "signing", "name": "Ký duyệt", "role": "agency_head", "share_percent": 20,
     "actions": ["approve"], "next": ["return"]},
    {"id": "return", "name": "Trả kết quả", "role": "desk_officer", "share_percent": 10,
     "actions": ["mark_returned"], "final": true}
  ]
})";

//! The message id of a fault (the part before its values).
std::string MessageId(const std::string& message) { return message.substr(0, message.find(kMessageArgSeparator)); }

//! Every fault as "path|message id".
std::vector<std::string> Faults(const Result<Workflow>& r) {
  std::vector<std::string> out;
  if (r.ok()) {
    return out;
  }
  for (const FieldError& f : r.error().fields) {
    out.push_back(f.field + "|" + MessageId(f.message));
  }
  return out;
}

//! kBase changed by `change`, as text.
std::string Changed(const std::function<void(json::object&)>& change) {
  json::value v = json::parse(kBase);
  change(v.as_object());
  return json::serialize(v);
}

json::object& StepOf(json::object& root, size_t i) { return root["steps"].as_array()[i].as_object(); }

TEST(Workflow, TheBaseIsValid) {
  const Result<Workflow> w = ParseWorkflow(kBase);
  ASSERT_TRUE(w.ok()) << (Faults(w).empty() ? "" : Faults(w).front());
  EXPECT_EQ(w->name, "Quy trình thử");
  ASSERT_EQ(w->steps.size(), 4U);
  EXPECT_EQ(w->steps[2].role, Role::kAgencyHead);
  EXPECT_EQ(w->steps[1].actions, (std::vector<OfficeAction>{OfficeAction::kForward, OfficeAction::kSendBack}));
  EXPECT_TRUE(w->steps[3].final);
  EXPECT_FALSE(w->steps[0].final);
  EXPECT_EQ(w->NextOf("specialist")->id, "signing");
  EXPECT_EQ(w->NextOf("return"), nullptr);
  EXPECT_EQ(w->NextOf("nowhere"), nullptr);
  EXPECT_EQ(w->Find("signing")->share_percent, 20);
  EXPECT_EQ(w->Find("nowhere"), nullptr);
}

TEST(Workflow, DefaultsAreValidAndRoundTrip) {
  for (const Level level : kLevels) {
    const Workflow def = DefaultWorkflow(level);
    SCOPED_TRACE(def.key);
    EXPECT_EQ(def.key, DefaultWorkflowKey(level));
    EXPECT_EQ(def.version, 0);
    const std::string text = ToJson(def);
    const Result<Workflow> back = ParseWorkflow(text);
    ASSERT_TRUE(back.ok()) << text << (Faults(back).empty() ? "" : Faults(back).front());
    EXPECT_EQ(ToJson(*back), text);
    EXPECT_EQ(back->key, def.key);
    ASSERT_EQ(back->steps.size(), def.steps.size());
    for (size_t i = 0; i < def.steps.size(); ++i) {
      EXPECT_EQ(back->steps[i].id, def.steps[i].id);
      EXPECT_EQ(back->steps[i].name, def.steps[i].name);
      EXPECT_EQ(back->steps[i].role, def.steps[i].role);
      EXPECT_EQ(back->steps[i].share_percent, def.steps[i].share_percent);
      EXPECT_EQ(back->steps[i].actions, def.steps[i].actions);
      EXPECT_EQ(back->steps[i].next, def.steps[i].next);
      EXPECT_EQ(back->steps[i].final, def.steps[i].final);
    }
  }
  EXPECT_EQ(DefaultWorkflowKey(Level::kCommune), "default:commune");
  EXPECT_EQ(DefaultWorkflowKey(Level::kDistrict), "default:district");
  EXPECT_EQ(DefaultWorkflowKey(Level::kProvince), "default:province");
}

bool Has(const WorkflowStep& step, OfficeAction a) {
  return std::find(step.actions.begin(), step.actions.end(), a) != step.actions.end();
}

TEST(Workflow, TheCommuneDefaultIsDeskSpecialistChairmanReturn) {
  const Workflow w = DefaultWorkflow(Level::kCommune);
  ASSERT_EQ(w.steps.size(), 4U);
  const WorkflowStep& reception = w.steps.front();
  EXPECT_EQ(reception.role, Role::kDeskOfficer);
  EXPECT_EQ(reception.actions, (std::vector<OfficeAction>{OfficeAction::kAccept, OfficeAction::kRequestSupplement,
                                                          OfficeAction::kRefuse}));
  EXPECT_EQ(w.steps[1].role, Role::kSpecialist);
  EXPECT_TRUE(Has(w.steps[1], OfficeAction::kRequestSupplement));
  EXPECT_TRUE(Has(w.steps[1], OfficeAction::kApologise));
  EXPECT_EQ(w.steps[2].role, Role::kAgencyHead);
  EXPECT_TRUE(Has(w.steps[2], OfficeAction::kApprove));
  EXPECT_TRUE(w.steps[3].final);
  EXPECT_EQ(w.steps[3].role, Role::kDeskOfficer);
  EXPECT_TRUE(Has(w.steps[3], OfficeAction::kMarkReturned));
  EXPECT_EQ(w.steps[0].share_percent + w.steps[1].share_percent + w.steps[2].share_percent + w.steps[3].share_percent,
            100);
}

TEST(Workflow, TheDepartmentDefaultHasSectionHeadAgencyHeadAndClerk) {
  for (const Level level : {Level::kDistrict, Level::kProvince}) {
    const Workflow w = DefaultWorkflow(level);
    std::vector<Role> roles;
    int32_t shares = 0;
    for (const WorkflowStep& s : w.steps) {
      roles.push_back(s.role);
      shares += s.share_percent;
    }
    EXPECT_EQ(roles, (std::vector<Role>{Role::kDeskOfficer, Role::kSectionHead, Role::kSpecialist, Role::kSectionHead,
                                        Role::kAgencyHead, Role::kClerk, Role::kDeskOfficer}));
    EXPECT_EQ(shares, 100);
    EXPECT_TRUE(Has(w.steps[1], OfficeAction::kAssign));
    EXPECT_TRUE(Has(w.steps[4], OfficeAction::kApprove));
    EXPECT_TRUE(Has(w.steps[4], OfficeAction::kStop));
    EXPECT_TRUE(Has(w.steps[5], OfficeAction::kRecordResult));
    EXPECT_TRUE(w.steps.back().final);
    EXPECT_EQ(w.NextOf("reception")->role, Role::kSectionHead);
  }
  EXPECT_NE(DefaultWorkflow(Level::kDistrict).name, DefaultWorkflow(Level::kProvince).name);
}

TEST(Workflow, AnInterAgencyStepIsAccepted) {
  const std::string text = Changed([](json::object& root) {
    json::array& steps = root["steps"].as_array();
    StepOf(root, 1)["actions"].as_array().emplace_back("transfer");
    StepOf(root, 1)["next"].as_array().emplace_back("tax");
    steps.push_back(json::object{{"id", "tax"},
                                 {"name", "Chi cục Thuế xác định nghĩa vụ tài chính"},
                                 {"role", "specialist"},
                                 {"share_percent", 0},
                                 {"actions", json::array{"forward", "send_back"}},
                                 {"next", json::array{"signing"}},
                                 {"agency_code", "000.00.00.G41"}});
  });
  const Result<Workflow> w = ParseWorkflow(text);
  ASSERT_TRUE(w.ok()) << (Faults(w).empty() ? "" : Faults(w).front());
  EXPECT_EQ(w->Find("tax")->agency_code, "000.00.00.G41");
  EXPECT_TRUE(Has(*w->Find("specialist"), OfficeAction::kTransfer));
  const Result<Workflow> back = ParseWorkflow(ToJson(*w));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->Find("tax")->agency_code, "000.00.00.G41");
  EXPECT_EQ(ToJson(*back), ToJson(*w));
}

TEST(Workflow, KeyAndVersionAreOptionalAndKept) {
  const std::string text = Changed([](json::object& root) {
    root["key"] = "1.001193";
    root["version"] = 7;
  });
  const Result<Workflow> w = ParseWorkflow(text);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->key, "1.001193");
  EXPECT_EQ(w->version, 7);
}

struct Refusal {
  const char* name;
  std::function<void(json::object&)> change;
  std::string fault;  // "path|message id"
};

TEST(Workflow, EveryKindOfFaultIsRefusedWithItsPath) {
  const std::vector<Refusal> cases = {
      {"unknown key at the root", [](json::object& r) { r["colour"] = "red"; },
       "colour|Khóa này không có trong định dạng quy trình"},
      {"no name", [](json::object& r) { r.erase("name"); }, "name|Thiếu giá trị bắt buộc này"},
      {"a name with a line break", [](json::object& r) { r["name"] = "a\nb"; },
       "name|Văn bản rỗng, quá dài hoặc có ký tự điều khiển"},
      {"a name too long", [](json::object& r) { r["name"] = std::string(201, 'a'); },
       "name|Văn bản rỗng, quá dài hoặc có ký tự điều khiển"},
      {"a negative version", [](json::object& r) { r["version"] = -1; },
       "version|Giá trị này phải là một số nguyên trong giới hạn cho phép"},
      {"no steps", [](json::object& r) { r.erase("steps"); }, "steps|Thiếu giá trị bắt buộc này"},
      {"steps not an array", [](json::object& r) { r["steps"] = "x"; }, "steps|Giá trị này phải là một mảng JSON"},
      {"no step at all", [](json::object& r) { r["steps"] = json::array{}; },
       "steps|Quy trình phải có từ 1 đến {} bước"},
      {"too many steps",
       [](json::object& r) {
         json::array& steps = r["steps"].as_array();
         for (size_t i = 0; steps.size() <= kMaxWorkflowSteps; ++i) {
           json::object extra = steps[1].as_object();
           extra["id"] = "extra_" + std::to_string(i);
           extra["share_percent"] = 0;
           steps.push_back(extra);
         }
       },
       "steps|Quy trình phải có từ 1 đến {} bước"},
      {"a step not an object", [](json::object& r) { r["steps"].as_array()[1] = 3; },
       "steps[1]|Giá trị này phải là một đối tượng JSON"},
      {"unknown key in a step", [](json::object& r) { StepOf(r, 1)["colour"] = "red"; },
       "steps[1].colour|Khóa này không có trong định dạng quy trình"},
      {"an id with capitals", [](json::object& r) { StepOf(r, 1)["id"] = "Specialist"; },
       "steps[1].id|Mã bước phải bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường, chữ số và dấu gạch dưới, "
       "không quá {} ký tự"},
      {"an id too long", [](json::object& r) { StepOf(r, 1)["id"] = std::string(33, 'a'); },
       "steps[1].id|Mã bước phải bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường, chữ số và dấu gạch dưới, "
       "không quá {} ký tự"},
      {"an id with a dash", [](json::object& r) { StepOf(r, 1)["id"] = "chuyen-vien"; },
       "steps[1].id|Mã bước phải bắt đầu bằng chữ thường không dấu, chỉ gồm chữ thường, chữ số và dấu gạch dưới, "
       "không quá {} ký tự"},
      {"no id", [](json::object& r) { StepOf(r, 1).erase("id"); }, "steps[1].id|Thiếu giá trị bắt buộc này"},
      {"a duplicate id", [](json::object& r) { StepOf(r, 2)["id"] = "specialist"; },
       "steps[2].id|Mã bước này đã dùng cho một bước khác"},
      {"an unknown role", [](json::object& r) { StepOf(r, 1)["role"] = "chairman"; },
       "steps[1].role|Vai trò này không có trong danh sách vai trò"},
      {"a share above 100", [](json::object& r) { StepOf(r, 1)["share_percent"] = 101; },
       "steps[1].share_percent|Tỉ lệ thời gian phải là số nguyên từ 0 đến 100"},
      {"a fractional share", [](json::object& r) { StepOf(r, 1)["share_percent"] = 12.5; },
       "steps[1].share_percent|Tỉ lệ thời gian phải là số nguyên từ 0 đến 100"},
      {"a negative share", [](json::object& r) { StepOf(r, 1)["share_percent"] = -10; },
       "steps[1].share_percent|Tỉ lệ thời gian phải là số nguyên từ 0 đến 100"},
      {"no share", [](json::object& r) { StepOf(r, 1).erase("share_percent"); },
       "steps[1].share_percent|Thiếu giá trị bắt buộc này"},
      {"shares summing to 90", [](json::object& r) { StepOf(r, 1)["share_percent"] = 50; },
       "steps|Tổng tỉ lệ thời gian của các bước phải bằng 100, hiện là {}"},
      {"an unknown action", [](json::object& r) { StepOf(r, 1)["actions"] = json::array{"fly"}; },
       "steps[1].actions[0]|Thao tác này không có trong danh sách thao tác"},
      {"a duplicate action",
       [](json::object& r) {
         StepOf(r, 1)["actions"] = json::array{"forward", "forward"};
       },
       "steps[1].actions[1]|Thao tác này đã có trong bước"},
      {"no action", [](json::object& r) { StepOf(r, 1)["actions"] = json::array{}; },
       "steps[1].actions|Mỗi bước phải có ít nhất một thao tác"},
      {"actions missing", [](json::object& r) { StepOf(r, 1).erase("actions"); },
       "steps[1].actions|Thiếu giá trị bắt buộc này"},
      {"next to no step",
       [](json::object& r) {
         StepOf(r, 0)["next"] = json::array{"specialist", "nowhere"};
       },
       "steps[0].next[1]|Không có bước nào mang mã này"},
      {"next not a string", [](json::object& r) { StepOf(r, 0)["next"] = json::array{1}; },
       "steps[0].next[0]|Giá trị này phải là một chuỗi"},
      {"next twice the same",
       [](json::object& r) {
         StepOf(r, 0)["next"] = json::array{"specialist", "specialist"};
       },
       "steps[0].next[1]|Bước này đã có trong danh sách bước tiếp theo"},
      {"a final step with a next", [](json::object& r) { StepOf(r, 3)["next"] = json::array{"reception"}; },
       "steps[3].next|Bước cuối không có bước tiếp theo"},
      {"final not a boolean", [](json::object& r) { StepOf(r, 3)["final"] = "yes"; },
       "steps[3].final|Giá trị này phải là true hoặc false"},
      {"no final step", [](json::object& r) { StepOf(r, 3).erase("final"); },
       "steps|Quy trình phải có ít nhất một bước cuối (final: true)"},
      {"a bad agency code", [](json::object& r) { StepOf(r, 1)["agency_code"] = "sở tư pháp"; },
       "steps[1].agency_code|Mã cơ quan chỉ gồm chữ in hoa không dấu, chữ số và dấu chấm, không quá {} ký tự"},
      {"an unreachable step",
       [](json::object& r) {
         json::object orphan = StepOf(r, 1);
         orphan["id"] = "orphan";
         orphan["share_percent"] = 0;
         orphan["next"] = json::array{"return"};
         r["steps"].as_array().push_back(orphan);
       },
       "steps[4]|Không bước nào dẫn tới bước này từ bước đầu tiên"},
      {"a path that never ends",
       [](json::object& r) {
         StepOf(r, 0)["next"] = json::array{"specialist", "return"};
         StepOf(r, 2)["next"] = json::array{"specialist"};
       },
       "steps[1]|Từ bước này không có đường tới bước cuối: một đường đi không bao giờ kết thúc"},
  };
  for (const Refusal& c : cases) {
    const Result<Workflow> w = ParseWorkflow(Changed(c.change));
    ASSERT_FALSE(w.ok()) << c.name;
    EXPECT_EQ(w.kind(), ErrorKind::kInvalid) << c.name;
    EXPECT_EQ(w.error().message, "Định nghĩa quy trình có lỗi") << c.name;
    const std::vector<std::string> faults = Faults(w);
    EXPECT_NE(std::find(faults.begin(), faults.end(), c.fault), faults.end())
        << c.name << ": got " << (faults.empty() ? "nothing" : faults.front());
  }
}

TEST(Workflow, APathThatNeverEndsNamesEveryStepCaughtInTheLoop) {
  const Result<Workflow> w = ParseWorkflow(Changed([](json::object& r) {
    StepOf(r, 0)["next"] = json::array{"specialist", "return"};
    StepOf(r, 2)["next"] = json::array{"specialist"};
  }));
  const std::vector<std::string> faults = Faults(w);
  const std::string never = "|Từ bước này không có đường tới bước cuối: một đường đi không bao giờ kết thúc";
  EXPECT_EQ(faults, (std::vector<std::string>{"steps[1]" + never, "steps[2]" + never}));
}

TEST(Workflow, EveryFaultIsListedAtOnce) {
  const Result<Workflow> w = ParseWorkflow(Changed([](json::object& r) {
    r["colour"] = "red";
    StepOf(r, 1)["role"] = "chairman";
    StepOf(r, 2)["actions"] = json::array{"fly"};
    StepOf(r, 3)["share_percent"] = 30;
  }));
  const std::vector<std::string> faults = Faults(w);
  EXPECT_EQ(faults.size(), 4U);
}

TEST(Workflow, ValuesOfMessagesAreCarried) {
  const Result<Workflow> w = ParseWorkflow(Changed([](json::object& r) { StepOf(r, 1)["share_percent"] = 50; }));
  ASSERT_FALSE(w.ok());
  ASSERT_EQ(w.error().fields.size(), 1U);
  EXPECT_EQ(w.error().fields[0].message,
            MessageWith("Tổng tỉ lệ thời gian của các bước phải bằng 100, hiện là {}", {"90"}));
}

TEST(Workflow, MalformedTextIsRefused) {
  for (const char* text : {"", "{", "null", "[]", "\"x\"", "{\"name\": }"}) {
    const Result<Workflow> w = ParseWorkflow(text);
    ASSERT_FALSE(w.ok()) << text;
    ASSERT_FALSE(w.error().fields.empty()) << text;
    EXPECT_EQ(w.error().fields[0].field, "$") << text;
  }
  EXPECT_FALSE(ParseWorkflow(std::string(70 * 1024, ' ')).ok());
  std::string deep(100, '[');
  EXPECT_FALSE(ParseWorkflow(deep + std::string(100, ']')).ok());
}

TEST(Workflow, StepAllotmentsFollowTheShares) {
  const Workflow w = DefaultWorkflow(Level::kCommune);  // 10 / 60 / 20 / 10
  EXPECT_EQ(StepAllotments(w, 4500), (std::vector<int64_t>{450, 2700, 900, 450}));
  EXPECT_EQ(StepAllotments(w, 7), (std::vector<int64_t>{0, 4, 1, 2}));  // the last step gets the rounding
  EXPECT_EQ(StepAllotments(w, 0), (std::vector<int64_t>{0, 0, 0, 0}));
  EXPECT_EQ(StepAllotments(w, -10), (std::vector<int64_t>{0, 0, 0, 0}));
  EXPECT_TRUE(StepAllotments(Workflow{}, 100).empty());
  int64_t sum = 0;
  for (const int64_t m : StepAllotments(DefaultWorkflow(Level::kProvince), 12345)) {
    sum += m;
  }
  EXPECT_EQ(sum, 12345);
}

}  // namespace
}  // namespace motcua::domain
