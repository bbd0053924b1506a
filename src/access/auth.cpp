#include "access/auth.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace motcua::access {

namespace {

constexpr size_t kPreSessionBytes = 24;
//! Shortest form binding accepted from a cookie (ours are longer).
constexpr size_t kMinBinding = 16;
constexpr std::string_view kBearer = "Bearer ";

const Caller& AnonymousCaller() {
  static const Caller kNobody;
  return kNobody;
}

}  // namespace

service::Actor ActorOf(const http::Request& req) {
  const Caller& caller = CallerOf(req);
  return service::Actor{caller.principal, req.remote_addr,     std::string(req.Header("user-agent")),
                        req.request_id,   caller.session_hash, caller.session_public_id};
}

const Caller& CallerOf(const http::Request& req) {
  const auto* caller = std::any_cast<Caller>(&req.context);
  return caller != nullptr ? *caller : AnonymousCaller();
}

void SetCaller(http::Request& req, Caller caller) { req.context = std::move(caller); }

void RouteTable::Add(std::string method, std::string pattern, domain::Permission permission, http::Handler handler,
                     http::Exec exec, uint64_t max_body_bytes, http::BodyMode body) {
  router_.Add(std::move(method), std::move(pattern), std::move(handler), exec, max_body_bytes, body);
  permissions_.push_back(permission);
}

std::optional<domain::Permission> RouteTable::PermissionOf(const http::Route* route) const {
  const auto& routes = router_.routes();
  if (route == nullptr || routes.empty() || route < routes.data() || route >= routes.data() + routes.size()) {
    return std::nullopt;
  }
  return permissions_[static_cast<size_t>(route - routes.data())];
}

std::string SessionCookieName(bool behind_tls) { return behind_tls ? "__Host-motcua" : "motcua"; }

std::string PreSessionCookieName(bool behind_tls) { return behind_tls ? "__Host-motcua-form" : "motcua-form"; }

std::string CookieHeader(const std::string& name, const std::string& value, int64_t max_age, bool behind_tls) {
  std::string out = fmt::format("{}={}; Path=/; HttpOnly; SameSite=Lax", name, value);
  if (max_age < 0) {
    out += "; Max-Age=0";
  } else if (max_age > 0) {
    out += fmt::format("; Max-Age={}", max_age);
  }
  if (behind_tls) {
    out += "; Secure";
  }
  return out;
}

Authenticator::Authenticator(const app::Config& config, const service::Sessions& sessions)
    : config_(config), sessions_(sessions) {}

std::string Authenticator::CsrfFor(std::string_view binding) const {
  return sessions_.Mac(fmt::format("csrf|{}", binding));
}

Caller Authenticator::Anonymous(const http::Request& req) const {
  Caller caller;
  caller.pre_session = req.Cookie(PreSessionCookieName(config_.behind_tls));
  if (caller.pre_session.size() < kMinBinding) {
    caller.pre_session = service::Sessions::NewToken(kPreSessionBytes);
    caller.new_pre_session = true;
  }
  caller.csrf_token = CsrfFor("pre|" + caller.pre_session);
  return caller;
}

Caller Authenticator::ResolveSession(const http::Request& req) const {
  auto found = sessions_.Find(req.Cookie(SessionCookieName(config_.behind_tls)));
  if (!found) {
    return Anonymous(req);  // expired, revoked or unknown: the person signs in again
  }
  Caller caller;
  caller.principal = std::move(found->principal);
  caller.session_hash = std::move(found->id_hash);
  caller.session_public_id = std::move(found->public_id);
  caller.csrf_token = CsrfFor("session|" + caller.session_hash);
  return caller;
}

Caller Authenticator::ResolveBearer(const http::Request& req) const {
  Caller caller;
  const std::string_view auth = req.Header("authorization");
  if (!auth.starts_with(kBearer)) {
    return caller;
  }
  auto principal = sessions_.FindBearer(http::TrimOws(auth.substr(kBearer.size())));
  if (!principal) {
    return caller;
  }
  caller.principal = std::move(*principal);
  caller.via_token = true;
  return caller;
}

bool Authenticator::CsrfValid(const Caller& caller, std::string_view submitted) const {
  return !caller.csrf_token.empty() && service::Sessions::SameSecret(caller.csrf_token, submitted);
}

bool Authenticator::SameOrigin(const http::Request& req) const {
  const std::string_view site = req.Header("sec-fetch-site");
  if (!site.empty() && site != "same-origin" && site != "none") {
    return false;
  }
  const std::string_view origin = req.Header("origin");
  if (origin.empty()) {
    return true;  // older browsers; the CSRF token still has to match
  }
  const std::string_view host = req.Header("host");
  if (host.empty()) {
    return false;
  }
  const std::string https = fmt::format("https://{}", host);
  if (origin == https) {
    return true;
  }
  return !config_.behind_tls && origin == fmt::format("http://{}", host);
}

std::string Authenticator::SignedIn(const service::StartedSession& started, const domain::Principal& principal,
                                    Caller& caller) const {
  caller.principal = principal;
  caller.session_hash = started.id_hash;
  caller.session_public_id = started.public_id;
  caller.pre_session.clear();
  caller.new_pre_session = false;
  caller.csrf_token = CsrfFor("session|" + started.id_hash);
  // A browser-session cookie: closing the browser ends it; the server enforces idle and absolute limits.
  return CookieHeader(SessionCookieName(config_.behind_tls), started.token, 0, config_.behind_tls);
}

std::string Authenticator::ClearSessionCookie() const {
  return CookieHeader(SessionCookieName(config_.behind_tls), "", -1, config_.behind_tls);
}

}  // namespace motcua::access
