// The system administrators' page of a procedure's form definitions: the current one as formatted JSON, every
// published version, and a form to publish the next version (every fault of the definition listed).
#include <fmt/format.h>

#include <boost/json.hpp>

#include <memory>

#include "domain/form_definition.hpp"
#include "domain/messages.hpp"
#include "http/url.hpp"
#include "web/forms.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"
#include "web/tracking_pages.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::Permission;
using http::Request;
using http::Response;

//! Spaces per level of the formatted JSON.
constexpr size_t kIndent = 2;

void Pretty(const boost::json::value& v, std::string& out, size_t depth) {
  const std::string pad((depth + 1) * kIndent, ' ');
  const std::string close(depth * kIndent, ' ');
  if (v.is_object()) {
    const boost::json::object& o = v.get_object();
    if (o.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : o) {
      out += first ? "" : ",\n";
      first = false;
      out += pad + boost::json::serialize(boost::json::string(kv.key())) + ": ";
      Pretty(kv.value(), out, depth + 1);
    }
    out += "\n" + close + "}";
    return;
  }
  if (v.is_array()) {
    const boost::json::array& a = v.get_array();
    if (a.empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    bool first = true;
    for (const boost::json::value& item : a) {
      out += first ? "" : ",\n";
      first = false;
      out += pad;
      Pretty(item, out, depth + 1);
    }
    out += "\n" + close + "]";
    return;
  }
  out += boost::json::serialize(v);
}

//! `v` as indented JSON (boost::json writes it on one line).
std::string PrettyJson(const boost::json::value& v) {
  std::string out;
  Pretty(v, out, 0);
  out += "\n";
  return out;
}

//! The page: `text` in the textarea (the current definition, or what was sent), `errors` listed.
Response RenderFormAdmin(const Site& site, TrackingServices& t, const Request& req, const std::string& text,
                         const FieldErrors& errors, const std::string& notice) {
  const std::string lang = site.Lang(req);
  const std::string code(req.Param("procedure"));
  const auto catalogue = site.catalogue();
  const domain::Procedure* procedure = catalogue->FindProcedure(code);
  if (procedure == nullptr) {
    return ErrorPageFor(
        site, req, domain::Error::Of(domain::ErrorKind::kNotFound, domain::N_("Không có thủ tục hành chính này.")));
  }
  auto current = t.forms.Current(code);
  if (!current) {
    return ErrorPageFor(site, req, current.error());
  }
  const std::string current_json = PrettyJson(domain::ToJson(*current));
  return site.Page(
      req, "admin/form_definition", site.T(lang, "Biểu mẫu nộp hồ sơ"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddNotice(lang, d, notice);
        d.SetValue("PROCEDURE", procedure->name);
        d.SetValue("CODE", procedure->code);
        d.SetIntValue("VERSION", current->version);
        d.SetValue("CURRENT", current_json);
        d.SetValue("TEXT", text.empty() ? current_json : text);
        for (const auto& [version, at] : t.forms.Versions(code)) {
          TemplateDictionary* row = d.AddSectionDictionary("VERSIONS");
          row->SetIntValue("NUMBER", version);
          row->SetValue("AT", domain::LocalTime(at));
        }
        if (!errors.empty()) {
          TemplateDictionary* e = d.AddSectionDictionary("HAS_ERRORS");
          for (const auto& [field, message] : errors.items()) {
            TemplateDictionary* row = e->AddSectionDictionary("FAULTS");
            row->SetValue("WHERE", field);
            row->SetValue("MESSAGE", message);
          }
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

Response FormAdmin(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string notice = req.Query("tb") == "da-dang" ? site.T(lang,
                                                                   "Đã đăng phiên bản mới của biểu mẫu. Hồ "
                                                                   "sơ đã bắt đầu vẫn dùng phiên bản cũ.")
                                                          : std::string();
  return RenderFormAdmin(site, t, req, "", FieldErrors{}, notice);
}

Response FormPublish(const Site& site, TrackingServices& t, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string code(req.Param("procedure"));
  // The definition may be longer than an ordinary text field, up to the library's own bound.
  std::string text = Form(req).Get("dinh_nghia");
  if (text.size() > domain::kMaxFormDefinitionBytes) {
    FieldErrors errors;
    errors.Add("dinh_nghia", site.T(lang, "Định nghĩa biểu mẫu quá dài."));
    return RenderFormAdmin(site, t, req, text, errors, "");
  }
  auto published = t.forms.Publish(access::ActorOf(req), code, text);
  if (published) {
    return Response::Redirect(fmt::format("/quan-tri/bieu-mau/{}?tb=da-dang", http::PercentEncode(code)));
  }
  if (published.error().kind != domain::ErrorKind::kInvalid) {
    return ErrorPageFor(site, req, published.error());
  }
  FieldErrors errors;
  for (const domain::FieldError& f : published.error().fields) {
    errors.Add(f.field.empty() ? std::string("dinh_nghia") : f.field, site.T(lang, f.message));
  }
  if (errors.empty()) {
    errors.Add("dinh_nghia", site.T(lang, published.error().message));
  }
  return RenderFormAdmin(site, t, req, text, errors, "");
}

}  // namespace

void AddFormAdminPages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                       service::FormLibrary& forms) {
  // Publishing is for system administrators (the service checks it again); the audit permission is theirs alone.
  constexpr Permission kSystemAdmin = Permission::kViewAudit;
  static constexpr PageRoute<TrackingServices> kRoutes[] = {
      {"GET", "/quan-tri/bieu-mau/{procedure}", kSystemAdmin, FormAdmin},
      {"POST", "/quan-tri/bieu-mau/{procedure}", kSystemAdmin, FormPublish},
  };
  AddPageRoutes<TrackingServices>(routes, site, std::make_shared<TrackingServices>(TrackingServices{dossiers, forms}),
                                  kRoutes);
}

}  // namespace motcua::web
