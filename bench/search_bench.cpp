// Folding + search over the procedure catalogue. Target: p99 <= 2 ms per query.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "app/build_paths.hpp"
#include "domain/catalogue.hpp"
#include "domain/reference_import.hpp"
#include "domain/text.hpp"

namespace {

using motcua::domain::Catalogue;

const Catalogue& LoadCatalogue() {
  static const Catalogue catalogue = [] {
    std::ifstream in(motcua::app::SourceDir() + "/data/reference/procedures.csv");
    std::stringstream text;
    text << in.rdbuf();
    auto import = motcua::domain::ReadProcedures(text.str());
    int64_t popularity = static_cast<int64_t>(import.procedures.size());
    for (auto& p : import.procedures) {
      p.popularity = popularity--;  // a spread of popularity so ranking sorts real ties
    }
    return Catalogue(std::move(import.procedures), std::move(import.fields), {}, 1);
  }();
  return catalogue;
}

const std::vector<std::string> kQueries = {
    "dang ky khai sinh", "Đăng ký khai sinh",  "doi giay phep",
    "dang ky",           "chung thuc ban sao", "giay phep xay dung nha o rieng le",
    "ho kinh doanh",     "1.001193",           "dat dai",
    "ket hon",           "thuong tru",         "khong co ket qua nao nhu the nay"};

void BM_Fold(benchmark::State& state) {
  const std::string name = "Thủ tục đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế";
  for (auto _ : state) {
    benchmark::DoNotOptimize(motcua::domain::Fold(name));
  }
}
BENCHMARK(BM_Fold);

void BM_Search(benchmark::State& state) {
  const Catalogue& catalogue = LoadCatalogue();
  const std::string& q = kQueries[static_cast<size_t>(state.range(0))];
  for (auto _ : state) {
    motcua::domain::SearchQuery query;
    query.text = q;
    benchmark::DoNotOptimize(catalogue.Search(query));
  }
  state.SetLabel(q);
}
BENCHMARK(BM_Search)->DenseRange(0, static_cast<int64_t>(kQueries.size()) - 1)->Unit(benchmark::kMicrosecond);

void BM_SearchAllQueriesPercentiles(benchmark::State& state) {
  const Catalogue& catalogue = LoadCatalogue();
  std::vector<double> samples;
  for (auto _ : state) {
    for (const std::string& q : kQueries) {
      motcua::domain::SearchQuery query;
      query.text = q;
      const auto t0 = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(catalogue.Search(query));
      samples.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
  }
  std::sort(samples.begin(), samples.end());
  state.counters["p50_us"] = samples[samples.size() / 2];
  state.counters["p99_us"] = samples[samples.size() * 99 / 100];
  state.counters["max_us"] = samples.back();
}
BENCHMARK(BM_SearchAllQueriesPercentiles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
