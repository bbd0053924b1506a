#include "store/migration_text.hpp"

#include <algorithm>
#include <stdexcept>

namespace motcua::store {

namespace {

constexpr std::string_view kDirectivePrefix = "-- motcua:";
constexpr std::string_view kSpaces = " \t\r\n";

bool IsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

//! The end of the quoted text starting at `i` (at its opening quote `q`): just past the closing quote, or the end
//! of `sql` when unterminated. A doubled quote inside is part of the text.
size_t SkipQuoted(std::string_view sql, size_t i, char q) {
  for (size_t j = i + 1; j < sql.size(); ++j) {
    if (sql[j] != q) {
      continue;
    }
    if (j + 1 < sql.size() && sql[j + 1] == q) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return sql.size();
}

//! When a dollar-quote tag ($$ or $name$) starts at `i`, the position just past its closing tag (or the end of
//! `sql`); otherwise `i` itself. A `$` after an identifier character ($1 parameters, names with $) is no tag.
size_t SkipDollarQuoted(std::string_view sql, size_t i) {
  if (i > 0 && IsIdentifierChar(sql[i - 1])) {
    return i;
  }
  size_t j = i + 1;
  while (j < sql.size() && IsIdentifierChar(sql[j]) && !(sql[j] >= '0' && sql[j] <= '9' && j == i + 1)) {
    ++j;
  }
  if (j >= sql.size() || sql[j] != '$') {
    return i;
  }
  const std::string_view tag = sql.substr(i, j - i + 1);
  const size_t close = sql.find(tag, j + 1);
  return close == std::string_view::npos ? sql.size() : close + tag.size();
}

//! True when `text` holds only spaces and comments.
bool OnlyComments(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (kSpaces.find(text[i]) != std::string_view::npos) {
      ++i;
    } else if (text.substr(i, 2) == "--") {
      const size_t end = text.find('\n', i);
      i = end == std::string_view::npos ? text.size() : end + 1;
    } else if (text.substr(i, 2) == "/*") {
      const size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 2;
    } else {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(kSpaces) - first + 1);
}

}  // namespace

MigrationDirectives ReadDirectives(std::string_view sql) {
  MigrationDirectives out;
  size_t line_start = 0;
  while (line_start < sql.size()) {
    size_t line_end = sql.find('\n', line_start);
    if (line_end == std::string_view::npos) {
      line_end = sql.size();
    }
    const std::string_view line = sql.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    if (line.substr(0, kDirectivePrefix.size()) != kDirectivePrefix) {
      continue;
    }
    std::string_view rest = line.substr(kDirectivePrefix.size());
    constexpr std::string_view kSeparators = " \t\r,";
    while (!rest.empty()) {
      const size_t start = rest.find_first_not_of(kSeparators);
      if (start == std::string_view::npos) {
        break;
      }
      rest = rest.substr(start);
      const size_t end = std::min(rest.find_first_of(kSeparators), rest.size());
      const std::string_view word = rest.substr(0, end);
      rest = rest.substr(end);
      if (word == "long") {
        out.long_running = true;
      } else if (word == "no-transaction") {
        out.no_transaction = true;
      } else {
        throw std::invalid_argument("unknown migration directive '" + std::string(word) +
                                    "' (known: long, no-transaction)");
      }
    }
  }
  return out;
}

std::vector<std::string_view> SplitStatements(std::string_view sql) {
  std::vector<std::string_view> out;
  size_t start = 0;
  size_t i = 0;
  auto flush = [&](size_t end) {
    const std::string_view piece = sql.substr(start, end - start);
    if (!OnlyComments(piece)) {
      out.push_back(Trim(piece));
    }
  };
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      i = SkipQuoted(sql, i, c);
    } else if (c == '-' && sql.substr(i, 2) == "--") {
      const size_t end = sql.find('\n', i);
      i = end == std::string_view::npos ? sql.size() : end + 1;
    } else if (c == '/' && sql.substr(i, 2) == "/*") {
      const size_t end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else if (c == '$') {
      const size_t end = SkipDollarQuoted(sql, i);
      i = end == i ? i + 1 : end;
    } else if (c == ';') {
      flush(i);
      start = i + 1;
      ++i;
    } else {
      ++i;
    }
  }
  flush(sql.size());
  return out;
}

}  // namespace motcua::store
