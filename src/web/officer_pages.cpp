// Back-office pages for officers: their home, and the counter work on citizens' accounts ("cầm tay chỉ việc":
// the desk officer creates the account with the citizen and hands over a one-time code).
#include <fmt/format.h>

#include <memory>

#include "domain/messages.hpp"
#include "service/counter.hpp"
#include "service/organisations.hpp"
#include "web/account_pages.hpp"
#include "web/admin_pages.hpp"
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

//! The search page: GET shows the form only; the number is sent by POST (with CSRF) so that a personal ID number
//! never lands in a URL, an access log or the browser's history (issue 8).
Response RenderCitizenSearch(const Site& site, service::Counter& counter, const Request& req, bool searched) {
  const std::string lang = site.Lang(req);
  const std::string typed = searched ? Form(req).Text("q") : std::string();
  const domain::Principal& p = access::CallerOf(req).principal;
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
  return site.Page(
      req, "office/citizens", site.T(lang, "Tìm tài khoản người dân"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_QUERY", kQueryField, typed, errors);
        if (!searched || !errors.empty()) {
          return;
        }
        d.ShowSection("SEARCHED");
        if (people.empty()) {
          d.ShowSection("NONE");
        }
        for (const domain::Account& a : people) {
          TemplateDictionary* row = d.AddSectionDictionary("PEOPLE");
          row->SetIntValue("ID", a.id);
          row->SetValue("NAME", a.full_name);
          // An account its holder runs alone is not the desk's to open: the holder resets it themselves.
          row->ShowSection(service::MayAssist(p, a) ? "CAN_OPEN" : "SELF_RUN");
        }
      },
      errors.empty() ? http::kOk : http::kUnprocessable);
}

Response CitizenSearch(const Site& site, service::Counter& counter, const Request& req) {
  return RenderCitizenSearch(site, counter, req, false);
}

Response CitizenSearchSubmit(const Site& site, service::Counter& counter, const Request& req) {
  return RenderCitizenSearch(site, counter, req, true);
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

//! Asks before issuing a code: the page says to whom, and that the holder will be told.
Response CitizenIssueCodeConfirm(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t id = IdParam(req, "id");
  const auto account = counter.View(access::ActorOf(req), id);
  if (!account) {
    return ErrorPageFor(site, req, account.error());
  }
  const std::string back = fmt::format("/can-bo/cong-dan/{}", id);
  return ConfirmPage(
      site, req,
      Confirmation{site.T(lang, "Cấp mã đặt mật khẩu mới cho người dân này?"),
                   {{site.T(lang, "Họ và tên"), account->full_name},
                    {site.T(lang, "Số định danh cá nhân"), account->personal_id}},
                   site.T(lang,
                          "Ai có mã này đều đặt được mật khẩu mới cho tài khoản. Chỉ cấp khi người dân có mặt "
                          "và đã xuất trình giấy tờ tùy thân. Người dân sẽ nhận tin nhắn và thư báo việc cấp mã."),
                   fmt::format("/can-bo/cong-dan/{}/ma", id),
                   {},
                   site.T(lang, "Cấp mã"),
                   back});
}

Response CitizenIssueCode(const Site& site, service::Counter& counter, const Request& req) {
  const std::string lang = site.Lang(req);
  const int64_t id = IdParam(req, "id");
  if (!Confirmed(req)) {
    return CitizenIssueCodeConfirm(site, counter, req);  // the first POST only asks
  }
  const auto issued = counter.IssueSetupCode(access::ActorOf(req), *site.catalogue(), id);
  if (!issued) {
    return ErrorPageFor(site, req, issued.error());
  }
  return CodeSlip(site, req, site.T(lang, "Đã cấp mã đặt mật khẩu"), issued->full_name, issued->login, issued->code,
                  issued->expires_at, fmt::format("/can-bo/cong-dan/{}", id),
                  site.T(lang, "Quay lại tài khoản người dân"));
}

Response Disputes(const Site& site, service::Organisations& organisations, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto claims = organisations.Disputes(access::ActorOf(req));
  if (!claims) {
    return ErrorPageFor(site, req, claims.error());
  }
  return site.Page(req, "office/disputes", site.T(lang, "Mã số thuế có hai người nhận đại diện"),
                   [&](TemplateDictionary& d) {
                     if (req.Query("tb") == "da-quyet-dinh") {
                       AddNotice(lang, d, site.T(lang, "Đã ghi quyết định và báo cho cả hai người."));
                     }
                     d.ShowSection(claims->empty() ? "NONE" : "HAS_CLAIMS");
                     for (const store::TaxCodeClaim& c : *claims) {
                       TemplateDictionary* row = d.AddSectionDictionary("CLAIMS");
                       row->SetIntValue("ID", c.id);
                       row->SetValue("TAX_CODE", c.tax_code);
                       row->SetValue("ORG_NAME", c.organisation.name);
                       row->SetValue("HOLDER", c.holder_name);
                       row->SetValue("CLAIMANT", c.claimant_name);
                       row->SetValue("CREATED", LocalTime(c.created_at));
                     }
                   });
}

//! One claim and the decision form: the page says who gets what before anything is done.
Response DisputePage(const Site& site, service::Organisations& organisations, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto claim = organisations.Dispute(access::ActorOf(req), IdParam(req, "id"));
  if (!claim) {
    return ErrorPageFor(site, req, claim.error());
  }
  return site.Page(req, "office/dispute", site.T(lang, "Ai là người đại diện?"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    d.SetIntValue("ID", claim->id);
    d.SetValue("TAX_CODE", claim->tax_code);
    d.SetValue("ORG_NAME", claim->organisation.name);
    d.SetValue("HOLDER", claim->holder_name);
    d.SetValue("CLAIMANT", claim->claimant_name);
    d.SetValue("CLAIM_NAME", claim->name);
    d.SetValue("CLAIM_ADDRESS", claim->address);
    d.SetValue("CREATED", LocalTime(claim->created_at));
  });
}

Response DisputeDecide(const Site& site, service::Organisations& organisations, const Request& req) {
  const std::string decision = Form(req).Text("quyet_dinh");
  if (decision != "cap" && decision != "tu-choi") {
    return ErrorPageFor(site, req, domain::Error::Of(domain::ErrorKind::kInvalid, domain::N_("Chọn một quyết định.")));
  }
  const auto done =
      organisations.Resolve(access::ActorOf(req), IdParam(req, "id"),
                            decision == "cap" ? service::ClaimDecision::kGrant : service::ClaimDecision::kRefuse);
  if (!done) {
    return ErrorPageFor(site, req, done.error());
  }
  return Response::Redirect("/can-bo/ma-so-thue?tb=da-quyet-dinh");
}

}  // namespace

void AddOfficerPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts) {
  constexpr Permission kCounter = Permission::kAssistCitizens;
  static constexpr PageRoute<service::Counter> kRoutes[] = {
      {"GET", "/can-bo", Permission::kOfficer, OfficerHome},
      {"GET", "/can-bo/cong-dan", kCounter, CitizenSearch},
      {"POST", "/can-bo/cong-dan", kCounter, CitizenSearchSubmit},
      {"GET", "/can-bo/cong-dan/moi", kCounter, CitizenNew},
      {"POST", "/can-bo/cong-dan/moi", kCounter, CitizenCreate},
      {"GET", "/can-bo/cong-dan/{id}", kCounter, CitizenPage},
      {"GET", "/can-bo/cong-dan/{id}/ma", kCounter, CitizenIssueCodeConfirm},
      {"POST", "/can-bo/cong-dan/{id}/ma", kCounter, CitizenIssueCode},
  };
  AddPageRoutes<service::Counter>(routes, site, std::make_shared<service::Counter>(accounts), kRoutes);
  static constexpr PageRoute<service::Organisations> kDisputeRoutes[] = {
      {"GET", "/can-bo/ma-so-thue", kCounter, Disputes},
      {"GET", "/can-bo/ma-so-thue/{id}", kCounter, DisputePage},
      {"POST", "/can-bo/ma-so-thue/{id}", kCounter, DisputeDecide},
  };
  AddPageRoutes<service::Organisations>(routes, site, std::make_shared<service::Organisations>(accounts),
                                        kDisputeRoutes);
}

}  // namespace motcua::web
