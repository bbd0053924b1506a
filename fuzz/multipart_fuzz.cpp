// libFuzzer target: the streaming multipart parser must never crash whatever the bytes and however they are split,
// give the same answer for every split, and leave no spool file once the body is dropped or refused.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "http/multipart.hpp"

namespace {

//! A spool folder of this process, emptied after every input.
const std::string& SpoolDir() {
  static const std::string dir =
      (std::filesystem::temp_directory_path() / ("motcua-multipart-fuzz-" + std::to_string(::getpid()))).string();
  return dir;
}

bool SpoolEmpty() {
  std::error_code ec;
  return !std::filesystem::exists(SpoolDir(), ec) || std::filesystem::is_empty(SpoolDir(), ec);
}

//! Parses `body` in chunks whose sizes cycle through `sizes` (each 1..256).
motcua::http::MultipartBody Parse(std::string_view body, std::string_view sizes,
                                  const motcua::http::MultipartLimits& limits) {
  motcua::http::MultipartParser parser("XbX", SpoolDir(), limits);
  size_t i = 0;
  size_t k = 0;
  while (i < body.size()) {
    const size_t n =
        sizes.empty() ? body.size() : static_cast<size_t>(static_cast<uint8_t>(sizes[k++ % sizes.size()])) + 1;
    parser.Feed(body.substr(i, n));
    i += n;
  }
  return parser.Finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The first byte says how many of the next bytes are chunk sizes; the rest is the body.
  constexpr size_t kMaxSizes = 8;
  const size_t count = input.empty() ? 0 : static_cast<uint8_t>(input[0]) % (kMaxSizes + 1);
  input.remove_prefix(std::min<size_t>(1, input.size()));
  const std::string_view sizes = input.substr(0, std::min(count, input.size()));
  input.remove_prefix(sizes.size());
  motcua::http::MultipartLimits limits;
  limits.max_file_bytes = 512;
  limits.max_total_bytes = 1024;
  limits.max_files = 4;
  limits.max_fields = 8;
  limits.max_field_bytes = 256;
  limits.max_header_bytes = 256;
  {
    const motcua::http::MultipartBody split = Parse(input, sizes, limits);
    const motcua::http::MultipartBody whole = Parse(input, {}, limits);
    if (split.error != whole.error || split.fields != whole.fields || split.files.size() != whole.files.size()) {
      std::abort();  // the answer must not depend on how the bytes arrived
    }
    for (size_t i = 0; i < split.files.size(); ++i) {
      if (split.files[i].bytes != whole.files[i].bytes || split.files[i].filename != whole.files[i].filename) {
        std::abort();
      }
    }
    if (!split.ok() && !split.files.empty()) {
      std::abort();  // a refused body keeps no file
    }
  }
  if (!SpoolEmpty()) {
    std::abort();  // every spool file went with its body
  }
  (void)motcua::http::MultipartBoundary(input);
  return 0;
}
