// Administration of one officer: the officer's page, roles at agencies, status, password reset, sessions and API
// tokens. The handlers parse the form, call service::Officers or service::ApiTokens and render the result.
#include <fmt/format.h>

#include "domain/messages.hpp"
#include "web/account_pages.hpp"
#include "web/admin_pages.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using http::Request;
using http::Response;

constexpr InputSpec kTokenNameField{
    "ten_token", N_("Mã dùng cho việc gì"), N_("Ví dụ: đồng bộ số liệu thống kê của Sở Tư pháp"), "text", "off", ""};

//! A notice shown after a redirect, chosen by a fixed key so that no text travels in the URL.
struct Notice {
  std::string_view key;  //!< The value of ?tb=.
  const char* text;      //!< Vietnamese message id.
};

constexpr Notice kNotices[] = {
    {"vai-tro", N_("Đã giao vai trò. Cán bộ sẽ phải đăng nhập lại.")},
    {"bo-vai-tro", N_("Đã bỏ vai trò. Cán bộ sẽ phải đăng nhập lại.")},
    {"trang-thai", N_("Đã đổi trạng thái tài khoản.")},
    {"phien", N_("Đã đăng xuất mọi phiên của cán bộ.")},
    {"token", N_("Đã thu hồi mã truy cập API.")},
};

std::string NoticeText(const Site& site, std::string_view lang, std::string_view key) {
  for (const Notice& n : kNotices) {
    if (n.key == key) {
      return site.T(lang, n.text);
    }
  }
  return {};
}

//! The names of the fields of responsibility of a grant ("" for every field).
std::string FieldNames(const domain::Catalogue& catalogue, const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) {
    const domain::Field* f = catalogue.FindField(code);
    out += (out.empty() ? "" : ", ") + (f != nullptr ? f->name : code);
  }
  return out;
}

Response RenderOfficer(const Site& site, const Request& req, const service::OfficerDetails& details,
                       const std::string& role, const std::string& agency, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = access::CallerOf(req).principal;
  const auto catalogue = site.catalogue();
  const domain::Account& a = details.account;
  return site.Page(
      req, "admin/officer", a.full_name,
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
        AddErrorSummary(lang, d, errors);
        d.SetIntValue("ID", a.id);
        d.SetValue("NAME", a.full_name);
        d.SetValue("LOGIN", a.login_name);
        d.SetValue("PHONE", a.phone.empty() ? site.T(lang, "Chưa có") : a.phone);
        d.SetValue("EMAIL", a.email.empty() ? site.T(lang, "Chưa có") : a.email);
        d.SetValue("STATUS", StatusName(site, lang, a.status));
        d.SetValue("LAST_LOGIN", a.last_login_at ? LocalTime(*a.last_login_at) : site.T(lang, "Chưa đăng nhập"));
        d.SetIntValue("SESSION_COUNT", details.live_sessions);
        for (const domain::Grant& g : a.grants) {
          TemplateDictionary* row = d.AddSectionDictionary("GRANTS");
          row->SetValue("ROLE", std::string(domain::RoleCode(g.role)));
          row->SetValue("ROLE_NAME", site.T(lang, domain::RoleName(g.role)));
          row->SetValue("AGENCY", g.agency_code);
          const domain::Agency* ag = catalogue->FindAgency(g.agency_code);
          row->SetValue("AGENCY_NAME", ag != nullptr ? ag->name : g.agency_code);
          const std::string fields = FieldNames(*catalogue, g.fields);
          row->SetValue("GRANT_FIELDS", fields.empty() ? site.T(lang, "Mọi lĩnh vực") : fields);
          if (domain::CanGrant(p, *catalogue, g.role, g.agency_code)) {
            row->ShowSection("CAN_REMOVE");
          }
        }
        AddRoleSelect(site, lang, d, p, role, errors);
        AddAgencySelect(site, lang, d, *catalogue, p, agency, errors);
        for (const domain::Field& f : catalogue->fields()) {
          TemplateDictionary* row = d.AddSectionDictionary("FIELDS");
          row->SetValue("FIELD_CODE", f.code);
          row->SetValue("FIELD_NAME", f.name);
        }
        if (a.id != p.user_id) {
          d.ShowSection("CAN_TOGGLE");
          const bool disabled = a.status == domain::AccountStatus::kDisabled;
          d.SetValue("NEXT_STATUS", disabled ? "active" : "disabled");
          d.SetValue("TOGGLE_TEXT", disabled ? site.T(lang, "Mở khóa tài khoản") : site.T(lang, "Khóa tài khoản"));
        }
        for (const domain::ApiToken& t : details.tokens) {
          TemplateDictionary* row = d.AddSectionDictionary("TOKENS");
          row->SetIntValue("TOKEN_ID", t.id);
          row->SetValue("TOKEN_NAME", t.name);
          row->SetValue("PREFIX", t.prefix);
          row->SetValue("CREATED", LocalTime(t.created_at));
          row->ShowSection(t.revoked_at ? "REVOKED" : "LIVE");
        }
        AddInput(site, lang, d, "F_TOKEN_NAME", kTokenNameField, "", errors);
      },
      status);
}

//! The officer page again with the field errors of `error` (422), or the error page when it has no fields.
Response ShowFormErrors(const Site& site, AdminServices& services, const Request& req, const domain::Error& error,
                        const std::string& role, const std::string& agency) {
  if (error.fields.empty()) {
    return ErrorPageFor(site, req, error);
  }
  const auto details = services.officers.Details(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"));
  if (!details) {
    return ErrorPageFor(site, req, details.error());
  }
  FieldErrors errors;
  AddFieldErrors(site, site.Lang(req), error, errors);
  return RenderOfficer(site, req, *details, role, agency, errors, http::kUnprocessable);
}

//! The officer's page with `notice` (a key of NoticeText) shown.
Response BackToOfficer(int64_t id, std::string_view notice) {
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb={}", id, notice));
}

Response OfficerPage(const Site& site, AdminServices& services, const Request& req) {
  const auto details = services.officers.View(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"));
  if (!details) {
    return ErrorPageFor(site, req, details.error());
  }
  return RenderOfficer(site, req, *details, "", "", {}, http::kOk);
}

Response GrantRole(const Site& site, AdminServices& services, const Request& req) {
  const Form form(req);
  const service::GrantInput in{form.Text("vai_tro"), form.Text("co_quan"), form.All("linh_vuc")};
  const int64_t id = IdParam(req, "id");
  const auto granted = services.officers.Grant(access::ActorOf(req), *site.catalogue(), id, in);
  if (!granted) {
    return ShowFormErrors(site, services, req, granted.error(), in.role, in.agency);
  }
  return BackToOfficer(id, "vai-tro");
}

Response RevokeRole(const Site& site, AdminServices& services, const Request& req) {
  const Form form(req);
  const int64_t id = IdParam(req, "id");
  const auto revoked = services.officers.Revoke(access::ActorOf(req), *site.catalogue(), id,
                                                service::GrantInput{form.Text("vai_tro"), form.Text("co_quan"), {}});
  if (!revoked) {
    return ErrorPageFor(site, req, revoked.error());
  }
  return BackToOfficer(id, "bo-vai-tro");
}

Response SetOfficerStatus(const Site& site, AdminServices& services, const Request& req) {
  const int64_t id = IdParam(req, "id");
  const auto status =
      services.officers.SetStatus(access::ActorOf(req), *site.catalogue(), id, Form(req).Text("trang_thai"));
  if (!status) {
    return ErrorPageFor(site, req, status.error());
  }
  return BackToOfficer(id, "trang-thai");
}

Response ResetOfficerPassword(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto issued = services.officers.ResetPassword(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"));
  if (!issued) {
    return ErrorPageFor(site, req, issued.error());
  }
  return CodeSlip(site, req, site.T(lang, "Đã đặt lại mật khẩu"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, fmt::format("/quan-tri/can-bo/{}", issued->user_id), site.T(lang, "Xem cán bộ"));
}

Response RevokeOfficerSessions(const Site& site, AdminServices& services, const Request& req) {
  const int64_t id = IdParam(req, "id");
  const auto revoked = services.officers.RevokeSessions(access::ActorOf(req), *site.catalogue(), id);
  if (!revoked) {
    return ErrorPageFor(site, req, revoked.error());
  }
  return BackToOfficer(id, "phien");
}

Response CreateToken(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto token =
      services.tokens.Create(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"), Form(req).Text("ten_token"));
  if (!token) {
    return ShowFormErrors(site, services, req, token.error(), "", "");
  }
  return site.Page(req, "admin/token_created", site.T(lang, "Đã tạo mã truy cập API"), [&](TemplateDictionary& d) {
    d.SetValue("TOKEN", token->token);
    d.SetIntValue("ID", token->user_id);
  });
}

Response RevokeToken(const Site& site, AdminServices& services, const Request& req) {
  const auto owner = services.tokens.Revoke(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"));
  if (!owner) {
    return ErrorPageFor(site, req, owner.error());
  }
  return BackToOfficer(*owner, "token");
}

}  // namespace

void AddOfficerAdminPages(access::RouteTable& routes, const Site& site,
                          const std::shared_ptr<AdminServices>& services) {
  constexpr domain::Permission kAdmin = domain::Permission::kAdministerOfficers;
  static constexpr PageRoute<AdminServices> kRoutes[] = {
      {"GET", "/quan-tri/can-bo/{id}", kAdmin, OfficerPage},
      {"POST", "/quan-tri/can-bo/{id}/vai-tro", kAdmin, GrantRole},
      {"POST", "/quan-tri/can-bo/{id}/vai-tro/xoa", kAdmin, RevokeRole},
      {"POST", "/quan-tri/can-bo/{id}/trang-thai", kAdmin, SetOfficerStatus},
      {"POST", "/quan-tri/can-bo/{id}/mat-khau", kAdmin, ResetOfficerPassword},
      {"POST", "/quan-tri/can-bo/{id}/phien/thu-hoi", kAdmin, RevokeOfficerSessions},
      {"POST", "/quan-tri/can-bo/{id}/token", kAdmin, CreateToken},
      {"POST", "/quan-tri/token/{id}/thu-hoi", kAdmin, RevokeToken},
  };
  AddPageRoutes<AdminServices>(routes, site, services, kRoutes);
}

}  // namespace motcua::web
