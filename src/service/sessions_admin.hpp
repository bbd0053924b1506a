#pragma once
//! The system administrators' view of every open session (who, from where, since when), itself journaled.

#include <cstdint>
#include <vector>

#include "domain/account.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! Lists open sessions for those allowed to see the journal.
class SessionsAdmin {
 public:
  //! Works on `db` at the times of `clock` (both must outlive this object); a session unused for `idle_seconds` is
  //! not open.
  SessionsAdmin(store::Database& db, const domain::Clock& clock, int64_t idle_seconds)
      : db_(db), clock_(clock), idle_seconds_(idle_seconds) {}

  //! Every open session, newest first; the viewing is journaled in the same transaction (kForbidden unless the
  //! actor may view the journal).
  domain::Result<std::vector<domain::SessionInfo>> ListOpen(const Actor& actor);

 private:
  store::Database& db_;
  const domain::Clock& clock_;
  int64_t idle_seconds_;
};

}  // namespace motcua::service
