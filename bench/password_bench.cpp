// argon2id cost of one sign-in, in isolation: HashPassword (registration, reset, change) and VerifyPassword (every
// password sign-in) with the default parameters (OWASP minimum: 19 MiB, 2 passes, 1 lane). bench/login.sh divides
// the hash pool size by the verify time to get the most sign-ins a second the server can do, and compares.
#include <benchmark/benchmark.h>

#include <string>

#include "security/password.hpp"

namespace {

using motcua::security::Argon2Params;

const std::string kPassword = "NamDinh-thu-nghiem";  // the demo accounts' password: the same length as in login.sh

void BM_HashPassword(benchmark::State& state) {
  const Argon2Params params;
  for (auto _ : state) {
    benchmark::DoNotOptimize(motcua::security::HashPassword(kPassword, params));
  }
  state.SetLabel("m=" + std::to_string(params.memory_kib) + " KiB, t=" + std::to_string(params.iterations));
}
BENCHMARK(BM_HashPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_VerifyPassword(benchmark::State& state) {
  const std::string encoded = motcua::security::HashPassword(kPassword, Argon2Params{});
  for (auto _ : state) {
    if (!motcua::security::VerifyPassword(encoded, kPassword)) {
      state.SkipWithError("the password did not verify");
      break;
    }
  }
}
BENCHMARK(BM_VerifyPassword)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
