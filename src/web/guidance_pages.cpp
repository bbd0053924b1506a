// Guidance at the desk ("cầm tay chỉ việc"): the citizen shows a short code from their draft, the desk officer
// enters it and fills or corrects the draft on the office screen; the citizen checks and files from their account.
#include <fmt/format.h>

#include <memory>

#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "web/forms.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"
#include "web/tracking_pages.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

//! The guidance code shown in two halves so it reads out easily ("K7P QM2").
std::string SpacedCode(const std::string& code) {
  const size_t half = code.size() / 2;
  return code.substr(0, half) + " " + code.substr(half);
}

//! The citizen's guidance page of a draft; `code` is set right after a code was issued (it is shown only then).
Response RenderCitizenGuidance(const Site& site, const Request& req, const service::Dossier& ds,
                               const service::GuidanceCode* code, const std::string& notice) {
  const std::string lang = site.Lang(req);
  return site.Page(req, "dossier/guidance_citizen", site.T(lang, "Nhờ cán bộ hướng dẫn"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    AddNotice(lang, d, notice);
    d.SetIntValue("ID", ds.id);
    d.SetValue("PROCEDURE", ProcedureNameOf(site, ds.procedure_code));
    if (code != nullptr) {
      TemplateDictionary* c = d.AddSectionDictionary("CODE_ISSUED");
      c->SetValue("CODE", SpacedCode(code->code));
      c->SetValue("EXPIRES", domain::LocalTime(code->expires_at));
      c->SetIntValue("MINUTES", service::kGuidanceCodeMinutes);
    } else if (ds.guidance_active) {
      d.ShowSection("ACTIVE");
    } else {
      d.ShowSection("NOT_ACTIVE");
    }
    if (code != nullptr || ds.guidance_active) {
      d.ShowSection("CAN_END");
    }
  });
}

//! The owner's draft behind `{id}`, or an error page (a filed dossier goes back to its own page).
domain::Result<service::Dossier> OwnDraft(TrackingServices& t, const Request& req) {
  auto dossier = t.dossiers.Get(access::ActorOf(req), IdParam(req, "id"));
  if (!dossier) {
    return dossier.error();
  }
  if (dossier->owner_id != access::CallerOf(req).principal.user_id) {
    return domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy hồ sơ này."));
  }
  return dossier;
}

Response CitizenGuidance(const Site& site, TrackingServices& t, const Request& req) {
  auto dossier = OwnDraft(t, req);
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  if (dossier->status != domain::DossierStatus::kDraft) {
    return Response::Redirect(fmt::format("/ho-so/{}", dossier->id));
  }
  const std::string lang = site.Lang(req);
  const std::string notice = req.Query("tb") == "da-ket-thuc" ? site.T(lang,
                                                                       "Đã kết thúc hướng dẫn. Cán bộ không "
                                                                       "còn xem được hồ sơ của bạn.")
                                                              : std::string();
  return RenderCitizenGuidance(site, req, *dossier, nullptr, notice);
}

Response CitizenGuidanceStart(const Site& site, TrackingServices& t, const Request& req) {
  const service::Actor actor = access::ActorOf(req);
  auto code = t.dossiers.StartGuidance(actor, IdParam(req, "id"));
  if (!code) {
    return ErrorPageFor(site, req, code.error());
  }
  auto dossier = t.dossiers.Get(actor, IdParam(req, "id"));
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  return RenderCitizenGuidance(site, req, *dossier, &*code, "");
}

Response CitizenGuidanceEnd(const Site& site, TrackingServices& t, const Request& req) {
  const int64_t id = IdParam(req, "id");
  auto done = t.dossiers.RevokeGuidance(access::ActorOf(req), id);
  if (!done) {
    return ErrorPageFor(site, req, done.error());
  }
  return Response::Redirect(fmt::format("/ho-so/{}/huong-dan?tb=da-ket-thuc", id));
}

Response RenderOfficerEntry(const Site& site, const Request& req, const std::string& typed, const FieldErrors& errors) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "office/guidance_entry", site.T(lang, "Hướng dẫn người dân nộp hồ sơ trực tuyến"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        d.SetValue("CODE", typed);
        if (const std::string e = errors.Of("ma"); !e.empty()) {
          d.SetValueAndShowSection("CODE_ERROR", e, "HAS_CODE_ERROR");
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

Response OfficerEntry(const Site& site, TrackingServices& /*t*/, const Request& req) {
  return RenderOfficerEntry(site, req, "", FieldErrors{});
}

Response OfficerOpen(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string typed = Form(req).Text("ma");
  FieldErrors errors;
  if (domain::CollapseSpaces(typed).empty()) {
    errors.Add("ma", site.T(lang, "Nhập mã hướng dẫn người dân đưa cho bạn"));
    return RenderOfficerEntry(site, req, typed, errors);
  }
  auto opened = t.dossiers.OpenGuided(access::ActorOf(req), typed);
  if (!opened) {
    if (opened.error().kind == domain::ErrorKind::kNotFound) {
      errors.Add("ma", site.T(lang, "Mã không đúng, đã hết hạn hoặc đã được dùng. Hãy nhờ người dân tạo mã mới."));
    } else {
      AddFieldErrors(site, lang, opened.error(), errors);
      if (errors.empty()) {
        return ErrorPageFor(site, req, opened.error());
      }
    }
    return RenderOfficerEntry(site, req, typed, errors);
  }
  return Response::Redirect(fmt::format("/can-bo/huong-dan/{}", opened->id));
}

Response OfficerOverview(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  auto dossier = t.dossiers.Get(access::ActorOf(req), IdParam(req, "id"));
  if (!dossier) {
    return ErrorPageFor(site, req, dossier.error());
  }
  const service::Dossier& ds = *dossier;
  auto form = t.dossiers.FormOf(ds);
  if (!form) {
    return ErrorPageFor(site, req, form.error());
  }
  return site.Page(req, "office/guidance_dossier", site.T(lang, "Hồ sơ đang hướng dẫn"), [&](TemplateDictionary& d) {
    d.SetIntValue("ID", ds.id);
    d.SetValue("PROCEDURE", ProcedureNameOf(site, ds.procedure_code));
    d.SetValue("APPLICANT", ds.applicant_name);
    d.SetValue("STATUS", site.T(lang, domain::StatusName(ds.status)));
    d.SetValue("TAG_CLASS", StatusTagClass(ds.status));
    d.SetIntValue("ACCESS_MINUTES", service::kGuidanceAccessMinutes);
    if (ds.status == domain::DossierStatus::kDraft && ds.guidance_active) {
      d.ShowSection("OPEN");
    } else {
      d.ShowSection("CLOSED");
    }
    for (const domain::PageDef& p : form->pages) {
      TemplateDictionary* row = d.AddSectionDictionary("PAGES");
      row->SetValue("TITLE", p.title);
      row->SetValue("URL", fmt::format("/ho-so/{}/trang/{}", ds.id, p.id));
    }
    AddAnswersAndFiles(site, lang, d, t, ds);
  });
}

}  // namespace

void AddGuidancePages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                      service::FormLibrary& forms) {
  constexpr Permission kDesk = Permission::kAssistCitizens;
  static constexpr PageRoute<TrackingServices> kRoutes[] = {
      {"GET", "/ho-so/{id}/huong-dan", Permission::kCitizen, CitizenGuidance},
      {"POST", "/ho-so/{id}/huong-dan", Permission::kCitizen, CitizenGuidanceStart},
      {"POST", "/ho-so/{id}/huong-dan/ket-thuc", Permission::kCitizen, CitizenGuidanceEnd},
      {"GET", "/can-bo/huong-dan", kDesk, OfficerEntry},
      {"POST", "/can-bo/huong-dan", kDesk, OfficerOpen},
      {"GET", "/can-bo/huong-dan/{id}", kDesk, OfficerOverview},
  };
  AddPageRoutes<TrackingServices>(routes, site, std::make_shared<TrackingServices>(TrackingServices{dossiers, forms}),
                                  kRoutes);
}

}  // namespace motcua::web
