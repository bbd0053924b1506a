#pragma once
//! Text helpers for Vietnamese: accent and đ folding, UTF-8 checks, name normalisation.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

//! Folds text for search: lower case, Vietnamese diacritics removed, đ → d, punctuation and runs of
//! white space become one space, trimmed. "Đăng ký  khai-sinh" → "dang ky khai sinh".
std::string Fold(std::string_view utf8);

//! A URL slug of `utf8`: folded, words joined by '-'. "Hộ tịch" → "ho-tich".
std::string Slug(std::string_view utf8);

//! True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool IsValidUtf8(std::string_view s);

//! Trims ASCII white space at both ends and collapses inner runs to one space.
std::string CollapseSpaces(std::string_view s);

//! The non-empty pieces of `s` between separators `sep`, each with its spaces collapsed ("a; b;;c" → a, b, c).
std::vector<std::string> SplitList(std::string_view s, std::string_view sep);

//! Number of Unicode code points in valid UTF-8 `s`.
size_t CodePointCount(std::string_view s);

}  // namespace motcua::domain
