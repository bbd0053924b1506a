#pragma once
//! The back office in the store (issue 10): the processing columns of a dossier (reception, handling agency, pinned
//! workflow and step, holder, appointment and clock, end), its hand-offs (form 05), supplement requests (form 02),
//! clock pauses, apologies (form 04), result, the counter's queue tickets, and the inbox lists read by index ranges
//! with keyset pages. Functions take a Session so that a change, its journal entry and its messages commit together.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/dossier.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! The due_at of a running dossier whose procedure has no known time limit: sorts after every real appointment.
inline constexpr int64_t kNoDueMicros = int64_t{253402300799} * 1000000;  // 9999-12-31 23:59:59 UTC

//! The back-office state of one dossier (the processing columns of its row).
struct ProcessingRecord {
  int64_t id = 0;                                                    //!< The dossier.
  domain::DossierStatus status = domain::DossierStatus::kSubmitted;  //!< Its status.
  int64_t version = 0;                                               //!< Row version.
  int32_t channel = 2;                                               //!< 1 counter, 2 online, 3 post.
  std::optional<domain::Instant> received_at;                        //!< Receipt.
  int64_t received_by = 0;                                           //!< Desk officer who received it.
  std::string handling_agency;                                       //!< Agency acting now ("" before reception).
  std::string workflow_key;                                          //!< Pinned workflow.
  int32_t workflow_version = 0;                                      //!< Its version.
  std::string step_id;                                               //!< Current step.
  std::string step_role;                                             //!< Role acting at it (RoleCode).
  int64_t assignee_id = 0;                                           //!< Holder (0: the step's queue).
  std::optional<domain::Instant> appointment;                        //!< Original appointment.
  std::optional<int64_t> due_at;                                     //!< Current appointment (micros), kNoDueMicros.
  std::optional<domain::Instant> paused_since;                       //!< Clock stopped since.
  std::string pause_reason;                                          //!< "supplement", "payment".
  int32_t supplement_requests = 0;                                   //!< After receipt.
  std::optional<domain::Instant> apology_appointment;                //!< Newest apology's date.
  std::string timeliness;                                            //!< "early", "on_time", "late" or "".
  std::optional<domain::Instant> ended_at;                           //!< When it ended.
  std::string end_reason;                                            //!< Why it ended (refusal…).
  int32_t queue_ticket = 0;                                          //!< Counter ticket (0: none).
  int32_t sets = 1;                                                  //!< Number of sets.
  std::string origin_agency;                                         //!< Transferred: the agency it returns to.
  std::string origin_workflow_key;                                   //!< Its workflow.
  int32_t origin_workflow_version = 0;                               //!< Its version.
  std::string origin_step_id;                                        //!< The step it returns to.
};

//! The processing state of dossier `id`, if any.
std::optional<ProcessingRecord> FindProcessing(Session& s, int64_t id);
//! Same, locked until the transaction ends (PostgreSQL: FOR UPDATE).
std::optional<ProcessingRecord> LockProcessing(Session& s, int64_t id);
//! Stores every processing column and the status of `p` when the row is still at `expected_version` (then bumps the
//! version and sets updated_at); false when someone acted first.
bool SaveProcessing(Session& s, const ProcessingRecord& p, int64_t expected_version, domain::Instant now);
//! Sets the channel of dossier `id` (1 counter).
void SetChannel(Session& s, int64_t id, int32_t channel);

//! One hand-off row (form 05).
struct HandoffRecord {
  int64_t id = 0;                              //!< Its id.
  int64_t dossier_id = 0;                      //!< The dossier.
  std::string step_id;                         //!< Step entered.
  std::string step_name;                       //!< Its name.
  std::string agency_code;                     //!< Agency acting there.
  int64_t from_id = 0;                         //!< Who handed over.
  std::string from_name;                       //!< Their name.
  int64_t to_id = 0;                           //!< Who took it (0: the queue).
  std::string to_name;                         //!< Their name.
  domain::Instant at;                          //!< When.
  domain::Instant due;                         //!< When the step should end.
  std::optional<domain::Instant> finished_at;  //!< When it ended.
  std::string timeliness;                      //!< Judgement once ended.
  std::string action;                          //!< What ended it.
  std::string note;                            //!< Its note.
};
//! Appends a hand-off; returns its id.
int64_t InsertHandoff(Session& s, const HandoffRecord& h);
//! Closes the open hand-off of `dossier_id` (if any) with `action`, `note` and `timeliness` at `at`.
void FinishHandoff(Session& s, int64_t dossier_id, domain::Instant at, std::string_view action, std::string_view note,
                   std::string_view timeliness);
//! The hand-offs of `dossier_id`, oldest first.
std::vector<HandoffRecord> ListHandoffs(Session& s, int64_t dossier_id);

//! One supplement request.
struct SupplementRecord {
  int64_t id = 0;                              //!< Its id.
  int64_t dossier_id = 0;                      //!< The dossier.
  domain::Instant requested_at;                //!< When.
  int64_t requested_by_id = 0;                 //!< Officer.
  std::string requested_by;                    //!< Their name.
  bool before_reception = false;               //!< Asked before receipt.
  std::string items_json = "[]";               //!< The items.
  std::string note;                            //!< Covering note.
  std::optional<domain::Instant> supplied_at;  //!< Answered then.
};
//! Appends a supplement request; returns its id.
int64_t InsertSupplement(Session& s, const SupplementRecord& r);
//! Marks the open supplement request of `dossier_id` supplied at `at`; false when none was open.
bool MarkSupplied(Session& s, int64_t dossier_id, domain::Instant at);
//! The supplement requests of `dossier_id`, oldest first.
std::vector<SupplementRecord> ListSupplements(Session& s, int64_t dossier_id);

//! One stop of the clock.
struct PauseRecord {
  std::string reason;                 //!< "supplement", "payment".
  domain::Instant from;               //!< Stopped.
  std::optional<domain::Instant> to;  //!< Restarted.
};
//! Opens a pause of `dossier_id`.
void InsertPause(Session& s, int64_t dossier_id, std::string_view reason, domain::Instant from);
//! Closes the open pause of `dossier_id` at `to`.
void ClosePause(Session& s, int64_t dossier_id, domain::Instant to);
//! The pauses of `dossier_id`, oldest first.
std::vector<PauseRecord> ListPauses(Session& s, int64_t dossier_id);

//! One apology.
struct ApologyRecord {
  domain::Instant at;               //!< Issued.
  int64_t by_id = 0;                //!< Officer.
  std::string by_name;              //!< Their name.
  std::string reason;               //!< Why late.
  domain::Instant new_appointment;  //!< New date.
};
//! Appends an apology of `dossier_id`.
void InsertApology(Session& s, int64_t dossier_id, const ApologyRecord& a);
//! The apologies of `dossier_id`, oldest first.
std::vector<ApologyRecord> ListApologies(Session& s, int64_t dossier_id);

//! The result of a dossier.
struct ResultRecord {
  int64_t dossier_id = 0;                      //!< The dossier.
  std::string number;                          //!< Document number.
  std::string issued_on;                       //!< YYYY-MM-DD.
  std::string sha256;                          //!< E-result in the file store ("" for paper only).
  std::string media_type;                      //!< Its type.
  std::string kind;                            //!< "pdf".
  int64_t bytes = 0;                           //!< Its size.
  std::string original_name;                   //!< Uploaded name.
  std::string method;                          //!< online, counter, post.
  domain::Instant recorded_at;                 //!< When recorded.
  int64_t recorded_by = 0;                     //!< Clerk.
  std::optional<domain::Instant> returned_at;  //!< Handed over.
  std::string returned_to;                     //!< To whom.
};
//! Stores the result of a dossier (one per dossier).
void InsertResult(Session& s, const ResultRecord& r);
//! Records the return of the result of `dossier_id`.
void MarkResultReturned(Session& s, int64_t dossier_id, domain::Instant at, std::string_view returned_to);
//! The result of `dossier_id`, if recorded.
std::optional<ResultRecord> FindResult(Session& s, int64_t dossier_id);

//! The next queue ticket of `agency_code` on `day` (YYYY-MM-DD): 1 for the first of the day.
int64_t NextQueueTicket(Session& s, std::string_view agency_code, std::string_view day);

//! Officers (id, full name) holding `role` at one of `agencies`, active, sorted by name.
std::vector<std::pair<int64_t, std::string>> OfficersWithRole(Session& s, std::string_view role,
                                                              const std::vector<std::string>& agencies);
//! Contact of account `id`: (phone, email), empty when unknown.
std::pair<std::string, std::string> ContactOf(Session& s, int64_t id);
//! Full name of account `id` ("" when unknown).
std::string NameOf(Session& s, int64_t id);

}  // namespace motcua::store
