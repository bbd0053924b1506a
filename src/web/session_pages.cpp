// The account overview with its sessions; ending one session or all of them.
#include "access/auth.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

namespace {

Response AccountPage(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const access::Caller& caller = access::CallerOf(req);
  const auto overview = p.accounts.Overview(access::ActorOf(req));
  if (!overview) {
    return site.ErrorPage(req, StatusOf(overview.error()), site.T(lang, overview.error().message));
  }
  const domain::Account& account = overview->account;
  return site.Page(req, "account/overview", site.T(lang, "Tài khoản của tôi"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
    d.SetValue("NAME", account.full_name);
    if (!account.personal_id.empty()) {
      d.SetValueAndShowSection("PERSONAL_ID", account.personal_id, "HAS_ID");
      d.ShowSection("CITIZEN");
    }
    if (!account.login_name.empty()) {
      d.SetValueAndShowSection("LOGIN", account.login_name, "HAS_LOGIN");
    }
    d.SetValue("PHONE", account.phone.empty() ? site.T(lang, "Chưa có") : account.phone);
    d.SetValue("EMAIL", account.email.empty() ? site.T(lang, "Chưa có") : account.email);
    if (overview->organisations.empty()) {
      d.ShowSection("NO_ORGS");
    }
    for (const domain::Organisation& o : overview->organisations) {
      TemplateDictionary* row = d.AddSectionDictionary("ORGS");
      row->SetIntValue("ID", o.id);
      row->SetValue("NAME", o.name);
      row->SetValue("TAX_CODE", o.tax_code);
    }
    for (const domain::SessionInfo& si : overview->sessions) {
      TemplateDictionary* row = d.AddSectionDictionary("SESSIONS");
      row->SetValue("AGENT", UserAgentText(site, lang, si.user_agent));
      row->SetValue("IP", si.ip);
      row->SetValue("CREATED", LocalTime(si.created_at));
      row->SetValue("SEEN", LocalTime(si.last_seen_at));
      if (si.public_id == caller.session_public_id) {
        row->ShowSection("CURRENT");
      } else {
        row->ShowSection("OTHER");
        row->SetValue("PUBLIC_ID", si.public_id);
      }
    }
  });
}

Response EndOneSession(const AccountPages& p, const Request& req) {
  const Form form(req);
  const auto ended = p.accounts.EndSession(access::ActorOf(req), form.Text("phien"));
  if (!ended) {
    return p.site.ErrorPage(req, StatusOf(ended.error()), p.site.T(p.site.Lang(req), ended.error().message));
  }
  return Response::Redirect("/tai-khoan?tb=phien");
}

Response EndAllSessions(const AccountPages& p, const Request& req) {
  p.accounts.SignOutEverywhere(access::ActorOf(req));
  return WithCookie(Response::Redirect("/dang-nhap?tb=dang-xuat"), p.auth.ClearSessionCookie());
}

}  // namespace

void AddSessionPages(access::RouteTable& routes, const AccountPages& p) {
  routes.Add(
      "GET", "/tai-khoan", Permission::kSignedIn, [p](Request& r) { return AccountPage(p, r); }, Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/phien/thu-hoi", Permission::kSignedIn, [p](Request& r) { return EndOneSession(p, r); },
      Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/dang-xuat-tat-ca", Permission::kSignedIn, [p](Request& r) { return EndAllSessions(p, r); },
      Exec::kPool);
}

}  // namespace motcua::web
