//! The strict readers of the back-office API bodies: every documented key read, everything else refused by name.
#include "api/office_action.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::api {
namespace {

//! The field named by the refusal of `body`, or "(accepted)".
std::string Refused(std::string_view body) {
  const auto r = ParseActionBody(body);
  if (r.ok()) {
    return "(accepted)";
  }
  return r.error().fields.empty() ? "(body)" : r.error().fields.front().field;
}

TEST(ParseActionBody, ReadsEveryDocumentedKey) {
  const auto r = ParseActionBody(R"({"action":"request_supplement","version":7,"note":"Thiếu bản sao",
    "to":"specialist","items":[{"document_id":"to_khai","field_id":"","label":"Tờ khai","reason":"Chưa ký"}],
    "new_appointment":"2026-12-03T17:00:00+07:00","result_number":"12/2026/KS","result_date":"2026-12-01",
    "method":"post","returned_to":"Nguyễn Văn An","fee_vnd":50000})");
  ASSERT_TRUE(r.ok()) << r.error().fields.front().field;
  const service::ActionInput& in = r.value();
  EXPECT_EQ(in.action, domain::OfficeAction::kRequestSupplement);
  EXPECT_EQ(in.version, 7);
  EXPECT_EQ(in.note, "Thiếu bản sao");
  EXPECT_EQ(in.to, "specialist");
  ASSERT_EQ(in.items.size(), 1U);
  EXPECT_EQ(in.items[0].document_id, "to_khai");
  EXPECT_EQ(in.items[0].reason, "Chưa ký");
  ASSERT_TRUE(in.new_appointment.has_value());
  EXPECT_EQ(VietnamIso(*in.new_appointment), "2026-12-03T17:00:00+07:00");
  EXPECT_EQ(in.result_number, "12/2026/KS");
  ASSERT_TRUE(in.result_date.has_value());
  EXPECT_EQ(in.result_date->day, 1);
  EXPECT_EQ(in.method, service::ReturnMethod::kPost);
  EXPECT_EQ(in.returned_to, "Nguyễn Văn An");
  EXPECT_EQ(in.fee_vnd, 50000);
  EXPECT_TRUE(in.result_file_path.empty());
}

TEST(ParseActionBody, AnOfficerIdMayBeANumber) {
  const auto r = ParseActionBody(R"({"action":"assign","version":1,"to":42})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().to, "42");
  EXPECT_EQ(Refused(R"({"action":"assign","version":1,"to":-3})"), "to");
  EXPECT_EQ(Refused(R"({"action":"assign","version":1,"to":true})"), "to");
}

TEST(ParseActionBody, NullIsAbsent) {
  const auto r = ParseActionBody(R"({"action":"accept","version":3,"note":null,"items":null,"method":null})");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.value().items.empty());
  EXPECT_FALSE(r.value().method.has_value());
}

TEST(ParseActionBody, RefusesByNameWhatItCannotRead) {
  struct Case {
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {R"({"action":"accept","version":1,"result_file_path":"/etc/passwd"})", "result_file_path"},
      {R"({"action":"accept","version":1,"Note":"x"})", "Note"},
      {R"({"version":1})", "action"},
      {R"({"action":"","version":1})", "action"},
      {R"({"action":"approve_all","version":1})", "action"},
      {R"({"action":"supply","version":1})", "action"},
      {R"({"action":7,"version":1})", "action"},
      {R"({"action":"accept"})", "version"},
      {R"({"action":"accept","version":"3"})", "version"},
      {R"({"action":"accept","version":1.5})", "version"},
      {R"({"action":"accept","version":-1})", "version"},
      {R"({"action":"accept","version":18446744073709551615})", "version"},
      {R"({"action":"refuse","version":1,"note":["x"]})", "note"},
      {R"({"action":"request_supplement","version":1,"items":{}})", "items"},
      {R"({"action":"request_supplement","version":1,"items":["x"]})", "items[0]"},
      {R"({"action":"request_supplement","version":1,"items":[{"reason":"a"},{"why":"b"}]})", "items[1].why"},
      {R"({"action":"request_supplement","version":1,"items":[{"reason":3}]})", "items[0].reason"},
      {R"({"action":"apologise","version":1,"new_appointment":"2026-12-03 17:00"})", "new_appointment"},
      {R"({"action":"apologise","version":1,"new_appointment":"2026-12-03T17:00:00"})", "new_appointment"},
      {R"({"action":"apologise","version":1,"new_appointment":"2026-02-30T17:00:00+07:00"})", "new_appointment"},
      {R"({"action":"apologise","version":1,"new_appointment":"2026-12-03T24:00:00+07:00"})", "new_appointment"},
      {R"({"action":"apologise","version":1,"new_appointment":"2026-12-03T17:00:00+15:00"})", "new_appointment"},
      {R"({"action":"apologise","version":1,"new_appointment":20261203})", "new_appointment"},
      {R"({"action":"record_result","version":1,"result_date":"01/12/2026"})", "result_date"},
      {R"({"action":"record_result","version":1,"result_date":"2026-13-01"})", "result_date"},
      {R"({"action":"record_result","version":1,"method":"email"})", "method"},
      {R"({"action":"record_result","version":1,"method":1})", "method"},
      {R"({"action":"request_payment","version":1,"fee_vnd":"50000"})", "fee_vnd"},
      {R"([{"action":"accept","version":1}])", "(body)"},
      {R"({"action":"accept","version":1)", "(body)"},
      {"", "(body)"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Refused(c.body), c.field) << c.body;
  }
}

TEST(ParseActionBody, RefusesTooManyItemsAndTooLongTexts) {
  std::string items;
  for (size_t i = 0; i <= kMaxSupplementItems; ++i) {
    items += std::string(i == 0 ? "" : ",") + R"({"reason":"x"})";
  }
  EXPECT_EQ(Refused(R"({"action":"request_supplement","version":1,"items":[)" + items + "]}"), "items");
  // Counted in characters: kMaxActionTextBytes Vietnamese letters of two bytes each pass, one more does not.
  std::string note;
  for (size_t i = 0; i < kMaxActionTextBytes; ++i) {
    note += "ư";
  }
  EXPECT_EQ(Refused(R"({"action":"refuse","version":1,"note":")" + note + "\"}"), "(accepted)");
  EXPECT_EQ(Refused(R"({"action":"refuse","version":1,"note":")" + note + "a\"}"), "note");
}

TEST(ParseIsoDateTime, ReadsOffsetsAndZulu) {
  const auto hanoi = ParseIsoDateTime("2026-12-03T17:00:00+07:00");
  const auto zulu = ParseIsoDateTime("2026-12-03T10:00Z");
  const auto west = ParseIsoDateTime("2026-12-03T05:30:00-04:30");
  ASSERT_TRUE(hanoi && zulu && west);
  EXPECT_EQ(*hanoi, *zulu);
  EXPECT_EQ(*hanoi, *west);
  EXPECT_EQ(VietnamIso(*zulu), "2026-12-03T17:00:00+07:00");
  EXPECT_EQ(VietnamIso(domain::Instant::FromSeconds(0)), "1970-01-01T07:00:00+07:00");
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03T17:00+0700"));
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03T17:60Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03T17:00:60Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03T17:00:0Z"));
  EXPECT_FALSE(ParseIsoDateTime("1899-12-31T17:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03X17:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-12-03T17:00Z "));
}

TEST(ParseIsoDate, OnlyRealDays) {
  EXPECT_TRUE(ParseIsoDate("2028-02-29"));
  EXPECT_FALSE(ParseIsoDate("2026-02-29"));
  EXPECT_FALSE(ParseIsoDate("2026-2-28"));
  EXPECT_FALSE(ParseIsoDate("2026-02-2a"));
  EXPECT_FALSE(ParseIsoDate("+026-02-20"));
}

TEST(ParseSupplyBody, VersionAndAnswersOnly) {
  const auto r = ParseSupplyBody(R"({"version":4,"answers":{"ho_ten":"An"}})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().version, 4);
  EXPECT_EQ(r.value().answers.at("ho_ten").as_string(), "An");
  EXPECT_FALSE(ParseSupplyBody(R"({"answers":{}})").ok());
  EXPECT_FALSE(ParseSupplyBody(R"({"version":4,"answers":[]})").ok());
  const auto extra = ParseSupplyBody(R"({"version":4,"files":[]})");
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().fields.front().field, "files");
}

}  // namespace
}  // namespace motcua::api
