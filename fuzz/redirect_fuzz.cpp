// libFuzzer target: SameOriginPath never crashes, and what it accepts stays on this origin however a browser or a
// chain of decoders reads it: the input unchanged, printable ASCII, path-absolute, never "//" or "/\" once tabs and
// newlines are dropped and backslashes read as slashes, at any percent-decoding of its path.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/url.hpp"

namespace {

//! Decodings of the path this target checks (one more than SameOriginPath does).
constexpr int kDecodingsChecked = 5;

//! What a WHATWG URL parser does before anything else: drop tabs and newlines, and (special schemes) read `\` as `/`.
std::string AsBrowserReads(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\t' || c == '\n' || c == '\r') {
      continue;
    }
    out += c == '\\' ? '/' : c;
  }
  return out;
}

bool LeavesOrigin(std::string_view s) {
  const std::string read = AsBrowserReads(s);
  return read.empty() || read.front() != '/' || (read.size() > 1 && read[1] == '/') ||
         read.find("/../") != std::string::npos || read.find("/./") != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto accepted = motcua::http::SameOriginPath(input);
  if (!accepted) {
    return 0;
  }
  if (*accepted != input) {
    std::abort();
  }
  for (const char ch : input) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20U || c >= 0x7FU || c == '\\') {
      std::abort();
    }
  }
  std::string path(input.substr(0, input.find_first_of("?#")));
  for (int i = 0; i < kDecodingsChecked; ++i) {
    if (LeavesOrigin(path)) {
      std::abort();
    }
    const auto decoded = motcua::http::PercentDecode(path, false);
    if (!decoded || *decoded == path) {
      break;
    }
    path = *decoded;
  }
  return 0;
}
