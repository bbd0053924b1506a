#pragma once
//! The admission rule of a bounded executor: how many requests it may hold and how long one may wait.

#include <atomic>
#include <chrono>
#include <cstdint>

namespace motcua::http {

//! Threads, queue bound and queue time limit of one executor.
struct ExecutorOptions {
  int32_t threads = 2;                          //!< Threads that run its handlers.
  int32_t queue = 64;                           //!< Requests that may wait for a thread; more get 503.
  std::chrono::milliseconds queue_wait{10000};  //!< A request that waited longer is answered 503, not run.
};

//! Counts the requests an executor holds (running and waiting) and refuses those beyond threads + queue.
class Admission {
 public:
  //! Admits at most `threads + queue` requests at a time.
  explicit Admission(const ExecutorOptions& options)
      : limit_(static_cast<int64_t>(options.threads) + options.queue), queue_wait_(options.queue_wait) {}
  //! Takes a place; false (and nothing taken) when every place is held.
  bool TryEnter() {
    if (held_.fetch_add(1, std::memory_order_acq_rel) >= limit_) {
      held_.fetch_sub(1, std::memory_order_acq_rel);
      return false;
    }
    return true;
  }
  //! Gives a place back (once per successful TryEnter).
  void Leave() { held_.fetch_sub(1, std::memory_order_acq_rel); }
  //! True when a request queued at `queued` and starting at `now` waited too long to be worth running.
  bool WaitedTooLong(std::chrono::steady_clock::time_point queued, std::chrono::steady_clock::time_point now) const {
    return now - queued > queue_wait_;
  }
  //! Places held now.
  int64_t held() const { return held_.load(std::memory_order_acquire); }
  //! Places in all.
  int64_t limit() const { return limit_; }

 private:
  const int64_t limit_;
  const std::chrono::milliseconds queue_wait_;
  std::atomic<int64_t> held_{0};
};

}  // namespace motcua::http
