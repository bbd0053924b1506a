#include "store/inbox_store.hpp"

#include <fmt/format.h>

#include <string_view>

#include "domain/dates.hpp"

namespace motcua::store {

namespace {

//! The running statuses, written exactly as in the partial indexes of migration 0010 (SQLite matches the text).
constexpr std::string_view kRunning = "d.status IN ('accepted', 'processing')";

//! The WHERE clause (without "WHERE") and parameters of `range`, and its key column.
struct RangeSql {
  std::string where;
  Params params;
  std::string key;
  bool descending = false;
};

void AddMarks(std::string& where, Params& params, std::string_view column, const std::vector<std::string>& values) {
  std::string marks;
  for (const std::string& v : values) {
    marks += marks.empty() ? "?" : ", ?";
    params.emplace_back(v);
  }
  where += fmt::format(" AND {} IN ({})", column, marks);
}

RangeSql SqlOf(const InboxRange& range) {
  RangeSql out;
  switch (range.kind) {
    case InboxRangeKind::kRunning:
      out.key = "d.due_at";
      out.where = std::string(kRunning) + " AND d.due_at IS NOT NULL";
      if (!range.agency.empty()) {
        out.where += " AND d.handling_agency = ?";
        out.params.emplace_back(range.agency);
      }
      if (!range.role.empty()) {
        out.where += " AND d.step_role = ?";
        out.params.emplace_back(range.role);
      }
      if (range.assignee) {
        out.where += " AND d.assignee_id = ?";
        out.params.emplace_back(*range.assignee);
      }
      if (range.due_from) {
        out.where += " AND d.due_at >= ?";
        out.params.emplace_back(*range.due_from);
      }
      if (range.due_before) {
        out.where += " AND d.due_at < ?";
        out.params.emplace_back(*range.due_before);
      }
      break;
    case InboxRangeKind::kDesk: {
      out.key = "d.submitted_at";
      out.where = "d.code IS NOT NULL AND d.agency_code = ?";
      out.params.emplace_back(range.agency);
      std::vector<std::string> codes;
      for (const domain::DossierStatus st : range.statuses) {
        codes.emplace_back(domain::StatusCode(st));
      }
      AddMarks(out.where, out.params, "d.status", codes);
      break;
    }
    case InboxRangeKind::kEnded:
      out.key = "d.ended_at";
      out.descending = true;
      out.where = "d.ended_at IS NOT NULL AND d.agency_code = ?";
      out.params.emplace_back(range.agency);
      break;
  }
  if (!range.procedures.empty()) {
    AddMarks(out.where, out.params, "d.procedure_code", range.procedures);
  }
  if (range.status) {
    out.where += " AND d.status = ?";
    out.params.emplace_back(std::string(domain::StatusCode(*range.status)));
  }
  return out;
}

}  // namespace

std::vector<InboxRecord> ListInbox(Session& s, const InboxRange& range,
                                   std::optional<std::pair<int64_t, int64_t>> after, int64_t limit) {
  RangeSql q = SqlOf(range);
  const char* order = q.descending ? "DESC" : "ASC";
  if (after) {
    q.where += fmt::format(" AND ({}, d.id) {} (?, ?)", q.key, q.descending ? "<" : ">");
    q.params.emplace_back(after->first);
    q.params.emplace_back(after->second);
  }
  q.params.emplace_back(limit);
  const Rows rows =
      s.Query(fmt::format("SELECT {0}, d.id, d.code, d.procedure_code, d.applicant_name, d.status, d.workflow_key, "
                          "d.workflow_version, d.step_id, d.assignee_id, COALESCE(u.full_name, ''), d.channel, "
                          "d.submitted_at, d.due_at FROM dossiers d LEFT JOIN users u ON u.id = d.assignee_id "
                          "WHERE {1} ORDER BY {0} {2}, d.id {2} LIMIT ?",
                          q.key, q.where, order),
              q.params);
  enum : size_t {
    kKey,
    kId,
    kCode,
    kProcedure,
    kApplicant,
    kStatus,
    kWorkflow,
    kWorkflowVersion,
    kStep,
    kAssignee,
    kAssigneeName,
    kChannel,
    kSubmitted,
    kDue
  };
  std::vector<InboxRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    InboxRecord x;
    x.key = r.OptInt(kKey).value_or(0);
    x.id = r.Int(kId);
    x.code = r.OptText(kCode).value_or("");
    x.procedure_code = r.Text(kProcedure);
    x.applicant_name = r.Text(kApplicant);
    x.status = domain::ParseDossierStatus(r.Text(kStatus)).value_or(domain::DossierStatus::kSubmitted);
    x.workflow_key = r.OptText(kWorkflow).value_or("");
    x.workflow_version = static_cast<int32_t>(r.OptInt(kWorkflowVersion).value_or(0));
    x.step_id = r.OptText(kStep).value_or("");
    x.assignee_id = r.Int(kAssignee);
    x.assignee_name = r.Text(kAssigneeName);
    x.channel = static_cast<int32_t>(r.Int(kChannel));
    if (const auto at = r.OptInt(kSubmitted)) {
      x.submitted_at = domain::Instant::FromMicros(*at);
    }
    x.due_at = r.OptInt(kDue);
    out.push_back(std::move(x));
  }
  return out;
}

int64_t CountInboxByScan(Session& s, const InboxRange& range) {
  const RangeSql q = SqlOf(range);
  return s.Query(fmt::format("SELECT COUNT(*) FROM dossiers d WHERE {}", q.where), q.params)[0].Int(0);
}

int64_t CountInbox(Session& s, const InboxRange& range) {
  // The counters of migration 0012 hold running dossiers by agency, role, holder and day of appointment, and filed
  // dossiers by receiving agency, status and ended or not. A range without a procedure or status filter is their
  // sum; a running range with a lower bound on the appointment (due soon: at most a working day of appointments) is
  // counted by index, and so is the part of an overdue range's last day before `due_before` (it ends now, today).
  if (!range.procedures.empty() || range.status) {
    return CountInboxByScan(s, range);
  }
  if (range.kind == InboxRangeKind::kDesk || range.kind == InboxRangeKind::kEnded) {
    // The desk's lists: the counters of filed dossiers per receiving agency, status and ended or not.
    std::string where = "agency_code = ?";
    Params params{range.agency};
    if (range.kind == InboxRangeKind::kEnded) {
      where += " AND ended = 1";
    } else {
      std::vector<std::string> codes;
      for (const domain::DossierStatus st : range.statuses) {
        codes.emplace_back(domain::StatusCode(st));
      }
      AddMarks(where, params, "status", codes);
    }
    return s.Query(fmt::format("SELECT COALESCE(SUM(n), 0) FROM desk_counts WHERE {}", where), params)[0].Int(0);
  }
  if (range.due_from) {
    return CountInboxByScan(s, range);
  }
  std::string where = "1 = 1";
  Params params;
  if (!range.agency.empty()) {
    where += " AND handling_agency = ?";
    params.emplace_back(range.agency);
  }
  if (!range.role.empty()) {
    where += " AND step_role = ?";
    params.emplace_back(range.role);
  }
  if (range.assignee) {
    where += " AND assignee_id = ?";
    params.emplace_back(*range.assignee);
  }
  int64_t partial = 0;
  if (range.due_before) {
    const int64_t day = LocalDayOf(*range.due_before);
    where += " AND due_day < ?";
    params.emplace_back(day);
    InboxRange today = range;
    today.due_from = StartOfLocalDay(day);
    partial = *today.due_from < *range.due_before ? CountInboxByScan(s, today) : 0;
  }
  const Rows rows = s.Query(fmt::format("SELECT COALESCE(SUM(n), 0) FROM inbox_counts WHERE {}", where), params);
  return rows[0].Int(0) + partial;
}

int64_t LocalDayOf(int64_t micros) {
  return (micros / domain::kMicrosPerSecond + domain::kVietnamOffsetSeconds) / domain::kSecondsPerDay;
}

int64_t StartOfLocalDay(int64_t day) {
  return (day * domain::kSecondsPerDay - domain::kVietnamOffsetSeconds) * domain::kMicrosPerSecond;
}

std::vector<LogbookRecord> ListLogbook(Session& s, const std::string& agency, domain::Instant from,
                                       domain::Instant to) {
  const Rows rows = s.Query(
      "SELECT d.id, d.code, d.procedure_code, d.sets, d.applicant_name, d.answers, COALESCE(d.handling_agency, ''), "
      "d.status, d.received_at, d.appointment, d.ended_at, r.returned_at, r.recorded_at, "
      "(SELECT MIN(x.requested_at) FROM dossier_supplements x WHERE x.dossier_id = d.id AND x.before_reception = 0), "
      "(SELECT MIN(h.handed_at) FROM dossier_handoffs h WHERE h.dossier_id = d.id AND h.handed_at > d.received_at), "
      "COALESCE(d.end_reason, '') "
      "FROM dossiers d LEFT JOIN dossier_results r ON r.dossier_id = d.id "
      "WHERE d.received_at IS NOT NULL AND d.agency_code = ? AND d.received_at >= ? AND d.received_at < ? "
      "ORDER BY d.received_at, d.id",
      {agency, from.micros, to.micros});
  enum : size_t {
    kId,
    kCode,
    kProcedure,
    kSets,
    kApplicant,
    kAnswers,
    kHandling,
    kStatus,
    kReceived,
    kAppointment,
    kEnded,
    kReturned,
    kRecorded,
    kSupplement,
    kHandoff,
    kReason
  };
  auto opt = [](const Row& r, size_t i) -> std::optional<domain::Instant> {
    if (const auto v = r.OptInt(i)) {
      return domain::Instant::FromMicros(*v);
    }
    return std::nullopt;
  };
  std::vector<LogbookRecord> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    LogbookRecord x;
    x.id = r.Int(kId);
    x.code = r.OptText(kCode).value_or("");
    x.procedure_code = r.Text(kProcedure);
    x.sets = static_cast<int32_t>(r.Int(kSets));
    x.applicant_name = r.Text(kApplicant);
    x.answers_json = r.Text(kAnswers);
    x.handling_agency = r.Text(kHandling);
    x.status = domain::ParseDossierStatus(r.Text(kStatus)).value_or(domain::DossierStatus::kAccepted);
    x.received_at = domain::Instant::FromMicros(r.Int(kReceived));
    x.appointment = opt(r, kAppointment);
    x.ended_at = opt(r, kEnded);
    x.returned_at = opt(r, kReturned);
    x.result_recorded_at = opt(r, kRecorded);
    x.first_supplement_at = opt(r, kSupplement);
    x.first_handoff_at = opt(r, kHandoff);
    x.end_reason = r.Text(kReason);
    out.push_back(std::move(x));
  }
  return out;
}

namespace {

std::vector<SweepRecord> ReadSweep(const Rows& rows) {
  std::vector<SweepRecord> out;
  constexpr size_t kDue = 5;
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    out.push_back(SweepRecord{r.Int(0), r.OptText(1).value_or(""), r.OptText(2).value_or(""), r.OptText(3).value_or(""),
                              r.Int(4), r.Int(kDue)});
  }
  return out;
}

}  // namespace

std::vector<SweepRecord> ListToWarn(Session& s, int64_t before, int64_t limit) {
  return ReadSweep(s.Query(fmt::format("SELECT d.id, d.code, d.handling_agency, d.step_role, d.assignee_id, d.due_at "
                                       "FROM dossiers d WHERE {} AND d.due_at < ? AND (d.warned_for IS NULL OR "
                                       "d.warned_for <> d.due_at) ORDER BY d.due_at, d.id LIMIT ?",
                                       kRunning),
                           {before, limit}));
}

std::vector<SweepRecord> ListNewlyOverdue(Session& s, int64_t now, int64_t limit) {
  return ReadSweep(s.Query(fmt::format("SELECT d.id, d.code, d.handling_agency, d.step_role, d.assignee_id, d.due_at "
                                       "FROM dossiers d WHERE {} AND d.due_at < ? AND (d.overdue_for IS NULL OR "
                                       "d.overdue_for <> d.due_at) ORDER BY d.due_at, d.id LIMIT ?",
                                       kRunning),
                           {now, limit}));
}

void MarkWarned(Session& s, int64_t id, int64_t due_at) {
  s.Exec("UPDATE dossiers SET warned_for = ? WHERE id = ?", {due_at, id});
}

void MarkOverdueTold(Session& s, int64_t id, int64_t due_at) {
  s.Exec("UPDATE dossiers SET overdue_for = ? WHERE id = ?", {due_at, id});
}

}  // namespace motcua::store
