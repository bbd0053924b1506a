// Signing in with a password and signing out; the dev mailbox of demo installations.
#include "access/auth.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

namespace {

constexpr InputSpec kPasswordField{"mat_khau", N_("Mật khẩu"), nullptr, "password", "current-password", "20"};
constexpr int32_t kMailboxShown = 50;

Response RenderLogin(const AccountPages& p, const Request& req, const std::string& account, const std::string& next,
                     const FieldErrors& errors, const std::string& blocked, int32_t status) {
  const Site& site = p.site;
  return FormPage(site, req, "account/login", N_("Đăng nhập"), errors, status,
                  [&](TemplateDictionary& d, const std::string& lang) {
                    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
                    d.SetValue("NEXT", next);
                    AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
                    AddInput(site, lang, d, "F_PASSWORD", kPasswordField, "", errors);
                    if (!blocked.empty()) {
                      d.SetValueAndShowSection("BLOCKED_TEXT", blocked, "BLOCKED");
                    }
                    if (p.accounts.identity() != nullptr) {
                      d.SetValueAndShowSection("VNEID_NAME", site.T(lang, "Đăng nhập bằng VNeID"), "HAS_VNEID");
                    }
                  });
}

Response LoginPage(const AccountPages& p, const Request& req) {
  if (access::CallerOf(req).principal.signed_in()) {
    return Response::Redirect(SafeNext(req.Query("tiep")));
  }
  return RenderLogin(p, req, "", SafeNext(req.Query("tiep")), {}, "", http::kOk);
}

Response LoginSubmit(const AccountPages& p, Request& req) {
  const std::string lang = p.site.Lang(req);
  const Form form(req);
  const std::string account = form.Text("tai_khoan");
  const std::string next = SafeNext(form.Get("tiep"));
  const auto signed_in =
      p.accounts.SignInWithPassword(access::ActorOf(req), service::PasswordSignIn{account, form.Get("mat_khau")});
  if (signed_in) {
    return SignedInRedirect(p, req, *signed_in, next);
  }
  const domain::Error& error = signed_in.error();
  FieldErrors errors;
  std::string blocked;
  if (error.kind == domain::ErrorKind::kRateLimited || error.kind == domain::ErrorKind::kBusy) {
    blocked = ErrorText(p.site, lang, error, error.message);
  } else {
    AddErrors(p.site, lang, error, errors);
  }
  return WithRetry(RenderLogin(p, req, account, next, errors, blocked, StatusOf(error)), error);
}

Response Logout(const AccountPages& p, const Request& req) {
  p.accounts.SignOut(access::ActorOf(req));
  return WithCookie(Response::Redirect("/dang-nhap?tb=dang-xuat"), p.auth.ClearSessionCookie());
}

Response Mailbox(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const std::vector<service::MailboxMessage> messages = p.accounts.Mailbox(kMailboxShown);
  return site.Page(req, "account/mailbox", site.T(lang, "Hộp thư thử nghiệm"), [&](TemplateDictionary& d) {
    if (messages.empty()) {
      d.ShowSection("EMPTY");
    }
    for (const service::MailboxMessage& m : messages) {
      TemplateDictionary* row = d.AddSectionDictionary("MESSAGES");
      row->SetValue("SUBJECT", m.subject);
      row->SetValue("CHANNEL", m.channel == "sms" ? "SMS" : "Email");
      row->SetValue("RECIPIENT", m.recipient);
      row->SetValue("TIME", LocalTime(m.created_at));
      row->SetValue("BODY", m.body);
    }
  });
}

}  // namespace

void AddSignInPages(access::RouteTable& routes, const AccountPages& p) {
  routes.Add(
      "GET", "/dang-nhap", Permission::kPublic, [p](Request& r) { return LoginPage(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-nhap", Permission::kPublic, [p](Request& r) { return LoginSubmit(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-xuat", Permission::kSignedIn, [p](Request& r) { return Logout(p, r); }, Exec::kPool);
  if (p.accounts.demo()) {
    routes.Add(
        "GET", "/hop-thu-thu-nghiem", Permission::kPublic, [p](Request& r) { return Mailbox(p, r); }, Exec::kPool);
  }
}

}  // namespace motcua::web
