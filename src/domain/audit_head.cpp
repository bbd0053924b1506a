// The published chain head's text form (kept apart from audit.cpp, which hashes, so the fuzz target needs no
// crypto library).
#include <charconv>

#include "domain/audit.hpp"

namespace motcua::domain {

namespace {

//! Hex digits of a SHA-256.
constexpr size_t kHashHexDigits = 64;

//! Longest seq accepted: int64_t has 19 decimal digits.
constexpr size_t kMaxSeqDigits = 19;

bool LowerHex(std::string_view s) {
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<AuditHead> ParseAuditHead(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return std::nullopt;
  }
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kMaxSeqDigits) {
    return std::nullopt;
  }
  const std::string_view seq_text = text.substr(0, colon);
  const std::string_view hash = text.substr(colon + 1);
  AuditHead head;
  const auto [end, ec] = std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), head.seq);
  if (ec != std::errc() || end != seq_text.data() + seq_text.size() || head.seq < 0) {
    return std::nullopt;
  }
  if (hash.size() != kHashHexDigits || !LowerHex(hash)) {
    return std::nullopt;
  }
  if (head.seq == 0 && hash != kAuditGenesisHash) {
    return std::nullopt;
  }
  head.hash = std::string(hash);
  return head;
}

}  // namespace motcua::domain
