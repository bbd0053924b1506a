#include "store/keyset.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "domain/messages.hpp"

namespace motcua::store {

namespace {

//! Every token starts with this version mark, so that a later format can be told apart.
constexpr std::string_view kTokenVersion = "k1";
//! Longer tokens are refused before decoding (a key is a few short values).
constexpr size_t kMaxTokenChars = 4096;
constexpr std::string_view kBase64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr int32_t kBitsPerChar = 6;
constexpr int32_t kBitsPerByte = 8;
constexpr uint32_t kSixBits = 0x3f;
constexpr uint32_t kByteMask = 0xff;
constexpr int8_t kNotBase64 = -1;
//! Marks of the value types in a token: integer, real, text, bytes.
constexpr char kIntMark = 'i';
constexpr char kRealMark = 'r';
constexpr char kTextMark = 't';
constexpr char kBytesMark = 'b';
constexpr char kNumberEnd = ';';
constexpr char kLengthEnd = ':';

std::string Base64Url(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * kBitsPerByte + kBitsPerChar - 1) / kBitsPerChar);
  uint32_t buffer = 0;
  int32_t bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << kBitsPerByte) | (static_cast<uint32_t>(static_cast<unsigned char>(c)) & kByteMask);
    bits += kBitsPerByte;
    while (bits >= kBitsPerChar) {
      bits -= kBitsPerChar;
      out += kBase64Alphabet[(buffer >> bits) & kSixBits];
    }
  }
  if (bits > 0) {
    out += kBase64Alphabet[(buffer << (kBitsPerChar - bits)) & kSixBits];
  }
  return out;
}

std::optional<std::string> FromBase64Url(std::string_view text) {
  std::array<int8_t, std::numeric_limits<unsigned char>::max() + 1> values{};
  values.fill(kNotBase64);
  for (size_t i = 0; i < kBase64Alphabet.size(); ++i) {
    values[static_cast<unsigned char>(kBase64Alphabet[i])] = static_cast<int8_t>(i);
  }
  std::string out;
  uint32_t buffer = 0;
  int32_t bits = 0;
  for (const char c : text) {
    const int8_t v = values[static_cast<unsigned char>(c)];
    if (v == kNotBase64) {
      return std::nullopt;
    }
    buffer = ((buffer << kBitsPerChar) | static_cast<uint32_t>(v)) & ((1U << (kBitsPerChar + kBitsPerByte)) - 1U);
    bits += kBitsPerChar;
    if (bits >= kBitsPerByte) {
      bits -= kBitsPerByte;
      out += static_cast<char>((buffer >> bits) & kByteMask);
    }
  }
  // Left-over bits must be padding zeros of a shortest encoding, so each token has one spelling.
  if (bits >= kBitsPerChar || (buffer & ((1U << bits) - 1U)) != 0) {
    return std::nullopt;
  }
  return out;
}

//! The answer to a token that was altered, truncated or made for another list.
domain::Error BadToken() {
  return domain::Error::Of(domain::ErrorKind::kInvalid, domain::N_("Liên kết trang tiếp theo không hợp lệ"));
}

//! Reads a decimal up to `end` from `payload` at `pos`; moves `pos` past the end mark.
template <typename T>
std::optional<T> ReadNumber(std::string_view payload, size_t& pos, char end) {
  const size_t stop = payload.find(end, pos);
  if (stop == std::string_view::npos || stop == pos) {
    return std::nullopt;
  }
  T out{};
  const char* first = payload.data() + pos;
  const char* last = payload.data() + stop;
  const auto [ptr, ec] = std::from_chars(first, last, out);
  if (ec != std::errc() || ptr != last) {
    return std::nullopt;
  }
  pos = stop + 1;
  return out;
}

}  // namespace

std::string EncodeKeysetToken(const std::vector<Value>& keys) {
  std::string payload;
  for (const Value& v : keys) {
    if (const auto* n = std::get_if<int64_t>(&v)) {
      payload += fmt::format("{}{}{}", kIntMark, *n, kNumberEnd);
    } else if (const auto* d = std::get_if<double>(&v)) {
      payload += fmt::format("{}{}{}", kRealMark, *d, kNumberEnd);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      payload += fmt::format("{}{}{}", kTextMark, s->size(), kLengthEnd);
      payload += *s;
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      payload += fmt::format("{}{}{}", kBytesMark, b->bytes.size(), kLengthEnd);
      payload.append(b->bytes.begin(), b->bytes.end());
    } else {
      throw DatabaseError("a keyset key is NULL: keys must be NOT NULL columns");
    }
  }
  return std::string(kTokenVersion) + Base64Url(payload);
}

domain::Result<std::vector<Value>> DecodeKeysetToken(std::string_view token, size_t key_count) {
  if (token.size() > kMaxTokenChars || !token.starts_with(kTokenVersion)) {
    return BadToken();
  }
  const std::optional<std::string> decoded = FromBase64Url(token.substr(kTokenVersion.size()));
  if (!decoded) {
    return BadToken();
  }
  const std::string_view payload = *decoded;
  std::vector<Value> keys;
  size_t pos = 0;
  while (pos < payload.size()) {
    const char mark = payload[pos++];
    if (mark == kIntMark) {
      const std::optional<int64_t> n = ReadNumber<int64_t>(payload, pos, kNumberEnd);
      if (!n) {
        return BadToken();
      }
      keys.emplace_back(*n);
    } else if (mark == kRealMark) {
      const std::optional<double> d = ReadNumber<double>(payload, pos, kNumberEnd);
      if (!d || !std::isfinite(*d)) {
        return BadToken();
      }
      keys.emplace_back(*d);
    } else if (mark == kTextMark || mark == kBytesMark) {
      const std::optional<size_t> length = ReadNumber<size_t>(payload, pos, kLengthEnd);
      if (!length || *length > payload.size() - pos) {
        return BadToken();
      }
      const std::string_view bytes = payload.substr(pos, *length);
      pos += *length;
      if (mark == kTextMark) {
        keys.emplace_back(std::string(bytes));
      } else {
        keys.emplace_back(Blob{std::vector<uint8_t>(bytes.begin(), bytes.end())});
      }
    } else {
      return BadToken();
    }
    if (keys.size() > key_count) {
      return BadToken();
    }
  }
  if (keys.size() != key_count) {
    return BadToken();
  }
  return keys;
}

KeysetStatement BuildKeysetStatement(const KeysetQuery& query, const std::vector<Value>& after) {
  if (query.keys.empty()) {
    throw DatabaseError("a keyset query needs at least one key column");
  }
  const bool ascending = query.order == SortOrder::kAscending;
  std::string keys;
  std::string order_by;
  std::string marks;
  for (size_t i = 0; i < query.keys.size(); ++i) {
    const std::string_view separator = i == 0 ? "" : ", ";
    keys += fmt::format("{}{}", separator, query.keys[i]);
    order_by += fmt::format("{}{} {}", separator, query.keys[i], ascending ? "ASC" : "DESC");
    marks += fmt::format("{}?", separator);
  }
  KeysetStatement out;
  out.sql = fmt::format("SELECT {}{}{} FROM {}", keys, query.columns.empty() ? "" : ", ", query.columns, query.from);
  out.params = query.where_params;
  std::vector<std::string> conditions;
  if (!query.where.empty()) {
    conditions.push_back(fmt::format("({})", query.where));
  }
  if (!after.empty()) {
    if (after.size() != query.keys.size()) {
      throw DatabaseError("a keyset position needs one value per key column");
    }
    conditions.push_back(fmt::format("({}) {} ({})", keys, ascending ? ">" : "<", marks));
    out.params.insert(out.params.end(), after.begin(), after.end());
  }
  for (size_t i = 0; i < conditions.size(); ++i) {
    out.sql += fmt::format(" {} {}", i == 0 ? "WHERE" : "AND", conditions[i]);
  }
  out.sql += fmt::format(" ORDER BY {} LIMIT ?", order_by);
  out.params.emplace_back(std::max<int64_t>(query.page_size, 1) + 1);
  return out;
}

domain::Result<KeysetPage> ReadKeysetPage(Session& s, const KeysetQuery& query, std::string_view token) {
  std::vector<Value> after;
  if (!token.empty()) {
    domain::Result<std::vector<Value>> decoded = DecodeKeysetToken(token, query.keys.size());
    if (!decoded) {
      return decoded.error();
    }
    after = std::move(decoded).value();
  }
  const KeysetStatement statement = BuildKeysetStatement(query, after);
  KeysetPage page;
  page.rows = s.Query(statement.sql, statement.params);
  const auto page_size = static_cast<size_t>(std::max<int64_t>(query.page_size, 1));
  if (page.rows.size() > page_size) {
    page.rows.values.resize(page_size);
    const std::vector<Value>& last = page.rows.values.back();
    page.next = EncodeKeysetToken(
        std::vector<Value>(last.begin(), last.begin() + static_cast<std::ptrdiff_t>(query.keys.size())));
  }
  return page;
}

}  // namespace motcua::store
