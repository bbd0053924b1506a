//! The inputs of a page of questions: stored answers read back as the text of each input, and the "Thêm"/"Xoá"
//! buttons of a repeating group renumbering what was typed.
#include "web/dossier_questions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <boost/json/parse.hpp>

namespace motcua::web {
namespace {

using domain::FieldDef;
using domain::FieldType;

FieldDef Field(std::string id, FieldType type, std::vector<FieldDef> fields = {}) {
  FieldDef f;
  f.id = std::move(id);
  f.label = f.id;
  f.type = type;
  f.fields = std::move(fields);
  return f;
}

std::string Get(const RawInputs& raw, const std::string& name) {
  const auto it = raw.find(name);
  return it == raw.end() ? "<absent>" : it->second;
}

TEST(DossierQuestions, StoredAnswersReadBackAsTheTextOfEachInput) {
  const std::vector<FieldDef> fields = {
      Field("ten", FieldType::kText),
      Field("ngay_sinh", FieldType::kDate),
      Field("le_phi", FieldType::kMoney),
      Field("co_con", FieldType::kYesNo),
      Field("dia_chi", FieldType::kAddress),
      Field("con", FieldType::kGroup, {Field("ten_con", FieldType::kText), Field("sinh", FieldType::kDate)}),
      Field("so", FieldType::kNumber),
      Field("bo_trong", FieldType::kText)};
  const auto answers = boost::json::parse(R"({
    "ten": "Trần Thị Mai", "ngay_sinh": "2025-03-09", "le_phi": 150000, "co_con": false,
    "dia_chi": {"province": "36", "district": "356", "commune": "13669", "detail": "Số 12"},
    "con": [{"ten_con": "An", "sinh": "2020-01-02"}, {"ten_con": "Bình"}], "so": 2.0, "bo_trong": null})")
                           .as_object();
  const RawInputs raw = RawOfAnswers(fields, answers);
  EXPECT_EQ(Get(raw, "ten"), "Trần Thị Mai");
  EXPECT_EQ(Get(raw, "ngay_sinh-day"), "9");
  EXPECT_EQ(Get(raw, "ngay_sinh-month"), "3");
  EXPECT_EQ(Get(raw, "ngay_sinh-year"), "2025");
  EXPECT_EQ(Get(raw, "le_phi"), "150000");
  EXPECT_EQ(Get(raw, "co_con"), "khong");
  EXPECT_EQ(Get(raw, "dia_chi.province"), "36");
  EXPECT_EQ(Get(raw, "dia_chi.commune"), "13669");
  EXPECT_EQ(Get(raw, "dia_chi.detail"), "Số 12");
  EXPECT_EQ(Get(raw, "con[0].ten_con"), "An");
  EXPECT_EQ(Get(raw, "con[0].sinh-day"), "2");
  EXPECT_EQ(Get(raw, "con[1].ten_con"), "Bình");
  EXPECT_EQ(Get(raw, "con.so_muc"), "2");
  EXPECT_EQ(Get(raw, "so"), "2");
  EXPECT_EQ(Get(raw, "bo_trong"), "<absent>");
}

TEST(DossierQuestions, AddingAnEntryRaisesTheCountAndKeepsWhatWasTyped) {
  http::Pairs pairs = {{"csrf", "x"}, {"con[0].ten_con", "An"}, {"con.so_muc", "1"}};
  ASSERT_TRUE(ApplyGroupAction("them:con", pairs));
  const RawInputs raw = RawOfPairs(pairs);
  EXPECT_EQ(Get(raw, "con.so_muc"), "2");
  EXPECT_EQ(Get(raw, "con[0].ten_con"), "An");
}

TEST(DossierQuestions, RemovingAnEntryDropsItsInputsAndRenumbersTheNextOnes) {
  http::Pairs pairs = {{"con[0].ten_con", "An"},  {"con[1].ten_con", "Bình"}, {"con[1].sinh-day", "4"},
                       {"con[2].ten_con", "Chi"}, {"con.so_muc", "3"},        {"khac", "giu"}};
  ASSERT_TRUE(ApplyGroupAction("xoa:con:1", pairs));
  const RawInputs raw = RawOfPairs(pairs);
  EXPECT_EQ(Get(raw, "con[0].ten_con"), "An");
  EXPECT_EQ(Get(raw, "con[1].ten_con"), "Chi");
  EXPECT_EQ(Get(raw, "con[1].sinh-day"), "<absent>");
  EXPECT_EQ(Get(raw, "con[2].ten_con"), "<absent>");
  EXPECT_EQ(Get(raw, "con.so_muc"), "2");
  EXPECT_EQ(Get(raw, "khac"), "giu");
}

TEST(DossierQuestions, OtherButtonsAndMalformedRemovalsChangeNothing) {
  const http::Pairs before = {{"con[0].ten_con", "An"}, {"con.so_muc", "1"}};
  for (const char* action : {"tiep-tuc", "chon", "xoa:con", "xoa:con:x", "xoa:con:-1", ""}) {
    http::Pairs pairs = before;
    EXPECT_FALSE(ApplyGroupAction(action, pairs)) << action;
    EXPECT_EQ(pairs, before) << action;
  }
}

}  // namespace
}  // namespace motcua::web
