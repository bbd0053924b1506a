#include "app/config.hpp"
#include "app/build_paths.hpp"
#include "http/address.hpp"
#include "http/message.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>
#include <charconv>
#include <filesystem>
#include <set>

namespace motcua::app {

namespace {

std::optional<int64_t> ParseInt(std::string_view s) {
  int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

//! The log levels spdlog knows; anything else would silently turn logging off.
constexpr std::string_view kLogLevels = "trace, debug, info, warn, error, critical, off";

bool IsLogLevel(std::string_view level) {
  for (const std::string_view l : {"trace", "debug", "info", "warn", "error", "critical", "off"}) {
    if (l == level) {
      return true;
    }
  }
  return false;
}

std::optional<bool> ParseBool(std::string_view s) {
  if (s == "1" || s == "true" || s == "yes" || s == "on") {
    return true;
  }
  if (s == "0" || s == "false" || s == "no" || s == "off") {
    return false;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ConfigError> ApplyListen(const std::string& listen, Config& config) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return ConfigError{fmt::format("listen address \"{}\" must be HOST:PORT, e.g. 127.0.0.1:8080", listen)};
  }
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const auto port = ParseInt(std::string_view(listen).substr(colon + 1));
  constexpr int64_t kMaxPort = 65535;
  if (!port || *port < 0 || *port > kMaxPort) {
    return ConfigError{fmt::format("listen port in \"{}\" must be a number from 0 to 65535", listen)};
  }
  config.listen = listen;
  config.server.host = host;
  config.server.port = static_cast<uint16_t>(*port);
  return std::nullopt;
}

std::optional<ConfigError> LoadConfigFile(const std::string& path, Config& config) {
  // Everything goes into a draft that replaces `config` only when the whole file is valid.
  Config draft = config;
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return ConfigError{
        fmt::format("{}:{}:{}: {}", path, e.source().begin.line, e.source().begin.column, e.description())};
  }
  std::set<std::string, std::less<>> known;  // every key this function reads
  auto str = [&](std::string_view key, std::string& out) -> std::optional<ConfigError> {
    known.emplace(key);
    const toml::node* n = t.at_path(key).node();
    if (n == nullptr) {
      return std::nullopt;
    }
    if (!n->is_string()) {
      return ConfigError{fmt::format("{}: {} must be a string", path, key)};
    }
    out = n->as_string()->get();
    return std::nullopt;
  };
  auto integer = [&](std::string_view key, int64_t min, int64_t max, auto& out) -> std::optional<ConfigError> {
    known.emplace(key);
    const toml::node* n = t.at_path(key).node();
    if (n == nullptr) {
      return std::nullopt;
    }
    if (!n->is_integer() || n->as_integer()->get() < min || n->as_integer()->get() > max) {
      return ConfigError{fmt::format("{}: {} must be a whole number from {} to {}", path, key, min, max)};
    }
    out = static_cast<std::remove_reference_t<decltype(out)>>(n->as_integer()->get());
    return std::nullopt;
  };
  auto boolean = [&](std::string_view key, bool& out) -> std::optional<ConfigError> {
    known.emplace(key);
    const toml::node* n = t.at_path(key).node();
    if (n == nullptr) {
      return std::nullopt;
    }
    if (!n->is_boolean()) {
      return ConfigError{fmt::format("{}: {} must be true or false", path, key)};
    }
    out = n->as_boolean()->get();
    return std::nullopt;
  };
  auto ranges = [&](std::string_view key, std::vector<std::string>& out) -> std::optional<ConfigError> {
    known.emplace(key);
    const toml::node* n = t.at_path(key).node();
    if (n == nullptr) {
      return std::nullopt;
    }
    const toml::array* list = n->as_array();
    if (list == nullptr) {
      return ConfigError{fmt::format("{}: {} must be a list of addresses or ranges, e.g. [\"127.0.0.1\"]", path, key)};
    }
    out.clear();
    for (const toml::node& item : *list) {
      if (!item.is_string() || !http::ParseAddressRange(item.as_string()->get())) {
        return ConfigError{fmt::format("{}: {} must hold addresses or CIDR ranges such as \"10.0.0.0/8\"", path, key)};
      }
      out.push_back(item.as_string()->get());
    }
    return std::nullopt;
  };
  constexpr int64_t kMaxThreads = 256;
  constexpr int64_t kMaxMillis = int64_t{3600} * 1000;
  constexpr int64_t kMaxHstsSeconds = int64_t{2} * 365 * 24 * 3600;
  constexpr int64_t kMaxBody = int64_t{1} << 32;
  constexpr int64_t kMaxHeader = 1 << 20;
  constexpr int64_t kMaxConnections = 1000000;
  constexpr int64_t kMinArgonKib = 8192;              // below 8 MiB argon2id is too cheap to matter
  constexpr int64_t kMaxArgonKib = int64_t{4} << 20;  // 4 GiB
  constexpr int64_t kMaxArgonPasses = 64;
  constexpr int64_t kMaxSessionMinutes = int64_t{24} * 60;
  constexpr int64_t kMaxSessionHours = int64_t{24} * 30;
  constexpr int64_t kMaxFailures = 10000;
  constexpr int64_t kMaxSeconds = int64_t{24} * 3600;
  constexpr int64_t kMaxPageCacheBytes = int64_t{16} << 30;
  int64_t header_ms = draft.server.header_timeout.count();
  int64_t body_ms = draft.server.body_timeout.count();
  int64_t idle_ms = draft.server.idle_timeout.count();
  int64_t queue_wait_ms = draft.server.interactive.queue_wait.count();
  std::string listen;
  for (auto err :
       {str("db", draft.db),
        str("data_dir", draft.data_dir),
        str("share_dir", draft.share_dir),
        str("listen", listen),
        str("log.level", draft.log_level),
        str("site.hotline", draft.hotline),
        str("site.public_url", draft.public_url),
        boolean("log.access", draft.access_log),
        boolean("http.behind_tls", draft.behind_tls),
        boolean("http.trust_forwarded_for", draft.trust_forwarded_for),
        integer("http.threads", 0, kMaxThreads, draft.server.threads),
        integer("http.pool_threads", 1, kMaxThreads, draft.server.interactive.threads),
        integer("http.pool_queue", 0, kMaxConnections, draft.server.interactive.queue),
        integer("http.report_threads", 1, kMaxThreads, draft.server.reports.threads),
        integer("http.report_queue", 0, kMaxConnections, draft.server.reports.queue),
        integer("http.outbound_threads", 1, kMaxThreads, draft.server.outbound.threads),
        integer("http.outbound_queue", 0, kMaxConnections, draft.server.outbound.queue),
        integer("http.queue_wait_ms", 1, kMaxMillis, queue_wait_ms),
        boolean("testing.slow_reports", draft.testing_slow_reports),
        boolean("testing.upload_sink", draft.testing_upload_sink),
        ranges("metrics.allow", draft.metrics_allow),
        integer("http.max_header_bytes", 1024, kMaxHeader, draft.server.max_header_bytes),
        integer("http.max_body_bytes", 1024, kMaxBody, draft.server.max_body_bytes),
        integer("http.max_connections", 1, kMaxConnections, draft.server.max_connections),
        integer("http.header_timeout_ms", 100, kMaxMillis, header_ms),
        integer("http.body_timeout_ms", 100, kMaxMillis, body_ms),
        integer("http.idle_timeout_ms", 100, kMaxMillis, idle_ms),
        integer("http.hsts_max_age", 0, kMaxHstsSeconds, draft.hsts_max_age),
        integer("cache.page_entries", 0, kMaxConnections, draft.page_cache_entries),
        integer("cache.page_bytes", 0, kMaxPageCacheBytes, draft.page_cache_bytes),
        integer("cache.catalogue_poll_ms", 100, kMaxMillis, draft.catalogue_poll_ms),
        integer("security.argon2_memory_kib", kMinArgonKib, kMaxArgonKib, draft.security.argon2_memory_kib),
        integer("security.argon2_iterations", 1, kMaxArgonPasses, draft.security.argon2_iterations),
        integer("security.hash_threads", 0, kMaxThreads, draft.security.hash_threads),
        integer("security.hash_queue", 1, kMaxConnections, draft.security.hash_queue),
        integer("security.session_idle_minutes", 1, kMaxSessionMinutes, draft.security.session_idle_minutes),
        integer("security.session_absolute_hours", 1, kMaxSessionHours, draft.security.session_absolute_hours),
        integer("security.login_free_failures", 1, kMaxFailures, draft.security.login_free_failures),
        integer("security.login_ip_free_failures", 1, kMaxFailures, draft.security.login_ip_free_failures),
        integer("security.login_account_free_failures", 1, kMaxFailures, draft.security.login_account_free_failures),
        integer("security.address_free_requests", 1, kMaxFailures, draft.security.address_free_requests),
        integer("security.login_window_seconds", 1, kMaxSeconds, draft.security.login_window_seconds),
        integer("security.login_block_seconds", 1, kMaxSeconds, draft.security.login_block_seconds),
        integer("security.login_max_block_seconds", 1, kMaxSeconds, draft.security.login_max_block_seconds),
        boolean("outbox.sender", draft.outbox.sender),
        integer("outbox.poll_ms", 10, kMaxMillis, draft.outbox.poll_ms),
        integer("outbox.batch", 1, kMaxFailures, draft.outbox.batch),
        integer("outbox.max_attempts", 1, kMaxFailures, draft.outbox.max_attempts),
        integer("outbox.backoff_base_seconds", 1, kMaxSeconds, draft.outbox.backoff_base_seconds),
        integer("outbox.backoff_cap_seconds", 1, kMaxSeconds, draft.outbox.backoff_cap_seconds),
        integer("outbox.lease_seconds", 1, kMaxSeconds, draft.outbox.lease_seconds),
        integer("office.deadline_sweep_seconds", 1, kMaxSeconds, draft.deadline_sweep_seconds)}) {
    if (err) {
      return err;
    }
  }
  if (draft.hotline.empty() || draft.hotline.find_first_not_of("0123456789 +.-") != std::string::npos ||
      draft.hotline.find_first_of("0123456789") == std::string::npos) {
    return ConfigError{
        fmt::format("{}: site.hotline \"{}\" must be a phone number (digits, spaces, + . -)", path, draft.hotline)};
  }
  if (!draft.public_url.starts_with("http://") && !draft.public_url.starts_with("https://")) {
    return ConfigError{
        fmt::format("{}: site.public_url \"{}\" must start with http:// or https://", path, draft.public_url)};
  }
  if (!IsLogLevel(draft.log_level)) {
    return ConfigError{fmt::format("{}: log.level \"{}\" must be one of {}", path, draft.log_level, kLogLevels)};
  }
  // A misspelt key would otherwise be ignored without a word, and the operator would believe it applied.
  for (const auto& [key, node] : t) {
    const std::string name(key.str());
    if (const toml::table* section = node.as_table()) {
      for (const auto& [sub, value] : *section) {
        const std::string dotted = name + "." + std::string(sub.str());
        if (known.count(dotted) == 0) {
          return ConfigError{fmt::format("{}: unknown setting {} (see motcua.example.toml)", path, dotted)};
        }
      }
    } else if (known.count(name) == 0) {
      return ConfigError{fmt::format("{}: unknown setting {} (see motcua.example.toml)", path, name)};
    }
  }
  draft.server.header_timeout = std::chrono::milliseconds(header_ms);
  draft.server.body_timeout = std::chrono::milliseconds(body_ms);
  draft.server.idle_timeout = std::chrono::milliseconds(idle_ms);
  for (http::ExecutorOptions* e : {&draft.server.interactive, &draft.server.reports, &draft.server.outbound}) {
    e->queue_wait = std::chrono::milliseconds(queue_wait_ms);
  }
  if (!listen.empty()) {
    if (auto err = ApplyListen(listen, draft)) {
      return err;
    }
  }
  config = draft;
  return std::nullopt;
}

std::optional<ConfigError> ApplyEnvironment(const std::function<const char*(const char*)>& getenv, Config& config) {
  if (const char* v = getenv("MOTCUA_DB"); v != nullptr && *v != '\0') {
    config.db = v;
  }
  if (const char* v = getenv("MOTCUA_DATA_DIR"); v != nullptr && *v != '\0') {
    config.data_dir = v;
  }
  if (const char* v = getenv("MOTCUA_PUBLIC_URL"); v != nullptr && *v != '\0') {
    const std::string_view url = v;
    if (!url.starts_with("http://") && !url.starts_with("https://")) {
      return ConfigError{fmt::format("MOTCUA_PUBLIC_URL=\"{}\" must start with http:// or https://", v)};
    }
    config.public_url = v;
  }
  if (const char* v = getenv("MOTCUA_SHARE_DIR"); v != nullptr && *v != '\0') {
    config.share_dir = v;
  }
  if (const char* v = getenv("MOTCUA_LOG_LEVEL"); v != nullptr && *v != '\0') {
    if (!IsLogLevel(v)) {
      return ConfigError{fmt::format("MOTCUA_LOG_LEVEL=\"{}\" must be one of {}", v, kLogLevels)};
    }
    config.log_level = v;
  }
  if (const char* v = getenv("MOTCUA_THREADS"); v != nullptr && *v != '\0') {
    const auto n = ParseInt(v);
    constexpr int64_t kMaxThreads = 256;
    if (!n || *n < 0 || *n > kMaxThreads) {
      return ConfigError{fmt::format("MOTCUA_THREADS=\"{}\" must be a number from 0 to 256", v)};
    }
    config.server.threads = static_cast<int32_t>(*n);
  }
  if (const char* v = getenv("MOTCUA_BEHIND_TLS"); v != nullptr && *v != '\0') {
    const auto b = ParseBool(v);
    if (!b) {
      return ConfigError{fmt::format("MOTCUA_BEHIND_TLS=\"{}\" must be true or false", v)};
    }
    config.behind_tls = *b;
  }
  if (const char* v = getenv("MOTCUA_OUTBOX_SENDER"); v != nullptr && *v != '\0') {
    const auto b = ParseBool(v);
    if (!b) {
      return ConfigError{fmt::format("MOTCUA_OUTBOX_SENDER=\"{}\" must be true or false", v)};
    }
    config.outbox.sender = *b;
  }
  if (const char* v = getenv("MOTCUA_METRICS_ALLOW"); v != nullptr && *v != '\0') {
    std::vector<std::string> list;
    std::string_view rest = v;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      const std::string_view item = http::TrimOws(rest.substr(0, comma));
      if (!http::ParseAddressRange(item)) {
        return ConfigError{
            fmt::format("MOTCUA_METRICS_ALLOW=\"{}\" must be addresses or CIDR ranges separated by "
                        "commas, e.g. 127.0.0.1,10.0.0.0/8",
                        v)};
      }
      list.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    config.metrics_allow = std::move(list);
  }
  if (const char* v = getenv("MOTCUA_LISTEN"); v != nullptr && *v != '\0') {
    return ApplyListen(v, config);
  }
  return std::nullopt;
}

void ResolvePaths(Config& config) {
  if (config.share_dir.empty()) {
    config.share_dir = SourceDir();
  }
  if (config.locale_dir.empty()) {
    const std::filesystem::path installed = std::filesystem::path(config.share_dir) / "locale-compiled";
    config.locale_dir =
        std::filesystem::is_directory(installed) ? installed.string() : motcua::app::BuildDir() + "/locale";
  }
}

}  // namespace motcua::app
