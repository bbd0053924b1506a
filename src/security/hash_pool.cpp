#include "security/hash_pool.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace motcua::security {

namespace {

//! Workers run at this nice value so the I/O threads keep answering while hashes run.
constexpr int kWorkerNice = 5;

}  // namespace

HashPool::HashPool(int32_t threads, int32_t max_queued) : max_queued_(static_cast<size_t>(std::max(1, max_queued))) {
  const int32_t n = std::max(1, threads);
  workers_.reserve(static_cast<size_t>(n));
  for (int32_t i = 0; i < n; ++i) {
    workers_.emplace_back([this] { Work(); });
  }
}

HashPool::~HashPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) {
    t.join();
  }
}

int64_t HashPool::queued() const {
  std::lock_guard lock(mutex_);
  return static_cast<int64_t>(jobs_.size());
}

bool HashPool::Enqueue(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || jobs_.size() >= max_queued_) {
      return false;
    }
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void HashPool::Work() {
  // Linux applies setpriority to one thread when given its thread id. Failure only costs responsiveness.
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  (void)setpriority(PRIO_PROCESS, tid, kWorkerNice);
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (jobs_.empty()) {
        return;  // stopping and drained
      }
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace motcua::security
