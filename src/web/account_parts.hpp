#pragma once
//! What the account page groups share (sign-in, registration, passwords, sessions, organisations, identity): the
//! fields, notices, and how a service error becomes a page.

#include <cstdint>
#include <string>
#include <string_view>

#include "access/auth.hpp"
#include "domain/messages.hpp"
#include "domain/result.hpp"
#include "http/message.hpp"
#include "service/accounts.hpp"
#include "web/forms.hpp"
#include "web/site.hpp"

namespace motcua::web {

// The names every account page file uses; this header is included only by those files.
using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Exec;
using http::Request;
using http::Response;

//! What every account page handler needs.
struct AccountPages {
  const Site& site;                   //!< Pages, translations.
  service::Accounts& accounts;        //!< The account operations.
  const access::Authenticator& auth;  //!< Cookies of sessions.
};

//! The identifier field of sign-in and reset.
inline constexpr InputSpec kAccountField{"tai_khoan",
                                         N_("Số định danh cá nhân hoặc số điện thoại"),
                                         N_("Cán bộ đăng nhập bằng tên đăng nhập"),
                                         "text",
                                         "username",
                                         "20"};
//! A new password.
inline constexpr InputSpec kNewPasswordField{
    "mat_khau",
    N_("Mật khẩu mới"),
    N_("Ít nhất 8 ký tự. Nên dùng một cụm từ dễ nhớ với bạn nhưng khó đoán, có thể có dấu cách"),
    "password",
    "new-password",
    "20"};
//! The new password again.
inline constexpr InputSpec kConfirmField{"mat_khau_2", N_("Nhập lại mật khẩu mới"), nullptr, "password", "new-password",
                                         "20"};

//! Adds the new password and its confirmation (includes F_PASSWORD, F_CONFIRM).
void AddNewPasswordInputs(const Site& site, std::string_view lang, TemplateDictionary& page, const FieldErrors& errors);
//! Where a person goes after signing in when no safe "tiep" was given.
inline constexpr std::string_view kAfterSignIn = "/tai-khoan";
//! A path on this site to go back to after signing in (http::SameOriginPath); anything else becomes kAfterSignIn.
std::string SafeNext(std::string_view next);
//! Notices shown after a redirect, chosen by a fixed key so no text travels in the URL.
std::string NoticeText(const Site& site, std::string_view lang, std::string_view key);
//! "N phút" (or seconds under a minute), translated.
std::string MinutesText(const Site& site, std::string_view lang, int64_t seconds);
//! The message of `error` translated, with the wait added when it is rate-limited.
std::string ErrorText(const Site& site, std::string_view lang, const domain::Error& error, std::string_view msgid);
//! Adds the field errors of `error`, translated (with the wait added when it is rate-limited).
void AddErrors(const Site& site, std::string_view lang, const domain::Error& error, FieldErrors& errors);
//! The HTTP status answering an error of this kind.
int32_t StatusOf(const domain::Error& error);
//! `res` with Retry-After when `error` says when to try again.
http::Response WithRetry(http::Response res, const domain::Error& error);
//! A redirect to `target` that hands the new session of `signed_in` to the browser and makes it the caller.
http::Response SignedInRedirect(const AccountPages& p, http::Request& req, const service::SignedIn& signed_in,
                                const std::string& target);

//! Sign-in and sign-out (password), the dev mailbox.
void AddSignInPages(access::RouteTable& routes, const AccountPages& p);
//! Self-registration.
void AddRegistrationPages(access::RouteTable& routes, const AccountPages& p);
//! Reset code, reset, password change.
void AddPasswordPages(access::RouteTable& routes, const AccountPages& p);
//! The account overview, its sessions, "my dossiers".
void AddSessionPages(access::RouteTable& routes, const AccountPages& p);
//! Organisations a citizen represents.
void AddOrganisationPages(access::RouteTable& routes, const AccountPages& p);
//! National identity (VNeID) sign-in, real or simulated.
void AddIdentityPages(access::RouteTable& routes, const AccountPages& p);

}  // namespace motcua::web
