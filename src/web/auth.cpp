#include "web/auth.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "security/crypto.hpp"
#include "store/account_store.hpp"

namespace motcua::web {

namespace {

constexpr size_t kSessionBytes = 32;
constexpr size_t kPublicIdBytes = 12;
constexpr size_t kPreSessionBytes = 24;
constexpr int64_t kTouchEverySeconds = 60;
constexpr size_t kMaxUserAgent = 300;
constexpr int64_t kSecondsPerMinute = 60;
constexpr int64_t kSecondsPerHour = 3600;
constexpr std::string_view kBearer = "Bearer ";

const Caller& AnonymousCaller() {
  static const Caller kNobody;
  return kNobody;
}

//! Fills the principal of `caller` from account `user_id` when it may act (active).
bool LoadPrincipal(store::Session& s, int64_t user_id, Caller& caller) {
  const auto account = store::FindAccount(s, user_id);
  if (!account || account->status != domain::AccountStatus::kActive) {
    return false;
  }
  caller.principal = account->AsPrincipal();
  return true;
}

}  // namespace

const Caller& CallerOf(const http::Request& req) {
  const auto* caller = std::any_cast<Caller>(&req.context);
  return caller != nullptr ? *caller : AnonymousCaller();
}

void SetCaller(http::Request& req, Caller caller) { req.context = std::move(caller); }

void RouteTable::Add(std::string method, std::string pattern, domain::Permission permission, http::Handler handler,
                     http::Exec exec) {
  router_.Add(std::move(method), std::move(pattern), std::move(handler), exec);
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

Authenticator::Authenticator(const app::Config& config, store::Database& db)
    : config_(config),
      db_(db),
      secret_(store::SecretKey(db)),
      idle_seconds_(config.security.session_idle_minutes * kSecondsPerMinute),
      absolute_seconds_(config.security.session_absolute_hours * kSecondsPerHour) {}

std::string Authenticator::CsrfFor(std::string_view binding) const {
  return security::HmacSha256Hex(secret_, fmt::format("csrf|{}", binding));
}

Caller Authenticator::Anonymous(const http::Request& req) const {
  Caller caller;
  caller.pre_session = req.Cookie(PreSessionCookieName(config_.behind_tls));
  constexpr size_t kMinBinding = 16;
  if (caller.pre_session.size() < kMinBinding) {
    caller.pre_session = security::RandomToken(kPreSessionBytes);
    caller.new_pre_session = true;
  }
  caller.csrf_token = CsrfFor("pre|" + caller.pre_session);
  return caller;
}

Caller Authenticator::ResolveSession(const http::Request& req, int64_t now) const {
  const std::string cookie = req.Cookie(SessionCookieName(config_.behind_tls));
  if (cookie.empty()) {
    return Anonymous(req);
  }
  Caller caller;
  caller.session_hash = security::Sha256Hex(cookie);
  bool touch = false;
  bool valid = false;
  db_.Read([&](store::Session& s) {
    const auto session = store::FindSession(s, caller.session_hash, domain::Instant::FromSeconds(now));
    if (!session || session->last_seen_at + idle_seconds_ <= now) {
      return;
    }
    if (!LoadPrincipal(s, session->user_id, caller)) {
      return;
    }
    caller.session_public_id = session->public_id;
    touch = now - session->last_seen_at >= kTouchEverySeconds;
    valid = true;
  });
  if (!valid) {
    return Anonymous(req);  // expired, revoked or unknown: the person signs in again
  }
  if (touch) {
    db_.Write(
        [&](store::Session& s) { store::TouchSession(s, caller.session_hash, domain::Instant::FromSeconds(now)); });
  }
  caller.csrf_token = CsrfFor("session|" + caller.session_hash);
  return caller;
}

Caller Authenticator::ResolveBearer(const http::Request& req, int64_t now) const {
  Caller caller;
  const std::string_view auth = req.Header("authorization");
  if (!auth.starts_with(kBearer)) {
    return caller;
  }
  const std::string hash = security::Sha256Hex(http::TrimOws(auth.substr(kBearer.size())));
  bool valid = false;
  db_.Read([&](store::Session& s) {
    const auto user = store::FindApiTokenUser(s, hash);
    valid = user && LoadPrincipal(s, *user, caller);
  });
  if (!valid) {
    return Caller{};
  }
  caller.via_token = true;
  db_.Write([&](store::Session& s) { store::TouchApiToken(s, hash, domain::Instant::FromSeconds(now)); });
  return caller;
}

bool Authenticator::CsrfValid(const Caller& caller, std::string_view submitted) const {
  return !caller.csrf_token.empty() && security::ConstantTimeEqual(caller.csrf_token, submitted);
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

std::string Authenticator::StartSession(store::Session& s, const http::Request& req, int64_t user_id, int64_t now,
                                        Caller& caller) const {
  const std::string token = security::RandomToken(kSessionBytes);
  store::NewSession session;
  session.id_hash = security::Sha256Hex(token);
  session.public_id = security::RandomToken(kPublicIdBytes);
  session.user_id = user_id;
  session.expires_at = domain::Instant::FromSeconds(now + absolute_seconds_);
  session.ip = req.remote_addr;
  session.user_agent = std::string(req.Header("user-agent").substr(0, kMaxUserAgent));
  store::InsertSession(s, session, domain::Instant::FromSeconds(now));
  caller.session_hash = session.id_hash;
  caller.session_public_id = session.public_id;
  caller.pre_session.clear();
  caller.new_pre_session = false;
  caller.csrf_token = CsrfFor("session|" + session.id_hash);
  // A browser-session cookie: closing the browser ends it; the server enforces idle and absolute limits.
  return CookieHeader(SessionCookieName(config_.behind_tls), token, 0, config_.behind_tls);
}

std::string Authenticator::ClearSessionCookie() const {
  return CookieHeader(SessionCookieName(config_.behind_tls), "", -1, config_.behind_tls);
}

}  // namespace motcua::web
