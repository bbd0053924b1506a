#include "domain/time.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {
namespace {

using std::chrono::seconds;

TEST(Instant, SecondsRoundTowardsThePast) {
  EXPECT_EQ(Instant::FromMicros(1'999'999).Seconds(), 1);
  EXPECT_EQ(Instant::FromMicros(0).Seconds(), 0);
  EXPECT_EQ(Instant::FromMicros(-1).Seconds(), -1);
  EXPECT_EQ(Instant::FromMicros(-1'000'000).Seconds(), -1);
  EXPECT_EQ(Instant::FromMicros(-1'000'001).Seconds(), -2);
  EXPECT_EQ(Instant::FromSeconds(1'700'000'000).micros, 1'700'000'000'000'000);
}

TEST(Instant, OrdersByTime) {
  EXPECT_LT(Instant::FromSeconds(1), Instant::FromSeconds(2));
  EXPECT_EQ(Instant::FromSeconds(5).Plus(seconds(3)), Instant::FromSeconds(8));
}

TEST(ManualClock, StandsStillUntilMoved) {
  ManualClock clock(Instant::FromSeconds(1'000));
  EXPECT_EQ(clock.NowSeconds(), 1'000);
  EXPECT_EQ(clock.NowSeconds(), 1'000);
  clock.Advance(seconds(90));
  EXPECT_EQ(clock.NowSeconds(), 1'090);
  clock.Advance(-seconds(100));
  EXPECT_EQ(clock.NowSeconds(), 990);
  clock.Set(Instant::FromSeconds(5));
  EXPECT_EQ(clock.Now(), Instant::FromSeconds(5));
}

TEST(SystemClock, IsAfter2025) {
  const SystemClock clock;
  EXPECT_GT(clock.NowSeconds(), 1'735'689'600);  // 2025-01-01T00:00:00Z
}

}  // namespace
}  // namespace motcua::domain
