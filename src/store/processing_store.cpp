#include "store/processing_store.hpp"

#include <fmt/format.h>

namespace motcua::store {

namespace {

constexpr std::string_view kProcessingColumns =
    "id, status, version, channel, received_at, received_by, handling_agency, workflow_key, workflow_version, step_id, "
    "step_role, assignee_id, appointment, due_at, paused_since, pause_reason, supplement_requests, "
    "apology_appointment, timeliness, ended_at, end_reason, queue_ticket, sets, origin_agency, origin_workflow_key, "
    "origin_workflow_version, origin_step_id";

//! Column positions of kProcessingColumns.
enum ProcessingColumn : size_t {
  kId,
  kStatus,
  kVersion,
  kChannel,
  kReceivedAt,
  kReceivedBy,
  kHandlingAgency,
  kWorkflowKey,
  kWorkflowVersion,
  kStepId,
  kStepRole,
  kAssignee,
  kAppointment,
  kDueAt,
  kPausedSince,
  kPauseReason,
  kSupplementRequests,
  kApologyAppointment,
  kTimeliness,
  kEndedAt,
  kEndReason,
  kQueueTicket,
  kSets,
  kOriginAgency,
  kOriginWorkflowKey,
  kOriginWorkflowVersion,
  kOriginStepId,
};

std::optional<domain::Instant> OptInstant(const Row& r, size_t i) {
  if (const auto v = r.OptInt(i)) {
    return domain::Instant::FromMicros(*v);
  }
  return std::nullopt;
}

Value InstantOrNull(const std::optional<domain::Instant>& t) { return t ? Value{t->micros} : Value{}; }

ProcessingRecord ReadProcessing(const Row& r) {
  ProcessingRecord p;
  p.id = r.Int(kId);
  p.status = domain::ParseDossierStatus(r.Text(kStatus)).value_or(domain::DossierStatus::kDraft);
  p.version = r.Int(kVersion);
  p.channel = static_cast<int32_t>(r.Int(kChannel));
  p.received_at = OptInstant(r, kReceivedAt);
  p.received_by = r.OptInt(kReceivedBy).value_or(0);
  p.handling_agency = r.OptText(kHandlingAgency).value_or("");
  p.workflow_key = r.OptText(kWorkflowKey).value_or("");
  p.workflow_version = static_cast<int32_t>(r.OptInt(kWorkflowVersion).value_or(0));
  p.step_id = r.OptText(kStepId).value_or("");
  p.step_role = r.OptText(kStepRole).value_or("");
  p.assignee_id = r.Int(kAssignee);
  p.appointment = OptInstant(r, kAppointment);
  p.due_at = r.OptInt(kDueAt);
  p.paused_since = OptInstant(r, kPausedSince);
  p.pause_reason = r.OptText(kPauseReason).value_or("");
  p.supplement_requests = static_cast<int32_t>(r.Int(kSupplementRequests));
  p.apology_appointment = OptInstant(r, kApologyAppointment);
  p.timeliness = r.OptText(kTimeliness).value_or("");
  p.ended_at = OptInstant(r, kEndedAt);
  p.end_reason = r.OptText(kEndReason).value_or("");
  p.queue_ticket = static_cast<int32_t>(r.OptInt(kQueueTicket).value_or(0));
  p.sets = static_cast<int32_t>(r.Int(kSets));
  p.origin_agency = r.OptText(kOriginAgency).value_or("");
  p.origin_workflow_key = r.OptText(kOriginWorkflowKey).value_or("");
  p.origin_workflow_version = static_cast<int32_t>(r.OptInt(kOriginWorkflowVersion).value_or(0));
  p.origin_step_id = r.OptText(kOriginStepId).value_or("");
  return p;
}

std::optional<ProcessingRecord> FirstProcessing(const Rows& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadProcessing(rows[0]);
}

HandoffRecord ReadHandoff(const Row& r) {
  enum : size_t {
    kHId,
    kDossier,
    kStep,
    kStepName,
    kAgency,
    kFrom,
    kFromName,
    kTo,
    kToName,
    kAt,
    kDue,
    kFinished,
    kHTimeliness,
    kAction,
    kNote
  };
  HandoffRecord h;
  h.id = r.Int(kHId);
  h.dossier_id = r.Int(kDossier);
  h.step_id = r.Text(kStep);
  h.step_name = r.Text(kStepName);
  h.agency_code = r.Text(kAgency);
  h.from_id = r.Int(kFrom);
  h.from_name = r.Text(kFromName);
  h.to_id = r.Int(kTo);
  h.to_name = r.Text(kToName);
  h.at = domain::Instant::FromMicros(r.Int(kAt));
  h.due = domain::Instant::FromMicros(r.Int(kDue));
  h.finished_at = OptInstant(r, kFinished);
  h.timeliness = r.OptText(kHTimeliness).value_or("");
  h.action = r.Text(kAction);
  h.note = r.Text(kNote);
  return h;
}

}  // namespace

std::optional<ProcessingRecord> FindProcessing(Session& s, int64_t id) {
  return FirstProcessing(s.Query(fmt::format("SELECT {} FROM dossiers WHERE id = ?", kProcessingColumns), {id}));
}

std::optional<ProcessingRecord> LockProcessing(Session& s, int64_t id) {
  const std::string_view lock = s.engine() == Engine::kPostgres ? " FOR UPDATE" : "";
  return FirstProcessing(
      s.Query(fmt::format("SELECT {} FROM dossiers WHERE id = ?{}", kProcessingColumns, lock), {id}));
}

bool SaveProcessing(Session& s, const ProcessingRecord& p, int64_t expected_version, domain::Instant now) {
  return s.Exec(
             "UPDATE dossiers SET status = ?, channel = ?, received_at = ?, received_by = ?, handling_agency = ?, "
             "workflow_key = ?, workflow_version = ?, step_id = ?, step_role = ?, assignee_id = ?, appointment = ?, "
             "due_at = ?, paused_since = ?, pause_reason = ?, supplement_requests = ?, apology_appointment = ?, "
             "timeliness = ?, ended_at = ?, end_reason = ?, queue_ticket = ?, sets = ?, origin_agency = ?, "
             "origin_workflow_key = ?, origin_workflow_version = ?, origin_step_id = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {std::string(domain::StatusCode(p.status)),
              int64_t{p.channel},
              InstantOrNull(p.received_at),
              p.received_by != 0 ? Value{p.received_by} : Value{},
              TextOrNull(p.handling_agency),
              TextOrNull(p.workflow_key),
              p.workflow_version != 0 ? Value{int64_t{p.workflow_version}} : Value{},
              TextOrNull(p.step_id),
              TextOrNull(p.step_role),
              p.assignee_id,
              InstantOrNull(p.appointment),
              OrNull(p.due_at),
              InstantOrNull(p.paused_since),
              TextOrNull(p.pause_reason),
              int64_t{p.supplement_requests},
              InstantOrNull(p.apology_appointment),
              TextOrNull(p.timeliness),
              InstantOrNull(p.ended_at),
              TextOrNull(p.end_reason),
              p.queue_ticket != 0 ? Value{int64_t{p.queue_ticket}} : Value{},
              int64_t{p.sets},
              TextOrNull(p.origin_agency),
              TextOrNull(p.origin_workflow_key),
              p.origin_workflow_version != 0 ? Value{int64_t{p.origin_workflow_version}} : Value{},
              TextOrNull(p.origin_step_id),
              now.micros,
              p.id,
              expected_version}) > 0;
}

void SetChannel(Session& s, int64_t id, int32_t channel) {
  s.Exec("UPDATE dossiers SET channel = ? WHERE id = ?", {int64_t{channel}, id});
}

int64_t InsertHandoff(Session& s, const HandoffRecord& h) {
  const Rows rows = s.Query(
      "INSERT INTO dossier_handoffs (dossier_id, step_id, step_name, agency_code, from_id, from_name, to_id, to_name, "
      "handed_at, due_at, finished_at, timeliness, action, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {h.dossier_id, h.step_id, h.step_name, h.agency_code, h.from_id, h.from_name, h.to_id, h.to_name, h.at.micros,
       h.due.micros, InstantOrNull(h.finished_at), TextOrNull(h.timeliness), h.action, h.note});
  return rows[0].Int(0);
}

void FinishHandoff(Session& s, int64_t dossier_id, domain::Instant at, std::string_view action, std::string_view note,
                   std::string_view timeliness) {
  s.Exec(
      "UPDATE dossier_handoffs SET finished_at = ?, action = ?, note = ?, timeliness = ? "
      "WHERE dossier_id = ? AND finished_at IS NULL",
      {at.micros, std::string(action), std::string(note), TextOrNull(std::string(timeliness)), dossier_id});
}

std::vector<HandoffRecord> ListHandoffs(Session& s, int64_t dossier_id) {
  const Rows rows = s.Query(
      "SELECT id, dossier_id, step_id, step_name, agency_code, from_id, from_name, to_id, to_name, handed_at, due_at, "
      "finished_at, timeliness, action, note FROM dossier_handoffs WHERE dossier_id = ? ORDER BY id",
      {dossier_id});
  std::vector<HandoffRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadHandoff(rows[i]));
  }
  return out;
}

int64_t InsertSupplement(Session& s, const SupplementRecord& r) {
  const Rows rows = s.Query(
      "INSERT INTO dossier_supplements (dossier_id, requested_at, requested_by_id, requested_by, before_reception, "
      "items, note) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.dossier_id, r.requested_at.micros, r.requested_by_id, r.requested_by, int64_t{r.before_reception ? 1 : 0},
       r.items_json, r.note});
  return rows[0].Int(0);
}

bool MarkSupplied(Session& s, int64_t dossier_id, domain::Instant at) {
  return s.Exec("UPDATE dossier_supplements SET supplied_at = ? WHERE dossier_id = ? AND supplied_at IS NULL",
                {at.micros, dossier_id}) > 0;
}

std::vector<SupplementRecord> ListSupplements(Session& s, int64_t dossier_id) {
  constexpr size_t kNote = 7;
  constexpr size_t kSupplied = 8;
  const Rows rows = s.Query(
      "SELECT id, dossier_id, requested_at, requested_by_id, requested_by, before_reception, items, note, supplied_at "
      "FROM dossier_supplements WHERE dossier_id = ? ORDER BY id",
      {dossier_id});
  std::vector<SupplementRecord> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    SupplementRecord x;
    x.id = r.Int(0);
    x.dossier_id = r.Int(1);
    x.requested_at = domain::Instant::FromMicros(r.Int(2));
    x.requested_by_id = r.Int(3);
    x.requested_by = r.Text(4);
    x.before_reception = r.Int(5) != 0;
    x.items_json = r.Text(6);
    x.note = r.Text(kNote);
    x.supplied_at = OptInstant(r, kSupplied);
    out.push_back(std::move(x));
  }
  return out;
}

void InsertPause(Session& s, int64_t dossier_id, std::string_view reason, domain::Instant from) {
  s.Exec("INSERT INTO dossier_pauses (dossier_id, reason, from_at) VALUES (?, ?, ?)",
         {dossier_id, std::string(reason), from.micros});
}

void ClosePause(Session& s, int64_t dossier_id, domain::Instant to) {
  s.Exec("UPDATE dossier_pauses SET to_at = ? WHERE dossier_id = ? AND to_at IS NULL", {to.micros, dossier_id});
}

std::vector<PauseRecord> ListPauses(Session& s, int64_t dossier_id) {
  const Rows rows =
      s.Query("SELECT reason, from_at, to_at FROM dossier_pauses WHERE dossier_id = ? ORDER BY id", {dossier_id});
  std::vector<PauseRecord> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(PauseRecord{rows[i].Text(0), domain::Instant::FromMicros(rows[i].Int(1)), OptInstant(rows[i], 2)});
  }
  return out;
}

void InsertApology(Session& s, int64_t dossier_id, const ApologyRecord& a) {
  s.Exec(
      "INSERT INTO dossier_apologies (dossier_id, issued_at, by_id, by_name, reason, new_appointment) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {dossier_id, a.at.micros, a.by_id, a.by_name, a.reason, a.new_appointment.micros});
}

std::vector<ApologyRecord> ListApologies(Session& s, int64_t dossier_id) {
  const Rows rows = s.Query(
      "SELECT issued_at, by_id, by_name, reason, new_appointment FROM dossier_apologies WHERE dossier_id = ? "
      "ORDER BY id",
      {dossier_id});
  std::vector<ApologyRecord> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    out.push_back(ApologyRecord{domain::Instant::FromMicros(r.Int(0)), r.Int(1), r.Text(2), r.Text(3),
                                domain::Instant::FromMicros(r.Int(4))});
  }
  return out;
}

void InsertResult(Session& s, const ResultRecord& r) {
  s.Exec(
      "INSERT INTO dossier_results (dossier_id, number, issued_on, sha256, media_type, kind, bytes, original_name, "
      "method, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.dossier_id, r.number, r.issued_on, TextOrNull(r.sha256), TextOrNull(r.media_type), TextOrNull(r.kind),
       r.sha256.empty() ? Value{} : Value{r.bytes}, TextOrNull(r.original_name), r.method, r.recorded_at.micros,
       r.recorded_by});
}

void MarkResultReturned(Session& s, int64_t dossier_id, domain::Instant at, std::string_view returned_to) {
  s.Exec("UPDATE dossier_results SET returned_at = ?, returned_to = ? WHERE dossier_id = ?",
         {at.micros, std::string(returned_to), dossier_id});
}

std::optional<ResultRecord> FindResult(Session& s, int64_t dossier_id) {
  enum : size_t {
    kDossier,
    kNumber,
    kIssued,
    kSha,
    kMedia,
    kKind,
    kBytes,
    kName,
    kMethod,
    kRecorded,
    kBy,
    kReturned,
    kTo
  };
  const Rows rows = s.Query(
      "SELECT dossier_id, number, issued_on, sha256, media_type, kind, bytes, original_name, method, recorded_at, "
      "recorded_by, returned_at, returned_to FROM dossier_results WHERE dossier_id = ?",
      {dossier_id});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row r = rows[0];
  ResultRecord x;
  x.dossier_id = r.Int(kDossier);
  x.number = r.Text(kNumber);
  x.issued_on = r.Text(kIssued);
  x.sha256 = r.OptText(kSha).value_or("");
  x.media_type = r.OptText(kMedia).value_or("");
  x.kind = r.OptText(kKind).value_or("");
  x.bytes = r.OptInt(kBytes).value_or(0);
  x.original_name = r.OptText(kName).value_or("");
  x.method = r.Text(kMethod);
  x.recorded_at = domain::Instant::FromMicros(r.Int(kRecorded));
  x.recorded_by = r.Int(kBy);
  x.returned_at = OptInstant(r, kReturned);
  x.returned_to = r.Text(kTo);
  return x;
}

int64_t NextQueueTicket(Session& s, std::string_view agency_code, std::string_view day) {
  const Rows rows = s.Query(
      "INSERT INTO queue_tickets (agency_code, issued_day, last_ticket) VALUES (?, ?, 1) "
      "ON CONFLICT (agency_code, issued_day) DO UPDATE SET last_ticket = queue_tickets.last_ticket + 1 "
      "RETURNING last_ticket",
      {std::string(agency_code), std::string(day)});
  return rows[0].Int(0);
}

std::vector<std::pair<int64_t, std::string>> OfficersWithRole(Session& s, std::string_view role,
                                                              const std::vector<std::string>& agencies) {
  std::vector<std::pair<int64_t, std::string>> out;
  if (agencies.empty()) {
    return out;
  }
  std::string marks;
  Params params{std::string(role)};
  for (const std::string& a : agencies) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(a);
  }
  const Rows rows = s.Query(fmt::format("SELECT DISTINCT u.id, u.full_name FROM officer_roles r JOIN users u ON u.id = "
                                        "r.user_id WHERE r.role = ? AND r.agency_code IN ({}) AND u.status = 'active' "
                                        "ORDER BY u.full_name, u.id",
                                        marks),
                            params);
  for (size_t i = 0; i < rows.size(); ++i) {
    out.emplace_back(rows[i].Int(0), rows[i].Text(1));
  }
  return out;
}

std::pair<std::string, std::string> ContactOf(Session& s, int64_t id) {
  const Rows rows = s.Query("SELECT phone, email FROM users WHERE id = ?", {id});
  if (rows.empty()) {
    return {};
  }
  return {rows[0].OptText(0).value_or(""), rows[0].OptText(1).value_or("")};
}

std::string NameOf(Session& s, int64_t id) {
  const Rows rows = s.Query("SELECT full_name FROM users WHERE id = ?", {id});
  return rows.empty() ? "" : rows[0].Text(0);
}

}  // namespace motcua::store
