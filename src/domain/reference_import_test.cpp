#include "domain/reference_import.hpp"
#include "app/build_paths.hpp"

#include <gtest/gtest.h>

#include "domain/csv.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace motcua::domain {
namespace {

const std::string kHeader =
    "procedure_code,procedure_name,field,level,ministry,implementing_agency,procedure_type,decision_no,channels,"
    "processing_time,processing_time_value,processing_time_unit,processing_time_by_channel,fee,fee_vnd,fee_note,"
    "source_url\n";

std::string Row(std::string_view code, std::string_view value = "5", std::string_view fee = "0",
                std::string_view level = "Cấp tỉnh, Cấp xã") {
  return std::string(code) + ",\"Thủ tục A, có dấu phẩy\",Hộ tịch,\"" + std::string(level) +
         "\",Bộ Tư pháp,UBND,Loại khác,1/QĐ,Trực tuyến;Trực tiếp,5 Ngày làm việc," + std::string(value) +
         ",Ngày làm việc,Trực tuyến: 5 Ngày làm việc | Trực tiếp: 3 Ngày,Miễn phí," + std::string(fee) + ",,\n";
}

TEST(Csv, QuotesEscapesLineBreaksBomAndCrlf) {
  const CsvDocument d = ParseCsv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n\n");
  ASSERT_TRUE(d.errors.empty());
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(d.records[1].fields, (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ(d.records[2].fields[0], "two\nlines");
  EXPECT_EQ(d.records[2].line, 3);
}

TEST(Csv, MalformedRecordsAreReportedWithTheirLineAndSkipped) {
  const CsvDocument d = ParseCsv("a,b\nbad\"quote,1\nok,2\n\"x\"y,3\nlast,4\n");
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_EQ(d.errors[0].line, 2);
  EXPECT_EQ(d.errors[1].line, 4);
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[1].fields[0], "ok");
  EXPECT_EQ(d.records[2].fields[0], "last");
}

TEST(Csv, UnterminatedQuoteAndInvalidUtf8AreErrors) {
  const CsvDocument unterminated = ParseCsv("a\n\"never closed\nmore\n");
  ASSERT_EQ(unterminated.errors.size(), 1u);
  EXPECT_EQ(unterminated.errors[0].line, 2);
  const CsvDocument bad = ParseCsv("a\n\xFF\xFE\n");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_NE(bad.errors[0].reason.find("UTF-8"), std::string::npos);
}

TEST(ReadProcedures, ReadsAValidRow) {
  const ProcedureImport r = ReadProcedures(kHeader + Row("1.001193"));
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.procedures.size(), 1u);
  const Procedure& p = r.procedures[0];
  EXPECT_EQ(p.name, "Thủ tục A, có dấu phẩy");
  EXPECT_EQ(p.field_code, "ho-tich");
  EXPECT_EQ(p.levels, (std::vector<Level>{Level::kProvince, Level::kCommune}));
  EXPECT_EQ(p.time_value.value_or(0), 5.0);
  EXPECT_EQ(p.fee_vnd.value_or(-1), 0);
  EXPECT_EQ(p.online_level, OnlineLevel::kPartial);
  ASSERT_EQ(p.channels.size(), 2u);
  EXPECT_EQ(p.channels[1].channel, Channel::kInPerson);
  EXPECT_EQ(p.channels[1].time_unit, TimeUnit::kDay);
  ASSERT_EQ(r.fields.size(), 1u);
  EXPECT_EQ(r.fields[0].name, "Hộ tịch");
}

TEST(ReadProcedures, RejectsEachBrokenRowWithLineAndReason) {
  const std::string csv = kHeader + Row("1.000001") +            // line 2: fine
                          Row("abc") +                           // line 3: bad code
                          Row("1.000001") +                      // line 4: duplicate
                          Row("1.000003", "năm") +               // line 5: time not a number
                          Row("1.000004", "5", "-3") +           // line 6: negative fee
                          Row("1.000005", "5", "0", "Cấp bộ") +  // line 7: no local level
                          "1.000006,too,few,columns\n" +         // line 8: column count
                          "1.000007,\"unterminated\n";           // line 9: unterminated quote
  const ProcedureImport r = ReadProcedures(csv);
  EXPECT_EQ(r.procedures.size(), 1u);
  ASSERT_EQ(r.errors.size(), 7u);
  std::map<int64_t, std::string> by_line;
  for (const RowError& e : r.errors) {
    by_line[e.line] = e.reason;
  }
  EXPECT_NE(by_line[3].find("d.dddddd"), std::string::npos);
  EXPECT_NE(by_line[4].find("trùng"), std::string::npos);
  EXPECT_NE(by_line[5].find("không phải là số"), std::string::npos);
  EXPECT_NE(by_line[6].find("lệ phí"), std::string::npos);
  EXPECT_NE(by_line[7].find("cấp"), std::string::npos);
  EXPECT_NE(by_line[8].find("cột"), std::string::npos);
  EXPECT_NE(by_line[9].find("ngoặc kép"), std::string::npos);
}

TEST(ReadProcedures, MissingColumnsRejectTheWholeFile) {
  const ProcedureImport r = ReadProcedures("procedure_code,procedure_name\n1.000001,A\n");
  EXPECT_TRUE(r.procedures.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 1);
  EXPECT_NE(r.errors[0].reason.find("field"), std::string::npos);
  EXPECT_FALSE(ReadProcedures("").errors.empty());
}

TEST(ReadProcedures, SeveralLimitsForOneChannelAreKeptTogether) {
  std::string row = Row("1.000001");
  row.replace(row.find("Trực tiếp: 3 Ngày"), std::string("Trực tiếp: 3 Ngày").size(),
              "Trực tiếp: 3 Ngày | Trực tiếp: 10 Ngày làm việc");
  const ProcedureImport r = ReadProcedures(kHeader + row);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.procedures[0].channels.size(), 2u);
  EXPECT_EQ(r.procedures[0].channels[1].time_text, "3 Ngày; 10 Ngày làm việc");
}

TEST(ReadProcedures, TheShippedCatalogueIsClean) {
  std::ifstream in(motcua::app::SourceDir() + "/data/reference/procedures.csv");
  ASSERT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  const ProcedureImport r = ReadProcedures(s.str());
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().line << ": " << r.errors.front().reason;
  EXPECT_EQ(r.procedures.size(), 1601u);
}

TEST(ReadAdminUnits, DetectsTheEraFromTheColumns) {
  const UnitImport old_units = ReadAdminUnits(
      "province_code,province_name,district_code,district_name,ward_code,ward_name,level,unit_type,short_name,name_en\n"
      "36,Tỉnh Nam Định,,,,,province,Tỉnh,Nam Định,Nam Dinh\n"
      "36,Tỉnh Nam Định,365,Huyện Giao Thủy,,,district,Huyện,Giao Thủy,Giao Thuy\n"
      "36,Tỉnh Nam Định,365,Huyện Giao Thủy,14158,Xã Hồng Thuận,ward,Xã,Hồng Thuận,Hong Thuan\n"
      "36,Tỉnh Nam Định,365,Huyện Giao Thủy,1415,Xã Sai,ward,Xã,Sai,Wrong\n"
      "36,Tỉnh Nam Định,,,,,county,Tỉnh,X,X\n");
  ASSERT_EQ(old_units.units.size(), 3u);
  EXPECT_EQ(old_units.units[2].era, "2024");
  EXPECT_EQ(old_units.units[2].parent_code, "365");
  EXPECT_EQ(old_units.units[2].level, Level::kCommune);
  ASSERT_EQ(old_units.errors.size(), 2u);
  EXPECT_EQ(old_units.errors[0].line, 5);
  EXPECT_EQ(old_units.errors[1].line, 6);
  const UnitImport new_units = ReadAdminUnits(
      "province_code,province_name,ward_code,ward_name,level,unit_type,short_name,name_en\n"
      "37,Tỉnh Ninh Bình,13744,Xã Vụ Bản,ward,Xã,Vụ Bản,Vu Ban\n");
  ASSERT_EQ(new_units.units.size(), 1u);
  EXPECT_EQ(new_units.units[0].era, "2025");
  EXPECT_EQ(new_units.units[0].parent_code, "37");
}

TEST(ReadAdminUnitMapping, ReadsLinksAndRejectsDuplicates) {
  const MappingImport m = ReadAdminUnitMapping(
      "level,new_province_code,new_province_name,new_code,new_name,old_code,old_name,old_level,merge_type\n"
      "province,37,Tỉnh Ninh Bình,37,Tỉnh Ninh Bình,36,Tỉnh Nam Định,province,full\n"
      "province,37,Tỉnh Ninh Bình,37,Tỉnh Ninh Bình,36,Tỉnh Nam Định,province,full\n");
  EXPECT_EQ(m.links.size(), 1u);
  ASSERT_EQ(m.errors.size(), 1u);
  EXPECT_EQ(m.errors[0].line, 3);
}

TEST(ProcedureCode, Shape) {
  EXPECT_TRUE(IsProcedureCode("1.001193"));
  EXPECT_FALSE(IsProcedureCode("1001193"));
  EXPECT_FALSE(IsProcedureCode("1.00119"));
  EXPECT_FALSE(IsProcedureCode("a.001193"));
  EXPECT_EQ(ParsePublishedTimeUnit("Ngày làm việc"), TimeUnit::kWorkingDay);
  EXPECT_EQ(ParsePublishedTimeUnit(""), TimeUnit::kUnspecified);
  EXPECT_FALSE(ParsePublishedTimeUnit("tuần trăng").has_value());
}

}  // namespace
}  // namespace motcua::domain
