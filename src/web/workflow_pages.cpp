// The system administrators' pages of processing workflows (issue 10): every workflow with its versions, and one
// workflow's current version as a table with a form to publish the next (every fault listed by its JSON path), or to
// start a procedure's own workflow from its level's default.
#include "web/workflow_pages.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/messages.hpp"
#include "domain/workflow.hpp"
#include "http/url.hpp"
#include "web/forms.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::Permission;
using http::Request;
using http::Response;

constexpr domain::Level kLevels[] = {domain::Level::kProvince, domain::Level::kDistrict, domain::Level::kCommune};
constexpr std::string_view kDefaultPrefix = "default:";
//! The textarea's field name (and the id the error summary links to).
constexpr const char* kTextField = "dinh_nghia";

//! The services the workflow pages call.
struct WorkflowServices {
  service::Workflows& workflows;  //!< Versioned workflows.
};

//! `s` without surrounding spaces.
std::string Trimmed(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

//! The page of workflow `key` (":" may stay as it is in a path segment: /quan-tri/quy-trinh/default:commune).
std::string PageOf(std::string_view key) {
  constexpr std::string_view kEncodedColon = "%3A";
  std::string encoded = http::PercentEncode(key);
  for (size_t at = encoded.find(kEncodedColon); at != std::string::npos; at = encoded.find(kEncodedColon, at + 1)) {
    encoded.replace(at, kEncodedColon.size(), ":");
  }
  return "/quan-tri/quy-trinh/" + encoded;
}

//! What administrators call workflow `key`: "Mặc định cấp xã", or the procedure's code and name.
std::string TitleOf(const Site& site, std::string_view lang, const domain::Catalogue& catalogue, std::string_view key) {
  if (key.starts_with(kDefaultPrefix)) {
    if (const std::optional<domain::Level> level = domain::ParseLevel(key.substr(kDefaultPrefix.size()))) {
      return fmt::format("{} ({})", site.T(lang, "Quy trình mặc định"), LevelName(site, lang, *level));
    }
  }
  const domain::Procedure* procedure = catalogue.FindProcedure(key);
  return procedure != nullptr ? fmt::format("{} · {}", procedure->code, procedure->name) : std::string(key);
}

//! One row of the list: the key, its title, its newest version and when it was published.
void AddListRow(const Site& site, std::string_view lang, const domain::Catalogue& catalogue,
                service::Workflows& workflows, TemplateDictionary& d, const char* section, const std::string& key) {
  TemplateDictionary* row = d.AddSectionDictionary(section);
  row->SetValue("HREF", PageOf(key));
  row->SetValue("KEY", key);
  row->SetValue("TITLE", TitleOf(site, lang, catalogue, key));
  const std::vector<service::WorkflowVersionInfo> versions = workflows.Versions(key);
  if (versions.empty()) {
    row->SetValue("VERSION", site.T(lang, "Chưa đăng (dùng bản có sẵn)"));
    return;
  }
  row->SetValue("VERSION", fmt::format("{} {} · {}", site.T(lang, "Phiên bản"), versions.front().version,
                                       domain::LocalTime(versions.front().published_at)));
}

Response WorkflowList(const Site& site, WorkflowServices& w, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const std::string notice =
      req.Query("tb") == "khong-co" ? site.T(lang, "Không có thủ tục mang mã này.") : std::string();
  return site.Page(req, "admin/workflows", site.T(lang, "Quy trình xử lý hồ sơ"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    AddNotice(lang, d, notice);
    for (const domain::Level level : kLevels) {
      AddListRow(site, lang, *catalogue, w.workflows, d, "DEFAULTS", domain::DefaultWorkflowKey(level));
    }
    bool any = false;
    for (const std::string& key : w.workflows.Keys()) {
      if (!key.starts_with(kDefaultPrefix)) {
        AddListRow(site, lang, *catalogue, w.workflows, d, "PROCEDURES", key);
        any = true;
      }
    }
    if (!any) {
      d.ShowSection("NO_PROCEDURES");
    }
  });
}

//! Starts a procedure's own workflow (from the list's form: the procedure code typed in).
Response WorkflowStart(const Site& site, WorkflowServices& w, const Request& req) {
  const std::string key = Trimmed(Form(req).Text("thu_tuc"));
  if (key.empty() || site.catalogue()->FindProcedure(key) == nullptr) {
    return Response::Redirect("/quan-tri/quy-trinh?tb=khong-co");
  }
  auto started = w.workflows.StartForProcedure(access::ActorOf(req), key);
  if (!started && started.error().kind != domain::ErrorKind::kConflict) {
    return ErrorPageFor(site, req, started.error());
  }
  // Already started (a second click, or someone else): its page shows what it has.
  return Response::Redirect(PageOf(key) + (started ? "?tb=da-tao" : ""));
}

//! The page of workflow `key`: its current version as a table, `text` in the textarea, every fault listed.
Response RenderWorkflow(const Site& site, WorkflowServices& w, const Request& req, const std::string& text,
                        const std::vector<std::pair<std::string, std::string>>& faults, const std::string& notice) {
  const std::string lang = site.Lang(req);
  const std::string key(req.Param("key"));
  if (!w.workflows.KnownKey(key)) {
    return ErrorPageFor(site, req,
                        domain::Error::Of(domain::ErrorKind::kNotFound, domain::N_("Không tìm thấy quy trình này.")));
  }
  const auto catalogue = site.catalogue();
  const std::optional<domain::Level> level =
      key.starts_with(kDefaultPrefix) ? domain::ParseLevel(key.substr(kDefaultPrefix.size())) : std::nullopt;
  const bool is_default = level.has_value();
  // A procedure without a workflow of its own follows its level's default: shown, and offered as a start. (A default
  // not yet stored is stored as its version 1 here, so its history shows it.)
  const domain::Workflow current = is_default ? w.workflows.CurrentDefault(*level) : w.workflows.Current(key, "");
  const std::vector<service::WorkflowVersionInfo> versions = w.workflows.Versions(key);
  const bool own = is_default || !versions.empty();
  const std::string current_json = domain::ToJson(current);
  const std::string title = TitleOf(site, lang, *catalogue, key);
  return site.Page(
      req, "admin/workflow", site.T(lang, "Quy trình xử lý hồ sơ"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddNotice(lang, d, notice);
        d.SetValue("TITLE", title);
        d.SetValue("NAME", current.name);
        d.SetValue("KEY", key);
        d.SetValue("ACTION", PageOf(key));
        d.SetIntValue("VERSION", current.version);
        d.SetValue("TEXT", text.empty() ? current_json : text);
        d.ShowSection(own ? "OWN" : "INHERITED");
        if (!own) {
          d.SetValue("INHERITED_FROM", current.key);
        }
        for (const domain::WorkflowStep& s : current.steps) {
          TemplateDictionary* row = d.AddSectionDictionary("STEPS");
          row->SetValue("ID", s.id);
          row->SetValue("STEP", s.name);
          row->SetValue("ROLE", site.T(lang, domain::RoleName(s.role)));
          row->SetIntValue("SHARE", s.share_percent);
          std::string actions;
          for (const domain::OfficeAction a : s.actions) {
            actions += (actions.empty() ? "" : ", ") + site.T(lang, domain::ActionLabel(a));
          }
          row->SetValue("ACTIONS", actions);
          std::string next;
          for (const std::string& n : s.next) {
            const domain::WorkflowStep* to = current.Find(n);
            next += (next.empty() ? "" : ", ") + (to != nullptr ? to->name : n);
          }
          row->SetValue("NEXT", s.final ? site.T(lang, "Kết thúc") : next);
          if (!s.agency_code.empty()) {
            const domain::Agency* agency = catalogue->FindAgency(s.agency_code);
            row->SetValueAndShowSection("AGENCY", agency != nullptr ? agency->name : s.agency_code, "OTHER_AGENCY");
          }
        }
        for (const service::WorkflowVersionInfo& v : versions) {
          TemplateDictionary* row = d.AddSectionDictionary("VERSIONS");
          row->SetIntValue("NUMBER", v.version);
          row->SetValue("AT", domain::LocalTime(v.published_at));
          row->SetValue("BY", v.published_by.empty() ? site.T(lang, "Bản có sẵn của hệ thống") : v.published_by);
        }
        if (!faults.empty()) {
          TemplateDictionary* e = d.AddSectionDictionary("HAS_ERRORS");
          for (const auto& [where, message] : faults) {
            TemplateDictionary* row = e->AddSectionDictionary("FAULTS");
            row->SetValue("WHERE", where);
            row->SetValue("MESSAGE", message);
          }
        }
      },
      faults.empty() ? http::kOk : http::kUnprocessable);
}

Response WorkflowPage(const Site& site, WorkflowServices& w, const Request& req) {
  const std::string lang = site.Lang(req);
  std::string notice;
  if (req.Query("tb") == "da-dang") {
    notice = site.T(lang, "Đã đăng phiên bản mới của quy trình. Hồ sơ đã tiếp nhận vẫn theo phiên bản cũ.");
  } else if (req.Query("tb") == "da-tao") {
    notice = site.T(lang, "Đã tạo quy trình riêng cho thủ tục từ quy trình mặc định.");
  }
  return RenderWorkflow(site, w, req, "", {}, notice);
}

Response WorkflowPublish(const Site& site, WorkflowServices& w, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string key(req.Param("key"));
  const std::string text = Form(req).Get(kTextField);
  std::vector<std::pair<std::string, std::string>> faults;
  if (text.size() > domain::kMaxWorkflowBytes) {
    faults.emplace_back(kTextField, site.T(lang, "Định nghĩa quy trình quá lớn"));
    return RenderWorkflow(site, w, req, text, faults, "");
  }
  auto published = w.workflows.Publish(access::ActorOf(req), key, text);
  if (published) {
    return Response::Redirect(PageOf(key) + "?tb=da-dang");
  }
  if (published.error().kind != domain::ErrorKind::kInvalid) {
    return ErrorPageFor(site, req, published.error());
  }
  // Every fault, even several at one path (FieldErrors keeps one per field).
  for (const domain::FieldError& f : published.error().fields) {
    faults.emplace_back(f.field, site.T(lang, f.message));
  }
  return RenderWorkflow(site, w, req, text, faults, "");
}

}  // namespace

void AddWorkflowPages(access::RouteTable& routes, const Site& site, service::Workflows& workflows) {
  // Publishing is for system administrators (the service checks it again); the audit permission is theirs alone.
  constexpr Permission kSystemAdmin = Permission::kViewAudit;
  static constexpr PageRoute<WorkflowServices> kRoutes[] = {
      {"GET", "/quan-tri/quy-trinh", kSystemAdmin, WorkflowList},
      {"POST", "/quan-tri/quy-trinh", kSystemAdmin, WorkflowStart},
      {"GET", "/quan-tri/quy-trinh/{key}", kSystemAdmin, WorkflowPage},
      {"POST", "/quan-tri/quy-trinh/{key}", kSystemAdmin, WorkflowPublish},
  };
  AddPageRoutes<WorkflowServices>(routes, site, std::make_shared<WorkflowServices>(WorkflowServices{workflows}),
                                  kRoutes);
}

}  // namespace motcua::web
