#include "http/metrics.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace motcua::http {

TEST(Metrics, ThreadsRecordIntoTheirOwnShardsAndRenderAddsThemUp) {
  constexpr int32_t kThreads = 4;
  constexpr int32_t kPerThread = 1000;
  Metrics metrics;
  std::vector<std::thread> threads;
  for (int32_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, t] {
      for (int32_t i = 0; i < kPerThread; ++i) {
        metrics.Observe("/thu-tuc/{code}", i % 2 == 0 ? 200 : 404, std::chrono::microseconds(t == 0 ? 100 : 2000));
      }
    });
  }
  for (std::thread& t : threads) {
    t.join();
  }
  EXPECT_EQ(metrics.shards(), static_cast<size_t>(kThreads));
  const auto snapshot = metrics.Snapshot();
  const RouteStats& s = snapshot.at("/thu-tuc/{code}");
  EXPECT_EQ(s.count, static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(s.by_status.at(200), static_cast<uint64_t>(kThreads * kPerThread / 2));
  EXPECT_EQ(s.by_status.at(404), static_cast<uint64_t>(kThreads * kPerThread / 2));
  EXPECT_EQ(s.buckets[0], static_cast<uint64_t>(kPerThread));  // only thread 0's 100 µs fall in le=0.0005
  const std::string text = metrics.Render({{"motcua_test_gauge", 3}});
  EXPECT_NE(text.find("motcua_http_requests_total{route=\"/thu-tuc/{code}\",status=\"200\"} 2000\n"),
            std::string::npos);
  EXPECT_NE(text.find("motcua_http_request_duration_seconds_count{route=\"/thu-tuc/{code}\"} 4000\n"),
            std::string::npos);
  EXPECT_NE(text.find("motcua_test_gauge 3\n"), std::string::npos);
}

TEST(Metrics, TwoInstancesOnOneThreadKeepSeparateFigures) {
  Metrics a;
  Metrics b;
  a.Observe("/a", 200, std::chrono::microseconds(1));
  b.Observe("/b", 200, std::chrono::microseconds(1));
  b.Observe("/b", 200, std::chrono::microseconds(1));
  EXPECT_EQ(a.Snapshot().count("/b"), 0U);
  EXPECT_EQ(a.Snapshot().at("/a").count, 1U);
  EXPECT_EQ(b.Snapshot().at("/b").count, 2U);
}

}  // namespace motcua::http
