#include "service/sessions.hpp"

#include "domain/constants.hpp"
#include "security/crypto.hpp"
#include "store/account_store.hpp"

namespace motcua::service {

namespace {

//! Random bytes in the installation secret (HMAC key of CSRF tokens).
constexpr size_t kSecretBytes = 32;
constexpr size_t kSessionBytes = 32;
constexpr size_t kPublicIdBytes = 12;
//! A session's last use is written at most this often, so that reading a page rarely writes.
constexpr int64_t kTouchEverySeconds = 60;

//! The principal of account `user_id` when it may act (active).
std::optional<domain::Principal> ActivePrincipal(store::Session& s, int64_t user_id) {
  const auto account = store::FindAccount(s, user_id);
  if (!account || account->status != domain::AccountStatus::kActive) {
    return std::nullopt;
  }
  return account->AsPrincipal();
}

}  // namespace

Sessions::Sessions(const app::Config& config, store::Database& db, const domain::Clock& clock)
    : db_(db),
      clock_(clock),
      secret_(store::SecretKey(db, [] { return security::RandomToken(kSecretBytes); })),
      idle_seconds_(config.security.session_idle_minutes * domain::kSecondsPerMinute),
      absolute_seconds_(config.security.session_absolute_hours * domain::kSecondsPerHour) {}

std::optional<FoundSession> Sessions::Find(std::string_view token) const {
  if (token.empty()) {
    return std::nullopt;
  }
  const int64_t now = clock_.NowSeconds();
  FoundSession found;
  found.id_hash = security::Sha256Hex(token);
  bool touch = false;
  bool valid = false;
  db_.Read([&](store::Session& s) {
    const auto session = store::FindSession(s, found.id_hash, domain::Instant::FromSeconds(now));
    if (!session || session->last_seen_at + idle_seconds_ <= now) {
      return;
    }
    auto principal = ActivePrincipal(s, session->user_id);
    if (!principal) {
      return;
    }
    found.principal = std::move(*principal);
    found.public_id = session->public_id;
    touch = now - session->last_seen_at >= kTouchEverySeconds;
    valid = true;
  });
  if (!valid) {
    return std::nullopt;  // expired, revoked or unknown: the person signs in again
  }
  if (touch) {
    db_.Write([&](store::Session& s) { store::TouchSession(s, found.id_hash, domain::Instant::FromSeconds(now)); });
  }
  return found;
}

std::optional<domain::Principal> Sessions::FindBearer(std::string_view token) const {
  const std::string hash = security::Sha256Hex(token);
  std::optional<domain::Principal> principal;
  db_.Read([&](store::Session& s) {
    if (const auto user = store::FindApiTokenUser(s, hash)) {
      principal = ActivePrincipal(s, *user);
    }
  });
  if (principal) {
    db_.Write([&](store::Session& s) { store::TouchApiToken(s, hash, clock_.Now()); });
  }
  return principal;
}

StartedSession Sessions::Start(store::Session& s, const Actor& actor, int64_t user_id) const {
  const int64_t now = clock_.NowSeconds();
  StartedSession started;
  started.token = security::RandomToken(kSessionBytes);
  started.id_hash = security::Sha256Hex(started.token);
  started.public_id = security::RandomToken(kPublicIdBytes);
  store::NewSession session;
  session.id_hash = started.id_hash;
  session.public_id = started.public_id;
  session.user_id = user_id;
  session.expires_at = domain::Instant::FromSeconds(now + absolute_seconds_);
  session.ip = actor.address;
  session.user_agent = actor.user_agent.substr(0, domain::kMaxUserAgentBytes);
  store::InsertSession(s, session, domain::Instant::FromSeconds(now));
  return started;
}

void Sessions::EndByHash(store::Session& s, std::string_view id_hash) const {
  if (id_hash.empty()) {
    return;
  }
  store::RevokeSessionByHash(s, id_hash, clock_.Now());
}

std::vector<domain::SessionInfo> Sessions::List(int64_t user_id) const {
  std::vector<domain::SessionInfo> out;
  db_.Read([&](store::Session& s) { out = store::ListSessions(s, user_id, clock_.Now(), idle_seconds_); });
  return out;
}

std::string Sessions::Mac(std::string_view message) const { return security::HmacSha256Hex(secret_, message); }

bool Sessions::SameSecret(std::string_view a, std::string_view b) { return security::ConstantTimeEqual(a, b); }

std::string Sessions::NewToken(size_t bytes) { return security::RandomToken(bytes); }

}  // namespace motcua::service
