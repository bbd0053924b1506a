// What compression costs on the response path: filling a cache entry (brotli + three gzip parts), answering an
// anonymous visitor from it (no compression), a signed-in caller's page (only the account slot compressed), and
// a page made per request (compressed whole). The page is ~25 KB of HTML built from the catalogue's procedure
// names, the size of a search results page.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"
#include "http/compression.hpp"
#include "http/response_cache.hpp"

namespace {

using motcua::http::Response;

constexpr size_t kPageBytes = 25'000;
constexpr std::string_view kOpen = "<!--tai-khoan-->";
constexpr std::string_view kClose = "<!--/tai-khoan-->";

const std::string& Page() {
  static const std::string page = [] {
    std::ifstream in(motcua::app::SourceDir() + "/data/reference/procedures.csv");
    std::string out = "<!DOCTYPE html><html lang=\"vi\"><body><header><ul>";
    out += std::string(kOpen) + "<li><a href=\"/dang-nhap\">Đăng nhập</a></li>" + std::string(kClose);
    out += "</ul></header><main><ol>";
    std::string line;
    std::getline(in, line);  // the header row
    while (out.size() < kPageBytes && std::getline(in, line)) {
      out += "<li class=\"app-result\"><a class=\"govuk-link\" href=\"/thu-tuc/x\">" +
             line.substr(0, line.find(',', 40)) + "</a></li>\n";
    }
    return out + "</ol></main></body></html>";
  }();
  return page;
}

Response Html() {
  Response res = Response::Html(Page());
  res.Set("ETag", "W/\"x\"");
  return res;
}

void BM_CacheFill(benchmark::State& state) {
  const Response res = Html();
  for (auto _ : state) {
    benchmark::DoNotOptimize(motcua::http::MakeCachedResponse(res, {}, kOpen, kClose));
  }
  const auto entry = motcua::http::MakeCachedResponse(res, {}, kOpen, kClose);
  state.counters["plain_bytes"] = static_cast<double>(entry->body->size());
  state.counters["br_bytes"] = static_cast<double>(entry->brotli->size());
  size_t gzip = entry->gzip_trailer.size();
  for (const auto& part : entry->gzip) {
    gzip += part.bytes.size();
  }
  state.counters["gzip_bytes"] = static_cast<double>(gzip);
}
BENCHMARK(BM_CacheFill)->Unit(benchmark::kMicrosecond);

void BM_CachedAnonymousBrotli(benchmark::State& state) {
  const auto entry = motcua::http::MakeCachedResponse(Html(), {}, kOpen, kClose);
  for (auto _ : state) {
    Response res;
    res.cached = entry;
    motcua::http::EncodeForClient("gzip, deflate, br, zstd", res);
    benchmark::DoNotOptimize(motcua::http::CachedBodyPieces(res));
  }
}
BENCHMARK(BM_CachedAnonymousBrotli)->Unit(benchmark::kMicrosecond);

void BM_CachedSignedInGzipSlot(benchmark::State& state) {
  const auto entry = motcua::http::MakeCachedResponse(Html(), {}, kOpen, kClose);
  for (auto _ : state) {
    Response res;
    res.cached = entry;
    res.personal = true;
    res.slot =
        "<li><a href=\"/tai-khoan\">Nguyễn Văn An</a></li><li><form method=\"post\" action=\"/dang-xuat\">"
        "<input type=\"hidden\" name=\"csrf\" value=\"0123456789abcdef0123456789abcdef\"><button>Đăng xuất"
        "</button></form></li>";
    motcua::http::EncodeForClient("gzip, deflate, br, zstd", res);
    benchmark::DoNotOptimize(motcua::http::CachedBodyPieces(res));
  }
}
BENCHMARK(BM_CachedSignedInGzipSlot)->Unit(benchmark::kMicrosecond);

void BM_PerRequestPage(benchmark::State& state) {
  const std::string accept = state.range(0) == 0 ? "gzip" : "gzip, br";
  for (auto _ : state) {
    Response res = Html();
    motcua::http::CompressResponse(accept, res);
    benchmark::DoNotOptimize(res.body);
  }
  state.SetLabel(accept);
}
BENCHMARK(BM_PerRequestPage)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
