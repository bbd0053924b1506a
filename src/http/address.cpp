#include "http/address.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>
#include <stdexcept>

namespace motcua::http {

namespace {

//! Bits in an IPv6 address.
constexpr int32_t kV6Bits = 128;
//! Bits in an IPv4 address.
constexpr int32_t kV4Bits = 32;
//! Bits of the ::ffff:0:0/96 prefix an IPv4 address is mapped under.
constexpr int32_t kMappedPrefixBits = kV6Bits - kV4Bits;
//! Longest address text accepted (an IPv6 address with an embedded IPv4 one is 45 characters).
constexpr size_t kMaxAddressText = 45;
//! Digits of the longest prefix length ("128").
constexpr size_t kMaxPrefixDigits = 3;
//! Bits per byte.
constexpr int32_t kByteBits = 8;

//! True when the text is only what an address literal may hold (so nothing reaches the resolver's interface names).
bool LiteralCharacters(std::string_view text) {
  for (const char c : text) {
    const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<AddressBytes> ParseAddress(std::string_view text) {
  if (text.empty() || text.size() > kMaxAddressText || !LiteralCharacters(text)) {
    return std::nullopt;
  }
  boost::system::error_code ec;
  const boost::asio::ip::address a = boost::asio::ip::make_address(std::string(text), ec);
  if (ec) {
    return std::nullopt;
  }
  if (a.is_v4()) {
    return boost::asio::ip::make_address_v6(boost::asio::ip::v4_mapped, a.to_v4()).to_bytes();
  }
  return a.to_v6().to_bytes();
}

std::optional<AddressRange> ParseAddressRange(std::string_view text) {
  const size_t slash = text.find('/');
  const std::string_view address_text = text.substr(0, slash);
  const std::optional<AddressBytes> bytes = ParseAddress(address_text);
  if (!bytes) {
    return std::nullopt;
  }
  const bool v4 = address_text.find(':') == std::string_view::npos;
  AddressRange range{*bytes, kV6Bits};
  if (slash != std::string_view::npos) {
    const std::string_view prefix_text = text.substr(slash + 1);
    int32_t prefix = -1;
    const bool digits = !prefix_text.empty() && prefix_text.size() <= kMaxPrefixDigits &&
                        prefix_text.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) {
      return std::nullopt;
    }
    std::from_chars(prefix_text.data(), prefix_text.data() + prefix_text.size(), prefix);
    if (prefix > (v4 ? kV4Bits : kV6Bits)) {
      return std::nullopt;
    }
    range.prefix = v4 ? kMappedPrefixBits + prefix : prefix;
  }
  // Bits past the prefix must be zero: "10.0.0.1/8" most likely means something else than 10.0.0.0/8.
  for (int32_t bit = range.prefix; bit < kV6Bits; ++bit) {
    const auto byte = static_cast<size_t>(bit / kByteBits);
    const auto mask = static_cast<uint8_t>(0x80U >> static_cast<uint32_t>(bit % kByteBits));
    if ((range.bytes.at(byte) & mask) != 0) {
      return std::nullopt;
    }
  }
  return range;
}

bool InRange(const AddressRange& range, const AddressBytes& address) {
  for (int32_t bit = 0; bit < range.prefix; ++bit) {
    const auto byte = static_cast<size_t>(bit / kByteBits);
    const auto mask = static_cast<uint8_t>(0x80U >> static_cast<uint32_t>(bit % kByteBits));
    if ((range.bytes.at(byte) & mask) != (address.at(byte) & mask)) {
      return false;
    }
  }
  return true;
}

AddressAllowList::AddressAllowList(const std::vector<std::string>& texts) {
  for (const std::string& t : texts) {
    const std::optional<AddressRange> range = ParseAddressRange(t);
    if (!range) {
      throw std::invalid_argument("\"" + t + "\" is not an address or ADDRESS/PREFIX range");
    }
    ranges_.push_back(*range);
  }
}

bool AddressAllowList::Allows(std::string_view address) const {
  if (ranges_.empty()) {
    return false;
  }
  const std::optional<AddressBytes> bytes = ParseAddress(address);
  if (!bytes) {
    return false;
  }
  for (const AddressRange& r : ranges_) {
    if (InRange(r, *bytes)) {
      return true;
    }
  }
  return false;
}

}  // namespace motcua::http
