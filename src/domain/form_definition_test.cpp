#include "domain/form_definition.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"
#include "domain/reference_import.hpp"

namespace motcua::domain {
namespace {

namespace json = boost::json;

//! A small definition with a field of every kind of rule.
constexpr std::string_view kGood = R"({
  "version": 3,
  "pages": [
    {"id": "nguoi-nop", "title": "Người nộp", "fields": [
      {"id": "ho_ten", "label": "Họ và tên", "type": "text", "required": true, "max": 100},
      {"id": "nop_thay", "label": "Nộp thay?", "type": "yes_no"},
      {"id": "quan_he", "label": "Quan hệ", "hint": "Ví dụ: con", "type": "text", "required": true,
       "show_if": {"field": "nop_thay", "equals": true}}
    ]},
    {"id": "chi-tiet", "title": "Chi tiết", "fields": [
      {"id": "gioi_tinh", "label": "Giới tính", "type": "radio", "required": true,
       "options": [{"value": "nam", "label": "Nam"}, {"value": "nu", "label": "Nữ"}]},
      {"id": "ngay_sinh", "label": "Ngày sinh", "type": "date", "max": 0},
      {"id": "von", "label": "Vốn", "type": "money", "min": 0, "max": 1000000000},
      {"id": "dien_tich", "label": "Diện tích", "type": "number", "min": 0.5},
      {"id": "thanh_vien", "label": "Thành viên", "type": "group", "min": 1, "max": 10,
       "show_if": {"field": "gioi_tinh", "equals": "nu"},
       "fields": [{"id": "ten", "label": "Tên", "type": "text", "required": true},
                  {"id": "co_so", "label": "Có số?", "type": "yes_no"},
                  {"id": "so", "label": "Số", "type": "id_number", "show_if": {"field": "co_so", "equals": true}}]}
    ]}
  ],
  "documents": [
    {"id": "giay_chung_sinh", "name": "Giấy chứng sinh", "original_or_copy": "original", "required": true,
     "types": ["pdf", "jpeg"], "max_bytes": 10485760, "template_url": "/thu-tuc/1.001193/mau/to-khai"}
  ]
})";

//! The `field` paths of the errors of `text` (empty when it parses).
std::set<std::string> ErrorPaths(std::string_view text) {
  const Result<FormDefinition> r = ParseFormDefinition(text);
  std::set<std::string> out;
  if (!r.ok()) {
    for (const FieldError& e : r.error().fields) {
      out.insert(e.field);
    }
  }
  return out;
}

//! A definition of one page holding `fields` (a JSON array text).
std::string OnePage(std::string_view fields) {
  return std::string(R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": )") + std::string(fields) + "}]}";
}

TEST(FormDefinition, ReadsEveryPartOfAGoodDefinition) {
  const Result<FormDefinition> r = ParseFormDefinition(kGood);
  ASSERT_TRUE(r.ok()) << r.error().fields.front().field << ": " << r.error().fields.front().message;
  const FormDefinition& f = *r;
  EXPECT_EQ(f.version, 3);
  ASSERT_EQ(f.pages.size(), 2u);
  EXPECT_EQ(f.pages[0].id, "nguoi-nop");
  const FieldDef* quan_he = f.FindField("quan_he");
  ASSERT_NE(quan_he, nullptr);
  ASSERT_TRUE(quan_he->show_if.has_value());
  EXPECT_EQ(quan_he->show_if->field, "nop_thay");
  EXPECT_EQ(quan_he->show_if->equals, json::value(true));
  EXPECT_EQ(quan_he->hint, "Ví dụ: con");
  const FieldDef* gioi_tinh = f.FindField("gioi_tinh");
  ASSERT_NE(gioi_tinh, nullptr);
  EXPECT_EQ(gioi_tinh->type, FieldType::kRadio);
  ASSERT_EQ(gioi_tinh->options.size(), 2u);
  EXPECT_EQ(gioi_tinh->options[1].label, "Nữ");
  const FieldDef* group = f.FindField("thanh_vien");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->fields.size(), 3u);
  EXPECT_EQ(group->min, 1.0);
  EXPECT_EQ(f.FindField("ten"), nullptr) << "a group's questions are not top-level questions";
  EXPECT_EQ(f.FindField("ngay_sinh")->max, 0.0);
  ASSERT_NE(f.FindPage("chi-tiet"), nullptr);
  EXPECT_EQ(f.FindPage("khong-co"), nullptr);
  const DocumentDef* d = f.FindDocument("giay_chung_sinh");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->required);
  EXPECT_EQ(d->types, (std::vector<std::string>{"pdf", "jpeg"}));
  EXPECT_EQ(d->max_bytes, 10485760);
  EXPECT_EQ(d->original_or_copy, "original");
}

TEST(FormDefinition, ToJsonReadsBackToTheSameDefinition) {
  const Result<FormDefinition> first = ParseFormDefinition(kGood);
  ASSERT_TRUE(first.ok());
  const std::string text = json::serialize(ToJson(*first));
  const Result<FormDefinition> second = ParseFormDefinition(text);
  ASSERT_TRUE(second.ok()) << second.error().fields.front().field;
  EXPECT_EQ(json::serialize(ToJson(*second)), text);
}

TEST(FormDefinition, TypeNamesGoBothWays) {
  for (const std::string_view name : {"text", "textarea", "number", "money", "date", "select", "radio", "yes_no",
                                      "id_number", "phone", "email", "address", "group"}) {
    const std::optional<FieldType> t = ParseFieldType(name);
    ASSERT_TRUE(t.has_value()) << name;
    EXPECT_EQ(ToString(*t), name);
  }
  EXPECT_FALSE(ParseFieldType("checkbox").has_value());
  EXPECT_FALSE(ParseFieldType("Text").has_value());
}

//! One malformed definition and the JSON path its error must name.
struct Bad {
  std::string text;
  std::string path;
};

TEST(FormDefinition, EveryFaultIsNamedByItsJsonPath) {
  const std::vector<Bad> cases = {
      {"", "$"},
      {"{", "$"},
      {"[]", "$"},
      {R"({"pages": []})", "version"},
      {R"({"version": 0, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}]})",
       "version"},
      {R"({"version": "1", "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}]})",
       "version"},
      {R"({"version": 1, "pages": [], "extra": 1})", "extra"},
      {R"({"version": 1, "pages": []})", "pages"},
      {R"({"version": 1})", "pages"},
      {OnePage("[]"), "pages[0].fields"},
      {R"({"version": 1, "pages": [{"id": "P", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}]})",
       "pages[0].id"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "", "fields": [{"id": "a", "label": "A", "type": "text"}]}]})",
       "pages[0].title"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]},)"
       R"({"id": "p", "title": "U", "fields": [{"id": "b", "label": "B", "type": "text"}]}]})",
       "pages[1].id"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "checkbox"}])"), "pages[0].fields[0].type"},
      {OnePage(R"([{"id": "a", "label": "A"}])"), "pages[0].fields[0].type"},
      {OnePage(R"([{"id": "1a", "label": "A", "type": "text"}])"), "pages[0].fields[0].id"},
      {OnePage(R"([{"id": "a-b", "label": "A", "type": "text"}])"), "pages[0].fields[0].id"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text"}, {"id": "a", "label": "B", "type": "text"}])"),
       "pages[0].fields[1].id"},
      {OnePage(R"([{"id": "a", "label": "A\u0007", "type": "text"}])"), "pages[0].fields[0].label"},
      {OnePage(R"([{"id": "a", "label": 5, "type": "text"}])"), "pages[0].fields[0].label"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "required": "yes"}])"), "pages[0].fields[0].required"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "colour": "red"}])"), "pages[0].fields[0].colour"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "select"}])"), "pages[0].fields[0].options"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "select", "options": [{"value": "x", "label": "X"},)"
               R"({"value": "x", "label": "Y"}]}])"),
       "pages[0].fields[0].options[1].value"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "select", "options": [{"value": "x"}]}])"),
       "pages[0].fields[0].options[0].label"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "options": [{"value": "x", "label": "X"}]}])"),
       "pages[0].fields[0].options"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "number", "min": 5, "max": 1}])"), "pages[0].fields[0].min"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "min": -1}])"), "pages[0].fields[0].min"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "max": 2.5}])"), "pages[0].fields[0].max"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "money", "max": "10"}])"), "pages[0].fields[0].max"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "yes_no", "max": 1}])"), "pages[0].fields[0].max"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "show_if": {"field": "b", "equals": true}},)"
               R"({"id": "b", "label": "B", "type": "yes_no"}])"),
       "pages[0].fields[0].show_if.field"},
      {OnePage(R"([{"id": "b", "label": "B", "type": "yes_no"},)"
               R"({"id": "a", "label": "A", "type": "text", "show_if": {"field": "b", "equals": "co"}}])"),
       "pages[0].fields[1].show_if.equals"},
      {OnePage(R"([{"id": "b", "label": "B", "type": "radio", "options": [{"value": "x", "label": "X"}]},)"
               R"({"id": "a", "label": "A", "type": "text", "show_if": {"field": "b", "equals": "y"}}])"),
       "pages[0].fields[1].show_if.equals"},
      {OnePage(R"([{"id": "b", "label": "B", "type": "yes_no"},)"
               R"({"id": "a", "label": "A", "type": "text", "show_if": {"field": "b"}}])"),
       "pages[0].fields[1].show_if.equals"},
      {OnePage(R"([{"id": "g", "label": "G", "type": "group"}])"), "pages[0].fields[0].fields"},
      {OnePage(R"([{"id": "g", "label": "G", "type": "group", "fields": [{"id": "h", "label": "H", "type": "group",)"
               R"("fields": [{"id": "x", "label": "X", "type": "text"}]}]}])"),
       "pages[0].fields[0].fields[0].type"},
      {OnePage(R"([{"id": "a", "label": "A", "type": "text", "fields": [{"id": "x", "label": "X", "type": "text"}]}])"),
       "pages[0].fields[0].fields"},
      {OnePage(R"([{"id": "x", "label": "X", "type": "yes_no"}, {"id": "g", "label": "G", "type": "group",)"
               R"("fields": [{"id": "a", "label": "A", "type": "text", "show_if": {"field": "x", "equals": true}}]}])"),
       "pages[0].fields[1].fields[0].show_if.field"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["exe"], "max_bytes": 10}]})",
       "documents[0].types"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf", "pdf"], "max_bytes": 10}]})",
       "documents[0].types"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf"], "max_bytes": 0}]})",
       "documents[0].max_bytes"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf"]}]})",
       "documents[0].max_bytes"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf"], "max_bytes": 1, "original_or_copy": "scan"}]})",
       "documents[0].original_or_copy"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf"], "max_bytes": 1, "template_url": "javascript:x"}]})",
       "documents[0].template_url"},
      {R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [{"id": "a", "label": "A", "type": "text"}]}],)"
       R"("documents": [{"id": "d", "name": "D", "types": ["pdf"], "max_bytes": 1},)"
       R"({"id": "d", "name": "E", "types": ["pdf"], "max_bytes": 1}]})",
       "documents[1].id"},
  };
  for (const Bad& c : cases) {
    const std::set<std::string> paths = ErrorPaths(c.text);
    EXPECT_TRUE(paths.contains(c.path)) << c.text << "\n  expected an error at " << c.path << ", got "
                                        << (paths.empty() ? "none" : *paths.begin());
  }
}

TEST(FormDefinition, ErrorsAreVietnameseMessagesAndAllAreReported) {
  const Result<FormDefinition> r = ParseFormDefinition(
      OnePage(R"([{"id": "A", "label": "A", "type": "text"}, {"id": "b", "label": "", "type": "nope"}])"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(r.error().fields.size(), 3u);
  EXPECT_EQ(r.error().fields[0].field, "pages[0].fields[0].id");
  EXPECT_EQ(r.error().fields[1].field, "pages[0].fields[1].label");
  EXPECT_EQ(r.error().fields[2].field, "pages[0].fields[1].type");
  EXPECT_EQ(r.error().fields[2].message, "Loại câu hỏi không có trong danh sách được hỗ trợ");
}

TEST(FormDefinition, QuestionIdsAreUniqueAcrossPagesButAGroupHasItsOwnScope) {
  EXPECT_FALSE(ErrorPaths(R"({"version": 1, "pages": [)"
                          R"({"id": "a", "title": "A", "fields": [{"id": "x", "label": "X", "type": "text"}]},)"
                          R"({"id": "b", "title": "B", "fields": [{"id": "x", "label": "X", "type": "text"}]}]})")
                   .empty());
  EXPECT_TRUE(ParseFormDefinition(OnePage(R"([{"id": "ten", "label": "X", "type": "text"},)"
                                          R"({"id": "g", "label": "G", "type": "group", "fields": [)"
                                          R"({"id": "ten", "label": "Tên", "type": "text"}]}])"))
                  .ok());
}

TEST(FormDefinition, ShowIfMayNameAQuestionOfAnEarlierPage) {
  EXPECT_TRUE(
      ParseFormDefinition(R"({"version": 1, "pages": [)"
                          R"({"id": "a", "title": "A", "fields": [{"id": "x", "label": "X", "type": "yes_no"}]},)"
                          R"({"id": "b", "title": "B", "fields": [{"id": "y", "label": "Y", "type": "text",)"
                          R"("show_if": {"field": "x", "equals": false}}]}]})")
          .ok());
}

TEST(FormDefinition, SizeLimitsAreEnforced) {
  EXPECT_EQ(ErrorPaths(std::string(kMaxFormDefinitionBytes + 1, ' ')), std::set<std::string>{"$"});
  std::string many_pages = R"({"version": 1, "pages": [)";
  for (int i = 0; i < 51; ++i) {
    many_pages += std::string(i == 0 ? "" : ",") + R"({"id": "p)" + std::to_string(i) +
                  R"(", "title": "T", "fields": [{"id": "f)" + std::to_string(i) +
                  R"(", "label": "L", "type": "text"}]})";
  }
  many_pages += "]}";
  EXPECT_TRUE(ErrorPaths(many_pages).contains("pages"));
  std::string many_fields = "[";
  for (int i = 0; i < 201; ++i) {
    many_fields +=
        std::string(i == 0 ? "" : ",") + R"({"id": "f)" + std::to_string(i) + R"(", "label": "L", "type": "text"})";
  }
  many_fields += "]";
  EXPECT_TRUE(ErrorPaths(OnePage(many_fields)).contains("pages[0].fields[200]"));
  std::string many_docs = R"({"version": 1, "pages": [{"id": "p", "title": "T", "fields": [)"
                          R"({"id": "a", "label": "A", "type": "text"}]}], "documents": [)";
  for (int i = 0; i < 31; ++i) {
    many_docs += std::string(i == 0 ? "" : ",") + R"({"id": "d)" + std::to_string(i) +
                 R"(", "name": "D", "types": ["pdf"], "max_bytes": 1})";
  }
  many_docs += "]}";
  EXPECT_TRUE(ErrorPaths(many_docs).contains("documents"));
  EXPECT_TRUE(ErrorPaths(OnePage(R"([{"id": "a", "label": ")" + std::string(301, 'x') + R"(", "type": "text"}])"))
                  .contains("pages[0].fields[0].label"));
  EXPECT_TRUE(
      ParseFormDefinition(OnePage(R"([{"id": "a", "label": ")" + std::string(300, 'x') + R"(", "type": "text"}])"))
          .ok());
  EXPECT_EQ(ErrorPaths(std::string(100, '[') + std::string(100, ']')), std::set<std::string>{"$"});
}

TEST(FormDefinition, TheGenericFormAsksForTheApplicantTheRequestAndTheCatalogueDocuments) {
  Procedure p;
  p.code = "1.000001";
  p.documents = {RequiredDocument{"Tờ khai", 1, 0, "to-khai", ""}, RequiredDocument{"Bản sao sổ", 0, 2, "", ""},
                 RequiredDocument{"Giấy tờ khác\nnếu có", 0, 0, "", ""}};
  p.forms = {Form{"to-khai", "Tờ khai", "", {}}};
  const FormDefinition f = GenericForm(p);
  EXPECT_EQ(f.version, 1);
  ASSERT_EQ(f.pages.size(), 2u);
  EXPECT_EQ(f.pages[0].id, kApplicantPage);
  for (const std::string_view id :
       {kApplicantName, kApplicantId, kApplicantPhone, kApplicantEmail, kApplicantAddress, kForSomeoneElse}) {
    EXPECT_NE(f.FindField(id), nullptr) << id;
  }
  EXPECT_EQ(f.FindField(kApplicantId)->type, FieldType::kIdNumber);
  EXPECT_TRUE(f.FindField(kApplicantAddress)->required);
  EXPECT_FALSE(f.FindField(kApplicantEmail)->required);
  const FieldDef* rel = f.FindField(kRelationship);
  ASSERT_NE(rel, nullptr);
  ASSERT_TRUE(rel->show_if.has_value());
  EXPECT_EQ(rel->show_if->field, kForSomeoneElse);
  EXPECT_EQ(rel->show_if->equals, json::value(true));
  const FieldDef* what = f.FindField("noi_dung");
  ASSERT_NE(what, nullptr);
  EXPECT_EQ(what->type, FieldType::kTextarea);
  EXPECT_TRUE(what->required);
  ASSERT_EQ(f.documents.size(), 3u);
  EXPECT_EQ(f.documents[0].id, "giay_to_1");
  EXPECT_EQ(f.documents[0].template_url, "/thu-tuc/1.000001/mau/to-khai");
  EXPECT_TRUE(f.documents[0].required);
  EXPECT_EQ(f.documents[0].original_or_copy, "original");
  EXPECT_EQ(f.documents[1].original_or_copy, "copy");
  EXPECT_TRUE(f.documents[1].required);
  EXPECT_FALSE(f.documents[2].required);
  EXPECT_EQ(f.documents[2].name, "Giấy tờ khác nếu có");
  EXPECT_EQ(f.documents[2].types, (std::vector<std::string>{"pdf", "jpeg", "png", "heic"}));
  EXPECT_EQ(f.documents[2].max_bytes, 10 * 1024 * 1024);
  // The generic form is itself a valid definition.
  const Result<FormDefinition> again = ParseFormDefinition(json::serialize(ToJson(f)));
  ASSERT_TRUE(again.ok()) << again.error().fields.front().field << ": " << again.error().fields.front().message;
  EXPECT_EQ(json::serialize(ToJson(*again)), json::serialize(ToJson(f)));
}

std::string ReadSource(const std::string& path) {
  std::ifstream in(motcua::app::SourceDir() + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(FormDefinition, EveryShippedFormParsesAndIsNamedAfterAProcedureOfTheCatalogue) {
  const ProcedureImport catalogue = ReadProcedures(ReadSource("/data/reference/procedures.csv"));
  std::set<std::string> codes;
  for (const Procedure& p : catalogue.procedures) {
    codes.insert(p.code);
  }
  ASSERT_GT(codes.size(), 1000u);
  size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(motcua::app::SourceDir() + "/data/forms")) {
    if (e.path().extension() != ".json") {
      continue;
    }
    ++files;
    const std::string code = e.path().stem().string();
    EXPECT_TRUE(codes.contains(code)) << e.path() << " is not named after a procedure code of procedures.csv";
    const Result<FormDefinition> r = ParseFormDefinition(ReadSource("/data/forms/" + e.path().filename().string()));
    ASSERT_TRUE(r.ok()) << e.path() << ": " << r.error().fields.front().field << ": "
                        << r.error().fields.front().message;
    ASSERT_FALSE(r->pages.empty());
    EXPECT_EQ(r->pages.front().id, kApplicantPage) << e.path();
    for (const std::string_view id : {kApplicantName, kApplicantId, kApplicantPhone, kApplicantAddress}) {
      EXPECT_NE(r->FindField(id), nullptr) << e.path() << " lacks " << id;
    }
    EXPECT_FALSE(r->documents.empty()) << e.path();
  }
  EXPECT_GE(files, 6u);
  for (const std::string_view code : {"1.001193", "1.000894", "1.000656", "2.000815", "1.001612", "1.013225"}) {
    EXPECT_TRUE(std::filesystem::exists(motcua::app::SourceDir() + "/data/forms/" + std::string(code) + ".json"))
        << code;
  }
}

TEST(FormDefinition, BirthRegistrationAsksInAtMostFivePagesAndNeedsTheBirthCertificate) {
  const Result<FormDefinition> r = ParseFormDefinition(ReadSource("/data/forms/1.001193.json"));
  ASSERT_TRUE(r.ok());
  EXPECT_LE(r->pages.size(), 5u);
  const FieldDef* dob = nullptr;
  for (const PageDef& page : r->pages) {
    for (const FieldDef& f : page.fields) {
      if (f.type == FieldType::kDate && dob == nullptr) {
        dob = &f;
      }
    }
  }
  ASSERT_NE(dob, nullptr);
  EXPECT_EQ(dob->max, 0.0) << "the child's date of birth is not in the future";
  bool certificate = false;
  for (const DocumentDef& d : r->documents) {
    certificate = certificate || (d.required && d.name.find("chứng sinh") != std::string::npos);
  }
  EXPECT_TRUE(certificate);
}

}  // namespace
}  // namespace motcua::domain
