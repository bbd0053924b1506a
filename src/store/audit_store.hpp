#pragma once
//! The audit journal (nhật ký kiểm toán): appending chained entries, searching them, checking the chain.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Appends `entry` inside the caller's write transaction, chaining it to the last row; returns its seq.
//! Sets seq (last + 1), at_us (now, unless the caller set it), prev_hash and hash, and moves the chain head
//! (meta 'audit_head' = "seq:hash") in the same transaction. On PostgreSQL it first takes an advisory lock
//! held until commit, so appends from several app nodes chain one after another.
int64_t AppendAudit(Session& s, domain::AuditEntry entry);

//! What to look for in the journal; empty fields and zeros match everything.
struct AuditFilter {
  std::string person{};    //!< Actor id, a substring of the actor's name (case-sensitive), or a user acted on.
  std::string object{};    //!< An object id, or "type:id".
  std::string action{};    //!< An action or its prefix ("login." matches login.success and login.failure).
  int64_t from_us = 0;     //!< Entries at or after this time (Unix microseconds).
  int64_t to_us = 0;       //!< Entries before this time.
  int64_t before_seq = 0;  //!< Entries older than this seq: the next page after the last seq shown.
  int32_t limit = 50;      //!< Most entries returned (1 to kMaxAuditPage).
};

//! Most entries one search returns.
inline constexpr int32_t kMaxAuditPage = 500;

//! Entries matching `filter`, newest first (person matches actor_id or actor_name substring or object of type
//! "user"; object matches object_id or "type:id"; action matches a prefix like "login.").
std::vector<domain::AuditEntry> SearchAudit(Database& db, const AuditFilter& filter);

//! The outcome of checking the whole journal.
struct AuditVerification {
  bool intact = true;            //!< True when every row and the head agree.
  int64_t rows = 0;              //!< Rows checked (all of them when intact).
  int64_t first_broken_seq = 0;  //!< The first row found wrong or missing; 0 when intact or no row is to blame.
  std::string problem;           //!< What is wrong, in English for operators, naming the row; "" when intact.
};

//! Walks the whole chain in seq order in batches (bounded memory) and reports the first broken row.
AuditVerification VerifyAudit(Database& db);

}  // namespace motcua::store
