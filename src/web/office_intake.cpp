// Counter intake (issue 10): the desk officer finds the citizen (by ID number or phone; the account is created at
// the counter pages of issue 8 when there is none), picks the procedure, fills the same form definition on their
// behalf with the papers scanned or uploaded, and accepts in one flow (BackOffice::CounterIntake). The received
// dossier's page then offers form 01 to print, with the lookup QR.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "domain/answers.hpp"
#include "domain/messages.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"
#include "service/counter.hpp"
#include "web/dossier_questions.hpp"
#include "web/forms.hpp"
#include "web/office_parts.hpp"
#include "web/results.hpp"

namespace motcua::web::office {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using http::Request;
using http::Response;

//! Procedures one search lists.
constexpr int32_t kProcedureResults = 20;
//! Prefix of a document's file input ("tep-<document id>").
constexpr std::string_view kFilePrefix = "tep-";
//! The administrative-unit era of a dossier received today (units renamed by the 2025 reform).
constexpr const char* kCurrentEra = "2025";

constexpr InputSpec kCitizenField{"q",      N_("Số định danh cá nhân hoặc số điện thoại"), nullptr, "text", "off", "20",
                                  "numeric"};

std::string IntakePath(int64_t citizen) { return fmt::format("/can-bo/tiep-nhan-tai-quay/{}", citizen); }

//! The agency of the caller's desk (their first desk officer grant), or "" (system administrators).
std::string DeskAgency(const Request& req) {
  for (const domain::Grant& g : access::CallerOf(req).principal.grants) {
    if (g.role == domain::Role::kDeskOfficer) {
      return g.agency_code;
    }
  }
  return {};
}

Response RenderFind(const Site& site, OfficePageServices& s, const Request& req, bool searched) {
  const std::string lang = site.Lang(req);
  const std::string typed = searched ? Form(req).Text("q") : std::string();
  FieldErrors errors;
  std::vector<domain::Account> people;
  if (searched) {
    service::Counter counter(s.accounts);
    auto found = counter.Search(access::ActorOf(req), typed);
    if (!found) {
      AddFieldErrors(site, lang, found.error(), errors);
    } else {
      people = std::move(*found);
    }
  }
  return site.Page(
      req, "office/intake_find", site.T(lang, "Tiếp nhận hồ sơ tại quầy"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_QUERY", kCitizenField, typed, errors);
        if (!searched || !errors.empty()) {
          return;
        }
        d.ShowSection("SEARCHED");
        if (people.empty()) {
          d.ShowSection("NONE");
        }
        for (const domain::Account& a : people) {
          TemplateDictionary* row = d.AddSectionDictionary("PEOPLE");
          row->SetValue("URL", IntakePath(a.id));
          row->SetValue("NAME", a.full_name);
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

//! Every question of `form` rendered page by page (a fieldset each), what was typed in `raw`.
void AddFormPages(const Site& site, std::string_view lang, TemplateDictionary& d, OfficePageServices& s,
                  const domain::FormDefinition& form, const RawInputs& raw, const FieldErrors& errors,
                  const boost::json::object& answers) {
  const ListUnits units = [&s](const std::string& era, const std::string& parent) {
    return s.catalogue.AdminUnits(era, parent);
  };
  const std::vector<std::string> no_officer_fields;
  const QuestionContext q{site, std::string(lang), raw, errors, no_officer_fields, answers, kCurrentEra, units};
  for (const domain::PageDef& p : form.pages) {
    TemplateDictionary* page = d.AddSectionDictionary("PAGES");
    page->SetValue("TITLE", p.title);
    page->SetValue("QUESTIONS", RenderQuestions(p.fields, q));
  }
  for (const domain::DocumentDef& doc : form.documents) {
    TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS");
    row->SetValue("DOC_ID", doc.id);
    row->SetValue("NAME", doc.name);
    if (!doc.required) {
      row->ShowSection("OPTIONAL");
    }
    if (const std::string e = errors.Of(std::string(kFilePrefix) + doc.id); !e.empty()) {
      row->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
    }
  }
}

Response RenderForm(const Site& site, OfficePageServices& s, const Request& req, int64_t citizen,
                    const domain::Procedure& procedure, const domain::FormDefinition& form, const RawInputs& raw,
                    const FieldErrors& errors, const boost::json::object& answers, bool ticket, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "office/intake_form", site.T(lang, "Nhập hồ sơ tại quầy"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        d.SetValue("PROCEDURE", procedure.name);
        d.SetValue("PROCEDURE_CODE", procedure.code);
        d.SetValue("ACTION", fmt::format("{}/{}", IntakePath(citizen), http::PercentEncode(procedure.code)));
        d.SetValue("BACK", IntakePath(citizen));
        AddFormPages(site, lang, d, s, form, raw, errors, answers);
        if (ticket) {
          d.ShowSection("TICKET");
        }
      },
      status);
}

}  // namespace

Response IntakeStart(const Site& site, OfficePageServices& s, const Request& req) {
  return RenderFind(site, s, req, false);
}

Response IntakeFind(const Site& site, OfficePageServices& s, const Request& req) {
  return RenderFind(site, s, req, true);
}

Response IntakeProcedure(const Site& site, OfficePageServices& /*s*/, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t citizen = IdParam(req, "citizen");
  const std::string text(req.Query("q"));
  const auto catalogue = site.catalogue();
  domain::SearchResult found;
  if (!text.empty()) {
    domain::SearchQuery query;
    query.text = text;
    query.page_size = kProcedureResults;
    found = catalogue->Search(query);
  }
  return site.Page(req, "office/intake_procedure", site.T(lang, "Chọn thủ tục"), [&](TemplateDictionary& d) {
    d.SetValue("ACTION", IntakePath(citizen));
    d.SetValue("Q", text);
    if (text.empty()) {
      return;
    }
    d.ShowSection("SEARCHED");
    if (found.items.empty()) {
      d.ShowSection("NONE");
    }
    for (const domain::Procedure* p : found.items) {
      TemplateDictionary* row = d.AddSectionDictionary("PROCEDURES");
      row->SetValue("URL", fmt::format("{}/{}", IntakePath(citizen), http::PercentEncode(p->code)));
      row->SetValue("NAME", p->name);
      row->SetValue("CODE", p->code);
    }
  });
}

Response IntakeForm(const Site& site, OfficePageServices& s, const Request& req) {
  const auto catalogue = site.catalogue();
  const domain::Procedure* procedure = catalogue->FindProcedure(req.Param("procedure"));
  if (procedure == nullptr) {
    return ErrorPageFor(site, req, domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy thủ tục này.")));
  }
  auto form = s.forms.Current(procedure->code);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  return RenderForm(site, s, req, IdParam(req, "citizen"), *procedure, *form, RawInputs{}, FieldErrors{},
                    boost::json::object{}, false, http::kOk);
}

Response IntakeSubmit(const Site& site, OfficePageServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  if (req.multipart == nullptr) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không đọc được nội dung gửi lên."));
  }
  http::MultipartBody& body = *req.multipart;
  const auto catalogue = site.catalogue();
  const domain::Procedure* procedure = catalogue->FindProcedure(req.Param("procedure"));
  if (procedure == nullptr) {
    return ErrorPageFor(site, req, domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy thủ tục này.")));
  }
  auto form = s.forms.Current(procedure->code);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  const int64_t citizen = IdParam(req, "citizen");
  http::Pairs pairs = body.fields;
  const std::string action = FieldOf(pairs, kActionField);
  const bool ticket = FieldOf(pairs, "so_thu_tu") == "1";
  const bool changed_layout = ApplyGroupAction(action, pairs) || action == kChooseAction;
  const RawInputs raw = RawOfPairs(pairs);
  service::CounterIntakeInput input;
  FieldErrors errors;
  for (const domain::PageDef& p : form->pages) {
    const domain::PageInput page = domain::ReadPageInput(p, pairs);
    for (const auto& kv : page.answers) {
      input.answers[kv.key()] = kv.value();
    }
    if (!changed_layout) {
      for (const domain::FieldError& e : page.errors) {
        errors.Add(e.field, site.T(lang, e.message));
      }
    }
  }
  if (changed_layout) {
    return RenderForm(site, s, req, citizen, *procedure, *form, raw, FieldErrors{}, input.answers, ticket, http::kOk);
  }
  if (!body.ok()) {
    errors.Add("tai-len", site.T(lang, "Không nhận được tệp. Hãy chọn lại tệp (PDF, JPEG, PNG hoặc HEIC)."));
  }
  input.citizen_id = citizen;
  input.procedure_code = procedure->code;
  input.agency_code = DeskAgency(req);
  input.issue_ticket = ticket;
  for (const http::UploadedFile& f : body.files) {
    if (f.field.rfind(kFilePrefix, 0) != 0) {
      continue;
    }
    input.files.emplace_back(f.field.substr(kFilePrefix.size()), f.path);
    input.file_names.push_back(f.filename);
  }
  if (errors.empty()) {
    auto done = s.office.CounterIntake(access::ActorOf(req), input);
    if (done) {
      return Response::Redirect(OfficeDossierPath(done->dossier.code) + "?tb=accept");
    }
    const domain::Error& e = done.error();
    if (e.kind != domain::ErrorKind::kInvalid) {
      return ErrorPageFor(site, req, e);
    }
    for (const domain::FieldError& f : e.fields) {
      const bool is_doc = std::any_of(form->documents.begin(), form->documents.end(),
                                      [&](const domain::DocumentDef& d) { return d.id == f.field; });
      errors.Add(is_doc ? std::string(kFilePrefix) + f.field : f.field, site.T(lang, f.message));
    }
    if (e.fields.empty()) {
      errors.Add("tai-len", site.T(lang, e.message));
    }
  }
  return RenderForm(site, s, req, citizen, *procedure, *form, raw, errors, input.answers, ticket, http::kUnprocessable);
}

}  // namespace motcua::web::office
