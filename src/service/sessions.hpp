#pragma once
//! Sessions and API tokens as the access layer needs them: finding the account behind a session cookie or a bearer
//! token, starting a session inside an operation's write job, ending sessions, and the installation secret that
//! keys CSRF tokens. "Now" comes from the injected clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "domain/account.hpp"
#include "domain/policy.hpp"
#include "domain/time.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! A session that was just started: the cookie value to hand to the browser and how the server knows it.
struct StartedSession {
  std::string token;      //!< The cookie value (never stored; only its hash is).
  std::string id_hash;    //!< SHA-256 of the token, as stored.
  std::string public_id;  //!< Random id shown in forms to end this session.
};

//! A live session found from its cookie.
struct FoundSession {
  domain::Principal principal;  //!< The active account behind it.
  std::string id_hash;          //!< SHA-256 of the cookie value.
  std::string public_id;        //!< The session's public id.
};

//! Sessions, bearer tokens and the installation secret; one per server.
class Sessions {
 public:
  //! Reads (or creates once) the installation secret from `db`; all references must outlive this object.
  Sessions(const app::Config& config, store::Database& db, const domain::Clock& clock);

  //! The live session of cookie value `token` whose account may act, touching it at most once a minute.
  std::optional<FoundSession> Find(std::string_view token) const;
  //! The active account of a live API token (`token` as sent after "Bearer "), recording its use.
  std::optional<domain::Principal> FindBearer(std::string_view token) const;
  //! Starts a session for `user_id` inside the write job `s` (a new id every time: never carried over a sign-in).
  StartedSession Start(store::Session& s, const Actor& actor, int64_t user_id) const;
  //! Ends the session with cookie hash `id_hash` inside `s` (nothing when empty).
  void EndByHash(store::Session& s, std::string_view id_hash) const;
  //! Live sessions of `user_id` (0: everyone's), newest first.
  std::vector<domain::SessionInfo> List(int64_t user_id) const;

  //! HMAC-SHA-256 of `message` under the installation secret, in hex (CSRF tokens).
  std::string Mac(std::string_view message) const;
  //! True when `a` equals `b`, in time independent of where they differ.
  static bool SameSecret(std::string_view a, std::string_view b);
  //! A fresh random token of `bytes` random bytes, URL-safe.
  static std::string NewToken(size_t bytes);

  //! Seconds a session may stay unused.
  int64_t idle_seconds() const { return idle_seconds_; }
  //! The clock sessions are measured against.
  const domain::Clock& clock() const { return clock_; }

 private:
  store::Database& db_;
  const domain::Clock& clock_;
  std::string secret_;
  int64_t idle_seconds_;
  int64_t absolute_seconds_;
};

}  // namespace motcua::service
