#pragma once
//! The officers' lists of the back office (issue 10) read as index ranges: running dossiers by their current
//! appointment (a step's queue, a holder's, an agency's due-soon and overdue ranges), the desk's lists by filing time,
//! and ended dossiers newest first. Each list is read a keyset page at a time; the counts of the running ranges are
//! sums of the counters kept by the triggers of migration 0012, so a page and its count cost about the same at 1 M
//! open dossiers as at 100.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/dossier.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Which index range an inbox list reads.
enum class InboxRangeKind {
  kRunning,  //!< Accepted or processing dossiers, sorted by due_at (current appointment), then id.
  kDesk,     //!< Filed dossiers of a receiving agency in given statuses, sorted by submitted_at, then id.
  kEnded,    //!< Ended dossiers of a receiving agency, newest first (ended_at, id descending).
};

//! One index range of an inbox list.
struct InboxRange {
  InboxRangeKind kind = InboxRangeKind::kRunning;  //!< Which index.
  std::string agency;                              //!< kRunning: handling agency ("" any); else receiving agency.
  std::string role;                                //!< kRunning: the step's role ("" any).
  std::optional<int64_t> assignee;                 //!< kRunning: holder (0 = the step's queue), or any.
  std::optional<int64_t> due_from;                 //!< kRunning: due_at ≥ this (micros).
  std::optional<int64_t> due_before;               //!< kRunning: due_at < this (micros).
  std::vector<domain::DossierStatus> statuses;     //!< kDesk: the statuses listed.
  std::vector<std::string> procedures;             //!< Only these procedures (empty: all).
  std::optional<domain::DossierStatus> status;     //!< Only this status.
};

//! One row of an inbox list.
struct InboxRecord {
  int64_t key = 0;             //!< Sort key (due_at, submitted_at or ended_at micros).
  int64_t id = 0;              //!< Dossier id (second key).
  std::string code;            //!< Dossier code.
  std::string procedure_code;  //!< Procedure.
  std::string applicant_name;  //!< Applicant.
  domain::DossierStatus status = domain::DossierStatus::kSubmitted;  //!< Status.
  std::string workflow_key;                                          //!< Pinned workflow.
  int32_t workflow_version = 0;                                      //!< Its version.
  std::string step_id;                                               //!< Current step.
  int64_t assignee_id = 0;                                           //!< Holder.
  std::string assignee_name;                                         //!< Their name.
  int32_t channel = 2;                                               //!< Channel.
  std::optional<domain::Instant> submitted_at;                       //!< Filed.
  std::optional<int64_t> due_at;  //!< Current appointment (micros; NULL while paused).
};

//! The rows of `range` after (`after_key`, `after_id`) (none: from the start), at most `limit`.
std::vector<InboxRecord> ListInbox(Session& s, const InboxRange& range,
                                   std::optional<std::pair<int64_t, int64_t>> after, int64_t limit);
//! How many rows `range` holds.
int64_t CountInbox(Session& s, const InboxRange& range);
//! The same count read from the dossiers themselves (the check of CountInbox's counters).
int64_t CountInboxByScan(Session& s, const InboxRange& range);
//! The local (Vietnam) day number of the counters of migration 0012 holding an appointment at `micros`.
int64_t LocalDayOf(int64_t micros);
//! The first instant (micros) of local day `day`.
int64_t StartOfLocalDay(int64_t day);

//! One dossier of the logbook (form 06), raw.
struct LogbookRecord {
  int64_t id = 0;                                                   //!< Dossier.
  std::string code;                                                 //!< Its code.
  std::string procedure_code;                                       //!< Procedure.
  int32_t sets = 1;                                                 //!< Sets.
  std::string applicant_name;                                       //!< Applicant.
  std::string answers_json;                                         //!< Answers (address and phone are read from them).
  std::string handling_agency;                                      //!< Agency handling it.
  domain::DossierStatus status = domain::DossierStatus::kAccepted;  //!< Status.
  domain::Instant received_at;                                      //!< Received.
  std::optional<domain::Instant> appointment;                       //!< Appointment.
  std::optional<domain::Instant> ended_at;                          //!< Ended.
  std::optional<domain::Instant> returned_at;                       //!< Result returned.
  std::optional<domain::Instant> result_recorded_at;                //!< Result recorded.
  std::optional<domain::Instant> first_supplement_at;               //!< First supplement request after receipt.
  std::optional<domain::Instant> first_handoff_at;                  //!< Moved to processing (second hand-off).
  std::string end_reason;                                           //!< Refusal or stop reason.
};
//! Dossiers received by `agency` in [from, to), by receipt time.
std::vector<LogbookRecord> ListLogbook(Session& s, const std::string& agency, domain::Instant from, domain::Instant to);

//! A running dossier the deadline sweep looks at.
struct SweepRecord {
  int64_t id = 0;               //!< Dossier.
  std::string code;             //!< Its code.
  std::string handling_agency;  //!< Agency acting.
  std::string step_role;        //!< Role at the step.
  int64_t assignee_id = 0;      //!< Holder.
  int64_t due_at = 0;           //!< Current appointment.
};
//! Running dossiers due before `before` whose holder was not yet warned of their current due_at (at most `limit`).
std::vector<SweepRecord> ListToWarn(Session& s, int64_t before, int64_t limit);
//! Running dossiers due before `now` whose heads were not yet told of their current due_at (at most `limit`).
std::vector<SweepRecord> ListNewlyOverdue(Session& s, int64_t now, int64_t limit);
//! Records that the holder of `id` was warned of `due_at`.
void MarkWarned(Session& s, int64_t id, int64_t due_at);
//! Records that the heads of `id` were told it missed `due_at`.
void MarkOverdueTold(Session& s, int64_t id, int64_t due_at);

}  // namespace motcua::store
