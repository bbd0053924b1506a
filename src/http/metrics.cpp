#include "http/metrics.hpp"

#include <fmt/format.h>

namespace motcua::http {

namespace {

//! Escapes a Prometheus label value.
std::string Label(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
    }
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::Observe(const std::string& route, int32_t status, std::chrono::microseconds elapsed) {
  const double seconds = static_cast<double>(elapsed.count()) / 1e6;
  std::lock_guard lock(mutex_);
  auto it = routes_.find(route);
  if (it == routes_.end()) {
    it = routes_.emplace(route, RouteStats{}).first;
  }
  RouteStats& h = it->second;
  ++h.by_status[status];
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      ++h.buckets[i];
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::map<std::string, int64_t>& gauges) const {
  std::string out;
  std::lock_guard lock(mutex_);
  out += "# HELP motcua_http_requests_total HTTP requests by route pattern and status.\n";
  out += "# TYPE motcua_http_requests_total counter\n";
  for (const auto& [route, h] : routes_) {
    for (const auto& [status, n] : h.by_status) {
      out += fmt::format("motcua_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Label(route), status, n);
    }
  }
  out += "# HELP motcua_http_request_duration_seconds Time from request header to response written.\n";
  out += "# TYPE motcua_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : routes_) {
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      out += fmt::format("motcua_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", Label(route),
                         kLatencyBuckets[i], h.buckets[i]);
    }
    out += fmt::format("motcua_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", Label(route),
                       h.count);
    out += fmt::format("motcua_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", Label(route), h.sum);
    out += fmt::format("motcua_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", Label(route), h.count);
  }
  for (const auto& [name, value] : gauges) {
    out += fmt::format("# TYPE {} gauge\n{} {}\n", name, name, value);
  }
  return out;
}

}  // namespace motcua::http
