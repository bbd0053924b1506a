// Administration: officers, their roles at agencies, password resets, sessions, API tokens and the audit journal.
// Every object-level decision goes through domain/policy (CanManageOfficer, CanGrant).
#include <fmt/format.h>

#include <charconv>

#include <boost/json.hpp>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "security/crypto.hpp"
#include "store/audit_store.hpp"
#include "web/account_pages.hpp"
#include "web/journal.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Exec;
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
constexpr InputSpec kTokenNameField{
    "ten_token", N_("Mã dùng cho việc gì"), N_("Ví dụ: đồng bộ số liệu thống kê của Sở Tư pháp"), "text", "off", ""};
constexpr InputSpec kPersonField{
    "nguoi", N_("Người thực hiện hoặc người bị tác động"), N_("Tên hoặc mã tài khoản"), "text", "off", ""};
constexpr InputSpec kObjectField{"doi_tuong", N_("Đối tượng"), N_("Ví dụ user:12 hoặc 12"), "text", "off", ""};
constexpr InputSpec kActionField{"hanh_dong", N_("Hành động"), N_("Ví dụ login. hoặc account.create"),
                                 "text",      "off",           ""};
constexpr InputSpec kFromField{"tu_ngay", N_("Từ ngày"), nullptr, "date", "off", ""};
constexpr InputSpec kToField{"den_ngay", N_("Đến hết ngày"), nullptr, "date", "off", ""};

constexpr size_t kTokenBytes = 32;
constexpr size_t kTokenPrefixChars = 8;
constexpr std::string_view kTokenScheme = "mct_";
constexpr size_t kMaxTokenName = 100;
constexpr int32_t kAuditPage = 50;
constexpr int64_t kMicrosPerSecond = 1000000;

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

void AddRoleSelect(const Site& site, std::string_view lang, TemplateDictionary& page, const domain::Principal& p,
                   const std::string& chosen, const FieldErrors& errors) {
  TemplateDictionary* d = page.AddIncludeDictionary("F_ROLE");
  d->SetFilename(Templates::Key(lang, "partials/role_select"));
  d->SetValue("NAME", "vai_tro");
  d->SetValue("LABEL", site.T(lang, "Vai trò"));
  for (const domain::Role r : domain::kAllRoles) {
    if (r == domain::Role::kSystemAdmin && !p.Has(domain::Role::kSystemAdmin)) {
      continue;  // only a system administrator can make another
    }
    TemplateDictionary* o = d->AddSectionDictionary("OPTIONS");
    o->SetValue("VALUE", std::string(domain::RoleCode(r)));
    o->SetValue("TEXT", site.T(lang, domain::RoleName(r)));
    if (chosen == domain::RoleCode(r)) {
      o->ShowSection("SELECTED");
    }
  }
  if (const std::string e = errors.Of("vai_tro"); !e.empty()) {
    d->SetValueAndShowSection("ERROR", e, "HAS_ERROR");
  }
}

void AddAgencySelect(const Site& site, std::string_view lang, TemplateDictionary& page,
                     const domain::Catalogue& catalogue, const domain::Principal& p, const std::string& chosen,
                     const FieldErrors& errors) {
  TemplateDictionary* d = page.AddIncludeDictionary("F_AGENCY");
  d->SetFilename(Templates::Key(lang, "partials/role_select"));
  d->SetValue("NAME", "co_quan");
  d->SetValue("LABEL", site.T(lang, "Tại cơ quan"));
  for (const domain::Agency* a : AgenciesInScope(catalogue, p)) {
    TemplateDictionary* o = d->AddSectionDictionary("OPTIONS");
    o->SetValue("VALUE", a->code);
    o->SetValue("TEXT", a->name);
    if (chosen == a->code) {
      o->ShowSection("SELECTED");
    }
  }
  if (const std::string e = errors.Of("co_quan"); !e.empty()) {
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

Response AdminHome(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = CallerOf(req).principal;
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

Response OfficerList(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = CallerOf(req).principal;
  const auto catalogue = site.catalogue();
  const std::string q = domain::Fold(req.Query("q"));
  std::vector<domain::Account> officers;
  accounts.db().Read([&](store::Session& s) { officers = store::ListOfficers(s); });
  std::erase_if(officers, [&](const domain::Account& a) {
    return !domain::CanManageOfficer(p, *catalogue, a.grants) ||
           (!q.empty() && domain::Fold(a.full_name).find(q) == std::string::npos &&
            domain::Fold(a.login_name).find(q) == std::string::npos);  // folded alike: "tiepnhan.tpnd" has a dot
  });
  return site.Page(req, "admin/officers", site.T(lang, "Cán bộ và vai trò"), [&](TemplateDictionary& d) {
    d.SetValue("Q", std::string(req.Query("q")));
    d.SetValue("COUNT", fmt::format("{} {}", officers.size(),
                                    site.TN(lang, "cán bộ", "cán bộ", static_cast<int64_t>(officers.size()))));
    for (const domain::Account& a : officers) {
      TemplateDictionary* row = d.AddSectionDictionary("OFFICERS");
      row->SetIntValue("ID", a.id);
      row->SetValue("NAME", a.full_name);
      row->SetValue("LOGIN", a.login_name);
      row->SetValue("ROLES", RolesText(site, lang, *catalogue, a.grants));
      row->SetValue("STATUS", StatusName(site, lang, a.status));
    }
  });
}

struct OfficerInput {
  std::string name, login, phone, email, role, agency;
};

Response RenderOfficerNew(const Site& site, const Request& req, const OfficerInput& in, const FieldErrors& errors,
                          int32_t status) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const domain::Principal& p = CallerOf(req).principal;
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

//! Checks a role and agency from a form against what `p` may grant.
std::optional<domain::Role> CheckGrant(const Site& site, std::string_view lang, const domain::Catalogue& catalogue,
                                       const domain::Principal& p, const std::string& role_code,
                                       const std::string& agency, FieldErrors& errors) {
  const auto role = domain::ParseRole(role_code);
  if (!role) {
    errors.Add("vai_tro", site.T(lang, "Chọn một vai trò"));
    return std::nullopt;
  }
  if (catalogue.FindAgency(agency) == nullptr) {
    errors.Add("co_quan", site.T(lang, "Chọn một cơ quan"));
    return std::nullopt;
  }
  if (!domain::CanGrant(p, catalogue, *role, agency)) {
    errors.Add("vai_tro", site.T(lang, "Bạn không được giao vai trò này tại cơ quan này"));
    return std::nullopt;
  }
  return role;
}

Response OfficerCreate(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const Caller& caller = CallerOf(req);
  const auto catalogue = site.catalogue();
  const OfficerInput in{form.Text("ho_ten"), form.Text("ten_dang_nhap"), form.Text("dien_thoai"),
                        form.Text("email"),  form.Text("vai_tro"),       form.Text("co_quan")};
  FieldErrors errors;
  const domain::Checked name = domain::CheckPersonName(in.name);
  if (!name.ok()) {
    errors.Add("ho_ten", site.T(lang, name.error));
  }
  const domain::Checked login = domain::CheckLoginName(in.login);
  if (!login.ok()) {
    errors.Add("ten_dang_nhap", site.T(lang, login.error));
  }
  domain::Checked phone;
  if (!domain::CollapseSpaces(in.phone).empty()) {
    phone = domain::CheckMobilePhone(in.phone);
    if (!phone.ok()) {
      errors.Add("dien_thoai", site.T(lang, phone.error));
    }
  }
  const domain::Checked email = domain::CheckEmail(in.email);
  if (!email.ok()) {
    errors.Add("email", site.T(lang, email.error));
  }
  const auto role = CheckGrant(site, lang, *catalogue, caller.principal, in.role, in.agency, errors);
  if (!errors.empty()) {
    return RenderOfficerNew(site, req, in, errors, http::kUnprocessable);
  }
  store::NewAccount account;
  account.login_name = login.value;
  account.phone = phone.value;
  account.email = email.value;
  account.full_name = name.value;
  account.status = domain::AccountStatus::kPending;
  account.created_by = caller.principal.user_id;
  std::string code;
  int64_t id = 0;
  const int64_t now = UnixNow();
  const store::Conflict conflict = store::WriteAccountCreation(accounts.db(), account, [&](store::Session& s) {
    const store::Created created = store::InsertAccountUnlessTaken(s, account, domain::Instant::FromSeconds(now));
    if (created.id == 0) {
      return created.conflict;
    }
    id = created.id;
    store::AddGrant(s, id, domain::Grant{*role, in.agency, {}}, caller.principal.user_id,
                    domain::Instant::FromSeconds(now));
    code = accounts.IssueCode(s, id, store::CodePurpose::kSetup, caller.principal.user_id);
    Journal(
        s, req, caller,
        {"officer.create", "user", std::to_string(id),
         boost::json::serialize(boost::json::object{{"after", boost::json::object{{"login_name", account.login_name},
                                                                                  {"full_name", account.full_name},
                                                                                  {"role", domain::RoleCode(*role)},
                                                                                  {"agency", in.agency}}}})});
    return store::Conflict::kNone;
  });
  if (conflict == store::Conflict::kLoginName) {
    errors.Add("ten_dang_nhap", site.T(lang, "Tên đăng nhập này đã có người dùng. Hãy chọn tên khác"));
  } else if (conflict == store::Conflict::kPhone) {
    errors.Add("dien_thoai", site.T(lang, "Số điện thoại này đã được dùng cho một tài khoản khác."));
  }
  if (!errors.empty()) {
    return RenderOfficerNew(site, req, in, errors, http::kConflict);
  }
  constexpr int64_t kSetupSeconds = int64_t{7} * 24 * 3600;
  return CodeSlip(site, req, site.T(lang, "Đã thêm cán bộ"), account.full_name, account.login_name, code,
                  now + kSetupSeconds, fmt::format("/quan-tri/can-bo/{}", id), site.T(lang, "Xem cán bộ"));
}

//! Loads the officer of the URL when the caller may manage them; nothing otherwise (shown as "not found").
std::optional<domain::Account> ManagedOfficer(const Site& site, Accounts& accounts, const Request& req) {
  const int64_t id = IdParam(req, "id");
  std::optional<domain::Account> account;
  accounts.db().Read([&](store::Session& s) { account = store::FindAccount(s, id); });
  if (!account || !domain::CanManageOfficer(CallerOf(req).principal, *site.catalogue(), account->grants) ||
      account->login_name.empty()) {
    return std::nullopt;
  }
  return account;
}

Response NotManaged(const Site& site, const Request& req) {
  return site.ErrorPage(req, http::kNotFound,
                        site.T(site.Lang(req), "Không có cán bộ này trong phạm vi bạn quản trị."));
}

std::string NoticeText(const Site& site, std::string_view lang, std::string_view key) {
  if (key == "vai-tro") {
    return site.T(lang, "Đã giao vai trò. Cán bộ sẽ phải đăng nhập lại.");
  }
  if (key == "bo-vai-tro") {
    return site.T(lang, "Đã bỏ vai trò. Cán bộ sẽ phải đăng nhập lại.");
  }
  if (key == "trang-thai") {
    return site.T(lang, "Đã đổi trạng thái tài khoản.");
  }
  if (key == "phien") {
    return site.T(lang, "Đã đăng xuất mọi phiên của cán bộ.");
  }
  if (key == "token") {
    return site.T(lang, "Đã thu hồi mã truy cập API.");
  }
  return {};
}

Response RenderOfficer(const Site& site, Accounts& accounts, const Request& req, const domain::Account& a,
                       const std::string& role, const std::string& agency, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = CallerOf(req).principal;
  const auto catalogue = site.catalogue();
  std::vector<domain::ApiToken> tokens;
  size_t sessions = 0;
  accounts.db().Read([&](store::Session& s) {
    tokens = store::ListApiTokens(s, a.id);
    sessions =
        store::ListSessions(s, a.id, domain::Instant::FromSeconds(UnixNow()), accounts.auth().idle_seconds()).size();
  });
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
        d.SetIntValue("SESSION_COUNT", static_cast<int64_t>(sessions));
        for (const domain::Grant& g : a.grants) {
          TemplateDictionary* row = d.AddSectionDictionary("GRANTS");
          row->SetValue("ROLE", std::string(domain::RoleCode(g.role)));
          row->SetValue("ROLE_NAME", site.T(lang, domain::RoleName(g.role)));
          row->SetValue("AGENCY", g.agency_code);
          const domain::Agency* ag = catalogue->FindAgency(g.agency_code);
          row->SetValue("AGENCY_NAME", ag != nullptr ? ag->name : g.agency_code);
          std::string fields;
          for (const std::string& code : g.fields) {
            const domain::Field* f = catalogue->FindField(code);
            fields += (fields.empty() ? "" : ", ") + (f != nullptr ? f->name : code);
          }
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
        for (const domain::ApiToken& t : tokens) {
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

Response OfficerPage(const Site& site, Accounts& accounts, const Request& req) {
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  // The page shows the officer's contact details: viewing them is recorded like any personal data.
  accounts.db().Write([&](store::Session& s) {
    Journal(s, req, CallerOf(req), {"officer.view", "user", std::to_string(a->id), ""});
  });
  return RenderOfficer(site, accounts, req, *a, "", "", {}, http::kOk);
}

std::string GrantSummary(const char* key, domain::Role role, const std::string& agency) {
  return boost::json::serialize(
      boost::json::object{{key, boost::json::object{{"role", domain::RoleCode(role)}, {"agency", agency}}}});
}

Response GrantRole(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Form form(req);
  const Caller& caller = CallerOf(req);
  FieldErrors errors;
  const std::string role_code = form.Text("vai_tro");
  const std::string agency = form.Text("co_quan");
  const auto role = CheckGrant(site, lang, *site.catalogue(), caller.principal, role_code, agency, errors);
  // Fields of responsibility: none ticked means every field.
  std::vector<std::string> fields = form.All("linh_vuc");
  for (const std::string& f : fields) {
    if (site.catalogue()->FindField(f) == nullptr) {
      errors.Add("linh_vuc", site.T(lang, "Chọn lĩnh vực trong danh sách"));
    }
  }
  if (!role || !errors.empty()) {
    return RenderOfficer(site, accounts, req, *a, role_code, agency, errors, http::kUnprocessable);
  }
  accounts.db().Write([&](store::Session& s) {
    const int64_t now = UnixNow();
    if (!store::AddGrant(s, a->id, domain::Grant{*role, agency, fields}, caller.principal.user_id,
                         domain::Instant::FromSeconds(now))) {
      return;
    }
    // A privilege change ends the officer's sessions: the next sign-in gets a new session id.
    store::RevokeSessions(s, a->id, domain::Instant::FromSeconds(now));
    Journal(s, req, caller, {"role.grant", "user", std::to_string(a->id), GrantSummary("after", *role, agency)});
  });
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb=vai-tro", a->id));
}

Response RevokeRole(const Site& site, Accounts& accounts, Request& req) {
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Form form(req);
  const Caller& caller = CallerOf(req);
  const auto role = domain::ParseRole(form.Text("vai_tro"));
  const std::string agency = form.Text("co_quan");
  // A malformed form is a bad request; only a well-formed grant outside the caller's scope is forbidden.
  if (!role || site.catalogue()->FindAgency(agency) == nullptr) {
    return site.ErrorPage(req, http::kBadRequest, site.T(site.Lang(req), "Không có vai trò này để bỏ."));
  }
  if (!domain::CanGrant(caller.principal, *site.catalogue(), *role, agency)) {
    return site.ErrorPage(req, http::kForbidden, site.T(site.Lang(req), "Bạn không được bỏ vai trò này."));
  }
  accounts.db().Write([&](store::Session& s) {
    if (!store::RemoveGrant(s, a->id, *role, agency)) {
      return;
    }
    store::RevokeSessions(s, a->id, domain::Instant::FromSeconds(UnixNow()));
    Journal(s, req, caller, {"role.revoke", "user", std::to_string(a->id), GrantSummary("before", *role, agency)});
  });
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb=bo-vai-tro", a->id));
}

Response SetOfficerStatus(const Site& site, Accounts& accounts, Request& req) {
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Caller& caller = CallerOf(req);
  const std::string wanted = Form(req).Text("trang_thai");
  if (a->id == caller.principal.user_id || (wanted != "active" && wanted != "disabled")) {
    return site.ErrorPage(req, http::kBadRequest, site.T(site.Lang(req), "Không đổi được trạng thái này."));
  }
  const domain::AccountStatus next = domain::ParseStatus(wanted);
  accounts.db().Write([&](store::Session& s) {
    // Re-enabling an account that never had a password leaves it waiting for one.
    const domain::AccountStatus stored =
        next == domain::AccountStatus::kActive && a->password_hash.empty() ? domain::AccountStatus::kPending : next;
    store::SetStatus(s, a->id, stored);
    if (next == domain::AccountStatus::kDisabled) {
      store::RevokeSessions(s, a->id, domain::Instant::FromSeconds(UnixNow()));
    }
    Journal(
        s, req, caller,
        {next == domain::AccountStatus::kDisabled ? "account.disable" : "account.enable", "user", std::to_string(a->id),
         fmt::format(R"({{"before":"{}","after":"{}"}})", domain::StatusCode(a->status), domain::StatusCode(stored))});
  });
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb=trang-thai", a->id));
}

Response ResetOfficerPassword(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Caller& caller = CallerOf(req);
  std::string code;
  const int64_t now = UnixNow();
  accounts.db().Write([&](store::Session& s) {
    // The old password stops working at once; the officer chooses a new one with the code.
    store::ReplacePasswordHash(s, a->id, "");
    store::RevokeSessions(s, a->id, domain::Instant::FromSeconds(now));
    code = accounts.IssueCode(s, a->id, store::CodePurpose::kSetup, caller.principal.user_id);
    Journal(s, req, caller, {"password.admin_reset", "user", std::to_string(a->id), ""});
  });
  constexpr int64_t kSetupSeconds = int64_t{7} * 24 * 3600;
  return CodeSlip(site, req, site.T(lang, "Đã đặt lại mật khẩu"), a->full_name, a->login_name, code,
                  now + kSetupSeconds, fmt::format("/quan-tri/can-bo/{}", a->id), site.T(lang, "Xem cán bộ"));
}

Response RevokeOfficerSessions(const Site& site, Accounts& accounts, Request& req) {
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Caller& caller = CallerOf(req);
  accounts.db().Write([&](store::Session& s) {
    const int64_t n = store::RevokeSessions(s, a->id, domain::Instant::FromSeconds(UnixNow()));
    Journal(s, req, caller,
            {"session.revoke_all", "user", std::to_string(a->id), fmt::format(R"({{"sessions":{}}})", n)});
  });
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb=phien", a->id));
}

Response CreateToken(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const auto a = ManagedOfficer(site, accounts, req);
  if (!a) {
    return NotManaged(site, req);
  }
  const Caller& caller = CallerOf(req);
  const domain::Checked name = domain::CheckOrganisationName(Form(req).Text("ten_token"));
  if (!name.ok() || name.value.size() > kMaxTokenName) {
    FieldErrors errors;
    errors.Add("ten_token", site.T(lang, "Ghi mã dùng cho việc gì (2 đến 100 ký tự)"));
    return RenderOfficer(site, accounts, req, *a, "", "", errors, http::kUnprocessable);
  }
  const std::string token = std::string(kTokenScheme) + security::RandomToken(kTokenBytes);
  accounts.db().Write([&](store::Session& s) {
    const int64_t id = store::InsertApiToken(s, a->id, name.value, security::Sha256Hex(token),
                                             token.substr(0, kTokenScheme.size() + kTokenPrefixChars),
                                             caller.principal.user_id, domain::Instant::FromSeconds(UnixNow()));
    Journal(s, req, caller,
            {"api_token.create", "api_token", std::to_string(id),
             boost::json::serialize(boost::json::object{{"user", a->id}, {"name", name.value}})});
  });
  return site.Page(req, "admin/token_created", site.T(lang, "Đã tạo mã truy cập API"), [&](TemplateDictionary& d) {
    d.SetValue("TOKEN", token);
    d.SetIntValue("ID", a->id);
  });
}

Response RevokeToken(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Caller& caller = CallerOf(req);
  const int64_t id = IdParam(req, "id");
  std::optional<domain::ApiToken> token;
  std::optional<domain::Account> owner;
  accounts.db().Read([&](store::Session& s) {
    token = store::FindApiToken(s, id);
    if (token) {
      owner = store::FindAccount(s, token->user_id);
    }
  });
  if (!token || !owner || !domain::CanManageOfficer(caller.principal, *site.catalogue(), owner->grants)) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không có mã truy cập này trong phạm vi bạn quản trị."));
  }
  accounts.db().Write([&](store::Session& s) {
    if (store::RevokeApiToken(s, id, domain::Instant::FromSeconds(UnixNow()))) {
      Journal(s, req, caller, {"api_token.revoke", "api_token", std::to_string(id), ""});
    }
  });
  return Response::Redirect(fmt::format("/quan-tri/can-bo/{}?tb=token", owner->id));
}

Response AllSessions(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  std::vector<domain::SessionInfo> sessions;
  accounts.db().Write([&](store::Session& s) {
    Journal(s, req, CallerOf(req), {"sessions.view", "", "", ""});
    sessions = store::ListSessions(s, 0, domain::Instant::FromSeconds(UnixNow()), accounts.auth().idle_seconds());
  });
  return site.Page(req, "admin/sessions", site.T(lang, "Các phiên đăng nhập đang mở"), [&](TemplateDictionary& d) {
    d.SetValue("COUNT", fmt::format("{} {}", sessions.size(),
                                    site.TN(lang, "phiên", "phiên", static_cast<int64_t>(sessions.size()))));
    for (const domain::SessionInfo& si : sessions) {
      TemplateDictionary* row = d.AddSectionDictionary("SESSIONS");
      row->SetValue("USER", si.user_name);
      row->SetValue("IP", si.ip);
      row->SetValue("AGENT", si.user_agent);
      row->SetValue("CREATED", LocalTime(si.created_at));
      row->SetValue("SEEN", LocalTime(si.last_seen_at));
    }
  });
}

Response AuditPage(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  store::AuditFilter filter;
  filter.person = std::string(req.Query("nguoi"));
  filter.object = std::string(req.Query("doi_tuong"));
  filter.action = std::string(req.Query("hanh_dong"));
  filter.limit = kAuditPage + 1;
  FieldErrors errors;
  const std::string from(req.Query("tu_ngay"));
  const std::string to(req.Query("den_ngay"));
  if (!from.empty()) {
    if (const auto start = VietnamDayStart(from, 0)) {
      filter.from_us = *start * kMicrosPerSecond;
    } else {
      errors.Add("tu_ngay", site.T(lang, "Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26"));
    }
  }
  if (!to.empty()) {
    if (const auto start = VietnamDayStart(to, 1)) {
      filter.to_us = *start * kMicrosPerSecond;
    } else {
      errors.Add("den_ngay", site.T(lang, "Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26"));
    }
  }
  const std::string_view before = req.Query("truoc");
  std::from_chars(before.data(), before.data() + before.size(), filter.before_id);
  std::vector<domain::AuditEntry> entries;
  if (errors.empty()) {
    entries = store::SearchAudit(accounts.db(), filter);
  }
  const bool more = entries.size() > static_cast<size_t>(kAuditPage);
  if (more) {
    entries.resize(static_cast<size_t>(kAuditPage));
  }
  return site.Page(req, "admin/audit", site.T(lang, "Nhật ký hệ thống"), [&](TemplateDictionary& d) {
    AddErrorSummary(lang, d, errors);
    AddInput(site, lang, d, "F_PERSON", kPersonField, filter.person, errors);
    AddInput(site, lang, d, "F_OBJECT", kObjectField, filter.object, errors);
    AddInput(site, lang, d, "F_ACTION", kActionField, filter.action, errors);
    AddInput(site, lang, d, "F_FROM", kFromField, from, errors);
    AddInput(site, lang, d, "F_TO", kToField, to, errors);
    d.SetValue("COUNT",
               fmt::format("{} {}", entries.size(), site.TN(lang, "mục", "mục", static_cast<int64_t>(entries.size()))));
    constexpr int64_t kMicro = 1000000;
    for (const domain::AuditEntry& e : entries) {
      TemplateDictionary* row = d.AddSectionDictionary("ENTRIES");
      row->SetValue("SEQ", e.seq > 0 ? std::to_string(e.seq) : std::string("–"));  // – : not sealed yet
      row->SetValue("TIME", LocalTime(e.at_us / kMicro));
      row->SetValue("ACTOR", e.actor_id ? fmt::format("{} (#{})", e.actor_name, *e.actor_id)
                                        : site.T(lang, "Khách chưa đăng nhập"));
      if (!e.actor_role.empty()) {
        row->SetValue("ROLE", e.actor_role);
        row->SetValue("AGENCY", e.actor_agency);
        row->ShowSection("HAS_ROLE");
      }
      row->SetValue("ACTION", e.action);
      row->SetValue("OBJECT", e.object_type.empty() ? "" : e.object_type + ":" + e.object_id);
      row->SetValue("IP", e.ip);
      row->SetValue("REQUEST_ID", e.request_id);
      row->SetValue("SUMMARY", e.summary);
    }
    if (more && !entries.empty()) {
      std::string url = "/quan-tri/nhat-ky?";
      for (const auto& [k, v] : req.query) {
        if (k != "truoc" && k != "lang") {
          url += http::PercentEncode(k) + "=" + http::PercentEncode(v) + "&";
        }
      }
      d.SetValueAndShowSection("MORE_URL", url + "truoc=" + std::to_string(entries.back().id), "MORE");
    }
  });
}

}  // namespace

void AddAdminPages(RouteTable& routes, const Site& site, Accounts& accounts) {
  const Site* s = &site;
  Accounts* a = &accounts;
  routes.Add(
      "GET", "/quan-tri", Permission::kAdministerOfficers, [s](Request& r) { return AdminHome(*s, r); }, Exec::kPool);
  routes.Add(
      "GET", "/quan-tri/can-bo", Permission::kAdministerOfficers, [s, a](Request& r) { return OfficerList(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/quan-tri/can-bo/moi", Permission::kAdministerOfficers,
      [s](Request& r) { return RenderOfficerNew(*s, r, OfficerInput{}, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/moi", Permission::kAdministerOfficers,
      [s, a](Request& r) { return OfficerCreate(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/quan-tri/can-bo/{id}", Permission::kAdministerOfficers,
      [s, a](Request& r) { return OfficerPage(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/vai-tro", Permission::kAdministerOfficers,
      [s, a](Request& r) { return GrantRole(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/vai-tro/xoa", Permission::kAdministerOfficers,
      [s, a](Request& r) { return RevokeRole(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/trang-thai", Permission::kAdministerOfficers,
      [s, a](Request& r) { return SetOfficerStatus(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/mat-khau", Permission::kAdministerOfficers,
      [s, a](Request& r) { return ResetOfficerPassword(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/phien/thu-hoi", Permission::kAdministerOfficers,
      [s, a](Request& r) { return RevokeOfficerSessions(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/can-bo/{id}/token", Permission::kAdministerOfficers,
      [s, a](Request& r) { return CreateToken(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/token/{id}/thu-hoi", Permission::kAdministerOfficers,
      [s, a](Request& r) { return RevokeToken(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/quan-tri/phien", Permission::kViewAudit, [s, a](Request& r) { return AllSessions(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/quan-tri/nhat-ky", Permission::kViewAudit, [s, a](Request& r) { return AuditPage(*s, *a, r); },
      Exec::kPool);
}

}  // namespace motcua::web
