// Organisations a citizen represents: registering one, and its page.
#include <fmt/format.h>

#include <memory>

#include "access/auth.hpp"
#include "domain/text.hpp"
#include "service/organisations.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

namespace {

constexpr InputSpec kTaxField{
    "ma_so_thue", N_("Mã số thuế"), N_("10 chữ số, hoặc 13 chữ số với chi nhánh"), "text", "off", "20", "numeric"};
constexpr InputSpec kOrgNameField{"ten_to_chuc", N_("Tên doanh nghiệp, tổ chức"), nullptr, "text", "organization", ""};
constexpr InputSpec kAddressField{"dia_chi", N_("Địa chỉ trụ sở"), nullptr, "textarea", "street-address", ""};

Response RenderOrganisationNew(const Site& site, const Request& req, const service::NewOrganisation& in,
                               const FieldErrors& errors, int32_t status) {
  return FormPage(site, req, "account/organisation_new", N_("Đăng ký doanh nghiệp, tổ chức"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddInput(site, lang, d, "F_TAX", kTaxField, in.tax_code, errors);
                    AddInput(site, lang, d, "F_ORG_NAME", kOrgNameField, in.name, errors);
                    AddInput(site, lang, d, "F_ADDRESS", kAddressField, in.address, errors);
                  });
}

Response OrganisationSubmit(const AccountPages& p, service::Organisations& organisations, const Request& req) {
  const Form form(req);
  const service::NewOrganisation in{form.Text("ma_so_thue"), form.Text("ten_to_chuc"), form.Text("dia_chi")};
  const auto registered = organisations.Register(access::ActorOf(req), in);
  if (!registered) {
    FieldErrors errors;
    AddErrors(p.site, p.site.Lang(req), registered.error(), errors);
    return RenderOrganisationNew(p.site, req, in, errors, StatusOf(registered.error()));
  }
  if (registered->awaiting_review) {
    // The code is someone else's: the claim waits for an officer (issue 8).
    const std::string lang = p.site.Lang(req);
    return p.site.Page(
        req, "account/organisation_claim", p.site.T(lang, "Yêu cầu của bạn đang chờ xem xét"),
        [&](TemplateDictionary& d) { d.SetValue("TAX_CODE", domain::CollapseSpaces(in.tax_code)); }, http::kOk);
  }
  return Response::Redirect(fmt::format("/tai-khoan/to-chuc/{}?tb=to-chuc", registered->id));
}

Response OrganisationPage(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const auto org = p.accounts.OrganisationOf(access::ActorOf(req), IdParam(req, "id"));
  if (!org) {
    return site.ErrorPage(req, StatusOf(org.error()), site.T(lang, org.error().message));
  }
  return site.Page(req, "account/organisation", org->name, [&](TemplateDictionary& d) {
    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
    d.SetValue("NAME", org->name);
    d.SetValue("TAX_CODE", org->tax_code);
    d.SetValue("ADDRESS", org->address);
    d.SetValue("REPRESENTATIVE", access::CallerOf(req).principal.name);
  });
}

}  // namespace

void AddOrganisationPages(access::RouteTable& routes, const AccountPages& p) {
  const Site* s = &p.site;
  routes.Add(
      "GET", "/tai-khoan/to-chuc/moi", Permission::kCitizen,
      [s](Request& r) { return RenderOrganisationNew(*s, r, {}, {}, http::kOk); }, Exec::kPool);
  auto organisations = std::make_shared<service::Organisations>(p.accounts);
  routes.Add(
      "POST", "/tai-khoan/to-chuc/moi", Permission::kCitizen,
      [p, organisations](Request& r) { return OrganisationSubmit(p, *organisations, r); }, Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan/to-chuc/{id}", Permission::kCitizen, [p](Request& r) { return OrganisationPage(p, r); },
      Exec::kPool);
}

}  // namespace motcua::web
