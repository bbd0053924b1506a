#pragma once
//! RFC 4180 CSV reading with line numbers and per-record errors.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::domain {

//! One record of a CSV file and the line it starts on (1-based, the header is line 1).
struct CsvRecord {
  int64_t line = 0;                 //!< First line of the record.
  std::vector<std::string> fields;  //!< Field values, unquoted.
};

//! A record that could not be read, with the reason in Vietnamese.
struct RowError {
  int64_t line = 0;    //!< Line in the file.
  std::string reason;  //!< Why it was rejected.
};

//! Every record of a CSV text plus the records that were malformed.
struct CsvDocument {
  std::vector<CsvRecord> records;  //!< Well-formed records, header first.
  std::vector<RowError> errors;    //!< Malformed records (skipped).
};

//! Largest accepted field, in bytes; a longer one is a malformed record.
constexpr size_t kMaxCsvFieldBytes = size_t{64} * 1024;

//! Parses CSV text (UTF-8, optional BOM, LF or CRLF, "" escapes, line breaks inside quotes). A malformed
//! record is reported and skipped; reading resumes at the next line.
CsvDocument ParseCsv(std::string_view text);

//! Column positions of a header, found by name.
class CsvHeader {
 public:
  //! Reads the column names of `header`.
  explicit CsvHeader(const CsvRecord& header);
  //! Position of `name`, or nothing.
  std::optional<size_t> Find(std::string_view name) const;
  //! The names among `required` that the header lacks.
  std::vector<std::string> Missing(const std::vector<std::string_view>& required) const;
  //! Number of columns.
  size_t size() const { return names_.size(); }
  //! The value of column `name` in `record` ("" when absent).
  const std::string& Get(const CsvRecord& record, std::string_view name) const;

 private:
  std::vector<std::string> names_;
};

}  // namespace motcua::domain
