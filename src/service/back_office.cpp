//! The back office: reading a dossier with its processing state, who may take which action, the actions offered to
//! the caller, and what the operations share (office_parts). The actions are in back_office_actions.cpp, supply
//! and counter intake in back_office_intake.cpp, inboxes, the logbook and the sweep in back_office_inbox.cpp.
#include "service/back_office.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <memory>
#include <utility>

#include "domain/dates.hpp"
#include "domain/form_definition.hpp"
#include "domain/messages.hpp"
#include "service/back_office_parts.hpp"
#include "service/dossier_parts.hpp"
#include "service/outbox.hpp"
#include "store/account_store.hpp"
#include "store/dossier_store.hpp"

namespace motcua::service {

using domain::Error;
using domain::ErrorKind;
using domain::N_;
using domain::OfficeAction;
using domain::Role;

namespace office_parts {

std::optional<Loaded> LoadIn(store::Session& s, int64_t id) {
  std::optional<store::DossierRecord> d = store::FindDossier(s, id);
  if (!d) {
    return std::nullopt;
  }
  std::optional<store::ProcessingRecord> p = store::FindProcessing(s, id);
  if (!p) {
    return std::nullopt;
  }
  Loaded out{std::move(*d), std::move(*p), store::ListPauses(s, id), store::ListHandoffs(s, id), false};
  for (const store::DossierEventRecord& e : store::ListDossierEvents(s, id)) {
    if (e.event == domain::DossierEvent::kWithdrawalRequested) {
      out.withdrawal_requested = true;
    }
  }
  return out;
}

bool IsOwner(store::Session& s, const domain::Principal& p, const store::DossierRecord& d) {
  if (!p.signed_in()) {
    return false;
  }
  if (domain::Owns(p, d.owner_id)) {
    return true;
  }
  if (d.organisation_id == 0) {
    return false;
  }
  const std::optional<domain::Organisation> org = store::FindOrganisation(s, d.organisation_id);
  return org && org->representative_id == p.user_id;
}

bool OfficerMaySee(const domain::Principal& p, const domain::Catalogue& c, const Loaded& l) {
  if (l.dossier.code.empty() || l.dossier.status == domain::DossierStatus::kDraft) {
    return false;
  }
  if (domain::CanSeeDossier(p, c, l.dossier.agency_code)) {
    return true;
  }
  return !l.processing.handling_agency.empty() && domain::CanSeeDossier(p, c, l.processing.handling_agency);
}

namespace {

//! The agency acting now: the handling agency once received, else the receiving one.
const std::string& ActingAgency(const Loaded& l) {
  return l.processing.handling_agency.empty() ? l.dossier.agency_code : l.processing.handling_agency;
}

bool Head(const domain::Principal& p, const domain::Catalogue& c, const std::string& agency) {
  return domain::HasRoleOver(p, c, Role::kSectionHead, agency) || domain::HasRoleOver(p, c, Role::kAgencyHead, agency);
}

//! True when `p` acts at `step` now: its role at the acting agency or above, and its holder (or a head) when held.
bool HoldsStep(const domain::Principal& p, const domain::Catalogue& c, const Loaded& l,
               const domain::WorkflowStep& step) {
  const std::string& agency = ActingAgency(l);
  if (l.processing.assignee_id == 0) {
    return domain::HasRoleOver(p, c, step.role, agency);
  }
  return l.processing.assignee_id == p.user_id || domain::HasRoleOver(p, c, Role::kSectionHead, agency);
}

bool StepAllows(const domain::WorkflowStep* step, OfficeAction action) {
  return step != nullptr && std::find(step->actions.begin(), step->actions.end(), action) != step->actions.end();
}

Error Forbidden() {
  return Error::Of(ErrorKind::kForbidden, N_("Bạn không có quyền thực hiện việc này với hồ sơ ở bước hiện tại."));
}

}  // namespace

std::optional<Error> Refusal(const domain::Principal& p, const domain::Catalogue& c, const Loaded& l,
                             const domain::WorkflowStep* step, OfficeAction action, bool owner) {
  const domain::DossierStatus status = l.processing.status;
  const bool received = l.processing.received_at.has_value();
  if (!domain::NextStatus(status, action, received)) {
    return InvalidAction(N_("Không thể thực hiện việc này ở trạng thái hiện tại của hồ sơ."));
  }
  const std::string& receiving = l.dossier.agency_code;
  const bool desk = domain::HasRoleOver(p, c, Role::kDeskOfficer, receiving);
  switch (action) {
    case OfficeAction::kSupply:
      return owner || desk ? std::nullopt : std::optional<Error>(Forbidden());
    case OfficeAction::kAccept:
    case OfficeAction::kRefuse:
    case OfficeAction::kMarkReturned:
      return desk ? std::nullopt : std::optional<Error>(Forbidden());
    case OfficeAction::kRequestSupplement:
      if (!received) {
        return desk ? std::nullopt : std::optional<Error>(Forbidden());
      }
      break;
    case OfficeAction::kAcceptWithdrawal:
      if (!l.withdrawal_requested) {
        return InvalidAction(N_("Người nộp chưa đề nghị rút hồ sơ này."));
      }
      return desk || Head(p, c, ActingAgency(l)) ? std::nullopt : std::optional<Error>(Forbidden());
    case OfficeAction::kApologise:
      if (Head(p, c, ActingAgency(l)) || (step != nullptr && HoldsStep(p, c, l, *step))) {
        return std::nullopt;
      }
      return Forbidden();
    case OfficeAction::kConfirmPayment:
      if (desk || (step != nullptr && HoldsStep(p, c, l, *step))) {
        return std::nullopt;
      }
      return Forbidden();
    case OfficeAction::kAssign:
      if (!StepAllows(step, action)) {
        return InvalidAction(N_("Bước xử lý hiện tại không cho phép việc này."));
      }
      return Head(p, c, ActingAgency(l)) ? std::nullopt : std::optional<Error>(Forbidden());
    default:
      break;
  }
  if (!StepAllows(step, action)) {
    return InvalidAction(N_("Bước xử lý hiện tại không cho phép việc này."));
  }
  return HoldsStep(p, c, l, *step) ? std::nullopt : std::optional<Error>(Forbidden());
}

domain::DossierClock ClockOf(const Loaded& l) {
  domain::DossierClock clock;
  clock.received_at = l.processing.received_at.value_or(domain::Instant{});
  clock.appointment = l.processing.appointment.value_or(domain::Instant{store::kNoDueMicros});
  for (const store::PauseRecord& p : l.pauses) {
    clock.pauses.push_back(domain::Pause{
        p.reason == "payment" ? domain::PauseReason::kPayment : domain::PauseReason::kSupplement, p.from, p.to});
  }
  clock.supplement_requests = l.processing.supplement_requests;
  clock.apology_appointment = l.processing.apology_appointment;
  return clock;
}

bool PausesForPayment(const domain::Procedure* procedure) {
  return procedure != nullptr && procedure->fee_vnd.value_or(0) > 0;
}

std::pair<double, domain::TimeUnit> TimeLimitOf(const domain::Procedure* procedure, int32_t channel) {
  if (procedure == nullptr) {
    return {0.0, domain::TimeUnit::kUnspecified};
  }
  for (const domain::ChannelTerms& t : procedure->channels) {
    if (static_cast<int32_t>(t.channel) == channel && t.time_value && t.time_unit != domain::TimeUnit::kUnspecified) {
      return {*t.time_value, t.time_unit};
    }
  }
  return {procedure->time_value.value_or(0.0), procedure->time_unit};
}

std::string MessageText(std::string_view public_url, std::string_view code, std::string_view sentence) {
  return fmt::format("{} {}. {} {}/tra-cuu?ma={}", N_("Hồ sơ"), code, sentence, public_url, code);
}

void TellApplicant(store::Session& s, const domain::Clock& clock, const store::DossierRecord& d, const std::string& key,
                   const std::string& subject, const std::string& text) {
  const boost::json::object answers = dossier_parts::ParseObject(d.answers_json);
  std::string phone = dossier_parts::TextAnswer(answers, domain::kApplicantPhone);
  std::string email = dossier_parts::TextAnswer(answers, domain::kApplicantEmail);
  if (phone.empty() && email.empty()) {
    std::tie(phone, email) = store::ContactOf(s, d.owner_id);
  }
  if (!phone.empty()) {
    EnqueueMessage(s, store::OutboxMessage{key + ":sms", "sms", phone, subject, text, false}, clock);
  }
  if (!email.empty()) {
    EnqueueMessage(s, store::OutboxMessage{key + ":email", "email", email, subject, text, false}, clock);
  }
}

Error StaleVersion() { return Error::Of(ErrorKind::kConflict, kSomeoneElseActed); }

Error InvalidAction(const char* message) { return Error::Field("action", message); }

int64_t TotalMinutes(const store::ProcessingRecord& p, const domain::WorkCalendar& calendar,
                     const domain::OfficeHours& hours) {
  if (!p.received_at || !p.appointment) {
    return 0;
  }
  return calendar.WorkingMinutesBetween(calendar.ClockStart(domain::ToLocal(*p.received_at), hours),
                                        domain::ToLocal(*p.appointment), hours);
}

store::HandoffRecord EnterStep(int64_t dossier_id, const domain::Workflow& workflow, const domain::WorkflowStep& step,
                               const std::string& agency, domain::Instant now, int64_t total_minutes,
                               const domain::WorkCalendar& calendar, const domain::OfficeHours& hours) {
  store::HandoffRecord h;
  h.dossier_id = dossier_id;
  h.step_id = step.id;
  h.step_name = step.name;
  h.agency_code = agency;
  h.at = now;
  h.due = domain::Instant{store::kNoDueMicros};
  if (total_minutes > 0) {
    const std::vector<int64_t> shares = domain::StepAllotments(workflow, total_minutes);
    for (size_t i = 0; i < workflow.steps.size() && i < shares.size(); ++i) {
      if (workflow.steps[i].id == step.id) {
        h.due = domain::ToInstant(calendar.AddWorkingMinutes(domain::ToLocal(now), shares[i], hours));
      }
    }
  }
  return h;
}

store::HandoffRecord Receive(store::ProcessingRecord& p, int64_t dossier_id, const std::string& agency,
                             const domain::Workflow& workflow, const Context& ctx, const domain::Principal& by,
                             std::optional<store::HandoffRecord>& reception) {
  const domain::WorkflowStep* first = &workflow.steps.front();
  const auto [value, unit] = TimeLimitOf(ctx.procedure, p.channel);
  const std::optional<domain::LocalDateTime> due = ctx.calendar->Due(domain::ToLocal(ctx.now), value, unit, ctx.hours);
  p.received_at = ctx.now;
  p.received_by = by.user_id;
  p.workflow_key = workflow.key;
  p.workflow_version = workflow.version;
  p.assignee_id = 0;
  p.appointment.reset();
  if (due) {
    p.appointment = domain::ToInstant(*due);
  }
  p.due_at = p.appointment ? p.appointment->micros : store::kNoDueMicros;
  p.paused_since.reset();
  p.pause_reason.clear();
  const int64_t total = TotalMinutes(p, *ctx.calendar, ctx.hours);
  const bool is_reception =
      std::find(first->actions.begin(), first->actions.end(), OfficeAction::kAccept) != first->actions.end();
  reception.reset();
  if (is_reception && workflow.NextOf(first->id) != nullptr) {
    reception = EnterStep(dossier_id, workflow, *first, agency, ctx.now, total, *ctx.calendar, ctx.hours);
    reception->from_id = reception->to_id = by.user_id;
    reception->from_name = reception->to_name = by.name;
    reception->finished_at = ctx.now;
    reception->timeliness = std::string(domain::TimelinessCode(domain::Timeliness::kEarly));
    reception->action = std::string(domain::ActionCode(OfficeAction::kAccept));
    first = workflow.NextOf(first->id);
  }
  p.handling_agency = first->agency_code.empty() ? agency : first->agency_code;
  p.step_id = first->id;
  p.step_role = std::string(domain::RoleCode(first->role));
  store::HandoffRecord h =
      EnterStep(dossier_id, workflow, *first, p.handling_agency, ctx.now, total, *ctx.calendar, ctx.hours);
  h.from_id = by.user_id;
  h.from_name = by.name;
  return h;
}

int64_t ResumedDue(const Loaded& l, const Context& ctx) {
  if (!l.processing.appointment) {
    return store::kNoDueMicros;
  }
  domain::DossierClock clock = ClockOf(l);
  for (domain::Pause& pause : clock.pauses) {
    if (!pause.to) {
      pause.to = ctx.now;
    }
  }
  return domain::CurrentAppointment(clock, ctx.now, *ctx.calendar, ctx.hours).micros;
}

}  // namespace office_parts

using office_parts::Loaded;

std::string_view ReturnMethodCode(ReturnMethod method) {
  switch (method) {
    case ReturnMethod::kOnline:
      return "online";
    case ReturnMethod::kCounter:
      return "counter";
    case ReturnMethod::kPost:
      return "post";
  }
  return "";
}

std::optional<ReturnMethod> ParseReturnMethod(std::string_view code) {
  for (const ReturnMethod m : {ReturnMethod::kOnline, ReturnMethod::kCounter, ReturnMethod::kPost}) {
    if (ReturnMethodCode(m) == code) {
      return m;
    }
  }
  return std::nullopt;
}

BackOffice::BackOffice(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue, Dossiers& dossiers,
                       FormLibrary& forms, FileStore& files, WorkCalendars& calendars, Workflows& workflows,
                       std::string public_url)
    : db_(db),
      clock_(clock),
      catalogue_(catalogue),
      dossiers_(dossiers),
      forms_(forms),
      files_(files),
      calendars_(calendars),
      workflows_(workflows),
      public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') {
    public_url_.pop_back();
  }
}

std::optional<Loaded> BackOffice::FindId(int64_t id) {
  std::optional<Loaded> out;
  db_.Read([&](store::Session& s) { out = office_parts::LoadIn(s, id); });
  return out;
}

std::optional<Loaded> BackOffice::Find(std::string_view code) {
  const std::optional<domain::DossierCodeParts> parts = domain::ParseDossierCode(code);
  if (!parts) {
    return std::nullopt;
  }
  std::optional<Loaded> out;
  db_.Read([&](store::Session& s) {
    const std::optional<store::DossierRecord> d =
        store::FindDossierByCode(s, domain::FormatDossierCode(parts->agency_code, parts->day, parts->sequence));
    if (d) {
      out = office_parts::LoadIn(s, d->id);
    }
  });
  return out;
}

office_parts::Context BackOffice::ContextFor(const Loaded& l) {
  office_parts::Context ctx;
  ctx.now = clock_.Now();
  ctx.catalogue = catalogue_.Get();
  ctx.calendar = calendars_.Calendar();
  const std::string& agency =
      l.processing.handling_agency.empty() ? l.dossier.agency_code : l.processing.handling_agency;
  ctx.hours = calendars_.HoursOf(agency);
  ctx.procedure = ctx.catalogue->FindProcedure(l.dossier.procedure_code);
  if (!l.processing.workflow_key.empty()) {
    domain::Result<domain::Workflow> wf = workflows_.Version(l.processing.workflow_key, l.processing.workflow_version);
    if (wf) {
      ctx.workflow = std::move(*wf);
    }
  }
  return ctx;
}

std::vector<AvailableAction> BackOffice::ActionsFor(const Actor& actor, const Loaded& l,
                                                    const office_parts::Context& ctx, bool owner) {
  std::vector<AvailableAction> out;
  const domain::WorkflowStep* step = ctx.Step(l.processing);
  const std::string& agency =
      l.processing.handling_agency.empty() ? l.dossier.agency_code : l.processing.handling_agency;
  for (const OfficeAction action : domain::kAllOfficeActions) {
    if (office_parts::Refusal(actor.principal, *ctx.catalogue, l, step, action, owner)) {
      continue;
    }
    AvailableAction a;
    a.action = action;
    if (action == OfficeAction::kAssign && step != nullptr) {
      // Whom a head may assign to: the next step's officers (the usual choice), then others of this step's role.
      const domain::WorkflowStep* n = ctx.workflow ? ctx.workflow->NextOf(step->id) : nullptr;
      db_.Read([&](store::Session& s) {
        std::vector<std::pair<int64_t, std::string>> found;
        if (n != nullptr) {
          found =
              store::OfficersWithRole(s, domain::RoleCode(n->role), {n->agency_code.empty() ? agency : n->agency_code});
        }
        for (auto& person : store::OfficersWithRole(s, domain::RoleCode(step->role), {agency})) {
          found.push_back(std::move(person));
        }
        for (auto& person : found) {
          const bool listed =
              std::any_of(a.people.begin(), a.people.end(), [&](const auto& x) { return x.first == person.first; });
          if (!listed && person.first != actor.principal.user_id) {
            a.people.push_back(std::move(person));
          }
        }
      });
    }
    if ((action == OfficeAction::kForward || action == OfficeAction::kApprove) && step != nullptr && ctx.workflow) {
      for (const std::string& id : step->next) {
        if (const domain::WorkflowStep* n = ctx.workflow->Find(id)) {
          a.steps.emplace_back(n->id, n->name);
        }
      }
      if (const domain::WorkflowStep* n = ctx.workflow->NextOf(step->id)) {
        const std::string& there = n->agency_code.empty() ? agency : n->agency_code;
        db_.Read([&](store::Session& s) { a.people = store::OfficersWithRole(s, domain::RoleCode(n->role), {there}); });
      }
    }
    if (action == OfficeAction::kSendBack && ctx.workflow) {
      for (auto it = l.handoffs.rbegin(); it != l.handoffs.rend(); ++it) {
        const bool seen =
            std::any_of(a.steps.begin(), a.steps.end(), [&](const auto& x) { return x.first == it->step_id; });
        if (it->step_id != l.processing.step_id && !seen && ctx.workflow->Find(it->step_id) != nullptr) {
          a.steps.emplace_back(it->step_id, it->step_name);
        }
      }
      if (a.steps.empty()) {
        continue;
      }
    }
    if (action == OfficeAction::kTransfer) {
      for (const domain::Agency& other : ctx.catalogue->agencies()) {
        if ((other.has_one_stop || (step != nullptr && other.code == step->agency_code)) && other.code != agency) {
          a.agencies.emplace_back(other.code, other.name);
        }
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<OfficeDossier> BackOffice::View(const Actor& actor, const Loaded& l, bool acted) {
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  bool owner = false;
  OfficeDossier out;
  std::vector<store::SupplementRecord> supplements;
  std::vector<store::ApologyRecord> apologies;
  std::optional<store::ResultRecord> result;
  db_.Read([&](store::Session& s) {
    owner = office_parts::IsOwner(s, actor.principal, l.dossier);
    Dossier& d = out.dossier;
    const store::DossierRecord& r = l.dossier;
    d.id = r.id;
    d.code = r.code;
    d.lookup_secret = r.lookup_secret;
    d.procedure_code = r.procedure_code;
    d.agency_code = r.agency_code;
    d.form_version = r.form_version;
    d.owner_id = r.owner_id;
    d.organisation_id = r.organisation_id;
    d.relationship = r.relationship;
    d.applicant_name = r.applicant_name;
    d.status = l.processing.status;
    d.answers = dossier_parts::ParseObject(r.answers_json);
    for (const store::DossierFileRecord& f : store::ListDossierFiles(s, r.id)) {
      d.files.push_back(DossierFile{f.id, f.document_id,
                                    StoredFile{f.sha256, f.media_type, f.kind, f.bytes, f.original_name}, f.added_at,
                                    f.by_officer});
    }
    for (const store::DossierEventRecord& e : store::ListDossierEvents(s, r.id)) {
      d.timeline.push_back(TimelineEntry{e.event, e.at, e.actor_name, e.note});
    }
    d.guided = r.guided;
    d.created_at = r.created_at;
    d.updated_at = r.updated_at;
    d.submitted_at = r.submitted_at;
    d.expected_on = domain::ParseCivilDate(r.expected_on);
    d.version = l.processing.version;
    supplements = store::ListSupplements(s, r.id);
    apologies = store::ListApologies(s, r.id);
    result = store::FindResult(s, r.id);
    if (l.processing.assignee_id != 0) {
      out.assignee_name = store::NameOf(s, l.processing.assignee_id);
    }
  });
  if (!owner && !acted && !office_parts::OfficerMaySee(actor.principal, *catalogue, l)) {
    return std::nullopt;
  }
  const store::ProcessingRecord& p = l.processing;
  const office_parts::Context ctx = ContextFor(l);
  const domain::Procedure* procedure = ctx.procedure;
  const domain::Agency* agency = catalogue->FindAgency(l.dossier.agency_code);
  out.procedure_name = procedure != nullptr ? procedure->name : l.dossier.procedure_code;
  out.agency_name = agency != nullptr ? agency->name : l.dossier.agency_code;
  out.handling_agency_code = p.handling_agency.empty() ? l.dossier.agency_code : p.handling_agency;
  out.channel = p.channel;
  out.workflow_key = p.workflow_key;
  out.workflow_version = p.workflow_version;
  out.step_id = p.step_id;
  if (const domain::WorkflowStep* step = ctx.Step(p)) {
    out.step_name = step->name;
  }
  out.assignee_id = p.assignee_id;
  out.received_at = p.received_at;
  out.original_appointment = p.appointment;
  out.apology_appointment = p.apology_appointment;
  out.paused = p.paused_since.has_value();
  if (p.appointment) {
    out.appointment = domain::CurrentAppointment(office_parts::ClockOf(l), ctx.now, *ctx.calendar, ctx.hours);
    if (!p.ended_at) {
      out.due_state = domain::DueStateAt(ctx.now, *out.appointment, out.paused, *ctx.calendar, ctx.hours);
    }
  } else if (out.paused) {
    out.due_state = domain::DueState::kPaused;
  }
  if (!p.timeliness.empty()) {
    for (const domain::Timeliness t :
         {domain::Timeliness::kEarly, domain::Timeliness::kOnTime, domain::Timeliness::kLate}) {
      if (domain::TimelinessCode(t) == p.timeliness) {
        out.timeliness = t;
      }
    }
  }
  out.ended_at = p.ended_at;
  out.end_reason = p.end_reason;
  for (const store::SupplementRecord& r : supplements) {
    SupplementRequest req{r.id, r.requested_at, r.requested_by, r.before_reception, {}, r.note, r.supplied_at};
    boost::system::error_code ec;
    const boost::json::value items = boost::json::parse(r.items_json, ec);
    if (!ec && items.is_array()) {
      for (const boost::json::value& v : items.as_array()) {
        if (!v.is_object()) {
          continue;
        }
        const boost::json::object& o = v.as_object();
        req.items.push_back(
            SupplementItem{dossier_parts::TextAnswer(o, "document_id"), dossier_parts::TextAnswer(o, "field_id"),
                           dossier_parts::TextAnswer(o, "label"), dossier_parts::TextAnswer(o, "reason")});
      }
    }
    out.supplements.push_back(std::move(req));
  }
  for (const store::HandoffRecord& h : l.handoffs) {
    Handoff x{h.step_id, h.step_name,   h.agency_code, h.from_name, h.to_name, h.at,
              h.due,     h.finished_at, std::nullopt,  h.action,    h.note};
    for (const domain::Timeliness t :
         {domain::Timeliness::kEarly, domain::Timeliness::kOnTime, domain::Timeliness::kLate}) {
      if (domain::TimelinessCode(t) == h.timeliness) {
        x.timeliness = t;
      }
    }
    out.handoffs.push_back(std::move(x));
  }
  for (const store::ApologyRecord& a : apologies) {
    out.apologies.push_back(Apology{a.at, a.by_name, a.reason, a.new_appointment});
  }
  if (result) {
    DossierResult r;
    r.number = result->number;
    r.issued_on = domain::ParseCivilDate(result->issued_on).value_or(domain::CivilDate{});
    if (!result->sha256.empty()) {
      r.file = DossierFile{
          0, "ket_qua",
          StoredFile{result->sha256, result->media_type, result->kind, result->bytes, result->original_name},
          result->recorded_at, true};
    }
    r.method = ParseReturnMethod(result->method).value_or(ReturnMethod::kCounter);
    r.recorded_at = result->recorded_at;
    r.returned_at = result->returned_at;
    r.returned_to = result->returned_to;
    out.result = std::move(r);
  }
  out.queue_ticket = p.queue_ticket;
  out.actions = ActionsFor(actor, l, ctx, owner);
  return out;
}

domain::Result<OfficeDossier> BackOffice::Get(const Actor& actor, std::string_view code) {
  const std::optional<Loaded> l = Find(code);
  if (!l) {
    return dossier_parts::NotFound();
  }
  std::optional<OfficeDossier> out = View(actor, *l);
  if (!out) {
    return dossier_parts::NotFound();
  }
  if (actor.principal.IsOfficer() && actor.principal.user_id != l->dossier.owner_id) {
    db_.Write([&](store::Session& s) {
      Journal(s, actor, JournalEntry::Of("dossier.view", "dossier", std::to_string(l->dossier.id)));
    });
  }
  return std::move(*out);
}

domain::Result<OfficeDossier> BackOffice::Reload(const Actor& actor, int64_t id) {
  const std::optional<Loaded> l = FindId(id);
  if (!l) {
    return dossier_parts::NotFound();
  }
  std::optional<OfficeDossier> out = View(actor, *l, true);
  if (!out) {
    return dossier_parts::NotFound();
  }
  return std::move(*out);
}

}  // namespace motcua::service
