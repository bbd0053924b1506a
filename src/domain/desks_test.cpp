//! Desks: the CSV they come from (bad rows named by line), the map link, and which desk a citizen visits.
#include "domain/desks.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"

namespace motcua::domain {
namespace {

const std::string kHeader =
    "id,kind,province_code,commune_code,agency_code,name,address,hours,phone,latitude,longitude,source\n";
const std::string kCentre =
    "ninh-binh,province-centre,37,,,Trung tâm Phục vụ hành chính công tỉnh Ninh Bình,\"Số 1, đường A, Ninh "
    "Bình\",Thứ Hai – Thứ Sáu 7:30–17:00,0229 3 000 000,20.25,105.97,demo\n";
const std::string kCommune =
    "nam-dinh,commune,37,13669,,\"Bộ phận một cửa, UBND phường Nam Định\",Số 2 Hùng Vương,Thứ Hai – Thứ Bảy "
    "7:30–11:30,0228 3 000 001,,,published\n";
const std::string kDepartment =
    "so-tu-phap,department,37,,000.00.02.H40,Sở Tư pháp,Số 3 đường B,Giờ hành chính,0228 3 000 002,,,demo\n";

TEST(ReadDesks, ReadsEveryKindOfDesk) {
  const DeskImport r = ReadDesks(kHeader + kCentre + kCommune + kDepartment);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().reason;
  ASSERT_EQ(r.desks.size(), 3u);
  EXPECT_EQ(r.desks[0].kind, DeskKind::kProvinceCentre);
  EXPECT_EQ(r.desks[0].address, "Số 1, đường A, Ninh Bình");
  EXPECT_EQ(r.desks[0].latitude, 20.25);
  EXPECT_TRUE(r.desks[0].demo_values);
  EXPECT_EQ(r.desks[1].commune_code, "13669");
  EXPECT_FALSE(r.desks[1].latitude.has_value());
  EXPECT_FALSE(r.desks[1].demo_values);
  EXPECT_EQ(r.desks[2].agency_code, "000.00.02.H40");
  EXPECT_EQ(r.rows_read, 3);
}

TEST(ReadDesks, EachBadRowIsRejectedWithItsLineAndWhy) {
  struct Bad {
    std::string row;
    std::string reason_part;
  };
  // clang-format off
  const Bad bad[] = {
      {"Bad Id,commune,37,13669,,N,A,H,0228,,,demo\n", "mã bàn"},
      {"x,kiosk,37,13669,,N,A,H,0228,,,demo\n", "loại"},
      {"x,commune,370,13669,,N,A,H,0228,,,demo\n", "mã tỉnh"},
      {"x,commune,37,1366,,N,A,H,0228,,,demo\n", "mã xã"},
      {"x,province-centre,37,13669,,N,A,H,0228,,,demo\n", "mã xã"},
      {"x,department,37,,,N,A,H,0228,,,demo\n", "mã cơ quan"},
      {"x,commune,37,13669,,,A,H,0228,,,demo\n", "thiếu tên"},
      {"x,commune,37,13669,,N,A,H,call us,,,demo\n", "số điện thoại"},
      {"x,commune,37,13669,,N,A,H,0228,91,105,demo\n", "tọa độ"},
      {"x,commune,37,13669,,N,A,H,0228,20.1,,demo\n", "tọa độ"},
      {"x,commune,37,13669,,N,A,H,0228,nan,nan,demo\n", "tọa độ"},
      {"x,commune,37,13669,,N,A,H,0228,,,maybe\n", "nguồn"},
      {"x,commune,37,13669,,N,A,H\n", "cột"},
  };
  // clang-format on
  for (const Bad& b : bad) {
    const DeskImport r = ReadDesks(kHeader + kCentre + b.row);
    EXPECT_EQ(r.desks.size(), 1u) << b.row;
    ASSERT_EQ(r.errors.size(), 1u) << b.row;
    EXPECT_EQ(r.errors[0].line, 3) << b.row;
    EXPECT_NE(r.errors[0].reason.find(b.reason_part), std::string::npos) << b.row << " → " << r.errors[0].reason;
  }
}

TEST(ReadDesks, DuplicatesAndMissingColumnsAreRefused) {
  const DeskImport twice = ReadDesks(kHeader + kCommune + kCommune);
  ASSERT_EQ(twice.errors.size(), 1u);
  EXPECT_EQ(twice.errors[0].line, 3);
  const std::string other_id = "other" + kCommune.substr(kCommune.find(','));
  const DeskImport same_commune = ReadDesks(kHeader + kCommune + other_id);
  ASSERT_EQ(same_commune.errors.size(), 1u);
  EXPECT_NE(same_commune.errors[0].reason.find("13669"), std::string::npos);
  const DeskImport no_source = ReadDesks("id,kind,province_code\nx,commune,37\n");
  ASSERT_EQ(no_source.errors.size(), 1u);
  EXPECT_EQ(no_source.errors[0].line, 1);
  EXPECT_TRUE(no_source.desks.empty());
  EXPECT_FALSE(ReadDesks("").errors.empty());
}

TEST(ReadDesks, TheShippedDemoDesksAreClean) {
  std::ifstream in(motcua::app::SourceDir() + "/data/demo/desks.csv");
  ASSERT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  const DeskImport r = ReadDesks(s.str());
  EXPECT_TRUE(r.errors.empty()) << r.errors.front().line << ": " << r.errors.front().reason;
  const DeskDirectory desks(r.desks);
  EXPECT_NE(desks.ProvinceCentre("37"), nullptr);
}

TEST(MapLink, UsesCoordinatesElseSearchesTheAddress) {
  const DeskImport r = ReadDesks(kHeader + kCentre + kCommune);
  ASSERT_EQ(r.desks.size(), 2u);
  EXPECT_EQ(MapLink(r.desks[0]),
            "https://www.openstreetmap.org/?mlat=20.25000&mlon=105.97000#map=17/20.25000/105.97000");
  EXPECT_EQ(MapLink(r.desks[1]),
            "https://www.openstreetmap.org/search?query=S%E1%BB%91%202%20H%C3%B9ng%20V%C6%B0%C6%A1ng");
}

TEST(WhereToGo, ProvinceLevelAtTheDepartmentOrTheCentreCommuneLevelAtTheCommune) {
  const DeskDirectory desks(ReadDesks(kHeader + kCentre + kCommune + kDepartment).desks);
  Procedure birth;
  birth.levels = {Level::kCommune};
  const auto at_commune = WhereToGo(birth, desks, "37", "13669");
  ASSERT_EQ(at_commune.size(), 1u);
  EXPECT_EQ(at_commune[0].level, Level::kCommune);
  ASSERT_NE(at_commune[0].desk, nullptr);
  EXPECT_EQ(at_commune[0].desk->id, "nam-dinh");
  // A commune without a desk on file: no desk, so the page falls back to the committee and the hotline.
  EXPECT_EQ(WhereToGo(birth, desks, "37", "13684")[0].desk, nullptr);

  Procedure record;
  record.levels = {Level::kProvince};
  record.agency_code = "000.00.02.H40";
  EXPECT_EQ(WhereToGo(record, desks, "37", "13669")[0].desk->id, "so-tu-phap");
  record.agency_code = "000.00.09.H40";
  EXPECT_EQ(WhereToGo(record, desks, "37", "13669")[0].desk->id, "ninh-binh");
  // Another province: neither our department nor our centre.
  EXPECT_EQ(WhereToGo(record, desks, "01", "00004")[0].desk, nullptr);

  Procedure both;
  both.levels = {Level::kProvince, Level::kDistrict};
  const auto two = WhereToGo(both, desks, "37", "13669");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].level, Level::kProvince);
  EXPECT_EQ(two[1].level, Level::kCommune);
  EXPECT_TRUE(WhereToGo(Procedure{}, desks, "37", "13669").empty());
}

}  // namespace
}  // namespace motcua::domain
