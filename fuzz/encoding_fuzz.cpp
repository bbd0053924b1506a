// libFuzzer target: Accept-Encoding parsing and the gzip/brotli decoders never crash; the chosen coding is one the
// header accepts; parts compressed apart always join into a gzip member that decodes to their concatenation.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/compression.hpp"

namespace {

constexpr size_t kMaxDecoded = size_t{1} << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using motcua::http::Coding;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const motcua::http::AcceptedCodings accepted = motcua::http::ParseAcceptEncoding(input);
  const Coding coding = motcua::http::ChooseCoding(input);
  if ((coding == Coding::kGzip && accepted.gzip <= 0) || (coding == Coding::kBrotli && accepted.brotli <= 0)) {
    std::abort();
  }
  // Arbitrary bytes as coded bodies: refused or decoded, never a crash or more than the limit.
  for (const Coding c : {Coding::kGzip, Coding::kBrotli}) {
    if (const auto plain = motcua::http::Decompress(c, input, kMaxDecoded); plain && plain->size() > kMaxDecoded) {
      std::abort();
    }
  }
  const size_t third = size / 3;
  const motcua::http::DeflatePart a = motcua::http::DeflatePartOf(input.substr(0, third), false);
  const motcua::http::DeflatePart b = motcua::http::DeflatePartOf(input.substr(third, third), false);
  const motcua::http::DeflatePart c = motcua::http::DeflatePartOf(input.substr(2 * third), true);
  const std::string joined =
      std::string(motcua::http::GzipHeader()) + a.bytes + b.bytes + c.bytes + motcua::http::GzipTrailer(a, b, c);
  if (motcua::http::Decompress(Coding::kGzip, joined) != std::string(input)) {
    std::abort();
  }
  if (motcua::http::Decompress(Coding::kBrotli, motcua::http::BrotliCompress(input)) != std::string(input)) {
    std::abort();
  }
  return 0;
}
