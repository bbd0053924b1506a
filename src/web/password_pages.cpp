// Passwords: asking for a reset code, setting a new password with a code, changing one's own password.
#include "access/auth.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

namespace {

constexpr InputSpec kCurrentField{"mat_khau_cu", N_("Mật khẩu hiện tại"), nullptr,
                                  "password",    "current-password",      "20"};
constexpr InputSpec kCodeField{
    "ma", N_("Mã xác nhận"), N_("Mã trong tin nhắn, hoặc mã do bộ phận một cửa trao cho bạn"), "text", "one-time-code",
    "10", "numeric"};

Response RenderForgot(const Site& site, const Request& req, const std::string& account, const FieldErrors& errors,
                      int32_t status) {
  return FormPage(site, req, "account/forgot", N_("Đặt lại mật khẩu"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
                  });
}

Response ForgotSubmit(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string typed = form.Text("tai_khoan");
  const auto sent = p.accounts.RequestResetCode(access::ActorOf(req), typed,
                                                [&](std::string_view msgid) { return site.T(lang, msgid); });
  if (!sent) {
    FieldErrors errors;
    AddErrors(site, lang, sent.error(), errors);
    return WithRetry(RenderForgot(site, req, typed, errors, StatusOf(sent.error())), sent.error());
  }
  // The identifier is not carried over in the URL: a personal ID number must not land in access logs (issue 8).
  return Response::Redirect("/dat-lai-mat-khau?tb=da-gui");
}

Response RenderReset(const Site& site, const Request& req, const std::string& account, const std::string& code,
                     const FieldErrors& errors, int32_t status) {
  return FormPage(site, req, "account/reset", N_("Đặt mật khẩu mới"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
                    AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
                    AddInput(site, lang, d, "F_CODE", kCodeField, code, errors);
                    AddNewPasswordInputs(site, lang, d, errors);
                  });
}

Response ResetSubmit(const AccountPages& p, Request& req) {
  const std::string lang = p.site.Lang(req);
  const Form form(req);
  const service::PasswordReset in{form.Text("tai_khoan"), form.Text("ma"), form.Get("mat_khau"),
                                  form.Get("mat_khau_2")};
  const auto signed_in = p.accounts.ResetPassword(access::ActorOf(req), in);
  if (signed_in) {
    return SignedInRedirect(p, req, *signed_in, "/tai-khoan?tb=dat-lai");
  }
  FieldErrors errors;
  AddErrors(p.site, lang, signed_in.error(), errors);
  return WithRetry(
      RenderReset(p.site, req, in.identifier, service::WithoutSpaces(in.code), errors, StatusOf(signed_in.error())),
      signed_in.error());
}

Response RenderPassword(const Site& site, const Request& req, const FieldErrors& errors, int32_t status) {
  return FormPage(site, req, "account/password", N_("Đổi mật khẩu"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddInput(site, lang, d, "F_CURRENT", kCurrentField, "", errors);
                    AddNewPasswordInputs(site, lang, d, errors);
                  });
}

Response PasswordSubmit(const AccountPages& p, Request& req) {
  const std::string lang = p.site.Lang(req);
  const Form form(req);
  const auto signed_in = p.accounts.ChangePassword(
      access::ActorOf(req),
      service::PasswordChange{form.Get("mat_khau_cu"), form.Get("mat_khau"), form.Get("mat_khau_2")});
  if (signed_in) {
    return SignedInRedirect(p, req, *signed_in, "/tai-khoan?tb=mat-khau");
  }
  const domain::Error& error = signed_in.error();
  if (error.kind == domain::ErrorKind::kNotFound) {
    return p.site.ErrorPage(req, http::kNotFound, p.site.T(lang, error.message));
  }
  FieldErrors errors;
  AddErrors(p.site, lang, error, errors);
  return RenderPassword(p.site, req, errors, StatusOf(error));
}

}  // namespace

void AddPasswordPages(access::RouteTable& routes, const AccountPages& p) {
  const Site* s = &p.site;
  routes.Add(
      "GET", "/quen-mat-khau", Permission::kPublic, [s](Request& r) { return RenderForgot(*s, r, "", {}, http::kOk); },
      Exec::kPool);
  routes.Add(
      "POST", "/quen-mat-khau", Permission::kPublic, [p](Request& r) { return ForgotSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "GET", "/dat-lai-mat-khau", Permission::kPublic,
      [s](Request& r) { return RenderReset(*s, r, "", "", {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/dat-lai-mat-khau", Permission::kPublic, [p](Request& r) { return ResetSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan/mat-khau", Permission::kSignedIn,
      [s](Request& r) { return RenderPassword(*s, r, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/mat-khau", Permission::kSignedIn, [p](Request& r) { return PasswordSubmit(p, r); },
      Exec::kPool);
}

}  // namespace motcua::web
