#include "domain/text.hpp"

#include <array>
#include <vector>

namespace motcua::domain {

namespace {

constexpr char32_t kTableFirst = 0x00C0;      //!< First code point with a folding entry.
constexpr char32_t kTableLast = 0x1EFF;       //!< Last code point with a folding entry (Latin Extended Additional).
constexpr char32_t kCombiningFirst = 0x0300;  //!< Combining diacritical marks (decomposed input) are dropped.
constexpr char32_t kCombiningLast = 0x036F;
constexpr char32_t kReplacement = 0xFFFD;

//! Decodes one code point at `i`, advancing it; malformed input yields kReplacement and advances one byte.
char32_t DecodeUtf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int32_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int32_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += static_cast<size_t>(len);
  return cp;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

//! Base letter of every accented Latin letter Vietnamese (and common Western names) use, both cases.
struct FoldTable {
  std::vector<char> base;
  FoldTable() : base(kTableLast - kTableFirst + 1, 0) {
    const std::array<std::pair<char, std::string_view>, 12> groups = {{
        {'a',
         "àáảãạăằắẳẵặâầấẩẫậäåāą"
         "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀĄ"},
        {'e',
         "èéẻẽẹêềếểễệëēę"
         "ÈÉẺẼẸÊỀẾỂỄỆËĒĘ"},
        {'i',
         "ìíỉĩịîïī"
         "ÌÍỈĨỊÎÏĪ"},
        {'o',
         "òóỏõọôồốổỗộơờớởỡợöøō"
         "ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ"},
        {'u',
         "ùúủũụưừứửữựûüū"
         "ÙÚỦŨỤƯỪỨỬỮỰÛÜŪ"},
        {'y',
         "ỳýỷỹỵÿ"
         "ỲÝỶỸỴŸ"},
        {'d', "đĐ"},
        {'c', "çćčÇĆČ"},
        {'n', "ñńÑŃ"},
        {'s', "śšŚŠ"},
        {'z', "źżžŹŻŽ"},
        {'l', "łŁ"},
    }};
    for (const auto& [letter, variants] : groups) {
      size_t i = 0;
      while (i < variants.size()) {
        const char32_t cp = DecodeUtf8(variants, i);
        if (cp >= kTableFirst && cp <= kTableLast) {
          base[cp - kTableFirst] = letter;
        }
      }
    }
  }
};

const FoldTable& Table() {
  static const FoldTable table;
  return table;
}

}  // namespace

std::string Fold(std::string_view utf8) {
  const FoldTable& table = Table();
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  auto emit = [&](char c) {
    if (pending_space && !out.empty()) {
      out += ' ';
    }
    pending_space = false;
    out += c;
  };
  size_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = DecodeUtf8(utf8, i);
    if (cp < 0x80) {
      const auto c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        emit(static_cast<char>(c - 'A' + 'a'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        emit(c);
      } else if (c == '.' && !pending_space && !out.empty() && IsDigit(out.back()) && i < utf8.size() &&
                 IsDigit(utf8[i])) {
        out += c;  // a dot between digits stays: procedure codes such as 1.001193 are searched as written
      } else {
        pending_space = true;
      }
      continue;
    }
    if (cp >= kCombiningFirst && cp <= kCombiningLast) {
      continue;
    }
    if (cp >= kTableFirst && cp <= kTableLast && table.base[cp - kTableFirst] != 0) {
      emit(table.base[cp - kTableFirst]);
      continue;
    }
    if (cp == kReplacement || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x00A1 && cp <= 0x00BF)) {
      pending_space = true;  // malformed bytes, no-break and other spaces, general punctuation
      continue;
    }
    if (pending_space && !out.empty()) {
      out += ' ';
    }
    pending_space = false;
    AppendUtf8(out, cp);
  }
  return out;
}

std::string Slug(std::string_view utf8) {
  std::string out = Fold(utf8);
  for (char& c : out) {
    if (c == ' ' || c == '.') {
      c = '-';
    }
  }
  return out;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const size_t before = i;
    const char32_t cp = DecodeUtf8(s, i);
    if (cp == kReplacement && !(i - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view s, std::string_view sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      end = s.size();
    }
    std::string part = CollapseSpaces(s.substr(start, end - start));
    if (!part.empty()) {
      parts.push_back(std::move(part));
    }
    start = end + sep.size();
  }
  return parts;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

}  // namespace motcua::domain
