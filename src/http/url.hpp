#pragma once
//! Strict percent-decoding of request targets and query strings.

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace motcua::http {

//! Longest accepted request target, in bytes.
constexpr size_t kMaxTargetBytes = size_t{8} * 1024;
//! Most query parameters accepted in one request.
constexpr size_t kMaxQueryParams = 64;

//! Why a target was refused.
struct TargetError {
  int32_t status = kBadRequest;  //!< 400 or 414.
  std::string reason;            //!< Vietnamese explanation for the error page.
};

//! A request target split and decoded.
struct ParsedTarget {
  std::string path;  //!< Decoded path.
  Pairs query;       //!< Decoded parameters.
};

//! Decodes %XX escapes (and '+' as space when `plus_is_space`); nothing on a bad escape or invalid UTF-8.
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

//! Encodes a query-string component (unreserved characters kept, the rest %XX).
std::string PercentEncode(std::string_view s);

//! Most fields accepted in one form body (a role form lists every field of administration as a checkbox).
constexpr size_t kMaxFormFields = 1024;

//! Splits "a=1&b=x%20y" into decoded pairs; nothing when any escape or UTF-8 is invalid or there are more than
//! `max_params`.
std::optional<Pairs> ParseQuery(std::string_view query, size_t max_params = kMaxQueryParams);

//! Parses an origin-form target ("/path?query"); refuses anything else with a reason.
std::optional<ParsedTarget> ParseTarget(std::string_view target, TargetError& error);

//! `candidate` when a browser (WHATWG URL) would resolve it, as a Location or link, to a path on this same origin;
//! nothing otherwise. Only a path-absolute ASCII target is accepted: no control character, space, backslash or
//! non-ASCII byte (browsers drop tabs and newlines and read `\` as `/`), no `//` and no `.` or `..` segment in the
//! path, and the same holds for every percent-decoding of the path (a doubly encoded `%252F` is refused too).
std::optional<std::string> SameOriginPath(std::string_view candidate);

}  // namespace motcua::http
