#include "http/metrics.hpp"

#include <fmt/format.h>
#include <atomic>
#include <utility>

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

std::atomic<uint64_t> next_metrics_id{1};

//! The shards this thread records into, by Metrics instance id (a process has one or two instances, tests a few).
thread_local std::vector<std::pair<uint64_t, std::shared_ptr<Metrics::Shard>>> local_shards;

}  // namespace

void RouteStats::Merge(const RouteStats& other) {
  for (const auto& [status, n] : other.by_status) {
    by_status[status] += n;
  }
  for (size_t i = 0; i < buckets.size(); ++i) {
    buckets[i] += other.buckets[i];
  }
  count += other.count;
  sum += other.sum;
}

Metrics::Metrics() : id_(next_metrics_id++) {}

Metrics::~Metrics() = default;

Metrics::Shard& Metrics::Local() {
  for (const auto& [id, shard] : local_shards) {
    if (id == id_) {
      return *shard;
    }
  }
  auto shard = std::make_shared<Shard>();
  {
    std::lock_guard lock(shards_mutex_);
    shards_.push_back(shard);
  }
  // A thread outliving this instance keeps its shard alive through this entry; ids are never reused.
  local_shards.emplace_back(id_, shard);
  return *shard;
}

void Metrics::Observe(const std::string& route, int32_t status, std::chrono::microseconds elapsed) {
  const double seconds = static_cast<double>(elapsed.count()) / 1e6;
  Shard& shard = Local();
  std::lock_guard lock(shard.mutex);
  RouteStats& h = shard.routes[route];
  ++h.by_status[status];
  for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) {
      ++h.buckets[i];
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::map<std::string, RouteStats> Metrics::Snapshot() const {
  std::vector<std::shared_ptr<Shard>> shards;
  {
    std::lock_guard lock(shards_mutex_);
    shards = shards_;
  }
  std::map<std::string, RouteStats> out;
  for (const auto& shard : shards) {
    std::lock_guard lock(shard->mutex);
    for (const auto& [route, stats] : shard->routes) {
      out[route].Merge(stats);
    }
  }
  return out;
}

size_t Metrics::shards() const {
  std::lock_guard lock(shards_mutex_);
  return shards_.size();
}

std::string Metrics::Render(const std::map<std::string, int64_t>& gauges) const {
  const std::map<std::string, RouteStats> routes = Snapshot();
  std::string out;
  out += "# HELP motcua_http_requests_total HTTP requests by route pattern and status.\n";
  out += "# TYPE motcua_http_requests_total counter\n";
  for (const auto& [route, h] : routes) {
    for (const auto& [status, n] : h.by_status) {
      out += fmt::format("motcua_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", Label(route), status, n);
    }
  }
  out += "# HELP motcua_http_request_duration_seconds Time from request header to response written.\n";
  out += "# TYPE motcua_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : routes) {
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
