// A dossier's processing page for officers (issue 10): the summary (applicant, procedure, channel, receipt,
// appointment, pause, current step and holder), answers and documents, supplement requests, hand-offs (form 05
// style), apologies, the result; and one form per action the officer may take now (OfficeDossier::actions), each
// carrying the version the officer saw. A stale version re-renders the page with "Người khác vừa xử lý hồ sơ này…",
// the new state and what the officer typed; success redirects back with a notice (PRG).
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <memory>

#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"
#include "web/forms.hpp"
#include "web/office_parts.hpp"
#include "web/results.hpp"
#include "web/tracking_pages.hpp"

namespace motcua::web::office {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::OfficeAction;
using http::Request;
using http::Response;

//! Free-text supplement items an officer may add beside the form's documents and questions.
constexpr int32_t kFreeItems = 3;
//! Longest note or reason kept.
constexpr size_t kMaxNoteBytes = 2000;
//! The hour of the day an apology's new date is promised for (the end of the afternoon's office hours).
constexpr int64_t kApologyHour = 17;
//! Longest text of a result number or of who received it.
constexpr size_t kMaxShortBytes = 200;

//! What the officer posted, shown again when the action failed.
struct Posted {
  std::string action;     //!< The action's code.
  http::Pairs fields;     //!< What was typed.
  FieldErrors errors;     //!< Field errors (ids of the page's inputs).
  bool conflict = false;  //!< Someone else acted first.
  std::string message;    //!< A message for the whole action (translated), shown in the summary.
};

//! The id of input `name` of the form of `action` (unique on the page).
std::string InputId(std::string_view action, std::string_view name) { return fmt::format("{}-{}", action, name); }

//! The posted value of `name` when `posted` is for `action`, else "".
std::string Kept(const Posted& posted, std::string_view action, std::string_view name) {
  return posted.action == action ? FieldOf(posted.fields, name) : std::string();
}

//! The notice after an action, by the action code in ?tb= (fixed keys, so no text travels in the URL).
std::string NoticeOf(const Site& site, std::string_view lang, std::string_view key) {
  static const std::map<std::string_view, const char*, std::less<>> kNotices = {
      {"accept", N_("Đã tiếp nhận hồ sơ. In giấy tiếp nhận và hẹn trả kết quả (mẫu 01) cho người nộp.")},
      {"request_supplement", N_("Đã gửi yêu cầu bổ sung hồ sơ. Người nộp được báo một lần, đủ các mục.")},
      {"refuse", N_("Đã từ chối tiếp nhận hồ sơ và báo cho người nộp.")},
      {"assign", N_("Đã giao hồ sơ.")},
      {"forward", N_("Đã chuyển hồ sơ sang bước tiếp theo.")},
      {"send_back", N_("Đã trả hồ sơ về bước trước.")},
      {"approve", N_("Đã phê duyệt hồ sơ.")},
      {"reject", N_("Đã trả lại hồ sơ không đủ điều kiện giải quyết.")},
      {"stop", N_("Đã dừng xử lý hồ sơ.")},
      {"transfer", N_("Đã chuyển hồ sơ sang cơ quan khác.")},
      {"request_payment", N_("Đã yêu cầu người nộp thực hiện nghĩa vụ tài chính.")},
      {"confirm_payment", N_("Đã xác nhận người nộp đã nộp phí.")},
      {"apologise", N_("Đã ghi thư xin lỗi và ngày hẹn mới, người nộp được báo.")},
      {"record_result", N_("Đã ghi kết quả giải quyết, người nộp được báo.")},
      {"mark_returned", N_("Đã ghi nhận trả kết quả.")},
      {"accept_withdrawal", N_("Đã đồng ý cho rút hồ sơ.")},
  };
  const auto it = kNotices.find(key);
  return it == kNotices.end() ? std::string() : site.T(lang, it->second);
}

//! Every question of the form (id, label), for the itemised supplement request.
std::vector<std::pair<std::string, std::string>> QuestionsOf(const domain::FormDefinition& form) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const domain::PageDef& p : form.pages) {
    for (const domain::FieldDef& f : p.fields) {
      out.emplace_back(f.id, f.label);
    }
  }
  return out;
}

//! The supplement request form: a checkbox and a reason per document and question, free items, a covering note.
void AddSupplementForm(TemplateDictionary& a, OfficePageServices& s, const service::OfficeDossier& od,
                       const Posted& posted) {
  constexpr std::string_view kCode = "request_supplement";
  const std::vector<std::string> checked = [&] {
    std::vector<std::string> out;
    if (posted.action != kCode) {
      return out;
    }
    for (const auto& [k, v] : posted.fields) {
      if (k == "muc") {
        out.push_back(v);
      }
    }
    return out;
  }();
  int32_t n = 0;
  const auto add_item = [&](const char* group, const std::string& value, const std::string& label) {
    TemplateDictionary* item = a.AddSectionDictionary(group);
    item->SetIntValue("N", n);
    item->SetValue("VALUE", value);
    item->SetValue("LABEL", label);
    item->SetValue("REASON", Kept(posted, kCode, "ly_do:" + value));
    if (std::find(checked.begin(), checked.end(), value) != checked.end()) {
      item->ShowSection("CHECKED");
    }
    if (const std::string e = posted.errors.Of(InputId(kCode, fmt::format("ly_do-{}", n))); !e.empty()) {
      item->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
    }
    ++n;
  };
  if (auto form = s.dossiers.FormOf(od.dossier)) {
    for (const domain::DocumentDef& doc : form->documents) {
      add_item("DOC_ITEMS", "giay-to:" + doc.id, doc.name);
    }
    for (const auto& [id, label] : QuestionsOf(*form)) {
      add_item("FIELD_ITEMS", "cau-hoi:" + id, label);
    }
  }
  for (int32_t i = 0; i < kFreeItems; ++i) {
    TemplateDictionary* item = a.AddSectionDictionary("FREE_ITEMS");
    item->SetIntValue("I", i + 1);
    item->SetValue("LABEL", Kept(posted, kCode, fmt::format("muc_khac_{}", i + 1)));
    item->SetValue("REASON", Kept(posted, kCode, fmt::format("ly_do_khac_{}", i + 1)));
    if (const std::string e = posted.errors.Of(InputId(kCode, fmt::format("ly_do_khac_{}", i + 1))); !e.empty()) {
      item->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
    }
  }
  if (const std::string e = posted.errors.Of(InputId(kCode, "muc")); !e.empty()) {
    a.SetValueAndShowSection("ITEMS_ERROR", e, "HAS_ITEMS_ERROR");
  }
}

//! Adds one option list (people, steps or agencies) under `section`.
void AddOptions(TemplateDictionary& a, const char* section,
                const std::vector<std::pair<std::string, std::string>>& opts, const std::string& selected) {
  for (const auto& [value, name] : opts) {
    TemplateDictionary* o = a.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("NAME", name);
    if (value == selected) {
      o->ShowSection("SELECTED");
    }
  }
}

//! The form of one available action.
void AddActionForm(const Site& site, const Request& req, std::string_view lang, TemplateDictionary& d,
                   OfficePageServices& s, const service::OfficeDossier& od, const service::AvailableAction& act,
                   const Posted& posted) {
  const std::string code(domain::ActionCode(act.action));
  if (act.action == OfficeAction::kSupply) {
    return;  // the applicant answers on their own page (/ho-so/{id}/bo-sung)
  }
  const bool result_form = act.action == OfficeAction::kRecordResult;
  TemplateDictionary* a = d.AddSectionDictionary(result_form ? "RESULT_FORM" : "ACTIONS");
  AddCsrf(req, *a);
  a->SetValue("CODE", code);
  a->SetValue("LABEL", site.T(lang, domain::ActionLabel(act.action)));
  a->SetIntValue("VERSION", od.dossier.version);
  a->SetValue("DOSSIER_PATH", OfficeDossierPath(od.dossier.code));
  const auto error_of = [&](std::string_view name) { return posted.errors.Of(InputId(code, name)); };
  const auto note = [&](const char* section, std::string_view name) {
    TemplateDictionary* n = a->AddSectionDictionary(section);
    n->SetValue("CODE", code);
    n->SetValue("VALUE", Kept(posted, code, name));
    if (const std::string e = error_of(name); !e.empty()) {
      n->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
    }
  };
  std::vector<std::pair<std::string, std::string>> people;
  for (const auto& [id, name] : act.people) {
    people.emplace_back(std::to_string(id), name);
  }
  switch (act.action) {
    case OfficeAction::kRequestSupplement: {
      TemplateDictionary* sup = a->AddSectionDictionary("SUPPLEMENT");
      sup->SetValue("CODE", code);
      AddSupplementForm(*sup, s, od, posted);
      note("NOTE", "ghi_chu");
      break;
    }
    case OfficeAction::kRefuse:
    case OfficeAction::kReject:
    case OfficeAction::kStop:
      note("REASON", "ly_do");
      break;
    case OfficeAction::kAssign: {
      TemplateDictionary* sel = a->AddSectionDictionary("PEOPLE");
      sel->SetValue("CODE", code);
      AddOptions(*sel, "OPTIONS", people, Kept(posted, code, "den"));
      note("NOTE", "ghi_chu");
      break;
    }
    case OfficeAction::kForward: {
      TemplateDictionary* steps = a->AddSectionDictionary("STEPS");
      steps->SetValue("CODE", code);
      AddOptions(*steps, "OPTIONS", act.steps, Kept(posted, code, "buoc"));
      if (!people.empty()) {
        TemplateDictionary* sel = a->AddSectionDictionary("PEOPLE_OPTIONAL");
        sel->SetValue("CODE", code);
        AddOptions(*sel, "OPTIONS", people, Kept(posted, code, "den"));
      }
      note("NOTE", "ghi_chu");
      break;
    }
    case OfficeAction::kSendBack: {
      TemplateDictionary* steps = a->AddSectionDictionary("STEPS");
      steps->SetValue("CODE", code);
      AddOptions(*steps, "OPTIONS", act.steps, Kept(posted, code, "buoc"));
      note("REASON", "ly_do");
      break;
    }
    case OfficeAction::kTransfer: {
      TemplateDictionary* sel = a->AddSectionDictionary("AGENCIES");
      sel->SetValue("CODE", code);
      AddOptions(*sel, "OPTIONS", act.agencies, Kept(posted, code, "co_quan"));
      note("NOTE", "ghi_chu");
      break;
    }
    case OfficeAction::kApologise: {
      note("REASON", "ly_do");
      TemplateDictionary* date = a->AddSectionDictionary("NEW_DATE");
      date->SetValue("CODE", code);
      date->SetValue("DAY", Kept(posted, code, "ngay_moi-ngay"));
      date->SetValue("MONTH", Kept(posted, code, "ngay_moi-thang"));
      date->SetValue("YEAR", Kept(posted, code, "ngay_moi-nam"));
      if (const std::string e = error_of("ngay_moi"); !e.empty()) {
        date->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
      }
      break;
    }
    case OfficeAction::kRecordResult: {
      a->SetValue("NUMBER", Kept(posted, code, "so"));
      a->SetValue("DAY", Kept(posted, code, "ngay_ket_qua-ngay"));
      a->SetValue("MONTH", Kept(posted, code, "ngay_ket_qua-thang"));
      a->SetValue("YEAR", Kept(posted, code, "ngay_ket_qua-nam"));
      const std::string method = Kept(posted, code, "cach_tra");
      for (const service::ReturnMethod m :
           {service::ReturnMethod::kOnline, service::ReturnMethod::kCounter, service::ReturnMethod::kPost}) {
        TemplateDictionary* r = a->AddSectionDictionary("METHODS");
        r->SetValue("VALUE", std::string(service::ReturnMethodCode(m)));
        r->SetValue("NAME", site.T(lang, ReturnMethodName(m)));
        if (method == service::ReturnMethodCode(m)) {
          r->ShowSection("CHECKED");
        }
      }
      for (const char* name : {"so", "ngay_ket_qua", "cach_tra", "tep"}) {
        if (const std::string e = error_of(name); !e.empty()) {
          std::string upper(name);
          std::transform(upper.begin(), upper.end(), upper.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
          a->SetValueAndShowSection(fmt::format("{}_ERROR", upper), e, fmt::format("HAS_{}_ERROR", upper));
        }
      }
      break;
    }
    case OfficeAction::kMarkReturned:
      note("RECEIVER", "nguoi_nhan");
      break;
    case OfficeAction::kRequestPayment:
      note("AMOUNT", "so_tien");
      note("NOTE", "ghi_chu");
      break;
    default:
      note("NOTE", "ghi_chu");
      break;
  }
  if (const std::string e = error_of("gui"); !e.empty()) {
    a->SetValueAndShowSection("FORM_ERROR", e, "HAS_FORM_ERROR");
  }
}

//! Adds the hand-offs of `od` as a form 05 style table (HANDOFFS).
void AddHandoffs(const Site& site, std::string_view lang, TemplateDictionary& d, const service::OfficeDossier& od) {
  const auto catalogue = site.catalogue();
  for (const service::Handoff& h : od.handoffs) {
    TemplateDictionary* row = d.AddSectionDictionary("HANDOFFS");
    row->SetValue("STEP", h.step_name);
    const domain::Agency* agency = catalogue->FindAgency(h.agency_code);
    row->SetValue("AGENCY", agency != nullptr ? agency->name : h.agency_code);
    row->SetValue("FROM", h.from_name.empty() ? site.T(lang, "Bộ phận một cửa") : h.from_name);
    row->SetValue("TO", h.to_name.empty() ? site.T(lang, "Chờ phân công") : h.to_name);
    row->SetValue("AT", domain::LocalTime(h.at));
    row->SetValue("DUE", domain::LocalTime(h.due));
    row->SetValue("FINISHED", h.finished_at ? domain::LocalTime(*h.finished_at) : site.T(lang, "Đang xử lý"));
    row->SetValue("TIMELINESS", h.timeliness ? site.T(lang, domain::TimelinessName(*h.timeliness)) : "");
    row->SetValue("NOTE", h.note);
  }
  if (!od.handoffs.empty()) {
    d.ShowSection("HAS_HANDOFFS");
  }
}

//! The summary rows of the dossier.
void AddSummary(const Site& site, std::string_view lang, TemplateDictionary& d, const service::OfficeDossier& od) {
  const service::Dossier& ds = od.dossier;
  d.SetValue("CODE", ds.code);
  d.SetIntValue("ID", ds.id);
  d.SetValue("PROCEDURE", od.procedure_name.empty() ? ds.procedure_code : od.procedure_name);
  d.SetValue("PROCEDURE_CODE", ds.procedure_code);
  d.SetValue("AGENCY", od.agency_name);
  d.SetValue("APPLICANT", ds.applicant_name);
  d.SetValue("CHANNEL", site.T(lang, ChannelText(od.channel)));
  d.SetValue("STATUS", site.T(lang, domain::StatusName(ds.status)));
  d.SetValue("TAG_CLASS", StatusTagClass(ds.status));
  d.SetValue("SUBMITTED", TimeText(ds.submitted_at));
  d.SetValue("RECEIVED", od.received_at ? TimeText(od.received_at) : site.T(lang, "Chưa tiếp nhận"));
  d.SetValue("APPOINTMENT", od.appointment ? TimeText(od.appointment) : site.T(lang, "Chưa có"));
  if (od.original_appointment && od.appointment && *od.original_appointment != *od.appointment) {
    d.SetValueAndShowSection("ORIGINAL_APPOINTMENT", TimeText(od.original_appointment), "HAS_ORIGINAL");
  }
  if (od.apology_appointment) {
    d.SetValueAndShowSection("APOLOGY_APPOINTMENT", TimeText(od.apology_appointment), "HAS_APOLOGY_DATE");
  }
  d.SetValue("PAUSED", site.T(lang, od.paused ? "Đang tạm dừng (chờ người nộp)" : "Không"));
  d.SetValue("STEP", od.step_name.empty() ? site.T(lang, "Không có") : od.step_name);
  d.SetValue("HOLDER", od.assignee_name.empty() ? site.T(lang, "Chưa giao") : od.assignee_name);
  if (!od.ended_at) {
    TemplateDictionary* due = d.AddSectionDictionary("DUE");
    due->SetValue("MARK", site.T(lang, DueStateName(od.due_state)));
    due->SetValue("MARK_CLASS", DueStateClass(od.due_state));
  } else {
    d.SetValueAndShowSection("ENDED", domain::LocalTime(*od.ended_at), "HAS_ENDED");
  }
  if (od.timeliness) {
    d.SetValueAndShowSection("TIMELINESS", site.T(lang, domain::TimelinessName(*od.timeliness)), "HAS_TIMELINESS");
  }
  if (!od.end_reason.empty()) {
    d.SetValueAndShowSection("END_REASON", od.end_reason, "HAS_END_REASON");
  }
  if (od.queue_ticket > 0) {
    d.SetIntValue("TICKET", od.queue_ticket);
    d.ShowSection("HAS_TICKET");
  }
  const std::string base = OfficeDossierPath(ds.code);
  d.SetValue("DOSSIER_PATH", base);
  if (od.received_at) {
    d.ShowSection("PRINT_01");
  }
  if (!od.supplements.empty()) {
    d.ShowSection("PRINT_02");
  }
  if (ds.status == domain::DossierStatus::kRefused) {
    d.ShowSection("PRINT_03");
  }
  if (!od.apologies.empty()) {
    d.ShowSection("PRINT_04");
  }
  if (!od.handoffs.empty()) {
    d.ShowSection("PRINT_05");
  }
}

Response RenderDossier(const Site& site, OfficePageServices& s, const Request& req, const service::OfficeDossier& od,
                       const Posted& posted, int32_t status) {
  const std::string lang = site.Lang(req);
  const std::string title = fmt::format("{} {}", site.T(lang, "Hồ sơ"), od.dossier.code);
  return site.Page(
      req, "office/dossier", title,
      [&](TemplateDictionary& d) {
        AddNotice(lang, d, NoticeOf(site, lang, req.Query("tb")));
        FieldErrors summary = posted.errors;
        if (posted.conflict) {
          summary.Add("thao-tac", site.T(lang, service::kSomeoneElseActed));
          std::string typed = FieldOf(posted.fields, "ly_do");
          if (typed.empty()) {
            typed = FieldOf(posted.fields, "ghi_chu");
          }
          if (!typed.empty()) {
            d.SetValueAndShowSection("KEPT_NOTE", typed, "HAS_KEPT_NOTE");
          }
        } else if (!posted.message.empty()) {
          summary.Add("thao-tac", posted.message);
        }
        AddErrorSummary(lang, d, summary);
        AddSummary(site, lang, d, od);
        TrackingServices t{s.dossiers, s.forms};
        AddAnswersAndFiles(site, lang, d, t, od.dossier);
        AddTimeline(site, lang, d, od.dossier.timeline);
        AddSupplements(d, od);
        AddHandoffs(site, lang, d, od);
        AddApologies(d, od);
        AddResult(site, lang, d, od);
        for (const service::AvailableAction& act : od.actions) {
          AddActionForm(site, req, lang, d, s, od, act, posted);
        }
        if (od.actions.empty()) {
          d.ShowSection("NO_ACTIONS");
        }
      },
      status);
}

//! The code in path parameter {code}, decoded.
std::string CodeParam(const Request& req) { return std::string(req.Param("code")); }

//! The note of the posted form, cut to kMaxNoteBytes.
std::string Note(const Form& form, std::string_view name) {
  std::string text = domain::CollapseSpaces(form.Text(name));
  if (text.size() > kMaxNoteBytes) {
    text.resize(kMaxNoteBytes);
  }
  return text;
}

//! The supplement items checked on the form, with their reasons; errors for items without a reason.
std::vector<service::SupplementItem> ItemsOf(const Site& site, std::string_view lang, const Form& form,
                                             const service::OfficeDossier& od, OfficePageServices& s,
                                             FieldErrors& errors) {
  constexpr std::string_view kCode = "request_supplement";
  std::vector<service::SupplementItem> items;
  const std::vector<std::string> checked = form.All("muc");
  auto def = s.dossiers.FormOf(od.dossier);
  int32_t n = 0;
  const auto consider = [&](const std::string& value, const std::string& label, const std::string& doc,
                            const std::string& field) {
    const int32_t index = n++;
    if (std::find(checked.begin(), checked.end(), value) == checked.end()) {
      return;
    }
    const std::string reason = Note(form, "ly_do:" + value);
    if (reason.empty()) {
      errors.Add(InputId(kCode, fmt::format("ly_do-{}", index)),
                 fmt::format("{}: {}", label, site.T(lang, "Nhập lý do cần bổ sung mục này")));
      return;
    }
    items.push_back(service::SupplementItem{doc, field, label, reason});
  };
  if (def) {
    for (const domain::DocumentDef& doc : def->documents) {
      consider("giay-to:" + doc.id, doc.name, doc.id, "");
    }
    for (const auto& [id, label] : QuestionsOf(*def)) {
      consider("cau-hoi:" + id, label, "", id);
    }
  }
  for (int32_t i = 1; i <= kFreeItems; ++i) {
    const std::string label = Note(form, fmt::format("muc_khac_{}", i));
    const std::string reason = Note(form, fmt::format("ly_do_khac_{}", i));
    if (label.empty() && reason.empty()) {
      continue;
    }
    if (label.empty() || reason.empty()) {
      errors.Add(InputId(kCode, fmt::format("ly_do_khac_{}", i)),
                 site.T(lang, "Nhập cả giấy tờ hoặc thông tin cần bổ sung và lý do"));
      continue;
    }
    items.push_back(service::SupplementItem{"", "", label, reason});
  }
  if (items.empty() && errors.empty()) {
    errors.Add(InputId(kCode, "muc"), site.T(lang, "Chọn ít nhất một giấy tờ hoặc thông tin cần bổ sung"));
  }
  return items;
}

//! The page's input a service field error belongs to.
std::string InputOfServiceField(std::string_view action, std::string_view field) {
  static const std::map<std::string_view, std::string_view, std::less<>> kInputs = {
      {"note", "ly_do"},
      {"reason", "ly_do"},
      {"ly_do", "ly_do"},
      {"items", "muc"},
      {"to", "den"},
      {"new_appointment", "ngay_moi"},
      {"result_number", "so"},
      {"result_date", "ngay_ket_qua"},
      {"method", "cach_tra"},
      {"result_file", "tep"},
      {"returned_to", "nguoi_nhan"},
      {"fee_vnd", "so_tien"},
  };
  const auto it = kInputs.find(field);
  if (it == kInputs.end()) {
    return InputId(action, "gui");
  }
  std::string_view input = it->second;
  if (input == "ly_do" && (action == "assign" || action == "forward" || action == "transfer" || action == "approve" ||
                           action == "request_supplement")) {
    input = "ghi_chu";
  }
  if (input == "den" && (action == "transfer")) {
    input = "co_quan";
  }
  if (input == "den" && action == "send_back") {
    input = "buoc";
  }
  return InputId(action, input);
}

//! Acts and answers: a redirect with a notice, or the page again with the errors or the conflict.
Response Perform(const Site& site, OfficePageServices& s, const Request& req, const service::ActionInput& input,
                 Posted posted) {
  const std::string lang = site.Lang(req);
  const service::Actor actor = access::ActorOf(req);
  const std::string code = CodeParam(req);
  if (posted.errors.empty()) {
    auto done = s.office.Act(actor, code, input);
    if (done) {
      return Response::Redirect(OfficeDossierPath(code) + "?tb=" + std::string(domain::ActionCode(input.action)));
    }
    const domain::Error& e = done.error();
    if (e.kind == domain::ErrorKind::kConflict) {
      posted.conflict = true;
    } else if (e.kind == domain::ErrorKind::kInvalid) {
      for (const domain::FieldError& f : e.fields) {
        posted.errors.Add(InputOfServiceField(posted.action, f.field), site.T(lang, f.message));
      }
      if (e.fields.empty()) {
        posted.message = site.T(lang, e.message);
      }
    } else {
      return ErrorPageFor(site, req, e);
    }
  }
  auto current = s.office.Get(actor, code);
  if (!current) {
    return ErrorPageFor(site, req, current.error());
  }
  return RenderDossier(site, s, req, *current, posted, posted.conflict ? http::kConflict : http::kUnprocessable);
}

}  // namespace

Response DossierPage(const Site& site, OfficePageServices& s, const Request& req) {
  auto od = s.office.Get(access::ActorOf(req), CodeParam(req));
  if (!od) {
    return ErrorPageFor(site, req, od.error());
  }
  return RenderDossier(site, s, req, *od, Posted{}, http::kOk);
}

Response ActionSubmit(const Site& site, OfficePageServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  Posted posted;
  posted.action = form.Get("hanh_dong");
  auto pairs = http::ParseQuery(req.body, http::kMaxFormFields);
  if (pairs) {
    posted.fields = std::move(*pairs);
  }
  const auto action = domain::ParseAction(posted.action);
  if (!action || *action == OfficeAction::kRecordResult || *action == OfficeAction::kSupply) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không rõ thao tác cần thực hiện."));
  }
  service::ActionInput input;
  input.action = *action;
  input.version = NumberOf(form.Get("phien_ban"));
  const std::string& code = posted.action;
  switch (*action) {
    case OfficeAction::kRefuse:
    case OfficeAction::kReject:
    case OfficeAction::kStop:
    case OfficeAction::kSendBack:
    case OfficeAction::kApologise:
      input.note = Note(form, "ly_do");
      if (input.note.empty()) {
        posted.errors.Add(InputId(code, "ly_do"), site.T(lang, "Nhập lý do"));
      }
      break;
    default:
      input.note = Note(form, "ghi_chu");
      break;
  }
  switch (*action) {
    case OfficeAction::kRequestSupplement: {
      auto od = s.office.Get(access::ActorOf(req), CodeParam(req));
      if (!od) {
        return ErrorPageFor(site, req, od.error());
      }
      input.items = ItemsOf(site, lang, form, *od, s, posted.errors);
      break;
    }
    case OfficeAction::kAssign:
      input.to = form.Get("den");
      if (input.to.empty()) {
        posted.errors.Add(InputId(code, "den"), site.T(lang, "Chọn cán bộ"));
      }
      break;
    case OfficeAction::kForward:
      // A named person goes first; otherwise the step (its queue).
      input.to = !form.Get("den").empty() ? form.Get("den") : form.Get("buoc");
      break;
    case OfficeAction::kSendBack:
      input.to = form.Get("buoc");
      break;
    case OfficeAction::kTransfer:
      input.to = form.Get("co_quan");
      if (input.to.empty()) {
        posted.errors.Add(InputId(code, "co_quan"), site.T(lang, "Chọn cơ quan"));
      }
      break;
    case OfficeAction::kApologise: {
      const auto day = DateOf(posted.fields, "ngay_moi");
      if (!day) {
        posted.errors.Add(InputId(code, "ngay_moi"), site.T(lang, "Nhập ngày hẹn mới, ví dụ 15 12 2026"));
        break;
      }
      const auto start = domain::VietnamDayStart(fmt::format("{:04}-{:02}-{:02}", day->year, day->month, day->day), 0);
      input.new_appointment = start->Plus(std::chrono::hours(kApologyHour));
      break;
    }
    case OfficeAction::kMarkReturned:
      input.returned_to = Note(form, "nguoi_nhan");
      if (input.returned_to.size() > kMaxShortBytes) {
        input.returned_to.resize(kMaxShortBytes);
      }
      if (input.returned_to.empty()) {
        posted.errors.Add(InputId(code, "nguoi_nhan"), site.T(lang, "Nhập họ tên người nhận kết quả"));
      }
      break;
    case OfficeAction::kRequestPayment: {
      std::string digits;
      for (const char c : form.Get("so_tien")) {
        if (c >= '0' && c <= '9') {
          digits += c;
        }
      }
      input.fee_vnd = digits.empty() ? 0 : NumberOf(digits);
      if (input.fee_vnd <= 0) {
        posted.errors.Add(InputId(code, "so_tien"), site.T(lang, "Nhập số tiền, ví dụ 50.000"));
      }
      break;
    }
    default:
      break;
  }
  return Perform(site, s, req, input, std::move(posted));
}

Response ResultSubmit(const Site& site, OfficePageServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  if (req.multipart == nullptr) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không đọc được nội dung gửi lên."));
  }
  http::MultipartBody& body = *req.multipart;
  constexpr std::string_view kCode = "record_result";
  Posted posted;
  posted.action = std::string(kCode);
  posted.fields = body.fields;
  if (!body.ok()) {
    posted.errors.Add(InputId(kCode, "tep"), site.T(lang, "Không nhận được tệp kết quả. Hãy chọn lại tệp PDF."));
  }
  service::ActionInput input;
  input.action = OfficeAction::kRecordResult;
  input.version = NumberOf(FieldOf(body.fields, "phien_ban"));
  input.result_number = domain::CollapseSpaces(FieldOf(body.fields, "so"));
  if (input.result_number.size() > kMaxShortBytes) {
    input.result_number.resize(kMaxShortBytes);
  }
  if (input.result_number.empty()) {
    posted.errors.Add(InputId(kCode, "so"), site.T(lang, "Nhập số văn bản kết quả"));
  }
  input.result_date = DateOf(body.fields, "ngay_ket_qua");
  if (!input.result_date) {
    posted.errors.Add(InputId(kCode, "ngay_ket_qua"), site.T(lang, "Nhập ngày ký văn bản kết quả, ví dụ 15 12 2026"));
  }
  input.method = service::ParseReturnMethod(FieldOf(body.fields, "cach_tra"));
  if (!input.method) {
    posted.errors.Add(InputId(kCode, "cach_tra"), site.T(lang, "Chọn cách trả kết quả"));
  }
  for (const http::UploadedFile& f : body.files) {
    if (f.field == "tep") {
      // The back office stores it (FileStore::Put moves or deletes the spool file); a spool file left behind is
      // deleted with the body.
      input.result_file_path = f.path;
      input.result_file_name = f.filename;
    }
  }
  if (input.method == service::ReturnMethod::kOnline && input.result_file_path.empty()) {
    posted.errors.Add(InputId(kCode, "tep"), site.T(lang, "Trả kết quả trực tuyến cần tệp PDF kết quả đã ký số"));
  }
  return Perform(site, s, req, input, std::move(posted));
}

Response ResultDownload(const Site& site, OfficePageServices& s, const Request& req) {
  auto file = s.office.ResultFile(access::ActorOf(req), CodeParam(req));
  if (!file) {
    return ErrorPageFor(site, req, file.error());
  }
  return FileResponse(site, req, *file);
}

}  // namespace motcua::web::office
