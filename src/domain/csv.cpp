#include "domain/csv.hpp"

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

//! Skips to just past the next line break at or after `i`; returns lines passed.
int64_t SkipLine(std::string_view text, size_t& i) {
  while (i < text.size() && text[i] != '\n') {
    ++i;
  }
  if (i < text.size()) {
    ++i;
    return 1;
  }
  return 0;
}

bool IsBlank(const std::vector<std::string>& fields) { return fields.size() == 1 && fields[0].empty(); }

}  // namespace

CsvDocument ParseCsv(std::string_view text) {
  CsvDocument doc;
  if (text.starts_with(kBom)) {
    text.remove_prefix(kBom.size());
  }
  size_t i = 0;
  int64_t line = 1;
  while (i < text.size()) {
    CsvRecord record;
    record.line = line;
    std::string field;
    bool quoted = false;      // inside a quoted field
    bool was_quoted = false;  // the current field was quoted and its closing quote seen
    std::string error;
    bool end_of_record = false;
    while (i < text.size() && !end_of_record && error.empty()) {
      const char c = text[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          was_quoted = true;
          ++i;
          continue;
        }
        if (c == '\n') {
          ++line;
        }
        field += c;
        ++i;
      } else if (c == ',') {
        record.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        ++i;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
          ++i;
        }
        ++i;
        ++line;
        end_of_record = true;
      } else if (c == '"') {
        if (!field.empty() || was_quoted) {
          error = "dấu ngoặc kép (\") nằm giữa một trường không được đặt trong ngoặc kép";
          break;
        }
        quoted = true;
        ++i;
      } else {
        if (was_quoted) {
          error = "có ký tự sau dấu ngoặc kép đóng trường";
          break;
        }
        field += c;
        ++i;
      }
      if (field.size() > kMaxCsvFieldBytes) {
        error = "một trường dài quá 64 KiB";
      }
    }
    if (error.empty() && quoted) {
      error = "trường trong ngoặc kép không được đóng trước khi hết tệp";
    }
    if (!error.empty()) {
      doc.errors.push_back(RowError{record.line, error});
      if (!quoted) {
        line += SkipLine(text, i);
      } else {
        i = text.size();
      }
      continue;
    }
    record.fields.push_back(std::move(field));
    if (IsBlank(record.fields)) {
      continue;  // empty line
    }
    bool utf8_ok = true;
    for (const std::string& f : record.fields) {
      utf8_ok = utf8_ok && IsValidUtf8(f);
    }
    if (!utf8_ok) {
      doc.errors.push_back(RowError{record.line, "dòng chứa byte không phải UTF-8 hợp lệ"});
      continue;
    }
    doc.records.push_back(std::move(record));
  }
  return doc;
}

CsvHeader::CsvHeader(const CsvRecord& header) : names_(header.fields) {
  for (std::string& n : names_) {
    n = CollapseSpaces(n);
  }
}

std::optional<size_t> CsvHeader::Find(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) {
      return i;
    }
  }
  return std::nullopt;
}

std::vector<std::string> CsvHeader::Missing(const std::vector<std::string_view>& required) const {
  std::vector<std::string> missing;
  for (const std::string_view r : required) {
    if (!Find(r)) {
      missing.emplace_back(r);
    }
  }
  return missing;
}

const std::string& CsvHeader::Get(const CsvRecord& record, std::string_view name) const {
  static const std::string kEmpty;
  const auto i = Find(name);
  if (!i || *i >= record.fields.size()) {
    return kEmpty;
  }
  return record.fields[*i];
}

}  // namespace motcua::domain
