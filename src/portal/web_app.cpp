#include "portal/web_app.hpp"

#include <sodium.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "api/account_api.hpp"
#include "api/catalogue_api.hpp"
#include "api/dossier_api.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"
#include "service/refusals.hpp"
#include "web/account_pages.hpp"
#include "web/calendar_pages.hpp"
#include "web/dossier_pages.hpp"
#include "web/forms.hpp"
#include "web/outbox_pages.hpp"
#include "web/tracking_pages.hpp"
#include "web/workflow_pages.hpp"

namespace motcua::portal {

using http::Request;
using http::Response;

namespace {

constexpr std::string_view kCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
constexpr int64_t kLangCookieSeconds = 365LL * 24 * 3600;
constexpr std::chrono::milliseconds kHealthProbeInterval{1000};
//! The longest a test's slow report waits to be released (so a failed test never leaves a thread stuck).
constexpr std::chrono::seconds kSlowReportLimit{60};
//! The body limit of the test-only upload route (four times the default).
constexpr uint64_t kTestUploadLimit = uint64_t{4} << 20;

//! Escapes a string for a JSON log line.
std::string JsonString(std::string_view s) { return boost::json::serialize(boost::json::string(s)); }

//! `target` for the access log: the lookup secret a receipt's QR code puts in /tra-cuu?…&ma_tra_cuu= is blanked, so
//! the log never holds a pair that opens a dossier.
std::string LoggedTarget(std::string_view target) {
  constexpr std::string_view kSecret = "ma_tra_cuu=";
  std::string out(target);
  for (size_t at = out.find(kSecret); at != std::string::npos; at = out.find(kSecret, at)) {
    at += kSecret.size();
    const size_t end = out.find('&', at);
    out.replace(at, (end == std::string::npos ? out.size() : end) - at, "-");
  }
  return out;
}

//! The body limit of the test-only multipart sink.
constexpr uint64_t kTestUploadSinkLimit = uint64_t{64} << 20;

//! The name of a multipart refusal, for the test-only sink's answer.
std::string_view MultipartErrorName(http::MultipartError e) {
  switch (e) {
    case http::MultipartError::kNone:
      return "none";
    case http::MultipartError::kMalformed:
      return "malformed";
    case http::MultipartError::kFileTooLarge:
      return "file_too_large";
    case http::MultipartError::kTooLarge:
      return "too_large";
    case http::MultipartError::kBadFilename:
      return "bad_filename";
    case http::MultipartError::kIo:
      return "io";
  }
  return "unknown";
}

//! Test and bench only (testing.upload_sink): a multipart route answering what the server parsed and spooled, so
//! streaming, limits and cleanup can be checked over HTTP before any page takes files.
void AddUploadSinkRoute(access::RouteTable& routes) {
  // Under /api/ (no form token) for scripts and the bench, and as a page route whose form token the guard reads from
  // the multipart fields.
  for (const char* pattern : {"/api/thu-nghiem/tep", "/thu-nghiem/tep"}) {
    routes.Add(
        "POST", pattern, domain::Permission::kPublic,
        [](Request& req) {
          boost::json::object out;
          const http::MultipartBody& body = *req.multipart;
          out["error"] = MultipartErrorName(body.error);
          out["error_field"] = body.error_field;
          out["fields"] = body.fields.size();
          boost::json::array files;
          for (const http::UploadedFile& f : body.files) {
            files.push_back(boost::json::object{{"field", f.field}, {"filename", f.filename}, {"bytes", f.bytes}});
          }
          out["files"] = std::move(files);
          out["body_bytes"] = req.body.size();
          return Response::Json(boost::json::serialize(out), body.ok() ? http::kOk : http::kUnprocessable);
        },
        http::Exec::kInteractive, kTestUploadSinkLimit, http::BodyMode::kMultipart);
  }
}

//! The CSRF token a form POST sent: from the multipart fields of an upload, else from the urlencoded body.
std::string SubmittedCsrf(const Request& req) {
  if (req.multipart == nullptr) {
    return web::Form(req).Get("csrf");
  }
  for (const auto& [name, value] : req.multipart->fields) {
    if (name == "csrf") {
      return value;
    }
  }
  return {};
}

}  // namespace

void AddSecurityHeaders(Response& res, bool behind_tls, int64_t hsts_max_age) {
  // Handlers never set these, so they are appended without a lookup (this runs on every response).
  static const http::Pairs kHeaders = {{"Content-Security-Policy", std::string(kCsp)},
                                       {"X-Content-Type-Options", "nosniff"},
                                       {"X-Frame-Options", "DENY"},
                                       {"Referrer-Policy", "strict-origin-when-cross-origin"},
                                       {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
                                       {"Cross-Origin-Opener-Policy", "same-origin"}};
  res.headers.insert(res.headers.end(), kHeaders.begin(), kHeaders.end());
  if (behind_tls) {
    res.headers.emplace_back("Strict-Transport-Security", fmt::format("max-age={}; includeSubDomains", hsts_max_age));
  }
}

WebApp::WebApp(const app::Config& config, store::Database& db, service::CatalogueHolder& catalogue,
               const web::Translator& translator, const web::Templates& templates, const http::StaticFiles& assets,
               service::Accounts& accounts, const access::Authenticator& auth, service::DossierServices dossiers,
               service::OfficeServices office)
    : config_(config),
      db_(db),
      assets_(assets),
      catalogue_(catalogue),
      site_(config, accounts.clock(), catalogue, translator, templates, assets),
      accounts_(accounts),
      auth_(auth),
      dossiers_(dossiers),
      office_(office),
      cache_(static_cast<size_t>(config.page_cache_entries), static_cast<size_t>(config.page_cache_bytes)),
      session_cookie_(access::SessionCookieName(config.behind_tls)),
      metrics_allow_(config.metrics_allow),
      access_log_(spdlog::get("access")) {
  http::Response fixed;
  AddSecurityHeaders(fixed, config.behind_tls, config.hsts_max_age);
  security_headers_ = std::move(fixed.headers);
  web::AddCataloguePages(routes_, site_);
  web::AddInformationPages(routes_, site_);
  web::AddAccountPages(routes_, site_, accounts_, auth_);
  web::AddOfficerPages(routes_, site_, accounts_);
  web::AddAdminPages(routes_, site_, accounts_);
  web::AddOutboxPages(routes_, site_, accounts_);
  web::AddDossierPages(
      routes_, site_,
      web::FilingServices{*dossiers_.dossiers, *dossiers_.forms, catalogue_, *dossiers_.files, accounts_});
  web::AddTrackingPages(routes_, site_, *dossiers.dossiers, *dossiers.forms);
  web::AddGuidancePages(routes_, site_, *dossiers.dossiers, *dossiers.forms);
  web::AddFormAdminPages(routes_, site_, *dossiers.dossiers, *dossiers.forms);
  if (dossiers.calendars != nullptr) {
    web::AddCalendarPages(routes_, site_, *dossiers.calendars);
  }
  if (office.workflows != nullptr) {
    web::AddWorkflowPages(routes_, site_, *office.workflows);
  }
  api::AddCatalogueApi(routes_, catalogue, config.share_dir + "/src/api/openapi.json");
  api::AddAccountApi(routes_);
  api::AddDossierApi(routes_, *dossiers.dossiers, *dossiers.forms, accounts_.clock(),
                     [this](std::string_view lang, std::string_view msgid) { return site_.T(lang, msgid); });
  // Public catalogue pages depend only on the catalogue, the language and the query: cache them.
  cacheable_ = {"/",
                "/thu-tuc",
                "/thu-tuc/{code}",
                "/thu-tuc/{code}/mau/{form}",
                "/linh-vuc",
                "/co-quan",
                "/co-quan/{code}",
                "/api/v1/procedures",
                "/api/v1/procedures/{code}",
                "/api/v1/fields",
                "/api/v1/agencies"};
  // /healthz runs on an I/O thread, so it reads the state a background probe keeps instead of the store.
  health_ = std::make_unique<http::HealthProbe>([this] { catalogue_.CheckStore(); }, kHealthProbeInterval);
  routes_.Add("GET", "/healthz", domain::Permission::kPublic, [this](Request&) {
    const http::HealthProbe::State state = health_->state();
    if (!state.ok) {
      return Response::Json(R"({"status":"unavailable","store":"error"})", http::kServiceUnavailable);
    }
    return Response::Json(
        fmt::format(R"({{"status":"ok","store":"ok","catalogue_version":{}}})", site_.catalogue_version()));
  });
  if (config.testing_slow_reports) {
    AddSlowReportRoutes();
  }
  if (config.testing_upload_sink) {
    if (!accounts_.demo()) {
      throw std::runtime_error("testing.upload_sink is only allowed on a demo database (motcua init --demo)");
    }
    spdlog::warn(
        "testing.upload_sink is on: /api/thu-nghiem/tep and /thu-nghiem/tep parse multipart bodies up to 64 MiB");
    AddUploadSinkRoute(routes_);
  }
  // A monitoring system's bearer token (or an address of [metrics] allow, see Guard): the counters tell an attacker
  // how loaded the node is and which routes exist. On the pool, since resolving a token reads the store.
  routes_.Add(
      "GET", "/metrics", domain::Permission::kViewMetrics,
      [this](Request&) {
        std::map<std::string, int64_t> gauges = {{"motcua_store_queue_depth", db_.QueueDepth()},
                                                 {"motcua_catalogue_version", site_.catalogue()->version()}};
        if (server_ != nullptr) {
          const http::ServerStats s = server_->Stats();
          gauges["motcua_http_open_connections"] = s.open_connections;
          gauges["motcua_http_in_flight_requests"] = s.in_flight;
          gauges["motcua_executor_interactive_held"] = s.interactive;
          gauges["motcua_executor_reports_held"] = s.reports;
          gauges["motcua_executor_outbound_held"] = s.outbound;
          gauges["motcua_executor_refused_busy_total"] = s.refused_busy;
        }
        return Response::Text(metrics_.Render(gauges)).Set("Content-Type", "text/plain; version=0.0.4");
      },
      http::Exec::kInteractive);
  routes_.Add("GET", "/favicon.ico", domain::Permission::kPublic, [this](Request&) {
    return Response::Redirect(assets_.AssetUrl("favicon.ico"), http::kMovedPermanently);
  });
  // A route that needs the caller reads the store, so it must never run on an I/O thread.
  for (const http::Route& r : routes_.router().routes()) {
    if (cacheable_.count(r.pattern) > 0 && r.method == "GET") {
      cacheable_routes_.insert(&r);
    }
    if (routes_.PermissionOf(&r) != domain::Permission::kPublic && r.exec == http::Exec::kInline) {
      throw std::logic_error(fmt::format("route {} {} needs a signed-in caller but runs inline", r.method, r.pattern));
    }
  }
}

void WebApp::AddSlowReportRoutes() {
  // A test-only report that holds a report thread until the test releases it, so the test can saturate the report
  // executor and see what still answers, in order, without timing anything.
  if (!accounts_.demo()) {
    throw std::runtime_error("testing.slow_reports is only allowed on a demo database (motcua init --demo)");
  }
  spdlog::warn(
      "testing.slow_reports is on: /thu-nghiem/bao-cao-cham holds a report thread until released, "
      "/api/thu-nghiem/tai-len takes a 4 MiB body");
  routes_.Add(
      "GET", "/thu-nghiem/bao-cao-cham", domain::Permission::kPublic,
      [this](Request&) {
        std::unique_lock lock(slow_mutex_);
        const bool released = slow_cv_.wait_for(lock, kSlowReportLimit, [this] { return slow_released_; });
        return Response::Json(released ? R"({"report":"done"})" : R"({"report":"never released"})");
      },
      http::Exec::kReport);
  // Under /api/: released by a test client without a form token.
  routes_.Add("POST", "/api/thu-nghiem/bao-cao-cham/tha", domain::Permission::kPublic, [this](Request&) {
    {
      std::lock_guard lock(slow_mutex_);
      slow_released_ = true;
    }
    slow_cv_.notify_all();
    return Response::Json(R"({"released":true})");
  });
  // A route that accepts a larger body than the default (as uploads will), to test per-route body limits.
  routes_.Add(
      "POST", "/api/thu-nghiem/tai-len", domain::Permission::kPublic,
      [](Request& r) { return Response::Json(fmt::format(R"({{"bytes":{}}})", r.body.size())); }, http::Exec::kInline,
      kTestUploadLimit);
}

http::Placement WebApp::Place(Request& req) {
  Resolve(req);
  if (req.matched == nullptr) {
    // An address with no page still shows who is signed in: a visitor with a session cookie is resolved (a store
    // read) on the interactive executor, like a cached page.
    if (!req.path.starts_with("/api/") && !req.path.starts_with("/static/") && !req.Cookie(session_cookie_).empty()) {
      req.exec = http::Exec::kInteractive;
      return http::Placement{req.exec, 0};
    }
    return {};
  }
  // Every page shows the caller's name in its header, a cached one too: a visitor with a session cookie is
  // resolved (a store read) on the interactive executor; everyone else stays on the fast inline path. Probes and
  // metrics are no pages: they stay on the I/O thread whatever cookie comes with them.
  const bool probe = req.matched->pattern == "/healthz" || req.matched->pattern == "/metrics";
  if (req.exec == http::Exec::kInline && !probe && !req.path.starts_with("/api/") &&
      !req.Cookie(session_cookie_).empty()) {
    req.exec = http::Exec::kInteractive;
  }
  return http::Placement{req.exec, req.matched->max_body_bytes, req.matched->body};
}

http::Match WebApp::Resolve(Request& req) const {
  http::Match m = routes_.router().Find(req.method, req.path, req.params);
  req.matched = m.route;
  req.resolved = true;
  if (m.route != nullptr) {
    req.route = m.route->pattern;
    req.exec = m.route->exec;
  }
  return m;
}

Response WebApp::Route(Request& req) {
  if (req.path.starts_with("/static/")) {
    if (req.method != "GET" && req.method != "HEAD") {
      return site_.ErrorPage(req, http::kMethodNotAllowed, site_.T(site_.Lang(req), "Tệp tĩnh chỉ đọc được."))
          .Set("Allow", "GET, HEAD");
    }
    req.route = "/static/*";
    if (auto res = assets_.Serve(req)) {
      return std::move(*res);
    }
    return site_.ErrorPage(req, http::kNotFound, site_.T(site_.Lang(req), "Không có tệp này."));
  }
  http::Match m;
  if (req.resolved && req.matched != nullptr) {
    m.route = req.matched;  // resolved when the server asked where to run it
  } else {
    m = Resolve(req);
  }
  if (m.route == nullptr) {
    if (req.exec != http::Exec::kInline) {
      access::SetCaller(req, auth_.ResolveSession(req));  // placed on the executor to show who is signed in
    }
    const std::string lang = site_.Lang(req);
    if (m.path_known) {
      std::string allow;
      for (const std::string& a : m.allowed) {
        allow += (allow.empty() ? "" : ", ") + a;
      }
      return site_.ErrorPage(req, http::kMethodNotAllowed, site_.T(lang, "Trang này không nhận phương thức này."))
          .Set("Allow", allow);
    }
    return site_.ErrorPage(req, http::kNotFound,
                           site_.T(lang, "Địa chỉ bạn nhập không có trên cổng. Hãy kiểm tra lại hoặc tìm thủ tục."));
  }
  req.route = m.route->pattern;
  if (auto stop = Guard(req, *m.route)) {
    return std::move(*stop);
  }
  const bool cacheable = (req.method == "GET" || req.method == "HEAD") && cacheable_routes_.count(m.route) > 0;
  if (!cacheable) {
    Response res = m.route->handler(req);
    if ((res.status == http::kNotFound || res.status == http::kForbidden) &&
        access::CallerOf(req).principal.signed_in()) {
      if (const auto permission = routes_.PermissionOf(m.route);
          permission && *permission != domain::Permission::kPublic) {
        JournalRefused(req, service::kRefusedObject, *permission, res.status);
      }
    }
    return res;
  }
  const int64_t version = site_.catalogue_version();
  const std::string key = http::NormalisedKey(req.path, req.query, site_.Lang(req));
  if (auto hit = cache_.Get(key, version)) {
    return FromCache(req, hit);
  }
  // The cached page is the anonymous one; a signed-in caller gets it with their account area filled in.
  std::any caller = std::exchange(req.context, std::any());
  Response res = m.route->handler(req);
  req.context = std::move(caller);
  if (res.status != http::kOk) {
    // Not kept (a 404 of an unknown code), but rendered as the anonymous page: the header still names the caller.
    if (access::CallerOf(req).principal.signed_in()) {
      FillAccountSlot(req, res);
    }
    return res;
  }
  res.Set("ETag", http::EntityTag(res.body, true));
  res.Set("Cache-Control", "no-cache");
  auto entry =
      http::MakeCachedResponse(res, security_headers_, web::Site::kAccountSlotOpen, web::Site::kAccountSlotClose);
  cache_.Put(key, version, entry);
  return FromCache(req, entry);
}

void WebApp::FillAccountSlot(const Request& req, Response& res) const {
  const size_t open = res.body.find(web::Site::kAccountSlotOpen);
  const size_t close = res.body.find(web::Site::kAccountSlotClose);
  if (open == std::string::npos || close == std::string::npos || close < open) {
    return;
  }
  const size_t from = open + web::Site::kAccountSlotOpen.size();
  res.body.replace(from, close - from, site_.AccountArea(req));
}

Response WebApp::FromCache(const Request& req, const std::shared_ptr<const http::CachedResponse>& entry) {
  const access::Caller& caller = access::CallerOf(req);
  Response res;
  res.status = entry->status;
  res.personal = caller.principal.signed_in() || !caller.csrf_token.empty();
  if (!res.personal && !entry->etag.empty() && http::EtagMatches(req.Header("if-none-match"), entry->etag)) {
    // Rare next to full answers: an ordinary response, which Finish turns into 304 Not Modified.
    res.headers = entry->headers;
    res.shared_body = entry->body;
    return res;
  }
  res.cached = entry;
  if (res.personal && entry->HasSlot()) {
    res.slot = site_.AccountArea(req);
  }
  return res;
}

std::optional<Response> WebApp::Guard(Request& req, const http::Route& route) {
  const std::optional<domain::Permission> permission = routes_.PermissionOf(&route);
  const bool api = req.path.starts_with("/api/");
  const bool changes_state = req.method != "GET" && req.method != "HEAD";
  if (!permission) {
    return site_.ErrorPage(req, http::kForbidden, site_.T(site_.Lang(req), "Bạn không có quyền dùng trang này."));
  }
  // Machines (API clients, a monitoring system scraping /metrics) authenticate with bearer tokens, never cookies.
  const bool metrics = *permission == domain::Permission::kViewMetrics;
  const bool bearer = api || metrics;
  if (metrics && metrics_allow_.Allows(req.remote_addr)) {
    return std::nullopt;  // [metrics] allow: the address is enough (after trusted X-Forwarded-For, see Handle)
  }
  if (*permission == domain::Permission::kPublic && req.exec == http::Exec::kInline && !changes_state) {
    return std::nullopt;  // the catalogue's hot path: nobody to resolve, nothing to check
  }
  if (req.exec != http::Exec::kInline) {
    // API clients authenticate with bearer tokens only: a cookie never authorises an API call, so the API needs
    // no CSRF token.
    access::SetCaller(req, bearer ? auth_.ResolveBearer(req) : auth_.ResolveSession(req));
  } else if (changes_state && !api) {
    access::SetCaller(req, auth_.Anonymous(req));
  }
  const access::Caller& caller = access::CallerOf(req);
  switch (domain::Authorize(caller.principal, *permission)) {
    case domain::Decision::kAllow:
      break;
    case domain::Decision::kSignIn:
      JournalRefused(req, service::kRefusedAnonymous, *permission);
      if (bearer) {
        return Response::Json(R"json({"error":"a valid API token is required (Authorization: Bearer …)"})json",
                              http::kUnauthorized)
            .Set("WWW-Authenticate", R"(Bearer realm="motcua")");
      }
      return Response::Redirect(changes_state ? std::string("/dang-nhap")
                                              : "/dang-nhap?tiep=" + http::PercentEncode(req.target));
    case domain::Decision::kForbidden:
      JournalRefused(req, service::kRefusedAuthorisation, *permission);
      if (bearer) {
        return Response::Json(R"({"error":"this token's account may not use this endpoint"})", http::kForbidden);
      }
      return site_.ErrorPage(req, http::kForbidden,
                             site_.T(site_.Lang(req),
                                     "Tài khoản của bạn không có quyền dùng trang này. Nếu bạn cần quyền này, "
                                     "hãy liên hệ quản trị viên của đơn vị."));
  }
  if (changes_state && !api) {
    if (!auth_.SameOrigin(req) || !auth_.CsrfValid(caller, SubmittedCsrf(req))) {
      JournalRefused(req, service::kRefusedCsrf, *permission);
      return site_.ErrorPage(req, http::kForbidden,
                             site_.T(site_.Lang(req),
                                     "Biểu mẫu đã hết hạn hoặc không được gửi từ trang của cổng. Hãy quay lại, tải "
                                     "lại trang rồi gửi lại."));
    }
  }
  return std::nullopt;
}

void WebApp::JournalRefused(const Request& req, const char* action, domain::Permission permission, int32_t status) {
  // An inline route runs on an I/O thread, which must never wait for a write; the routes that can refuse someone
  // run on the pool (the constructor checks it), so only a CSRF failure on an inline public form goes unrecorded.
  if (req.exec == http::Exec::kInline) {
    return;
  }
  service::Refusal refusal;
  refusal.action = action;
  refusal.route = req.route;
  refusal.detail.Set("method", req.method).Set("permission", std::string(domain::PermissionCode(permission)));
  if (status != 0) {
    refusal.detail.Set("status", int64_t{status});
  }
  service::JournalRefusal(db_, accounts_.clock(), access::ActorOf(req), refusal);
}

namespace {

//! What a form refused for being busy (503) sent, to offer it again: every field but passwords. Nothing for other
//! refusals or bodies that are not forms.
http::Pairs KeptFields(const Request& req, int32_t status) {
  if (status != http::kServiceUnavailable || req.method != "POST" || req.body.empty() ||
      !req.Header("content-type").starts_with("application/x-www-form-urlencoded")) {
    return {};
  }
  std::optional<http::Pairs> fields = http::ParseQuery(req.body);
  if (!fields) {
    return {};
  }
  std::erase_if(*fields, [](const auto& f) { return f.first.find("mat_khau") != std::string::npos; });
  return std::move(*fields);
}

//! The right-most X-Forwarded-For entry (the one our own proxy appended), or "" when there is none.
std::string ForwardedClient(const Request& req) {
  const std::string_view header = req.Header("x-forwarded-for");
  const size_t comma = header.rfind(',');
  return std::string(http::TrimOws(comma == std::string_view::npos ? header : header.substr(comma + 1)));
}

}  // namespace

Response WebApp::Handle(Request& req) {
  if (config_.trust_forwarded_for) {
    if (std::string client = ForwardedClient(req); !client.empty()) {
      req.remote_addr = std::move(client);
    }
  }
  Response res;
  try {
    res = Route(req);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.target, e.what());
    try {
      if (req.path.starts_with("/api/")) {
        res = Response::Json(boost::json::serialize(boost::json::object{
                                 {"error", "internal error; the request id identifies it in the server log"},
                                 {"request_id", req.request_id}}),
                             http::kInternalError);
      } else {
        res = site_.ErrorPage(req, http::kInternalError,
                              site_.T(site_.Lang(req),
                                      "Yêu cầu của bạn chưa được xử lý. Không có dữ liệu nào bị mất. "
                                      "Xin thử lại sau ít phút."));
      }
    } catch (const std::exception&) {
      res = Response::Text("500 Internal Server Error. Request id: " + req.request_id, http::kInternalError);
    }
  }
  Finish(req, res);
  return res;
}

void WebApp::Finish(const Request& req, Response& res) {
  // Conditional GET for pages and API documents.
  const std::string_view etag = res.Get("ETag");
  if (res.status == http::kOk && !etag.empty() && http::EtagMatches(req.Header("if-none-match"), etag)) {
    res.status = http::kNotModified;
    res.ClearBody();
  }
  const std::string_view lang = req.Query("lang");
  if (web::Translator::IsSupported(lang) && req.Cookie("lang") != lang) {
    res.headers.emplace_back("Set-Cookie", fmt::format("lang={}; Path=/; Max-Age={}; SameSite=Lax{}", lang,
                                                       kLangCookieSeconds, config_.behind_tls ? "; Secure" : ""));
  }
  const access::Caller& caller = access::CallerOf(req);
  if (caller.new_pre_session && !req.path.starts_with("/api/")) {
    res.headers.emplace_back("Set-Cookie", access::CookieHeader(access::PreSessionCookieName(config_.behind_tls),
                                                                caller.pre_session, 0, config_.behind_tls));
  }
  if ((caller.principal.signed_in() || !caller.csrf_token.empty()) && !res.cached) {
    // (a cached page for a signed-in caller has its own head, which says no-store)
    res.Set("Cache-Control", "no-store");  // personal pages and forms with tokens stay out of every cache
  }
  res.Set("X-Request-Id", req.request_id);
  if (res.cached) {
    return;  // the security headers are in the cached head
  }
  AddSecurityHeaders(res, config_.behind_tls, config_.hsts_max_age);
}

Response WebApp::Refused(const Request& req, int32_t status, const std::string& reason) {
  Response res;
  try {
    // API clients get JSON errors even for requests refused before routing.
    res = req.target.starts_with("/api/")
              ? Response::Json(boost::json::serialize(boost::json::object{{"error", reason}}), status)
              : site_.ErrorPageWithResubmit(req, status, reason, KeptFields(req, status));
  } catch (const std::exception&) {
    res = Response::Text(reason, status);
  }
  res.Set("Connection", "close");
  Finish(req, res);
  return res;
}

void WebApp::Completed(const Request& req, const Response& res, std::chrono::microseconds elapsed) {
  metrics_.Observe(req.route.empty() ? "unmatched" : req.route, res.status, elapsed);
  if (!config_.access_log) {
    return;
  }
  if (!access_log_) {
    return;
  }
  access_log_->info(
      R"({{"ts_us":{},"id":"{}","ip":{},"method":{},"target":{},"route":{},"status":{},"us":{},"ua":{}}})",
      accounts_.clock().Now().micros, req.request_id, JsonString(req.remote_addr), JsonString(req.method),
      JsonString(LoggedTarget(req.target)), JsonString(req.route), res.status, elapsed.count(),
      JsonString(req.Header("user-agent")));
}

}  // namespace motcua::portal
