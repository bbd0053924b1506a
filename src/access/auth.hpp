#pragma once
//! Who is calling: sessions (cookie), API bearer tokens, CSRF tokens and the Origin check. The route table pairs
//! every route with the permission it requires.

#include <any>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "domain/policy.hpp"
#include "http/router.hpp"
#include "service/actor.hpp"
#include "service/sessions.hpp"

namespace motcua::access {

//! The caller of one request, resolved before its handler runs.
struct Caller {
  domain::Principal principal;    //!< Anonymous unless a session or token was valid.
  std::string session_hash;       //!< SHA-256 of the session cookie ("" when none).
  std::string session_public_id;  //!< The session's public id ("" when none).
  std::string csrf_token;         //!< Token every form of this caller must send back.
  std::string pre_session;        //!< Anonymous form binding (cookie value), "" when signed in.
  bool new_pre_session = false;   //!< The binding cookie must be set on the response.
  bool via_token = false;         //!< Authenticated by an API bearer token.
};

//! The service layer's view of the caller of `req` (principal, address, user agent, request id, session).
service::Actor ActorOf(const http::Request& req);

//! The caller stored on `req` by the application (anonymous when none was resolved).
const Caller& CallerOf(const http::Request& req);
//! Stores the caller on `req`.
void SetCaller(http::Request& req, Caller caller);

//! Routes with the permission each requires. Registering through this table is the only way to add a route,
//! and a route always names its permission (the policy in domain/ decides; nothing is allowed by default).
class RouteTable {
 public:
  //! Adds a route requiring `permission` (a body up to `max_body_bytes`; 0: the server's default; read as `body`
  //! says: a multipart route gets its files spooled to disk).
  void Add(std::string method, std::string pattern, domain::Permission permission, http::Handler handler,
           http::Exec exec = http::Exec::kInline, uint64_t max_body_bytes = 0,
           http::BodyMode body = http::BodyMode::kMemory);
  //! The permission of a route of this table; nothing for a route it does not know (which is then refused).
  std::optional<domain::Permission> PermissionOf(const http::Route* route) const;
  //! The router.
  const http::Router& router() const { return router_; }

 private:
  http::Router router_;
  std::vector<domain::Permission> permissions_;  // parallel to router_.routes()
};

//! Session cookie name: `__Host-motcua` over HTTPS; browsers refuse `__Host-` cookies without Secure, so plain
//! HTTP (development on 127.0.0.1) uses `motcua`.
std::string SessionCookieName(bool behind_tls);
//! Cookie binding anonymous forms (sign-in, registration) to their CSRF token.
std::string PreSessionCookieName(bool behind_tls);
//! A Set-Cookie value: HttpOnly, SameSite=Lax, Path=/, Secure behind TLS; `max_age` < 0 deletes it, 0 makes a
//! browser-session cookie.
std::string CookieHeader(const std::string& name, const std::string& value, int64_t max_age, bool behind_tls);

//! Sessions, tokens and CSRF for every request: HTTP (cookies, headers) over the service's sessions.
class Authenticator {
 public:
  //! Cookies follow `config` (TLS or not); sessions, tokens and the secret come from `sessions`.
  Authenticator(const app::Config& config, const service::Sessions& sessions);
  //! Resolves a page request's caller from its session cookie (reads the store; call on the worker pool).
  Caller ResolveSession(const http::Request& req) const;
  //! Resolves an API request's caller from `Authorization: Bearer` (cookies are ignored on the API).
  Caller ResolveBearer(const http::Request& req) const;
  //! The anonymous caller, with a form binding from the request's cookie or a new one.
  Caller Anonymous(const http::Request& req) const;
  //! True when `submitted` is the CSRF token of `caller`.
  bool CsrfValid(const Caller& caller, std::string_view submitted) const;
  //! True when a state-changing request comes from our own pages: Sec-Fetch-Site is same-origin (or none, typed
  //! by the user) when sent, and Origin, when sent, names this site.
  bool SameOrigin(const http::Request& req) const;
  //! Makes `caller` the caller of the session `started` for `principal` (new CSRF token, no form binding) and
  //! returns the Set-Cookie value that hands the session to the browser.
  std::string SignedIn(const service::StartedSession& started, const domain::Principal& principal,
                       Caller& caller) const;
  //! The Set-Cookie value that deletes the session cookie.
  std::string ClearSessionCookie() const;
  //! The CSRF token bound to `binding`.
  std::string CsrfFor(std::string_view binding) const;

 private:
  const app::Config& config_;
  const service::Sessions& sessions_;
};

}  // namespace motcua::access
