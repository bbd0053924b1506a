#pragma once
//! The drawing shared by the printed documents (the online receipt, forms 01–06 of Circular 01/2018/TT-VPCP): A4
//! pages drawn with cairo and pango in Liberation Serif (Times New Roman's metrics), the national heading, the
//! agency heading, paragraphs, label–value lines, tables that break across pages with their header repeated,
//! signature blocks and QR codes. Documents are laid out top to bottom; a block that does not fit goes to the next
//! page, and pages are numbered "Trang n/N" when there is more than one.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::web {

//! A QR code's modules, row by row (true: dark).
struct QrMatrix {
  int32_t width = 0;       //!< Modules per side (0 when the text could not be encoded).
  int32_t version = 0;     //!< QR version (1..40).
  std::vector<bool> dark;  //!< width × width modules, row-major.
  //! True when the module at column `x`, row `y` is dark.
  bool At(int32_t x, int32_t y) const {
    return dark[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
  }
};

//! The QR code (error correction M, byte mode) of `text`; width 0 when it does not fit.
QrMatrix EncodeQr(std::string_view text);

}  // namespace motcua::web

namespace motcua::web::pdf {

//! A4 in PostScript points.
inline constexpr double kA4Short = 595.276;
//! A4's long side in points.
inline constexpr double kA4Long = 841.89;
//! The margin on every side, in points (2 cm): nothing is drawn outside the page minus this.
inline constexpr double kMargin = 56.7;

//! How the page is turned.
enum class Orientation { kPortrait, kLandscape };

//! How a text is set.
enum class Style {
  kBody,         //!< Running text (12 pt).
  kBold,         //!< Bold running text.
  kItalic,       //!< Italic running text (place and date, notes).
  kSmall,        //!< Small print (10 pt).
  kSmallItalic,  //!< Small italic (captions, "(Ký, ghi rõ họ tên)").
  kSmallBold,    //!< Small bold.
  kTitle,        //!< The document's title (bold 14 pt).
  kCell,         //!< Table cells (10 pt).
  kCellSmall,    //!< Cells of wide tables with many columns (8.5 pt: the logbook).
};

//! Where a text sits in its box.
enum class Align { kLeft, kCenter, kRight };

//! The agency heading (left) beside the national heading (right), and the place and date under them.
struct Heading {
  std::string parent;  //!< The agency above ("UBND TỈNH NINH BÌNH"), printed upper case ("" when none).
  std::string agency;  //!< The issuing agency or desk ("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), bold, upper case.
  std::string number;  //!< "Số: …" under the agency ("" prints nothing).
  std::string place;  //!< Where it is issued ("Nam Định"): "place, ngày dd tháng mm năm yyyy" (no line when "" and
                      //!< no date).
  int32_t day = 0;    //!< Issue date (0: the line prints dots for the officer to fill in).
  int32_t month = 0;  //!< Its month.
  int32_t year = 0;   //!< Its year.
};

//! A table column.
struct Column {
  std::string header;          //!< Header text (bold, centred).
  double weight = 1;           //!< Share of the table's width (relative to the other columns').
  Align align = Align::kLeft;  //!< How its cells are set.
};

//! A signature block: title, hint, room for the signature, the name.
struct Signature {
  std::string title;  //!< "NGƯỜI NỘP HỒ SƠ" (bold, upper case).
  std::string hint;   //!< "(Ký và ghi rõ họ tên)" (italic; "" for none).
  std::string name;   //!< The signer's name printed under the space ("" leaves it blank).
};

//! One document being laid out. Made by Render; the body calls its methods top to bottom.
class Document {
 public:
  //! Opaque drawing state (cairo and pango).
  struct Impl;
  //! A document drawing on `impl`.
  explicit Document(Impl& impl) : impl_(impl) {}

  //! Width of the text area in points.
  double ContentWidth() const;
  //! The caption in the top right corner: "Mẫu số 01" and the legal basis under it.
  void Caption(std::string_view form, std::string_view basis);
  //! The agency heading beside the national heading, then the place and date.
  void NationalHeading(const Heading& heading);
  //! The title, centred, and an optional subtitle (italic) under it.
  void Title(std::string_view title, std::string_view subtitle = "");
  //! A paragraph wrapped to the text width.
  void Paragraph(std::string_view text, Style style = Style::kBody, Align align = Align::kLeft);
  //! "label: value" run in, the value in bold; wrapped to the text width.
  void Field(std::string_view label, std::string_view value);
  //! Two "label: value" fields on one line, each in half of the width.
  void FieldPair(std::string_view label1, std::string_view value1, std::string_view label2, std::string_view value2);
  //! A table with its header, breaking across pages between rows with the header repeated on each new page.
  void Table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
             Style cell = Style::kCell);
  //! Signature blocks side by side (kept together on one page).
  void Signatures(const std::vector<Signature>& blocks);
  //! The QR code of `url` with `lines` of text beside it (kept together on one page).
  void Qr(std::string_view url, const std::vector<std::string>& lines);
  //! Vertical space.
  void Gap(double points);
  //! Starts a new page when less than `points` are left on this one.
  void KeepTogether(double points);

 private:
  Impl& impl_;
};

//! Page setup of a document.
struct Setup {
  std::string title;                                 //!< The PDF's title (metadata).
  Orientation orientation = Orientation::kPortrait;  //!< Portrait or landscape A4.
};

//! Lays out `body` twice (once to count the pages, then to draw them numbered) and returns the PDF's bytes.
std::string Render(const Setup& setup, const std::function<void(Document&)>& body);

//! "dd/mm/yyyy" of a date.
std::string DateText(int32_t day, int32_t month, int32_t year);

}  // namespace motcua::web::pdf
