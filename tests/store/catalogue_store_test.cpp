//! The catalogue store on every engine: migrations, round trips, versions, all-or-nothing imports.
#include <gtest/gtest.h>

#include "domain/reference_import.hpp"
#include "store/catalogue_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::OpenTestDatabase;

const std::string kHeader =
    "procedure_code,procedure_name,field,level,ministry,implementing_agency,procedure_type,decision_no,channels,"
    "processing_time,processing_time_value,processing_time_unit,processing_time_by_channel,fee,fee_vnd,fee_note,"
    "source_url\n";

std::string Row(std::string_view code, std::string_view name, std::string_view field = "Hộ tịch") {
  return fmt::format(
      "{},\"{}\",{},\"Cấp tỉnh, Cấp xã\",Bộ Tư pháp,UBND cấp xã,Loại khác,123/QĐ-BTP,Trực tuyến;Trực tiếp,"
      "5 Ngày làm việc,5,Ngày làm việc,Trực tuyến: 5 Ngày làm việc | Trực tiếp: 3 Ngày làm việc,Miễn phí,0,,"
      "https://dichvucong.gov.vn/x\n",
      code, name, field);
}

class CatalogueStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    Migrate(db());
  }
  Database& db() { return test_->db(); }
  int64_t Count(std::string_view table) {
    int64_t n = -1;
    db().Read([&](Session& s) { n = s.Query(fmt::format("SELECT COUNT(*) FROM {}", table))[0].Int(0); });
    return n;
  }
  std::unique_ptr<testing_support::TestDatabase> test_;
};

TEST_F(CatalogueStoreTest, EmbeddedMigrationsApplyOnceAndRecordTheirVersion) {
  const MigrationReport again = Migrate(db());
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.from_version, EmbeddedMigrations().back().version);
  EXPECT_EQ(Count("procedures"), 0);
}

TEST_F(CatalogueStoreTest, ProceduresRoundTripWithChannelsDocumentsAndForms) {
  const auto import = domain::ReadProcedures(kHeader + Row("1.001193", "Thủ tục đăng ký khai sinh"));
  ASSERT_TRUE(import.errors.empty());
  db().Write([&](Session& s) { UpsertProcedures(s, import); });
  domain::Procedure details = import.procedures.front();
  details.purpose = "Đăng ký khai sinh cho trẻ";
  details.popularity = 42;
  details.legal_basis = {"Luật Hộ tịch 2014"};
  details.steps = {"Bước 1", "Bước 2"};
  details.documents = {{"Tờ khai", 1, 0, "to-khai", "ghi chú"}, {"Giấy chứng sinh", 1, 0, "", ""}};
  details.forms = {{"to-khai", "Tờ khai đăng ký khai sinh", "TT 04/2024", {{"Họ và tên", 1}, {"Nơi sinh", 2}}}};
  db().Write([&](Session& s) { SaveProcedureDetails(s, details); });

  const domain::Catalogue c = LoadCatalogue(db());
  const domain::Procedure* p = c.FindProcedure("1.001193");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Thủ tục đăng ký khai sinh");
  EXPECT_EQ(p->field_code, "ho-tich");
  EXPECT_TRUE(p->HasLevel(domain::Level::kProvince));
  EXPECT_TRUE(p->HasLevel(domain::Level::kCommune));
  EXPECT_EQ(p->time_value.value_or(-1), 5.0);
  EXPECT_EQ(p->time_unit, domain::TimeUnit::kWorkingDay);
  ASSERT_EQ(p->channels.size(), 2u);
  EXPECT_EQ(p->channels[0].channel, domain::Channel::kInPerson);
  EXPECT_EQ(p->channels[0].time_value.value_or(-1), 3.0);
  EXPECT_EQ(p->fee_vnd.value_or(-1), 0);
  EXPECT_EQ(p->popularity, 42);
  ASSERT_EQ(p->documents.size(), 2u);
  EXPECT_EQ(p->documents[0].form_id, "to-khai");
  EXPECT_EQ(p->documents[0].note, "ghi chú");
  ASSERT_EQ(p->forms.size(), 1u);
  ASSERT_EQ(p->forms[0].fields.size(), 2u);
  EXPECT_EQ(p->forms[0].fields[1].lines, 2);
  EXPECT_EQ(p->steps.size(), 2u);
  EXPECT_EQ(c.FindField("ho-tich")->name, "Hộ tịch");
}

TEST_F(CatalogueStoreTest, EveryChangeBumpsTheCatalogueVersion) {
  const int64_t v0 = CatalogueVersion(db());
  db().Write([&](Session& s) { UpsertProcedures(s, domain::ReadProcedures(kHeader + Row("1.000001", "A"))); });
  const int64_t v1 = CatalogueVersion(db());
  EXPECT_GT(v1, v0);
  db().Write([&](Session& s) {
    UpsertAgencies(
        s, {domain::Agency{"000.00.00.H40", "UBND tỉnh", "UBND", "", domain::Level::kProvince, "2024", "36", true}});
  });
  EXPECT_GT(CatalogueVersion(db()), v1);
  EXPECT_EQ(LoadCatalogue(db()).version(), CatalogueVersion(db()));
}

TEST_F(CatalogueStoreTest, ReimportUpdatesInPlaceAndKeepsDetails) {
  db().Write([&](Session& s) { UpsertProcedures(s, domain::ReadProcedures(kHeader + Row("1.000001", "Tên cũ"))); });
  domain::Procedure p = LoadCatalogue(db()).procedures().front();
  p.purpose = "mục đích";
  db().Write([&](Session& s) { SaveProcedureDetails(s, p); });
  UpsertCounts counts;
  db().Write([&](Session& s) {
    counts = UpsertProcedures(s, domain::ReadProcedures(kHeader + Row("1.000001", "Tên mới") + Row("1.000002", "B")));
  });
  EXPECT_EQ(counts.added, 1);
  EXPECT_EQ(counts.updated, 1);
  const domain::Catalogue c = LoadCatalogue(db());
  EXPECT_EQ(c.FindProcedure("1.000001")->name, "Tên mới");
  EXPECT_EQ(c.FindProcedure("1.000001")->purpose, "mục đích");
  EXPECT_EQ(Count("procedures"), 2);
}

TEST_F(CatalogueStoreTest, ImportsReportProgressUpToTheTotal) {
  std::string csv = kHeader;
  for (int32_t i = 1; i <= 250; ++i) {
    csv += Row(fmt::format("1.{:06}", i), fmt::format("Thủ tục {}", i));
  }
  const auto import = domain::ReadProcedures(csv);
  ASSERT_TRUE(import.errors.empty());
  std::vector<std::pair<int64_t, int64_t>> calls;
  db().Write([&](Session& s) { UpsertProcedures(s, import, [&](int64_t d, int64_t t) { calls.emplace_back(d, t); }); });
  ASSERT_EQ(calls.size(), 3u);  // every 100 rows, and the end
  EXPECT_EQ(calls.front(), (std::pair<int64_t, int64_t>{100, 250}));
  EXPECT_EQ(calls.back(), (std::pair<int64_t, int64_t>{250, 250}));
}

TEST_F(CatalogueStoreTest, AFailedImportWritesNothing) {
  const auto import = domain::ReadProcedures(kHeader + Row("1.000001", "A") + Row("1.000002", "B"));
  EXPECT_THROW(db().Write([&](Session& s) {
    UpsertProcedures(s, import);
    // A failure after the rows were written (disk full, a constraint) must leave no half-imported table.
    s.Exec("INSERT INTO fields (code, name) VALUES (?, ?)", {std::string("ho-tich"), std::string("trùng mã")});
  }),
               DatabaseError);
  EXPECT_EQ(Count("procedures"), 0);
  EXPECT_EQ(Count("procedure_channels"), 0);
  EXPECT_EQ(Count("fields"), 0);
}

TEST_F(CatalogueStoreTest, AdminUnitsOfBothErasListByParent) {
  const auto old_units = domain::ReadAdminUnits(
      "province_code,province_name,district_code,district_name,ward_code,ward_name,level,unit_type,short_name,name_en\n"
      "36,Tỉnh Nam Định,,,,,province,Tỉnh,Nam Định,Nam Dinh\n"
      "36,Tỉnh Nam Định,359,Huyện Vụ Bản,,,district,Huyện,Vụ Bản,Vu Ban\n"
      "36,Tỉnh Nam Định,359,Huyện Vụ Bản,13741,Thị trấn Gôi,ward,Thị trấn,Gôi,Goi\n");
  const auto new_units = domain::ReadAdminUnits(
      "province_code,province_name,ward_code,ward_name,level,unit_type,short_name,name_en\n"
      "37,Tỉnh Ninh Bình,,,province,Tỉnh,Ninh Bình,Ninh Binh\n"
      "37,Tỉnh Ninh Bình,13744,Xã Vụ Bản,ward,Xã,Vụ Bản,Vu Ban\n");
  ASSERT_TRUE(old_units.errors.empty());
  ASSERT_TRUE(new_units.errors.empty());
  db().Write([&](Session& s) {
    UpsertAdminUnits(s, old_units.units);
    UpsertAdminUnits(s, new_units.units);
  });
  const auto provinces2024 = ListAdminUnits(db(), "2024", "");
  ASSERT_EQ(provinces2024.size(), 1u);
  EXPECT_EQ(provinces2024[0].name, "Tỉnh Nam Định");
  EXPECT_EQ(provinces2024[0].valid_to, "2025-06-30");
  const auto districts = ListAdminUnits(db(), "2024", "36");
  ASSERT_EQ(districts.size(), 1u);
  EXPECT_EQ(districts[0].name, "Huyện Vụ Bản");
  EXPECT_EQ(ListAdminUnits(db(), "2024", "359").front().name, "Thị trấn Gôi");
  const auto communes2025 = ListAdminUnits(db(), "2025", "37");
  ASSERT_EQ(communes2025.size(), 1u);
  EXPECT_EQ(communes2025[0].valid_from, "2025-07-01");
  EXPECT_TRUE(FindAdminUnit(db(), "2025", "13744").has_value());
  EXPECT_FALSE(FindAdminUnit(db(), "2024", "13744").has_value());
}

TEST_F(CatalogueStoreTest, AgencyTreeAndHealthCheck) {
  db().Write([&](Session& s) {
    UpsertAgencies(
        s, {{"000.00.00.H40", "UBND tỉnh Nam Định", "UBND tỉnh", "", domain::Level::kProvince, "2024", "36", true},
            {"000.00.31.H40", "UBND Huyện Vụ Bản", "UBND Vụ Bản", "000.00.00.H40", domain::Level::kDistrict, "2024",
             "359", true}});
  });
  const domain::Catalogue c = LoadCatalogue(db());
  ASSERT_NE(c.FindAgency("000.00.31.H40"), nullptr);
  EXPECT_EQ(c.FindAgency("000.00.31.H40")->parent_code, "000.00.00.H40");
  EXPECT_EQ(c.FindAgency("000.00.31.H40")->level, domain::Level::kDistrict);
  EXPECT_NO_THROW(CheckHealth(db()));
  db().Close();
  EXPECT_THROW(CheckHealth(db()), DatabaseError);
}

TEST_F(CatalogueStoreTest, DesksRoundTripAndAnImportReplacesTheList) {
  const domain::DeskImport first = domain::ReadDesks(
      "id,kind,province_code,commune_code,agency_code,name,address,hours,phone,latitude,longitude,source\n"
      "centre,province-centre,37,,000.00.01.H40,Trung tâm,\"Số 1, Nam Định\",7:30–17:00,0228 1,20.4338,106.1772,demo\n"
      "nam-dinh,commune,37,13669,,\"Bộ phận một cửa, UBND phường Nam Định\",Số 2,7:30–17:00,0228 2,,,published\n");
  ASSERT_TRUE(first.errors.empty());
  const int64_t version = CatalogueVersion(db());
  UpsertCounts counts;
  db().Write([&](Session& s) { counts = ReplaceDesks(s, first.desks); });
  EXPECT_EQ(counts.added, 2);
  EXPECT_GT(CatalogueVersion(db()), version);
  const std::vector<domain::Desk> stored = ListDesks(db());
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].id, "centre");
  EXPECT_EQ(stored[0].kind, domain::DeskKind::kProvinceCentre);
  EXPECT_EQ(stored[0].address, "Số 1, Nam Định");
  EXPECT_EQ(stored[0].agency_code, "000.00.01.H40");
  ASSERT_TRUE(stored[0].latitude.has_value());
  EXPECT_DOUBLE_EQ(*stored[0].latitude, 20.4338);
  EXPECT_TRUE(stored[0].demo_values);
  EXPECT_EQ(stored[1].commune_code, "13669");
  EXPECT_FALSE(stored[1].longitude.has_value());
  EXPECT_FALSE(stored[1].demo_values);
  // A second import is the whole list: the centre it leaves out is gone.
  db().Write([&](Session& s) { counts = ReplaceDesks(s, {stored[1]}); });
  EXPECT_EQ(counts.updated, 1);
  EXPECT_EQ(counts.added, 0);
  ASSERT_EQ(ListDesks(db()).size(), 1u);
  EXPECT_EQ(ListDesks(db())[0].id, "nam-dinh");
}

}  // namespace
}  // namespace motcua::store
