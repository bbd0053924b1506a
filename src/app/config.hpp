#pragma once
//! Configuration: defaults, then motcua.toml, then MOTCUA_* environment variables, then command-line flags.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/server.hpp"

namespace motcua::app {

//! Passwords, sessions and sign-in throttling.
struct SecurityConfig {
  int64_t argon2_memory_kib = 19456;      //!< argon2id memory per hash (OWASP minimum 19 MiB).
  int64_t argon2_iterations = 2;          //!< argon2id passes (OWASP minimum 2).
  int32_t hash_threads = 0;               //!< Threads that hash passwords; 0 = half the cores (at least 1).
  int32_t hash_queue = 64;                //!< Sign-ins waiting for a hash thread; more are told to retry.
  int64_t session_idle_minutes = 30;      //!< A session unused this long ends.
  int64_t session_absolute_hours = 12;    //!< A session ends this long after sign-in whatever happens.
  int32_t login_free_failures = 5;        //!< Wrong passwords per account from one address before it is blocked.
  int32_t login_ip_free_failures = 100;   //!< Wrong passwords per client address, any account, before blocking.
  int64_t login_window_seconds = 900;     //!< Failures older than this are forgotten.
  int64_t login_block_seconds = 30;       //!< First block; doubles with each further failure.
  int64_t login_max_block_seconds = 900;  //!< Longest block.
  //! Wrong passwords per account from every address before addresses it has not signed in from are blocked.
  int32_t login_account_free_failures = 50;
  //! Registrations and code requests (texts) per client address in an hour.
  int32_t address_free_requests = 10;
};

//! The outbox sender: how often it looks for messages to send and how it retries a failed delivery.
struct OutboxConfig {
  bool sender = true;                  //!< Run the sender in `serve` (false: messages wait in the outbox).
  int32_t poll_ms = 250;               //!< How often the sender looks for due messages.
  int32_t batch = 32;                  //!< Most messages claimed at once.
  int32_t max_attempts = 8;            //!< Failed deliveries before a message is dead-lettered.
  int64_t backoff_base_seconds = 30;   //!< Wait after the first failure; doubles with each further one.
  int64_t backoff_cap_seconds = 3600;  //!< Longest wait between two attempts.
  int64_t lease_seconds = 60;          //!< A claimed message is another sender's to retry after this (crash mid-send).
};

//! Everything an operator can set.
struct Config {
  std::string db = "var/motcua.db";       //!< SQLite path or postgresql:// URL.
  std::string listen = "127.0.0.1:8080";  //!< HOST:PORT.
  std::string data_dir = "var";           //!< Uploads and other files (outside the web root).
  std::string share_dir;                  //!< Folder with templates/, static/, data/ (default: the source tree).
  std::string locale_dir;                 //!< Compiled message catalogues (default: the build tree).
  http::ServerOptions server;             //!< Threads, limits and timeouts.
  bool behind_tls = false;                //!< Served over HTTPS (directly or by a proxy): HSTS, Secure cookies.
  bool trust_forwarded_for = false;       //!< Behind our own proxy: the client is the last X-Forwarded-For entry.
  int64_t hsts_max_age = 31536000;        //!< HSTS max-age in seconds when behind TLS.
  std::string log_level = "info";         //!< trace, debug, info, warn, error.
  bool access_log = true;                 //!< One JSON line per request on stdout.
  int32_t catalogue_poll_ms = 2000;       //!< How often a node checks for catalogue changes made elsewhere.
  int64_t deadline_sweep_seconds = 60;    //!< How often `serve` warns of dossiers due soon or overdue (issue 10).
  int32_t page_cache_entries = 5000;      //!< Rendered public pages kept in memory.
  int64_t page_cache_bytes = int64_t{64} << 20;  //!< Memory the kept pages may use (least recently used go first).
  SecurityConfig security;                       //!< Passwords, sessions, throttling.
  OutboxConfig outbox;                           //!< Delivery of messages (SMS, email).
  //! [site] hotline: the number help pages and desk notes give ("1800 1096" is the national public service
  //! portal's free support line; a province sets its own).
  std::string hotline = "1800 1096";
  //! [site] public_url: the portal's address as citizens reach it, without a trailing slash; messages and receipts
  //! link to it (e.g. "https://dichvucong.namdinh.gov.vn").
  std::string public_url = "http://127.0.0.1:8080";
  //! [metrics] allow: addresses and CIDR ranges ("127.0.0.1", "10.0.0.0/8") that may read /metrics without a token
  //! (the client address after http.trust_forwarded_for); empty: a bearer token with the metrics permission only.
  std::vector<std::string> metrics_allow;
  //! Test only: adds a report route that blocks until released (refused unless the database is a demo one).
  bool testing_slow_reports = false;
  //! Test and bench only: adds POST /api/thu-nghiem/tep, a multipart route (64 MiB) answering what it parsed
  //! (refused unless the database is a demo one).
  bool testing_upload_sink = false;
};

//! A configuration problem, with a message for the operator.
struct ConfigError {
  std::string message;  //!< What is wrong and where.
};

//! Reads `path` (TOML) over the defaults in `config`; an error names the key.
std::optional<ConfigError> LoadConfigFile(const std::string& path, Config& config);

//! Applies MOTCUA_DB, MOTCUA_LISTEN, MOTCUA_DATA_DIR, MOTCUA_THREADS, MOTCUA_BEHIND_TLS, MOTCUA_LOG_LEVEL,
//! MOTCUA_OUTBOX_SENDER, MOTCUA_METRICS_ALLOW (ranges separated by commas).
std::optional<ConfigError> ApplyEnvironment(const std::function<const char*(const char*)>& getenv, Config& config);

//! Splits "HOST:PORT" (IPv6 as "[::1]:8080") into the server options.
std::optional<ConfigError> ApplyListen(const std::string& listen, Config& config);

//! Fills share_dir and locale_dir defaults.
void ResolvePaths(Config& config);

}  // namespace motcua::app
