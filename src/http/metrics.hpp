#pragma once
//! Request counters and a latency histogram in the Prometheus text format.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace motcua::http {

//! Upper bounds (seconds) of the latency histogram buckets.
constexpr std::array<double, 12> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

//! Thread-safe request metrics.
class Metrics {
 public:
  //! Records one finished request of `route` (pattern, or "unmatched") with its status and duration.
  void Observe(const std::string& route, int32_t status, std::chrono::microseconds elapsed);
  //! The metrics as Prometheus text, with the given gauges appended.
  std::string Render(const std::map<std::string, int64_t>& gauges) const;

 private:
  struct RouteStats {
    std::map<int32_t, uint64_t> by_status;
    std::array<uint64_t, kLatencyBuckets.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, RouteStats, std::less<>> routes_;
};

}  // namespace motcua::http
