#pragma once
//! The one-stop back office (issue 10): reception of online dossiers (accept with form 01, supplement request with
//! form 02, refusal with form 03), counter intake on a citizen's behalf, processing along the pinned workflow version
//! (assign, forward, send back, approve, transfer, stop…), the clock that stops while a supplement or a payment is
//! awaited, apologies for late dossiers (form 04), results and their return, the officers' inboxes with due marks
//! and counts, the logbook (form 06), and the deadline sweep that warns before an appointment. Every operation
//! checks the policy, acts on the dossier's current `version` (a stale one is kConflict: "someone else has just acted
//! on this dossier"), and commits its change, timeline event, hand-off row, journal entry and outbox messages in one
//! write job.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/catalogue.hpp"
#include "domain/dossier.hpp"
#include "domain/processing.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "domain/work_calendar.hpp"
#include "domain/workflow.hpp"
#include "service/actor.hpp"
#include "service/dossiers.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"

namespace motcua::service {

namespace office_parts {
struct Loaded;
struct Change;
struct Context;
}  // namespace office_parts

//! The message of a stale `version` (kConflict), shown with the dossier's new state.
inline constexpr const char* kSomeoneElseActed =
    "Người khác vừa xử lý hồ sơ này. Trạng thái mới được hiển thị dưới đây.";
//! Most days a logbook (form 06) may span.
inline constexpr int32_t kMaxLogbookDays = 366;
//! Most rows one inbox page lists.
inline constexpr int32_t kInboxPageSize = 50;

//! One item of a supplement request (form 02): a document or an answer to add or fix, and why.
struct SupplementItem {
  std::string document_id;  //!< The form's DocumentDef id ("" when the item is an answer or free text).
  std::string field_id;     //!< The question id ("" when the item is a document or free text).
  std::string label;        //!< What is asked, as printed (filled from the form when empty).
  std::string reason;       //!< Why (required).
};

//! One supplement request with what came back.
struct SupplementRequest {
  int64_t id = 0;                              //!< Its id.
  domain::Instant requested_at;                //!< When it was asked (the clock stopped).
  std::string requested_by;                    //!< The officer's name.
  bool before_reception = false;               //!< Asked at the desk before receipt (the clock had not started).
  std::vector<SupplementItem> items;           //!< What was asked.
  std::string note;                            //!< The officer's covering note.
  std::optional<domain::Instant> supplied_at;  //!< When the applicant supplied it (the clock restarted).
};

//! One hand-off of a dossier between steps or people (a row of form 05).
struct Handoff {
  std::string step_id;                           //!< The workflow step it entered.
  std::string step_name;                         //!< Its name.
  std::string agency_code;                       //!< The agency acting at that step.
  std::string from_name;                         //!< Who handed it over ("" at reception).
  std::string to_name;                           //!< Who took it ("" when left to the step's queue).
  domain::Instant at;                            //!< Handover time.
  domain::Instant due;                           //!< When the step should end (its share of the time, office time).
  std::optional<domain::Instant> finished_at;    //!< When the step ended.
  std::optional<domain::Timeliness> timeliness;  //!< Early / on time / late, once ended.
  std::string action;                            //!< domain::ActionCode of what ended it ("" while open).
  std::string note;                              //!< The note given with the action.
};

//! An apology for a late dossier (form 04).
struct Apology {
  domain::Instant at;               //!< When it was issued.
  std::string by;                   //!< The officer's name.
  std::string reason;               //!< Why the dossier is late.
  domain::Instant new_appointment;  //!< The new date promised.
};

//! How a result is given back.
enum class ReturnMethod { kOnline, kCounter, kPost };
//! "online", "counter", "post".
std::string_view ReturnMethodCode(ReturnMethod method);
//! The method named `code`, if any.
std::optional<ReturnMethod> ParseReturnMethod(std::string_view code);

//! The recorded result of a dossier.
struct DossierResult {
  std::string number;                            //!< Số văn bản / số giấy tờ.
  domain::CivilDate issued_on{};                 //!< Its date.
  std::optional<DossierFile> file;               //!< The signed e-result (PDF), when uploaded.
  ReturnMethod method = ReturnMethod::kCounter;  //!< How it goes back.
  domain::Instant recorded_at;                   //!< When the clerk recorded it.
  std::optional<domain::Instant> returned_at;    //!< When it was handed over.
  std::string returned_to;                       //!< Who received it (name, and ID number when at the counter).
};

//! An action the caller may take now, with where it may lead.
struct AvailableAction {
  domain::OfficeAction action = domain::OfficeAction::kAccept;  //!< The action.
  std::vector<std::pair<int64_t, std::string>> people;          //!< For assign/forward: officers (id, name).
  std::vector<std::pair<std::string, std::string>> steps;       //!< For forward/send back: steps (id, name).
  std::vector<std::pair<std::string, std::string>> agencies;    //!< For transfer: agencies (code, name).
};

//! A filed dossier as an officer (or its owner) sees it in the back office.
struct OfficeDossier {
  Dossier dossier;                   //!< Answers, files, timeline, version (Dossier::version is the one to send).
  std::string procedure_name;        //!< Its procedure.
  std::string agency_name;           //!< The receiving agency.
  std::string handling_agency_code;  //!< The agency acting now (differs after a transfer).
  int32_t channel = 2;               //!< National channel code: 1 counter, 2 online, 3 post.
  std::string workflow_key;          //!< The pinned workflow.
  int32_t workflow_version = 0;      //!< Its version.
  std::string step_id;               //!< Current step ("" before reception and after the end).
  std::string step_name;             //!< Its name.
  int64_t assignee_id = 0;           //!< Officer holding it (0: the step's queue).
  std::string assignee_name;         //!< Their name.
  std::optional<domain::Instant> received_at;              //!< Receipt (form 01).
  std::optional<domain::Instant> original_appointment;     //!< Appointment set at receipt.
  std::optional<domain::Instant> appointment;              //!< Current appointment (moved by pauses).
  std::optional<domain::Instant> apology_appointment;      //!< New date of the newest apology.
  bool paused = false;                                     //!< The clock stands still now.
  domain::DueState due_state = domain::DueState::kOnTime;  //!< Inbox mark (unfinished dossiers).
  std::optional<domain::Timeliness> timeliness;            //!< Stored when the dossier ended (reproducible reports).
  std::optional<domain::Instant> ended_at;                 //!< When it ended (result, refusal, stop, withdrawal).
  std::string end_reason;                                  //!< Refusal / rejection / stop reason.
  std::vector<SupplementRequest> supplements;              //!< Oldest first.
  std::vector<Handoff> handoffs;                           //!< Form 05 rows, oldest first.
  std::vector<Apology> apologies;                          //!< Oldest first.
  std::optional<DossierResult> result;                     //!< Once recorded.
  std::vector<AvailableAction> actions;                    //!< What the caller may do now.
  int32_t queue_ticket = 0;                                //!< Counter queue ticket number (0: none).
};

//! What an action carries (one shape for the pages and POST /api/v1/dossiers/{code}/actions).
struct ActionInput {
  domain::OfficeAction action = domain::OfficeAction::kAccept;  //!< What to do.
  int64_t version = 0;                //!< The dossier version the caller saw (stale → kConflict).
  std::string note;                   //!< Note or reason (required for refuse, send_back, reject, stop, apologise).
  std::string to;                     //!< assign/forward: an officer id (decimal) or ""; forward/send_back: a step
                                      //!< id; transfer: an agency code.
  std::vector<SupplementItem> items;  //!< request_supplement: what is asked (at least one).
  std::optional<domain::Instant> new_appointment;  //!< apologise: the new date (after the current appointment).
  std::string result_number;                       //!< record_result: number of the result document.
  std::optional<domain::CivilDate> result_date;    //!< record_result: its date.
  std::string result_file_path;        //!< record_result: spooled upload of the e-result PDF ("" for paper only).
  std::string result_file_name;        //!< Its original name.
  std::optional<ReturnMethod> method;  //!< record_result: how it is returned.
  std::string returned_to;             //!< mark_returned: who received it.
  int64_t fee_vnd = 0;                 //!< request_payment: the amount.
};

//! Counter intake: a desk officer files and receives a dossier on a citizen's behalf in one flow.
struct CounterIntakeInput {
  int64_t citizen_id = 0;       //!< The citizen's account (found or created at the counter first).
  std::string procedure_code;   //!< The procedure.
  std::string agency_code;      //!< The agency ("" when exactly one handles it).
  boost::json::object answers;  //!< The form's answers, typed by the officer.
  std::vector<std::pair<std::string, std::string>> files;  //!< (document id, spooled path) of scans or uploads.
  std::vector<std::string> file_names;                     //!< Their original names, same order.
  bool issue_ticket = false;                               //!< Give a queue ticket number of the officer's desk.
};

//! Which dossiers an inbox lists.
enum class Queue {
  kMine,        //!< Waiting for me (assigned to me, or in my step's queue at my agency): sorted by appointment.
  kReception,   //!< Filed online, waiting to be received (desk officers), oldest first.
  kSupplement,  //!< Waiting for the applicant's supplement.
  kDueSoon,     //!< Due within 1 working day (heads of section and agency: their agency's).
  kOverdue,     //!< Past the appointment.
  kToReturn,    //!< Result ready, to be handed over (desk).
  kFinished,    //!< Ended recently (returned, refused, stopped, withdrawn).
};
//! "mine", "reception", "supplement", "due_soon", "overdue", "to_return", "finished".
std::string_view QueueCode(Queue q);
//! The queue named `code`, if any.
std::optional<Queue> ParseQueue(std::string_view code);

//! The filters of an inbox.
struct InboxQuery {
  Queue queue = Queue::kMine;                   //!< Which list.
  std::string procedure_code;                   //!< Only this procedure ("" all).
  std::string field_code;                       //!< Only this field ("" all).
  std::optional<domain::DossierStatus> status;  //!< Only this status.
  std::string after;                            //!< Keyset cursor from the previous page ("" first page).
};

//! One row of an inbox.
struct InboxRow {
  std::string code;                                                  //!< Dossier code.
  std::string procedure_name;                                        //!< Its procedure.
  std::string applicant_name;                                        //!< Applicant.
  domain::DossierStatus status = domain::DossierStatus::kSubmitted;  //!< Status.
  std::string step_name;                                             //!< Current step.
  std::string assignee_name;                                         //!< Holder ("" the queue).
  int32_t channel = 2;                                               //!< 1 counter, 2 online, 3 post.
  std::optional<domain::Instant> submitted_at;             //!< Filed (reception queue: how long it has waited).
  std::optional<domain::Instant> appointment;              //!< Current appointment.
  domain::DueState due_state = domain::DueState::kOnTime;  //!< Mark.
};

//! An inbox page with the counts of every queue the caller has (DOMAIN.md §9).
struct Inbox {
  std::vector<InboxRow> rows;                     //!< This page.
  std::string next;                               //!< Cursor of the next page ("" none).
  std::vector<std::pair<Queue, int64_t>> counts;  //!< Queue → count, for the queues the caller may see.
};

//! One row of the logbook (form 06).
struct LogbookRow {
  std::string code;                                        //!< Dossier code.
  std::string procedure_name;                              //!< Procedure.
  int32_t sets = 1;                                        //!< Number of sets.
  std::string applicant_name;                              //!< Applicant.
  std::string applicant_address;                           //!< Their address.
  std::string applicant_phone;                             //!< Their phone.
  std::string competent_agency;                            //!< Agency that handles it.
  std::optional<domain::Instant> received_at;              //!< Received.
  std::optional<domain::Instant> appointment;              //!< Appointment.
  std::optional<domain::Instant> transferred_at;           //!< Moved to processing.
  std::optional<domain::Instant> result_or_supplement_at;  //!< Result recorded or supplement asked.
  std::optional<domain::Instant> returned_at;              //!< Returned.
  std::string notes;                                       //!< Status and notes.
};

//! Counts the deadline sweep produced.
struct SweepCounts {
  int64_t warned = 0;   //!< Responsible officers warned (due within 1 working day, once per dossier and appointment).
  int64_t overdue = 0;  //!< Dossiers that became overdue since the last sweep (their heads are told).
};

//! The back-office operations.
class BackOffice {
 public:
  //! Works on `db` with `dossiers` for the shared dossier model, `calendars` and `workflows` for the clock and the
  //! steps; messages point to `public_url`. All outlive this.
  BackOffice(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue, Dossiers& dossiers,
             FormLibrary& forms, FileStore& files, WorkCalendars& calendars, Workflows& workflows,
             std::string public_url);

  //! The dossier `code` as the caller sees it with the actions they may take now (officers who may see it, its
  //! owner; journaled for officers); kNotFound otherwise.
  domain::Result<OfficeDossier> Get(const Actor& actor, std::string_view code);
  //! Performs `input` on dossier `code` at `input.version`: kConflict with kSomeoneElseActed when stale; kForbidden
  //! when the caller may not act at the current step; kInvalid for a missing reason, items, result fields or an
  //! action the state machine or the step refuses. Returns the new state.
  domain::Result<OfficeDossier> Act(const Actor& actor, std::string_view code, const ActionInput& input);
  //! The applicant (or a desk officer on their behalf) answers the open supplement request: `answers` merged, files
  //! (document id, spooled path, original name) attached, then kSupply. kInvalid when nothing asked was supplied.
  domain::Result<OfficeDossier> Supply(const Actor& actor, std::string_view code, const boost::json::object& answers,
                                       const std::vector<std::tuple<std::string, std::string, std::string>>& files,
                                       int64_t version);
  //! Counter intake: creates, validates, files and accepts a dossier on the citizen's behalf (channel 1) in one
  //! job; returns it received, with its appointment (print form 01 next).
  domain::Result<OfficeDossier> CounterIntake(const Actor& actor, const CounterIntakeInput& input);
  //! The caller's inbox page and counts.
  domain::Result<Inbox> InboxOf(const Actor& actor, const InboxQuery& query);
  //! The logbook of `agency_code` for received days in [from, to] (≤ kMaxLogbookDays), officers of that agency.
  domain::Result<std::vector<LogbookRow>> Logbook(const Actor& actor, std::string_view agency_code,
                                                  domain::CivilDate from, domain::CivilDate to);
  //! The e-result file of dossier `code` for its owner or an officer who may see it (kNotFound otherwise).
  domain::Result<FileDownload> ResultFile(const Actor& actor, std::string_view code);
  //! Warns responsible officers of dossiers due within 1 working day and heads of newly overdue ones (outbox), once
  //! each; run periodically by the server.
  SweepCounts SweepDeadlines();

 private:
  //! The filed dossier `code` with its processing state, or nothing.
  std::optional<office_parts::Loaded> Find(std::string_view code);
  //! The dossier `id` with its processing state, or nothing.
  std::optional<office_parts::Loaded> FindId(int64_t id);
  //! What the caller sees of `l` (nothing when they may not see it), with the actions they may take now.
  std::optional<OfficeDossier> View(const Actor& actor, const office_parts::Loaded& l);
  //! The actions `actor` may take on `l` now, with their choices.
  std::vector<AvailableAction> ActionsFor(const Actor& actor, const office_parts::Loaded& l,
                                          const office_parts::Context& ctx, bool owner);
  //! The clock, calendar, workflow and procedure an action on `l` works with.
  office_parts::Context ContextFor(const office_parts::Loaded& l);
  //! The change `input` makes to `l` (checked), or the refusal.
  domain::Result<office_parts::Change> Plan(const Actor& actor, const office_parts::Loaded& l,
                                            const office_parts::Context& ctx, const ActionInput& input);
  //! Reception: accept, supplement request, refusal.
  domain::Result<office_parts::Change> PlanReception(const Actor& actor, const office_parts::Loaded& l,
                                                     const office_parts::Context& ctx, const ActionInput& input);
  //! Moves along the workflow: assign, forward, send back, approve, transfer.
  domain::Result<office_parts::Change> PlanStep(const Actor& actor, const office_parts::Loaded& l,
                                                const office_parts::Context& ctx, const ActionInput& input);
  //! Ends, payments, apologies, results and their return, withdrawal.
  domain::Result<office_parts::Change> PlanEnd(const Actor& actor, const office_parts::Loaded& l,
                                               const office_parts::Context& ctx, const ActionInput& input);
  //! Commits `change` to `l` at `version` in one write job; kConflict when someone acted first.
  std::optional<domain::Error> Commit(const Actor& actor, const office_parts::Loaded& l, int64_t version,
                                      office_parts::Change& change);
  //! The dossier `id` as the caller sees it after a change.
  domain::Result<OfficeDossier> Reload(const Actor& actor, int64_t id);

  store::Database& db_;
  const domain::Clock& clock_;
  CatalogueHolder& catalogue_;
  Dossiers& dossiers_;
  FormLibrary& forms_;
  FileStore& files_;
  WorkCalendars& calendars_;
  Workflows& workflows_;
  std::string public_url_;
};

//! The back-office services the web and API layers are built with (main.cpp owns them).
struct OfficeServices {
  BackOffice* office = nullptr;        //!< Reception, processing, inboxes, results.
  WorkCalendars* calendars = nullptr;  //!< The working-day calendar and office hours.
  Workflows* workflows = nullptr;      //!< Processing workflows.
};

}  // namespace motcua::service
