#include "http/url.hpp"

#include <algorithm>

namespace motcua::http {

namespace {

//! True when `s` is well-formed UTF-8 (RFC 3629: shortest form, no surrogates, at most U+10FFFF). The HTTP layer
//! keeps its own check because it depends on nothing else of ours.
bool WellFormedUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80U) {
      ++i;
      continue;
    }
    // Length of the sequence and the range its second byte must fall in (RFC 3629, section 4).
    size_t len = 0;
    unsigned char lo = 0x80U;
    unsigned char hi = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
      len = 2;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
      len = 3;
      lo = lead == 0xE0U ? 0xA0U : 0x80U;
      hi = lead == 0xEDU ? 0x9FU : 0xBFU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
      len = 4;
      lo = lead == 0xF0U ? 0x90U : 0x80U;
      hi = lead == 0xF4U ? 0x8FU : 0xBFU;
    } else {
      return false;
    }
    if (i + len > s.size()) {
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if (c < (k == 1 ? lo : 0x80U) || c > (k == 1 ? hi : 0xBFU)) {
        return false;
      }
    }
    i += len;
  }
  return true;
}

int32_t HexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

//! How many percent-decodings of a redirect path are checked (attackers stack encodings; three covers any
//! decoder we or a proxy run, and a path that still decodes further is refused).
constexpr int32_t kRedirectDecodings = 3;

//! True for the bytes a same-origin redirect may hold as they are: printable ASCII without space or backslash.
bool RedirectByte(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return c > 0x20U && c < 0x7FU && c != '\\';
}

//! True when `path` (the part before `?` or `#`) is path-absolute with no empty, `.` or `..` segment and only
//! redirect bytes.
bool PlainAbsolutePath(std::string_view path) {
  if (path.empty() || path.front() != '/') {
    return false;
  }
  for (const char c : path) {
    if (!RedirectByte(c)) {
      return false;
    }
  }
  size_t start = 1;
  while (start <= path.size()) {
    const size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, slash - start);
    const bool last = slash == path.size();
    if ((segment.empty() && !last) || segment == "." || segment == "..") {
      return false;
    }
    start = slash + 1;
  }
  return true;
}

}  // namespace

std::optional<std::string> SameOriginPath(std::string_view candidate) {
  if (candidate.empty() || candidate.size() > kMaxTargetBytes) {
    return std::nullopt;
  }
  for (const char c : candidate) {
    if (!RedirectByte(c)) {
      return std::nullopt;
    }
  }
  std::string path(candidate.substr(0, candidate.find_first_of("?#")));
  for (int32_t i = 0; i <= kRedirectDecodings; ++i) {
    if (!PlainAbsolutePath(path)) {
      return std::nullopt;
    }
    if (path.find('%') == std::string::npos) {
      return std::string(candidate);
    }
    std::optional<std::string> decoded = PercentDecode(path, false);
    if (!decoded) {
      return std::nullopt;
    }
    path = std::move(*decoded);
  }
  return std::nullopt;  // still encoded after every decoding we check
}

std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) {
        return std::nullopt;
      }
      const int32_t hi = HexValue(s[i + 1]);
      const int32_t lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) {
        return std::nullopt;
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!WellFormedUtf8(out) || out.find('\0') != std::string::npos) {
    return std::nullopt;
  }
  return out;
}

std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::optional<Pairs> ParseQuery(std::string_view query, size_t max_params) {
  Pairs out;
  while (!query.empty()) {
    const size_t amp = query.find('&');
    const std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (part.empty()) {
      continue;
    }
    if (out.size() >= max_params) {
      return std::nullopt;
    }
    const size_t eq = part.find('=');
    auto key = PercentDecode(part.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1), true);
    if (!key || !value) {
      return std::nullopt;
    }
    out.emplace_back(std::move(*key), std::move(*value));
  }
  return out;
}

std::optional<ParsedTarget> ParseTarget(std::string_view target, TargetError& error) {
  if (target.size() > kMaxTargetBytes) {
    error = {kUriTooLong, "Địa chỉ trang quá dài."};
    return std::nullopt;
  }
  if (target.empty() || target.front() != '/') {
    error = {kBadRequest, "Địa chỉ yêu cầu không hợp lệ."};
    return std::nullopt;
  }
  const size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  const size_t hash = raw_path.find('#');
  raw_path = raw_path.substr(0, hash);
  auto path = PercentDecode(raw_path, false);
  if (!path) {
    error = {kBadRequest, "Địa chỉ trang có ký tự mã hoá sai (%XX) hoặc không phải UTF-8."};
    return std::nullopt;
  }
  ParsedTarget out;
  out.path = std::move(*path);
  if (q != std::string_view::npos) {
    std::string_view raw_query = target.substr(q + 1);
    raw_query = raw_query.substr(0, raw_query.find('#'));
    auto query = ParseQuery(raw_query);
    if (!query) {
      error = {kBadRequest, "Chuỗi tìm kiếm trong địa chỉ có ký tự mã hoá sai (%XX) hoặc không phải UTF-8."};
      return std::nullopt;
    }
    out.query = std::move(*query);
  }
  return out;
}

}  // namespace motcua::http
