#include "service/sessions_admin.hpp"

#include "service/journal.hpp"
#include "service/permission.hpp"
#include "store/account_store.hpp"

namespace motcua::service {

domain::Result<std::vector<domain::SessionInfo>> SessionsAdmin::ListOpen(const Actor& actor) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kViewAudit)) {
    return *refused;
  }
  std::vector<domain::SessionInfo> sessions;
  db_.Write([&](store::Session& s) {
    Journal(s, actor, {"sessions.view", "", "", ""});
    sessions = store::ListSessions(s, 0, clock_.Now(), idle_seconds_);
  });
  return sessions;
}

}  // namespace motcua::service
