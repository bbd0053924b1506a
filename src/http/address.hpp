#pragma once
//! Client addresses and ranges of them ("10.0.0.0/8", "2001:db8::/32", "127.0.0.1"), for allow-lists such as who
//! may read /metrics without a token. IPv4 addresses are held as IPv4-mapped IPv6 (::ffff:a.b.c.d), so a client
//! seen on a dual-stack socket as "::ffff:10.1.2.3" is in "10.0.0.0/8".

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::http {

//! An address as 16 bytes (IPv4 mapped into IPv6).
using AddressBytes = std::array<uint8_t, 16>;

//! A range of addresses: the first `prefix` bits of `bytes` (0 to 128; an IPv4 /n is stored as /96+n).
struct AddressRange {
  AddressBytes bytes{};  //!< The network address, bits past the prefix zero.
  int32_t prefix = 0;    //!< Leading bits that must match.
};

//! Reads a literal IPv4 ("192.0.2.7") or IPv6 ("2001:db8::1", "::ffff:192.0.2.7") address; nothing for anything else
//! (host names, zone ids, ports, brackets, spaces).
std::optional<AddressBytes> ParseAddress(std::string_view text);

//! Reads "ADDRESS" (one address) or "ADDRESS/PREFIX" (0–32 for IPv4, 0–128 for IPv6); bits set past the prefix
//! ("10.0.0.1/8") are refused as a likely typing mistake. Nothing on anything malformed.
std::optional<AddressRange> ParseAddressRange(std::string_view text);

//! True when `address` is in `range`.
bool InRange(const AddressRange& range, const AddressBytes& address);

//! A list of ranges; an empty list allows nobody.
class AddressAllowList {
 public:
  //! Nobody allowed.
  AddressAllowList() = default;
  //! The ranges written in `texts`; throws std::invalid_argument naming the first malformed one.
  explicit AddressAllowList(const std::vector<std::string>& texts);
  //! True when `address` (as the server saw it, or as trusted X-Forwarded-For gave it) is in one of the ranges; false
  //! for an address that does not parse.
  bool Allows(std::string_view address) const;
  //! True when no range was given.
  bool empty() const { return ranges_.empty(); }

 private:
  std::vector<AddressRange> ranges_;
};

}  // namespace motcua::http
