//! The back office on every engine: reception (accept with the appointment, supplement before reception, refusal),
//! who may act, stale versions, the clock that stops for a supplement and moves the appointment by office time, a
//! second supplement making the dossier late, the whole path to the returned result with its judgement, send back,
//! transfer to another agency and back, payments, apologies, withdrawal, and two officers acting at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "tests/store/back_office_fixture.hpp"

namespace motcua::service {
namespace {

using domain::DossierEvent;
using domain::DossierStatus;
using domain::ErrorKind;
using domain::OfficeAction;
using namespace office_testing;  // NOLINT(google-build-using-namespace)

class BackOfficeActions : public BackOfficeTest {};

bool Offers(const OfficeDossier& d, OfficeAction a) {
  return std::any_of(d.actions.begin(), d.actions.end(), [&](const AvailableAction& x) { return x.action == a; });
}

bool HasEvent(const OfficeDossier& d, DossierEvent e) {
  return std::any_of(d.dossier.timeline.begin(), d.dossier.timeline.end(),
                     [&](const TimelineEntry& t) { return t.event == e; });
}

TEST_F(BackOfficeActions, AcceptSetsTheAppointmentFromTheOnlineLimitAndEntersTheFirstStep) {
  const std::string code = FileOnline();
  const OfficeDossier before = See(desk_, code);
  EXPECT_EQ(before.dossier.status, DossierStatus::kSubmitted);
  EXPECT_TRUE(Offers(before, OfficeAction::kAccept));
  EXPECT_TRUE(Offers(before, OfficeAction::kRefuse));
  EXPECT_TRUE(Offers(before, OfficeAction::kRequestSupplement));
  EXPECT_FALSE(Offers(before, OfficeAction::kForward));

  const OfficeDossier d = Done(desk_, code, OfficeAction::kAccept);
  EXPECT_EQ(d.dossier.status, DossierStatus::kAccepted);
  ASSERT_TRUE(d.received_at.has_value());
  EXPECT_EQ(d.received_at->micros, kMondayEight);
  // 4 working days online from Monday 08:00: Friday 08:00 (no holiday in November 2026).
  ASSERT_TRUE(d.original_appointment.has_value());
  EXPECT_EQ(Local(*d.original_appointment), "2026-11-06 08:00");
  EXPECT_EQ(Local(*d.appointment), "2026-11-06 08:00");
  EXPECT_EQ(d.step_id, "chuyen_vien");
  EXPECT_EQ(d.step_name, "Chuyên viên thụ lý");
  EXPECT_EQ(d.workflow_key, kProcedure);
  EXPECT_EQ(d.workflow_version, 1);
  EXPECT_EQ(d.handling_agency_code, kDistrict1);
  EXPECT_EQ(d.channel, 2);
  ASSERT_EQ(d.handoffs.size(), 1U);
  EXPECT_EQ(d.handoffs[0].step_id, "chuyen_vien");
  EXPECT_EQ(d.handoffs[0].from_name, "Cán bộ motcua");
  EXPECT_TRUE(HasEvent(d, DossierEvent::kAccepted));
  EXPECT_GT(d.dossier.version, before.dossier.version);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.accept'"), 1);
  const std::vector<std::string> sms = MessagesTo(kCitizenPhone);
  ASSERT_FALSE(sms.empty());
  EXPECT_NE(sms.back().find("đã được tiếp nhận"), std::string::npos) << sms.back();
  EXPECT_NE(sms.back().find("06/11/2026 08:00"), std::string::npos) << sms.back();
}

TEST_F(BackOfficeActions, OnlyDeskOfficersOfTheAgencyReceive) {
  const std::string code = FileOnline();
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kAccept).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Do(citizen_, code, OfficeAction::kAccept).error().kind, ErrorKind::kForbidden);
  // The desk of the other district does not even see it.
  ActionInput in;
  in.action = OfficeAction::kAccept;
  in.version = See(desk_, code).dossier.version;
  EXPECT_EQ(office_->Act(ActorOf(other_desk_), code, in).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(office_->Get(ActorOf(other_desk_), code).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(See(desk_, code).dossier.status, DossierStatus::kSubmitted);
}

TEST_F(BackOfficeActions, AStaleVersionIsAConflictWithTheNewStateAvailable) {
  const std::string code = FileOnline();
  const int64_t seen = See(desk_, code).dossier.version;
  Done(desk_, code, OfficeAction::kAccept);
  ActionInput in;
  in.action = OfficeAction::kRefuse;
  in.note = "Thiếu giấy tờ";
  in.version = seen;
  const domain::Result<OfficeDossier> stale = office_->Act(ActorOf(desk_), code, in);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(stale.error().message, kSomeoneElseActed);
  EXPECT_EQ(See(desk_, code).dossier.status, DossierStatus::kAccepted);
}

TEST_F(BackOfficeActions, RefusalNeedsAReasonEndsTheDossierAndTellsTheApplicant) {
  const std::string code = FileOnline();
  const domain::Result<OfficeDossier> bare = Do(desk_, code, OfficeAction::kRefuse);
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().kind, ErrorKind::kInvalid);
  ASSERT_EQ(bare.error().fields.size(), 1U);
  EXPECT_EQ(bare.error().fields[0].field, "note");
  ActionInput in;
  in.note = "Thủ tục không thuộc thẩm quyền";
  const OfficeDossier d = Done(desk_, code, OfficeAction::kRefuse, in);
  EXPECT_EQ(d.dossier.status, DossierStatus::kRefused);
  EXPECT_TRUE(d.ended_at.has_value());
  EXPECT_EQ(d.end_reason, "Thủ tục không thuộc thẩm quyền");
  EXPECT_TRUE(d.actions.empty());
  EXPECT_NE(MessagesTo(kCitizenPhone).back().find("Thủ tục không thuộc thẩm quyền"), std::string::npos);
  EXPECT_EQ(Do(desk_, code, OfficeAction::kAccept).error().kind, ErrorKind::kInvalid);
}

TEST_F(BackOfficeActions, SupplementBeforeReceptionListsEveryItemAndGoesBackToTheQueueWhenSupplied) {
  const std::string code = FileOnline();
  ActionInput ask;
  ask.items = {SupplementItem{"don", "", "", "Đơn chưa có chữ ký"}, SupplementItem{"", "noi_dung", "", ""}};
  const domain::Result<OfficeDossier> missing = Do(desk_, code, OfficeAction::kRequestSupplement, ask);
  ASSERT_FALSE(missing.ok());
  ASSERT_EQ(missing.error().fields.size(), 1U);
  EXPECT_EQ(missing.error().fields[0].field, "items[1].reason");
  ask.items[1].reason = "Ghi rõ số bản sao";
  const OfficeDossier d = Done(desk_, code, OfficeAction::kRequestSupplement, ask);
  EXPECT_EQ(d.dossier.status, DossierStatus::kSupplementRequested);
  EXPECT_FALSE(d.paused);  // the clock had not started
  ASSERT_EQ(d.supplements.size(), 1U);
  EXPECT_TRUE(d.supplements[0].before_reception);
  ASSERT_EQ(d.supplements[0].items.size(), 2U);
  EXPECT_EQ(d.supplements[0].items[0].label, "Đơn đề nghị");  // filled from the form
  EXPECT_EQ(d.supplements[0].items[1].label, "Nội dung đề nghị");
  const std::string sms = MessagesTo(kCitizenPhone).back();
  EXPECT_NE(sms.find("Đơn chưa có chữ ký"), std::string::npos) << sms;
  EXPECT_NE(sms.find("Ghi rõ số bản sao"), std::string::npos) << sms;

  // The citizen supplies: nothing at all is refused, an answer is taken.
  EXPECT_EQ(office_->Supply(ActorOf(citizen_), code, {}, {}, d.dossier.version).error().kind, ErrorKind::kInvalid);
  const domain::Result<OfficeDossier> supplied =
      office_->Supply(ActorOf(citizen_), code, boost::json::parse(R"({"noi_dung": "Hai bản sao"})").as_object(),
                      {{"don", Upload(kPdf), "don-ky.pdf"}}, d.dossier.version);
  ASSERT_TRUE(supplied.ok()) << supplied.error().message;
  EXPECT_EQ(supplied->dossier.status, DossierStatus::kSubmitted);
  EXPECT_EQ(supplied->dossier.files.size(), 2U);
  EXPECT_EQ(std::string(supplied->dossier.answers.at("noi_dung").as_string()), "Hai bản sao");
  ASSERT_TRUE(supplied->supplements[0].supplied_at.has_value());
  EXPECT_EQ(Done(desk_, code, OfficeAction::kAccept).supplements.size(), 1U);
  EXPECT_EQ(See(desk_, code).dossier.status, DossierStatus::kAccepted);
}

TEST_F(BackOfficeActions, TheClockStopsForASupplementAndTheAppointmentMovesByTheOfficeTimePaused) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  Advance(kDay);  // Tuesday 08:00
  ActionInput ask;
  ask.items = {SupplementItem{"don", "", "", "Bản chụp mờ"}};
  const OfficeDossier paused = Done(specialist_, code, OfficeAction::kRequestSupplement, ask);
  EXPECT_EQ(paused.dossier.status, DossierStatus::kSupplementRequested);
  EXPECT_TRUE(paused.paused);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM dossiers WHERE due_at IS NULL AND paused_since IS NOT NULL"), 1);
  Advance(2 * kDay);  // Thursday 08:00: two working days stood still
  const domain::Result<OfficeDossier> back =
      office_->Supply(ActorOf(citizen_), code, {}, {{"don", Upload(kPdf), "don-ro.pdf"}}, paused.dossier.version);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->dossier.status, DossierStatus::kProcessing);
  EXPECT_FALSE(back->paused);
  EXPECT_EQ(Local(*back->original_appointment), "2026-11-06 08:00");
  EXPECT_EQ(Local(*back->appointment), "2026-11-10 08:00");  // Friday + 2 working days over the weekend
  EXPECT_EQ(Number("SELECT COUNT(*) FROM dossier_pauses WHERE to_at IS NOT NULL"), 1);
}

TEST_F(BackOfficeActions, TheWholePathEndsOnTimeAndTheDeskReturnsTheResult) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  // A specialist of the step may not assign; the head assigns to an officer holding the step's role.
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kAssign).error().kind, ErrorKind::kForbidden);
  const OfficeDossier seen = See(head_, code);
  const auto assign = std::find_if(seen.actions.begin(), seen.actions.end(),
                                   [](const AvailableAction& a) { return a.action == OfficeAction::kAssign; });
  ASSERT_NE(assign, seen.actions.end());
  EXPECT_EQ(assign->people.size(), 2U);
  ActionInput to_clerk;
  to_clerk.to = std::to_string(clerk_);
  EXPECT_EQ(Do(head_, code, OfficeAction::kAssign, to_clerk).error().kind, ErrorKind::kInvalid);
  ActionInput to_b;
  to_b.to = std::to_string(specialist_b_);
  const OfficeDossier assigned = Done(head_, code, OfficeAction::kAssign, to_b);
  EXPECT_EQ(assigned.assignee_id, specialist_b_);
  EXPECT_EQ(assigned.dossier.status, DossierStatus::kProcessing);
  // Now only the holder (or the head) acts.
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kForward).error().kind, ErrorKind::kForbidden);
  Advance(2 * kHour);
  const OfficeDossier forwarded = Done(specialist_b_, code, OfficeAction::kForward);
  EXPECT_EQ(forwarded.step_id, "lanh_dao");
  EXPECT_EQ(forwarded.assignee_id, 0);
  // Approve is the head's step; the clerk records the result.
  EXPECT_EQ(Do(clerk_, code, OfficeAction::kApprove).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Do(head_, code, OfficeAction::kRecordResult).error().kind, ErrorKind::kInvalid);
  const OfficeDossier approved = Done(head_, code, OfficeAction::kApprove);
  EXPECT_EQ(approved.step_id, "van_thu");
  const domain::Result<OfficeDossier> incomplete = Do(clerk_, code, OfficeAction::kRecordResult);
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().fields.size(), 3U);
  ActionInput result;
  result.result_number = "123/QĐ-UBND";
  result.result_date = domain::CivilDate{2026, 11, 2};
  result.method = ReturnMethod::kOnline;
  result.result_file_path = Upload(kPdf);
  result.result_file_name = "ket-qua.pdf";
  const OfficeDossier done = Done(clerk_, code, OfficeAction::kRecordResult, result);
  EXPECT_EQ(done.dossier.status, DossierStatus::kDone);
  ASSERT_TRUE(done.timeliness.has_value());
  EXPECT_EQ(*done.timeliness, domain::Timeliness::kEarly);
  ASSERT_TRUE(done.result.has_value());
  EXPECT_EQ(done.result->number, "123/QĐ-UBND");
  ASSERT_TRUE(done.result->file.has_value());
  EXPECT_NE(MessagesTo(kCitizenPhone).back().find("đã có kết quả"), std::string::npos);
  // The owner downloads the e-result; an officer of another district does not.
  const domain::Result<FileDownload> file = office_->ResultFile(ActorOf(citizen_), code);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(file->media_type, "application/pdf");
  EXPECT_EQ(office_->ResultFile(ActorOf(other_desk_), code).error().kind, ErrorKind::kNotFound);
  // Hand-offs: reception → specialist, assigned, head, clerk; each closed step judged.
  ASSERT_EQ(done.handoffs.size(), 4U);
  for (const Handoff& h : done.handoffs) {
    EXPECT_TRUE(h.finished_at.has_value()) << h.step_id;
  }
  EXPECT_EQ(done.handoffs[1].to_name, "Cán bộ chuyenvien2");
  ASSERT_TRUE(done.handoffs[1].timeliness.has_value());
  const domain::Result<OfficeDossier> no_name = Do(desk_, code, OfficeAction::kMarkReturned);
  EXPECT_EQ(no_name.error().kind, ErrorKind::kInvalid);
  ActionInput handed;
  handed.returned_to = "Nguyễn Văn An, CCCD 036099001234";
  const OfficeDossier returned = Done(desk_, code, OfficeAction::kMarkReturned, handed);
  EXPECT_EQ(returned.dossier.status, DossierStatus::kReturned);
  EXPECT_EQ(returned.result->returned_to, "Nguyễn Văn An, CCCD 036099001234");
  EXPECT_TRUE(returned.result->returned_at.has_value());
  EXPECT_EQ(*returned.timeliness, domain::Timeliness::kEarly);  // stored when it ended
}

TEST_F(BackOfficeActions, TheDistrictDefaultRunsFromTheHeadsAssignmentToTheClerksResultAndTheDesksReturn) {
  // The shipped default of a district: reception → the head of section assigns → specialist → the head reviews →
  // the head of agency signs → the clerk issues → the desk returns.
  const domain::Result<int32_t> published = workflows_->Publish(
      ActorOf(admin_), kProcedure, domain::ToJson(domain::DefaultWorkflow(domain::Level::kDistrict)));
  ASSERT_TRUE(published.ok()) << published.error().message;
  const std::string code = FileOnline();
  const OfficeDossier accepted = Done(desk_, code, OfficeAction::kAccept);
  EXPECT_EQ(accepted.step_id, "assignment");
  EXPECT_FALSE(Offers(See(specialist_, code), OfficeAction::kAssign));
  const OfficeDossier seen = See(head_, code);
  const auto assign = std::find_if(seen.actions.begin(), seen.actions.end(),
                                   [](const AvailableAction& a) { return a.action == OfficeAction::kAssign; });
  ASSERT_NE(assign, seen.actions.end());
  std::vector<int64_t> people;
  for (const auto& [id, name] : assign->people) {
    people.push_back(id);
  }
  EXPECT_EQ(people, (std::vector<int64_t>{specialist_, specialist_b_}));  // the next step's officers, not the head
  ActionInput to_clerk;
  to_clerk.to = std::to_string(clerk_);
  EXPECT_EQ(Do(head_, code, OfficeAction::kAssign, to_clerk).error().fields[0].field, "to");
  ActionInput to_b;
  to_b.to = std::to_string(specialist_b_);
  const OfficeDossier assigned = Done(head_, code, OfficeAction::kAssign, to_b);
  EXPECT_EQ(assigned.step_id, "specialist");
  EXPECT_EQ(assigned.assignee_id, specialist_b_);
  EXPECT_TRUE(HasEvent(assigned, DossierEvent::kAssigned));
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kForward).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Done(specialist_b_, code, OfficeAction::kForward).step_id, "review");
  EXPECT_EQ(Done(head_, code, OfficeAction::kForward).step_id, "signing");
  EXPECT_EQ(Do(head_, code, OfficeAction::kApprove).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Done(chair_, code, OfficeAction::kApprove).step_id, "issue");
  EXPECT_EQ(Do(desk_, code, OfficeAction::kMarkReturned).error().kind, ErrorKind::kInvalid);
  ActionInput result;
  result.result_number = "45/QĐ-UBND";
  result.result_date = domain::CivilDate{2026, 11, 2};
  result.method = ReturnMethod::kCounter;
  const OfficeDossier done = Done(clerk_, code, OfficeAction::kRecordResult, result);
  EXPECT_EQ(done.dossier.status, DossierStatus::kDone);
  ASSERT_TRUE(done.timeliness.has_value());
  EXPECT_EQ(*done.timeliness, domain::Timeliness::kEarly);
  ActionInput handed;
  handed.returned_to = "Nguyễn Văn An";
  EXPECT_EQ(Done(desk_, code, OfficeAction::kMarkReturned, handed).dossier.status, DossierStatus::kReturned);
}

TEST_F(BackOfficeActions, ASecondSupplementMakesTheDossierLate) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  for (int32_t round = 0; round < 2; ++round) {
    ActionInput ask;
    ask.items = {SupplementItem{"don", "", "", "Thiếu trang"}};
    const OfficeDossier asked = Done(specialist_, code, OfficeAction::kRequestSupplement, ask);
    ASSERT_TRUE(
        office_->Supply(ActorOf(citizen_), code, {}, {{"don", Upload(kPdf), "don.pdf"}}, asked.dossier.version).ok());
  }
  Done(specialist_, code, OfficeAction::kForward);
  Done(head_, code, OfficeAction::kApprove);
  ActionInput result;
  result.result_number = "9/GCN";
  result.result_date = domain::CivilDate{2026, 11, 2};
  result.method = ReturnMethod::kCounter;
  const OfficeDossier done = Done(clerk_, code, OfficeAction::kRecordResult, result);
  ASSERT_TRUE(done.timeliness.has_value());
  EXPECT_EQ(*done.timeliness, domain::Timeliness::kLate);  // early by the clock, late by the rule
  EXPECT_EQ(Number("SELECT supplement_requests FROM dossiers WHERE code = ?", {code}), 2);
}

TEST_F(BackOfficeActions, SendBackReturnsToThePreviousStepAndHolder) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  ActionInput to_b;
  to_b.to = std::to_string(specialist_b_);
  Done(head_, code, OfficeAction::kAssign, to_b);
  Done(specialist_b_, code, OfficeAction::kForward);
  EXPECT_EQ(Do(head_, code, OfficeAction::kSendBack).error().fields[0].field, "note");
  ActionInput why;
  why.note = "Kiểm tra lại địa chỉ";
  const OfficeDossier back = Done(head_, code, OfficeAction::kSendBack, why);
  EXPECT_EQ(back.step_id, "chuyen_vien");
  EXPECT_EQ(back.assignee_id, specialist_b_);
  EXPECT_TRUE(HasEvent(back, DossierEvent::kSentBack));
}

TEST_F(BackOfficeActions, RejectAndStopNeedAReasonAndEndProcessing) {
  const std::string first = FileOnline();
  const std::string second = FileOnline();
  Done(desk_, first, OfficeAction::kAccept);
  Done(desk_, second, OfficeAction::kAccept);
  EXPECT_EQ(Do(specialist_, first, OfficeAction::kReject).error().kind, ErrorKind::kInvalid);
  ActionInput why;
  why.note = "Không đủ điều kiện";
  const OfficeDossier rejected = Done(specialist_, first, OfficeAction::kReject, why);
  EXPECT_EQ(rejected.dossier.status, DossierStatus::kStopped);
  EXPECT_TRUE(HasEvent(rejected, DossierEvent::kRejected));
  EXPECT_EQ(*rejected.timeliness, domain::Timeliness::kEarly);
  const OfficeDossier stopped = Done(specialist_, second, OfficeAction::kStop, why);
  EXPECT_EQ(stopped.dossier.status, DossierStatus::kStopped);
  EXPECT_TRUE(stopped.step_id.empty());
  EXPECT_EQ(Do(head_, second, OfficeAction::kForward).error().kind, ErrorKind::kInvalid);
}

TEST_F(BackOfficeActions, TransferRunsTheOtherAgencysStepsAndComesBack) {
  const int64_t specialist2 = AddOfficer("cv_huyen2", {{domain::Role::kSpecialist, kDistrict2, {}}});
  const int64_t head2 = AddOfficer("tp_huyen2", {{domain::Role::kSectionHead, kDistrict2, {}}});
  const int64_t clerk2 = AddOfficer("vt_huyen2", {{domain::Role::kClerk, kDistrict2, {}}});
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  const OfficeDossier seen = See(specialist_, code);
  const auto transfer = std::find_if(seen.actions.begin(), seen.actions.end(),
                                     [](const AvailableAction& a) { return a.action == OfficeAction::kTransfer; });
  ASSERT_NE(transfer, seen.actions.end());
  EXPECT_TRUE(std::any_of(transfer->agencies.begin(), transfer->agencies.end(),
                          [](const auto& a) { return a.first == kDistrict2; }));
  ActionInput nowhere;
  nowhere.to = "000.99.99.H40";
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kTransfer, nowhere).error().fields[0].field, "to");
  ActionInput there;
  there.to = kDistrict2;
  const OfficeDossier moved = Done(specialist_, code, OfficeAction::kTransfer, there);
  EXPECT_EQ(moved.handling_agency_code, kDistrict2);
  EXPECT_EQ(moved.step_id, "chuyen_vien");
  // District 2's officers act now, district 1's specialist no longer may.
  EXPECT_EQ(Do(specialist_, code, OfficeAction::kForward).error().kind, ErrorKind::kForbidden);
  Done(specialist2, code, OfficeAction::kForward);
  Done(head2, code, OfficeAction::kApprove);
  const OfficeDossier home = Done(clerk2, code, OfficeAction::kApprove);
  EXPECT_EQ(home.handling_agency_code, kDistrict1);
  EXPECT_EQ(home.step_id, "lanh_dao");  // the step after the one that transferred it
  EXPECT_TRUE(HasEvent(home, DossierEvent::kTransferred));
  Done(head_, code, OfficeAction::kApprove);
  EXPECT_EQ(Do(clerk_, code, OfficeAction::kApprove).error().kind, ErrorKind::kInvalid);  // final, not transferred
}

TEST_F(BackOfficeActions, APaymentPausesTheClockOfAProcedureWithAFee) {
  const std::string code = FileOnline(kFeeProcedure);
  Done(desk_, code, OfficeAction::kAccept);
  const OfficeDossier asked = Done(specialist_, code, OfficeAction::kRequestPayment);
  EXPECT_EQ(asked.dossier.status, DossierStatus::kPaymentRequested);
  EXPECT_TRUE(asked.paused);
  EXPECT_NE(MessagesTo(kCitizenPhone).back().find("50000"), std::string::npos);
  Advance(kDay);
  const OfficeDossier paid = Done(desk_, code, OfficeAction::kConfirmPayment);
  EXPECT_EQ(paid.dossier.status, DossierStatus::kProcessing);
  EXPECT_FALSE(paid.paused);
  EXPECT_EQ(paid.appointment->micros - paid.original_appointment->micros, kDay);  // Thursday → Friday 08:00
}

TEST_F(BackOfficeActions, AnApologyNeedsALaterDateAndIsToldToTheApplicant) {
  const std::string code = FileOnline();
  const OfficeDossier accepted = Done(desk_, code, OfficeAction::kAccept);
  ActionInput early;
  early.note = "Chờ xác minh";
  early.new_appointment = accepted.original_appointment;
  EXPECT_EQ(Do(head_, code, OfficeAction::kApologise, early).error().fields[0].field, "new_appointment");
  ActionInput later = early;
  later.new_appointment = domain::Instant{accepted.original_appointment->micros + 3 * kDay};
  EXPECT_EQ(Do(desk_, code, OfficeAction::kApologise, later).error().kind, ErrorKind::kForbidden);
  const OfficeDossier sorry = Done(head_, code, OfficeAction::kApologise, later);
  ASSERT_EQ(sorry.apologies.size(), 1U);
  EXPECT_EQ(sorry.apologies[0].reason, "Chờ xác minh");
  EXPECT_EQ(sorry.apology_appointment, later.new_appointment);
  EXPECT_EQ(sorry.appointment, accepted.original_appointment);  // still judged against the first date
  EXPECT_NE(MessagesTo(kCitizenPhone).back().find("09/11/2026 08:00"), std::string::npos);
}

TEST_F(BackOfficeActions, AWithdrawalAskedAfterReceptionIsGrantedByTheAgency) {
  const std::string code = FileOnline();
  const OfficeDossier accepted = Done(desk_, code, OfficeAction::kAccept);
  EXPECT_EQ(Do(desk_, code, OfficeAction::kAcceptWithdrawal).error().kind, ErrorKind::kInvalid);
  ASSERT_TRUE(dossiers_->Withdraw(ActorOf(citizen_), accepted.dossier.id, "Không còn nhu cầu").ok());
  const OfficeDossier withdrawn = Done(desk_, code, OfficeAction::kAcceptWithdrawal);
  EXPECT_EQ(withdrawn.dossier.status, DossierStatus::kWithdrawn);
  EXPECT_TRUE(withdrawn.ended_at.has_value());
}

TEST_F(BackOfficeActions, TheOwnerSeesTheProcessingButTakesNoOfficeAction) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  const OfficeDossier mine = See(citizen_, code);
  EXPECT_TRUE(mine.actions.empty());
  EXPECT_EQ(Local(*mine.appointment), "2026-11-06 08:00");
  EXPECT_EQ(Do(citizen_, code, OfficeAction::kForward).error().kind, ErrorKind::kForbidden);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.view' AND actor_id = ?", {citizen_}), 0);
  EXPECT_GE(Number("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.view' AND actor_id = ?", {desk_}), 1);
}

TEST_F(BackOfficeActions, TwoOfficersActingAtOnceOneSucceedsTheOtherIsToldSomeoneElseActed) {
  const int64_t desk2 = AddOfficer("motcua_b", {{domain::Role::kDeskOfficer, kDistrict1, {}}});
  constexpr int32_t kRounds = 4;
  for (int32_t round = 0; round < kRounds; ++round) {
    const std::string code = FileOnline();
    const int64_t version = See(desk_, code).dossier.version;
    std::atomic<int32_t> ok{0};
    std::atomic<int32_t> conflicts{0};
    auto act = [&](int64_t who, OfficeAction action) {
      ActionInput in;
      in.action = action;
      in.version = version;
      in.note = "Không đúng thẩm quyền";
      const domain::Result<OfficeDossier> r = office_->Act(ActorOf(who), code, in);
      if (r.ok()) {
        ++ok;
      } else if (r.error().kind == ErrorKind::kConflict && r.error().message == kSomeoneElseActed) {
        ++conflicts;
      }
    };
    std::thread a(act, desk_, OfficeAction::kAccept);
    std::thread b(act, desk2, OfficeAction::kRefuse);
    a.join();
    b.join();
    EXPECT_EQ(ok.load(), 1) << "round " << round;
    EXPECT_EQ(conflicts.load(), 1) << "round " << round;
    const int64_t events = Number(
        "SELECT COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = ? AND "
        "e.event IN ('accepted', 'refused')",
        {code});
    EXPECT_EQ(events, 1);
  }
}

}  // namespace
}  // namespace motcua::service
