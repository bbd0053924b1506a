//! The back office's lists on every engine: the reception queue oldest first with its counts, "waiting for me" by
//! appointment for a step's officers and a holder, keyset pages, filters, due-soon and overdue lists for heads,
//! counter intake with queue tickets, the logbook (form 06), and the deadline sweep warning once per appointment.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/inbox_store.hpp"
#include "tests/store/back_office_fixture.hpp"

namespace motcua::service {
namespace {

using domain::DossierStatus;
using domain::ErrorKind;
using domain::OfficeAction;
using namespace office_testing;  // NOLINT(google-build-using-namespace)

class BackOfficeLists : public BackOfficeTest {
 protected:
  Inbox InboxFor(int64_t who, Queue queue, const std::string& after = "") {
    InboxQuery q;
    q.queue = queue;
    q.after = after;
    domain::Result<Inbox> inbox = office_->InboxOf(ActorOf(who), q);
    EXPECT_TRUE(inbox.ok()) << (inbox.ok() ? "" : inbox.error().message);
    return inbox.ok() ? std::move(*inbox) : Inbox{};
  }

  static int64_t CountOf(const Inbox& inbox, Queue q) {
    for (const auto& [queue, n] : inbox.counts) {
      if (queue == q) {
        return n;
      }
    }
    return -1;
  }

  static std::vector<std::string> Codes(const Inbox& inbox) {
    std::vector<std::string> out;
    for (const InboxRow& r : inbox.rows) {
      out.push_back(r.code);
    }
    return out;
  }

  //! A counter intake by the desk for the citizen.
  domain::Result<OfficeDossier> Intake(bool ticket) {
    CounterIntakeInput in;
    in.citizen_id = citizen_;
    in.procedure_code = kProcedure;
    in.agency_code = kDistrict1;
    in.answers = boost::json::parse(R"({"noi_dung": "Đăng ký tại quầy"})").as_object();
    in.files = {{"don", Upload(kPdf)}};
    in.file_names = {"don.pdf"};
    in.issue_ticket = ticket;
    return office_->CounterIntake(ActorOf(desk_), in);
  }
};

TEST_F(BackOfficeLists, TheReceptionQueueListsFiledDossiersOldestFirstWithCounts) {
  const std::string first = FileOnline();
  Advance(kHour);
  const std::string second = FileOnline();
  const Inbox inbox = InboxFor(desk_, Queue::kReception);
  EXPECT_EQ(Codes(inbox), (std::vector<std::string>{first, second}));
  EXPECT_EQ(CountOf(inbox, Queue::kReception), 2);
  EXPECT_EQ(CountOf(inbox, Queue::kToReturn), 0);
  EXPECT_EQ(CountOf(inbox, Queue::kDueSoon), -1);  // not a desk officer's list
  ASSERT_TRUE(inbox.rows[0].submitted_at.has_value());
  EXPECT_EQ(inbox.rows[0].channel, 2);
  EXPECT_EQ(inbox.rows[0].applicant_name, "Nguyễn Văn An");
  EXPECT_EQ(inbox.rows[0].procedure_name, "Thủ tục huyện");
  // The other district's desk has its own, empty, queue; a citizen has no inbox.
  EXPECT_TRUE(InboxFor(other_desk_, Queue::kReception).rows.empty());
  EXPECT_EQ(office_->InboxOf(ActorOf(citizen_), InboxQuery{}).error().kind, ErrorKind::kForbidden);
  Done(desk_, first, OfficeAction::kAccept);
  EXPECT_EQ(Codes(InboxFor(desk_, Queue::kReception)), (std::vector<std::string>{second}));
}

TEST_F(BackOfficeLists, WaitingForMeIsSortedByAppointmentAndFollowsTheHolder) {
  const std::string later = FileOnline(kProcedure);      // 4 working days
  const std::string sooner = FileOnline(kFeeProcedure);  // 3 working days
  Done(desk_, later, OfficeAction::kAccept);
  Done(desk_, sooner, OfficeAction::kAccept);
  const Inbox mine = InboxFor(specialist_, Queue::kMine);
  EXPECT_EQ(Codes(mine), (std::vector<std::string>{sooner, later}));
  EXPECT_EQ(CountOf(mine, Queue::kMine), 2);
  ASSERT_TRUE(mine.rows[0].appointment.has_value());
  EXPECT_EQ(Local(*mine.rows[0].appointment), "2026-11-05 08:00");
  EXPECT_EQ(mine.rows[0].step_name, "Chuyên viên thụ lý");
  EXPECT_EQ(mine.rows[0].due_state, domain::DueState::kOnTime);
  // The head sees the specialists' queue to assign from; once assigned, only the holder has it.
  EXPECT_EQ(CountOf(InboxFor(head_, Queue::kMine), Queue::kMine), 2);
  ActionInput to_b;
  to_b.to = std::to_string(specialist_b_);
  Done(head_, later, OfficeAction::kAssign, to_b);
  EXPECT_EQ(Codes(InboxFor(specialist_, Queue::kMine)), (std::vector<std::string>{sooner}));
  const Inbox held = InboxFor(specialist_b_, Queue::kMine);
  EXPECT_EQ(Codes(held), (std::vector<std::string>{sooner, later}));
  EXPECT_EQ(held.rows[1].assignee_name, "Cán bộ chuyenvien2");
  // Filters: by procedure, by a field that has none of them, by status.
  InboxQuery q;
  q.queue = Queue::kMine;
  q.procedure_code = kFeeProcedure;
  EXPECT_EQ(Codes(office_->InboxOf(ActorOf(specialist_b_), q).value()), (std::vector<std::string>{sooner}));
  q.procedure_code.clear();
  q.field_code = "dat-dai";
  EXPECT_TRUE(office_->InboxOf(ActorOf(specialist_b_), q).value().rows.empty());
  q.field_code = "ho-tich";
  q.status = DossierStatus::kProcessing;
  EXPECT_EQ(Codes(office_->InboxOf(ActorOf(specialist_b_), q).value()), (std::vector<std::string>{later}));
}

TEST_F(BackOfficeLists, PagesFollowTheKeysetWithoutRepeatsOrGaps) {
  constexpr int32_t kDossiers = kInboxPageSize + 7;
  std::set<std::string> filed;
  for (int32_t i = 0; i < kDossiers; ++i) {
    filed.insert(FileOnline());
  }
  const Inbox first = InboxFor(desk_, Queue::kReception);
  ASSERT_EQ(first.rows.size(), static_cast<size_t>(kInboxPageSize));
  ASSERT_FALSE(first.next.empty());
  EXPECT_EQ(CountOf(first, Queue::kReception), kDossiers);
  const Inbox second = InboxFor(desk_, Queue::kReception, first.next);
  EXPECT_EQ(second.rows.size(), 7U);
  EXPECT_TRUE(second.next.empty());
  std::set<std::string> seen;
  for (const Inbox* page : {&first, &second}) {
    for (const InboxRow& r : page->rows) {
      seen.insert(r.code);
    }
  }
  EXPECT_EQ(seen, filed);
  InboxQuery bad;
  bad.queue = Queue::kReception;
  bad.after = "not-a-cursor";
  EXPECT_EQ(office_->InboxOf(ActorOf(desk_), bad).error().kind, ErrorKind::kInvalid);
}

TEST_F(BackOfficeLists, HeadsSeeDueSoonAndOverdueRanges) {
  const std::string code = FileOnline(kFeeProcedure);  // due Thursday 08:00
  Done(desk_, code, OfficeAction::kAccept);
  EXPECT_TRUE(InboxFor(head_, Queue::kDueSoon).rows.empty());
  Advance(2 * kDay + 2 * kHour);  // Wednesday 10:00: less than one working day left
  const Inbox soon = InboxFor(head_, Queue::kDueSoon);
  EXPECT_EQ(Codes(soon), (std::vector<std::string>{code}));
  EXPECT_EQ(soon.rows[0].due_state, domain::DueState::kDueSoon);
  EXPECT_EQ(CountOf(soon, Queue::kOverdue), 0);
  Advance(kDay);  // Thursday 10:00: past the appointment
  const Inbox overdue = InboxFor(chair_, Queue::kOverdue);
  EXPECT_EQ(Codes(overdue), (std::vector<std::string>{code}));
  EXPECT_EQ(overdue.rows[0].due_state, domain::DueState::kOverdue);
  EXPECT_TRUE(InboxFor(head_, Queue::kDueSoon).rows.empty());
  EXPECT_EQ(CountOf(InboxFor(specialist_, Queue::kMine), Queue::kOverdue), -1);  // not a head's list
}

TEST_F(BackOfficeLists, CounterIntakeFilesAndReceivesInOneStepWithTickets) {
  const domain::Result<OfficeDossier> first = Intake(true);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->dossier.status, DossierStatus::kAccepted);
  EXPECT_EQ(first->channel, 1);
  EXPECT_EQ(first->queue_ticket, 1);
  EXPECT_EQ(first->dossier.owner_id, citizen_);
  EXPECT_FALSE(first->dossier.code.empty());
  EXPECT_FALSE(first->dossier.lookup_secret.empty());
  // 5 working days at the counter (the procedure's own limit): next Monday 08:00.
  EXPECT_EQ(Local(*first->appointment), "2026-11-09 08:00");
  EXPECT_EQ(first->step_id, "chuyen_vien");
  EXPECT_EQ(first->dossier.files.size(), 1U);
  const domain::Result<OfficeDossier> second = Intake(true);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->queue_ticket, 2);
  EXPECT_NE(second->dossier.code, first->dossier.code);
  EXPECT_EQ(Intake(false)->queue_ticket, 0);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM audit_log WHERE action = 'dossier.counter_intake'"), 3);
  EXPECT_NE(MessagesTo(kCitizenPhone).back().find("09/11/2026 08:00"), std::string::npos);
  // Only a desk officer of an agency handling the procedure; every missing answer named.
  CounterIntakeInput in;
  in.citizen_id = citizen_;
  in.procedure_code = kProcedure;
  in.agency_code = kDistrict1;
  EXPECT_EQ(office_->CounterIntake(ActorOf(specialist_), in).error().kind, ErrorKind::kForbidden);
  const domain::Result<OfficeDossier> empty = office_->CounterIntake(ActorOf(desk_), in);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, ErrorKind::kInvalid);
  EXPECT_GE(empty.error().fields.size(), 2U);  // noi_dung and the document
  in.agency_code = kProvince;
  EXPECT_EQ(office_->CounterIntake(ActorOf(desk_), in).error().fields[0].field, "agency");
}

TEST_F(BackOfficeLists, TheLogbookListsTheDossiersReceivedInTheRange) {
  const std::string online = FileOnline();
  Done(desk_, online, OfficeAction::kAccept);
  ASSERT_TRUE(Intake(false).ok());
  const domain::Result<std::vector<LogbookRow>> rows =
      office_->Logbook(ActorOf(desk_), kDistrict1, domain::CivilDate{2026, 11, 2}, domain::CivilDate{2026, 11, 2});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0].code, online);
  EXPECT_EQ((*rows)[0].applicant_phone, kCitizenPhone);
  EXPECT_EQ((*rows)[0].competent_agency, "UBND huyện 1");
  EXPECT_EQ(Local(*(*rows)[0].appointment), "2026-11-06 08:00");
  EXPECT_TRUE(
      office_->Logbook(ActorOf(desk_), kDistrict1, domain::CivilDate{2026, 11, 3}, domain::CivilDate{2026, 11, 30})
          ->empty());
  EXPECT_EQ(
      office_->Logbook(ActorOf(other_desk_), kDistrict1, domain::CivilDate{2026, 11, 2}, domain::CivilDate{2026, 11, 2})
          .error()
          .kind,
      ErrorKind::kForbidden);
  EXPECT_EQ(office_->Logbook(ActorOf(desk_), kDistrict1, domain::CivilDate{2026, 1, 1}, domain::CivilDate{2027, 6, 1})
                .error()
                .kind,
            ErrorKind::kInvalid);
}

TEST_F(BackOfficeLists, TheSweepWarnsTheStepOfficersOnceAndTellsHeadsOfOverdueDossiers) {
  const std::string code = FileOnline(kFeeProcedure);  // due Thursday 08:00
  Done(desk_, code, OfficeAction::kAccept);
  EXPECT_EQ(office_->SweepDeadlines().warned, 0);
  Advance(2 * kDay + 2 * kHour);  // Wednesday 10:00
  const SweepCounts first = office_->SweepDeadlines();
  EXPECT_EQ(first.warned, 1);
  EXPECT_EQ(first.overdue, 0);
  EXPECT_EQ(office_->SweepDeadlines().warned, 0);  // once per appointment
  const int64_t warned = Number("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'deadline-warn-%'");
  EXPECT_EQ(warned, 2);  // both specialists of the step, one SMS each
  Advance(kDay);         // Thursday 10:00
  const SweepCounts late = office_->SweepDeadlines();
  EXPECT_EQ(late.overdue, 1);
  EXPECT_EQ(office_->SweepDeadlines().overdue, 0);
  EXPECT_EQ(Number("SELECT COUNT(*) FROM outbox WHERE idempotency_key LIKE 'deadline-overdue-%'"), 2);  // head, chair
}

TEST_F(BackOfficeLists, TheSweepCountsTheWorkingDayInTheHandlingAgencysOwnOfficeHours) {
  const std::string code = FileOnline();
  Done(desk_, code, OfficeAction::kAccept);
  // Due Tuesday 16:45; it is Monday 16:30. By the default hours (to 17:00) 465 working minutes are left, more than a
  // working day (450): not yet due soon. The district closes at 16:00 (a 420-minute day): its officers have only
  // Tuesday left, so it is due soon there.
  Sql("UPDATE dossiers SET due_at = ?, appointment = ? WHERE code = ?",
      {kMondayEight + kDay + 8 * kHour + 45 * kMinute, kMondayEight + kDay + 8 * kHour + 45 * kMinute, code});
  Advance(8 * kHour + 30 * kMinute);
  EXPECT_EQ(office_->SweepDeadlines().warned, 0);
  domain::OfficeHours early;
  early.morning_start = 7 * 60;
  early.morning_end = 11 * 60;
  early.afternoon_start = 13 * 60;
  early.afternoon_end = 16 * 60;
  ASSERT_TRUE(calendars_->SetHours(ActorOf(admin_), kDistrict1, early).ok());
  EXPECT_EQ(office_->SweepDeadlines().warned, 1);
  EXPECT_EQ(office_->SweepDeadlines().warned, 0);
}

//! Every running range the inbox counts, counted from the counters of migration 0012 and by scanning the dossiers:
//! the first difference as "range: counters vs scan", or "" when they all agree.
std::string CountersDisagree(store::Database& db, const std::vector<int64_t>& holders, int64_t now) {
  constexpr int64_t kHourMicros = int64_t{3600} * 1000000;
  std::string out;
  db.Read([&](store::Session& s) {
    for (const std::string& agency : {std::string(kDistrict1), std::string(kDistrict2), std::string()}) {
      for (const char* role : {"", "specialist", "section_head", "clerk", "desk_officer"}) {
        std::vector<std::optional<int64_t>> assignees = {std::nullopt, 0};
        assignees.insert(assignees.end(), holders.begin(), holders.end());
        for (const std::optional<int64_t> assignee : assignees) {
          for (const std::optional<int64_t> before :
               {std::optional<int64_t>(), std::optional<int64_t>(now), std::optional<int64_t>(now + 30 * kHourMicros),
                std::optional<int64_t>(now + 200 * kHourMicros)}) {
            store::InboxRange r;
            r.agency = agency;
            r.role = role;
            r.assignee = assignee;
            r.due_before = before;
            const int64_t counted = store::CountInbox(s, r);
            const int64_t scanned = store::CountInboxByScan(s, r);
            if (counted != scanned && out.empty()) {
              out = fmt::format("agency '{}' role '{}' holder {} before {}: {} vs {}", agency, role,
                                assignee ? std::to_string(*assignee) : "any", before ? std::to_string(*before) : "-",
                                counted, scanned);
            }
          }
        }
      }
    }
    using S = DossierStatus;
    for (const char* agency : {kDistrict1, kDistrict2}) {
      for (const std::vector<S>& statuses : std::vector<std::vector<S>>{
               {S::kSubmitted}, {S::kSupplementRequested}, {S::kDone}, {S::kRefused}, {S::kSubmitted, S::kDone}}) {
        store::InboxRange r;
        r.kind = store::InboxRangeKind::kDesk;
        r.agency = agency;
        r.statuses = statuses;
        const int64_t counted = store::CountInbox(s, r);
        const int64_t scanned = store::CountInboxByScan(s, r);
        if (counted != scanned && out.empty()) {
          out = fmt::format("desk of '{}', {} statuses from {}: {} vs {}", agency, statuses.size(),
                            domain::StatusCode(statuses[0]), counted, scanned);
        }
      }
      store::InboxRange ended;
      ended.kind = store::InboxRangeKind::kEnded;
      ended.agency = agency;
      if (const int64_t counted = store::CountInbox(s, ended), scanned = store::CountInboxByScan(s, ended);
          counted != scanned && out.empty()) {
        out = fmt::format("ended at '{}': {} vs {}", agency, counted, scanned);
      }
    }
  });
  return out;
}

TEST_F(BackOfficeLists, TheCountersOfRunningDossiersAgreeWithTheDossiersThroughEveryChange) {
  const std::vector<int64_t> holders = {specialist_, specialist_b_, head_};
  auto agree = [&](const char* when) {
    EXPECT_EQ(CountersDisagree(db(), holders, clock_.Now().micros), "") << when;
    EXPECT_EQ(Number("SELECT COUNT(*) FROM inbox_counts WHERE n <= 0"), 0) << when;
    EXPECT_EQ(Number("SELECT COUNT(*) FROM desk_counts WHERE n <= 0"), 0) << when;
  };
  std::vector<std::string> codes;
  for (int i = 0; i < 6; ++i) {
    codes.push_back(FileOnline());
    Advance(kHour);
  }
  agree("filed, none received");
  const std::string refused = FileOnline();
  ActionInput no;
  no.note = "Không thuộc thẩm quyền";
  Done(desk_, refused, OfficeAction::kRefuse, no);
  agree("one refused at reception (ended)");
  for (const std::string& code : codes) {
    Done(desk_, code, OfficeAction::kAccept);
    Advance(kHour);
  }
  agree("all received");
  ActionInput to_b;
  to_b.to = std::to_string(specialist_b_);
  Done(head_, codes[0], OfficeAction::kAssign, to_b);
  Done(specialist_b_, codes[0], OfficeAction::kForward);
  Done(specialist_, codes[1], OfficeAction::kForward);
  agree("assigned and forwarded");
  ActionInput ask;
  ask.note = "Bổ sung đơn";
  ask.items = {SupplementItem{"don", "", "Đơn", "Thiếu chữ ký"}};
  Done(specialist_, codes[2], OfficeAction::kRequestSupplement, ask);
  agree("paused for a supplement (no appointment while paused)");
  Advance(kDay);
  ASSERT_TRUE(office_
                  ->Supply(ActorOf(citizen_), codes[2], {}, {{"don", Upload(kPdf), "don.pdf"}},
                           See(citizen_, codes[2]).dossier.version)
                  .ok());
  agree("supplied: running again with a later appointment");
  ActionInput why;
  why.note = "Không đủ điều kiện";
  Done(specialist_, codes[3], OfficeAction::kReject, why);
  agree("one rejected");
  ActionInput to_other;
  to_other.to = kDistrict2;
  to_other.note = "Lấy ý kiến";
  Done(specialist_, codes[4], OfficeAction::kTransfer, to_other);
  agree("one transferred to another agency");
  Sql("UPDATE dossiers SET due_at = due_at + ? WHERE code = ?", {3 * kDay, codes[5]});
  agree("an appointment moved to another day");
  const std::string copy = codes[5] + "-BAN-SAO";
  Sql("INSERT INTO dossiers (code, lookup_secret, procedure_code, agency_code, form_version, owner_id, applicant_name, "
      "status, answers, channel, created_at, updated_at, submitted_at, version, received_at, handling_agency, "
      "workflow_key, workflow_version, step_id, step_role, assignee_id, appointment, due_at) "
      "SELECT ?, lookup_secret, procedure_code, agency_code, form_version, owner_id, applicant_name, status, answers, "
      "channel, created_at, updated_at, submitted_at, version, received_at, handling_agency, workflow_key, "
      "workflow_version, step_id, step_role, assignee_id, appointment, due_at FROM dossiers WHERE code = ?",
      {copy, codes[5]});
  agree("a running dossier inserted directly");
  Sql("DELETE FROM dossiers WHERE code = ?", {copy});
  agree("and deleted");
  ActionInput result;
  result.result_number = "7/QĐ";
  result.result_date = domain::CivilDate{2026, 11, 3};
  result.method = ReturnMethod::kCounter;
  Done(head_, codes[0], OfficeAction::kApprove);
  Done(clerk_, codes[0], OfficeAction::kRecordResult, result);
  agree("a result recorded (done, to return, ended)");
  ActionInput handed;
  handed.returned_to = "Nguyễn Văn An";
  Done(desk_, codes[0], OfficeAction::kMarkReturned, handed);
  agree("and returned");
  Advance(5 * kDay);
  agree("days later: ranges ending today split at midnight");
}

}  // namespace
}  // namespace motcua::service
