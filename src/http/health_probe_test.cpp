#include "http/health_probe.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

namespace motcua::http {

TEST(HealthProbe, KeepsTheLastOutcomeWithoutRunningTheProbeOnRead) {
  std::atomic<bool> healthy{true};
  std::atomic<int32_t> runs{0};
  const HealthProbe probe(
      [&] {
        ++runs;
        if (!healthy) {
          throw std::runtime_error("disk I/O error");
        }
      },
      std::chrono::hours(1));
  EXPECT_EQ(runs.load(), 1) << "the first probe runs before the constructor returns";
  EXPECT_TRUE(probe.state().ok);
  healthy = false;
  EXPECT_TRUE(probe.state().ok) << "reading the state must not probe";
  EXPECT_EQ(runs.load(), 1);
}

TEST(HealthProbe, CheckNowRecordsAFailureAndTheRecovery) {
  std::atomic<bool> healthy{false};
  HealthProbe probe(
      [&] {
        if (!healthy) {
          throw std::runtime_error("disk I/O error");
        }
      },
      std::chrono::hours(1));
  EXPECT_FALSE(probe.state().ok);
  EXPECT_EQ(probe.state().error, "disk I/O error");
  healthy = true;
  probe.CheckNow();
  EXPECT_TRUE(probe.state().ok);
  EXPECT_EQ(probe.state().checks, 2);
}

}  // namespace motcua::http
