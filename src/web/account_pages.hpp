#pragma once
//! Route registration of the account, officer and administration pages.

#include "access/auth.hpp"
#include "service/accounts.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! Citizens' account pages: registration, sign-in, reset, sessions, organisations, VNeID, dev mailbox.
void AddAccountPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts,
                     const access::Authenticator& auth);
//! Back-office pages for officers: home, citizens' accounts created and looked up at the counter.
void AddOfficerPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts);
//! A page showing a one-time code once, as a printable slip for the person it belongs to.
http::Response CodeSlip(const Site& site, const http::Request& req, const std::string& heading, const std::string& name,
                        const std::string& login, const std::string& code, int64_t expires_at, const std::string& back,
                        const std::string& back_text);
//! Administration: officers, roles, passwords, sessions, API tokens, the audit journal.
void AddAdminPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts);

}  // namespace motcua::web
