//! The back office: officers' actions on a dossier. Each is checked (state machine, step, who), planned as one
//! office_parts::Change from the state read before, and committed in one write job that re-checks the version
//! (optimistic concurrency: a stale version is kConflict "someone else has just acted on this dossier").
#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <utility>

#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/back_office.hpp"
#include "service/back_office_parts.hpp"
#include "service/dossier_parts.hpp"
#include "service/permission.hpp"
#include "store/dossier_store.hpp"
#include "store/processing_store.hpp"

namespace motcua::service {

using domain::DossierEvent;
using domain::Error;
using domain::ErrorKind;
using domain::N_;
using domain::OfficeAction;
using office_parts::Change;
using office_parts::Context;
using office_parts::Loaded;

namespace {

//! Largest size of an e-result PDF (20 MB).
constexpr int64_t kMaxResultBytes = int64_t{20} * 1000 * 1000;

Error Required(const char* field, const char* message) { return Error::Field(field, message); }

//! The officer id in `to`, or 0 when it is not a decimal id.
int64_t OfficerId(std::string_view to) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(to.data(), to.data() + to.size(), id);
  return ec == std::errc{} && end == to.data() + to.size() && id > 0 ? id : 0;
}

//! The journal action of each action (one kActionSentences line each).
const char* JournalAction(OfficeAction a) {
  switch (a) {
    case OfficeAction::kAccept:
      return "dossier.accept";
    case OfficeAction::kRequestSupplement:
      return "dossier.supplement_request";
    case OfficeAction::kSupply:
      return "dossier.supply";
    case OfficeAction::kRefuse:
      return "dossier.refuse";
    case OfficeAction::kAssign:
      return "dossier.assign";
    case OfficeAction::kForward:
      return "dossier.forward";
    case OfficeAction::kSendBack:
      return "dossier.send_back";
    case OfficeAction::kApprove:
      return "dossier.approve";
    case OfficeAction::kReject:
      return "dossier.reject";
    case OfficeAction::kStop:
      return "dossier.stop";
    case OfficeAction::kTransfer:
      return "dossier.transfer";
    case OfficeAction::kRequestPayment:
      return "dossier.payment_request";
    case OfficeAction::kConfirmPayment:
      return "dossier.payment_confirm";
    case OfficeAction::kApologise:
      return "dossier.apologise";
    case OfficeAction::kRecordResult:
      return "dossier.record_result";
    case OfficeAction::kMarkReturned:
      return "dossier.return";
    case OfficeAction::kAcceptWithdrawal:
      return "dossier.withdrawal_accept";
  }
  return "";
}

//! The judgement of `l` ended at `now`, as stored.
std::string Judged(const Loaded& l, const Context& ctx) {
  if (!l.processing.received_at || !l.processing.appointment) {
    return "";
  }
  return std::string(
      domain::TimelinessCode(domain::JudgeDossier(office_parts::ClockOf(l), ctx.now, *ctx.calendar, ctx.hours)));
}

//! The judgement of the open hand-off of `l` ended at `now` ("" when none).
std::string StepJudged(const Loaded& l, const Context& ctx) {
  if (l.handoffs.empty() || l.handoffs.back().finished_at || l.handoffs.back().due.micros >= store::kNoDueMicros) {
    return "";
  }
  const store::HandoffRecord& h = l.handoffs.back();
  const domain::LocalDateTime at = domain::ToLocal(h.at);
  const int64_t used = ctx.calendar->WorkingMinutesBetween(at, domain::ToLocal(ctx.now), ctx.hours);
  const int64_t allotted = ctx.calendar->WorkingMinutesBetween(at, domain::ToLocal(h.due), ctx.hours);
  return std::string(domain::TimelinessCode(domain::JudgeStep(used, allotted, ctx.hours)));
}

//! Ends processing: no step, no holder, no running clock.
void End(store::ProcessingRecord& p, domain::Instant now, const std::string& reason) {
  p.ended_at = now;
  p.end_reason = reason;
  p.step_id.clear();
  p.step_role.clear();
  p.assignee_id = 0;
  p.due_at.reset();
  p.paused_since.reset();
  p.pause_reason.clear();
}

}  // namespace

domain::Result<OfficeDossier> BackOffice::Act(const Actor& actor, std::string_view code, const ActionInput& input) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kSignedIn)) {
    return *refused;
  }
  const std::optional<Loaded> l = Find(code);
  if (!l) {
    return dossier_parts::NotFound();
  }
  bool owner = false;
  db_.Read([&](store::Session& s) { owner = office_parts::IsOwner(s, actor.principal, l->dossier); });
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  if (!owner && !office_parts::OfficerMaySee(actor.principal, *catalogue, *l)) {
    return dossier_parts::NotFound();
  }
  if (input.version != l->processing.version) {
    return office_parts::StaleVersion();
  }
  if (input.action == OfficeAction::kSupply) {
    return Error::Field("action", N_("Người nộp bổ sung hồ sơ qua trang bổ sung hồ sơ."));
  }
  const Context ctx = ContextFor(*l);
  if (auto refused =
          office_parts::Refusal(actor.principal, *ctx.catalogue, *l, ctx.Step(l->processing), input.action, owner)) {
    return *refused;
  }
  domain::Result<Change> change = Plan(actor, *l, ctx, input);
  if (!change) {
    return change.error();
  }
  change->action_code = std::string(domain::ActionCode(input.action));
  if (auto refused = Commit(actor, *l, input.version, *change)) {
    return *refused;
  }
  return Reload(actor, l->dossier.id);
}

domain::Result<Change> BackOffice::Plan(const Actor& actor, const Loaded& l, const Context& ctx,
                                        const ActionInput& input) {
  switch (input.action) {
    case OfficeAction::kAccept:
    case OfficeAction::kRequestSupplement:
    case OfficeAction::kRefuse:
      return PlanReception(actor, l, ctx, input);
    case OfficeAction::kAssign:
    case OfficeAction::kForward:
    case OfficeAction::kSendBack:
    case OfficeAction::kApprove:
    case OfficeAction::kTransfer:
      return PlanStep(actor, l, ctx, input);
    default:
      return PlanEnd(actor, l, ctx, input);
  }
}

domain::Result<Change> BackOffice::PlanReception(const Actor& actor, const Loaded& l, const Context& ctx,
                                                 const ActionInput& input) {
  Change c;
  c.after = l.processing;
  c.journal_action = JournalAction(input.action);
  const bool received = l.processing.received_at.has_value();
  c.after.status = *domain::NextStatus(l.processing.status, input.action, received);
  const std::string note = domain::CollapseSpaces(input.note);
  if (input.action == OfficeAction::kRefuse) {
    if (note.empty()) {
      return Required("note", N_("Hãy ghi lý do từ chối tiếp nhận hồ sơ."));
    }
    End(c.after, ctx.now, note);
    c.event = DossierEvent::kRefused;
    c.event_note = note;
    c.summary.Set("reason", note);
    c.subject = N_("Hồ sơ không được tiếp nhận");
    c.text = office_parts::MessageText(public_url_, l.dossier.code,
                                       fmt::format("{} {}", N_("không được tiếp nhận. Lý do:"), note));
    return c;
  }
  if (input.action == OfficeAction::kRequestSupplement) {
    if (input.items.empty()) {
      return Required("items", N_("Hãy nêu ít nhất một giấy tờ hoặc thông tin cần bổ sung."));
    }
    domain::Result<domain::FormDefinition> form = forms_.Version(l.dossier.procedure_code, l.dossier.form_version);
    std::vector<domain::FieldError> faults;
    boost::json::array items;
    std::string listed;
    for (size_t i = 0; i < input.items.size(); ++i) {
      const SupplementItem& item = input.items[i];
      std::string label = domain::CollapseSpaces(item.label);
      if (label.empty() && form) {
        if (const domain::DocumentDef* doc = form->FindDocument(item.document_id)) {
          label = doc->name;
        } else if (const domain::FieldDef* field = form->FindField(item.field_id)) {
          label = field->label;
        }
      }
      const std::string reason = domain::CollapseSpaces(item.reason);
      if (label.empty()) {
        faults.push_back({fmt::format("items[{}].label", i), N_("Hãy ghi giấy tờ hoặc thông tin cần bổ sung.")});
      }
      if (reason.empty()) {
        faults.push_back({fmt::format("items[{}].reason", i), N_("Hãy ghi lý do cần bổ sung.")});
      }
      items.push_back(boost::json::object{
          {"document_id", item.document_id}, {"field_id", item.field_id}, {"label", label}, {"reason", reason}});
      listed += fmt::format(" {}. {} ({}).", i + 1, label, reason);
    }
    if (!faults.empty()) {
      return Error{ErrorKind::kInvalid, N_("Yêu cầu bổ sung còn thiếu thông tin."), std::move(faults), 0};
    }
    c.supplement = store::SupplementRecord{0,
                                           l.dossier.id,
                                           ctx.now,
                                           actor.principal.user_id,
                                           actor.principal.name,
                                           !received,
                                           boost::json::serialize(items),
                                           note,
                                           std::nullopt};
    if (received) {
      c.after.supplement_requests += 1;
      c.after.paused_since = ctx.now;
      c.after.pause_reason = "supplement";
      c.after.due_at.reset();
      c.open_pause = "supplement";
    }
    c.event = DossierEvent::kSupplementRequested;
    c.event_note = note;
    c.summary.Set("items", static_cast<int64_t>(input.items.size())).Set("before_reception", int64_t{received ? 0 : 1});
    c.subject = N_("Yêu cầu bổ sung hồ sơ");
    c.text = office_parts::MessageText(
        public_url_, l.dossier.code,
        fmt::format("{}{}{}", N_("cần bổ sung:"), listed, note.empty() ? "" : fmt::format(" {}", note)));
    return c;
  }
  // Accept: pin the current workflow, start the clock, set the appointment, enter the first step.
  const domain::Workflow workflow = workflows_.Current(l.dossier.procedure_code, l.dossier.agency_code);
  if (workflow.steps.empty()) {
    return office_parts::InvalidAction(N_("Chưa có quy trình xử lý cho thủ tục này."));
  }
  store::ProcessingRecord& p = c.after;
  c.handoff =
      office_parts::Receive(p, l.dossier.id, l.dossier.agency_code, workflow, ctx, actor.principal, c.reception);
  c.event = DossierEvent::kAccepted;
  const std::string when = p.appointment ? domain::LocalTime(*p.appointment) : "";
  c.event_note = when.empty() ? "" : fmt::format("{} {}", N_("Hẹn trả kết quả:"), when);
  c.summary.Set("workflow", workflow.key)
      .Set("workflow_version", int64_t{workflow.version})
      .After("appointment", when)
      .After("step", p.step_id);
  c.subject = N_("Hồ sơ đã được tiếp nhận");
  c.text = office_parts::MessageText(
      public_url_, l.dossier.code,
      when.empty() ? std::string(N_("đã được tiếp nhận."))
                   : fmt::format("{} {} {}.", N_("đã được tiếp nhận."), N_("Hẹn trả kết quả:"), when));
  return c;
}

domain::Result<Change> BackOffice::PlanStep(const Actor& actor, const Loaded& l, const Context& ctx,
                                            const ActionInput& input) {
  const domain::WorkflowStep* step = ctx.Step(l.processing);
  if (step == nullptr || !ctx.workflow) {
    return office_parts::InvalidAction(N_("Bước xử lý hiện tại không cho phép việc này."));
  }
  Change c;
  c.after = l.processing;
  c.after.status = *domain::NextStatus(l.processing.status, input.action, true);
  c.journal_action = JournalAction(input.action);
  c.finish_handoff = true;
  c.finish_timeliness = StepJudged(l, ctx);
  const std::string note = domain::CollapseSpaces(input.note);
  store::ProcessingRecord& p = c.after;
  const int64_t total = office_parts::TotalMinutes(p, *ctx.calendar, ctx.hours);
  const std::string home = p.origin_agency.empty() ? l.dossier.agency_code : p.handling_agency;
  auto officer_with_role = [&](int64_t id, domain::Role role, const std::string& agency) -> std::string {
    std::string name;
    db_.Read([&](store::Session& s) {
      for (const auto& [officer, officer_name] : store::OfficersWithRole(s, domain::RoleCode(role), {agency})) {
        if (officer == id) {
          name = officer_name;
        }
      }
    });
    return name;
  };
  auto enter = [&](const domain::Workflow& wf, const domain::WorkflowStep& next, const std::string& agency,
                   int64_t holder, const std::string& holder_name) {
    p.step_id = next.id;
    p.step_role = std::string(domain::RoleCode(next.role));
    p.handling_agency = agency;
    p.assignee_id = holder;
    c.handoff = office_parts::EnterStep(l.dossier.id, wf, next, agency, ctx.now, total, *ctx.calendar, ctx.hours);
    c.handoff->from_id = actor.principal.user_id;
    c.handoff->from_name = actor.principal.name;
    c.handoff->to_id = holder;
    c.handoff->to_name = holder_name;
    c.summary.After("step", next.id);
  };
  if (input.action == OfficeAction::kAssign) {
    // A head assigns: to another officer of this step's role (the dossier stays at the step), or to an officer of
    // the next step's role (a head of section gives it to a specialist; the dossier moves on to them).
    const int64_t to = OfficerId(input.to);
    const bool someone_else = to != 0 && to != actor.principal.user_id;
    const std::string name = someone_else ? officer_with_role(to, step->role, p.handling_agency) : "";
    if (const domain::WorkflowStep* next = ctx.workflow->NextOf(step->id);
        name.empty() && next != nullptr && someone_else) {
      const std::string agency = next->agency_code.empty() ? p.handling_agency : next->agency_code;
      const std::string next_name = officer_with_role(to, next->role, agency);
      if (!next_name.empty()) {
        c.event = DossierEvent::kAssigned;
        c.event_note = next_name;
        c.summary.Set("to", to);
        enter(*ctx.workflow, *next, agency, to, next_name);
        return c;
      }
    }
    if (name.empty()) {
      return Required("to", N_("Hãy chọn một cán bộ được phân công xử lý hồ sơ."));
    }
    c.finish_timeliness.clear();
    p.assignee_id = to;
    c.handoff = l.handoffs.empty() ? office_parts::EnterStep(l.dossier.id, *ctx.workflow, *step, p.handling_agency,
                                                             ctx.now, total, *ctx.calendar, ctx.hours)
                                   : l.handoffs.back();
    c.handoff->id = 0;
    c.handoff->at = ctx.now;
    c.handoff->finished_at.reset();
    c.handoff->timeliness.clear();
    c.handoff->action.clear();
    c.handoff->note.clear();
    c.handoff->from_id = actor.principal.user_id;
    c.handoff->from_name = actor.principal.name;
    c.handoff->to_id = to;
    c.handoff->to_name = name;
    c.event = DossierEvent::kAssigned;
    c.event_note = name;
    c.summary.Set("to", to);
    return c;
  }
  if (input.action == OfficeAction::kSendBack) {
    if (note.empty()) {
      return Required("note", N_("Hãy ghi lý do chuyển lại."));
    }
    const store::HandoffRecord* back = nullptr;
    for (auto it = l.handoffs.rbegin(); it != l.handoffs.rend(); ++it) {
      if (it->step_id != p.step_id && (input.to.empty() || input.to == it->step_id) &&
          ctx.workflow->Find(it->step_id) != nullptr) {
        back = &*it;
        break;
      }
    }
    if (back == nullptr) {
      return Required("to", N_("Không có bước trước để chuyển lại."));
    }
    enter(*ctx.workflow, *ctx.workflow->Find(back->step_id), back->agency_code, back->to_id, back->to_name);
    c.event = DossierEvent::kSentBack;
    c.event_note = note;
    c.summary.Set("reason", note);
    return c;
  }
  if (input.action == OfficeAction::kTransfer) {
    const domain::Agency* target = ctx.catalogue->FindAgency(input.to);
    if (target == nullptr || target->code == p.handling_agency ||
        (!target->has_one_stop && target->code != step->agency_code)) {
      return Required("to", N_("Hãy chọn cơ quan nhận hồ sơ chuyển đến."));
    }
    const domain::Workflow theirs = workflows_.Current(l.dossier.procedure_code, target->code);
    if (theirs.steps.empty()) {
      return Required("to", N_("Cơ quan này chưa có quy trình xử lý thủ tục."));
    }
    const domain::WorkflowStep* after = ctx.workflow->NextOf(step->id);
    p.origin_agency = p.handling_agency;
    p.origin_workflow_key = p.workflow_key;
    p.origin_workflow_version = p.workflow_version;
    p.origin_step_id = after != nullptr ? after->id : step->id;
    p.workflow_key = theirs.key;
    p.workflow_version = theirs.version;
    enter(theirs, theirs.steps.front(), target->code, 0, "");
    c.event = DossierEvent::kTransferred;
    c.event_note = target->name;
    c.summary.Set("to", target->code).Set("workflow", theirs.key);
    return c;
  }
  // Forward or approve: to the chosen step among `next` (or the usual one), or back to the agency that transferred
  // it once the other agency's final step approves.
  c.event = input.action == OfficeAction::kApprove ? DossierEvent::kApproved : DossierEvent::kForwarded;
  c.event_note = note;
  if (step->final && !p.origin_agency.empty()) {
    domain::Result<domain::Workflow> origin = workflows_.Version(p.origin_workflow_key, p.origin_workflow_version);
    const domain::WorkflowStep* back = origin ? origin->Find(p.origin_step_id) : nullptr;
    if (back == nullptr) {
      return office_parts::InvalidAction(N_("Không tìm thấy bước để chuyển hồ sơ về cơ quan đã chuyển."));
    }
    p.workflow_key = origin->key;
    p.workflow_version = origin->version;
    const std::string agency = back->agency_code.empty() ? p.origin_agency : back->agency_code;
    p.origin_agency.clear();
    p.origin_workflow_key.clear();
    p.origin_workflow_version = 0;
    p.origin_step_id.clear();
    enter(*origin, *back, agency, 0, "");
    return c;
  }
  const int64_t person = OfficerId(input.to);
  const domain::WorkflowStep* next = nullptr;
  if (!input.to.empty() && person == 0) {
    if (std::find(step->next.begin(), step->next.end(), input.to) != step->next.end()) {
      next = ctx.workflow->Find(input.to);
    }
    if (next == nullptr) {
      return Required("to", N_("Hãy chọn một bước tiếp theo của quy trình."));
    }
  } else {
    next = ctx.workflow->NextOf(step->id);
  }
  if (next == nullptr) {
    return office_parts::InvalidAction(N_("Đây là bước cuối của quy trình."));
  }
  const std::string agency = !next->agency_code.empty()   ? next->agency_code
                             : !step->agency_code.empty() ? home
                                                          : p.handling_agency;
  std::string name;
  if (person != 0) {
    name = officer_with_role(person, next->role, agency);
    if (name.empty()) {
      return Required("to", N_("Hãy chọn một cán bộ giữ vai trò của bước tiếp theo."));
    }
  }
  enter(*ctx.workflow, *next, agency, person, name);
  return c;
}

domain::Result<Change> BackOffice::PlanEnd(const Actor& actor, const Loaded& l, const Context& ctx,
                                           const ActionInput& input) {
  Change c;
  c.after = l.processing;
  store::ProcessingRecord& p = c.after;
  p.status = *domain::NextStatus(l.processing.status, input.action, l.processing.received_at.has_value());
  c.journal_action = JournalAction(input.action);
  const std::string note = domain::CollapseSpaces(input.note);
  const std::string code = l.dossier.code;
  switch (input.action) {
    case OfficeAction::kReject:
    case OfficeAction::kStop: {
      if (note.empty()) {
        return Required("note", N_("Hãy ghi lý do."));
      }
      const bool reject = input.action == OfficeAction::kReject;
      c.finish_handoff = true;
      c.finish_timeliness = StepJudged(l, ctx);
      c.close_pause = p.paused_since.has_value();
      p.timeliness = Judged(l, ctx);
      End(p, ctx.now, note);
      c.event = reject ? DossierEvent::kRejected : DossierEvent::kStopped;
      c.event_note = note;
      c.summary.Set("reason", note);
      c.subject = reject ? N_("Hồ sơ không đủ điều kiện giải quyết") : N_("Hồ sơ đã dừng xử lý");
      c.text = office_parts::MessageText(
          public_url_, code,
          fmt::format("{} {}", reject ? N_("không đủ điều kiện giải quyết. Lý do:") : N_("đã dừng xử lý. Lý do:"),
                      note));
      return c;
    }
    case OfficeAction::kAcceptWithdrawal:
      c.finish_handoff = true;
      c.close_pause = p.paused_since.has_value();
      End(p, ctx.now, l.dossier.withdrawn_reason);
      c.event = DossierEvent::kWithdrawalAccepted;
      c.event_note = note;
      c.subject = N_("Hồ sơ đã được rút");
      c.text = office_parts::MessageText(public_url_, code, N_("đã được rút theo đề nghị của người nộp."));
      return c;
    case OfficeAction::kRequestPayment: {
      const int64_t fee = input.fee_vnd > 0          ? input.fee_vnd
                          : ctx.procedure != nullptr ? ctx.procedure->fee_vnd.value_or(0)
                                                     : 0;
      if (fee <= 0) {
        return Required("fee_vnd", N_("Hãy ghi số tiền phải nộp."));
      }
      if (office_parts::PausesForPayment(ctx.procedure)) {
        p.paused_since = ctx.now;
        p.pause_reason = "payment";
        p.due_at.reset();
        c.open_pause = "payment";
      }
      c.event = DossierEvent::kPaymentRequested;
      c.event_note = fmt::format("{} đ", fee);
      c.summary.Set("fee_vnd", fee);
      c.subject = N_("Yêu cầu nộp phí, lệ phí");
      c.text =
          office_parts::MessageText(public_url_, code, fmt::format("{} {} đ. {}", N_("cần nộp số tiền"), fee, note));
      return c;
    }
    case OfficeAction::kConfirmPayment:
      if (p.paused_since) {
        p.due_at = office_parts::ResumedDue(l, ctx);
        p.paused_since.reset();
        p.pause_reason.clear();
        c.close_pause = true;
      }
      c.event = DossierEvent::kPaymentConfirmed;
      c.event_note = note;
      return c;
    case OfficeAction::kApologise: {
      if (note.empty()) {
        return Required("note", N_("Hãy ghi lý do hồ sơ bị chậm."));
      }
      if (!input.new_appointment) {
        return Required("new_appointment", N_("Hãy chọn ngày hẹn mới."));
      }
      const int64_t current =
          p.appointment ? domain::CurrentAppointment(office_parts::ClockOf(l), ctx.now, *ctx.calendar, ctx.hours).micros
                        : 0;
      const int64_t previous = std::max(current, p.apology_appointment ? p.apology_appointment->micros : 0);
      if (input.new_appointment->micros <= std::max(previous, ctx.now.micros)) {
        return Required("new_appointment", N_("Ngày hẹn mới phải sau ngày hẹn hiện tại."));
      }
      p.apology_appointment = input.new_appointment;
      c.apology =
          store::ApologyRecord{ctx.now, actor.principal.user_id, actor.principal.name, note, *input.new_appointment};
      c.event = DossierEvent::kApologised;
      const std::string when = domain::LocalTime(*input.new_appointment);
      c.event_note = fmt::format("{} {}", N_("Hẹn lại:"), when);
      c.summary.Set("reason", note).After("new_appointment", when);
      c.subject = N_("Thư xin lỗi và hẹn lại ngày trả kết quả");
      c.text = office_parts::MessageText(
          public_url_, code,
          fmt::format("{} {}. {} {}.", N_("bị chậm so với ngày hẹn. Lý do:"), note, N_("Ngày hẹn mới:"), when));
      return c;
    }
    case OfficeAction::kRecordResult: {
      std::vector<domain::FieldError> faults;
      const std::string number = domain::CollapseSpaces(input.result_number);
      if (number.empty()) {
        faults.push_back({"result_number", N_("Hãy ghi số văn bản kết quả.")});
      }
      if (!input.result_date) {
        faults.push_back({"result_date", N_("Hãy ghi ngày của văn bản kết quả.")});
      }
      if (!input.method) {
        faults.push_back({"method", N_("Hãy chọn cách trả kết quả.")});
      }
      if (!faults.empty()) {
        if (!input.result_file_path.empty()) {
          std::error_code ignored;
          std::filesystem::remove(input.result_file_path, ignored);
        }
        return Error{ErrorKind::kInvalid, N_("Kết quả còn thiếu thông tin."), std::move(faults), 0};
      }
      store::ResultRecord r;
      r.dossier_id = l.dossier.id;
      r.number = number;
      r.issued_on = domain::CivilDateText(*input.result_date);
      r.method = std::string(ReturnMethodCode(*input.method));
      r.recorded_at = ctx.now;
      r.recorded_by = actor.principal.user_id;
      if (!input.result_file_path.empty()) {
        domain::Result<StoredFile> stored =
            files_.Put(input.result_file_path, input.result_file_name, {"pdf"}, kMaxResultBytes, "result_file");
        if (!stored) {
          return stored.error();
        }
        r.sha256 = stored->sha256;
        r.media_type = stored->media_type;
        r.kind = stored->kind;
        r.bytes = stored->bytes;
        r.original_name = stored->original_name;
      }
      c.result = r;
      c.finish_handoff = true;
      c.finish_timeliness = StepJudged(l, ctx);
      p.timeliness = Judged(l, ctx);
      End(p, ctx.now, "");
      c.event = DossierEvent::kResultRecorded;
      c.event_note = number;
      c.summary.Set("number", number).Set("method", r.method).Set("file", r.sha256);
      c.subject = N_("Đã có kết quả giải quyết hồ sơ");
      const char* how = *input.method == ReturnMethod::kOnline
                            ? N_("Tải kết quả tại trang hồ sơ trên cổng dịch vụ công.")
                        : *input.method == ReturnMethod::kPost ? N_("Kết quả sẽ được gửi qua bưu chính.")
                                                               : N_("Mời nhận kết quả tại bộ phận một cửa.");
      c.text = office_parts::MessageText(public_url_, code, fmt::format("{} {}", N_("đã có kết quả."), how));
      return c;
    }
    case OfficeAction::kMarkReturned: {
      const std::string to = domain::CollapseSpaces(input.returned_to);
      if (to.empty()) {
        return Required("returned_to", N_("Hãy ghi người nhận kết quả."));
      }
      c.returned_to = to;
      c.event = DossierEvent::kReturned;
      c.event_note = to;
      c.summary.Set("returned_to", to);
      return c;
    }
    default:
      return office_parts::InvalidAction(N_("Không thể thực hiện việc này ở trạng thái hiện tại của hồ sơ."));
  }
}

std::optional<Error> BackOffice::Commit(const Actor& actor, const Loaded& l, int64_t version, Change& change) {
  const int64_t id = l.dossier.id;
  bool stale = false;
  db_.Write([&](store::Session& s) {
    stale = false;
    const std::optional<store::ProcessingRecord> now_row = store::LockProcessing(s, id);
    if (!now_row || now_row->version != version) {
      stale = true;
      return;
    }
    const domain::Instant now = clock_.Now();
    if (!store::SaveProcessing(s, change.after, version, now)) {
      stale = true;
      return;
    }
    if (change.answers_json) {
      store::UpdateDossierAnswers(s, id, version + 1, *change.answers_json, l.dossier.applicant_name,
                                  l.dossier.officer_fields_json, now);
      // UpdateDossierAnswers bumps the version once more; the caller sees the final one on reload.
    }
    for (const store::DossierFileRecord& f : change.files) {
      store::InsertDossierFile(s, f);
    }
    if (change.finish_handoff) {
      store::FinishHandoff(s, id, now, change.action_code, change.event_note, change.finish_timeliness);
    }
    if (change.reception) {
      store::InsertHandoff(s, *change.reception);
    }
    if (change.handoff) {
      if (!change.finish_handoff) {
        store::FinishHandoff(s, id, now, change.action_code, change.event_note, "");
      }
      store::InsertHandoff(s, *change.handoff);
    }
    if (change.supplement) {
      store::InsertSupplement(s, *change.supplement);
    }
    if (change.mark_supplied) {
      store::MarkSupplied(s, id, now);
    }
    if (change.close_pause) {
      store::ClosePause(s, id, now);
    }
    if (!change.open_pause.empty()) {
      store::InsertPause(s, id, change.open_pause, now);
    }
    if (change.apology) {
      store::InsertApology(s, id, *change.apology);
    }
    if (change.result) {
      store::InsertResult(s, *change.result);
    }
    if (change.returned_to) {
      store::MarkResultReturned(s, id, now, *change.returned_to);
    }
    store::InsertDossierEvent(
        s, id,
        store::DossierEventRecord{change.event, now, actor.principal.user_id, actor.principal.name, change.event_note});
    Summary summary = change.summary;  // a copy: a job rerun after a serialization failure starts from the plan
    Journal(
        s, actor,
        JournalEntry::Of(
            change.journal_action, "dossier", std::to_string(id),
            summary.Set("code", l.dossier.code).After("status", std::string(domain::StatusCode(change.after.status)))));
    if (!change.subject.empty()) {
      office_parts::TellApplicant(s, clock_, l.dossier,
                                  fmt::format("dossier-{}-{}-v{}", id, change.journal_action, version), change.subject,
                                  change.text);
    }
  });
  if (stale) {
    return office_parts::StaleVersion();
  }
  return std::nullopt;
}

}  // namespace motcua::service
