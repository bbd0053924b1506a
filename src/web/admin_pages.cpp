// Administration: the home page, the list of officers and adding one. The page of one officer is in
// officer_admin_pages.cpp, the sessions and the journal in journal_pages.cpp. Every object-level decision is the
// service's (service/officers.*), through domain/policy (CanManageOfficer, CanGrant).
#include "web/admin_pages.hpp"

#include <fmt/format.h>

#include "domain/messages.hpp"
#include "web/account_pages.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Request;
using http::Response;

constexpr InputSpec kNameField{"ho_ten", N_("Họ và tên"), nullptr, "text", "off", ""};
constexpr InputSpec kLoginField{"ten_dang_nhap",
                                N_("Tên đăng nhập"),
                                N_("3 đến 40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới"),
                                "text",
                                "off",
                                "20"};
constexpr InputSpec kPhoneField{"dien_thoai", N_("Số điện thoại di động (nếu có)"), nullptr, "tel", "off", "20"};
constexpr InputSpec kEmailField{"email", N_("Email công vụ (nếu có)"), nullptr, "email", "off", ""};

//! The agencies an administrator may give roles at, by code.
std::vector<const domain::Agency*> AgenciesInScope(const domain::Catalogue& catalogue, const domain::Principal& p) {
  const auto roots = domain::AdministeredAgencies(p);
  std::vector<const domain::Agency*> out;
  for (const domain::Agency& a : catalogue.agencies()) {
    if (!roots || std::any_of(roots->begin(), roots->end(),
                              [&](const std::string& r) { return domain::InSubtree(catalogue, r, a.code); })) {
      out.push_back(&a);
    }
  }
  return out;
}

//! One choice of a select.
struct SelectOption {
  std::string value;  //!< What the form sends.
  std::string text;   //!< What the person reads.
};

//! Where a select goes and what it is called.
struct SelectSpec {
  const char* marker;  //!< Include marker of the page.
  const char* name;    //!< Field name and element id.
  std::string label;   //!< Translated label.
};

//! Adds include `spec.marker`: a select of `options` with `chosen` selected and the error of its field.
void AddSelect(std::string_view lang, TemplateDictionary& page, const SelectSpec& spec,
               const std::vector<SelectOption>& options, const std::string& chosen, const FieldErrors& errors) {
  TemplateDictionary* d = page.AddIncludeDictionary(spec.marker);
  d->SetFilename(Templates::Key(lang, "partials/role_select"));
  d->SetValue("NAME", spec.name);
  d->SetValue("LABEL", spec.label);
  for (const SelectOption& option : options) {
    TemplateDictionary* o = d->AddSectionDictionary("OPTIONS");
    o->SetValue("VALUE", option.value);
    o->SetValue("TEXT", option.text);
    if (chosen == option.value) {
      o->ShowSection("SELECTED");
    }
  }
  if (const std::string e = errors.Of(spec.name); !e.empty()) {
    d->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
  }
}

std::string RolesText(const Site& site, std::string_view lang, const domain::Catalogue& catalogue,
                      const std::vector<domain::Grant>& grants) {
  std::string out;
  for (const domain::Grant& g : grants) {
    const domain::Agency* a = catalogue.FindAgency(g.agency_code);
    out += fmt::format("{}{} ({})", out.empty() ? "" : "; ", site.T(lang, domain::RoleName(g.role)),
                       a != nullptr ? a->short_name : g.agency_code);
  }
  return out;
}

Response AdminHome(const Site& site, AdminServices& /*services*/, const Request& req) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = access::CallerOf(req).principal;
  const auto catalogue = site.catalogue();
  return site.Page(req, "admin/home", site.T(lang, "Quản trị"), [&](TemplateDictionary& d) {
    const auto roots = domain::AdministeredAgencies(p);
    if (!roots) {
      d.SetValue("SCOPE", site.T(lang, "Bạn quản trị toàn hệ thống."));
    } else {
      std::string names;
      for (const std::string& r : *roots) {
        const domain::Agency* a = catalogue->FindAgency(r);
        names += (names.empty() ? "" : ", ") + (a != nullptr ? a->name : r);
      }
      d.SetValue("SCOPE", fmt::format("{} {}.", site.T(lang, "Bạn quản trị cán bộ của"), names));
    }
    if (domain::Authorize(p, Permission::kViewAudit) == domain::Decision::kAllow) {
      d.ShowSection("AUDIT");
    }
  });
}

Response OfficerList(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const auto officers = services.officers.List(access::ActorOf(req), *catalogue, req.Query("q"));
  if (!officers) {
    return ErrorPageFor(site, req, officers.error());
  }
  return site.Page(req, "admin/officers", site.T(lang, "Cán bộ và vai trò"), [&](TemplateDictionary& d) {
    d.SetValue("Q", std::string(req.Query("q")));
    d.SetValue("COUNT", fmt::format("{} {}", officers->size(),
                                    site.TN(lang, "cán bộ", "cán bộ", static_cast<int64_t>(officers->size()))));
    for (const domain::Account& a : *officers) {
      TemplateDictionary* row = d.AddSectionDictionary("OFFICERS");
      row->SetIntValue("ID", a.id);
      row->SetValue("NAME", a.full_name);
      row->SetValue("LOGIN", a.login_name);
      row->SetValue("ROLES", RolesText(site, lang, *catalogue, a.grants));
      row->SetValue("STATUS", StatusName(site, lang, a.status));
    }
  });
}

Response RenderOfficerNew(const Site& site, const Request& req, const service::NewOfficer& in,
                          const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const domain::Principal& p = access::CallerOf(req).principal;
  return site.Page(
      req, "admin/officer_new", site.T(lang, "Thêm cán bộ"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_NAME", kNameField, in.name, errors);
        AddInput(site, lang, d, "F_LOGIN", kLoginField, in.login, errors);
        AddInput(site, lang, d, "F_PHONE", kPhoneField, in.phone, errors);
        AddInput(site, lang, d, "F_EMAIL", kEmailField, in.email, errors);
        AddRoleSelect(site, lang, d, p, in.role, errors);
        AddAgencySelect(site, lang, d, *catalogue, p, in.agency, errors);
      },
      status);
}

Response OfficerNew(const Site& site, AdminServices& /*services*/, const Request& req) {
  return RenderOfficerNew(site, req, service::NewOfficer{}, {}, http::kOk);
}

Response OfficerCreate(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const service::NewOfficer in{form.Text("ho_ten"), form.Text("ten_dang_nhap"), form.Text("dien_thoai"),
                               form.Text("email"),  form.Text("vai_tro"),       form.Text("co_quan")};
  const auto issued = services.officers.Create(access::ActorOf(req), *site.catalogue(), in);
  if (!issued) {
    if (issued.error().fields.empty()) {
      return ErrorPageFor(site, req, issued.error());
    }
    FieldErrors errors;
    AddFieldErrors(site, lang, issued.error(), errors);
    const bool taken = issued.kind() == domain::ErrorKind::kConflict;
    return RenderOfficerNew(site, req, in, errors, taken ? http::kConflict : http::kUnprocessable);
  }
  return CodeSlip(site, req, site.T(lang, "Đã thêm cán bộ"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, fmt::format("/quan-tri/can-bo/{}", issued->user_id), site.T(lang, "Xem cán bộ"));
}

}  // namespace

bool Confirmed(const http::Request& req) { return Form(req).Text(kConfirmationField) == "1"; }

Response ConfirmPage(const Site& site, const Request& req, const Confirmation& c) {
  return site.Page(req, "office/confirm", c.heading, [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    d.SetValue("HEADING", c.heading);
    for (const auto& [label, value] : c.facts) {
      TemplateDictionary* row = d.AddSectionDictionary("FACTS");
      row->SetValue("LABEL", label);
      row->SetValue("VALUE", value);
    }
    d.SetValue("WARNING", c.warning);
    d.SetValue("ACTION", c.action);
    d.SetValue("CONFIRM_FIELD", std::string(kConfirmationField));
    for (const auto& [name, value] : c.hidden) {
      TemplateDictionary* row = d.AddSectionDictionary("HIDDEN");
      row->SetValue("NAME", name);
      row->SetValue("VALUE", value);
    }
    d.SetValue("BUTTON", c.button);
    d.SetValue("BACK", c.back);
  });
}

std::string StatusName(const Site& site, std::string_view lang, domain::AccountStatus status) {
  switch (status) {
    case domain::AccountStatus::kActive:
      return site.T(lang, "Đang hoạt động");
    case domain::AccountStatus::kPending:
      return site.T(lang, "Chờ đặt mật khẩu");
    case domain::AccountStatus::kDisabled:
      return site.T(lang, "Đã khóa");
  }
  return {};
}

void AddRoleSelect(const Site& site, std::string_view lang, TemplateDictionary& page, const domain::Principal& p,
                   const std::string& chosen, const FieldErrors& errors) {
  std::vector<SelectOption> options;
  for (const domain::Role r : domain::kAllRoles) {
    if (r == domain::Role::kSystemAdmin && !p.Has(domain::Role::kSystemAdmin)) {
      continue;  // only a system administrator can make another
    }
    options.push_back({std::string(domain::RoleCode(r)), site.T(lang, domain::RoleName(r))});
  }
  AddSelect(lang, page, {"F_ROLE", "vai_tro", site.T(lang, "Vai trò")}, options, chosen, errors);
}

void AddAgencySelect(const Site& site, std::string_view lang, TemplateDictionary& page,
                     const domain::Catalogue& catalogue, const domain::Principal& p, const std::string& chosen,
                     const FieldErrors& errors) {
  std::vector<SelectOption> options;
  for (const domain::Agency* a : AgenciesInScope(catalogue, p)) {
    options.push_back({a->code, a->name});
  }
  AddSelect(lang, page, {"F_AGENCY", "co_quan", site.T(lang, "Tại cơ quan")}, options, chosen, errors);
}

void AddAdminPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts) {
  const int64_t idle = accounts.auth().idle_seconds();
  const auto services = std::make_shared<AdminServices>(
      AdminServices{service::Officers(accounts, idle), service::ApiTokens(accounts.db(), accounts.clock()),
                    service::SessionsAdmin(accounts.db(), accounts.clock(), idle), accounts.db()});
  constexpr Permission kAdmin = Permission::kAdministerOfficers;
  static constexpr PageRoute<AdminServices> kRoutes[] = {
      {"GET", "/quan-tri", kAdmin, AdminHome},
      {"GET", "/quan-tri/can-bo", kAdmin, OfficerList},
      {"GET", "/quan-tri/can-bo/moi", kAdmin, OfficerNew},
      {"POST", "/quan-tri/can-bo/moi", kAdmin, OfficerCreate},
  };
  AddPageRoutes<AdminServices>(routes, site, services, kRoutes);
  AddOfficerAdminPages(routes, site, services);
  AddJournalPages(routes, site, services);
}

}  // namespace motcua::web
