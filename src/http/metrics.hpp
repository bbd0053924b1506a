#pragma once
//! Request counters and a latency histogram in the Prometheus text format.

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace motcua::http {

//! Upper bounds (seconds) of the latency histogram buckets.
constexpr std::array<double, 12> kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

//! Counters and histogram of one route.
struct RouteStats {
  std::map<int32_t, uint64_t> by_status;                   //!< Requests by status code.
  std::array<uint64_t, kLatencyBuckets.size()> buckets{};  //!< Cumulative histogram (le = bucket bound).
  uint64_t count = 0;                                      //!< Requests.
  double sum = 0;                                          //!< Seconds, summed.

  //! Adds `other`'s counts to these.
  void Merge(const RouteStats& other);
};

//! Thread-safe request metrics. Each thread records into its own shard (its own lock, which only Render ever
//! contends), so the request path takes no lock shared between threads; Render adds the shards up.
class Metrics {
 public:
  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;
  //! Records one finished request of `route` (pattern, or "unmatched") with its status and duration.
  void Observe(const std::string& route, int32_t status, std::chrono::microseconds elapsed);
  //! Every route's figures, added up over the threads.
  std::map<std::string, RouteStats> Snapshot() const;
  //! The metrics as Prometheus text, with the given gauges appended.
  std::string Render(const std::map<std::string, int64_t>& gauges) const;
  //! Threads that have recorded at least one request.
  size_t shards() const;

  //! One thread's figures.
  struct Shard {
    std::mutex mutex;                                    //!< Taken by its thread and by Snapshot.
    std::unordered_map<std::string, RouteStats> routes;  //!< By route.
  };

 private:
  Shard& Local();

  uint64_t id_;  // tells this instance's shards from another's in the per-thread lookup
  mutable std::mutex shards_mutex_;
  std::vector<std::shared_ptr<Shard>> shards_;
};

}  // namespace motcua::http
