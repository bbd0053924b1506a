// The citizen's side of the back office (issue 10): the open supplement request on their dossier page with every
// item and its reason, the page that answers it (/ho-so/{id}/bo-sung: the named answers fixed, the named documents
// uploaded, then sent with BackOffice::Supply), apologies with the new date, and the result with its download.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "domain/answers.hpp"
#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "http/multipart.hpp"
#include "web/dossier_questions.hpp"
#include "web/forms.hpp"
#include "web/office_parts.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"
#include "web/templates.hpp"
#include "web/tracking_pages.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

//! The largest body of a supplement (the named documents and answers).
constexpr uint64_t kSupplyBodyLimit = uint64_t{52} * 1024 * 1024;
//! Prefix of a file input of a document ("tep-<document id>").
constexpr std::string_view kFilePrefix = "tep-";

//! The open supplement request of `od` (the newest one not yet supplied), or null.
const service::SupplementRequest* OpenRequest(const service::OfficeDossier& od) {
  if (od.dossier.status != domain::DossierStatus::kSupplementRequested) {
    return nullptr;
  }
  for (auto it = od.supplements.rbegin(); it != od.supplements.rend(); ++it) {
    if (!it->supplied_at) {
      return &*it;
    }
  }
  return nullptr;
}

//! A page holding only the questions `request` names (in the form's order), read and rendered like any page.
domain::PageDef AskedPage(const domain::FormDefinition& form, const service::SupplementRequest& request) {
  domain::PageDef page;
  page.id = "bo-sung";
  for (const domain::PageDef& p : form.pages) {
    for (const domain::FieldDef& f : p.fields) {
      const bool asked = std::any_of(request.items.begin(), request.items.end(),
                                     [&](const service::SupplementItem& i) { return i.field_id == f.id; });
      if (asked) {
        page.fields.push_back(f);
      }
    }
  }
  return page;
}

//! The citizen's dossier `{id}` with its back-office state; an error for anyone but its owner.
struct Loaded {
  service::Dossier dossier;
  service::OfficeDossier office;
};
domain::Result<Loaded> Load(OfficePageServices& s, const Request& req) {
  const service::Actor actor = access::ActorOf(req);
  auto dossier = s.dossiers.Get(actor, IdParam(req, "id"));
  if (!dossier) {
    return dossier.error();
  }
  if (dossier->owner_id != access::CallerOf(req).principal.user_id || dossier->code.empty()) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy hồ sơ này."));
  }
  auto od = s.office.Get(actor, dossier->code);
  if (!od) {
    return od.error();
  }
  return Loaded{std::move(*dossier), std::move(*od)};
}

Response RenderSupply(const Site& site, OfficePageServices& s, const Request& req, const Loaded& l,
                      const service::SupplementRequest& request, const RawInputs& raw, const FieldErrors& errors,
                      int32_t status) {
  const std::string lang = site.Lang(req);
  auto form = s.dossiers.FormOf(l.dossier);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  const domain::PageDef page = AskedPage(*form, request);
  const domain::AnswerContext context = s.dossiers.ContextOf(l.dossier);
  const ListUnits units = [&s](const std::string& era, const std::string& parent) {
    return s.catalogue.AdminUnits(era, parent);
  };
  const std::vector<std::string> no_officer_fields;
  const QuestionContext q{site, lang, raw, errors, no_officer_fields, l.dossier.answers, context.era, units};
  const std::string questions = page.fields.empty() ? std::string() : RenderQuestions(page.fields, q);
  return site.Page(
      req, "dossier/supplement", site.T(lang, "Bổ sung hồ sơ"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        d.SetIntValue("ID", l.dossier.id);
        d.SetValue("CODE", l.dossier.code);
        d.SetIntValue("VERSION", l.office.dossier.version);
        d.SetValue("PROCEDURE", l.office.procedure_name);
        d.SetValue("REQUESTED_AT", domain::LocalTime(request.requested_at));
        if (!request.note.empty()) {
          d.SetValueAndShowSection("NOTE", request.note, "HAS_NOTE");
        }
        for (const service::SupplementItem& item : request.items) {
          TemplateDictionary* row = d.AddSectionDictionary("ITEMS");
          row->SetValue("LABEL", item.label);
          row->SetValue("REASON", item.reason);
        }
        if (!questions.empty()) {
          d.SetValueAndShowSection("QUESTIONS", questions, "HAS_QUESTIONS");
        }
        for (const service::SupplementItem& item : request.items) {
          if (item.document_id.empty()) {
            continue;
          }
          TemplateDictionary* doc = d.AddSectionDictionary("DOCUMENTS");
          doc->SetValue("DOC_ID", item.document_id);
          doc->SetValue("LABEL", item.label);
          doc->SetValue("REASON", item.reason);
          if (const std::string e = errors.Of(std::string(kFilePrefix) + item.document_id); !e.empty()) {
            doc->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
          }
        }
        const bool free_items = std::any_of(request.items.begin(), request.items.end(),
                                            [](const auto& i) { return i.document_id.empty() && i.field_id.empty(); });
        if (free_items) {
          d.ShowSection("HAS_FREE_ITEMS");
        }
      },
      status);
}

Response SupplyPage(const Site& site, OfficePageServices& s, const Request& req) {
  auto l = Load(s, req);
  if (!l) {
    return ErrorPageFor(site, req, l.error());
  }
  const service::SupplementRequest* request = OpenRequest(l->office);
  if (request == nullptr) {
    return Response::Redirect(fmt::format("/ho-so/{}", l->dossier.id));
  }
  auto form = s.dossiers.FormOf(l->dossier);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  const RawInputs raw = RawOfAnswers(AskedPage(*form, *request).fields, l->dossier.answers);
  return RenderSupply(site, s, req, *l, *request, raw, FieldErrors{}, http::kOk);
}

Response SupplySubmit(const Site& site, OfficePageServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  if (req.multipart == nullptr) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không đọc được nội dung gửi lên."));
  }
  http::MultipartBody& body = *req.multipart;
  auto l = Load(s, req);
  if (!l) {
    return ErrorPageFor(site, req, l.error());
  }
  const service::SupplementRequest* request = OpenRequest(l->office);
  if (request == nullptr) {
    return Response::Redirect(fmt::format("/ho-so/{}", l->dossier.id));
  }
  auto form = s.dossiers.FormOf(l->dossier);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  http::Pairs pairs = body.fields;
  const std::string action = office::FieldOf(pairs, kActionField);
  const domain::PageDef page = AskedPage(*form, *request);
  const bool changed_layout = ApplyGroupAction(action, pairs) || action == kChooseAction;
  const RawInputs raw = RawOfPairs(pairs);
  if (changed_layout) {
    return RenderSupply(site, s, req, *l, *request, raw, FieldErrors{}, http::kOk);
  }
  FieldErrors errors;
  if (!body.ok()) {
    errors.Add("tai-len", site.T(lang, "Không nhận được tệp. Hãy chọn lại tệp (PDF, JPEG, PNG hoặc HEIC)."));
  }
  const domain::PageInput input = domain::ReadPageInput(page, pairs);
  for (const domain::FieldError& e : input.errors) {
    errors.Add(e.field, site.T(lang, e.message));
  }
  std::vector<std::tuple<std::string, std::string, std::string>> files;
  for (const http::UploadedFile& f : body.files) {
    if (f.field.rfind(kFilePrefix, 0) != 0) {
      continue;
    }
    const std::string doc = f.field.substr(kFilePrefix.size());
    const bool asked = std::any_of(request->items.begin(), request->items.end(),
                                   [&](const service::SupplementItem& i) { return i.document_id == doc; });
    if (asked) {
      files.emplace_back(doc, f.path, f.filename);
    }
  }
  if (errors.empty()) {
    const int64_t version = office::NumberOf(office::FieldOf(pairs, "phien_ban"));
    auto done = s.office.Supply(access::ActorOf(req), l->dossier.code, input.answers, files, version);
    if (done) {
      return Response::Redirect(fmt::format("/ho-so/{}?tb=da-bo-sung", l->dossier.id));
    }
    const domain::Error& e = done.error();
    if (e.kind == domain::ErrorKind::kConflict) {
      errors.Add("bo-sung", site.T(lang, service::kSomeoneElseActed));
    } else if (e.kind != domain::ErrorKind::kInvalid) {
      return ErrorPageFor(site, req, e);
    } else {
      for (const domain::FieldError& f : e.fields) {
        const bool is_doc = std::any_of(request->items.begin(), request->items.end(),
                                        [&](const service::SupplementItem& i) { return i.document_id == f.field; });
        errors.Add(is_doc ? std::string(kFilePrefix) + f.field : f.field, site.T(lang, f.message));
      }
      if (e.fields.empty()) {
        errors.Add("bo-sung", site.T(lang, e.message));
      }
    }
  }
  auto fresh = Load(s, req);
  if (!fresh) {
    return ErrorPageFor(site, req, fresh.error());
  }
  const service::SupplementRequest* open = OpenRequest(fresh->office);
  if (open == nullptr) {
    return Response::Redirect(fmt::format("/ho-so/{}", fresh->dossier.id));
  }
  return RenderSupply(site, s, req, *fresh, *open, raw, errors, http::kUnprocessable);
}

Response ResultDownload(const Site& site, OfficePageServices& s, const Request& req) {
  auto dossier = s.dossiers.Get(access::ActorOf(req), IdParam(req, "id"));
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  auto file = s.office.ResultFile(access::ActorOf(req), dossier->code);
  if (!file) {
    return ErrorPageFor(site, req, file.error());
  }
  return office::FileResponse(site, req, *file);
}

}  // namespace

void AddOfficeView(const Site& site, std::string_view lang, TemplateDictionary& page, service::BackOffice& office,
                   const service::Actor& actor, const service::Dossier& dossier, std::string_view notice_key) {
  if (notice_key == "da-bo-sung") {
    AddNotice(lang, page, site.T(lang, "Đã gửi phần bổ sung. Cơ quan tiếp tục giải quyết hồ sơ của bạn."));
  }
  if (dossier.code.empty()) {
    return;
  }
  auto od = office.Get(actor, dossier.code);
  if (!od) {
    return;  // the page shows the dossier as issue 9 did
  }
  TemplateDictionary* v = page.AddIncludeDictionary("OFFICE_VIEW");
  v->SetFilename(Templates::Key(lang, "dossier/track_office"));
  v->SetIntValue("ID", dossier.id);
  if (od->appointment) {
    v->SetValueAndShowSection("APPOINTMENT", domain::LocalTime(*od->appointment), "HAS_APPOINTMENT");
  }
  if (od->paused) {
    v->ShowSection("PAUSED");
  }
  if (od->dossier.status == domain::DossierStatus::kRefused) {
    v->ShowSection("REFUSED");
  }
  const service::SupplementRequest* open = OpenRequest(*od);
  if (open == nullptr && !od->supplements.empty()) {
    v->ShowSection("PAST_SUPPLEMENT");  // the request answered: its form 02 stays available
  }
  if (const service::SupplementRequest* r = open) {
    TemplateDictionary* sec = v->AddSectionDictionary("OPEN_SUPPLEMENT");
    sec->SetIntValue("ID", dossier.id);
    sec->SetValue("AT", domain::LocalTime(r->requested_at));
    if (!r->note.empty()) {
      sec->SetValueAndShowSection("NOTE", r->note, "HAS_NOTE");
    }
    for (const service::SupplementItem& item : r->items) {
      TemplateDictionary* row = sec->AddSectionDictionary("ITEMS");
      row->SetValue("LABEL", item.label);
      row->SetValue("REASON", item.reason);
    }
  }
  for (const service::Apology& a : od->apologies) {
    TemplateDictionary* row = v->AddSectionDictionary("APOLOGIES");
    row->SetIntValue("ID", dossier.id);
    row->SetValue("AT", domain::LocalTime(a.at));
    row->SetValue("REASON", a.reason);
    row->SetValue("NEW_DATE", domain::LocalTime(a.new_appointment));
  }
  if (od->result) {
    const service::DossierResult& r = *od->result;
    TemplateDictionary* sec = v->AddSectionDictionary("RESULT");
    sec->SetValue("NUMBER", r.number);
    sec->SetValue("ISSUED", office::CivilText(r.issued_on));
    sec->SetValue("METHOD", site.T(lang, office::ReturnMethodName(r.method)));
    if (r.file) {
      TemplateDictionary* f = sec->AddSectionDictionary("HAS_FILE");
      f->SetIntValue("ID", dossier.id);
      f->SetValue("FILE_NAME", r.file->file.original_name);
    }
    if (r.returned_at) {
      sec->SetValueAndShowSection("RETURNED", domain::LocalTime(*r.returned_at), "HAS_RETURNED");
    }
  }
  if (od->timeliness) {
    v->SetValueAndShowSection("TIMELINESS", site.T(lang, domain::TimelinessName(*od->timeliness)), "HAS_TIMELINESS");
  }
}

void AddSupplementPages(access::RouteTable& routes, const Site& site, const OfficePageServices& services) {
  auto shared = std::make_shared<OfficePageServices>(services);
  static constexpr PageRoute<OfficePageServices> kRoutes[] = {
      {"GET", "/ho-so/{id}/bo-sung", Permission::kCitizen, SupplyPage},
      {"GET", "/ho-so/{id}/ket-qua", Permission::kSignedIn, ResultDownload},
  };
  AddPageRoutes<OfficePageServices>(routes, site, shared, kRoutes);
  const Site* s = &site;
  routes.Add(
      "POST", "/ho-so/{id}/bo-sung", Permission::kCitizen,
      [s, shared](http::Request& r) { return SupplySubmit(*s, *shared, r); }, http::Exec::kInteractive,
      kSupplyBodyLimit, http::BodyMode::kMultipart);
}

}  // namespace motcua::web
