#pragma once
//! Refused requests in the audit journal (a 403 for a signed-in caller, an anonymous hit on a protected page, a CSRF
//! rejection, a refused role grant), rate-limited per client address and kind so that a flood of refusals cannot
//! flood the journal: a token bucket per (address, action) and one for the whole node, in memory; the first entry
//! journaled after a run of dropped ones comes with a "refusal.suppressed" entry saying how many were dropped.

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "domain/time.hpp"
#include "service/actor.hpp"
#include "service/journal.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! Event codes of refusals (the journal page translates them).
inline constexpr const char* kRefusedAuthorisation = "auth.refused";  //!< Signed in, but the policy said no.
inline constexpr const char* kRefusedAnonymous = "auth.required";     //!< Anonymous caller on a protected route.
inline constexpr const char* kRefusedCsrf = "csrf.rejected";          //!< Form POST with a bad CSRF token or Origin.
//! Signed in and allowed on the route, but the handler answered 403 or 404 about the object (not theirs, out of
//! their scope, or not there: the policy answers 404 so that ids reveal nothing, and probing ids shows up here).
inline constexpr const char* kRefusedObject = "auth.object_refused";
inline constexpr const char* kRefusalsSuppressed = "refusal.suppressed";  //!< N similar refusals were not journaled.

//! One refused request or operation, as the journal records it.
struct Refusal {
  std::string action;       //!< Event code: kRefusedAuthorisation, kRefusedCsrf, "role.grant_refused", …
  std::string route;        //!< What was refused: a route pattern ("/quan-tri/can-bo/{id}") or an operation name.
  std::string object_type;  //!< The object concerned ("route" when empty).
  std::string object_id;    //!< Its id (the route when empty).
  Summary detail;           //!< More facts (method, permission, role asked for…); never a secret.
};

//! Limits of the refusal journal (per node).
struct RefusalLimits {
  int32_t burst = 5;                //!< Refusals of one (address, action) journaled in a row.
  int64_t refill_seconds = 60;      //!< One more allowed per this many seconds, per (address, action).
  int32_t node_burst = 100;         //!< Refusals journaled in a row by the whole node.
  int64_t node_refill_seconds = 1;  //!< One more allowed per this many seconds, node-wide.
  size_t max_keys = 10000;          //!< (address, action) buckets kept before idle ones are forgotten.
};

//! Whether one refusal may be journaled, and how many of its kind were dropped before it.
struct RefusalAdmission {
  bool journal = false;              //!< True when this refusal is written to the journal.
  int64_t suppressed = 0;            //!< Refusals of the same (address, action) dropped since the last one journaled.
  domain::Instant first_suppressed;  //!< When the first of those was dropped.
};

//! Token buckets per (address, action) and for the node; thread-safe.
class RefusalLimiter {
 public:
  //! A limiter with `limits`.
  explicit RefusalLimiter(RefusalLimits limits = {}) : limits_(limits) {}
  //! Counts one refusal of `action` from `address` at `now`.
  RefusalAdmission Admit(const std::string& address, const std::string& action, domain::Instant now);
  //! Buckets held now (tests).
  size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    domain::Instant last;
    int64_t suppressed = 0;
    domain::Instant first_suppressed;
  };
  static bool Take(Bucket& b, int32_t burst, int64_t refill_seconds, domain::Instant now);
  void Forget(domain::Instant now);

  RefusalLimits limits_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Bucket node_;
  bool node_started_ = false;
};

//! The node's limiter, shared by every caller of the three-argument JournalRefusal.
RefusalLimiter& NodeRefusalLimiter();

//! Journals `refusal` by `actor` (in its own write job) unless the node's limiter drops it. Never throws: a refusal
//! is already decided, so a failed journal write is logged and the answer goes out. Returns true when journaled.
//! Call it after deciding to refuse and outside any `Database::Write` job (it runs one of its own), e.g.
//! `JournalRefusal(accounts.db(), accounts.clock(), actor, Refusal{"role.grant_refused", "GrantRole", "user", id, …})`.
bool JournalRefusal(store::Database& db, const domain::Clock& clock, const Actor& actor, const Refusal& refusal);

//! Same, counted by `limiter` at `now` (tests).
bool JournalRefusal(store::Database& db, RefusalLimiter& limiter, domain::Instant now, const Actor& actor,
                    const Refusal& refusal);

}  // namespace motcua::service
