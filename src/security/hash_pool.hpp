#pragma once
//! A small bounded pool of threads for password hashing, so argon2id never runs on an I/O thread and a burst
//! of sign-ins cannot take every core: at most `threads` hashes run at once, at lower CPU priority.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace motcua::security {

//! Runs CPU-heavy jobs on a few dedicated threads; callers wait for the result.
class HashPool {
 public:
  //! Starts `threads` workers (at least one); at most `max_queued` jobs wait, more are refused.
  HashPool(int32_t threads, int32_t max_queued);
  ~HashPool();
  HashPool(const HashPool&) = delete;
  HashPool& operator=(const HashPool&) = delete;

  //! Runs `fn` on a worker and returns its result, or nothing when the queue is full (the caller answers
  //! "busy, try again"). Exceptions thrown by `fn` reach the caller.
  template <typename Fn>
  std::optional<std::invoke_result_t<Fn>> Run(Fn fn) {
    using Result = std::invoke_result_t<Fn>;
    std::packaged_task<Result()> task(std::move(fn));
    std::future<Result> done = task.get_future();
    auto shared = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    if (!Enqueue([shared] { (*shared)(); })) {
      return std::nullopt;
    }
    return done.get();
  }
  //! Number of worker threads.
  int32_t threads() const { return static_cast<int32_t>(workers_.size()); }
  //! Jobs waiting now (for /metrics).
  int64_t queued() const;

 private:
  bool Enqueue(std::function<void()> job);
  void Work();

  const size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace motcua::security
