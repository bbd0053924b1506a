#pragma once
//! The application behind the server: routing, page cache, security headers, error pages, logs and metrics.

#include <spdlog/logger.h>
#include <memory>
#include <set>
#include <shared_mutex>
#include <unordered_map>

#include "access/auth.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/accounts.hpp"
#include "web/site.hpp"

namespace motcua::portal {

//! Every response carries these headers (CSP without inline script, no framing, no sniffing).
void AddSecurityHeaders(http::Response& res, bool behind_tls, int64_t hsts_max_age);

//! Rendered public pages, valid for one catalogue version.
class PageCache {
 public:
  //! Keeps at most `capacity` pages (0 disables caching).
  explicit PageCache(size_t capacity) : capacity_(capacity) {}
  //! The page for `key` rendered from catalogue `version`, if cached.
  std::optional<http::Response> Get(const std::string& key, int64_t version) const;
  //! Stores a page rendered from catalogue `version`.
  void Put(const std::string& key, int64_t version, const http::Response& res);

 private:
  size_t capacity_;
  mutable std::shared_mutex mutex_;
  int64_t version_ = -1;
  std::unordered_map<std::string, std::shared_ptr<const http::Response>> pages_;
};

//! The motcua web application.
class WebApp final : public http::Application {
 public:
  //! Builds the routing table over the given services.
  WebApp(const app::Config& config, store::Database& db, service::CatalogueHolder& catalogue,
         const web::Translator& translator, const web::Templates& templates, const http::StaticFiles& assets,
         service::Accounts& accounts, const access::Authenticator& auth);
  bool NeedsPool(http::Request& req) override;
  http::Response Handle(http::Request& req) override;
  http::Response Refused(const http::Request& req, int32_t status, const std::string& reason) override;
  void Completed(const http::Request& req, const http::Response& res, std::chrono::microseconds elapsed) override;
  //! Lets /metrics report the server's live counters.
  void AttachServer(const http::Server* server) { server_ = server; }
  //! The routing table (enumerated by tests).
  const http::Router& router() const { return routes_.router(); }
  //! The routing table with each route's permission.
  const access::RouteTable& routes() const { return routes_; }

 private:
  http::Response Route(http::Request& req);
  //! Resolves the caller and applies the route's permission, the Origin check and the CSRF token; a response
  //! when the request must stop here.
  std::optional<http::Response> Guard(http::Request& req, const http::Route& route);
  http::Match Resolve(http::Request& req) const;
  void Finish(const http::Request& req, http::Response& res);

  const app::Config& config_;
  store::Database& db_;
  const http::StaticFiles& assets_;
  service::CatalogueHolder& catalogue_;
  web::Site site_;
  service::Accounts& accounts_;
  const access::Authenticator& auth_;
  access::RouteTable routes_;
  http::Metrics metrics_;
  PageCache cache_;
  std::set<std::string> cacheable_;
  const http::Server* server_ = nullptr;
  std::shared_ptr<spdlog::logger> access_log_;  // looked up once, not per request
};

}  // namespace motcua::portal
