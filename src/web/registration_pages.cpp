// Self-registration: a person types their details and a password, confirms their phone with the code texted to it,
// and only then is the account created and signed in.
#include "access/auth.hpp"
#include "web/account_parts.hpp"
#include "web/person_form.hpp"

namespace motcua::web {

namespace {

constexpr InputSpec kSignUpCodeField{
    "ma", N_("Mã xác nhận"), N_("Mã gồm 6 chữ số trong tin nhắn"), "text", "one-time-code", "10", "numeric"};

Response RenderRegister(const Site& site, const Request& req, const PersonInput& in, const FieldErrors& errors,
                        int32_t status) {
  return FormPage(site, req, "account/register", N_("Đăng ký tài khoản"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddPersonFields(site, lang, d, in, PersonFormFor::kSelf, errors);
                    AddNewPasswordInputs(site, lang, d, errors);
                  });
}

//! The page asking for the code texted to `phone`; `token` names the registration, `notice` is shown above.
Response RenderConfirm(const Site& site, const Request& req, const service::PendingSignUp& pending,
                       const std::string& code, const std::string& notice, const FieldErrors& errors, int32_t status) {
  return FormPage(site, req, "account/register_confirm", N_("Xác nhận số điện thoại"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddNotice(lang, d, notice);
                    d.SetValue("TOKEN", pending.token);
                    d.SetValue("PHONE", pending.phone);
                    AddInput(site, lang, d, "F_CODE", kSignUpCodeField, code, errors);
                  });
}

//! A stored date part ("09") as a person types it ("9").
std::string WithoutLeadingZeros(std::string_view part) {
  while (part.size() > 1 && part.front() == '0') {
    part.remove_prefix(1);
  }
  return std::string(part);
}

//! The form fields of what was typed for a registration (the date of birth is stored as YYYY-MM-DD).
PersonInput InputOf(const service::NewAccount& a) {
  PersonInput in{a.full_name, a.personal_id, "", "", "", a.phone, a.email};
  constexpr size_t kIsoDateLength = 10;
  constexpr size_t kMonthAt = 5;
  constexpr size_t kDayAt = 8;
  constexpr size_t kYearLength = 4;
  constexpr size_t kPartLength = 2;
  if (a.date_of_birth.size() == kIsoDateLength) {
    const std::string_view date = a.date_of_birth;
    in.year = std::string(date.substr(0, kYearLength));
    in.month = WithoutLeadingZeros(date.substr(kMonthAt, kPartLength));
    in.day = WithoutLeadingZeros(date.substr(kDayAt, kPartLength));
  }
  return in;
}

//! A translator for the texts an operation words for the person.
service::Translate TranslatorFor(const Site& site, const std::string& lang) {
  return [&site, lang](std::string_view msgid) { return site.T(lang, msgid); };
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
  const auto pending = p.accounts.Register(access::ActorOf(req), registration, TranslatorFor(site, lang));
  if (!pending) {
    AddErrors(site, lang, pending.error(), errors);
    return WithRetry(RenderRegister(site, req, in, errors, StatusOf(pending.error())), pending.error());
  }
  return RenderConfirm(site, req, *pending, "", "", {}, http::kOk);
}

Response ConfirmSubmit(const AccountPages& p, Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const Form form(req);
  const service::SignUpCode in{form.Text("dang_ky"), form.Text("ma")};
  const auto signed_in = p.accounts.ConfirmRegistration(access::ActorOf(req), in);
  if (signed_in) {
    return SignedInRedirect(p, req, *signed_in, "/tai-khoan?tb=dang-ky");
  }
  FieldErrors errors;
  AddErrors(site, lang, signed_in.error(), errors);
  const service::PendingSignUp pending{in.token, form.Text("dien_thoai")};
  return WithRetry(
      RenderConfirm(site, req, pending, service::WithoutSpaces(in.code), "", errors, StatusOf(signed_in.error())),
      signed_in.error());
}

Response ResendSubmit(const AccountPages& p, Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string token = form.Text("dang_ky");
  const auto pending = p.accounts.ResendRegistrationCode(access::ActorOf(req), token, TranslatorFor(site, lang));
  if (!pending) {
    FieldErrors errors;
    AddErrors(site, lang, pending.error(), errors);
    return WithRetry(RenderConfirm(site, req, service::PendingSignUp{token, form.Text("dien_thoai")}, "", "", errors,
                                   StatusOf(pending.error())),
                     pending.error());
  }
  return RenderConfirm(site, req, *pending, "", site.T(lang, "Đã gửi mã mới. Mã cũ không dùng được nữa."), {},
                       http::kOk);
}

//! The form filled in again with what was typed for the registration in the form (the person wants to correct
//! the phone or another detail); an empty form when the registration is unknown.
Response EditSubmit(const AccountPages& p, Request& req) {
  const Form form(req);
  PersonInput in;
  if (const auto typed = p.accounts.PendingDetails(form.Text("dang_ky")); typed) {
    in = InputOf(*typed);
  }
  return RenderRegister(p.site, req, in, {}, http::kOk);
}

}  // namespace

void AddRegistrationPages(access::RouteTable& routes, const AccountPages& p) {
  const Site* s = &p.site;
  routes.Add(
      "GET", "/dang-ky", Permission::kPublic,
      [s](Request& r) { return RenderRegister(*s, r, PersonInput{}, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky", Permission::kPublic, [p](Request& r) { return RegisterSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky/xac-nhan", Permission::kPublic, [p](Request& r) { return ConfirmSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky/gui-lai", Permission::kPublic, [p](Request& r) { return ResendSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky/sua", Permission::kPublic, [p](Request& r) { return EditSubmit(p, r); }, Exec::kPool);
}

}  // namespace motcua::web
