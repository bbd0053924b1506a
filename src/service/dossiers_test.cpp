//! The dossier operations end to end on a real store: start with the applicant prefilled, save and merge, attach
//! real PDF and PNG files, file with a code and a message, double submit, withdraw, the account-free lookup and its
//! throttle, guidance at the desk, form version pinning, and who may see what.
#include "service/dossiers.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <set>
#include <string>

#include "service/service_test_fixture.hpp"

namespace motcua::service {
namespace {

using domain::DossierStatus;
using domain::ErrorKind;
using testing_support::kDistrict1;
using testing_support::kDistrict2;
using testing_support::kFieldCode;
using testing_support::kProvince;

constexpr const char* kProcedure = "1.000001";     // handled by the province only, 5 working days online
constexpr const char* kTwoAgencies = "1.000002";   // handled by both districts
constexpr const char* kCitizenId = "036099001234";
constexpr const char* kCitizenPhone = "0912345678";

//! The form the tests publish: the applicant, one question, one required document.
constexpr const char* kForm = R"({"version": 1, "pages": [
  {"id": "nguoi-nop", "title": "Người nộp", "fields": [
    {"id": "nguoi_nop_ho_ten", "label": "Họ và tên", "type": "text", "required": true},
    {"id": "nguoi_nop_so_dinh_danh", "label": "Số định danh", "type": "id_number", "required": true},
    {"id": "nguoi_nop_dien_thoai", "label": "Điện thoại", "type": "phone", "required": true},
    {"id": "nguoi_nop_email", "label": "Email", "type": "email"}]},
  {"id": "noi-dung", "title": "Nội dung", "fields": [
    {"id": "noi_dung", "label": "Nội dung đề nghị", "type": "textarea", "required": true}]}],
  "documents": [{"id": "don", "name": "Đơn đề nghị", "original_or_copy": "original", "required": true,
                 "types": ["pdf", "png"], "max_bytes": 1000000}]})";

//! Version 2 adds a required question a version-1 draft never answered.
constexpr const char* kFormV2 = R"({"version": 2, "pages": [
  {"id": "nguoi-nop", "title": "Người nộp", "fields": [
    {"id": "nguoi_nop_ho_ten", "label": "Họ và tên", "type": "text", "required": true},
    {"id": "nguoi_nop_so_dinh_danh", "label": "Số định danh", "type": "id_number", "required": true},
    {"id": "nguoi_nop_dien_thoai", "label": "Điện thoại", "type": "phone", "required": true},
    {"id": "nguoi_nop_email", "label": "Email", "type": "email"}]},
  {"id": "noi-dung", "title": "Nội dung", "fields": [
    {"id": "noi_dung", "label": "Nội dung đề nghị", "type": "textarea", "required": true},
    {"id": "ly_do_moi", "label": "Lý do", "type": "text", "required": true}]}],
  "documents": [{"id": "don", "name": "Đơn đề nghị", "original_or_copy": "original", "required": true,
                 "types": ["pdf", "png"], "max_bytes": 1000000}]})";

//! A small real PDF and a 1×1 PNG.
constexpr std::string_view kPdf =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    "trailer<</Root 1 0 R>>\n%%EOF\n";
constexpr std::string_view kPngHex =
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63f8cfc0000003010100c9fe"
    "92ef0000000049454e44ae426082";

class DossiersTest : public testing_support::ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    Sql("INSERT INTO fields (code, name) VALUES (?, 'Hộ tịch')", {kFieldCode});
    Sql("INSERT INTO procedures (code, name, field_code, levels, online_level, time_value, time_unit, agency_code, "
        "updated_at) VALUES (?, 'Thủ tục tỉnh', ?, 'province', 'full', 10, 'working_day', ?, '2026-01-01'), "
        "(?, 'Thủ tục huyện', ?, 'district', 'full', NULL, 'unspecified', NULL, '2026-01-01')",
        {kProcedure, kFieldCode, kProvince, kTwoAgencies, kFieldCode});
    Sql("INSERT INTO procedure_channels (procedure_code, channel, time_text, time_value, time_unit) VALUES "
        "(?, 2, '5 ngày làm việc', 5, 'working_day')",
        {kProcedure});
    data_dir_ = path_ + ".files";
    catalogue_ = std::make_unique<CatalogueHolder>(*db_, 3600 * 1000);
    forms_ = std::make_unique<FormLibrary>(*db_, clock_, *catalogue_);
    files_ = std::make_unique<FileStore>(data_dir_);
    dossiers_ = std::make_unique<Dossiers>(*db_, clock_, *catalogue_, *forms_, *files_, "https://dvc.example.vn/");
    admin_ = AddOfficer("quantri", {{domain::Role::kSystemAdmin, kProvince, {}}});
    ASSERT_TRUE(forms_->Publish(ActorOf(admin_), kProcedure, kForm).ok());
    citizen_ = AddCitizen(kCitizenId, kCitizenPhone);
  }

  void TearDown() override {
    dossiers_.reset();
    files_.reset();
    forms_.reset();
    catalogue_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(data_dir_, ignored);
    ServiceTest::TearDown();
  }

  //! A spooled upload holding `bytes`.
  std::string Upload(std::string_view bytes) {
    static int32_t n = 0;
    const std::string path = fmt::format("{}.upload{}", path_, n++);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static std::string Png() {
    std::string out;
    for (size_t i = 0; i + 1 < kPngHex.size(); i += 2) {
      out.push_back(static_cast<char>(std::stoi(std::string(kPngHex.substr(i, 2)), nullptr, 16)));
    }
    return out;
  }

  Dossier StartDraft(int64_t who) {
    StartDossier in;
    in.procedure_code = kProcedure;
    domain::Result<Dossier> d = dossiers_->Start(ActorOf(who), in);
    EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
    return d.value();
  }

  //! A draft with every answer and the document: ready to file.
  Dossier ReadyDraft(int64_t who) {
    const Dossier d = StartDraft(who);
    EXPECT_TRUE(dossiers_->SaveAnswers(ActorOf(who), d.id, Answers(R"({"noi_dung": "Xin cấp bản sao"})")).ok());
    domain::Result<Dossier> attached = dossiers_->AttachFile(ActorOf(who), d.id, "don", Upload(kPdf), "đơn.pdf");
    EXPECT_TRUE(attached.ok()) << (attached.ok() ? "" : attached.error().message);
    return attached.ok() ? attached.value() : d;
  }

  static boost::json::object Answers(const char* json) { return boost::json::parse(json).as_object(); }

  std::string data_dir_;
  std::unique_ptr<CatalogueHolder> catalogue_;
  std::unique_ptr<FormLibrary> forms_;
  std::unique_ptr<FileStore> files_;
  std::unique_ptr<Dossiers> dossiers_;
  int64_t admin_ = 0;
  int64_t citizen_ = 0;
};

TEST_F(DossiersTest, StartPrefillsTheApplicantAndPinsTheCurrentForm) {
  const Dossier d = StartDraft(citizen_);
  EXPECT_EQ(d.status, DossierStatus::kDraft);
  EXPECT_EQ(d.agency_code, kProvince);
  EXPECT_EQ(d.form_version, 1);
  EXPECT_EQ(d.code, "");
  EXPECT_EQ(d.answers.at("nguoi_nop_so_dinh_danh").as_string(), kCitizenId);
  EXPECT_EQ(d.answers.at("nguoi_nop_dien_thoai").as_string(), kCitizenPhone);
  EXPECT_EQ(d.answers.at("nguoi_nop_ho_ten").as_string(), "Nguyễn Văn 34");
  EXPECT_EQ(d.applicant_name, "Nguyễn Văn 34");
  ASSERT_EQ(d.timeline.size(), 1U);
  EXPECT_EQ(d.timeline[0].event, domain::DossierEvent::kCreated);
  EXPECT_EQ(JournalRows().back().action, "dossier.start");
}

TEST_F(DossiersTest, StartRefusesUnknownProceduresAgenciesAndAmbiguity) {
  StartDossier in;
  in.procedure_code = "9.999999";
  EXPECT_EQ(dossiers_->Start(ActorOf(citizen_), in).kind(), ErrorKind::kInvalid);
  in.procedure_code = kTwoAgencies;
  domain::Result<Dossier> ambiguous = dossiers_->Start(ActorOf(citizen_), in);
  ASSERT_FALSE(ambiguous.ok());
  EXPECT_EQ(ambiguous.error().fields.at(0).field, "agency");
  in.agency_code = kProvince;
  EXPECT_EQ(dossiers_->Start(ActorOf(citizen_), in).kind(), ErrorKind::kInvalid);
  in.agency_code = kDistrict2;
  domain::Result<Dossier> chosen = dossiers_->Start(ActorOf(citizen_), in);
  ASSERT_TRUE(chosen.ok());
  EXPECT_EQ(chosen->agency_code, kDistrict2);
  // The procedure without a published form got the generic one, kept as its version 1.
  EXPECT_EQ(chosen->form_version, 1);
  EXPECT_EQ(forms_->Versions(kTwoAgencies).size(), 1U);
  // An officer without a personal ID number is not a citizen.
  const int64_t officer = AddOfficer("canbo", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  EXPECT_EQ(dossiers_->Start(ActorOf(officer), in).kind(), ErrorKind::kForbidden);
}

TEST_F(DossiersTest, StartWithAnIdempotencyKeyMakesOneDraft) {
  StartDossier in;
  in.procedure_code = kProcedure;
  domain::Result<Dossier> first = dossiers_->Start(ActorOf(citizen_), in, "key-1");
  domain::Result<Dossier> again = dossiers_->Start(ActorOf(citizen_), in, "key-1");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->id, again->id);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM dossiers"), 1);
}

TEST_F(DossiersTest, SaveMergesAnswersAndRefusesUnknownQuestionsAndStaleVersions) {
  const Dossier d = StartDraft(citizen_);
  domain::Result<Dossier> saved =
      dossiers_->SaveAnswers(ActorOf(citizen_), d.id, Answers(R"({"noi_dung": "Lần một"})"), d.version);
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(saved->answers.at("noi_dung").as_string(), "Lần một");
  EXPECT_EQ(saved->answers.at("nguoi_nop_so_dinh_danh").as_string(), kCitizenId);
  EXPECT_GT(saved->version, d.version);
  EXPECT_EQ(dossiers_->SaveAnswers(ActorOf(citizen_), d.id, Answers(R"({"noi_dung": "cũ"})"), d.version).kind(),
            ErrorKind::kConflict);
  EXPECT_EQ(dossiers_->SaveAnswers(ActorOf(citizen_), d.id, Answers(R"({"khong_co": "x"})")).kind(),
            ErrorKind::kInvalid);
  domain::Result<Dossier> now = dossiers_->Get(ActorOf(citizen_), d.id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->answers.at("noi_dung").as_string(), "Lần một");
}

TEST_F(DossiersTest, AttachAndRemoveRealFiles) {
  const Dossier d = StartDraft(citizen_);
  domain::Result<Dossier> pdf = dossiers_->AttachFile(ActorOf(citizen_), d.id, "don", Upload(kPdf), "đơn.pdf");
  ASSERT_TRUE(pdf.ok()) << pdf.error().message;
  domain::Result<Dossier> png = dossiers_->AttachFile(ActorOf(citizen_), d.id, "don", Upload(Png()), "ảnh.png");
  ASSERT_TRUE(png.ok()) << png.error().message;
  ASSERT_EQ(png->files.size(), 2U);
  EXPECT_EQ(png->files[0].file.media_type, "application/pdf");
  EXPECT_EQ(png->files[1].file.kind, "png");
  EXPECT_EQ(png->files[0].document_id, "don");
  domain::Result<FileDownload> download = dossiers_->File(ActorOf(citizen_), d.id, png->files[0].id);
  ASSERT_TRUE(download.ok());
  EXPECT_TRUE(std::filesystem::exists(download->path));
  EXPECT_EQ(download->original_name, "đơn.pdf");
  // An unknown document, and a file of a type the document does not take, are refused.
  EXPECT_EQ(dossiers_->AttachFile(ActorOf(citizen_), d.id, "khong_co", Upload(kPdf), "x.pdf").kind(),
            ErrorKind::kInvalid);
  EXPECT_EQ(dossiers_->AttachFile(ActorOf(citizen_), d.id, "don", Upload("MZ\x90\x00 not a pdf"), "x.pdf").kind(),
            ErrorKind::kInvalid);
  domain::Result<Dossier> removed = dossiers_->RemoveFile(ActorOf(citizen_), d.id, png->files[1].id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(removed->files.size(), 1U);
  EXPECT_EQ(dossiers_->RemoveFile(ActorOf(citizen_), d.id, png->files[1].id).kind(), ErrorKind::kNotFound);
}

TEST_F(DossiersTest, SubmitNamesEveryMissingAnswerAndDocument) {
  const Dossier d = StartDraft(citizen_);
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_FALSE(filed.ok());
  EXPECT_EQ(filed.kind(), ErrorKind::kInvalid);
  std::set<std::string> fields;
  for (const domain::FieldError& e : filed.error().fields) {
    fields.insert(e.field);
  }
  EXPECT_EQ(fields.count("noi_dung"), 1U);
  EXPECT_EQ(fields.count("tai_lieu.don"), 1U);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM dossiers WHERE code IS NOT NULL"), 0);
  EXPECT_TRUE(Queued().empty());
}

TEST_F(DossiersTest, SubmitIssuesTheCodeSendsTheMessageJournalsAndRecordsTheEvent) {
  const Dossier d = ReadyDraft(citizen_);
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_TRUE(filed.ok()) << filed.error().message;
  // 2026-11-01 00:00 UTC is 07:00 in Vietnam on Sunday 1 November 2026.
  EXPECT_EQ(filed->code, "000.00.00.H40-261101-0001");
  EXPECT_TRUE(std::regex_match(filed->lookup_secret, std::regex("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}")));
  EXPECT_EQ(filed->status, DossierStatus::kSubmitted);
  // Five working days from Sunday: Friday 6 November.
  ASSERT_TRUE(filed->expected_on.has_value());
  EXPECT_EQ(domain::CivilDateText(*filed->expected_on), "2026-11-06");
  const std::vector<testing_support::QueuedMessage> queued = Queued();
  ASSERT_EQ(queued.size(), 1U);
  EXPECT_EQ(queued[0].recipient, kCitizenPhone);
  EXPECT_NE(queued[0].body.find(filed->code), std::string::npos);
  EXPECT_NE(queued[0].body.find("https://dvc.example.vn/tra-cuu?ma=" + filed->code), std::string::npos);
  EXPECT_EQ(JournalRows().back().action, "dossier.submit");
  domain::Result<Dossier> now = dossiers_->Get(ActorOf(citizen_), d.id);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->timeline.back().event, domain::DossierEvent::kSubmitted);
  EXPECT_EQ(now->code, filed->code);
  // The next dossier of the agency that day takes the next number.
  const Dossier second = ReadyDraft(citizen_);
  domain::Result<Filed> next = dossiers_->Submit(ActorOf(citizen_), second.id);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->code, "000.00.00.H40-261101-0002");
}

TEST_F(DossiersTest, DoubleSubmitAndARepeatedKeyFileOneDossier) {
  const Dossier d = ReadyDraft(citizen_);
  domain::Result<Filed> first = dossiers_->Submit(ActorOf(citizen_), d.id, "submit-1");
  domain::Result<Filed> again = dossiers_->Submit(ActorOf(citizen_), d.id);
  domain::Result<Filed> keyed = dossiers_->Submit(ActorOf(citizen_), d.id + 999, "submit-1");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(keyed.ok());
  EXPECT_EQ(again->code, first->code);
  EXPECT_EQ(again->lookup_secret, first->lookup_secret);
  EXPECT_EQ(keyed->code, first->code);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM dossiers WHERE code IS NOT NULL"), 1);
  EXPECT_EQ(Queued().size(), 1U);
}

TEST_F(DossiersTest, WithdrawAsksAReasonAndIsImmediateBeforeReceptionARequestAfter) {
  const Dossier d = ReadyDraft(citizen_);
  ASSERT_TRUE(dossiers_->Submit(ActorOf(citizen_), d.id).ok());
  domain::Result<Dossier> no_reason = dossiers_->Withdraw(ActorOf(citizen_), d.id, "  ");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields.at(0).field, "ly_do");
  domain::Result<Dossier> withdrawn = dossiers_->Withdraw(ActorOf(citizen_), d.id, "Nộp nhầm thủ tục");
  ASSERT_TRUE(withdrawn.ok());
  EXPECT_EQ(withdrawn->status, DossierStatus::kWithdrawn);
  EXPECT_EQ(withdrawn->timeline.back().event, domain::DossierEvent::kWithdrawn);
  EXPECT_EQ(withdrawn->timeline.back().note, "Nộp nhầm thủ tục");
  EXPECT_EQ(dossiers_->Withdraw(ActorOf(citizen_), d.id, "lần nữa").kind(), ErrorKind::kConflict);

  const Dossier received = ReadyDraft(citizen_);
  ASSERT_TRUE(dossiers_->Submit(ActorOf(citizen_), received.id).ok());
  Sql("UPDATE dossiers SET status = 'accepted' WHERE id = ?", {received.id});
  domain::Result<Dossier> requested = dossiers_->Withdraw(ActorOf(citizen_), received.id, "Không cần nữa");
  ASSERT_TRUE(requested.ok());
  EXPECT_EQ(requested->status, DossierStatus::kAccepted);
  EXPECT_EQ(requested->timeline.back().event, domain::DossierEvent::kWithdrawalRequested);
  EXPECT_EQ(dossiers_->SaveAnswers(ActorOf(citizen_), received.id, Answers(R"({"noi_dung": "x"})")).kind(),
            ErrorKind::kConflict);
}

TEST_F(DossiersTest, LookupShowsTheFirstNameOnlyAndThrottlesWrongPairs) {
  const Dossier d = ReadyDraft(citizen_);
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_TRUE(filed.ok());
  const Actor visitor{domain::Principal{}, "198.51.100.9", "test", "req-2", "", ""};
  std::string typed = filed->lookup_secret;
  std::transform(typed.begin(), typed.end(), typed.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  std::string code = filed->code;
  std::transform(code.begin(), code.end(), code.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
  domain::Result<LookupView> view = dossiers_->Lookup(visitor, " " + code + " ", typed.substr(0, 3) + " " + typed.substr(3));
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_EQ(view->code, filed->code);
  EXPECT_EQ(view->first_name, "34");
  EXPECT_EQ(view->procedure_name, "Thủ tục tỉnh");
  EXPECT_EQ(view->status, DossierStatus::kSubmitted);
  for (const TimelineEntry& e : view->timeline) {
    EXPECT_EQ(e.actor_name, "");
    EXPECT_EQ(e.note, "");
  }
  const std::string wrong = filed->lookup_secret == "222222" ? "333333" : "222222";
  int32_t not_found = 0;
  int32_t limited = 0;
  for (int32_t i = 0; i < kLookupFailuresPerHour + 5; ++i) {
    const ErrorKind kind = dossiers_->Lookup(visitor, filed->code, wrong).kind();
    not_found += kind == ErrorKind::kNotFound ? 1 : 0;
    limited += kind == ErrorKind::kRateLimited ? 1 : 0;
  }
  EXPECT_GE(not_found, kLookupFailuresPerHour);
  EXPECT_GT(limited, 0);
  // Blocked now, even with the right pair; another address is not.
  domain::Result<LookupView> blocked = dossiers_->Lookup(visitor, filed->code, filed->lookup_secret);
  EXPECT_EQ(blocked.kind(), ErrorKind::kRateLimited);
  EXPECT_GT(blocked.error().retry_after_seconds, 0);
  const Actor other{domain::Principal{}, "198.51.100.10", "test", "req-3", "", ""};
  EXPECT_TRUE(dossiers_->Lookup(other, filed->code, filed->lookup_secret).ok());
  EXPECT_EQ(dossiers_->Lookup(other, "not a code", filed->lookup_secret).kind(), ErrorKind::kNotFound);
}

TEST_F(DossiersTest, OnlyTheOwnerSeesADraftAndAgencyOfficersAFiledDossier) {
  const Dossier d = ReadyDraft(citizen_);
  const int64_t stranger = AddCitizen("036099005678", "0987654321");
  const int64_t here = AddOfficer("tinh", {{domain::Role::kSpecialist, kProvince, {}}});
  const int64_t elsewhere = AddOfficer("huyen", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  EXPECT_EQ(dossiers_->Get(ActorOf(stranger), d.id).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(dossiers_->Get(ActorOf(here), d.id).kind(), ErrorKind::kNotFound) << "a draft is the owner's";
  EXPECT_EQ(dossiers_->SaveAnswers(ActorOf(stranger), d.id, Answers(R"({"noi_dung": "x"})")).kind(),
            ErrorKind::kNotFound);
  EXPECT_EQ(dossiers_->Submit(ActorOf(stranger), d.id).kind(), ErrorKind::kNotFound);
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_TRUE(filed.ok());
  domain::Result<Dossier> seen = dossiers_->Get(ActorOf(here), d.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(JournalRows().back().action, "dossier.view");
  EXPECT_EQ(dossiers_->GetByCode(ActorOf(here), filed->code)->id, d.id);
  EXPECT_EQ(dossiers_->Get(ActorOf(elsewhere), d.id).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(dossiers_->GetByCode(ActorOf(stranger), filed->code).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(dossiers_->Withdraw(ActorOf(here), d.id, "x").kind(), ErrorKind::kNotFound);
  domain::Result<std::vector<DossierSummary>> mine = dossiers_->Mine(ActorOf(citizen_));
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 1U);
  EXPECT_EQ(mine->at(0).code, filed->code);
  EXPECT_EQ(mine->at(0).procedure_name, "Thủ tục tỉnh");
  EXPECT_TRUE(dossiers_->Mine(ActorOf(stranger))->empty());
}

TEST_F(DossiersTest, AnOrganisationsRepresentativeFilesForIt) {
  Sql("INSERT INTO organisations (tax_code, name, representative_id, created_at) VALUES ('0101234567', 'Công ty A', "
      "?, 0)",
      {citizen_});
  const int64_t org = Number("SELECT id FROM organisations");
  const int64_t stranger = AddCitizen("036099005678", "0987654321");
  StartDossier in;
  in.procedure_code = kProcedure;
  in.organisation_id = org;
  EXPECT_EQ(dossiers_->Start(ActorOf(stranger), in).kind(), ErrorKind::kInvalid);
  domain::Result<Dossier> d = dossiers_->Start(ActorOf(citizen_), in);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->organisation_id, org);
}

TEST_F(DossiersTest, ADraftFilesOnTheVersionItStartedOn) {
  const Dossier d = ReadyDraft(citizen_);
  domain::Result<int32_t> v2 = forms_->Publish(ActorOf(admin_), kProcedure, kFormV2);
  ASSERT_TRUE(v2.ok());
  EXPECT_EQ(*v2, 2);
  EXPECT_EQ(forms_->Current(kProcedure)->version, 2);
  EXPECT_EQ(dossiers_->FormOf(d)->version, 1);
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_TRUE(filed.ok()) << "the draft on version 1 never has to answer version 2's new question";
  EXPECT_EQ(StartDraft(citizen_).form_version, 2);
  // Publishing is for system administrators, and a definition must be valid.
  EXPECT_EQ(forms_->Publish(ActorOf(citizen_), kProcedure, kForm).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(forms_->Publish(ActorOf(admin_), kProcedure, R"({"pages": 3})").kind(), ErrorKind::kInvalid);
  EXPECT_EQ(JournalRows().back().action, "dossier.start");
}

TEST_F(DossiersTest, GuidanceLetsADeskOfficerFillTheDraftButNeverFileIt) {
  const Dossier d = StartDraft(citizen_);
  const int64_t desk = AddOfficer("motcua", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  const int64_t other_desk = AddOfficer("motcua2", {{domain::Role::kDeskOfficer, kDistrict2, {}}});
  EXPECT_EQ(dossiers_->Get(ActorOf(desk), d.id).kind(), ErrorKind::kNotFound);
  domain::Result<GuidanceCode> code = dossiers_->StartGuidance(ActorOf(citizen_), d.id);
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->code.size(), kGuidanceCodeLength);
  EXPECT_EQ(dossiers_->StartGuidance(ActorOf(desk), d.id).kind(), ErrorKind::kNotFound);
  EXPECT_EQ(dossiers_->OpenGuided(ActorOf(citizen_), code->code).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(dossiers_->OpenGuided(ActorOf(desk), "ZZZZZZ").kind(), ErrorKind::kNotFound);
  domain::Result<Dossier> opened = dossiers_->OpenGuided(ActorOf(desk), code->code);
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE(opened->guided);
  EXPECT_TRUE(opened->guidance_active);
  EXPECT_EQ(JournalRows().back().action, "dossier.guidance_open");
  EXPECT_EQ(dossiers_->OpenGuided(ActorOf(other_desk), code->code).kind(), ErrorKind::kNotFound)
      << "a code opens the draft for one officer";
  domain::Result<Dossier> changed =
      dossiers_->SaveAnswers(ActorOf(desk), d.id, Answers(R"({"noi_dung": "Cán bộ điền giúp"})"));
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->officer_fields, std::vector<std::string>{"noi_dung"});
  EXPECT_EQ(changed->timeline.back().event, domain::DossierEvent::kGuidanceChanged);
  EXPECT_EQ(JournalRows().back().action, "dossier.guided_change");
  domain::Result<Dossier> scanned = dossiers_->AttachFile(ActorOf(desk), d.id, "don", Upload(kPdf), "scan.pdf");
  ASSERT_TRUE(scanned.ok());
  EXPECT_TRUE(scanned->files.at(0).by_officer);
  EXPECT_EQ(dossiers_->Submit(ActorOf(desk), d.id).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(dossiers_->Withdraw(ActorOf(desk), d.id, "x").kind(), ErrorKind::kNotFound);
  // The citizen's own save keeps the marks until filing; filing clears them and ends the officer's access.
  domain::Result<Dossier> own = dossiers_->SaveAnswers(ActorOf(citizen_), d.id, Answers(R"({"noi_dung": "Đã xem"})"));
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->officer_fields, std::vector<std::string>{"noi_dung"});
  domain::Result<Filed> filed = dossiers_->Submit(ActorOf(citizen_), d.id);
  ASSERT_TRUE(filed.ok());
  domain::Result<Dossier> after = dossiers_->Get(ActorOf(citizen_), d.id);
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->officer_fields.empty());
  EXPECT_TRUE(after->guided);
  EXPECT_FALSE(after->guidance_active);
  EXPECT_EQ(after->timeline.back().event, domain::DossierEvent::kGuidanceEnded);
  EXPECT_EQ(dossiers_->Get(ActorOf(desk), d.id).kind(), ErrorKind::kNotFound) << "a district officer, province dossier";
}

TEST_F(DossiersTest, GuidanceCodesExpireAndAccessEndsWhenRevokedOrExpired) {
  const Dossier d = StartDraft(citizen_);
  const int64_t desk = AddOfficer("motcua", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  domain::Result<GuidanceCode> late = dossiers_->StartGuidance(ActorOf(citizen_), d.id);
  ASSERT_TRUE(late.ok());
  clock_.Advance(std::chrono::minutes(kGuidanceCodeMinutes + 1));
  EXPECT_EQ(dossiers_->OpenGuided(ActorOf(desk), late->code).kind(), ErrorKind::kNotFound);

  domain::Result<GuidanceCode> code = dossiers_->StartGuidance(ActorOf(citizen_), d.id);
  ASSERT_TRUE(code.ok());
  ASSERT_TRUE(dossiers_->OpenGuided(ActorOf(desk), code->code).ok());
  EXPECT_TRUE(dossiers_->Get(ActorOf(desk), d.id).ok());
  clock_.Advance(std::chrono::minutes(kGuidanceAccessMinutes + 1));
  EXPECT_EQ(dossiers_->Get(ActorOf(desk), d.id).kind(), ErrorKind::kNotFound) << "access expired";

  domain::Result<GuidanceCode> third = dossiers_->StartGuidance(ActorOf(citizen_), d.id);
  ASSERT_TRUE(third.ok());
  ASSERT_TRUE(dossiers_->OpenGuided(ActorOf(desk), third->code).ok());
  ASSERT_TRUE(dossiers_->RevokeGuidance(ActorOf(citizen_), d.id).ok());
  EXPECT_EQ(dossiers_->Get(ActorOf(desk), d.id).kind(), ErrorKind::kNotFound) << "access revoked";
  EXPECT_EQ(dossiers_->SaveAnswers(ActorOf(desk), d.id, Answers(R"({"noi_dung": "x"})")).kind(),
            ErrorKind::kNotFound);
  domain::Result<Dossier> own = dossiers_->Get(ActorOf(citizen_), d.id);
  ASSERT_TRUE(own.ok());
  EXPECT_FALSE(own->guidance_active);
  EXPECT_EQ(own->timeline.back().event, domain::DossierEvent::kGuidanceEnded);
}

}  // namespace
}  // namespace motcua::service
