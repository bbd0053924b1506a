//! INTERIM (i10-core only): minimal stand-ins for the parts of issue 10 that the i10-flow branch (processing,
//! workflows) and the service half of i10-cal (WorkCalendars) implement, so that the back office links and its tests
//! run before those branches are ready. Removed when they are merged into i10-core; never merge this file elsewhere.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <mutex>

#include "domain/messages.hpp"
#include "domain/processing.hpp"
#include "domain/workflow.hpp"
#include "service/permission.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"

namespace motcua::domain {

namespace {

constexpr std::pair<OfficeAction, std::string_view> kActionCodes[] = {
    {OfficeAction::kAccept, "accept"},
    {OfficeAction::kRequestSupplement, "request_supplement"},
    {OfficeAction::kSupply, "supply"},
    {OfficeAction::kRefuse, "refuse"},
    {OfficeAction::kAssign, "assign"},
    {OfficeAction::kForward, "forward"},
    {OfficeAction::kSendBack, "send_back"},
    {OfficeAction::kApprove, "approve"},
    {OfficeAction::kReject, "reject"},
    {OfficeAction::kStop, "stop"},
    {OfficeAction::kTransfer, "transfer"},
    {OfficeAction::kRequestPayment, "request_payment"},
    {OfficeAction::kConfirmPayment, "confirm_payment"},
    {OfficeAction::kApologise, "apologise"},
    {OfficeAction::kRecordResult, "record_result"},
    {OfficeAction::kMarkReturned, "mark_returned"},
    {OfficeAction::kAcceptWithdrawal, "accept_withdrawal"},
};

int64_t PausedMinutes(const DossierClock& clock, Instant now, const WorkCalendar& calendar, const OfficeHours& hours) {
  int64_t total = 0;
  for (const Pause& p : clock.pauses) {
    total += calendar.WorkingMinutesBetween(ToLocal(p.from), ToLocal(p.to.value_or(now)), hours);
  }
  return total;
}

}  // namespace

std::string_view ActionCode(OfficeAction action) {
  for (const auto& [a, code] : kActionCodes) {
    if (a == action) {
      return code;
    }
  }
  return "";
}

std::optional<OfficeAction> ParseAction(std::string_view code) {
  for (const auto& [a, name] : kActionCodes) {
    if (name == code) {
      return a;
    }
  }
  return std::nullopt;
}

const char* ActionLabel(OfficeAction action) { return ActionCode(action).data(); }

std::optional<DossierStatus> NextStatus(DossierStatus from, OfficeAction action, bool received) {
  using S = DossierStatus;
  using A = OfficeAction;
  switch (from) {
    case S::kSubmitted:
      if (action == A::kAccept) {
        return S::kAccepted;
      }
      if (action == A::kRequestSupplement) {
        return S::kSupplementRequested;
      }
      if (action == A::kRefuse) {
        return S::kRefused;
      }
      return std::nullopt;
    case S::kSupplementRequested:
      if (action == A::kSupply) {
        return received ? S::kProcessing : S::kSubmitted;
      }
      return std::nullopt;
    case S::kAccepted:
    case S::kProcessing:
      switch (action) {
        case A::kAssign:
        case A::kForward:
        case A::kSendBack:
        case A::kApprove:
        case A::kTransfer:
        case A::kApologise:
          return S::kProcessing;
        case A::kRequestSupplement:
          return S::kSupplementRequested;
        case A::kRequestPayment:
          return S::kPaymentRequested;
        case A::kReject:
        case A::kStop:
          return S::kStopped;
        case A::kRecordResult:
          return S::kDone;
        case A::kAcceptWithdrawal:
          return S::kWithdrawn;
        default:
          return std::nullopt;
      }
    case S::kPaymentRequested:
      if (action == A::kConfirmPayment) {
        return S::kProcessing;
      }
      if (action == A::kStop) {
        return S::kStopped;
      }
      if (action == A::kAcceptWithdrawal) {
        return S::kWithdrawn;
      }
      return std::nullopt;
    case S::kDone:
      if (action == A::kMarkReturned) {
        return S::kReturned;
      }
      if (action == A::kApologise) {
        return S::kDone;
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

bool IsFinal(DossierStatus status) {
  return status == DossierStatus::kRefused || status == DossierStatus::kWithdrawn ||
         status == DossierStatus::kStopped || status == DossierStatus::kReturned;
}

bool ClockPaused(DossierStatus status, bool pause_for_payment) {
  return status == DossierStatus::kSupplementRequested ||
         (status == DossierStatus::kPaymentRequested && pause_for_payment);
}

Instant CurrentAppointment(const DossierClock& clock, Instant now, const WorkCalendar& calendar,
                           const OfficeHours& hours) {
  const int64_t paused = PausedMinutes(clock, now, calendar, hours);
  if (paused == 0) {
    return clock.appointment;
  }
  return ToInstant(calendar.AddWorkingMinutes(ToLocal(clock.appointment), paused, hours));
}

DueState DueStateAt(Instant now, Instant appointment, bool paused, const WorkCalendar& calendar,
                    const OfficeHours& hours) {
  if (paused) {
    return DueState::kPaused;
  }
  if (now > appointment) {
    return DueState::kOverdue;
  }
  return calendar.WorkingMinutesBetween(ToLocal(now), ToLocal(appointment), hours) <= hours.DayMinutes()
             ? DueState::kDueSoon
             : DueState::kOnTime;
}

std::string_view TimelinessCode(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly:
      return "early";
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
  }
  return "";
}

const char* TimelinessName(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly:
      return N_("Trước hạn");
    case Timeliness::kOnTime:
      return N_("Đúng hạn");
    case Timeliness::kLate:
      return N_("Quá hạn");
  }
  return "";
}

Timeliness JudgeDossier(const DossierClock& clock, Instant end, const WorkCalendar& calendar,
                        const OfficeHours& hours) {
  if (clock.supplement_requests > 1) {
    return Timeliness::kLate;
  }
  const Instant due = CurrentAppointment(clock, end, calendar, hours);
  if (end > due) {
    return Timeliness::kLate;
  }
  const CivilDate a = ToLocal(end).date;
  const CivilDate b = ToLocal(due).date;
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day) ? Timeliness::kEarly : Timeliness::kOnTime;
}

Timeliness JudgeStep(int64_t used_minutes, int64_t allotted_minutes, const OfficeHours& hours) {
  const int64_t day = std::max<int64_t>(1, hours.DayMinutes());
  const int64_t used = (used_minutes + day - 1) / day;
  const int64_t allotted = (allotted_minutes + day - 1) / day;
  return used < allotted ? Timeliness::kEarly : used == allotted ? Timeliness::kOnTime : Timeliness::kLate;
}

const WorkflowStep* Workflow::Find(std::string_view id) const {
  for (const WorkflowStep& s : steps) {
    if (s.id == id) {
      return &s;
    }
  }
  return nullptr;
}

const WorkflowStep* Workflow::NextOf(std::string_view id) const {
  const WorkflowStep* s = Find(id);
  return s == nullptr || s->next.empty() ? nullptr : Find(s->next.front());
}

Result<Workflow> ParseWorkflow(std::string_view json_text) {
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(json_text, ec);
  if (ec || !v.is_object()) {
    return Error::Field("workflow", N_("Quy trình không hợp lệ."));
  }
  const boost::json::object& o = v.as_object();
  Workflow wf;
  auto text = [](const boost::json::object& x, std::string_view k) -> std::string {
    const auto it = x.find(k);
    return it != x.end() && it->value().is_string() ? std::string(it->value().as_string()) : "";
  };
  wf.key = text(o, "key");
  wf.name = text(o, "name");
  if (const auto it = o.find("version"); it != o.end() && it->value().is_int64()) {
    wf.version = static_cast<int32_t>(it->value().as_int64());
  }
  const auto steps = o.find("steps");
  if (steps == o.end() || !steps->value().is_array() || steps->value().as_array().empty()) {
    return Error::Field("steps", N_("Quy trình không hợp lệ."));
  }
  for (const boost::json::value& sv : steps->value().as_array()) {
    if (!sv.is_object()) {
      return Error::Field("steps", N_("Quy trình không hợp lệ."));
    }
    const boost::json::object& so = sv.as_object();
    WorkflowStep s;
    s.id = text(so, "id");
    s.name = text(so, "name");
    const std::optional<Role> role = ParseRole(text(so, "role"));
    if (s.id.empty() || !role) {
      return Error::Field("steps", N_("Quy trình không hợp lệ."));
    }
    s.role = *role;
    if (const auto it = so.find("share_percent"); it != so.end() && it->value().is_int64()) {
      s.share_percent = static_cast<int32_t>(it->value().as_int64());
    }
    if (const auto it = so.find("actions"); it != so.end() && it->value().is_array()) {
      for (const boost::json::value& a : it->value().as_array()) {
        if (const auto action = a.is_string() ? ParseAction(a.as_string()) : std::nullopt) {
          s.actions.push_back(*action);
        }
      }
    }
    if (const auto it = so.find("next"); it != so.end() && it->value().is_array()) {
      for (const boost::json::value& n : it->value().as_array()) {
        if (n.is_string()) {
          s.next.emplace_back(n.as_string());
        }
      }
    }
    if (const auto it = so.find("final"); it != so.end() && it->value().is_bool()) {
      s.final = it->value().as_bool();
    }
    s.agency_code = text(so, "agency_code");
    wf.steps.push_back(std::move(s));
  }
  return wf;
}

std::string ToJson(const Workflow& workflow) {
  boost::json::array steps;
  for (const WorkflowStep& s : workflow.steps) {
    boost::json::array actions;
    for (const OfficeAction a : s.actions) {
      actions.emplace_back(ActionCode(a));
    }
    boost::json::array next;
    for (const std::string& n : s.next) {
      next.emplace_back(n);
    }
    steps.push_back(boost::json::object{{"id", s.id},
                                        {"name", s.name},
                                        {"role", RoleCode(s.role)},
                                        {"share_percent", s.share_percent},
                                        {"actions", actions},
                                        {"next", next},
                                        {"final", s.final},
                                        {"agency_code", s.agency_code}});
  }
  return boost::json::serialize(boost::json::object{
      {"key", workflow.key}, {"version", workflow.version}, {"name", workflow.name}, {"steps", steps}});
}

std::string DefaultWorkflowKey(Level level) { return "default:" + std::string(ToString(level)); }

Workflow DefaultWorkflow(Level level) {
  using A = OfficeAction;
  Workflow wf;
  wf.key = DefaultWorkflowKey(level);
  wf.name = "Quy trình mặc định";
  wf.steps.push_back(WorkflowStep{"chuyen_vien",
                                  "Chuyên viên thụ lý",
                                  Role::kSpecialist,
                                  60,
                                  {A::kAssign, A::kRequestSupplement, A::kForward, A::kReject, A::kStop, A::kTransfer,
                                   A::kRequestPayment, A::kConfirmPayment, A::kApologise},
                                  {"lanh_dao"},
                                  false,
                                  ""});
  wf.steps.push_back(WorkflowStep{"lanh_dao",
                                  "Lãnh đạo phòng",
                                  Role::kSectionHead,
                                  15,
                                  {A::kForward, A::kSendBack, A::kReject, A::kApologise},
                                  {"ky_duyet"},
                                  false,
                                  ""});
  wf.steps.push_back(WorkflowStep{"ky_duyet",
                                  "Lãnh đạo ký duyệt",
                                  Role::kAgencyHead,
                                  15,
                                  {A::kApprove, A::kSendBack, A::kReject, A::kApologise},
                                  {"van_thu"},
                                  false,
                                  ""});
  wf.steps.push_back(
      WorkflowStep{"van_thu", "Văn thư", Role::kClerk, 10, {A::kRecordResult, A::kApologise}, {}, true, ""});
  return wf;
}

std::vector<int64_t> StepAllotments(const Workflow& workflow, int64_t total_minutes) {
  constexpr int64_t kPercent = 100;
  std::vector<int64_t> out;
  int64_t given = 0;
  for (size_t i = 0; i < workflow.steps.size(); ++i) {
    const int64_t share = i + 1 == workflow.steps.size() ? total_minutes - given
                                                         : total_minutes * workflow.steps[i].share_percent / kPercent;
    out.push_back(share);
    given += share;
  }
  return out;
}

}  // namespace motcua::domain

namespace motcua::service {

WorkCalendars::WorkCalendars(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

std::shared_ptr<const domain::WorkCalendar> WorkCalendars::Calendar() {
  const std::lock_guard lock(mutex_);
  if (!calendar_) {
    calendar_ = std::make_shared<const domain::WorkCalendar>();
  }
  return calendar_;
}

domain::OfficeHours WorkCalendars::HoursOf(std::string_view /*agency_code*/) { return {}; }

std::vector<domain::CalendarOverride> WorkCalendars::Overrides(int32_t /*year*/) { return {}; }

domain::Result<domain::Done> WorkCalendars::SetOverride(const Actor& /*actor*/,
                                                        const domain::CalendarOverride& /*entry*/) {
  return domain::Error::Of(domain::ErrorKind::kUnavailable, "interim");
}

domain::Result<domain::Done> WorkCalendars::RemoveOverride(const Actor& /*actor*/, domain::CivilDate /*date*/) {
  return domain::Error::Of(domain::ErrorKind::kUnavailable, "interim");
}

domain::Result<domain::Done> WorkCalendars::SetHours(const Actor& /*actor*/, std::string_view /*agency_code*/,
                                                     const domain::OfficeHours& /*hours*/) {
  return domain::Error::Of(domain::ErrorKind::kUnavailable, "interim");
}

Workflows::Workflows(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

domain::Workflow Workflows::Current(std::string_view procedure_code, std::string_view agency_code) {
  const std::lock_guard lock(mutex_);
  const domain::Workflow* best = nullptr;
  for (const auto& [key, wf] : parsed_) {
    if (key.first == procedure_code) {
      best = &wf;
    }
  }
  if (best != nullptr) {
    return *best;
  }
  const domain::Agency* agency = catalogue_.Get()->FindAgency(agency_code);
  const domain::Level level = agency != nullptr ? agency->level : domain::Level::kCommune;
  const std::string key = domain::DefaultWorkflowKey(level);
  for (const auto& [k, wf] : parsed_) {
    if (k.first == key) {
      best = &wf;
    }
  }
  if (best != nullptr) {
    return *best;
  }
  domain::Workflow wf = domain::DefaultWorkflow(level);
  wf.version = 1;
  parsed_[{key, 1}] = wf;
  return wf;
}

domain::Result<domain::Workflow> Workflows::Version(std::string_view key, int32_t version) {
  const std::lock_guard lock(mutex_);
  const auto it = parsed_.find({std::string(key), version});
  if (it == parsed_.end()) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, "workflow");
  }
  return it->second;
}

std::vector<std::string> Workflows::Keys() {
  const std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& [key, wf] : parsed_) {
    if (out.empty() || out.back() != key.first) {
      out.push_back(key.first);
    }
  }
  return out;
}

std::vector<WorkflowVersionInfo> Workflows::Versions(std::string_view key) {
  const std::lock_guard lock(mutex_);
  std::vector<WorkflowVersionInfo> out;
  for (const auto& [k, wf] : parsed_) {
    if (k.first == key) {
      out.insert(out.begin(), WorkflowVersionInfo{k.second, clock_.Now(), ""});
    }
  }
  return out;
}

domain::Result<int32_t> Workflows::Publish(const Actor& actor, std::string_view key, std::string_view json_text) {
  if (!actor.principal.Has(domain::Role::kSystemAdmin)) {
    return domain::Error::Of(domain::ErrorKind::kForbidden, "interim");
  }
  domain::Result<domain::Workflow> wf = domain::ParseWorkflow(json_text);
  if (!wf) {
    return wf.error();
  }
  const std::lock_guard lock(mutex_);
  int32_t version = 1;
  for (const auto& [k, existing] : parsed_) {
    if (k.first == key) {
      version = k.second + 1;
    }
  }
  wf->key = std::string(key);
  wf->version = version;
  parsed_[{std::string(key), version}] = *wf;
  return version;
}

}  // namespace motcua::service
