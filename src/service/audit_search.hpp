#pragma once
//! Searching the audit journal, one page at a time, for those allowed to read it.

#include <cstdint>
#include <vector>

#include "domain/audit.hpp"
#include "domain/result.hpp"
#include "service/actor.hpp"
#include "store/audit_store.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! What to look for (person, object, action, time range, the seq a page starts below); its limit is the service's.
using JournalQuery = store::AuditFilter;

//! One page of matching entries.
struct JournalPage {
  std::vector<domain::AuditEntry> entries;  //!< Newest first, at most kJournalPageSize.
  bool more = false;                        //!< True when older entries match too (ask with before_id).
};

//! Entries on one page of the journal search.
inline constexpr int32_t kJournalPageSize = 50;

//! One page of entries matching `query`, newest first (kForbidden unless the actor may view the journal).
domain::Result<JournalPage> SearchJournal(store::Database& db, const Actor& actor, const JournalQuery& query);

}  // namespace motcua::service
