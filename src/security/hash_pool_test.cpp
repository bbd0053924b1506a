//! The hash pool: results and exceptions reach the caller, a full queue refuses at once, the destructor drains.
#include "security/hash_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace motcua::security {
namespace {

//! Waits (without a deadline: ctest's timeout is the backstop) until `pool` holds `n` queued jobs.
void WaitQueued(const HashPool& pool, int64_t n) {
  while (pool.queued() != n) {
    std::this_thread::yield();
  }
}

TEST(HashPool, RunsJobsAndReturnsTheirResults) {
  HashPool pool(2, 4);
  EXPECT_EQ(pool.Run([] { return 6 * 7; }), 42);
  EXPECT_EQ(pool.Run([] { return std::string("argon2id"); }), "argon2id");
  const std::thread::id caller = std::this_thread::get_id();
  EXPECT_EQ(pool.Run([caller] { return std::this_thread::get_id() != caller; }), true);
  EXPECT_EQ(pool.queued(), 0);
}

TEST(HashPool, AtLeastOneThreadAndOneQueueSlot) {
  HashPool none(0, 0);
  EXPECT_EQ(none.threads(), 1);
  EXPECT_EQ(none.Run([] { return 1; }), 1);
  HashPool three(3, 1);
  EXPECT_EQ(three.threads(), 3);
}

TEST(HashPool, ManyCallersEachGetTheirOwnResult) {
  constexpr int32_t kCallers = 8;
  constexpr int32_t kJobsEach = 50;
  HashPool pool(2, kCallers);  // one job in flight per caller: never refused
  std::atomic<int32_t> wrong{0};
  std::atomic<int32_t> refused{0};
  std::vector<std::thread> callers;
  for (int32_t c = 0; c < kCallers; ++c) {
    callers.emplace_back([&, c] {
      for (int32_t j = 0; j < kJobsEach; ++j) {
        const int32_t expected = c * 1000 + j;
        const auto result = pool.Run([expected] { return expected; });
        if (!result) {
          ++refused;
        } else if (*result != expected) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& t : callers) {
    t.join();
  }
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(refused, 0);
}

TEST(HashPool, ExceptionsReachTheCallerAndThePoolGoesOn) {
  HashPool pool(1, 2);
  EXPECT_THROW(pool.Run([]() -> int { throw std::runtime_error("argon2id: out of memory"); }), std::runtime_error);
  try {
    pool.Run([]() -> std::string { throw std::invalid_argument("bad"); });
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "bad");
  }
  EXPECT_EQ(pool.Run([] { return 7; }), 7);
}

TEST(HashPool, AFullQueueRefusesAtOnce) {
  HashPool pool(1, 2);
  std::latch started(1);
  std::latch release(1);
  std::optional<int> blocker;
  std::optional<int> second;
  std::optional<int> third;
  std::thread a([&] {
    blocker = pool.Run([&] {
      started.count_down();
      release.wait();
      return 1;
    });
  });
  started.wait();  // the only worker is busy; the queue is empty
  std::thread b([&] { second = pool.Run([] { return 2; }); });
  std::thread c([&] { third = pool.Run([] { return 3; }); });
  WaitQueued(pool, 2);
  bool ran = false;
  EXPECT_EQ(pool.Run([&] {
    ran = true;
    return 4;
  }),
            std::nullopt);
  EXPECT_FALSE(ran);
  EXPECT_EQ(pool.queued(), 2);
  release.count_down();
  a.join();
  b.join();
  c.join();
  EXPECT_EQ(blocker, 1);
  EXPECT_EQ(second, 2);
  EXPECT_EQ(third, 3);
  EXPECT_EQ(pool.Run([] { return 5; }), 5);  // room again
}

TEST(HashPool, TheDestructorRunsEveryQueuedJob) {
  constexpr int32_t kQueued = 4;
  auto pool = std::make_unique<HashPool>(1, kQueued);
  std::latch started(1);
  std::latch release(1);
  std::atomic<int32_t> ran{0};
  std::vector<std::optional<int32_t>> results(kQueued + 1);
  std::vector<std::thread> callers;
  callers.emplace_back([&] {
    results[0] = pool->Run([&] {
      started.count_down();
      release.wait();
      return ++ran;
    });
  });
  started.wait();
  for (int32_t i = 1; i <= kQueued; ++i) {
    callers.emplace_back([&, i] { results[static_cast<size_t>(i)] = pool->Run([&] { return ++ran; }); });
  }
  WaitQueued(*pool, kQueued);
  // Destroy the pool while its jobs are still queued. The pause only makes it likely that the destructor has begun
  // before the worker is released; the assertions below hold in every order.
  std::thread destroyer([&] { pool.reset(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  release.count_down();
  destroyer.join();
  EXPECT_EQ(ran, kQueued + 1);
  for (std::thread& t : callers) {
    t.join();  // a job dropped undone would throw broken_promise in its caller
  }
  for (size_t i = 0; i < results.size(); ++i) {
    EXPECT_TRUE(results[i].has_value()) << "job " << i;
  }
}

}  // namespace
}  // namespace motcua::security
