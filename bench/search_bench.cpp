// Folding + search over the procedure catalogue. Target: p99 <= 2 ms per query.
// Built with -DMOTCUA_SEARCH_BASELINE against an older tree (no synonym table), the same queries measure the
// search before it: see bench/README.md.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/build_paths.hpp"
#include "domain/catalogue.hpp"
#include "domain/reference_import.hpp"
#include "domain/text.hpp"
#ifndef MOTCUA_SEARCH_BASELINE
#include "domain/search_synonyms.hpp"
#endif

namespace {

using motcua::domain::Catalogue;

std::unique_ptr<Catalogue> Build() {
  std::ifstream in(motcua::app::SourceDir() + "/data/reference/procedures.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto import = motcua::domain::ReadProcedures(text.str());
  int64_t popularity = static_cast<int64_t>(import.procedures.size());
  for (auto& p : import.procedures) {
    p.popularity = popularity--;  // a spread of popularity so ranking sorts real ties
  }
  auto catalogue = std::make_unique<Catalogue>(std::move(import.procedures), std::move(import.fields),
                                               std::vector<motcua::domain::Agency>{}, 1);
#ifndef MOTCUA_SEARCH_BASELINE
  std::ifstream synonyms(motcua::app::SourceDir() + "/data/reference/search-synonyms.csv");
  std::stringstream table;
  table << synonyms.rdbuf();
  catalogue->UseSynonyms(motcua::domain::ReadSynonyms(table.str()).synonyms);
#endif
  return catalogue;
}

const Catalogue& Shipped() {
  static const std::unique_ptr<Catalogue> catalogue = Build();
  return *catalogue;
}

// The first twelve are the queries of the first benchmark (kept so figures stay comparable); then abbreviations,
// everyday questions, partial matches (a word no name holds) and a prefix still being typed.
const std::vector<std::string> kQueries = {"dang ky khai sinh",
                                           "Đăng ký khai sinh",
                                           "doi giay phep",
                                           "dang ky",
                                           "chung thuc ban sao",
                                           "giay phep xay dung nha o rieng le",
                                           "ho kinh doanh",
                                           "1.001193",
                                           "dat dai",
                                           "ket hon",
                                           "thuong tru",
                                           "khong co ket qua nao nhu the nay",
                                           "cccd",
                                           "lam giay khai sinh cho con",
                                           "so do",
                                           "xin giay phep xay dung nha o",
                                           "cap lai the can cuoc bi mat",
                                           "doi bang lai xe",
                                           "huong bhxh 1 lan",
                                           "ho khau",
                                           "dang ky k",
                                           "c",
                                           "giay chung nhan quyen su dung dat cho ho gia dinh ca nhan",
                                           "cap"};

void BM_Fold(benchmark::State& state) {
  const std::string name = "Thủ tục đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế";
  for (auto _ : state) {
    benchmark::DoNotOptimize(motcua::domain::Fold(name));
  }
}
BENCHMARK(BM_Fold);

void BM_Search(benchmark::State& state) {
  const Catalogue& catalogue = Shipped();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  for (auto _ : state) {
    motcua::domain::SearchQuery query;
    query.text = q;
    benchmark::DoNotOptimize(catalogue.Search(query));
  }
  state.SetLabel(q);
}
BENCHMARK(BM_Search)->DenseRange(0, static_cast<int64_t>(kQueries.size()) - 1)->Unit(benchmark::kMicrosecond);

//! CPU time of this thread in microseconds: unlike the wall clock, it does not count the time the thread waits for
//! a core, so percentiles stay meaningful on a loaded machine.
double ThreadCpuMicros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  constexpr double kMicrosPerSecond = 1e6;
  constexpr double kNanosPerMicro = 1e3;
  return static_cast<double>(t.tv_sec) * kMicrosPerSecond + static_cast<double>(t.tv_nsec) / kNanosPerMicro;
}

void BM_SearchAllQueriesPercentiles(benchmark::State& state) {
  const Catalogue& catalogue = Shipped();
  std::vector<double> wall;
  std::vector<double> cpu;
  for (auto _ : state) {
    for (const std::string& q : kQueries) {
      motcua::domain::SearchQuery query;
      query.text = q;
      const auto t0 = std::chrono::steady_clock::now();
      const double c0 = ThreadCpuMicros();
      benchmark::DoNotOptimize(catalogue.Search(query));
      cpu.push_back(ThreadCpuMicros() - c0);
      wall.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  std::sort(wall.begin(), wall.end());
  std::sort(cpu.begin(), cpu.end());
  state.counters["p50_us"] = wall[wall.size() / 2];
  state.counters["p99_us"] = wall[wall.size() * 99 / 100];
  state.counters["max_us"] = wall.back();
  state.counters["cpu_p50_us"] = cpu[cpu.size() / 2];
  state.counters["cpu_p99_us"] = cpu[cpu.size() * 99 / 100];
}
BENCHMARK(BM_SearchAllQueriesPercentiles)->Unit(benchmark::kMillisecond);

//! Building a snapshot (reading the CSV, indexing, the synonym table): what a catalogue reload costs.
void BM_BuildCatalogue(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(Build());
  }
}
BENCHMARK(BM_BuildCatalogue)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
