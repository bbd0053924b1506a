// Administration of one officer: the officer's page, roles at agencies, status, password reset, sessions and API
// tokens. The handlers parse the form, call service::Officers or service::ApiTokens and render the result.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
          d.ShowSection(disabled ? "TO_ENABLE" : "TO_DISABLE");
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

//! The officer's details for a confirmation page (no journal entry: the page names the officer only), or the
//! error page for an officer outside the actor's scope.
std::optional<service::OfficerDetails> ConfirmTarget(const Site& site, AdminServices& services, const Request& req,
                                                     int64_t id, Response& refused) {
  auto details = services.officers.Details(access::ActorOf(req), *site.catalogue(), id);
  if (!details) {
    refused = ErrorPageFor(site, req, details.error());
    return std::nullopt;
  }
  return std::move(*details);
}

//! The rows naming the officer an action is about.
std::vector<std::pair<std::string, std::string>> OfficerFacts(const Site& site, std::string_view lang,
                                                              const domain::Account& a) {
  return {{site.T(lang, "Cán bộ"), a.full_name}, {site.T(lang, "Tên đăng nhập"), a.login_name}};
}

std::string OfficerUrl(int64_t id) { return fmt::format("/quan-tri/can-bo/{}", id); }

//! A field of the action a confirmation page is about: from the query string of its GET, or from the form of a POST
//! sent without confirmation (the officer page of an older version, a script), which is answered with that page.
std::string ActionField(const Request& req, std::string_view name) {
  return req.method == "POST" ? Form(req).Text(name) : std::string(req.Query(name));
}

//! Label and value rows of a confirmation page.
using Facts = std::vector<std::pair<std::string, std::string>>;

//! What an action on an officer's account says before it is done (message ids, translated on the page).
struct OfficerAction {
  const char* question;     //!< The page's heading.
  const char* consequence;  //!< What will happen.
  const char* path;         //!< Where the confirming POST goes, under /quan-tri/can-bo/{id}/.
  const char* button;       //!< The confirming button's text.
};

//! The confirmation page of `action` on the officer of the route's id: their name and login, then the rows `more`
//! gives, and `hidden` repeated by the POST; the error page for an officer outside the actor's scope.
Response OfficerConfirm(const Site& site, AdminServices& services, const Request& req, const OfficerAction& action,
                        const std::function<Facts(const service::OfficerDetails&)>& more = {}, Facts hidden = {}) {
  const std::string lang = site.Lang(req);
  const int64_t id = IdParam(req, "id");
  Response refused;
  const auto officer = ConfirmTarget(site, services, req, id, refused);
  if (!officer) {
    return refused;
  }
  Facts facts = OfficerFacts(site, lang, officer->account);
  if (more) {
    std::ranges::move(more(*officer), std::back_inserter(facts));
  }
  return ConfirmPage(site, req,
                     Confirmation{site.T(lang, action.question), std::move(facts), site.T(lang, action.consequence),
                                  fmt::format("/quan-tri/can-bo/{}/{}", id, action.path), std::move(hidden),
                                  site.T(lang, action.button), OfficerUrl(id)});
}

Response RevokeRoleConfirm(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string role_code = ActionField(req, "vai_tro");
  const std::string agency_code = ActionField(req, "co_quan");
  const auto role = domain::ParseRole(role_code);
  const domain::Agency* agency = site.catalogue()->FindAgency(agency_code);
  if (!role || agency == nullptr) {
    return ErrorPageFor(site, req, domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không có vai trò này để bỏ.")));
  }
  static constexpr OfficerAction kRevokeRole{N_("Bỏ vai trò này của cán bộ?"),
                                             N_("Cán bộ sẽ mất quyền của vai trò này ngay và phải đăng nhập lại."),
                                             "vai-tro/xoa", N_("Bỏ vai trò")};
  return OfficerConfirm(site, services, req, kRevokeRole,
                        [&](const service::OfficerDetails&) {
                          return Facts{{site.T(lang, "Vai trò"), site.T(lang, domain::RoleName(*role))},
                                       {site.T(lang, "Cơ quan"), agency->name}};
                        },
                        {{"vai_tro", role_code}, {"co_quan", agency_code}});
}

Response RevokeRole(const Site& site, AdminServices& services, const Request& req) {
  const Form form(req);
  const int64_t id = IdParam(req, "id");
  if (!Confirmed(req)) {
    return RevokeRoleConfirm(site, services, req);  // the first POST only asks
  }
  const auto revoked = services.officers.Revoke(access::ActorOf(req), *site.catalogue(), id,
                                                service::GrantInput{form.Text("vai_tro"), form.Text("co_quan"), {}});
  if (!revoked) {
    return ErrorPageFor(site, req, revoked.error());
  }
  return BackToOfficer(id, "bo-vai-tro");
}

Response DisableOfficerConfirm(const Site& site, AdminServices& services, const Request& req) {
  static constexpr OfficerAction kDisable{
      N_("Khóa tài khoản của cán bộ?"),
      N_("Cán bộ bị đăng xuất khỏi mọi phiên và không đăng nhập được cho đến khi tài khoản được mở khóa."),
      "trang-thai", N_("Khóa tài khoản")};
  return OfficerConfirm(site, services, req, kDisable, {}, {{"trang_thai", "disabled"}});
}

Response SetOfficerStatus(const Site& site, AdminServices& services, const Request& req) {
  const int64_t id = IdParam(req, "id");
  const std::string wanted = Form(req).Text("trang_thai");
  // Locking asks first; unlocking takes nothing away and is done at once.
  if (wanted != "active" && !Confirmed(req)) {
    return DisableOfficerConfirm(site, services, req);
  }
  const auto status = services.officers.SetStatus(access::ActorOf(req), *site.catalogue(), id, wanted);
  if (!status) {
    return ErrorPageFor(site, req, status.error());
  }
  return BackToOfficer(id, "trang-thai");
}

Response ResetOfficerPasswordConfirm(const Site& site, AdminServices& services, const Request& req) {
  static constexpr OfficerAction kResetPassword{
      N_("Đặt lại mật khẩu của cán bộ?"),
      N_("Mật khẩu hiện tại hết hiệu lực ngay, cán bộ bị đăng xuất khỏi mọi phiên và phải đặt mật khẩu mới bằng mã "
         "một lần. Cán bộ sẽ nhận tin nhắn và thư báo việc này."),
      "mat-khau", N_("Đặt lại mật khẩu")};
  return OfficerConfirm(site, services, req, kResetPassword);
}

Response ResetOfficerPassword(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  if (!Confirmed(req)) {
    return ResetOfficerPasswordConfirm(site, services, req);
  }
  const auto issued = services.officers.ResetPassword(access::ActorOf(req), *site.catalogue(), IdParam(req, "id"));
  if (!issued) {
    return ErrorPageFor(site, req, issued.error());
  }
  return CodeSlip(site, req, site.T(lang, "Đã đặt lại mật khẩu"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, fmt::format("/quan-tri/can-bo/{}", issued->user_id), site.T(lang, "Xem cán bộ"));
}

Response RevokeOfficerSessionsConfirm(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  static constexpr OfficerAction kRevokeSessions{N_("Đăng xuất mọi phiên của cán bộ?"),
                                                 N_("Cán bộ bị đăng xuất trên mọi thiết bị và phải đăng nhập lại."),
                                                 "phien/thu-hoi", N_("Đăng xuất mọi phiên")};
  return OfficerConfirm(site, services, req, kRevokeSessions, [&](const service::OfficerDetails& officer) {
    return Facts{{site.T(lang, "Phiên đang mở"), std::to_string(officer.live_sessions)}};
  });
}

Response RevokeOfficerSessions(const Site& site, AdminServices& services, const Request& req) {
  const int64_t id = IdParam(req, "id");
  if (!Confirmed(req)) {
    return RevokeOfficerSessionsConfirm(site, services, req);
  }
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

//! The token revocation's confirmation: the token's officer must be in the actor's scope.
Response RevokeTokenConfirm(const Site& site, AdminServices& services, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t token_id = IdParam(req, "id");
  const auto owner = services.tokens.Owner(access::ActorOf(req), *site.catalogue(), token_id);
  if (!owner) {
    return ErrorPageFor(site, req, owner.error());
  }
  const int64_t officer_id = *owner;
  Response refused;
  const auto officer = ConfirmTarget(site, services, req, officer_id, refused);
  if (!officer) {
    return refused;
  }
  const auto token = std::find_if(officer->tokens.begin(), officer->tokens.end(),
                                  [&](const domain::ApiToken& t) { return t.id == token_id && !t.revoked_at; });
  if (token == officer->tokens.end()) {
    return ErrorPageFor(site, req, service::OfficerNotFound());
  }
  auto facts = OfficerFacts(site, lang, officer->account);
  facts.emplace_back(site.T(lang, "Mã truy cập API"), fmt::format("{} ({}…)", token->name, token->prefix));
  return ConfirmPage(
      site, req,
      Confirmation{site.T(lang, "Thu hồi mã truy cập API này?"),
                   std::move(facts),
                   site.T(lang, "Hệ thống nào đang dùng mã này sẽ bị từ chối ngay từ yêu cầu tiếp theo."),
                   fmt::format("/quan-tri/token/{}/thu-hoi", token_id),
                   {},
                   site.T(lang, "Thu hồi"),
                   OfficerUrl(officer_id)});
}

Response RevokeToken(const Site& site, AdminServices& services, const Request& req) {
  if (!Confirmed(req)) {
    return RevokeTokenConfirm(site, services, req);
  }
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
      {"GET", "/quan-tri/can-bo/{id}/vai-tro/xoa", kAdmin, RevokeRoleConfirm},
      {"POST", "/quan-tri/can-bo/{id}/vai-tro/xoa", kAdmin, RevokeRole},
      {"GET", "/quan-tri/can-bo/{id}/trang-thai", kAdmin, DisableOfficerConfirm},
      {"POST", "/quan-tri/can-bo/{id}/trang-thai", kAdmin, SetOfficerStatus},
      {"GET", "/quan-tri/can-bo/{id}/mat-khau", kAdmin, ResetOfficerPasswordConfirm},
      {"POST", "/quan-tri/can-bo/{id}/mat-khau", kAdmin, ResetOfficerPassword},
      {"GET", "/quan-tri/can-bo/{id}/phien/thu-hoi", kAdmin, RevokeOfficerSessionsConfirm},
      {"POST", "/quan-tri/can-bo/{id}/phien/thu-hoi", kAdmin, RevokeOfficerSessions},
      {"POST", "/quan-tri/can-bo/{id}/token", kAdmin, CreateToken},
      {"GET", "/quan-tri/token/{id}/thu-hoi", kAdmin, RevokeTokenConfirm},
      {"POST", "/quan-tri/token/{id}/thu-hoi", kAdmin, RevokeToken},
  };
  AddPageRoutes<AdminServices>(routes, site, services, kRoutes);
}

}  // namespace motcua::web
