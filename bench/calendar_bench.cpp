// The working-day calendar's hot calls (issue 10): AddWorkingDays and Due over random receipt days of ten years
// (2020–2029), on the default calendar with a few overrides. The target is ≤ 1 µs a call.
#include <benchmark/benchmark.h>

#include <chrono>
#include <random>
#include <vector>

#include "domain/work_calendar.hpp"

namespace {

using motcua::domain::CivilDate;
using motcua::domain::LocalDateTime;
using motcua::domain::WorkCalendar;

constexpr int32_t kSamples = 4096;
constexpr int32_t kTenYearsOfDays = 3653;
constexpr int32_t kMaxLimit = 60;

std::vector<CivilDate> RandomDays() {
  std::mt19937 random(2026);
  std::uniform_int_distribution<int32_t> day(0, kTenYearsOfDays - 1);
  const std::chrono::sys_days base{
      std::chrono::year_month_day{std::chrono::year(2020), std::chrono::January, std::chrono::day(1)}};
  std::vector<CivilDate> out;
  for (int32_t i = 0; i < kSamples; ++i) {
    const std::chrono::year_month_day ymd{base + std::chrono::days(day(random))};
    out.push_back(CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<unsigned>(ymd.month())),
                            static_cast<int32_t>(static_cast<unsigned>(ymd.day()))});
  }
  return out;
}

const WorkCalendar& Calendar() {
  static const WorkCalendar calendar({{{2026, 11, 7}, true, "Làm bù"}, {{2027, 1, 4}, false, "Nghỉ"}});
  return calendar;
}

void BM_AddWorkingDays(benchmark::State& state) {
  const std::vector<CivilDate> days = RandomDays();
  const WorkCalendar& calendar = Calendar();
  const int32_t n = static_cast<int32_t>(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.AddWorkingDays(days[i], n));
    i = (i + 1) % days.size();
  }
}
BENCHMARK(BM_AddWorkingDays)->Arg(1)->Arg(15)->Arg(kMaxLimit)->Arg(2500);

void BM_DueWorkingDays(benchmark::State& state) {
  const std::vector<CivilDate> days = RandomDays();
  const WorkCalendar& calendar = Calendar();
  const motcua::domain::OfficeHours hours{};
  constexpr int32_t kAfternoon = 15 * 60 + 10;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(calendar.Due(LocalDateTime{days[i], kAfternoon}, static_cast<double>(i % kMaxLimit + 1),
                                          motcua::domain::TimeUnit::kWorkingDay, hours));
    i = (i + 1) % days.size();
  }
}
BENCHMARK(BM_DueWorkingDays);

void BM_WorkingMinutesBetween(benchmark::State& state) {
  const std::vector<CivilDate> days = RandomDays();
  const WorkCalendar& calendar = Calendar();
  const motcua::domain::OfficeHours hours{};
  constexpr int32_t kMorning = 9 * 60;
  size_t i = 0;
  for (auto _ : state) {
    const LocalDateTime from{days[i], kMorning};
    const LocalDateTime to{days[(i + 1) % days.size()], kMorning};
    benchmark::DoNotOptimize(calendar.WorkingMinutesBetween(from, to, hours));
    i = (i + 1) % days.size();
  }
}
BENCHMARK(BM_WorkingMinutesBetween);

void BM_BuildCalendar(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(WorkCalendar({{{2026, 11, 7}, true, "Làm bù"}}));
  }
}
BENCHMARK(BM_BuildCalendar);

}  // namespace

BENCHMARK_MAIN();
