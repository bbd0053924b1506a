// libFuzzer target: request-target and query-string decoding must never crash, and what it accepts is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/text.hpp"
#include "http/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  motcua::http::TargetError error;
  if (const auto target = motcua::http::ParseTarget(input, error)) {
    if (!motcua::domain::IsValidUtf8(target->path)) {
      std::abort();
    }
    for (const auto& [k, v] : target->query) {
      if (!motcua::domain::IsValidUtf8(k) || !motcua::domain::IsValidUtf8(v)) {
        std::abort();
      }
    }
  } else if (error.reason.empty()) {
    std::abort();  // every refusal explains itself
  }
  // Encoding then decoding is the identity.
  const auto decoded = motcua::http::PercentDecode(motcua::http::PercentEncode(input), false);
  if (motcua::domain::IsValidUtf8(input) && input.find('\0') == std::string_view::npos &&
      (!decoded || *decoded != input)) {
    std::abort();
  }
  // Folding never grows text by more than the UTF-8 it replaces and is idempotent.
  const std::string folded = motcua::domain::Fold(input);
  if (folded.size() > input.size() || motcua::domain::Fold(folded) != folded) {
    std::abort();
  }
  return 0;
}
