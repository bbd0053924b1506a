#pragma once
//! What the back-office suites share: a fresh database of the engine under test with two districts under a
//! province, a procedure handled by the districts (5 working days at the counter, 4 online), a published form and a
//! published workflow (specialist → section head → clerk), officers holding every role at district 1, and a citizen
//! who files online. The clock starts on Monday 2 November 2026 at 08:00 in Vietnam.

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "domain/workflow.hpp"
#include "service/back_office.hpp"
#include "service/catalogue.hpp"
#include "service/dossiers.hpp"
#include "service/file_store.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"
#include "store/account_store.hpp"
#include "store/migrations.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::service::office_testing {

inline constexpr const char* kProvince = "000.00.00.H40";
inline constexpr const char* kDistrict1 = "000.00.01.H40";
inline constexpr const char* kDistrict2 = "000.00.02.H40";
inline constexpr const char* kProcedure = "1.000002";     // district level: 4 working days online, 5 at the counter
inline constexpr const char* kFeeProcedure = "1.000003";  // district level, 50 000 đ fee, 3 working days
inline constexpr const char* kCitizenPhone = "0912345678";
//! Monday 2 November 2026, 08:00 in Vietnam (01:00 UTC).
inline constexpr int64_t kMondayEight = int64_t{1793581200} * 1000000;
//! Microseconds in a minute and an hour.
inline constexpr int64_t kMinute = int64_t{60} * 1000000;
inline constexpr int64_t kHour = 60 * kMinute;
inline constexpr int64_t kDay = 24 * kHour;

inline constexpr const char* kForm = R"({"version": 1, "pages": [
  {"id": "nguoi-nop", "title": "Người nộp", "fields": [
    {"id": "nguoi_nop_ho_ten", "label": "Họ và tên", "type": "text", "required": true},
    {"id": "nguoi_nop_so_dinh_danh", "label": "Số định danh", "type": "id_number", "required": true},
    {"id": "nguoi_nop_dien_thoai", "label": "Điện thoại", "type": "phone", "required": true},
    {"id": "nguoi_nop_email", "label": "Email", "type": "email"}]},
  {"id": "noi-dung", "title": "Nội dung", "fields": [
    {"id": "noi_dung", "label": "Nội dung đề nghị", "type": "textarea", "required": true}]}],
  "documents": [{"id": "don", "name": "Đơn đề nghị", "original_or_copy": "original", "required": true,
                 "types": ["pdf", "png"], "max_bytes": 1000000}]})";

//! A small real PDF.
inline constexpr std::string_view kPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";

//! The workflow the suites publish for both procedures.
inline domain::Workflow TestWorkflow(const std::string& key) {
  using A = domain::OfficeAction;
  domain::Workflow wf;
  wf.key = key;
  wf.name = "Quy trình thử";
  wf.steps.push_back(domain::WorkflowStep{"chuyen_vien",
                                          "Chuyên viên thụ lý",
                                          domain::Role::kSpecialist,
                                          60,
                                          {A::kAssign, A::kRequestSupplement, A::kForward, A::kReject, A::kStop,
                                           A::kTransfer, A::kRequestPayment, A::kConfirmPayment, A::kApologise},
                                          {"lanh_dao"},
                                          false,
                                          ""});
  wf.steps.push_back(domain::WorkflowStep{"lanh_dao",
                                          "Lãnh đạo phòng",
                                          domain::Role::kSectionHead,
                                          20,
                                          {A::kApprove, A::kSendBack, A::kReject, A::kApologise},
                                          {"van_thu"},
                                          false,
                                          ""});
  wf.steps.push_back(domain::WorkflowStep{
      "van_thu", "Văn thư", domain::Role::kClerk, 20, {A::kRecordResult, A::kApprove, A::kApologise}, {}, true, ""});
  return wf;
}

//! A fresh database with the services of the back office over it.
class BackOfficeTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = store::testing_support::OpenTestDatabase();
    store::Migrate(db());
    Sql("INSERT INTO agencies (code, name, short_name, parent_code, level, has_one_stop) VALUES "
        "(?, 'UBND tỉnh', 'Tỉnh', NULL, 'province', 1), (?, 'UBND huyện 1', 'Huyện 1', ?, 'district', 1), "
        "(?, 'UBND huyện 2', 'Huyện 2', ?, 'district', 1)",
        {kProvince, kDistrict1, kProvince, kDistrict2, kProvince});
    Sql("INSERT INTO fields (code, name) VALUES ('ho-tich', 'Hộ tịch')");
    Sql("INSERT INTO procedures (code, name, field_code, levels, online_level, time_value, time_unit, fee_vnd, "
        "updated_at) VALUES (?, 'Thủ tục huyện', 'ho-tich', 'district', 'full', 5, 'working_day', 0, 0), "
        "(?, 'Thủ tục có phí', 'ho-tich', 'district', 'full', 3, 'working_day', 50000, 0)",
        {kProcedure, kFeeProcedure});
    Sql("INSERT INTO procedure_channels (procedure_code, channel, time_text, time_value, time_unit) VALUES "
        "(?, 2, '4 ngày làm việc', 4, 'working_day')",
        {kProcedure});
    clock_.Set(domain::Instant{kMondayEight});
    data_dir_ =
        (std::filesystem::path(testing::TempDir()) / store::testing_support::UniqueName("office_files")).string();
    catalogue_ = std::make_unique<CatalogueHolder>(db(), 3600 * 1000);
    forms_ = std::make_unique<FormLibrary>(db(), clock_, *catalogue_);
    files_ = std::make_unique<FileStore>(data_dir_);
    dossiers_ = std::make_unique<Dossiers>(db(), clock_, *catalogue_, *forms_, *files_, "https://dvc.example.vn/");
    calendars_ = std::make_unique<WorkCalendars>(db(), clock_, *catalogue_);
    workflows_ = std::make_unique<Workflows>(db(), clock_, *catalogue_);
    office_ = std::make_unique<BackOffice>(db(), clock_, *catalogue_, *dossiers_, *forms_, *files_, *calendars_,
                                           *workflows_, "https://dvc.example.vn/");
    admin_ = AddOfficer("quantri", {{domain::Role::kSystemAdmin, kProvince, {}}});
    for (const char* procedure : {kProcedure, kFeeProcedure}) {
      const domain::Result<int32_t> form = forms_->Publish(ActorOf(admin_), procedure, kForm);
      ASSERT_TRUE(form.ok()) << form.error().message;
      const domain::Result<int32_t> wf =
          workflows_->Publish(ActorOf(admin_), procedure, domain::ToJson(TestWorkflow(procedure)));
      ASSERT_TRUE(wf.ok()) << wf.error().message;
    }
    desk_ = AddOfficer("motcua", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
    specialist_ = AddOfficer("chuyenvien", {{domain::Role::kSpecialist, kDistrict1, {}}});
    specialist_b_ = AddOfficer("chuyenvien2", {{domain::Role::kSpecialist, kDistrict1, {}}});
    head_ = AddOfficer("truongphong", {{domain::Role::kSectionHead, kDistrict1, {}}});
    clerk_ = AddOfficer("vanthu", {{domain::Role::kClerk, kDistrict1, {}}});
    chair_ = AddOfficer("chutich", {{domain::Role::kAgencyHead, kDistrict1, {}}});
    other_desk_ = AddOfficer("motcua2", {{domain::Role::kDeskOfficer, kDistrict2, {}}});
    citizen_ = AddCitizen("036099001234", kCitizenPhone);
  }

  void TearDown() override {
    office_.reset();
    workflows_.reset();
    calendars_.reset();
    dossiers_.reset();
    files_.reset();
    forms_.reset();
    catalogue_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
    test_.reset();
  }

  store::Database& db() { return test_->db(); }

  void Sql(std::string_view sql, const store::Params& params = {}) {
    db().Write([&](store::Session& s) { s.Exec(sql, params); });
  }

  int64_t Number(std::string_view sql, const store::Params& params = {}) {
    int64_t n = -1;
    db().Read([&](store::Session& s) { n = s.Query(sql, params)[0].Int(0); });
    return n;
  }

  int64_t AddAccount(const store::NewAccount& a, const std::vector<domain::Grant>& grants) {
    int64_t id = 0;
    db().Write([&](store::Session& s) {
      id = store::InsertAccount(s, a, clock_.Now());
      for (const domain::Grant& g : grants) {
        store::AddGrant(s, id, g, std::nullopt, clock_.Now());
      }
    });
    return id;
  }

  int64_t AddOfficer(const std::string& login, const std::vector<domain::Grant>& grants) {
    store::NewAccount a;
    a.login_name = login;
    a.full_name = "Cán bộ " + login;
    a.phone = fmt::format("09{:08}", ++phones_);
    a.password_hash = "$argon2id$stub";
    return AddAccount(a, grants);
  }

  int64_t AddCitizen(const std::string& personal_id, const std::string& phone) {
    store::NewAccount a;
    a.personal_id = personal_id;
    a.phone = phone;
    a.full_name = "Nguyễn Văn An";
    a.password_hash = "$argon2id$stub";
    return AddAccount(a, {});
  }

  Actor ActorOf(int64_t id) {
    std::optional<domain::Account> a;
    db().Read([&](store::Session& s) { a = store::FindAccount(s, id); });
    return Actor{a ? a->AsPrincipal() : domain::Principal{}, "203.0.113.7", "test", "req-1", "", ""};
  }

  std::string Upload(std::string_view bytes) {
    std::filesystem::create_directories(data_dir_);
    std::string path = fmt::format("{}/upload{}", data_dir_, ++uploads_);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  //! A dossier of `procedure` filed online by the citizen; returns its code.
  std::string FileOnline(const char* procedure = kProcedure) {
    StartDossier in;
    in.procedure_code = procedure;
    in.agency_code = kDistrict1;
    const domain::Result<Dossier> d = dossiers_->Start(ActorOf(citizen_), in);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
    EXPECT_TRUE(dossiers_
                    ->SaveAnswers(ActorOf(citizen_), d->id,
                                  boost::json::parse(R"({"noi_dung": "Xin cấp bản sao"})").as_object())
                    .ok());
    EXPECT_TRUE(dossiers_->AttachFile(ActorOf(citizen_), d->id, "don", Upload(kPdf), "don.pdf").ok());
    const domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d->id);
    EXPECT_TRUE(filed.ok()) << (filed.ok() ? "" : filed.error().message);
    return filed.ok() ? filed->code : "";
  }

  //! The dossier as `who` sees it now (journaled view).
  OfficeDossier See(int64_t who, const std::string& code) {
    domain::Result<OfficeDossier> d = office_->Get(ActorOf(who), code);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
    return d.ok() ? std::move(*d) : OfficeDossier{};
  }

  //! Performs `action` as `who` at the dossier's current version.
  domain::Result<OfficeDossier> Do(int64_t who, const std::string& code, domain::OfficeAction action,
                                   ActionInput input = {}) {
    input.action = action;
    input.version = See(who, code).dossier.version;
    return office_->Act(ActorOf(who), code, input);
  }

  //! Same, expecting success.
  OfficeDossier Done(int64_t who, const std::string& code, domain::OfficeAction action, ActionInput input = {}) {
    domain::Result<OfficeDossier> d = Do(who, code, action, std::move(input));
    EXPECT_TRUE(d.ok()) << domain::ActionCode(action) << ": "
                        << (d.ok() ? ""
                                   : d.error().message +
                                         (d.error().fields.empty()
                                              ? ""
                                              : " " + d.error().fields[0].field + " " + d.error().fields[0].message));
    return d.ok() ? std::move(*d) : OfficeDossier{};
  }

  //! Every message body in the outbox sent to `recipient`.
  std::vector<std::string> MessagesTo(const std::string& recipient) {
    std::vector<std::string> out;
    db().Read([&](store::Session& s) {
      const store::Rows rows = s.Query("SELECT body FROM outbox WHERE recipient = ? ORDER BY id", {recipient});
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(rows[i].Text(0));
      }
    });
    return out;
  }

  //! Moves the clock by `d`.
  void Advance(int64_t micros) { clock_.Advance(std::chrono::microseconds(micros)); }

  std::unique_ptr<store::testing_support::TestDatabase> test_;
  domain::ManualClock clock_{domain::Instant{kMondayEight}};
  std::string data_dir_;
  std::unique_ptr<CatalogueHolder> catalogue_;
  std::unique_ptr<FormLibrary> forms_;
  std::unique_ptr<FileStore> files_;
  std::unique_ptr<Dossiers> dossiers_;
  std::unique_ptr<WorkCalendars> calendars_;
  std::unique_ptr<Workflows> workflows_;
  std::unique_ptr<BackOffice> office_;
  int64_t admin_ = 0, desk_ = 0, specialist_ = 0, specialist_b_ = 0, head_ = 0, clerk_ = 0, chair_ = 0, other_desk_ = 0,
          citizen_ = 0;
  int32_t phones_ = 0;
  int32_t uploads_ = 0;
};

//! "YYYY-MM-DD HH:MM" in Vietnam of `t`.
inline std::string Local(domain::Instant t) { return domain::FormatLocal(domain::ToLocal(t)); }

}  // namespace motcua::service::office_testing
