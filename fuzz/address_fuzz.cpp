// libFuzzer target: the allow-list's address ranges and the published audit head never crash, and what they accept
// is consistent: a range contains its own network address and an address is in its own /128; a head reads back from
// the text it prints.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/audit.hpp"
#include "http/address.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (const auto range = motcua::http::ParseAddressRange(input)) {
    if (range->prefix < 0 || range->prefix > 128 || !motcua::http::InRange(*range, range->bytes)) {
      std::abort();
    }
  }
  if (const auto address = motcua::http::ParseAddress(input)) {
    const motcua::http::AddressRange self{*address, 128};
    if (!motcua::http::InRange(self, *address)) {
      std::abort();
    }
  }
  if (const auto head = motcua::domain::ParseAuditHead(input)) {
    const auto again = motcua::domain::ParseAuditHead(head->Text());
    if (!again || again->seq != head->seq || again->hash != head->hash) {
      std::abort();
    }
  }
  return 0;
}
