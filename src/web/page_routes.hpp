#pragma once
//! Route tables of page groups whose handlers share a service object: one line per route instead of one lambda
//! per route.

#include <memory>
#include <span>

#include "access/auth.hpp"
#include "domain/policy.hpp"
#include "http/message.hpp"

namespace motcua::web {

class Site;

//! One route of a page group whose handlers use `Services`.
template <typename Services>
struct PageRoute {  // NOLINT(clang-analyzer-optin.performance.Padding): a few static rows, fields in reading order
  //! A handler: parses the request, calls the services, renders.
  using Handler = http::Response (*)(const Site&, Services&, const http::Request&);
  const char* method;                          //!< "GET" or "POST".
  const char* pattern;                         //!< Path pattern, e.g. "/quan-tri/can-bo/{id}".
  domain::Permission permission;               //!< What the caller must hold.
  Handler handler;                             //!< What answers it.
  http::Exec exec = http::Exec::kInteractive;  //!< Where it runs: interactive by default, reports apart.
};

//! Adds every route of `table`, each on its executor (never an I/O thread: they read and write the store); the
//! handlers keep `services` alive.
template <typename Services>
void AddPageRoutes(access::RouteTable& routes, const Site& site, const std::shared_ptr<Services>& services,
                   std::span<const PageRoute<Services>> table) {
  const Site* s = &site;
  for (const PageRoute<Services>& route : table) {
    routes.Add(
        route.method, route.pattern, route.permission,
        [s, services, h = route.handler](http::Request& r) { return h(*s, *services, r); }, route.exec);
  }
}

}  // namespace motcua::web
