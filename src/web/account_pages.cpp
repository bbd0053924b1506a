// Citizens' account pages: what the page groups share, and their registration. Each group lives in its own file
// (sign_in_pages, registration_pages, password_pages, session_pages, organisation_pages, identity_pages); handlers
// parse the form, call the account service, and render its result.
#include "web/account_pages.hpp"

#include "web/results.hpp"

#include <fmt/format.h>

#include "domain/constants.hpp"
#include "http/url.hpp"
#include "web/account_parts.hpp"

namespace motcua::web {

void AddNewPasswordInputs(const Site& site, std::string_view lang, TemplateDictionary& page,
                          const FieldErrors& errors) {
  AddInput(site, lang, page, "F_PASSWORD", kNewPasswordField, "", errors);
  AddInput(site, lang, page, "F_CONFIRM", kConfirmField, "", errors);
}

std::string SafeNext(std::string_view next) { return http::SameOriginPath(next).value_or(std::string(kAfterSignIn)); }

std::string NoticeText(const Site& site, std::string_view lang, std::string_view key) {
  if (key == "dang-ky") {
    return site.T(lang, "Tài khoản của bạn đã được tạo và bạn đã đăng nhập.");
  }
  if (key == "mat-khau") {
    return site.T(lang, "Mật khẩu đã được đổi. Các nơi khác đang đăng nhập đã bị đăng xuất.");
  }
  if (key == "dat-lai") {
    return site.T(lang, "Mật khẩu mới đã được lưu và bạn đã đăng nhập.");
  }
  if (key == "phien") {
    return site.T(lang, "Nơi đăng nhập đó đã bị đăng xuất.");
  }
  if (key == "to-chuc") {
    return site.T(lang, "Doanh nghiệp, tổ chức đã được đăng ký.");
  }
  if (key == "da-gui") {
    return site.T(lang,
                  "Nếu thông tin bạn nhập khớp với một tài khoản, mã xác nhận đã được gửi đến số điện thoại "
                  "của tài khoản đó. Nhập mã bên dưới.");
  }
  if (key == "dang-xuat") {
    return site.T(lang, "Bạn đã đăng xuất.");
  }
  return {};
}

std::string MinutesText(const Site& site, std::string_view lang, int64_t seconds) {
  if (seconds < domain::kSecondsPerMinute) {
    return fmt::format("{} {}", seconds, site.TN(lang, "giây", "giây", seconds));
  }
  const int64_t minutes = (seconds + domain::kSecondsPerMinute - 1) / domain::kSecondsPerMinute;
  return fmt::format("{} {}", minutes, site.TN(lang, "phút", "phút", minutes));
}

std::string ErrorText(const Site& site, std::string_view lang, const domain::Error& error, std::string_view msgid) {
  if (error.kind != domain::ErrorKind::kRateLimited) {
    return site.T(lang, msgid);
  }
  return fmt::format("{} {}.", site.T(lang, msgid), MinutesText(site, lang, error.retry_after_seconds));
}

void AddErrors(const Site& site, std::string_view lang, const domain::Error& error, FieldErrors& errors) {
  for (const domain::FieldError& f : error.fields) {
    errors.Add(f.field, ErrorText(site, lang, error, f.message));
  }
}

int32_t StatusOf(const domain::Error& error) {
  // A form sent with mistakes is shown again with its messages: 422, where the other pages answer a malformed
  // request with 400.
  return error.kind == domain::ErrorKind::kInvalid ? http::kUnprocessable : StatusOf(error.kind);
}

http::Response WithRetry(http::Response res, const domain::Error& error) {
  if (error.retry_after_seconds > 0) {
    res.Set("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return res;
}

http::Response SignedInRedirect(const AccountPages& p, http::Request& req, const service::SignedIn& signed_in,
                                const std::string& target) {
  access::Caller caller = access::CallerOf(req);
  const std::string cookie = p.auth.SignedIn(signed_in.session, signed_in.principal, caller);
  access::SetCaller(req, std::move(caller));
  return WithCookie(http::Response::Redirect(target), cookie);
}

void AddAccountPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts,
                     const access::Authenticator& auth) {
  const AccountPages p{site, accounts, auth};
  AddSignInPages(routes, p);
  AddRegistrationPages(routes, p);
  AddPasswordPages(routes, p);
  AddSessionPages(routes, p);
  AddOrganisationPages(routes, p);
  AddIdentityPages(routes, p);
}

}  // namespace motcua::web
