// Back-office pages for officers: their home, and the counter work on citizens' accounts ("cầm tay chỉ việc":
// the desk officer creates the account with the citizen and hands over a one-time code).
#include <fmt/format.h>

#include <boost/json.hpp>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "web/account_pages.hpp"
#include "web/journal.hpp"
#include "web/person_form.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Exec;
using http::Request;
using http::Response;

constexpr InputSpec kQueryField{"q",      N_("Số định danh cá nhân hoặc số điện thoại"), nullptr, "text", "off", "20",
                                "numeric"};

std::string AgencyName(const domain::Catalogue& catalogue, const std::string& code) {
  const domain::Agency* a = catalogue.FindAgency(code);
  return a != nullptr ? a->name : code;
}

Response OfficerHome(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = CallerOf(req).principal;
  const auto catalogue = site.catalogue();
  return site.Page(req, "office/home", site.T(lang, "Dành cho cán bộ"), [&](TemplateDictionary& d) {
    for (const domain::Grant& g : p.grants) {
      TemplateDictionary* row = d.AddSectionDictionary("GRANTS");
      row->SetValue("ROLE", site.T(lang, domain::RoleName(g.role)));
      row->SetValue("AGENCY", AgencyName(*catalogue, g.agency_code));
      if (!g.fields.empty()) {
        std::string fields;
        for (const std::string& f : g.fields) {
          const domain::Field* field = catalogue->FindField(f);
          fields += (fields.empty() ? "" : ", ") + (field != nullptr ? field->name : f);
        }
        d.SetValueAndShowSection("FIELDS", fields, "HAS_FIELDS");
      }
    }
    if (domain::Authorize(p, Permission::kAssistCitizens) == domain::Decision::kAllow) {
      d.ShowSection("ASSIST");
    }
    if (domain::Authorize(p, Permission::kAdministerOfficers) == domain::Decision::kAllow) {
      d.ShowSection("ADMIN");
    }
    if (domain::Authorize(p, Permission::kViewAudit) == domain::Decision::kAllow) {
      d.ShowSection("AUDIT");
    }
  });
}

Response CitizenSearch(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string typed(req.Query("q"));
  const bool searched = std::any_of(req.query.begin(), req.query.end(), [](const auto& kv) { return kv.first == "q"; });
  FieldErrors errors;
  std::vector<domain::Account> people;
  if (searched) {
    const LoginName name = ParseLoginName(typed);
    const std::string key = !name.personal_id.empty() ? name.personal_id : name.phone;
    if (key.empty()) {
      errors.Add("q", site.T(lang, "Nhập đủ 12 chữ số định danh hoặc 10 chữ số điện thoại"));
    } else {
      accounts.db().Write([&](store::Session& s) {
        people = store::FindPeople(s, key);
        Journal(s, req, CallerOf(req), {"citizen.search", "", "", fmt::format(R"({{"results":{}}})", people.size())});
      });
    }
  }
  return site.Page(req, "office/citizens", site.T(lang, "Tìm tài khoản người dân"), [&](TemplateDictionary& d) {
    AddErrorSummary(lang, d, errors);
    AddInput(site, lang, d, "F_QUERY", kQueryField, typed, errors);
    if (searched && errors.empty()) {
      d.ShowSection("SEARCHED");
      if (people.empty()) {
        d.ShowSection("NONE");
      }
      for (const domain::Account& a : people) {
        TemplateDictionary* row = d.AddSectionDictionary("PEOPLE");
        row->SetIntValue("ID", a.id);
        row->SetValue("NAME", a.full_name);
      }
    }
  });
}

Response RenderCitizenNew(const Site& site, const Request& req, const PersonInput& in, const FieldErrors& errors,
                          int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "office/citizen_new", site.T(lang, "Tạo tài khoản cho người dân"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddPersonFields(site, lang, d, in, PersonFormFor::kCounter, errors);
      },
      status);
}

}  // namespace

Response CodeSlip(const Site& site, const Request& req, const std::string& heading, const std::string& name,
                  const std::string& login, const std::string& code, int64_t expires_at, const std::string& back,
                  const std::string& back_text) {
  return site.Page(req, "office/code_slip", heading, [&](TemplateDictionary& d) {
    d.SetValue("HEADING", heading);
    d.SetValue("NAME", name);
    d.SetValue("LOGIN", login);
    d.SetValue("CODE", code);
    d.SetValue("EXPIRES", LocalTime(expires_at));
    d.SetValue("BACK", back);
    d.SetValue("BACK_TEXT", back_text);
  });
}

namespace {

Response CitizenCreate(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const PersonInput in = PersonInput::From(Form(req));
  FieldErrors errors;
  store::NewAccount account = CheckPerson(site, lang, in, PersonFormFor::kCounter, errors);
  if (!errors.empty()) {
    return RenderCitizenNew(site, req, in, errors, http::kUnprocessable);
  }
  const Caller& caller = CallerOf(req);
  account.status = domain::AccountStatus::kPending;
  account.created_by = caller.principal.user_id;
  std::string code;
  int64_t user_id = 0;
  const int64_t now = UnixNow();
  const store::Conflict conflict = store::WriteAccountCreation(accounts.db(), account, [&](store::Session& s) {
    const store::Created created = store::InsertAccountUnlessTaken(s, account, domain::Instant::FromSeconds(now));
    if (created.id == 0) {
      return created.conflict;
    }
    user_id = created.id;
    code = accounts.IssueCode(s, user_id, store::CodePurpose::kSetup, caller.principal.user_id);
    Journal(
        s, req, caller,
        {"account.create_assisted", "user", std::to_string(user_id),
         boost::json::serialize(boost::json::object{{"after", boost::json::object{{"full_name", account.full_name},
                                                                                  {"personal_id", account.personal_id},
                                                                                  {"phone", account.phone}}}})});
    return store::Conflict::kNone;
  });
  AddConflictError(site, lang, conflict, PersonFormFor::kCounter, errors);
  if (!errors.empty()) {
    return RenderCitizenNew(site, req, in, errors, http::kConflict);
  }
  constexpr int64_t kSetupSeconds = int64_t{7} * 24 * 3600;
  domain::Account created;
  created.full_name = account.full_name;
  created.phone = account.phone;
  created.email = account.email;
  // The message goes to the citizen, in Vietnamese whatever language the officer's screen is in.
  const std::string vi = "vi";
  accounts.Notify(created, site.T(vi, "Tài khoản Cổng dịch vụ công"),
                  fmt::format("{} {}. {}", site.T(vi, "Tài khoản của bạn đã được tạo. Mã đặt mật khẩu:"), code,
                              site.T(vi, "Vào trang Đặt mật khẩu mới của cổng, dùng được trong 7 ngày.")));
  return CodeSlip(site, req, site.T(lang, "Đã tạo tài khoản"), account.full_name, account.personal_id, code,
                  now + kSetupSeconds, "/can-bo/cong-dan/moi", site.T(lang, "Tạo tài khoản khác"));
}

Response CitizenPage(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Caller& caller = CallerOf(req);
  const int64_t id = IdParam(req, "id");
  std::optional<domain::Account> account;
  accounts.db().Write([&](store::Session& s) {
    account = store::FindAccount(s, id);
    if (!account || account->personal_id.empty() || !domain::CanAssist(caller.principal, account->grants)) {
      account.reset();
      return;
    }
    // Viewing a person's data is itself recorded, in the same transaction as the read.
    Journal(s, req, caller, {"citizen.view", "user", std::to_string(id), ""});
  });
  if (!account) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không tìm thấy tài khoản người dân này."));
  }
  return site.Page(req, "office/citizen", account->full_name, [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    d.SetIntValue("ID", account->id);
    d.SetValue("NAME", account->full_name);
    d.SetValue("PERSONAL_ID", account->personal_id);
    d.SetValue("DOB", account->date_of_birth);
    d.SetValue("PHONE", account->phone.empty() ? site.T(lang, "Chưa có") : account->phone);
    d.SetValue("EMAIL", account->email.empty() ? site.T(lang, "Chưa có") : account->email);
    d.SetValue("STATUS", account->status == domain::AccountStatus::kActive ? site.T(lang, "Đang hoạt động")
                         : account->status == domain::AccountStatus::kPending
                             ? site.T(lang, "Chờ người dân đặt mật khẩu")
                             : site.T(lang, "Đã khóa"));
    if (account->status != domain::AccountStatus::kDisabled) {
      d.ShowSection("CAN_ISSUE");
    }
  });
}

Response CitizenIssueCode(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Caller& caller = CallerOf(req);
  const int64_t id = IdParam(req, "id");
  std::optional<domain::Account> account;
  std::string code;
  accounts.db().Write([&](store::Session& s) {
    account = store::FindAccount(s, id);
    if (!account || account->personal_id.empty() || account->status == domain::AccountStatus::kDisabled ||
        !domain::CanAssist(caller.principal, account->grants)) {
      account.reset();
      return;
    }
    code = accounts.IssueCode(s, id, store::CodePurpose::kSetup, caller.principal.user_id);
    Journal(s, req, caller, {"password.code_issued", "user", std::to_string(id), R"({"by":"counter"})"});
  });
  if (!account) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không tìm thấy tài khoản người dân này."));
  }
  constexpr int64_t kSetupSeconds = int64_t{7} * 24 * 3600;
  return CodeSlip(site, req, site.T(lang, "Đã cấp mã đặt mật khẩu"), account->full_name, account->personal_id, code,
                  UnixNow() + kSetupSeconds, fmt::format("/can-bo/cong-dan/{}", id),
                  site.T(lang, "Quay lại tài khoản người dân"));
}

}  // namespace

void AddOfficerPages(RouteTable& routes, const Site& site, Accounts& accounts) {
  const Site* s = &site;
  Accounts* a = &accounts;
  routes.Add(
      "GET", "/can-bo", Permission::kOfficer, [s](Request& r) { return OfficerHome(*s, r); }, Exec::kPool);
  routes.Add(
      "GET", "/can-bo/cong-dan", Permission::kAssistCitizens, [s, a](Request& r) { return CitizenSearch(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/can-bo/cong-dan/moi", Permission::kAssistCitizens,
      [s](Request& r) { return RenderCitizenNew(*s, r, PersonInput{}, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/can-bo/cong-dan/moi", Permission::kAssistCitizens,
      [s, a](Request& r) { return CitizenCreate(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/can-bo/cong-dan/{id}", Permission::kAssistCitizens,
      [s, a](Request& r) { return CitizenPage(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/can-bo/cong-dan/{id}/ma", Permission::kAssistCitizens,
      [s, a](Request& r) { return CitizenIssueCode(*s, *a, r); }, Exec::kPool);
}

}  // namespace motcua::web
