//! The back office: the officers' inboxes (each queue a union of index ranges read in keyset pages and merged), the
//! counts of every queue the caller has, the logbook (form 06), the e-result download, and the deadline sweep.
#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "domain/dates.hpp"
#include "domain/form_definition.hpp"
#include "domain/messages.hpp"
#include "service/back_office.hpp"
#include "service/back_office_parts.hpp"
#include "service/dossier_parts.hpp"
#include "service/outbox.hpp"
#include "service/permission.hpp"
#include "store/inbox_store.hpp"
#include "store/keyset.hpp"
#include "store/processing_store.hpp"

namespace motcua::service {

using domain::DossierStatus;
using domain::Error;
using domain::ErrorKind;
using domain::N_;
using domain::Role;

namespace {

//! Most dossiers one sweep pass looks at per list (the next pass takes the rest).
constexpr int64_t kSweepBatch = 500;

constexpr std::pair<Queue, std::string_view> kQueueCodes[] = {
    {Queue::kMine, "mine"},         {Queue::kReception, "reception"}, {Queue::kSupplement, "supplement"},
    {Queue::kDueSoon, "due_soon"},  {Queue::kOverdue, "overdue"},     {Queue::kToReturn, "to_return"},
    {Queue::kFinished, "finished"},
};

//! Roles that hold processing steps.
bool Processes(Role r) {
  return r == Role::kDeskOfficer || r == Role::kSpecialist || r == Role::kSectionHead || r == Role::kAgencyHead ||
         r == Role::kClerk;
}

bool IsHead(Role r) { return r == Role::kSectionHead || r == Role::kAgencyHead; }

//! The index ranges of `queue` for `p` (none when the caller does not have that queue).
std::vector<store::InboxRange> RangesOf(const domain::Principal& p, Queue queue, int64_t now, int64_t soon) {
  std::vector<store::InboxRange> out;
  std::set<std::pair<std::string, std::string>> seen;
  auto add = [&](store::InboxRange r) {
    if (seen.insert({r.agency, r.role + "/" + std::to_string(static_cast<int32_t>(r.kind))}).second) {
      out.push_back(std::move(r));
    }
  };
  for (const domain::Grant& g : p.grants) {
    store::InboxRange r;
    r.agency = g.agency_code;
    switch (queue) {
      case Queue::kMine:
        if (Processes(g.role)) {
          r.role = std::string(domain::RoleCode(g.role));
          r.assignee = 0;
          add(r);
          if (g.role == Role::kSectionHead) {
            r.role = std::string(domain::RoleCode(Role::kSpecialist));
            add(r);
          }
        }
        break;
      case Queue::kDueSoon:
      case Queue::kOverdue:
        if (IsHead(g.role)) {
          r.due_from = queue == Queue::kDueSoon ? std::optional<int64_t>(now) : std::nullopt;
          r.due_before = queue == Queue::kDueSoon ? soon : now;
          add(r);
        }
        break;
      case Queue::kReception:
      case Queue::kSupplement:
      case Queue::kToReturn:
        if (g.role == Role::kDeskOfficer) {
          r.kind = store::InboxRangeKind::kDesk;
          r.statuses = {queue == Queue::kReception    ? DossierStatus::kSubmitted
                        : queue == Queue::kSupplement ? DossierStatus::kSupplementRequested
                                                      : DossierStatus::kDone};
          add(r);
        }
        break;
      case Queue::kFinished:
        if (g.role == Role::kDeskOfficer) {
          r.kind = store::InboxRangeKind::kEnded;
          add(r);
        }
        break;
    }
  }
  if (queue == Queue::kMine && !out.empty()) {
    store::InboxRange holder;
    holder.assignee = p.user_id;
    out.push_back(std::move(holder));
  }
  return out;
}

}  // namespace

std::string_view QueueCode(Queue q) {
  for (const auto& [queue, code] : kQueueCodes) {
    if (queue == q) {
      return code;
    }
  }
  return "";
}

std::optional<Queue> ParseQueue(std::string_view code) {
  for (const auto& [queue, name] : kQueueCodes) {
    if (name == code) {
      return queue;
    }
  }
  return std::nullopt;
}

domain::Result<Inbox> BackOffice::InboxOf(const Actor& actor, const InboxQuery& query) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kOfficer)) {
    return *refused;
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const std::shared_ptr<const domain::WorkCalendar> calendar = calendars_.Calendar();
  const domain::Instant now = clock_.Now();
  // "Due within 1 working day" is counted in the office hours of the officer's own agency (their first grant).
  const domain::OfficeHours hours =
      calendars_.HoursOf(actor.principal.grants.empty() ? "" : actor.principal.grants.front().agency_code);
  const int64_t soon = domain::DueSoonBefore(now, *calendar, hours).micros;
  std::vector<std::string> procedures;
  if (!query.procedure_code.empty()) {
    procedures.push_back(query.procedure_code);
  }
  if (!query.field_code.empty()) {
    std::vector<std::string> in_field;
    for (const domain::Procedure& pr : catalogue->procedures()) {
      if (pr.field_code == query.field_code &&
          (procedures.empty() || std::find(procedures.begin(), procedures.end(), pr.code) != procedures.end())) {
        in_field.push_back(pr.code);
      }
    }
    procedures = in_field.empty() ? std::vector<std::string>{"-"} : in_field;
  }
  std::optional<std::pair<int64_t, int64_t>> after;
  if (!query.after.empty()) {
    domain::Result<std::vector<store::Value>> keys = store::DecodeKeysetToken(query.after, 2);
    if (!keys || !std::holds_alternative<int64_t>((*keys)[0]) || !std::holds_alternative<int64_t>((*keys)[1])) {
      return Error::Field("after", N_("Trang danh sách không hợp lệ."));
    }
    after = std::make_pair(std::get<int64_t>((*keys)[0]), std::get<int64_t>((*keys)[1]));
  }
  auto filtered = [&](std::vector<store::InboxRange> ranges, bool with_status) {
    for (store::InboxRange& r : ranges) {
      r.procedures = procedures;
      if (with_status) {
        r.status = query.status;
      }
    }
    return ranges;
  };
  Inbox out;
  const std::vector<store::InboxRange> ranges =
      filtered(RangesOf(actor.principal, query.queue, now.micros, soon), true);
  const bool descending = query.queue == Queue::kFinished;
  std::vector<store::InboxRecord> rows;
  db_.Read([&](store::Session& s) {
    for (const store::InboxRange& r : ranges) {
      std::vector<store::InboxRecord> part = store::ListInbox(s, r, after, kInboxPageSize + 1);
      rows.insert(rows.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
    }
    for (const auto& [queue, code] : kQueueCodes) {
      const std::vector<store::InboxRange> counted =
          filtered(RangesOf(actor.principal, queue, now.micros, soon), false);
      if (counted.empty()) {
        continue;
      }
      int64_t n = 0;
      for (const store::InboxRange& r : counted) {
        n += store::CountInbox(s, r);
      }
      out.counts.emplace_back(queue, n);
    }
  });
  std::sort(rows.begin(), rows.end(), [&](const store::InboxRecord& a, const store::InboxRecord& b) {
    return descending ? std::tie(a.key, a.id) > std::tie(b.key, b.id) : std::tie(a.key, a.id) < std::tie(b.key, b.id);
  });
  rows.erase(std::unique(rows.begin(), rows.end(),
                         [](const store::InboxRecord& a, const store::InboxRecord& b) { return a.id == b.id; }),
             rows.end());
  if (rows.size() > static_cast<size_t>(kInboxPageSize)) {
    rows.resize(kInboxPageSize);
    out.next = store::EncodeKeysetToken({rows.back().key, rows.back().id});
  }
  for (const store::InboxRecord& r : rows) {
    InboxRow row;
    row.code = r.code;
    const domain::Procedure* pr = catalogue->FindProcedure(r.procedure_code);
    row.procedure_name = pr != nullptr ? pr->name : r.procedure_code;
    row.applicant_name = r.applicant_name;
    row.status = r.status;
    if (!r.workflow_key.empty() && !r.step_id.empty()) {
      if (domain::Result<domain::Workflow> wf = workflows_.Version(r.workflow_key, r.workflow_version)) {
        if (const domain::WorkflowStep* step = wf->Find(r.step_id)) {
          row.step_name = step->name;
        }
      }
    }
    row.assignee_name = r.assignee_name;
    row.channel = r.channel;
    row.submitted_at = r.submitted_at;
    const bool paused = r.status == DossierStatus::kSupplementRequested || r.status == DossierStatus::kPaymentRequested;
    if (r.due_at && *r.due_at < store::kNoDueMicros) {
      row.appointment = domain::Instant{*r.due_at};
      row.due_state = domain::DueStateAt(now, *row.appointment, paused, *calendar, hours);
    } else if (paused) {
      row.due_state = domain::DueState::kPaused;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

domain::Result<std::vector<LogbookRow>> BackOffice::Logbook(const Actor& actor, std::string_view agency_code,
                                                            domain::CivilDate from, domain::CivilDate to) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kOfficer)) {
    return *refused;
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  if (!domain::CanSeeDossier(actor.principal, *catalogue, agency_code)) {
    return Error::Of(ErrorKind::kForbidden, N_("Bạn không xem được sổ theo dõi của cơ quan này."));
  }
  const std::optional<domain::Instant> start = domain::VietnamDayStart(domain::CivilDateText(from), 0);
  const std::optional<domain::Instant> end = domain::VietnamDayStart(domain::CivilDateText(to), 1);
  constexpr int64_t kMicrosPerDay = int64_t{86400} * 1000000;
  if (!start || !end || *end <= *start) {
    return Error::Field("to", N_("Ngày kết thúc phải từ ngày bắt đầu trở đi."));
  }
  if ((end->micros - start->micros) / kMicrosPerDay > kMaxLogbookDays) {
    return Error::Field(
        "to", domain::MessageWith(N_("Sổ theo dõi chỉ lấy tối đa {} ngày."), {std::to_string(kMaxLogbookDays)}));
  }
  std::vector<store::LogbookRecord> records;
  db_.Read([&](store::Session& s) { records = store::ListLogbook(s, std::string(agency_code), *start, *end); });
  std::vector<LogbookRow> out;
  out.reserve(records.size());
  for (const store::LogbookRecord& r : records) {
    LogbookRow row;
    row.code = r.code;
    const domain::Procedure* pr = catalogue->FindProcedure(r.procedure_code);
    row.procedure_name = pr != nullptr ? pr->name : r.procedure_code;
    row.sets = r.sets;
    row.applicant_name = r.applicant_name;
    const boost::json::object answers = dossier_parts::ParseObject(r.answers_json);
    row.applicant_address = dossier_parts::TextAnswer(answers, domain::kApplicantAddress);
    if (const auto it = answers.find(domain::kApplicantAddress); it != answers.end() && it->value().is_object()) {
      const boost::json::object& a = it->value().as_object();
      row.applicant_address = dossier_parts::TextAnswer(a, "detail");
      if (row.applicant_address.empty()) {
        row.applicant_address = dossier_parts::TextAnswer(a, "street");
      }
    }
    row.applicant_phone = dossier_parts::TextAnswer(answers, domain::kApplicantPhone);
    const domain::Agency* competent = catalogue->FindAgency(r.handling_agency);
    row.competent_agency = competent != nullptr ? competent->name : r.handling_agency;
    row.received_at = r.received_at;
    row.appointment = r.appointment;
    row.transferred_at = r.first_handoff_at;
    row.result_or_supplement_at = r.result_recorded_at ? r.result_recorded_at : r.first_supplement_at;
    row.returned_at = r.returned_at;
    row.notes = r.end_reason.empty() ? domain::StatusName(r.status)
                                     : fmt::format("{}: {}", domain::StatusName(r.status), r.end_reason);
    out.push_back(std::move(row));
  }
  return out;
}

domain::Result<FileDownload> BackOffice::ResultFile(const Actor& actor, std::string_view code) {
  const std::optional<office_parts::Loaded> l = Find(code);
  if (!l) {
    return dossier_parts::NotFound();
  }
  bool owner = false;
  std::optional<store::ResultRecord> result;
  db_.Read([&](store::Session& s) {
    owner = office_parts::IsOwner(s, actor.principal, l->dossier);
    result = store::FindResult(s, l->dossier.id);
  });
  if (!owner && !office_parts::OfficerMaySee(actor.principal, *catalogue_.Get(), *l)) {
    return dossier_parts::NotFound();
  }
  const std::string path = result && !result->sha256.empty() ? files_.PathOf(result->sha256) : "";
  if (path.empty()) {
    return Error::Of(ErrorKind::kNotFound, N_("Hồ sơ này chưa có kết quả điện tử."));
  }
  if (!owner) {
    db_.Write([&](store::Session& s) {
      Journal(s, actor, JournalEntry::Of("dossier.result_view", "dossier", std::to_string(l->dossier.id)));
    });
  }
  return FileDownload{path, result->media_type, result->original_name};
}

SweepCounts BackOffice::SweepDeadlines() {
  SweepCounts counts;
  const domain::Instant now = clock_.Now();
  const std::shared_ptr<const domain::WorkCalendar> calendar = calendars_.Calendar();
  // Each dossier is due soon by the office hours of its handling agency: read up to the latest threshold of all
  // the hours in use, then judge every row by its own agency's hours.
  std::map<std::string, domain::OfficeHours> hours_of;
  auto hours = [&](const std::string& agency) -> const domain::OfficeHours& {
    auto it = hours_of.find(agency);
    if (it == hours_of.end()) {
      it = hours_of.emplace(agency, calendars_.HoursOf(agency)).first;
    }
    return it->second;
  };
  int64_t soon = domain::DueSoonBefore(now, *calendar, hours("")).micros;
  for (const auto& [agency, own] : calendars_.AgencyHours()) {
    soon = std::max(soon, domain::DueSoonBefore(now, *calendar, own).micros);
  }
  auto tell = [&](store::Session& s, int64_t officer, const std::string& key, const std::string& subject,
                  const std::string& text) {
    const auto [phone, email] = store::ContactOf(s, officer);
    if (!phone.empty()) {
      EnqueueMessage(s, store::OutboxMessage{key + ":sms", "sms", phone, subject, text, false}, clock_);
    }
    if (!email.empty()) {
      EnqueueMessage(s, store::OutboxMessage{key + ":email", "email", email, subject, text, false}, clock_);
    }
  };
  db_.Write([&](store::Session& s) {
    counts = SweepCounts{};
    for (const store::SweepRecord& r : store::ListToWarn(s, soon, kSweepBatch)) {
      if (domain::DueStateAt(now, domain::Instant{r.due_at}, false, *calendar, hours(r.handling_agency)) ==
          domain::DueState::kOnTime) {
        continue;  // due soon only by another agency's longer day: warned when its own day comes
      }
      std::vector<int64_t> to;
      if (r.assignee_id != 0) {
        to.push_back(r.assignee_id);
      } else {
        for (const auto& [officer, name] : store::OfficersWithRole(s, r.step_role, {r.handling_agency})) {
          to.push_back(officer);
        }
      }
      const std::string when = domain::LocalTime(domain::Instant{r.due_at});
      const std::string text = fmt::format("{} {} {} {}. {}/can-bo/ho-so/{}", N_("Hồ sơ"), r.code,
                                           N_("sắp đến hạn trả kết quả:"), when, public_url_, r.code);
      for (const int64_t officer : to) {
        tell(s, officer, fmt::format("deadline-warn-{}-{}-{}", r.id, r.due_at, officer), N_("Hồ sơ sắp đến hạn"), text);
      }
      store::MarkWarned(s, r.id, r.due_at);
      ++counts.warned;
    }
    for (const store::SweepRecord& r : store::ListNewlyOverdue(s, now.micros, kSweepBatch)) {
      std::vector<std::pair<int64_t, std::string>> heads =
          store::OfficersWithRole(s, domain::RoleCode(Role::kSectionHead), {r.handling_agency});
      for (auto& head : store::OfficersWithRole(s, domain::RoleCode(Role::kAgencyHead), {r.handling_agency})) {
        heads.push_back(std::move(head));
      }
      const std::string when = domain::LocalTime(domain::Instant{r.due_at});
      const std::string text = fmt::format("{} {} {} {}. {}/can-bo/ho-so/{}", N_("Hồ sơ"), r.code,
                                           N_("đã quá hạn trả kết quả:"), when, public_url_, r.code);
      for (const auto& [officer, name] : heads) {
        tell(s, officer, fmt::format("deadline-overdue-{}-{}-{}", r.id, r.due_at, officer), N_("Hồ sơ quá hạn"), text);
      }
      store::MarkOverdueTold(s, r.id, r.due_at);
      ++counts.overdue;
    }
  });
  return counts;
}

}  // namespace motcua::service
