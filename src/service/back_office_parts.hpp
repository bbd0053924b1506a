#pragma once
//! What the back-office operations (back_office*.cpp) share: a dossier read with its processing state, who may take
//! which action, the clock of a dossier, the change an action makes (committed by one write job), and the messages
//! to the applicant. Internal to the service layer.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/policy.hpp"
#include "domain/processing.hpp"
#include "domain/result.hpp"
#include "domain/work_calendar.hpp"
#include "domain/workflow.hpp"
#include "service/back_office.hpp"
#include "service/journal.hpp"
#include "store/dossier_store.hpp"
#include "store/processing_store.hpp"

namespace motcua::service::office_parts {

//! A dossier row and its processing state, read in one snapshot.
struct Loaded {
  store::DossierRecord dossier;                //!< The issue-9 columns.
  store::ProcessingRecord processing;          //!< The back-office columns.
  std::vector<store::PauseRecord> pauses;      //!< Clock stops, oldest first.
  std::vector<store::HandoffRecord> handoffs;  //!< Hand-offs, oldest first.
  bool withdrawal_requested = false;           //!< The applicant asked to withdraw after reception.
};

//! What an action on a dossier is computed with, read before its write job.
struct Context {
  domain::Instant now;                                   //!< The time of the action.
  std::shared_ptr<const domain::Catalogue> catalogue;    //!< The catalogue snapshot.
  std::shared_ptr<const domain::WorkCalendar> calendar;  //!< The working-day calendar snapshot.
  domain::OfficeHours hours;                             //!< Office hours of the handling (or receiving) agency.
  std::optional<domain::Workflow> workflow;              //!< The pinned workflow (nothing before reception).
  const domain::Procedure* procedure = nullptr;          //!< The dossier's procedure (null when unknown).
  //! The current step (null before reception, after the end, or when the pinned version is gone).
  const domain::WorkflowStep* Step(const store::ProcessingRecord& p) const {
    return workflow && !p.step_id.empty() ? workflow->Find(p.step_id) : nullptr;
  }
};

//! Reads dossier `id` with its processing state in `s`.
std::optional<Loaded> LoadIn(store::Session& s, int64_t id);

//! True when `p` owns the dossier (its account, or the representative of its organisation; read in `s`).
bool IsOwner(store::Session& s, const domain::Principal& p, const store::DossierRecord& d);
//! True when officer `p` may see the filed dossier (its receiving or its handling agency).
bool OfficerMaySee(const domain::Principal& p, const domain::Catalogue& c, const Loaded& l);

//! The refusal of `action` by `p` on `l` now (nothing when allowed): kInvalid when the state machine or the step
//! does not allow it, kForbidden when `p` may not take it. `step` is the current step (null when none); `owner`
//! says whether `p` owns the dossier.
std::optional<domain::Error> Refusal(const domain::Principal& p, const domain::Catalogue& c, const Loaded& l,
                                     const domain::WorkflowStep* step, domain::OfficeAction action, bool owner);

//! The dossier clock of `l` (received, original appointment, pauses, supplements, apology).
domain::DossierClock ClockOf(const Loaded& l);
//! True when the clock pauses for payments for `procedure` (a procedure with a fee).
bool PausesForPayment(const domain::Procedure* procedure);

//! The time limit of `procedure` for `channel` (its channel terms, else the procedure's): value and unit.
std::pair<double, domain::TimeUnit> TimeLimitOf(const domain::Procedure* procedure, int32_t channel);

//! The change one action makes, committed as a whole by Commit.
struct Change {
  store::ProcessingRecord after;                                 //!< The processing state after it.
  domain::DossierEvent event = domain::DossierEvent::kAccepted;  //!< Its timeline event.
  std::string event_note;                                        //!< The event's note.
  std::string action_code;                                       //!< domain::ActionCode of the action (hand-off rows).
  std::string journal_action;                                    //!< e.g. "dossier.accept".
  Summary summary;                                               //!< The journal's summary.
  bool finish_handoff = false;                                   //!< Close the open hand-off.
  std::string finish_timeliness;                                 //!< Its judgement ("" none).
  std::optional<store::HandoffRecord> reception;                 //!< The reception step's row, already finished.
  std::optional<store::HandoffRecord> handoff;                   //!< A new hand-off.
  std::optional<store::SupplementRecord> supplement;             //!< A new supplement request.
  bool mark_supplied = false;                                    //!< The open request was answered.
  std::string open_pause;                                        //!< Open a pause with this reason ("" none).
  bool close_pause = false;                                      //!< Close the open pause.
  std::optional<store::ApologyRecord> apology;                   //!< An apology.
  std::optional<store::ResultRecord> result;                     //!< The result.
  std::optional<std::string> returned_to;                        //!< The result was returned to this person.
  std::optional<std::string> answers_json;                       //!< New answers (supply).
  std::vector<store::DossierFileRecord> files;                   //!< Files attached (supply).
  std::string subject;                                           //!< Applicant's message subject ("" none).
  std::string text;                                              //!< Its text.
};

//! The text of a message about dossier `code`: a sentence, then where to follow it.
std::string MessageText(std::string_view public_url, std::string_view code, std::string_view sentence);
//! Enqueues the applicant's message of `change` (SMS to their phone, email when given) with key `key` in `s`.
void TellApplicant(store::Session& s, const domain::Clock& clock, const store::DossierRecord& d, const std::string& key,
                   const std::string& subject, const std::string& text);

//! The refusal of a stale version.
domain::Error StaleVersion();
//! A kInvalid about the action (no field).
domain::Error InvalidAction(const char* message);

//! The hand-off a dossier enters `step` of `workflow` with at `now`, due after its share of `total_minutes`.
store::HandoffRecord EnterStep(int64_t dossier_id, const domain::Workflow& workflow, const domain::WorkflowStep& step,
                               const std::string& agency, domain::Instant now, int64_t total_minutes,
                               const domain::WorkCalendar& calendar, const domain::OfficeHours& hours);
//! Receives dossier `dossier_id` of `agency` into `p` at ctx.now on `workflow` (not empty): pins it, starts the
//! clock, sets the appointment by the procedure's time limit for the dossier's channel, and enters the first step
//! (status from the state machine is the caller's); returns the hand-off row, from `by`.
//! When the workflow starts with a reception step (one that allows kAccept), the dossier enters the step after it
//! and `reception` gets that step's row, finished at once by the acceptance.
store::HandoffRecord Receive(store::ProcessingRecord& p, int64_t dossier_id, const std::string& agency,
                             const domain::Workflow& workflow, const Context& ctx, const domain::Principal& by,
                             std::optional<store::HandoffRecord>& reception);
//! The current appointment (micros) of `l` with its open pause closed at ctx.now (the clock restarts);
//! store::kNoDueMicros when it has no appointment.
int64_t ResumedDue(const Loaded& l, const Context& ctx);
//! The office minutes between receipt and the original appointment of `p` (0 when there is no limit).
int64_t TotalMinutes(const store::ProcessingRecord& p, const domain::WorkCalendar& calendar,
                     const domain::OfficeHours& hours);

}  // namespace motcua::service::office_parts
