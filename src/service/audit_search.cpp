#include "service/audit_search.hpp"

#include "service/permission.hpp"

namespace motcua::service {

domain::Result<JournalPage> SearchJournal(store::Database& db, const Actor& actor, const JournalQuery& query) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kViewAudit)) {
    return *refused;
  }
  store::AuditFilter filter = query;
  filter.limit = kJournalPageSize + 1;  // one more than shown tells whether there is a next page
  JournalPage page;
  page.entries = store::SearchAudit(db, filter);
  page.more = page.entries.size() > static_cast<size_t>(kJournalPageSize);
  if (page.more) {
    page.entries.resize(static_cast<size_t>(kJournalPageSize));
  }
  return page;
}

}  // namespace motcua::service
