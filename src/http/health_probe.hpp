#pragma once
//! A health state refreshed by a background probe, so /healthz answers from memory on an I/O thread.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace motcua::http {

//! Runs a probe now and then every `interval` on its own thread and keeps the last outcome.
class HealthProbe {
 public:
  //! A probe throws when the checked thing is unhealthy (its message is kept).
  using Probe = std::function<void()>;
  //! The outcome of the last probe.
  struct State {
    bool ok = false;     //!< The last probe returned.
    std::string error;   //!< Its exception's message when it threw.
    int64_t checks = 0;  //!< Probes run so far.
  };
  //! Runs `probe` once before returning, then every `interval` until destroyed.
  HealthProbe(Probe probe, std::chrono::milliseconds interval);
  ~HealthProbe();
  HealthProbe(const HealthProbe&) = delete;
  HealthProbe& operator=(const HealthProbe&) = delete;
  //! The last outcome (never runs the probe).
  State state() const;
  //! Runs the probe now on the calling thread.
  void CheckNow();

 private:
  Probe probe_;
  mutable std::mutex mutex_;
  State state_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::http
