// Self-registration: a person creates their own account and is signed in.
#include "access/auth.hpp"
#include "web/account_parts.hpp"
#include "web/person_form.hpp"

namespace motcua::web {

namespace {

Response RenderRegister(const Site& site, const Request& req, const PersonInput& in, const FieldErrors& errors,
                        int32_t status) {
  return FormPage(site, req, "account/register", N_("Đăng ký tài khoản"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddPersonFields(site, lang, d, in, PersonFormFor::kSelf, errors);
                    AddNewPasswordInputs(site, lang, d, errors);
                  });
}

Response RegisterSubmit(const AccountPages& p, Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const Form form(req);
  const PersonInput in = PersonInput::From(form);
  FieldErrors errors;
  service::Registration registration{CheckPerson(site, lang, in, PersonFormFor::kSelf, errors), form.Get("mat_khau"),
                                     form.Get("mat_khau_2")};
  if (!errors.empty()) {
    // Every problem at once: the password's too, although the details already failed.
    const service::NewAccount& a = registration.account;
    if (auto problem = p.accounts.CheckNewPassword(
            registration.password, registration.confirm,
            domain::PasswordContext{a.personal_id, a.phone, "", a.email, a.full_name, a.date_of_birth})) {
      errors.Add(problem->field, site.T(lang, problem->message));
    }
    return RenderRegister(site, req, in, errors, http::kUnprocessable);
  }
  const auto signed_in = p.accounts.Register(access::ActorOf(req), registration);
  if (!signed_in) {
    AddErrors(site, lang, signed_in.error(), errors);
    return RenderRegister(site, req, in, errors, StatusOf(signed_in.error()));
  }
  return SignedInRedirect(p, req, *signed_in, "/tai-khoan?tb=dang-ky");
}

}  // namespace

void AddRegistrationPages(access::RouteTable& routes, const AccountPages& p) {
  const Site* s = &p.site;
  routes.Add(
      "GET", "/dang-ky", Permission::kPublic,
      [s](Request& r) { return RenderRegister(*s, r, PersonInput{}, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky", Permission::kPublic, [p](Request& r) { return RegisterSubmit(p, r); }, Exec::kPool);
}

}  // namespace motcua::web
