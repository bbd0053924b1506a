// National identity (VNeID) sign-in: the redirect out, the simulated consent page of demo installations, and the
// callback that signs the person in (creating the account the first time).
#include <charconv>

#include "access/auth.hpp"
#include "http/url.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

namespace {

constexpr size_t kStateBytes = 24;
//! How long the person has to come back from the identity service.
constexpr int64_t kFlowSeconds = 600;

std::string StateCookieName(bool behind_tls) { return behind_tls ? "__Host-motcua-oidc" : "motcua-oidc"; }

Response VneidStart(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  security::IdentityProvider* idp = p.accounts.identity();
  if (idp == nullptr) {
    return MessagePage(site, req, http::kServiceUnavailable, site.T(lang, "Đăng nhập bằng VNeID chưa sẵn sàng"),
                       site.T(lang,
                              "Cổng này chưa được kết nối với dịch vụ định danh điện tử quốc gia. Hãy đăng nhập bằng "
                              "số định danh cá nhân và mật khẩu."),
                       "/dang-nhap", site.T(lang, "Đăng nhập"));
  }
  // state protects the callback against forgery; nonce binds the code to this browser.
  const std::string state = service::Sessions::NewToken(kStateBytes);
  const std::string nonce = service::Sessions::NewToken(kStateBytes);
  const bool tls = p.accounts.config().behind_tls;
  return WithCookie(Response::Redirect(idp->AuthorizationUrl(state, nonce)),
                    access::CookieHeader(StateCookieName(tls), state + "." + nonce, kFlowSeconds, tls));
}

Response VneidSimulatedPage(const AccountPages& p, const Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  const security::SimulatedIdentityProvider* sim = p.accounts.simulated_identity();
  return site.Page(req, "account/vneid_simulated", site.T(lang, "Đồng ý chia sẻ thông tin định danh"),
                   [&](TemplateDictionary& d) {
                     AddCsrf(req, d);
                     d.SetValue("STATE", std::string(req.Query("state")));
                     d.SetValue("NONCE", std::string(req.Query("nonce")));
                     for (size_t i = 0; i < sim->people().size(); ++i) {
                       TemplateDictionary* row = d.AddSectionDictionary("PEOPLE");
                       row->SetIntValue("INDEX", static_cast<int64_t>(i));
                       row->SetValue("NAME", sim->people()[i].full_name);
                       row->SetValue("PERSONAL_ID", sim->people()[i].personal_id);
                       if (i == 0) {
                         row->ShowSection("FIRST");
                       }
                     }
                   });
}

Response VneidSimulatedSubmit(const AccountPages& p, const Request& req) {
  const Form form(req);
  size_t index = 0;
  const std::string chosen = form.Get("nguoi");
  std::from_chars(chosen.data(), chosen.data() + chosen.size(), index);
  const std::string code = p.accounts.IssueSimulatedCode(index, form.Get("nonce"));
  return Response::Redirect("/dang-nhap/vneid/ket-qua?code=" + http::PercentEncode(code) +
                            "&state=" + http::PercentEncode(form.Get("state")));
}

Response VneidCallback(const AccountPages& p, Request& req) {
  const Site& site = p.site;
  const std::string lang = site.Lang(req);
  security::IdentityProvider* idp = p.accounts.identity();
  const bool tls = p.accounts.config().behind_tls;
  const std::string flow = req.Cookie(StateCookieName(tls));
  const size_t dot = flow.find('.');
  const std::string state = dot == std::string::npos ? std::string() : flow.substr(0, dot);
  const std::string nonce = dot == std::string::npos ? std::string() : flow.substr(dot + 1);
  const auto fail = [&] {
    return MessagePage(site, req, http::kBadRequest, site.T(lang, "Không đăng nhập được bằng VNeID"),
                       site.T(lang, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy thử lại từ đầu."), "/dang-nhap",
                       site.T(lang, "Đăng nhập"));
  };
  if (idp == nullptr || state.empty() || !service::Sessions::SameSecret(state, req.Query("state"))) {
    return fail();
  }
  const auto identity = idp->Exchange(std::string(req.Query("code")), nonce);
  if (!identity) {
    return fail();
  }
  const auto signed_in = p.accounts.SignInWithIdentity(access::ActorOf(req), *identity);
  if (!signed_in) {
    return MessagePage(site, req, StatusOf(signed_in.error()), site.T(lang, signed_in.error().message),
                       site.T(lang, "Hãy liên hệ bộ phận một cửa hoặc quản trị viên."), "/", site.T(lang, "Trang chủ"));
  }
  Response res = SignedInRedirect(p, req, *signed_in, "/tai-khoan");
  res.headers.emplace_back("Set-Cookie", access::CookieHeader(StateCookieName(tls), "", -1, tls));
  return res;
}

}  // namespace

void AddIdentityPages(access::RouteTable& routes, const AccountPages& p) {
  routes.Add(
      "GET", "/dang-nhap/vneid", Permission::kPublic, [p](Request& r) { return VneidStart(p, r); }, Exec::kPool);
  routes.Add(
      "GET", "/dang-nhap/vneid/ket-qua", Permission::kPublic, [p](Request& r) { return VneidCallback(p, r); },
      Exec::kOutbound);
  if (p.accounts.simulated_identity() == nullptr) {
    return;
  }
  routes.Add(
      "GET", "/dang-nhap/vneid/mo-phong", Permission::kPublic, [p](Request& r) { return VneidSimulatedPage(p, r); },
      Exec::kPool);
  routes.Add(
      "POST", "/dang-nhap/vneid/mo-phong", Permission::kPublic, [p](Request& r) { return VneidSimulatedSubmit(p, r); },
      Exec::kPool);
}

}  // namespace motcua::web
