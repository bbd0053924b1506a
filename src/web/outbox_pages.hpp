#pragma once
//! The dead-letter page: messages the outbox could not deliver, for the system administrator to send again.

#include "access/auth.hpp"
#include "service/accounts.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! GET /quan-tri/tin-nhan-chua-gui (the list) and POST /quan-tri/tin-nhan-chua-gui/{id}/gui-lai (resend).
void AddOutboxPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts);

}  // namespace motcua::web
