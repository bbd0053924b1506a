// libFuzzer target: answers checking never crashes on any input. The input is read twice against a fixed definition
// holding every question type (with show_if, a group and an address): as a JSON object of answers (ValidateAnswers,
// MergeAnswers, VisibleAnswers, DisplayAnswer) and as web form pairs "name=value" split on '\n' (ReadPageInput, whose
// answers are then validated too). Every error names a question of the form or a document.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/answers.hpp"

namespace {

namespace json = boost::json;
using motcua::domain::AdminUnit;
using motcua::domain::AnswerContext;
using motcua::domain::FieldError;
using motcua::domain::FormDefinition;

constexpr size_t kMaxPairs = 64;

constexpr std::string_view kDefinition = R"({"version": 1, "pages": [
  {"id": "a", "title": "A", "fields": [
    {"id": "ten", "label": "Tên", "type": "text", "required": true, "min": 2, "max": 20},
    {"id": "ghi_chu", "label": "Ghi chú", "type": "textarea"},
    {"id": "so", "label": "Số", "type": "number", "min": -5, "max": 1000.5},
    {"id": "tien", "label": "Tiền", "type": "money", "max": 1000000},
    {"id": "ngay", "label": "Ngày", "type": "date", "required": true, "min": -36500, "max": 0},
    {"id": "chon", "label": "Chọn", "type": "select", "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]},
    {"id": "nut", "label": "Nút", "type": "radio", "options": [{"value": "1", "label": "Một"}]},
    {"id": "co", "label": "Có?", "type": "yes_no"},
    {"id": "cccd", "label": "CCCD", "type": "id_number", "show_if": {"field": "co", "equals": true}, "required": true},
    {"id": "dt", "label": "Điện thoại", "type": "phone", "show_if": {"field": "so", "equals": 3}},
    {"id": "email", "label": "Email", "type": "email", "show_if": {"field": "chon", "equals": "y"}}
  ]},
  {"id": "b", "title": "B", "fields": [
    {"id": "dia_chi", "label": "Địa chỉ", "type": "address", "required": true},
    {"id": "nhom", "label": "Nhóm", "type": "group", "min": 1, "max": 3, "show_if": {"field": "co", "equals": false},
     "fields": [{"id": "ten", "label": "Tên", "type": "text", "required": true},
                {"id": "co", "label": "Có?", "type": "yes_no"},
                {"id": "ngay", "label": "Ngày", "type": "date", "show_if": {"field": "co", "equals": true}},
                {"id": "dia_chi", "label": "Địa chỉ", "type": "address"}]}
  ]}],
  "documents": [{"id": "giay", "name": "Giấy", "required": true, "types": ["pdf"], "max_bytes": 100}]})";

const FormDefinition& Form() {
  static const FormDefinition form = *motcua::domain::ParseFormDefinition(kDefinition);
  return form;
}

const std::vector<AdminUnit>& Units() {
  static const std::vector<AdminUnit> units = {
      {"2024", "36", motcua::domain::Level::kProvince, "Tỉnh Nam Định", "", "", "", "", "36", "", ""},
      {"2024", "356", motcua::domain::Level::kDistrict, "Huyện Vụ Bản", "", "", "", "36", "36", "", ""},
      {"2024", "13660", motcua::domain::Level::kCommune, "Xã Liên Minh", "", "", "", "356", "36", "", ""},
      {"2025", "37", motcua::domain::Level::kProvince, "Tỉnh Ninh Bình", "", "", "", "", "37", "", ""},
      {"2025", "13660", motcua::domain::Level::kCommune, "Xã Liên Minh", "", "", "", "37", "37", "", ""},
  };
  return units;
}

AnswerContext Context(std::string era) {
  AnswerContext c;
  c.today = motcua::domain::CivilDate{2026, 11, 26};
  c.era = std::move(era);
  c.find_unit = [](std::string_view e, std::string_view code) -> const AdminUnit* {
    for (const AdminUnit& u : Units()) {
      if (u.era == e && u.code == code) {
        return &u;
      }
    }
    return nullptr;
  };
  return c;
}

void Require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

//! True when `name` starts with a question id of the form (or is a document's field).
bool NamesQuestion(const std::string& name) {
  if (name.starts_with("tai_lieu.")) {
    return Form().FindDocument(name.substr(std::string_view("tai_lieu.").size())) != nullptr;
  }
  const size_t end = name.find_first_of(".[");
  return Form().FindField(name.substr(0, end)) != nullptr;
}

void CheckAll(const json::object& answers, const AnswerContext& context) {
  for (const FieldError& e : motcua::domain::ValidateAnswers(Form(), answers, {}, context)) {
    Require(NamesQuestion(e.field) && !e.message.empty());
  }
  const json::object visible = motcua::domain::VisibleAnswers(Form(), answers);
  Require(motcua::domain::VisibleAnswers(Form(), visible) == visible);
  for (const auto& kv : visible) {
    const motcua::domain::FieldDef* f = Form().FindField(kv.key());
    Require(f != nullptr);
    (void)motcua::domain::DisplayAnswer(*f, kv.value(), context);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const AnswerContext contexts[] = {Context("2024"), Context("2025")};
  std::error_code ec;
  const json::value v = json::parse(input, ec);
  if (!ec && v.is_object()) {
    for (const AnswerContext& c : contexts) {
      CheckAll(v.get_object(), c);
    }
    const motcua::domain::Result<json::object> merged = motcua::domain::MergeAnswers(Form(), {}, v.get_object());
    if (merged.ok()) {
      for (const auto& kv : *merged) {
        Require(Form().FindField(kv.key()) != nullptr);
      }
    }
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start <= input.size() && pairs.size() < kMaxPairs) {
    const size_t end = std::min(input.find('\n', start), input.size());
    const std::string_view line = input.substr(start, end - start);
    const size_t eq = line.find('=');
    pairs.emplace_back(std::string(line.substr(0, eq)),
                       eq == std::string_view::npos ? "" : std::string(line.substr(eq + 1)));
    start = end + 1;
  }
  for (const motcua::domain::PageDef& page : Form().pages) {
    const motcua::domain::PageInput in = motcua::domain::ReadPageInput(page, pairs);
    for (const FieldError& e : in.errors) {
      Require(NamesQuestion(e.field));
    }
    for (const AnswerContext& c : contexts) {
      for (const FieldError& e : motcua::domain::ValidatePage(page, in.answers, c)) {
        Require(NamesQuestion(e.field));
      }
    }
  }
  return 0;
}
