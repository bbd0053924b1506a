#pragma once
//! Who performs an operation of the service layer, and from where: what the web and API layers hand over instead of
//! an HTTP request, so that operations are plain functions testable without a server.

#include <string>

#include "domain/policy.hpp"

namespace motcua::service {

//! The person (or nobody) behind one operation, with the request facts the audit journal records.
struct Actor {
  domain::Principal principal;    //!< Anonymous unless a session or API token was valid.
  std::string address;            //!< Client address (after trusted proxy headers).
  std::string user_agent;         //!< User-Agent, cut to a bounded length by the journal.
  std::string request_id;         //!< Request id, shown on error pages and in the log.
  std::string session_hash;       //!< SHA-256 of the session the operation runs in ("" when none).
  std::string session_public_id;  //!< That session's public id ("" when none).
};

}  // namespace motcua::service
