//! What forms 01–05 print, filled from an OfficeDossier: which form exists when, which dates and names go where.
#include <gtest/gtest.h>

#include <chrono>

#include "web/office_forms_pdf.hpp"

namespace motcua::web {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

//! 30/11/2026 at `hh`:`mm` in Vietnam.
domain::Instant At(int32_t day, int32_t hh, int32_t mm) {
  const std::string iso = "2026-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
  return domain::VietnamDayStart(iso, 0)->Plus(hours(hh) + minutes(mm));
}

FormContext Context() {
  FormContext ctx;
  ctx.issuer = {
      "UBND tỉnh Ninh Bình", "UBND phường Năng Tĩnh", "Bộ phận tiếp nhận và trả kết quả", "Nam Định", {2026, 12, 5}};
  ctx.applicant = {"Nguyễn Thị Hồng Nhung", "036190012345", "Số 12 Trần Hưng Đạo", "0912345678", "n@example.vn"};
  ctx.components = {{"Giấy chứng sinh", 1, 0, 0}};
  ctx.time_limit = "01 ngày làm việc";
  ctx.officer_name = "Lê Văn Tâm";
  ctx.public_url = "https://dvc.example.vn";
  ctx.hotline = "0228 3812 345";
  ctx.head_name = "Phạm Quốc Hưng";
  ctx.agency_name = [](std::string_view code) {
    return code == "000.00.00.H40" ? std::string("Sở Tư pháp") : std::string(code);
  };
  return ctx;
}

service::OfficeDossier Received() {
  service::OfficeDossier o;
  o.dossier.code = "000.00.31.H40-261130-0007";
  o.dossier.lookup_secret = "K7 Q";
  o.dossier.status = domain::DossierStatus::kProcessing;
  o.procedure_name = "Đăng ký khai sinh";
  o.agency_name = "UBND phường Năng Tĩnh";
  o.channel = 2;
  o.received_at = At(30, 9, 15);
  o.original_appointment = At(30, 16, 0);
  o.appointment = At(30, 17, 0);
  return o;
}

TEST(OfficeFormData, FormTimeIsHourMinuteThenTheDay) {
  EXPECT_EQ(FormTime(At(30, 9, 5)), "09:05 ngày 30/11/2026");
  EXPECT_EQ(FormDay(At(30, 23, 59)), "30/11/2026");
  EXPECT_EQ(FormDate({2026, 1, 2}), "02/01/2026");
}

TEST(OfficeFormData, Form01OnlyOnceReceivedWithTheAppointmentSetAtReceipt) {
  service::OfficeDossier o = Received();
  o.received_at.reset();
  EXPECT_FALSE(Form01Of(o, Context()));
  const auto d = Form01Of(Received(), Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->code, "000.00.31.H40-261130-0007");
  EXPECT_EQ(d->received_at, "09:15 ngày 30/11/2026");
  EXPECT_EQ(d->appointment, "16:00 ngày 30/11/2026");  // the original one, not the one moved by pauses
  EXPECT_EQ(d->channel, "Trực tuyến");
  EXPECT_EQ(d->issuer.date.day, 30);  // dated on the day of receipt
  EXPECT_EQ(d->submitter.name, "Nguyễn Thị Hồng Nhung");
  EXPECT_EQ(d->owner_address, "Số 12 Trần Hưng Đạo");
  EXPECT_EQ(d->lookup_url, "https://dvc.example.vn/tra-cuu?ma=000.00.31.H40-261130-0007&ma_tra_cuu=K7%20Q");
  EXPECT_NE(d->result_place.find("https://dvc.example.vn"), std::string::npos) << d->result_place;
  EXPECT_EQ(d->officer_name, "Lê Văn Tâm");
  EXPECT_EQ(d->time_limit, "01 ngày làm việc");
  EXPECT_EQ(d->components.size(), 1U);
  // Once hand-offs are recorded, the officer who received it signs, whoever prints.
  service::OfficeDossier handed = Received();
  handed.handoffs.push_back(service::Handoff{});
  handed.handoffs.back().from_name = "Vũ Thị Lan";
  EXPECT_EQ(Form01Of(handed, Context())->officer_name, "Vũ Thị Lan");
}

TEST(OfficeFormData, Form01AtTheCounterIsReturnedAtTheDesk) {
  service::OfficeDossier o = Received();
  o.channel = 1;
  const auto d = Form01Of(o, Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->channel, "Trực tiếp");
  EXPECT_EQ(d->result_place, "Tại Bộ phận tiếp nhận và trả kết quả – UBND phường Năng Tĩnh");
}

TEST(OfficeFormData, Form02PrintsTheNewestRequestItemByItem) {
  service::OfficeDossier o = Received();
  EXPECT_FALSE(Form02Of(o, Context()));
  service::SupplementRequest first;
  first.requested_at = At(30, 10, 0);
  first.items = {{"", "", "Tờ khai", "Thiếu chữ ký"}};
  service::SupplementRequest second;
  second.requested_at = At(30, 11, 30);
  second.requested_by = "Trần Thu Hà";
  second.items = {{"giay_chung_sinh", "", "", "Bản chụp bị mờ"}, {"", "ten_me", "Họ tên mẹ", "Sai chính tả"}};
  second.note = "Bổ sung trong tài khoản";
  o.supplements = {first, second};
  const auto d = Form02Of(o, Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->requested_at, "11:30 ngày 30/11/2026");
  ASSERT_EQ(d->items.size(), 2U);
  EXPECT_EQ(d->items[0].name, "giay_chung_sinh");  // no label: the document's id
  EXPECT_EQ(d->items[0].reason, "Bản chụp bị mờ");
  EXPECT_EQ(d->items[1].name, "Họ tên mẹ");
  EXPECT_EQ(d->note, "Bổ sung trong tài khoản");
  EXPECT_EQ(d->officer_name, "Trần Thu Hà");
  EXPECT_EQ(d->portal_url, "https://dvc.example.vn");
}

TEST(OfficeFormData, Form03OnlyForARefusedDossierWithItsReason) {
  service::OfficeDossier o = Received();
  o.end_reason = "Không thuộc thẩm quyền";
  EXPECT_FALSE(Form03Of(o, Context()));
  o.dossier.status = domain::DossierStatus::kRefused;
  o.ended_at = At(30, 10, 0);
  const auto d = Form03Of(o, Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->reason, "Không thuộc thẩm quyền");
  EXPECT_EQ(d->issuer.date.day, 30);
  EXPECT_EQ(d->officer_phone, "");
}

TEST(OfficeFormData, Form04ComesFromTheHandlingAgencyWithTheDateItReplaces) {
  service::OfficeDossier o = Received();
  EXPECT_FALSE(Form04Of(o, Context()));
  o.handling_agency_code = "000.00.00.H40";
  o.apologies = {{At(30, 15, 0), "Lê Văn Tâm", "Chờ xác minh", At(30, 17, 30)}};
  auto d = Form04Of(o, Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->issuer.agency, "Sở Tư pháp");
  EXPECT_EQ(d->issuer.desk, "");
  EXPECT_EQ(d->original_appointment, "17:00 ngày 30/11/2026");  // the current appointment
  EXPECT_EQ(d->new_appointment, "17:30 ngày 30/11/2026");
  EXPECT_EQ(d->reason, "Chờ xác minh");
  EXPECT_EQ(d->received_on, "30/11/2026");
  EXPECT_EQ(d->signer_name, "Phạm Quốc Hưng");
  EXPECT_EQ(d->addressee, "Nguyễn Thị Hồng Nhung");
  // A second apology replaces the date the first one promised.
  o.apologies.push_back({At(30, 16, 0), "Lê Văn Tâm", "Chờ ý kiến", At(30, 18, 0)});
  d = Form04Of(o, Context());
  ASSERT_TRUE(d);
  EXPECT_EQ(d->original_appointment, "17:30 ngày 30/11/2026");
  EXPECT_EQ(d->new_appointment, "18:00 ngày 30/11/2026");
  EXPECT_EQ(d->reason, "Chờ ý kiến");
}

TEST(OfficeFormData, Form05HasOneLinePerHandoffWithItsJudgement) {
  service::OfficeDossier o = Received();
  service::Handoff a;
  a.step_name = "Tiếp nhận";
  a.agency_code = "000.00.00.H40";
  a.to_name = "Lê Văn Tâm";
  a.at = At(30, 9, 15);
  a.due = At(30, 10, 0);
  a.finished_at = At(30, 9, 40);
  a.timeliness = domain::Timeliness::kEarly;
  service::Handoff b = a;
  b.step_name = "Chuyên viên";
  b.from_name = "Lê Văn Tâm";
  b.to_name = "Trần Thu Hà";
  b.timeliness = domain::Timeliness::kLate;
  b.note = "Chuyển xử lý";
  service::Handoff c = a;
  c.step_name = "Lãnh đạo";
  c.finished_at.reset();
  c.timeliness.reset();
  service::Handoff d_on_time = a;
  d_on_time.timeliness = domain::Timeliness::kOnTime;
  o.handoffs = {a, b, c, d_on_time};
  const auto d = Form05Of(o, Context());
  ASSERT_TRUE(d);
  ASSERT_EQ(d->handoffs.size(), 4U);
  EXPECT_EQ(d->handoffs[0].unit, "Sở Tư pháp – Tiếp nhận");
  EXPECT_EQ(d->handoffs[0].at, "09:15 ngày 30/11/2026");
  EXPECT_EQ(d->handoffs[0].result, "Trước hạn");
  EXPECT_EQ(d->handoffs[0].note, "Hạn: 10:00 ngày 30/11/2026");
  EXPECT_EQ(d->handoffs[1].giver, "Lê Văn Tâm");
  EXPECT_EQ(d->handoffs[1].receiver, "Trần Thu Hà");
  EXPECT_EQ(d->handoffs[1].result, "Quá hạn");
  EXPECT_EQ(d->handoffs[1].note, "Hạn: 10:00 ngày 30/11/2026. Chuyển xử lý");
  EXPECT_EQ(d->handoffs[2].result, "Đang giải quyết");
  EXPECT_EQ(d->handoffs[3].result, "Đúng hạn");
  EXPECT_EQ(d->appointment, "17:00 ngày 30/11/2026");
}

TEST(OfficeFormData, ApplicantAndComponentsComeFromTheAnswersAndTheForm) {
  boost::json::object answers;
  answers[domain::kApplicantName] = "Nguyễn Văn An";
  answers[domain::kApplicantId] = "036190099999";
  answers[domain::kApplicantPhone] = "0987654321";
  const FormApplicant a = ApplicantOf(answers, "Tài khoản", "Xã Mỹ Tân");
  EXPECT_EQ(a.name, "Nguyễn Văn An");
  EXPECT_EQ(a.id_number, "036190099999");
  EXPECT_EQ(a.phone, "0987654321");
  EXPECT_EQ(a.email, "");
  EXPECT_EQ(a.address, "Xã Mỹ Tân");
  EXPECT_EQ(ApplicantOf({}, "Tài khoản", "").name, "Tài khoản");

  domain::FormDefinition form;
  form.documents = {{"to_khai", "Tờ khai", "original", true, {}, 0, ""},
                    {"cccd", "Căn cước", "copy", false, {}, 0, ""},
                    {"anh", "Ảnh", "either", false, {}, 0, ""},
                    {"khac", "Giấy tờ khác", "either", false, {}, 0, ""}};
  std::vector<service::DossierFile> files(3);
  files[0].document_id = "cccd";
  files[1].document_id = "cccd";
  files[2].document_id = "anh";
  const std::vector<ComponentRow> rows = ComponentsOf(form, files);
  ASSERT_EQ(rows.size(), 3U);  // "khac" is optional and has no file
  EXPECT_EQ(rows[0].name, "Tờ khai");
  EXPECT_EQ(rows[0].originals, 1);  // required: listed even before a file
  EXPECT_EQ(rows[1].certified, 2);
  EXPECT_EQ(rows[2].photocopies, 1);
  EXPECT_EQ(ChannelText(3), "Qua dịch vụ bưu chính công ích");
}

}  // namespace
}  // namespace motcua::web
