#pragma once
//! Processing a filed dossier at the one-stop office (DOMAIN.md §1.2, §2.2, §9): the officers' actions, the status
//! state machine that refuses every transition not in its table, the dossier clock with its pauses, the due state
//! of the inbox, and the early / on-time / late judgement of dossiers and steps. Pure C++, no I/O.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/dossier.hpp"
#include "domain/time.hpp"
#include "domain/work_calendar.hpp"

namespace motcua::domain {

//! What someone does to a filed dossier (the "action" of POST /api/v1/dossiers/{code}/actions).
enum class OfficeAction {
  kAccept,             //!< Desk: receive it (form 01); the clock starts, the appointment is set.
  kRequestSupplement,  //!< Desk or specialist: ask once, itemised, for documents or answers (form 02); clock pauses.
  kSupply,             //!< The applicant (or the desk for them) supplies what was asked; the clock resumes.
  kRefuse,             //!< Desk: refuse to receive it, reason required (form 03). Ends it.
  kAssign,             //!< Head of section: give it to a specialist of the step.
  kForward,            //!< Move it to the next step of the workflow (to a named person or the step's queue).
  kSendBack,           //!< Return it to the previous step, reason required.
  kApprove,            //!< Head of agency (or the signing step): approve; it moves to the next step.
  kReject,             //!< Not eligible after reception: ends it with a written reason (status 8).
  kStop,               //!< Stop processing (dừng xử lý), reason required. Ends it.
  kTransfer,           //!< Send it to another agency (inter-agency procedure), which runs its own steps.
  kRequestPayment,     //!< Ask the applicant to pay a fee or financial obligation; pauses where the procedure says.
  kConfirmPayment,     //!< The payment arrived; the clock resumes.
  kApologise,          //!< Late: the agency apologises with a reason and a new date (form 04); status unchanged.
  kRecordResult,       //!< Clerk: the result (PDF, number, date) and how it is returned; status 9.
  kMarkReturned,       //!< Desk: the result was handed over (to whom); status 10.
  kAcceptWithdrawal,   //!< The applicant asked to withdraw after reception: granted; status 7.
};
//! Every action, in the order above (tests walk every status × action pair).
inline constexpr OfficeAction kAllOfficeActions[] = {OfficeAction::kAccept,          OfficeAction::kRequestSupplement,
                                                     OfficeAction::kSupply,          OfficeAction::kRefuse,
                                                     OfficeAction::kAssign,          OfficeAction::kForward,
                                                     OfficeAction::kSendBack,        OfficeAction::kApprove,
                                                     OfficeAction::kReject,          OfficeAction::kStop,
                                                     OfficeAction::kTransfer,        OfficeAction::kRequestPayment,
                                                     OfficeAction::kConfirmPayment,  OfficeAction::kApologise,
                                                     OfficeAction::kRecordResult,    OfficeAction::kMarkReturned,
                                                     OfficeAction::kAcceptWithdrawal};
//! The API/stored name: "accept", "request_supplement", "supply", "refuse", "assign", "forward", "send_back",
//! "approve", "reject", "stop", "transfer", "request_payment", "confirm_payment", "apologise", "record_result",
//! "mark_returned", "accept_withdrawal".
std::string_view ActionCode(OfficeAction action);
//! The action named `code`, if any.
std::optional<OfficeAction> ParseAction(std::string_view code);
//! The Vietnamese button label (a message id), e.g. "Tiếp nhận".
const char* ActionLabel(OfficeAction action);

//! The status after `action` on a dossier in `from`, or nothing when the table has no such transition. The table:
//! submitted(1): accept→2, request_supplement→5 (before reception), refuse→3;
//! supplement requested(5): supply→1 when it was asked before reception, else →4 (see `received`);
//! accepted(2) and processing(4): assign, forward, send_back, approve, transfer, apologise→4;
//! request_supplement→5; request_payment→6; reject, stop→8; record_result→9; accept_withdrawal→7;
//! payment requested(6): confirm_payment→4; stop→8; accept_withdrawal→7;
//! done(9): mark_returned→10; apologise→9 (a late result still owes its apology);
//! draft(0), refused(3), withdrawn(7), stopped(8), returned(10): nothing.
//! `received` says whether the dossier was accepted before (it decides where kSupply goes).
std::optional<DossierStatus> NextStatus(DossierStatus from, OfficeAction action, bool received);
//! True when `status` ends processing (3, 7, 8, 10; 9 ends the clock but the result is still to be returned).
bool IsFinal(DossierStatus status);
//! True when the clock stands still in `status` (5; 6 when the procedure pauses for payments).
bool ClockPaused(DossierStatus status, bool pause_for_payment);

//! Why the clock stopped.
enum class PauseReason { kSupplement, kPayment };
//! One stop of a dossier's clock.
struct Pause {
  PauseReason reason = PauseReason::kSupplement;  //!< Why.
  Instant from;                                   //!< When it stopped (the request).
  std::optional<Instant> to;                      //!< When it restarted; nothing while still stopped.
};

//! What the clock of one dossier knows.
struct DossierClock {
  Instant received_at;                         //!< Receipt (the clock's start is the calendar's ClockStart of it).
  Instant appointment;                         //!< The appointment as set at receipt (form 01).
  std::vector<Pause> pauses;                   //!< Oldest first.
  int32_t supplement_requests = 0;             //!< Supplement requests after receipt (a second makes it late).
  std::optional<Instant> apology_appointment;  //!< The new date of the newest apology (form 04), if any.
};

//! The appointment now: the original one moved by the office time of every closed pause (and of an open pause up
//! to `now`), per DOMAIN.md §2.2. An apology's new date is NOT applied here (the dossier is still judged late).
Instant CurrentAppointment(const DossierClock& clock, Instant now, const WorkCalendar& calendar,
                           const OfficeHours& hours);

//! How an unfinished dossier stands against its appointment (the inbox marks).
enum class DueState {
  kOnTime,   //!< More than one working day left.
  kDueSoon,  //!< Due within 1 working day (the officer is warned).
  kOverdue,  //!< Past the appointment.
  kPaused,   //!< The clock is stopped.
};
//! The due state at `now` of a dossier whose current appointment is `appointment`.
DueState DueStateAt(Instant now, Instant appointment, bool paused, const WorkCalendar& calendar,
                    const OfficeHours& hours);
//! The instant before which a running dossier's appointment makes it due soon (or overdue) at `now`: appointments
//! earlier than it, and only those, have DueStateAt(now, …) other than kOnTime (the bound of the inbox's "due soon"
//! queue and of the deadline warnings).
Instant DueSoonBefore(Instant now, const WorkCalendar& calendar, const OfficeHours& hours);

//! Early / on time / late (trước hạn / đúng hạn / quá hạn).
enum class Timeliness { kEarly, kOnTime, kLate };
//! The stored name ("early", "on_time", "late").
std::string_view TimelinessCode(Timeliness t);
//! The Vietnamese name (a message id).
const char* TimelinessName(Timeliness t);

//! The DOMAIN.md §2.2 judgement of a dossier ended (or counted) at `end`: late when supplements were asked more
//! than once; else on time when `end` ≤ CurrentAppointment (early when it ends on a working day before the
//! appointment's day), late after it. For a dossier still unfinished at the end of a period pass the period end; for
//! one waiting for a supplement, its request time.
Timeliness JudgeDossier(const DossierClock& clock, Instant end, const WorkCalendar& calendar, const OfficeHours& hours);
//! A step's judgement (form 05), in started working days (minutes rounded up to whole DayMinutes()): early when it
//! used fewer than allotted, on time when as many, late when more.
Timeliness JudgeStep(int64_t used_minutes, int64_t allotted_minutes, const OfficeHours& hours);

}  // namespace motcua::domain
