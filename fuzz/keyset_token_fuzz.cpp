// libFuzzer target: keyset continuation tokens come from URLs, so decoding must never crash, and whatever it
// accepts encodes to a token that decodes to the same values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "store/keyset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks how many keys the list has (1 to 4), the rest is the token.
  constexpr size_t kMaxKeys = 4;
  const size_t key_count = 1 + data[0] % kMaxKeys;
  const std::string_view token(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto decoded = motcua::store::DecodeKeysetToken(token, key_count);
  if (!decoded) {
    return 0;
  }
  if (decoded->size() != key_count) {
    std::abort();
  }
  const auto again = motcua::store::DecodeKeysetToken(motcua::store::EncodeKeysetToken(*decoded), key_count);
  if (!again || *again != *decoded) {
    std::abort();
  }
  return 0;
}
