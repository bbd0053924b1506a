// Back-office pages for officers: their home, and the counter work on citizens' accounts ("cầm tay chỉ việc":
// the desk officer creates the account with the citizen and hands over a one-time code).
#include <fmt/format.h>

#include <memory>

#include "domain/messages.hpp"
#include "service/counter.hpp"
#include "web/account_pages.hpp"
#include "web/forms.hpp"
#include "web/page_routes.hpp"
#include "web/person_form.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::Permission;
using http::Request;
using http::Response;

constexpr InputSpec kQueryField{
    "q", domain::N_("Số định danh cá nhân hoặc số điện thoại"), nullptr, "text", "off", "20", "numeric"};

std::string AgencyName(const domain::Catalogue& catalogue, const std::string& code) {
  const domain::Agency* a = catalogue.FindAgency(code);
  return a != nullptr ? a->name : code;
}

Response OfficerHome(const Site& site, service::Counter& /*counter*/, const Request& req) {
  const std::string lang = site.Lang(req);
  const domain::Principal& p = access::CallerOf(req).principal;
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

Response CitizenSearch(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string typed(req.Query("q"));
  const bool searched = std::any_of(req.query.begin(), req.query.end(), [](const auto& kv) { return kv.first == "q"; });
  FieldErrors errors;
  std::vector<domain::Account> people;
  if (searched) {
    auto found = counter.Search(access::ActorOf(req), typed);
    if (!found) {
      AddFieldErrors(site, lang, found.error(), errors);
    } else {
      people = std::move(*found);
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

Response CitizenNew(const Site& site, service::Counter& /*counter*/, const Request& req) {
  return RenderCitizenNew(site, req, PersonInput{}, {}, http::kOk);
}

Response CitizenCreate(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const PersonInput in = PersonInput::From(Form(req));
  FieldErrors errors;
  store::NewAccount account = CheckPerson(site, lang, in, PersonFormFor::kCounter, errors);
  if (!errors.empty()) {
    return RenderCitizenNew(site, req, in, errors, http::kUnprocessable);
  }
  const auto issued = counter.CreateAccount(access::ActorOf(req), std::move(account));
  if (!issued) {
    AddFieldErrors(site, lang, issued.error(), errors);
    return RenderCitizenNew(site, req, in, errors, StatusOf(issued.kind()));
  }
  return CodeSlip(site, req, site.T(lang, "Đã tạo tài khoản"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, "/can-bo/cong-dan/moi", site.T(lang, "Tạo tài khoản khác"));
}

Response CitizenPage(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto account = counter.View(access::ActorOf(req), IdParam(req, "id"));
  if (!account) {
    return ErrorPageFor(site, req, account.error());
  }
  return site.Page(req, "office/citizen", account->full_name, [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    d.SetIntValue("ID", account->id);
    d.SetValue("NAME", account->full_name);
    d.SetValue("PERSONAL_ID", account->personal_id);
    d.SetValue("DOB", domain::DisplayDate(account->date_of_birth));
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

Response CitizenIssueCode(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t id = IdParam(req, "id");
  const auto issued = counter.IssueSetupCode(access::ActorOf(req), id);
  if (!issued) {
    return ErrorPageFor(site, req, issued.error());
  }
  return CodeSlip(site, req, site.T(lang, "Đã cấp mã đặt mật khẩu"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, fmt::format("/can-bo/cong-dan/{}", id),
                  site.T(lang, "Quay lại tài khoản người dân"));
}

}  // namespace

void AddOfficerPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts) {
  constexpr Permission kCounter = Permission::kAssistCitizens;
  static constexpr PageRoute<service::Counter> kRoutes[] = {
      {"GET", "/can-bo", Permission::kOfficer, OfficerHome},
      {"GET", "/can-bo/cong-dan", kCounter, CitizenSearch},
      {"GET", "/can-bo/cong-dan/moi", kCounter, CitizenNew},
      {"POST", "/can-bo/cong-dan/moi", kCounter, CitizenCreate},
      {"GET", "/can-bo/cong-dan/{id}", kCounter, CitizenPage},
      {"POST", "/can-bo/cong-dan/{id}/ma", kCounter, CitizenIssueCode},
  };
  AddPageRoutes<service::Counter>(routes, site, std::make_shared<service::Counter>(accounts), kRoutes);
}

}  // namespace motcua::web
