// The logbook (form 06, Sổ theo dõi hồ sơ) as an XLSX workbook written by libxlsxwriter.
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "web/office_forms_pdf.hpp"

namespace motcua::web {

namespace {

// Column widths in characters, in the order of LogbookHeaders().
constexpr double kWidths[] = {5, 26, 36, 9, 34, 26, 16, 16, 16, 16, 16, 22};
// Rows: the title, the agency, the range, a blank row, then the header row.
constexpr lxw_row_t kTitleRow = 0;
constexpr lxw_row_t kAgencyRow = 1;
constexpr lxw_row_t kRangeRow = 2;
constexpr lxw_row_t kHeaderRow = 4;
// Columns whose cells are numbers: TT and the number of sets.
constexpr lxw_col_t kNumberColumn = 0;
constexpr lxw_col_t kSetsColumn = 3;
constexpr uint8_t kPaperA4 = 9;  // Excel's paper code of A4
constexpr double kTitlePoints = 14;

//! A temporary file removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "motcua-logbook-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) {
      throw std::runtime_error("logbook XLSX: cannot create a temporary file");
    }
    close(fd);
    path_ = pattern;
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  //! Its path.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string LogbookXlsx(const LogbookData& d) {
  const TempFile file;
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (book == nullptr) {
    throw std::runtime_error("logbook XLSX: cannot start the workbook");
  }
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Sổ theo dõi hồ sơ");
  lxw_format* title = workbook_add_format(book);
  format_set_bold(title);
  format_set_font_size(title, kTitlePoints);
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* cell = workbook_add_format(book);
  format_set_text_wrap(cell);
  format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
  format_set_border(cell, LXW_BORDER_THIN);

  const std::vector<std::string>& headers = LogbookHeaders();
  for (size_t i = 0; i < headers.size() && i < std::size(kWidths); ++i) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), kWidths[i], nullptr);
  }
  worksheet_write_string(sheet, kTitleRow, 0, "SỔ THEO DÕI HỒ SƠ", title);
  const std::string agency = d.issuer.parent.empty() ? d.issuer.agency : d.issuer.agency + " – " + d.issuer.parent;
  worksheet_write_string(sheet, kAgencyRow, 0, agency.c_str(), nullptr);
  const std::string range = "Từ ngày " + FormDate(d.from) + " đến ngày " + FormDate(d.to);
  worksheet_write_string(sheet, kRangeRow, 0, range.c_str(), nullptr);
  for (size_t i = 0; i < headers.size(); ++i) {
    worksheet_write_string(sheet, kHeaderRow, static_cast<lxw_col_t>(i), headers[i].c_str(), header);
  }
  lxw_row_t r = kHeaderRow;
  int32_t n = 0;
  for (const service::LogbookRow& row : d.rows) {
    ++r;
    const std::vector<std::string> cells = LogbookCells(++n, row);
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto col = static_cast<lxw_col_t>(i);
      if (col == kNumberColumn) {
        worksheet_write_number(sheet, r, col, n, cell);
      } else if (col == kSetsColumn) {
        worksheet_write_number(sheet, r, col, row.sets, cell);
      } else {
        worksheet_write_string(sheet, r, col, cells[i].c_str(), cell);
      }
    }
  }
  worksheet_freeze_panes(sheet, kHeaderRow + 1, 0);
  worksheet_set_landscape(sheet);
  worksheet_set_paper(sheet, kPaperA4);
  worksheet_repeat_rows(sheet, kHeaderRow, kHeaderRow);
  if (workbook_close(book) != LXW_NO_ERROR) {
    throw std::runtime_error("logbook XLSX: cannot write the workbook");
  }
  std::ifstream in(file.path(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace motcua::web
