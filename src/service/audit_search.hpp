#pragma once
//! Searching the audit journal, one page at a time, for those allowed to read it.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/audit.hpp"
#include "domain/result.hpp"
#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! What to look for; empty texts and zero times match everything.
struct JournalQuery {
  std::string person;      //!< Actor id, part of the actor's name, or a user acted on.
  std::string object;      //!< An object id, or "type:id".
  std::string action;      //!< An action or its prefix ("login.").
  int64_t from_us = 0;     //!< Entries at or after this time (Unix microseconds).
  int64_t to_us = 0;       //!< Entries before this time.
  int64_t before_seq = 0;  //!< Entries older than this seq (the page after the one that ended there).
};

//! One page of matching entries.
struct JournalPage {
  std::vector<domain::AuditEntry> entries;  //!< Newest first, at most kJournalPageSize.
  bool more = false;                        //!< True when older entries match too (ask with before_seq).
};

//! Entries on one page of the journal search.
inline constexpr int32_t kJournalPageSize = 50;

//! One page of entries matching `query`, newest first (kForbidden unless the actor may view the journal).
domain::Result<JournalPage> SearchJournal(store::Database& db, const Actor& actor, const JournalQuery& query);

}  // namespace motcua::service
