// Following a dossier: "Hồ sơ của tôi", the dossier page with its timeline and files, withdrawal, the receipt (HTML
// and PDF with a QR code) and the account-free lookup (/tra-cuu).
#include "web/tracking_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

#include "domain/answers.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "web/account_parts.hpp"
#include "web/forms.hpp"
#include "web/office_pages.hpp"
#include "web/page_routes.hpp"
#include "web/receipt_pdf.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::DossierStatus;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

//! The longest withdrawal reason kept (characters are cut by Form::Text at a byte bound first).
constexpr size_t kMaxReasonBytes = 2000;

//! The groups of "Hồ sơ của tôi" in the order shown, with their headings.
struct GroupHeading {
  domain::DossierGroup group;
  const char* heading;
  const char* anchor;
};
constexpr GroupHeading kGroups[] = {
    {domain::DossierGroup::kNeedsAction, N_("Cần bạn bổ sung"), "can-bo-sung"},
    {domain::DossierGroup::kDraft, N_("Bản nháp"), "ban-nhap"},
    {domain::DossierGroup::kFiled, N_("Đã nộp"), "da-nop"},
    {domain::DossierGroup::kInProgress, N_("Đang xử lý"), "dang-xu-ly"},
    {domain::DossierGroup::kFinished, N_("Đã xong"), "da-xong"},
};

std::string DossierUrl(int64_t id) { return fmt::format("/ho-so/{}", id); }

Response MyDossiers(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  auto mine = t.dossiers.Mine(access::ActorOf(req));
  if (!mine) {
    return ErrorPageFor(site, req, mine.error());
  }
  return site.Page(req, "dossier/track_mine", site.T(lang, "Hồ sơ của tôi"), [&](TemplateDictionary& d) {
    if (mine->empty()) {
      d.ShowSection("EMPTY");
      return;
    }
    for (const GroupHeading& g : kGroups) {
      std::vector<const service::DossierSummary*> rows;
      for (const service::DossierSummary& s : *mine) {
        if (domain::GroupOf(s.status) == g.group) {
          rows.push_back(&s);
        }
      }
      if (rows.empty()) {
        continue;
      }
      TemplateDictionary* group = d.AddSectionDictionary("GROUPS");
      group->SetValue("HEADING", site.T(lang, g.heading));
      group->SetValue("ANCHOR", g.anchor);
      group->SetIntValue("COUNT", static_cast<int64_t>(rows.size()));
      for (const service::DossierSummary* s : rows) {
        TemplateDictionary* row = group->AddSectionDictionary("ROWS");
        row->SetValue("PROCEDURE", s->procedure_name.empty() ? s->procedure_code : s->procedure_name);
        row->SetValue("APPLICANT", s->applicant_name);
        row->SetValue("STATUS", site.T(lang, domain::StatusName(s->status)));
        row->SetValue("TAG_CLASS", StatusTagClass(s->status));
        row->SetValue("UPDATED", domain::LocalTime(s->updated_at));
        if (s->status == DossierStatus::kDraft) {
          row->SetValue("URL", fmt::format("/ho-so/{}/danh-sach", s->id));
          row->SetValue("ACTION", site.T(lang, "Tiếp tục"));
        } else {
          row->SetValue("URL", DossierUrl(s->id));
          row->SetValue("ACTION", site.T(lang, "Xem hồ sơ"));
          row->SetValueAndShowSection("CODE", s->code, "HAS_CODE");
        }
        if (s->expected_on) {
          row->SetValueAndShowSection("EXPECTED", DayText(s->expected_on), "HAS_EXPECTED");
        }
      }
    }
  });
}

//! The banner after a withdrawal (chosen by a fixed key, so no text travels in the URL).
std::string WithdrawalNotice(const Site& site, std::string_view lang, std::string_view key) {
  if (key == "da-rut") {
    return site.T(lang, "Hồ sơ đã được rút.");
  }
  if (key == "de-nghi-rut") {
    return site.T(lang, "Đã gửi đề nghị rút hồ sơ. Cơ quan sẽ xem xét và báo cho bạn kết quả.");
  }
  return {};
}

Response DossierPage(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t id = IdParam(req, "id");
  auto dossier = t.dossiers.Get(access::ActorOf(req), id);
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  if (dossier->status == DossierStatus::kDraft) {
    return Response::Redirect(fmt::format("/ho-so/{}/danh-sach", id));
  }
  const service::Dossier& ds = *dossier;
  const bool owner = access::CallerOf(req).principal.user_id == ds.owner_id;
  const std::string title = fmt::format("{} {}", site.T(lang, "Hồ sơ"), ds.code);
  return site.Page(req, "dossier/track_dossier", title, [&](TemplateDictionary& d) {
    AddNotice(lang, d, WithdrawalNotice(site, lang, req.Query("tb")));
    d.SetIntValue("ID", ds.id);
    d.SetValue("CODE", ds.code);
    d.SetValue("PROCEDURE", ProcedureNameOf(site, ds.procedure_code));
    d.SetValue("AGENCY", AgencyNameOf(site, ds.agency_code));
    d.SetValue("APPLICANT", ds.applicant_name);
    d.SetValue("STATUS", site.T(lang, domain::StatusName(ds.status)));
    d.SetValue("TAG_CLASS", StatusTagClass(ds.status));
    d.SetValue("NEXT", site.T(lang, domain::StatusNext(ds.status)));
    if (ds.submitted_at) {
      d.SetValueAndShowSection("SUBMITTED", domain::LocalTime(*ds.submitted_at), "HAS_SUBMITTED");
    }
    if (ds.expected_on) {
      d.SetValueAndShowSection("EXPECTED", DayText(ds.expected_on), "HAS_EXPECTED");
    }
    if (ds.guided) {
      d.ShowSection("GUIDED");
    }
    if (t.office != nullptr) {
      AddOfficeView(site, lang, d, *t.office, access::ActorOf(req), ds, req.Query("tb"));
    }
    AddTimeline(site, lang, d, ds.timeline);
    AddAnswersAndFiles(site, lang, d, t, ds);
    if (owner && domain::OwnerMayEdit(ds.status)) {
      d.ShowSection("MAY_EDIT");
    }
    const bool active = ds.status != DossierStatus::kWithdrawn && ds.status != DossierStatus::kReturned &&
                        ds.status != DossierStatus::kDone && ds.status != DossierStatus::kRefused &&
                        ds.status != DossierStatus::kStopped;
    if (owner && active) {
      d.ShowSection(domain::WithdrawalIsRequest(ds.status) ? "MAY_REQUEST_WITHDRAWAL" : "MAY_WITHDRAW");
    }
  });
}

Response FileDownloadPage(const Site& site, TrackingServices& t, const Request& req) {
  auto file = t.dossiers.File(access::ActorOf(req), IdParam(req, "id"), IdParam(req, "file"));
  if (!file) {
    return ErrorPageFor(site, req, file.error());
  }
  std::ifstream in(file->path, std::ios::binary);
  if (!in) {
    return ErrorPageFor(site, req,
                        domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy tệp này trong kho lưu.")));
  }
  // Attachments are bounded by their document's max_bytes (a few MB), so the file is read whole into a shared body.
  auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  Response res;
  res.shared_body = std::move(bytes);
  res.Set("Content-Type", file->media_type);
  res.Set("Content-Disposition", "attachment; filename*=UTF-8''" + http::PercentEncode(file->original_name));
  // X-Content-Type-Options: nosniff is on every response (portal::AddSecurityHeaders).
  return res;
}

//! The withdrawal page: the reason field (and its error), and the words for before or after reception.
Response RenderWithdraw(const Site& site, const Request& req, const service::Dossier& ds, const std::string& reason,
                        const FieldErrors& errors) {
  const std::string lang = site.Lang(req);
  const bool request = domain::WithdrawalIsRequest(ds.status);
  const char* title = request ? N_("Đề nghị rút hồ sơ") : N_("Rút hồ sơ");
  return site.Page(
      req, "dossier/track_withdraw", site.T(lang, title),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        d.SetValue("HEADING", site.T(lang, title));
        d.SetIntValue("ID", ds.id);
        d.SetValue("CODE", ds.code);
        d.SetValue("PROCEDURE", ProcedureNameOf(site, ds.procedure_code));
        d.SetValue("REASON", reason);
        d.ShowSection(request ? "REQUEST" : "IMMEDIATE");
        if (const std::string e = errors.Of("ly_do"); !e.empty()) {
          d.SetValueAndShowSection("REASON_ERROR", e, "HAS_REASON_ERROR");
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

Response WithdrawPage(const Site& site, TrackingServices& t, const Request& req) {
  auto dossier = t.dossiers.Get(access::ActorOf(req), IdParam(req, "id"));
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  if (dossier->status == DossierStatus::kDraft || dossier->status == DossierStatus::kWithdrawn) {
    return Response::Redirect(DossierUrl(dossier->id));
  }
  return RenderWithdraw(site, req, *dossier, "", FieldErrors{});
}

Response WithdrawSubmit(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  const service::Actor actor = access::ActorOf(req);
  const int64_t id = IdParam(req, "id");
  std::string reason = Form(req).Text("ly_do");
  if (reason.size() > kMaxReasonBytes) {
    reason.resize(kMaxReasonBytes);
  }
  auto done = t.dossiers.Withdraw(actor, id, reason);
  if (done) {
    // Before reception the dossier is withdrawn at once; after it, only the request to the agency is recorded.
    const bool withdrawn = done->status == DossierStatus::kWithdrawn;
    return Response::Redirect(fmt::format("/ho-so/{}?tb={}", id, withdrawn ? "da-rut" : "de-nghi-rut"));
  }
  if (done.error().kind != domain::ErrorKind::kInvalid) {
    return ErrorPageFor(site, req, done.error());
  }
  auto dossier = t.dossiers.Get(actor, id);
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  FieldErrors errors;
  AddFieldErrors(site, lang, done.error(), errors);
  if (errors.empty()) {
    errors.Add("ly_do", site.T(lang, done.error().message));
  }
  return RenderWithdraw(site, req, *dossier, reason, errors);
}

std::string OriginalOrCopy(std::string_view kind) {
  if (kind == "original") {
    return "Bản chính";
  }
  if (kind == "copy") {
    return "Bản sao";
  }
  if (kind == "either") {
    return "Bản chính hoặc bản sao";
  }
  return "";
}

//! What the receipt prints for a filed dossier (always in Vietnamese: it is an administrative document).
ReceiptData ReceiptOf(const Site& site, TrackingServices& t, const service::Dossier& ds) {
  ReceiptData r;
  r.agency_name = AgencyNameOf(site, ds.agency_code);
  r.code = ds.code;
  r.lookup_secret = ds.lookup_secret;
  r.procedure_name = ProcedureNameOf(site, ds.procedure_code);
  r.procedure_code = ds.procedure_code;
  r.applicant_name = ds.applicant_name;
  r.channel = "Trực tuyến";
  r.filed_at = ds.submitted_at ? domain::LocalTime(*ds.submitted_at) : std::string();
  r.expected_on = DayText(ds.expected_on);
  r.lookup_page = site.config().public_url + "/tra-cuu";
  r.lookup_url =
      r.lookup_page + "?ma=" + http::PercentEncode(ds.code) + "&ma_tra_cuu=" + http::PercentEncode(ds.lookup_secret);
  if (auto form = t.dossiers.FormOf(ds)) {
    for (const domain::DocumentDef& doc : form->documents) {
      const auto files = std::count_if(ds.files.begin(), ds.files.end(),
                                       [&](const service::DossierFile& f) { return f.document_id == doc.id; });
      if (files == 0 && !doc.required) {
        continue;
      }
      r.documents.push_back({doc.name, OriginalOrCopy(doc.original_or_copy), static_cast<int32_t>(files)});
    }
  }
  return r;
}

//! The filed dossier behind `{id}` for the receipt; an error page when there is none (or it is a draft).
domain::Result<service::Dossier> FiledDossier(TrackingServices& t, const Request& req) {
  auto dossier = t.dossiers.Get(access::ActorOf(req), IdParam(req, "id"));
  if (!dossier) {
    return dossier.error();
  }
  if (dossier->code.empty()) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, N_("Hồ sơ này chưa được nộp nên chưa có giấy tiếp nhận."));
  }
  return dossier;
}

Response ReceiptPage(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  auto dossier = FiledDossier(t, req);
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  const ReceiptData r = ReceiptOf(site, t, *dossier);
  return site.Page(req, "dossier/receipt", site.T(lang, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
                   [&](TemplateDictionary& d) {
                     d.SetIntValue("ID", dossier->id);
                     d.SetValue("AGENCY", r.agency_name);
                     d.SetValue("CODE", r.code);
                     d.SetValue("SECRET", r.lookup_secret);
                     d.SetValue("PROCEDURE", r.procedure_name);
                     d.SetValue("PROCEDURE_CODE", r.procedure_code);
                     d.SetValue("APPLICANT", r.applicant_name);
                     d.SetValue("CHANNEL", r.channel);
                     d.SetValue("FILED_AT", r.filed_at);
                     d.SetValue("EXPECTED", r.expected_on.empty() ? "Theo quy định của thủ tục" : r.expected_on);
                     d.SetValue("LOOKUP_URL", r.lookup_url);
                     d.SetValue("LOOKUP_PAGE", r.lookup_page);
                     int32_t n = 0;
                     for (const ReceiptDocument& doc : r.documents) {
                       TemplateDictionary* row = d.AddSectionDictionary("DOCUMENTS");
                       row->SetIntValue("N", ++n);
                       row->SetValue("NAME", doc.name);
                       row->SetValue("KIND", doc.original_or_copy);
                       row->SetIntValue("FILES", doc.files);
                     }
                   });
}

Response ReceiptPdfPage(const Site& site, TrackingServices& t, const Request& req) {
  auto dossier = FiledDossier(t, req);
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  Response res;
  res.body = ReceiptPdf(ReceiptOf(site, t, *dossier));
  res.Set("Content-Type", "application/pdf");
  res.Set("Content-Disposition", "inline; filename=\"giay-tiep-nhan-" + dossier->code + ".pdf\"");
  return res;
}

//! The lookup page: the form (POST with the CSRF token, so a secret typed in stays out of URLs and logs), and the
//! dossier found or the message.
Response RenderLookup(const Site& site, TrackingServices& t, const Request& req, const std::string& code,
                      const std::string& secret, bool asked) {
  const std::string lang = site.Lang(req);
  FieldErrors errors;
  if (asked && domain::CollapseSpaces(code).empty()) {
    errors.Add("ma", site.T(lang, "Nhập mã hồ sơ"));
  } else if (asked && !domain::ParseDossierCode(code)) {
    errors.Add("ma", site.T(lang, "Mã hồ sơ phải có dạng như 000.00.31.H40-250301-0001 (in trên giấy tiếp nhận)"));
  }
  if (asked && domain::CollapseSpaces(secret).empty()) {
    errors.Add("ma_tra_cuu", site.T(lang, "Nhập mã tra cứu in trên giấy tiếp nhận"));
  }
  std::optional<domain::Result<service::LookupView>> found;
  if (asked && errors.empty()) {
    found = t.dossiers.Lookup(access::ActorOf(req), code, secret);
  }
  int32_t status = errors.empty() ? http::kOk : http::kUnprocessable;
  if (found && !*found) {
    status = StatusOf((*found).error().kind);
  }
  const auto parsed = domain::ParseDossierCode(code);
  Response res = site.Page(
      req, "dossier/track_lookup", site.T(lang, "Tra cứu hồ sơ"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        d.SetValue("CODE",
                   parsed ? domain::FormatDossierCode(parsed->agency_code, parsed->day, parsed->sequence) : code);
        d.SetValue("SECRET", secret);
        if (const std::string e = errors.Of("ma"); !e.empty()) {
          d.SetValueAndShowSection("CODE_ERROR", e, "HAS_CODE_ERROR");
        }
        if (const std::string e = errors.Of("ma_tra_cuu"); !e.empty()) {
          d.SetValueAndShowSection("SECRET_ERROR", e, "HAS_SECRET_ERROR");
        }
        if (!found) {
          return;
        }
        if (!*found) {
          const domain::Error& e = (*found).error();
          if (e.kind == domain::ErrorKind::kRateLimited) {
            d.SetValueAndShowSection(
                "THROTTLED",
                fmt::format("{} {}", site.T(lang, "Bạn đã tra cứu sai quá nhiều lần. Hãy thử lại sau"),
                            MinutesText(site, lang, e.retry_after_seconds)),
                "IS_THROTTLED");
          } else {
            d.ShowSection("NOT_FOUND");
          }
          return;
        }
        const service::LookupView& v = **found;
        TemplateDictionary* r = d.AddSectionDictionary("FOUND");
        r->SetValue("FOUND_CODE", v.code);
        r->SetValue("PROCEDURE", v.procedure_name);
        r->SetValue("AGENCY", v.agency_name);
        r->SetValue("FIRST_NAME", v.first_name);
        r->SetValue("STATUS", site.T(lang, domain::StatusName(v.status)));
        r->SetValue("TAG_CLASS", StatusTagClass(v.status));
        r->SetValue("NEXT", site.T(lang, domain::StatusNext(v.status)));
        if (v.expected_on) {
          r->SetValueAndShowSection("EXPECTED", DayText(v.expected_on), "HAS_EXPECTED");
        }
        AddTimeline(site, lang, *r, v.timeline);
      },
      status);
  if (found && !*found) {
    res = WithRetry(std::move(res), (*found).error());
  }
  return res;
}

//! GET: a first visit (empty form), or the QR code's link carrying both `ma` and `ma_tra_cuu`.
Response LookupGet(const Site& site, TrackingServices& t, const Request& req) {
  const std::string code(req.Query("ma"));
  const std::string secret(req.Query("ma_tra_cuu"));
  const bool asked = std::any_of(req.query.begin(), req.query.end(), [](const auto& kv) { return kv.first == "ma"; });
  return RenderLookup(site, t, req, code, secret, asked);
}

//! POST: the form, with the CSRF token (checked by the guard).
Response LookupPost(const Site& site, TrackingServices& t, const Request& req) {
  const Form form(req);
  return RenderLookup(site, t, req, form.Text("ma"), form.Text("ma_tra_cuu"), true);
}

}  // namespace

std::string DayText(const std::optional<domain::CivilDate>& day) {
  if (!day) {
    return "";
  }
  return fmt::format("{:02}/{:02}/{:04}", day->day, day->month, day->year);
}

const char* StatusTagClass(domain::DossierStatus status) {
  switch (domain::GroupOf(status)) {
    case domain::DossierGroup::kDraft:
      return "govuk-tag--grey";
    case domain::DossierGroup::kFiled:
      return "govuk-tag--blue";
    case domain::DossierGroup::kInProgress:
      return "govuk-tag--light-blue";
    case domain::DossierGroup::kNeedsAction:
      return "govuk-tag--yellow";
    case domain::DossierGroup::kFinished:
      return status == DossierStatus::kDone || status == DossierStatus::kReturned ? "govuk-tag--green"
                                                                                  : "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

void AddTimeline(const Site& site, std::string_view lang, TemplateDictionary& page,
                 const std::vector<service::TimelineEntry>& timeline) {
  for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
    TemplateDictionary* row = page.AddSectionDictionary("TIMELINE");
    row->SetValue("AT", domain::LocalTime(it->at));
    row->SetValue("SENTENCE", site.T(lang, domain::EventSentence(it->event)));
    if (!it->actor_name.empty()) {
      row->SetValueAndShowSection("WHO", it->actor_name, "HAS_WHO");
    }
    if (!it->note.empty()) {
      row->SetValueAndShowSection("NOTE", it->note, "HAS_NOTE");
    }
  }
}

void AddAnswersAndFiles(const Site& site, std::string_view lang, TemplateDictionary& page, TrackingServices& t,
                        const service::Dossier& dossier) {
  auto form = t.dossiers.FormOf(dossier);
  if (!form) {
    return;
  }
  const domain::AnswerContext context = t.dossiers.ContextOf(dossier);
  for (const domain::PageDef& p : form->pages) {
    TemplateDictionary* section = nullptr;
    for (const domain::FieldDef& f : p.fields) {
      const auto value = dossier.answers.find(f.id);
      if (value == dossier.answers.end() || !domain::IsShown(f, dossier.answers)) {
        continue;
      }
      if (section == nullptr) {
        section = page.AddSectionDictionary("ANSWER_PAGES");
        section->SetValue("TITLE", p.title);
        section->SetValue("PAGE_ID", p.id);
      }
      TemplateDictionary* row = section->AddSectionDictionary("ANSWERS");
      row->SetValue("KEY", f.label);
      row->SetValue("VALUE", domain::DisplayAnswer(f, value->value(), context));
      row->SetValue("FIELD_ID", f.id);
      if (std::find(dossier.officer_fields.begin(), dossier.officer_fields.end(), f.id) !=
          dossier.officer_fields.end()) {
        row->ShowSection("OFFICER");
      }
    }
  }
  for (const domain::DocumentDef& doc : form->documents) {
    TemplateDictionary* section = page.AddSectionDictionary("DOCUMENTS");
    section->SetValue("NAME", doc.name);
    bool any = false;
    for (const service::DossierFile& f : dossier.files) {
      if (f.document_id != doc.id) {
        continue;
      }
      any = true;
      TemplateDictionary* row = section->AddSectionDictionary("FILES");
      row->SetValue("URL", fmt::format("/ho-so/{}/tep/{}", dossier.id, f.id));
      row->SetValue("FILE_NAME", f.file.original_name);
      constexpr int64_t kKiB = 1024;
      row->SetValue("SIZE", fmt::format("{} KB", (f.file.bytes + kKiB - 1) / kKiB));
      if (f.by_officer) {
        row->ShowSection("OFFICER");
      }
    }
    if (!any) {
      section->SetValueAndShowSection("NONE", site.T(lang, "Chưa có tệp"), "NO_FILES");
    }
  }
}

std::string ProcedureNameOf(const Site& site, const std::string& code) {
  const auto catalogue = site.catalogue();
  const domain::Procedure* p = catalogue->FindProcedure(code);
  return p != nullptr ? p->name : code;
}

std::string AgencyNameOf(const Site& site, const std::string& code) {
  const auto catalogue = site.catalogue();
  const domain::Agency* a = catalogue->FindAgency(code);
  return a != nullptr ? a->name : code;
}

void AddTrackingPages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                      service::FormLibrary& forms, service::BackOffice* office) {
  static constexpr PageRoute<TrackingServices> kRoutes[] = {
      {"GET", "/ho-so-cua-toi", Permission::kCitizen, MyDossiers},
      {"GET", "/ho-so/{id}", Permission::kSignedIn, DossierPage},
      {"GET", "/ho-so/{id}/tep/{file}", Permission::kSignedIn, FileDownloadPage},
      {"GET", "/ho-so/{id}/rut", Permission::kCitizen, WithdrawPage},
      {"POST", "/ho-so/{id}/rut", Permission::kCitizen, WithdrawSubmit},
      {"GET", "/ho-so/{id}/bien-nhan", Permission::kSignedIn, ReceiptPage},
      {"GET", "/ho-so/{id}/bien-nhan.pdf", Permission::kSignedIn, ReceiptPdfPage},
      {"GET", "/tra-cuu", Permission::kPublic, LookupGet},
      {"POST", "/tra-cuu", Permission::kPublic, LookupPost},
  };
  AddPageRoutes<TrackingServices>(
      routes, site, std::make_shared<TrackingServices>(TrackingServices{dossiers, forms, office}), kRoutes);
}

}  // namespace motcua::web
