#pragma once
//! The server's periodic deadline sweep (issue 10): a thread that runs BackOffice::SweepDeadlines every interval, so
//! that officers are warned a working day before an appointment and heads are told of overdue dossiers, once each.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "service/back_office.hpp"

namespace motcua::service {

//! How often `serve` sweeps deadlines by default.
inline constexpr std::chrono::seconds kDefaultSweepInterval{60};

//! Runs the deadline sweep in the background.
class DeadlineSweeper {
 public:
  //! Sweeps `office` (which outlives this) every `interval`, starting after the first interval.
  DeadlineSweeper(BackOffice& office, std::chrono::milliseconds interval);
  //! Stops the thread.
  ~DeadlineSweeper();
  DeadlineSweeper(const DeadlineSweeper&) = delete;
  DeadlineSweeper& operator=(const DeadlineSweeper&) = delete;
  DeadlineSweeper(DeadlineSweeper&&) = delete;
  DeadlineSweeper& operator=(DeadlineSweeper&&) = delete;

 private:
  void Run();
  //! One sweep; a failure is logged and retried at the next round.
  void SweepOnce();

  BackOffice& office_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace motcua::service
