#pragma once
//! Configuration: defaults, then motcua.toml, then MOTCUA_* environment variables, then command-line flags.

#include <functional>
#include <optional>
#include <string>

#include "http/server.hpp"

namespace motcua::app {

//! Everything an operator can set.
struct Config {
  std::string db = "var/motcua.db";       //!< SQLite path or postgresql:// URL.
  std::string listen = "127.0.0.1:8080";  //!< HOST:PORT.
  std::string data_dir = "var";           //!< Uploads and other files (outside the web root).
  std::string share_dir;                  //!< Folder with templates/, static/, data/ (default: the source tree).
  std::string locale_dir;                 //!< Compiled message catalogues (default: the build tree).
  http::ServerOptions server;             //!< Threads, limits and timeouts.
  bool behind_tls = false;                //!< Served over HTTPS (directly or by a proxy): HSTS, Secure cookies.
  int64_t hsts_max_age = 31536000;        //!< HSTS max-age in seconds when behind TLS.
  std::string log_level = "info";         //!< trace, debug, info, warn, error.
  bool access_log = true;                 //!< One JSON line per request on stdout.
  int32_t catalogue_poll_ms = 2000;       //!< How often a node checks for catalogue changes made elsewhere.
  int32_t page_cache_entries = 5000;      //!< Rendered public pages kept in memory.
};

//! A configuration problem, with a message for the operator.
struct ConfigError {
  std::string message;  //!< What is wrong and where.
};

//! Reads `path` (TOML) over the defaults in `config`; an error names the key.
std::optional<ConfigError> LoadConfigFile(const std::string& path, Config& config);

//! Applies MOTCUA_DB, MOTCUA_LISTEN, MOTCUA_DATA_DIR, MOTCUA_THREADS, MOTCUA_BEHIND_TLS, MOTCUA_LOG_LEVEL.
std::optional<ConfigError> ApplyEnvironment(const std::function<const char*(const char*)>& getenv, Config& config);

//! Splits "HOST:PORT" (IPv6 as "[::1]:8080") into the server options.
std::optional<ConfigError> ApplyListen(const std::string& listen, Config& config);

//! Fills share_dir and locale_dir defaults.
void ResolvePaths(Config& config);

}  // namespace motcua::app
