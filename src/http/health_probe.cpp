#include "http/health_probe.hpp"

#include <exception>
#include <utility>

namespace motcua::http {

HealthProbe::HealthProbe(Probe probe, std::chrono::milliseconds interval) : probe_(std::move(probe)) {
  CheckNow();
  thread_ = std::thread([this, interval] {
    std::unique_lock lock(mutex_);
    while (!stop_cv_.wait_for(lock, interval, [this] { return stopping_; })) {
      lock.unlock();
      CheckNow();
      lock.lock();
    }
  });
}

HealthProbe::~HealthProbe() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  thread_.join();
}

HealthProbe::State HealthProbe::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

void HealthProbe::CheckNow() {
  State next;
  try {
    probe_();
    next.ok = true;
  } catch (const std::exception& e) {
    next.error = e.what();
  }
  std::lock_guard lock(mutex_);
  next.checks = state_.checks + 1;
  state_ = std::move(next);
}

}  // namespace motcua::http
