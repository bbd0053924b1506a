#include "service/deadline_sweeper.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace motcua::service {

DeadlineSweeper::DeadlineSweeper(BackOffice& office, std::chrono::milliseconds interval)
    : office_(office), interval_(interval), thread_([this] { Run(); }) {}

DeadlineSweeper::~DeadlineSweeper() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void DeadlineSweeper::Run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    SweepOnce();
    lock.lock();
  }
}

void DeadlineSweeper::SweepOnce() {
  try {
    const SweepCounts counts = office_.SweepDeadlines();
    if (counts.warned > 0 || counts.overdue > 0) {
      spdlog::info("deadline sweep: {} warned, {} newly overdue", counts.warned, counts.overdue);
    }
  } catch (const std::exception& e) {
    spdlog::error("deadline sweep failed, retried at the next round: {}", e.what());
  }
}

}  // namespace motcua::service
