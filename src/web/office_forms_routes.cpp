// Downloads of the printed forms: forms 01–05 of a dossier for the officers who may see it
// (/can-bo/ho-so/{code}/mau/0N.pdf), the applicant's own copy of forms 01 to 04 (/ho-so/{id}/mau/0N.pdf), and
// the logbook (form 06) of an agency for a date range as PDF or XLSX from /can-bo/so-theo-doi.
#include "web/office_forms_routes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <variant>

#include "domain/answers.hpp"
#include "domain/dossier.hpp"
#include "domain/messages.hpp"
#include "http/url.hpp"
#include "web/forms.hpp"
#include "web/office_forms_pdf.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"
#include "web/site.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

constexpr const char* kDeskName = "Bộ phận tiếp nhận và trả kết quả";
constexpr const char* kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Words before a province's name that the place line of a form leaves out ("Tỉnh Ninh Bình" → "Ninh Bình").
constexpr std::string_view kProvincePrefixes[] = {"Tỉnh ", "Thành phố ", "tỉnh ", "thành phố "};

struct FormServices {
  service::BackOffice& office;
  service::Dossiers& dossiers;
};

//! Which form a route prints.
enum class FormNumber { k01, k02, k03, k04, k05 };

//! The province of the agency's desk (or the portal's home centre) without "Tỉnh"/"Thành phố", for the place line.
std::string PlaceOf(const Site& site, std::string_view agency_code) {
  const auto desks = site.desks();
  if (desks == nullptr) {
    return "";
  }
  const domain::Desk* desk = desks->ForAgency(agency_code);
  if (desk == nullptr) {
    desk = desks->HomeCentre();
  }
  if (desk == nullptr) {
    return "";
  }
  const domain::AdminUnit* unit = desks->FindUnit(desk->province_code);
  if (unit == nullptr) {
    return "";
  }
  std::string name = unit->name;
  for (const std::string_view prefix : kProvincePrefixes) {
    if (name.starts_with(prefix)) {
      return name.substr(prefix.size());
    }
  }
  return name;
}

//! The heading of forms issued by `agency_code`: its parent, its name, its one-stop desk, the place; dated today.
FormIssuer IssuerOf(const Site& site, std::string_view agency_code) {
  FormIssuer issuer;
  const auto catalogue = site.catalogue();
  if (const domain::Agency* agency = catalogue->FindAgency(agency_code)) {
    issuer.agency = agency->name;
    if (const domain::Agency* parent = catalogue->FindAgency(agency->parent_code)) {
      issuer.parent = parent->name;
    }
    if (agency->has_one_stop) {
      issuer.desk = kDeskName;
    }
  } else {
    issuer.agency = agency_code;
  }
  issuer.place = PlaceOf(site, agency_code);
  issuer.date = site.Today();
  return issuer;
}

//! The legal time limit of the procedure for the dossier's channel, as published.
std::string TimeLimitOf(const Site& site, std::string_view procedure_code, int32_t channel) {
  const auto catalogue = site.catalogue();
  const domain::Procedure* p = catalogue->FindProcedure(procedure_code);
  if (p == nullptr) {
    return "";
  }
  for (const domain::ChannelTerms& terms : p->channels) {
    if (static_cast<int32_t>(terms.channel) == channel && !terms.time_text.empty()) {
      return terms.time_text;
    }
  }
  return p->processing_time;
}

//! What the forms of `o` need besides the dossier, as `actor` prints them.
FormContext ContextOf(const Site& site, FormServices& s, const service::OfficeDossier& o, const service::Actor& actor) {
  FormContext ctx;
  const service::Dossier& ds = o.dossier;
  ctx.issuer = IssuerOf(site, ds.agency_code);
  std::string address;
  if (auto form = s.dossiers.FormOf(ds)) {
    ctx.components = ComponentsOf(*form, ds.files);
    const domain::FieldDef* field = form->FindField(domain::kApplicantAddress);
    const boost::json::value* value = ds.answers.if_contains(domain::kApplicantAddress);
    if (field != nullptr && value != nullptr) {
      address = domain::DisplayAnswer(*field, *value, s.dossiers.ContextOf(ds));
    }
  }
  ctx.applicant = ApplicantOf(ds.answers, ds.applicant_name, address);
  ctx.time_limit = TimeLimitOf(site, ds.procedure_code, o.channel);
  ctx.officer_name = actor.principal.IsOfficer() ? actor.principal.name : "";
  ctx.public_url = site.config().public_url;
  if (const auto desks = site.desks()) {
    if (const domain::Desk* desk = desks->ForAgency(ds.agency_code)) {
      ctx.hotline = desk->phone;
    }
  }
  const auto catalogue = site.catalogue();
  ctx.agency_name = [catalogue](std::string_view code) {
    const domain::Agency* a = catalogue->FindAgency(code);
    return a != nullptr ? a->name : std::string(code);
  };
  return ctx;
}

//! "01".."05".
std::string_view NumberText(FormNumber n) {
  static constexpr std::string_view kTexts[] = {"01", "02", "03", "04", "05"};
  return kTexts[static_cast<size_t>(n)];
}

//! The PDF of form `n` of `o`, or nothing when the dossier has no such form (no request, refusal, apology…).
std::optional<std::string> FormPdf(FormNumber n, const service::OfficeDossier& o, const FormContext& ctx) {
  switch (n) {
    case FormNumber::k01:
      if (auto d = Form01Of(o, ctx)) {
        return Form01Pdf(*d);
      }
      break;
    case FormNumber::k02:
      if (auto d = Form02Of(o, ctx)) {
        return Form02Pdf(*d);
      }
      break;
    case FormNumber::k03:
      if (auto d = Form03Of(o, ctx)) {
        return Form03Pdf(*d);
      }
      break;
    case FormNumber::k04:
      if (auto d = Form04Of(o, ctx)) {
        return Form04Pdf(*d);
      }
      break;
    case FormNumber::k05:
      if (auto d = Form05Of(o, ctx)) {
        return Form05Pdf(*d);
      }
      break;
  }
  return std::nullopt;
}

Response NoSuchForm(const Site& site, const Request& req) {
  return site.ErrorPage(req, http::kNotFound, site.T(site.Lang(req), "Hồ sơ này không có mẫu giấy tờ này."));
}

Response PdfResponse(std::string body, const std::string& file_name) {
  Response res;
  res.body = std::move(body);
  res.Set("Content-Type", "application/pdf");
  res.Set("Content-Disposition", "inline; filename=\"" + file_name + "\"");
  res.Set("Cache-Control", "private, no-store");
  return res;
}

//! Form `n` of the dossier `{code}` for an officer who may see it (BackOffice::Get decides; 404 otherwise).
Response OfficerForm(const Site& site, FormServices& s, const Request& req, FormNumber n) {
  const service::Actor actor = access::ActorOf(req);
  auto o = s.office.Get(actor, req.Param("code"));
  if (!o) {
    return ErrorPageFor(site, req, o.error());
  }
  auto pdf = FormPdf(n, *o, ContextOf(site, s, *o, actor));
  if (!pdf) {
    return NoSuchForm(site, req);
  }
  return PdfResponse(std::move(*pdf), fmt::format("mau-{}-{}.pdf", NumberText(n), o->dossier.code));
}

//! The applicant's own copy of form `n` of their dossier `{id}` (its owner only; 404 for anyone else).
Response CitizenForm(const Site& site, FormServices& s, const Request& req, FormNumber n) {
  const service::Actor actor = access::ActorOf(req);
  auto ds = s.dossiers.Get(actor, IdParam(req, "id"));
  if (!ds) {
    return ErrorPageFor(site, req, ds.error());
  }
  if (ds->owner_id != actor.principal.user_id || ds->code.empty()) {
    return NoSuchForm(site, req);
  }
  auto o = s.office.Get(actor, ds->code);
  if (!o) {
    return ErrorPageFor(site, req, o.error());
  }
  auto pdf = FormPdf(n, *o, ContextOf(site, s, *o, actor));
  if (!pdf) {
    return NoSuchForm(site, req);
  }
  return PdfResponse(std::move(*pdf), fmt::format("mau-{}-{}.pdf", NumberText(n), o->dossier.code));
}

Response Officer01(const Site& site, FormServices& s, const Request& req) {
  return OfficerForm(site, s, req, FormNumber::k01);
}
Response Officer02(const Site& site, FormServices& s, const Request& req) {
  return OfficerForm(site, s, req, FormNumber::k02);
}
Response Officer03(const Site& site, FormServices& s, const Request& req) {
  return OfficerForm(site, s, req, FormNumber::k03);
}
Response Officer04(const Site& site, FormServices& s, const Request& req) {
  return OfficerForm(site, s, req, FormNumber::k04);
}
Response Officer05(const Site& site, FormServices& s, const Request& req) {
  return OfficerForm(site, s, req, FormNumber::k05);
}
Response Citizen01(const Site& site, FormServices& s, const Request& req) {
  return CitizenForm(site, s, req, FormNumber::k01);
}
Response Citizen02(const Site& site, FormServices& s, const Request& req) {
  return CitizenForm(site, s, req, FormNumber::k02);
}
Response Citizen03(const Site& site, FormServices& s, const Request& req) {
  return CitizenForm(site, s, req, FormNumber::k03);
}
Response Citizen04(const Site& site, FormServices& s, const Request& req) {
  return CitizenForm(site, s, req, FormNumber::k04);
}

// ---- The logbook (form 06) ----

//! The logbook's query: the agency and the date range as typed ("YYYY-MM-DD"), and what was read of them.
struct LogbookQuery {
  std::string agency;
  std::string from_text;
  std::string to_text;
  std::optional<domain::CivilDate> from;
  std::optional<domain::CivilDate> to;
  bool asked = false;  // the form was sent (any of its fields is in the query)
};

//! The agencies where the caller holds a role, in the order of their grants, without repeats.
std::vector<std::string> AgenciesOf(const domain::Principal& principal) {
  std::vector<std::string> out;
  for (const domain::Grant& g : principal.grants) {
    if (std::find(out.begin(), out.end(), g.agency_code) == out.end()) {
      out.push_back(g.agency_code);
    }
  }
  return out;
}

LogbookQuery ReadLogbookQuery(const Site& site, const Request& req, FieldErrors& errors) {
  const std::string lang = site.Lang(req);
  LogbookQuery q;
  q.agency = std::string(req.Query("co_quan"));
  q.from_text = std::string(req.Query("tu"));
  q.to_text = std::string(req.Query("den"));
  q.asked = !q.agency.empty() || !q.from_text.empty() || !q.to_text.empty();
  const std::vector<std::string> agencies = AgenciesOf(access::ActorOf(req).principal);
  if (q.agency.empty() && !agencies.empty()) {
    q.agency = agencies.front();
  }
  if (!q.asked) {
    const domain::CivilDate today = site.Today();
    q.from = domain::CivilDate{today.year, today.month, 1};
    q.to = today;
    q.from_text = domain::CivilDateText(*q.from);
    q.to_text = domain::CivilDateText(*q.to);
    return q;
  }
  q.from = domain::ParseCivilDate(q.from_text);
  q.to = domain::ParseCivilDate(q.to_text);
  if (!q.from) {
    errors.Add("tu", site.T(lang, "Nhập ngày bắt đầu của sổ"));
  }
  if (!q.to) {
    errors.Add("den", site.T(lang, "Nhập ngày kết thúc của sổ"));
  }
  if (q.from && q.to && domain::CivilDateText(*q.to) < domain::CivilDateText(*q.from)) {
    errors.Add("den", site.T(lang, "Ngày kết thúc phải từ ngày bắt đầu trở đi"));
  }
  if (std::find(agencies.begin(), agencies.end(), q.agency) == agencies.end()) {
    errors.Add("co_quan", site.T(lang, "Chọn một cơ quan nơi bạn làm việc"));
  }
  return q;
}

std::string LogbookLink(const LogbookQuery& q, std::string_view extension) {
  return fmt::format("/can-bo/so-theo-doi.{}?co_quan={}&tu={}&den={}", extension, http::PercentEncode(q.agency),
                     http::PercentEncode(q.from_text), http::PercentEncode(q.to_text));
}

constexpr InputSpec kFromField{"tu", N_("Từ ngày"), nullptr, "date", "off", ""};
constexpr InputSpec kToField{"den", N_("Đến hết ngày"), nullptr, "date", "off", ""};

Response LogbookPage(const Site& site, FormServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  FieldErrors errors;
  const LogbookQuery q = ReadLogbookQuery(site, req, errors);
  std::optional<size_t> count;
  if (errors.empty() && q.asked) {
    auto rows = s.office.Logbook(access::ActorOf(req), q.agency, *q.from, *q.to);
    if (!rows) {
      for (const domain::FieldError& f : rows.error().fields) {
        errors.Add(f.field == "to" ? "den" : (f.field == "from" ? "tu" : "co_quan"), site.T(lang, f.message));
      }
      if (rows.error().fields.empty()) {
        return ErrorPageFor(site, req, rows.error());
      }
    } else {
      count = rows->size();
    }
  }
  const auto catalogue = site.catalogue();
  return site.Page(req, "office/logbook", site.T(lang, "Sổ theo dõi hồ sơ"), [&](TemplateDictionary& d) {
    AddErrorSummary(lang, d, errors);
    for (const std::string& code : AgenciesOf(access::ActorOf(req).principal)) {
      TemplateDictionary* option = d.AddSectionDictionary("AGENCIES");
      option->SetValue("CODE", code);
      const domain::Agency* a = catalogue->FindAgency(code);
      option->SetValue("NAME", a != nullptr ? a->name : code);
      if (code == q.agency) {
        option->ShowSection("SELECTED");
      }
    }
    if (!errors.Of("co_quan").empty()) {
      d.SetValueAndShowSection("AGENCY_ERROR", errors.Of("co_quan"), "HAS_AGENCY_ERROR");
    }
    AddInput(site, lang, d, "F_FROM", kFromField, q.from_text, errors);
    AddInput(site, lang, d, "F_TO", kToField, q.to_text, errors);
    if (errors.empty() && (count || !q.asked)) {
      TemplateDictionary* links = d.AddSectionDictionary("LINKS");
      links->SetValue("PDF", LogbookLink(q, "pdf"));
      links->SetValue("XLSX", LogbookLink(q, "xlsx"));
      if (count) {
        links->SetValueAndShowSection(
            "COUNT", fmt::format("{} {}", *count, site.TN(lang, "hồ sơ", "hồ sơ", static_cast<int64_t>(*count))),
            "HAS_COUNT");
      }
    }
  });
}

//! The logbook's rows for the query of `req` with its heading, or the response to send instead (back to the page
//! with the errors shown, or the service's refusal).
std::variant<LogbookData, Response> LogbookOf(const Site& site, FormServices& s, const Request& req) {
  FieldErrors errors;
  const LogbookQuery q = ReadLogbookQuery(site, req, errors);
  if (!errors.empty() || !q.asked) {
    const std::string_view target = req.target;
    const size_t query = target.find('?');
    return Response::Redirect("/can-bo/so-theo-doi" +
                              (query == std::string_view::npos ? std::string() : std::string(target.substr(query))));
  }
  auto rows = s.office.Logbook(access::ActorOf(req), q.agency, *q.from, *q.to);
  if (!rows) {
    return ErrorPageFor(site, req, rows.error());
  }
  LogbookData d;
  d.issuer = IssuerOf(site, q.agency);
  d.issuer.desk.clear();
  d.from = *q.from;
  d.to = *q.to;
  d.rows = std::move(*rows);
  return d;
}

std::string LogbookFileName(const LogbookData& d, std::string_view extension) {
  return fmt::format("so-theo-doi-ho-so-{}-{}.{}", domain::CivilDateText(d.from), domain::CivilDateText(d.to),
                     extension);
}

Response LogbookPdfPage(const Site& site, FormServices& s, const Request& req) {
  auto d = LogbookOf(site, s, req);
  if (auto* res = std::get_if<Response>(&d)) {
    return std::move(*res);
  }
  const LogbookData& data = std::get<LogbookData>(d);
  return PdfResponse(LogbookPdf(data), LogbookFileName(data, "pdf"));
}

Response LogbookXlsxPage(const Site& site, FormServices& s, const Request& req) {
  auto d = LogbookOf(site, s, req);
  if (auto* res = std::get_if<Response>(&d)) {
    return std::move(*res);
  }
  const LogbookData& data = std::get<LogbookData>(d);
  Response res;
  res.body = LogbookXlsx(data);
  res.Set("Content-Type", kXlsxType);
  res.Set("Content-Disposition", "attachment; filename=\"" + LogbookFileName(data, "xlsx") + "\"");
  res.Set("Cache-Control", "private, no-store");
  return res;
}

}  // namespace

void AddOfficeFormPages(access::RouteTable& routes, const Site& site, service::BackOffice& office,
                        service::Dossiers& dossiers) {
  static constexpr PageRoute<FormServices> kRoutes[] = {
      {"GET", "/can-bo/ho-so/{code}/mau/01.pdf", Permission::kOfficer, Officer01, http::Exec::kReport},
      {"GET", "/can-bo/ho-so/{code}/mau/02.pdf", Permission::kOfficer, Officer02, http::Exec::kReport},
      {"GET", "/can-bo/ho-so/{code}/mau/03.pdf", Permission::kOfficer, Officer03, http::Exec::kReport},
      {"GET", "/can-bo/ho-so/{code}/mau/04.pdf", Permission::kOfficer, Officer04, http::Exec::kReport},
      {"GET", "/can-bo/ho-so/{code}/mau/05.pdf", Permission::kOfficer, Officer05, http::Exec::kReport},
      {"GET", "/ho-so/{id}/mau/01.pdf", Permission::kSignedIn, Citizen01, http::Exec::kReport},
      {"GET", "/ho-so/{id}/mau/02.pdf", Permission::kSignedIn, Citizen02, http::Exec::kReport},
      {"GET", "/ho-so/{id}/mau/03.pdf", Permission::kSignedIn, Citizen03, http::Exec::kReport},
      {"GET", "/ho-so/{id}/mau/04.pdf", Permission::kSignedIn, Citizen04, http::Exec::kReport},
      {"GET", "/can-bo/so-theo-doi", Permission::kOfficer, LogbookPage, http::Exec::kReport},
      {"GET", "/can-bo/so-theo-doi.pdf", Permission::kOfficer, LogbookPdfPage, http::Exec::kReport},
      {"GET", "/can-bo/so-theo-doi.xlsx", Permission::kOfficer, LogbookXlsxPage, http::Exec::kReport},
  };
  AddPageRoutes<FormServices>(routes, site, std::make_shared<FormServices>(FormServices{office, dossiers}), kRoutes);
}

}  // namespace motcua::web
