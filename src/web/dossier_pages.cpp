// The citizen's filing path (issue 9, GOV.UK patterns): the start page, one page of questions at a time, the task
// list, check your answers with the declaration, filing, and the confirmation panel. Every page is a plain HTML form
// (nothing needs JavaScript) and personal, so none is ever cached. The documents page is in dossier_documents.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "domain/answers.hpp"
#include "domain/dossier.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "web/dossier_parts.hpp"
#include "web/dossier_questions.hpp"
#include "web/page_routes.hpp"

namespace motcua::web {

namespace dossier {

std::string DossierPath(int64_t id) { return fmt::format("/ho-so/{}", id); }

domain::Result<service::Dossier> LoadDossier(FilingServices& s, const Request& req) {
  const int64_t id = IdParam(req, "id");
  if (id <= 0) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy hồ sơ."));
  }
  return s.dossiers.Get(access::ActorOf(req), id);
}

std::string ClosedRedirect(const service::Dossier& dossier) {
  return domain::OwnerMayEdit(dossier.status) ? std::string() : DossierPath(dossier.id);
}

std::string ProcedureName(const Site& site, std::string_view code) {
  const domain::Procedure* p = site.catalogue()->FindProcedure(code);
  return p != nullptr ? p->name : std::string(code);
}

void AddDossierHeading(const Site& site, TemplateDictionary& d, const service::Dossier& dossier) {
  d.SetValue("PROCEDURE", ProcedureName(site, dossier.procedure_code));
  d.SetValue("ID", std::to_string(dossier.id));
  d.SetValue("BASE", DossierPath(dossier.id));
}

void AddTranslated(const Site& site, std::string_view lang, const std::vector<domain::FieldError>& in,
                   FieldErrors& out) {
  for (const domain::FieldError& e : in) {
    out.Add(e.field, site.T(lang, e.message));
  }
}

std::string SizeText(int64_t bytes) {
  constexpr int64_t kKilo = 1000;
  constexpr double kMega = 1e6;
  if (bytes < kKilo * kKilo) {
    return fmt::format("{} kB", std::max<int64_t>(1, (bytes + kKilo - 1) / kKilo));
  }
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / kMega);
}

}  // namespace dossier

namespace {

using namespace dossier;  // NOLINT(google-build-using-namespace): this file is that namespace's main user
using domain::FieldDef;
using domain::PageDef;
using domain::Permission;
using http::Exec;

//! Query parameter of the "Thay đổi" links: come back to the check page after the page.
constexpr std::string_view kFromCheck = "kiem-tra";
//! A form of at most this many pages goes straight from page to page (no task list in between).
constexpr size_t kShortFormPages = 3;
//! Values of the "for whom" question of the start page.
constexpr std::string_view kForMyself = "ban-than";
constexpr std::string_view kForSomeoneElse = "nguoi-khac";
constexpr std::string_view kForOrganisation = "to-chuc";

Response Failed(const Site& site, const Request& req, const domain::Error& error) {
  return ErrorPageFor(site, req, error);
}

//! The agencies a citizen may file `p` with: its own agency, else every agency with a one-stop desk at a level that
//! handles it.
std::vector<const domain::Agency*> AgencyChoices(const domain::Catalogue& c, const domain::Procedure& p) {
  std::vector<const domain::Agency*> out;
  if (!p.agency_code.empty()) {
    if (const domain::Agency* a = c.FindAgency(p.agency_code); a != nullptr) {
      out.push_back(a);
      return out;
    }
  }
  for (const domain::Agency& a : c.agencies()) {
    if (a.has_one_stop && p.HasLevel(a.level)) {
      out.push_back(&a);
    }
  }
  return out;
}

struct StartInput {
  std::string for_whom{kForMyself};
  std::string relationship;
  std::string organisation;
  std::string agency;
};

Response RenderStart(const Site& site, FilingServices& s, const Request& req, const domain::Procedure& p,
                     const StartInput& in, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  const service::Actor actor = access::ActorOf(req);
  if (!actor.principal.has_personal_id) {
    return MessagePage(site, req, http::kForbidden, site.T(lang, "Tài khoản này không nộp hồ sơ được"),
                       site.T(lang,
                              "Hồ sơ trực tuyến được nộp từ tài khoản cá nhân có số định danh. Tài khoản cán bộ "
                              "không nộp hồ sơ cho chính mình; hãy đăng nhập bằng tài khoản cá nhân của bạn."),
                       "/thu-tuc/" + p.code, site.T(lang, "Quay lại trang thủ tục"));
  }
  const auto form = s.forms.Current(p.code);
  if (!form) {
    return Failed(site, req, form.error());
  }
  const auto mine = s.dossiers.Mine(actor);
  const auto overview = s.accounts.Overview(actor);
  const auto catalogue = site.catalogue();
  const std::vector<const domain::Agency*> agencies = AgencyChoices(*catalogue, p);
  return FormPage(site, req, "dossier/start", N_("Nộp hồ sơ trực tuyến"), errors, status,
                  [&](TemplateDictionary& d, const std::string& l) {
                    d.SetValue("CODE", p.code);
                    d.SetValue("NAME", p.name);
                    d.SetValue("TIME", p.processing_time);
                    d.SetValue("FEE", p.fee.empty() ? site.T(l, "Không mất phí") : p.fee);
                    for (const domain::DocumentDef& doc : form->documents) {
                      TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS");
                      row->SetValue("DOC_NAME", doc.name);
                      if (doc.original_or_copy == "original") {
                        row->SetValueAndShowSection("DOC_KIND", site.T(l, "bản chính"), "HAS_KIND");
                      } else if (doc.original_or_copy == "copy") {
                        row->SetValueAndShowSection("DOC_KIND", site.T(l, "bản sao"), "HAS_KIND");
                      }
                      if (!doc.required) {
                        row->ShowSection("DOC_OPTIONAL");
                      }
                    }
                    if (mine) {
                      for (const service::DossierSummary& m : *mine) {
                        if (m.procedure_code != p.code || m.status != domain::DossierStatus::kDraft) {
                          continue;
                        }
                        TemplateDictionary* row = d.AddSectionDictionary("DRAFT");
                        row->SetValue("DRAFT_URL", DossierPath(m.id) + "/danh-sach");
                        row->SetValue("DRAFT_NAME", m.applicant_name);
                        row->SetValue("DRAFT_UPDATED", domain::LocalTime(m.updated_at));
                        d.ShowSection("HAS_DRAFTS");
                      }
                    }
                    if (agencies.size() == 1) {
                      d.SetValueAndShowSection("AGENCY_NAME", agencies.front()->name, "ONE_AGENCY");
                    } else if (agencies.size() > 1) {
                      TemplateDictionary* sel = d.AddSectionDictionary("AGENCY_CHOICE");
                      const std::string error = errors.Of("co_quan");
                      if (!error.empty()) {
                        sel->SetValueAndShowSection("AGENCY_ERROR", error, "HAS_AGENCY_ERROR");
                      }
                      for (const domain::Agency* a : agencies) {
                        TemplateDictionary* o = sel->AddSectionDictionary("AGENCIES");
                        o->SetValue("AGENCY_CODE", a->code);
                        o->SetValue("AGENCY_OPTION", a->name);
                        if (a->code == in.agency) {
                          o->ShowSection("AGENCY_SELECTED");
                        }
                      }
                    }
                    d.SetValue("FOR_WHOM", in.for_whom);
                    d.ShowSection(in.for_whom == kForSomeoneElse    ? "CHECK_OTHER"
                                  : in.for_whom == kForOrganisation ? "CHECK_ORGANISATION"
                                                                    : "CHECK_SELF");
                    d.SetValue("RELATIONSHIP", in.relationship);
                    if (const std::string e = errors.Of("quan_he"); !e.empty()) {
                      d.SetValueAndShowSection("RELATIONSHIP_ERROR", e, "HAS_RELATIONSHIP_ERROR");
                    }
                    if (overview && !overview->organisations.empty()) {
                      TemplateDictionary* orgs = d.AddSectionDictionary("ORGANISATIONS");
                      for (const domain::Organisation& o : overview->organisations) {
                        TemplateDictionary* row = orgs->AddSectionDictionary("ORGANISATION");
                        row->SetValue("ORG_ID", std::to_string(o.id));
                        row->SetValue("ORG_NAME", o.name);
                        if (std::to_string(o.id) == in.organisation) {
                          row->ShowSection("ORG_SELECTED");
                        }
                      }
                    }
                  });
}

const domain::Procedure* FindProcedure(const Site& site, const Request& req,
                                       std::shared_ptr<const domain::Catalogue>& keep) {
  keep = site.catalogue();
  return keep->FindProcedure(req.Param("code"));
}

Response UnknownProcedure(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  return site.ErrorPage(
      req, http::kNotFound,
      fmt::format("{} “{}”.", site.T(lang, "Không có thủ tục hành chính nào có mã"), req.Param("code")));
}

Response StartPage(const Site& site, FilingServices& s, const Request& req) {
  std::shared_ptr<const domain::Catalogue> keep;
  const domain::Procedure* p = FindProcedure(site, req, keep);
  if (p == nullptr) {
    return UnknownProcedure(site, req);
  }
  return RenderStart(site, s, req, *p, StartInput{}, {}, http::kOk);
}

Response StartSubmit(const Site& site, FilingServices& s, const Request& req) {
  std::shared_ptr<const domain::Catalogue> keep;
  const domain::Procedure* p = FindProcedure(site, req, keep);
  if (p == nullptr) {
    return UnknownProcedure(site, req);
  }
  const std::string lang = site.Lang(req);
  const Form form(req);
  StartInput in{form.Text("cho_ai"), form.Text("quan_he"), form.Text("to_chuc"), form.Text("co_quan")};
  if (in.for_whom != kForSomeoneElse && in.for_whom != kForOrganisation) {
    in.for_whom = std::string(kForMyself);
  }
  FieldErrors errors;
  service::StartDossier start{p->code, in.agency, "", 0, {}};
  if (in.for_whom == kForSomeoneElse) {
    start.relationship = domain::CollapseSpaces(in.relationship);
    if (start.relationship.empty()) {
      errors.Add("quan_he", site.T(lang, "Nhập bạn là gì của người được nộp hồ sơ, ví dụ: bố, mẹ, con"));
    }
  } else if (in.for_whom == kForOrganisation) {
    const auto [end, ec] =
        std::from_chars(in.organisation.data(), in.organisation.data() + in.organisation.size(), start.organisation_id);
    if (ec != std::errc() || start.organisation_id <= 0) {
      errors.Add("to_chuc", site.T(lang, "Chọn tổ chức bạn đại diện"));
    }
  }
  if (!errors.empty()) {
    return RenderStart(site, s, req, *p, in, errors, http::kUnprocessable);
  }
  const auto started = s.dossiers.Start(access::ActorOf(req), std::move(start));
  if (!started) {
    if (started.error().kind != domain::ErrorKind::kInvalid) {
      return Failed(site, req, started.error());
    }
    for (const domain::FieldError& e : started.error().fields) {
      errors.Add(e.field == "agency" || e.field == "agency_code" ? "co_quan" : e.field, site.T(lang, e.message));
    }
    if (errors.empty()) {
      errors.Add("co_quan", site.T(lang, started.error().message));
    }
    return RenderStart(site, s, req, *p, in, errors, http::kUnprocessable);
  }
  const auto definition = s.dossiers.FormOf(*started);
  if (!definition || definition->pages.empty()) {
    return Response::Redirect(DossierPath(started->id) + "/kiem-tra");
  }
  return Response::Redirect(DossierPath(started->id) + "/trang/" + definition->pages.front().id);
}

//! Where "Tiếp tục" leads from page `index` of `form`.
std::string NextAfter(const service::Dossier& dossier, const domain::FormDefinition& form, size_t index) {
  if (index + 1 < form.pages.size()) {
    return DossierPath(dossier.id) + "/trang/" + form.pages[index + 1].id;
  }
  return DossierPath(dossier.id) + (form.documents.empty() ? "/kiem-tra" : "/giay-to");
}

size_t PageIndex(const domain::FormDefinition& form, const PageDef& page) {
  return static_cast<size_t>(&page - form.pages.data());
}

//! The units of an era under a parent, for address questions.
ListUnits UnitsOf(FilingServices& s) {
  return [&s](const std::string& era, const std::string& parent) { return s.catalogue.AdminUnits(era, parent); };
}

Response RenderQuestionPage(const Site& site, FilingServices& s, const Request& req, const service::Dossier& dossier,
                            const domain::FormDefinition& form, const PageDef& page, const RawInputs& raw,
                            const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  const domain::AnswerContext context = s.dossiers.ContextOf(dossier);
  const QuestionContext q{site, lang, raw, errors, dossier.officer_fields, dossier.answers, context.era, UnitsOf(s)};
  const std::string questions = RenderQuestions(page.fields, q);
  const size_t index = PageIndex(form, page);
  const bool from_check = req.Query("tu") == kFromCheck;
  return site.Page(
      req, "dossier/question_page", page.title,
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddDossierHeading(site, d, dossier);
        d.SetValue("TITLE", page.title);
        d.SetValue("QUESTIONS", questions);
        d.SetValue("ACTION", DossierPath(dossier.id) + "/trang/" + page.id +
                                 (from_check ? "?tu=" + std::string(kFromCheck) : std::string()));
        d.SetValue("STEP", fmt::format("{} {} / {}", site.T(lang, "Phần"), index + 1, form.pages.size()));
        std::string back = index == 0 ? "/nop-ho-so/" + dossier.procedure_code
                                      : DossierPath(dossier.id) + "/trang/" + form.pages[index - 1].id;
        if (from_check) {
          back = DossierPath(dossier.id) + "/kiem-tra";
        }
        d.SetValue("BACK", back);
        if (form.pages.size() > kShortFormPages) {
          d.ShowSection("HAS_TASK_LIST");
        }
      },
      status);
}

//! The dossier, its form and the page of path parameter {page}; a response when one is missing.
struct PageTarget {
  service::Dossier dossier;
  domain::FormDefinition form;
  const PageDef* page = nullptr;
};

std::optional<Response> LoadPage(const Site& site, FilingServices& s, const Request& req, PageTarget& t) {
  auto dossier = LoadDossier(s, req);
  if (!dossier) {
    return Failed(site, req, dossier.error());
  }
  if (const std::string closed = ClosedRedirect(*dossier); !closed.empty()) {
    return Response::Redirect(closed);
  }
  auto form = s.dossiers.FormOf(*dossier);
  if (!form) {
    return Failed(site, req, form.error());
  }
  t.dossier = std::move(*dossier);
  t.form = std::move(*form);
  t.page = t.form.FindPage(req.Param("page"));
  if (t.page == nullptr) {
    return Failed(site, req, domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy trang này.")));
  }
  return std::nullopt;
}

Response QuestionPage(const Site& site, FilingServices& s, const Request& req) {
  PageTarget t;
  if (auto refused = LoadPage(site, s, req, t)) {
    return std::move(*refused);
  }
  return RenderQuestionPage(site, s, req, t.dossier, t.form, *t.page, RawOfAnswers(t.page->fields, t.dossier.answers),
                            {}, http::kOk);
}

//! The answers of `page` as a patch: what parsed, and null (removed) for every question of the page left empty.
boost::json::object PatchOf(const PageDef& page, const domain::PageInput& input) {
  boost::json::object patch;
  for (const FieldDef& f : page.fields) {
    const auto* v = input.answers.if_contains(f.id);
    patch[f.id] = v != nullptr ? *v : boost::json::value(nullptr);
  }
  return patch;
}

Response QuestionSubmit(const Site& site, FilingServices& s, const Request& req) {
  PageTarget t;
  if (auto refused = LoadPage(site, s, req, t)) {
    return std::move(*refused);
  }
  const std::string lang = site.Lang(req);
  auto pairs = http::ParseQuery(req.body, http::kMaxFormFields);
  if (!pairs) {
    return site.ErrorPage(req, http::kBadRequest, site.T(lang, "Không đọc được nội dung gửi lên."));
  }
  std::string action;
  for (const auto& [k, v] : *pairs) {
    if (k == kActionField) {
      action = v;
    }
  }
  const bool changed_layout = ApplyGroupAction(action, *pairs) || action == kChooseAction;
  const domain::PageInput input = domain::ReadPageInput(*t.page, *pairs);
  // Saved at every press, even with mistakes: what parsed is kept on the server, what did not is shown again.
  auto saved = s.dossiers.SaveAnswers(access::ActorOf(req), t.dossier.id, PatchOf(*t.page, input));
  if (!saved) {
    if (saved.error().kind != domain::ErrorKind::kInvalid) {
      return Failed(site, req, saved.error());
    }
  } else {
    t.dossier = std::move(*saved);
  }
  const RawInputs raw = RawOfPairs(*pairs);
  if (changed_layout) {
    return RenderQuestionPage(site, s, req, t.dossier, t.form, *t.page, raw, {}, http::kOk);
  }
  FieldErrors errors;
  AddTranslated(site, lang, input.errors, errors);
  if (!saved) {
    AddTranslated(site, lang, saved.error().fields, errors);
  }
  AddTranslated(site, lang, domain::ValidatePage(*t.page, t.dossier.answers, s.dossiers.ContextOf(t.dossier)), errors);
  if (!errors.empty()) {
    return RenderQuestionPage(site, s, req, t.dossier, t.form, *t.page, raw, errors, http::kUnprocessable);
  }
  if (req.Query("tu") == kFromCheck) {
    return Response::Redirect(DossierPath(t.dossier.id) + "/kiem-tra");
  }
  return Response::Redirect(NextAfter(t.dossier, t.form, PageIndex(t.form, *t.page)));
}

//! Loads the dossier and its form for the task list and the check page; a response when it cannot.
std::optional<Response> LoadWhole(const Site& site, FilingServices& s, const Request& req, service::Dossier& dossier,
                                  domain::FormDefinition& form) {
  auto loaded = LoadDossier(s, req);
  if (!loaded) {
    return Failed(site, req, loaded.error());
  }
  auto definition = s.dossiers.FormOf(*loaded);
  if (!definition) {
    return Failed(site, req, definition.error());
  }
  dossier = std::move(*loaded);
  form = std::move(*definition);
  return std::nullopt;
}

std::vector<std::string> AttachedDocuments(const service::Dossier& dossier) {
  std::vector<std::string> ids;
  for (const service::DossierFile& f : dossier.files) {
    if (std::find(ids.begin(), ids.end(), f.document_id) == ids.end()) {
      ids.push_back(f.document_id);
    }
  }
  return ids;
}

bool PageStarted(const PageDef& page, const boost::json::object& answers) {
  return std::any_of(page.fields.begin(), page.fields.end(), [&](const FieldDef& f) {
    const auto* v = answers.if_contains(f.id);
    return v != nullptr && !v->is_null();
  });
}

void SetStatusTag(const Site& site, std::string_view lang, TemplateDictionary& row, bool started, bool has_errors) {
  if (!started) {
    row.SetValue("STATUS", site.T(lang, "Chưa bắt đầu"));
    row.SetValue("STATUS_CLASS", "govuk-tag--grey");
  } else if (has_errors) {
    row.SetValue("STATUS", site.T(lang, "Có lỗi"));
    row.SetValue("STATUS_CLASS", "govuk-tag--red");
  } else {
    row.SetValue("STATUS", site.T(lang, "Đã xong"));
    row.SetValue("STATUS_CLASS", "");
  }
}

Response TaskList(const Site& site, FilingServices& s, const Request& req) {
  service::Dossier dossier;
  domain::FormDefinition form;
  if (auto refused = LoadWhole(site, s, req, dossier, form)) {
    return std::move(*refused);
  }
  if (dossier.status != domain::DossierStatus::kDraft) {
    return Response::Redirect(DossierPath(dossier.id));
  }
  const std::string lang = site.Lang(req);
  const domain::AnswerContext context = s.dossiers.ContextOf(dossier);
  const std::vector<std::string> attached = AttachedDocuments(dossier);
  return site.Page(req, "dossier/task_list", site.T(lang, "Hồ sơ đang soạn"), [&](TemplateDictionary& d) {
    AddDossierHeading(site, d, dossier);
    size_t done = 0;
    for (const PageDef& page : form.pages) {
      TemplateDictionary* row = d.AddSectionDictionary("PAGES");
      row->SetValue("PAGE_TITLE", page.title);
      row->SetValue("PAGE_URL", DossierPath(dossier.id) + "/trang/" + page.id);
      row->SetValue("PAGE_ID", page.id);
      const bool started = PageStarted(page, dossier.answers);
      const bool errors = !domain::ValidatePage(page, dossier.answers, context).empty();
      SetStatusTag(site, lang, *row, started, errors);
      done += started && !errors ? 1 : 0;
    }
    if (!form.documents.empty()) {
      TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS_ROW");
      const bool missing = std::any_of(form.documents.begin(), form.documents.end(), [&](const auto& doc) {
        return doc.required && std::find(attached.begin(), attached.end(), doc.id) == attached.end();
      });
      SetStatusTag(site, lang, *row, !attached.empty(), missing);
    }
    d.SetValue("DONE", fmt::format("{} / {}", done, form.pages.size()));
  });
}

//! The "Thay đổi" link of question `field_id` (a group entry's error names its group).
std::string ChangeLink(const service::Dossier& dossier, const domain::FormDefinition& form, std::string_view field) {
  if (field.substr(0, std::string_view("tai_lieu.").size()) == "tai_lieu.") {
    return DossierPath(dossier.id) + "/giay-to#tep-" + std::string(field.substr(std::string_view("tai_lieu.").size()));
  }
  const size_t cut = field.find_first_of("[.");
  const std::string_view top = field.substr(0, cut);
  for (const PageDef& page : form.pages) {
    for (const FieldDef& f : page.fields) {
      if (f.id == top) {
        return fmt::format("{}/trang/{}?tu={}#{}", DossierPath(dossier.id), page.id, kFromCheck, field);
      }
    }
  }
  return DossierPath(dossier.id) + "/kiem-tra";
}

Response RenderCheck(const Site& site, FilingServices& s, const Request& req, const service::Dossier& dossier,
                     const domain::FormDefinition& form, const FieldErrors& extra, int32_t status) {
  const std::string lang = site.Lang(req);
  const domain::AnswerContext context = s.dossiers.ContextOf(dossier);
  const std::vector<std::string> attached = AttachedDocuments(dossier);
  const std::vector<domain::FieldError> problems =
      domain::ValidateAnswers(form, dossier.answers, attached, context, true);
  const boost::json::object visible = domain::VisibleAnswers(form, dossier.answers);
  return site.Page(
      req, "dossier/check", site.T(lang, "Kiểm tra câu trả lời trước khi nộp"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddDossierHeading(site, d, dossier);
        for (const domain::FieldError& e : problems) {
          TemplateDictionary* item = d.AddSectionDictionary("PROBLEMS");
          item->SetValue("PROBLEM_URL", ChangeLink(dossier, form, e.field));
          item->SetValue("PROBLEM", site.T(lang, e.message));
          d.ShowSection("HAS_PROBLEMS");
        }
        for (const auto& [field, message] : extra.items()) {
          TemplateDictionary* item = d.AddSectionDictionary("PROBLEMS");
          item->SetValue("PROBLEM_URL", "#" + field);
          item->SetValue("PROBLEM", message);
          d.ShowSection("HAS_PROBLEMS");
        }
        if (const std::string e = extra.Of("cam_doan"); !e.empty()) {
          d.SetValueAndShowSection("DECLARATION_ERROR", e, "HAS_DECLARATION_ERROR");
        }
        for (const PageDef& page : form.pages) {
          TemplateDictionary* card = d.AddSectionDictionary("CARDS");
          card->SetValue("CARD_TITLE", page.title);
          for (const FieldDef& f : page.fields) {
            const auto* v = visible.if_contains(f.id);
            if (!domain::IsShown(f, dossier.answers)) {
              continue;
            }
            TemplateDictionary* row = card->AddSectionDictionary("ROWS");
            row->SetValue("KEY", f.label);
            if (v != nullptr && !v->is_null()) {
              row->SetValue("VALUE", domain::DisplayAnswer(f, *v, context));
            } else {
              row->SetValueAndShowSection("MISSING", site.T(lang, "Chưa trả lời"), "IS_MISSING");
            }
            row->SetValue("CHANGE_URL",
                          fmt::format("{}/trang/{}?tu={}#{}", DossierPath(dossier.id), page.id, kFromCheck, f.id));
            if (std::find(dossier.officer_fields.begin(), dossier.officer_fields.end(), f.id) !=
                dossier.officer_fields.end()) {
              row->ShowSection("OFFICER");
            }
          }
        }
        if (!form.documents.empty()) {
          d.ShowSection("HAS_DOCUMENTS");
        }
        for (const domain::DocumentDef& doc : form.documents) {
          TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS");
          row->SetValue("DOC_NAME", doc.name);
          row->SetValue("DOC_ID", doc.id);
          bool any = false;
          for (const service::DossierFile& f : dossier.files) {
            if (f.document_id != doc.id) {
              continue;
            }
            any = true;
            TemplateDictionary* file = row->AddSectionDictionary("FILES");
            file->SetValue("FILE_NAME", f.file.original_name);
            file->SetValue("FILE_SIZE", SizeText(f.file.bytes));
            if (f.by_officer) {
              file->ShowSection("FILE_OFFICER");
            }
          }
          if (!any) {
            row->SetValueAndShowSection("NO_FILE", site.T(lang, "Chưa đính kèm"), "HAS_NO_FILE");
          }
        }
      },
      status);
}

Response CheckPage(const Site& site, FilingServices& s, const Request& req) {
  service::Dossier dossier;
  domain::FormDefinition form;
  if (auto refused = LoadWhole(site, s, req, dossier, form)) {
    return std::move(*refused);
  }
  if (dossier.status != domain::DossierStatus::kDraft) {
    return Response::Redirect(DossierPath(dossier.id) + "/da-nop");
  }
  return RenderCheck(site, s, req, dossier, form, {}, http::kOk);
}

Response SubmitDossier(const Site& site, FilingServices& s, const Request& req) {
  service::Dossier dossier;
  domain::FormDefinition form;
  if (auto refused = LoadWhole(site, s, req, dossier, form)) {
    return std::move(*refused);
  }
  const std::string done = DossierPath(dossier.id) + "/da-nop";
  // A second press (double click, back and resend) finds the dossier filed: it shows the first filing.
  if (dossier.status != domain::DossierStatus::kDraft) {
    return Response::Redirect(done);
  }
  const std::string lang = site.Lang(req);
  const Form posted(req);
  if (posted.Get("cam_doan") != "co") {
    FieldErrors errors;
    errors.Add("cam_doan", site.T(lang, "Đánh dấu vào ô cam đoan để nộp hồ sơ"));
    return RenderCheck(site, s, req, dossier, form, errors, http::kUnprocessable);
  }
  const auto filed = s.dossiers.Submit(access::ActorOf(req), dossier.id);
  if (!filed) {
    if (filed.error().kind != domain::ErrorKind::kInvalid) {
      return Failed(site, req, filed.error());
    }
    return RenderCheck(site, s, req, dossier, form, {}, http::kUnprocessable);
  }
  return Response::Redirect(done);
}

Response Confirmation(const Site& site, FilingServices& s, const Request& req) {
  auto dossier = LoadDossier(s, req);
  if (!dossier) {
    return Failed(site, req, dossier.error());
  }
  if (dossier->status == domain::DossierStatus::kDraft) {
    return Response::Redirect(DossierPath(dossier->id) + "/kiem-tra");
  }
  const std::string lang = site.Lang(req);
  return site.Page(req, "dossier/confirmation", site.T(lang, "Đã nộp hồ sơ"), [&](TemplateDictionary& d) {
    AddDossierHeading(site, d, *dossier);
    d.SetValue("CODE", dossier->code);
    d.SetValue("SECRET", dossier->lookup_secret);
    d.SetValue("STATUS_NEXT", site.T(lang, domain::StatusNext(dossier->status)));
    if (dossier->expected_on) {
      const domain::CivilDate& e = *dossier->expected_on;
      d.SetValueAndShowSection("EXPECTED", fmt::format("{:02}/{:02}/{}", e.day, e.month, e.year), "HAS_EXPECTED");
    }
    if (dossier->submitted_at) {
      d.SetValue("SUBMITTED_AT", domain::LocalTime(*dossier->submitted_at));
    }
    d.SetValue("LOOKUP_URL", "/tra-cuu?ma=" + http::PercentEncode(dossier->code));
  });
}

using Route = PageRoute<FilingServices>;

constexpr Route kRoutes[] = {
    {"GET", "/nop-ho-so/{code}", Permission::kSignedIn, StartPage},
    {"POST", "/nop-ho-so/{code}", Permission::kCitizen, StartSubmit},
    {"GET", "/ho-so/{id}/danh-sach", Permission::kSignedIn, TaskList},
    {"GET", "/ho-so/{id}/trang/{page}", Permission::kSignedIn, QuestionPage},
    {"POST", "/ho-so/{id}/trang/{page}", Permission::kSignedIn, QuestionSubmit},
    {"GET", "/ho-so/{id}/giay-to", Permission::kSignedIn, DocumentsPage},
    {"POST", "/ho-so/{id}/giay-to/{file}/xoa", Permission::kSignedIn, RemoveDocument},
    {"GET", "/ho-so/{id}/kiem-tra", Permission::kSignedIn, CheckPage},
    {"POST", "/ho-so/{id}/nop", Permission::kSignedIn, SubmitDossier},
    {"GET", "/ho-so/{id}/da-nop", Permission::kSignedIn, Confirmation},
};

}  // namespace

void AddDossierPages(access::RouteTable& routes, const Site& site, const FilingServices& services) {
  auto shared = std::make_shared<FilingServices>(services);
  AddPageRoutes(routes, site, shared, std::span<const Route>(kRoutes));
  const Site* s = &site;
  // Multipart: the files are spooled and attached one by one (see dossier_documents.cpp).
  routes.Add(
      "POST", "/ho-so/{id}/giay-to", Permission::kSignedIn,
      [s, shared](http::Request& r) { return UploadDocuments(*s, *shared, r); }, Exec::kInteractive, kUploadBodyLimit,
      http::BodyMode::kMultipart);
}

}  // namespace motcua::web
