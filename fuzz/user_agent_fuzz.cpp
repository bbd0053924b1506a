// libFuzzer target: any User-Agent header reads without a crash, and the names it gives are ones of our own lists
// (never bytes copied from the header).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/user_agent.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const motcua::domain::UserAgentSummary s = motcua::domain::SummariseUserAgent(input);
  constexpr size_t kLongestName = 20;
  if (s.browser.size() > kLongestName || s.system.size() > kLongestName) {
    std::abort();
  }
  return 0;
}
