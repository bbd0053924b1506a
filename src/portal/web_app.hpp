#pragma once
//! The application behind the server: routing, page cache, security headers, error pages, logs and metrics.

#include <spdlog/logger.h>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <unordered_map>

#include "access/auth.hpp"
#include "http/address.hpp"
#include "http/health_probe.hpp"
#include "http/metrics.hpp"
#include "http/response_cache.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "service/accounts.hpp"
#include "service/back_office.hpp"
#include "service/dossiers.hpp"
#include "web/site.hpp"

namespace motcua::portal {

//! Every response carries these headers (CSP without inline script, no framing, no sniffing).
void AddSecurityHeaders(http::Response& res, bool behind_tls, int64_t hsts_max_age);

//! The motcua web application.
class WebApp final : public http::Application {
 public:
  //! Builds the routing table over the given services (`dossiers`: the services of issue 9, all set).
  WebApp(const app::Config& config, store::Database& db, service::CatalogueHolder& catalogue,
         const web::Translator& translator, const web::Templates& templates, const http::StaticFiles& assets,
         service::Accounts& accounts, const access::Authenticator& auth, service::DossierServices dossiers,
         service::OfficeServices office = {});
  http::Placement Place(http::Request& req) override;
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
  //! Journals a refusal of `req` (rate-limited per address and kind; see service/refusals.hpp); `status` (when not
  //! 0) is the handler's answer.
  void JournalRefused(const http::Request& req, const char* action, domain::Permission permission, int32_t status = 0);
  //! Test only (testing.slow_reports): a report that waits until released, and the route that releases it.
  void AddSlowReportRoutes();
  void Finish(const http::Request& req, http::Response& res);
  //! Puts the caller's account area in the slot of a page rendered for nobody (an uncached answer of a cached route).
  void FillAccountSlot(const http::Request& req, http::Response& res) const;
  //! The response for a cache entry: the entry itself, its 304, or for a signed-in caller the entry with their
  //! account area in its slot.
  http::Response FromCache(const http::Request& req, const std::shared_ptr<const http::CachedResponse>& entry);

  const app::Config& config_;
  store::Database& db_;
  const http::StaticFiles& assets_;
  service::CatalogueHolder& catalogue_;
  web::Site site_;
  service::Accounts& accounts_;
  const access::Authenticator& auth_;
  [[maybe_unused]] service::DossierServices dossiers_;  // drafts, filing, forms and uploads (issue 9)
  [[maybe_unused]] service::OfficeServices office_;     // back office, calendar, workflows (issue 10; may be unset)
  access::RouteTable routes_;
  http::Metrics metrics_;
  http::ResponseCache cache_;
  std::string session_cookie_;            // its name, looked up once
  http::AddressAllowList metrics_allow_;  // [metrics] allow: who reads /metrics without a token
  http::Pairs security_headers_;          // what AddSecurityHeaders adds, for the cached heads
  std::set<std::string> cacheable_;
  std::set<const http::Route*> cacheable_routes_;  // the GET routes of those patterns
  const http::Server* server_ = nullptr;
  std::shared_ptr<spdlog::logger> access_log_;  // looked up once, not per request
  std::unique_ptr<http::HealthProbe> health_;   // the store's health, for /healthz
  std::mutex slow_mutex_;                       // testing.slow_reports only
  std::condition_variable slow_cv_;
  bool slow_released_ = false;
};

}  // namespace motcua::portal
