#include "web/pdf_layout.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace motcua::web {

namespace {

// QR versions: width = 17 + 4 × version.
constexpr int32_t kQrBaseWidth = 17;
constexpr int32_t kQrWidthPerVersion = 4;

struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

QrMatrix EncodeQr(std::string_view text) {
  QrMatrix out;
  const std::string copy(text);
  const std::unique_ptr<QRcode, QrDeleter> qr(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
  if (qr == nullptr) {
    return out;
  }
  out.width = qr->width;
  out.version = qr->version;
  const size_t n = static_cast<size_t>(qr->width) * static_cast<size_t>(qr->width);
  out.dark.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out.dark[i] = (qr->data[i] & 1U) != 0;  // libqrencode: bit 0 of each byte is the module's colour
  }
  if (out.width != kQrBaseWidth + (kQrWidthPerVersion * out.version)) {
    throw std::logic_error("libqrencode returned a QR code of an unexpected width");
  }
  return out;
}

}  // namespace motcua::web

namespace motcua::web::pdf {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr double kLineGap = 3.0;
constexpr double kSectionGap = 12.0;
constexpr double kCellPadding = 3.5;
constexpr double kRuleWidth = 0.6;
// The footer ("Trang n/N") is kept inside the text area: this much is reserved at the bottom of every page.
constexpr double kFooterHeight = 16.0;
// The heading: the agency takes this share of the width, the national heading the rest.
constexpr double kAgencyShare = 0.4;
// The short rules under the agency's name and the motto: a third of the agency column; the motto's own width.
constexpr double kAgencyRuleShare = 1.0 / 3.0;
// The caption box in the top right corner.
constexpr double kCaptionShare = 0.62;
// Signatures: room for the handwritten signature (and the seal) between the hint and the name.
constexpr double kSignatureSpace = 54.0;
// QR codes: module size in points and the quiet zone the standard asks for (4 modules).
constexpr double kQrModule = 2.0;
constexpr int32_t kQrQuietModules = 4;
constexpr double kQrTextGap = 12.0;

constexpr const char* kMotto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
constexpr const char* kMottoSub = "Độc lập - Tự do - Hạnh phúc";

const char* FontOf(Style style) {
  switch (style) {
    case Style::kBody:
      return "Liberation Serif 12";
    case Style::kBold:
      return "Liberation Serif Bold 12";
    case Style::kItalic:
      return "Liberation Serif Italic 12";
    case Style::kSmall:
      return "Liberation Serif 10";
    case Style::kSmallItalic:
      return "Liberation Serif Italic 10";
    case Style::kSmallBold:
      return "Liberation Serif Bold 10";
    case Style::kTitle:
      return "Liberation Serif Bold 14";
    case Style::kCell:
      return "Liberation Serif 10";
    case Style::kCellSmall:
      return "Liberation Serif 8.5";
  }
  return "Liberation Serif 12";
}

//! The font of a table's header: the bold face of its cells' size.
const char* HeaderFontOf(Style cell) {
  return cell == Style::kCellSmall ? "Liberation Serif Bold 8.5" : "Liberation Serif Bold 10";
}

PangoAlignment PangoAlignOf(Align align) {
  switch (align) {
    case Align::kCenter:
      return PANGO_ALIGN_CENTER;
    case Align::kRight:
      return PANGO_ALIGN_RIGHT;
    case Align::kLeft:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
struct FontDeleter {
  void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
struct GCharDeleter {
  void operator()(gchar* s) const { g_free(s); }
};

//! `text` in upper case (Vietnamese letters included).
std::string Upper(std::string_view text) {
  const std::unique_ptr<gchar, GCharDeleter> up(g_utf8_strup(text.data(), static_cast<gssize>(text.size())));
  return up == nullptr ? std::string(text) : std::string(up.get());
}

//! `text` escaped for pango markup.
std::string Escaped(std::string_view text) {
  const std::unique_ptr<gchar, GCharDeleter> esc(g_markup_escape_text(text.data(), static_cast<gssize>(text.size())));
  return esc == nullptr ? std::string() : std::string(esc.get());
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t DiscardBytes(void* /*closure*/, const unsigned char* /*data*/, unsigned int /*length*/) {
  return CAIRO_STATUS_SUCCESS;
}

//! The size of a laid-out text.
struct Extent {
  double width = 0;   //!< Widest line.
  double height = 0;  //!< All lines.
};

}  // namespace

struct Document::Impl {
  cairo_t* cr = nullptr;
  double page_width = kA4Short;
  double page_height = kA4Long;
  double y = kMargin;
  int32_t page = 1;
  int32_t total_pages = 0;  // 0 while counting

  double Left() const { return kMargin; }
  double Width() const { return page_width - (2 * kMargin); }
  double Bottom() const { return page_height - kMargin - kFooterHeight; }
  bool AtTop() const { return y <= kMargin; }

  //! Lays out `text` (pango markup when `markup`) in `font` wrapped to `width`; draws it at (x, top) when `draw`.
  Extent Text(std::string_view text, const char* font, double x, double top, double width, Align align, bool draw,
              bool markup = false) const {
    const std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(cr));
    // Font sizes are in points and cairo's PDF units are points: 72 units per inch, not pango's default of 96.
    pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), kPointsPerInch);
    pango_layout_context_changed(layout.get());
    const std::unique_ptr<PangoFontDescription, FontDeleter> desc(pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), PangoAlignOf(align));
    if (markup) {
      pango_layout_set_markup(layout.get(), text.data(), static_cast<int>(text.size()));
    } else {
      pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    }
    if (draw) {
      cairo_move_to(cr, x, top);
      pango_cairo_show_layout(cr, layout.get());
    }
    PangoRectangle ink{};
    PangoRectangle logical{};
    pango_layout_get_extents(layout.get(), &ink, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
  }

  void Line(double x1, double y1, double x2, double y2) const {
    cairo_set_line_width(cr, kRuleWidth);
    cairo_move_to(cr, x1, y1);
    cairo_line_to(cr, x2, y2);
    cairo_stroke(cr);
  }

  void Footer() const {
    if (total_pages <= 1) {
      return;
    }
    const std::string text = fmt::format("Trang {}/{}", page, total_pages);
    const char* font = FontOf(Style::kSmallItalic);
    const double height = Text(text, font, Left(), 0, Width(), Align::kCenter, false).height;
    Text(text, font, Left(), page_height - kMargin - height, Width(), Align::kCenter, true);
  }

  void NewPage() {
    Footer();
    cairo_show_page(cr);
    ++page;
    y = kMargin;
  }

  void KeepTogether(double height) {
    if (!AtTop() && y + height > Bottom()) {
      NewPage();
    }
  }
};

double Document::ContentWidth() const { return impl_.Width(); }

void Document::Caption(std::string_view form, std::string_view basis) {
  const double width = impl_.Width() * kCaptionShare;
  const double x = impl_.Left() + impl_.Width() - width;
  impl_.y += impl_.Text(form, FontOf(Style::kSmallBold), x, impl_.y, width, Align::kCenter, true).height;
  impl_.y += impl_.Text(basis, FontOf(Style::kSmallItalic), x, impl_.y, width, Align::kCenter, true).height;
  impl_.y += kLineGap;
}

void Document::NationalHeading(const Heading& h) {
  const double left_width = impl_.Width() * kAgencyShare;
  const double right_width = impl_.Width() - left_width;
  const double left_x = impl_.Left();
  const double right_x = impl_.Left() + left_width;
  const char* bold = FontOf(Style::kBold);
  const char* body = FontOf(Style::kBody);
  double left = impl_.y;
  if (!h.parent.empty()) {
    left += impl_.Text(Upper(h.parent), body, left_x, left, left_width, Align::kCenter, true).height;
  }
  left += impl_.Text(Upper(h.agency), bold, left_x, left, left_width, Align::kCenter, true).height;
  const double rule = left_width * kAgencyRuleShare;
  impl_.Line(left_x + ((left_width - rule) / 2), left + 1, left_x + ((left_width + rule) / 2), left + 1);
  left += kLineGap;
  if (!h.number.empty()) {
    left += impl_.Text("Số: " + h.number, body, left_x, left, left_width, Align::kCenter, true).height;
  }
  double right = impl_.y;
  right += impl_.Text(kMotto, bold, right_x, right, right_width, Align::kCenter, true).height;
  const Extent sub = impl_.Text(kMottoSub, bold, right_x, right, right_width, Align::kCenter, true);
  right += sub.height;
  impl_.Line(right_x + ((right_width - sub.width) / 2), right + 1, right_x + ((right_width + sub.width) / 2),
             right + 1);
  right += kLineGap;
  if (!h.place.empty() || h.day != 0) {
    const std::string place = h.place.empty() ? "……" : h.place;
    const std::string date = h.day == 0
                                 ? place + ", ngày … tháng … năm ……"
                                 : fmt::format("{}, ngày {:02} tháng {:02} năm {}", place, h.day, h.month, h.year);
    right += impl_.Text(date, FontOf(Style::kItalic), right_x, right, right_width, Align::kCenter, true).height;
  }
  impl_.y = std::max(left, right) + kSectionGap;
}

void Document::Title(std::string_view title, std::string_view subtitle) {
  const double height =
      impl_.Text(title, FontOf(Style::kTitle), impl_.Left(), impl_.y, impl_.Width(), Align::kCenter, false).height;
  impl_.KeepTogether(height * 3);
  impl_.y +=
      impl_.Text(title, FontOf(Style::kTitle), impl_.Left(), impl_.y, impl_.Width(), Align::kCenter, true).height;
  if (!subtitle.empty()) {
    impl_.y +=
        impl_.Text(subtitle, FontOf(Style::kItalic), impl_.Left(), impl_.y, impl_.Width(), Align::kCenter, true).height;
  }
  impl_.y += kSectionGap;
}

void Document::Paragraph(std::string_view text, Style style, Align align) {
  const double height = impl_.Text(text, FontOf(style), impl_.Left(), impl_.y, impl_.Width(), align, false).height;
  impl_.KeepTogether(height);
  impl_.y += impl_.Text(text, FontOf(style), impl_.Left(), impl_.y, impl_.Width(), align, true).height + kLineGap;
}

void Document::Field(std::string_view label, std::string_view value) {
  const std::string markup = Escaped(label) + ": <b>" + Escaped(value) + "</b>";
  const char* font = FontOf(Style::kBody);
  const double height =
      impl_.Text(markup, font, impl_.Left(), impl_.y, impl_.Width(), Align::kLeft, false, true).height;
  impl_.KeepTogether(height);
  impl_.y += impl_.Text(markup, font, impl_.Left(), impl_.y, impl_.Width(), Align::kLeft, true, true).height + kLineGap;
}

void Document::FieldPair(std::string_view label1, std::string_view value1, std::string_view label2,
                         std::string_view value2) {
  const std::string a = Escaped(label1) + ": <b>" + Escaped(value1) + "</b>";
  const std::string b = Escaped(label2) + ": <b>" + Escaped(value2) + "</b>";
  const char* font = FontOf(Style::kBody);
  const double half = impl_.Width() / 2;
  const double height =
      std::max(impl_.Text(a, font, impl_.Left(), impl_.y, half, Align::kLeft, false, true).height,
               impl_.Text(b, font, impl_.Left() + half, impl_.y, half, Align::kLeft, false, true).height);
  impl_.KeepTogether(height);
  impl_.Text(a, font, impl_.Left(), impl_.y, half, Align::kLeft, true, true);
  impl_.Text(b, font, impl_.Left() + half, impl_.y, half, Align::kLeft, true, true);
  impl_.y += height + kLineGap;
}

void Document::Table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                     Style cell) {
  if (columns.empty()) {
    return;
  }
  const double total_weight =
      std::accumulate(columns.begin(), columns.end(), 0.0, [](double sum, const Column& c) { return sum + c.weight; });
  std::vector<double> xs{impl_.Left()};
  for (const Column& c : columns) {
    xs.push_back(xs.back() + (impl_.Width() * c.weight / total_weight));
  }
  xs.back() = impl_.Left() + impl_.Width();
  const char* cell_font = FontOf(cell);
  const char* header_font = HeaderFontOf(cell);

  // Height of one row of texts (header or body) and its drawing.
  const auto row_height = [&](const std::vector<std::string>& texts, const char* font, bool header) {
    double height = 0;
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string_view text = i < texts.size() ? std::string_view(texts[i]) : std::string_view();
      const Align align = header ? Align::kCenter : columns[i].align;
      height = std::max(
          height,
          impl_.Text(text, font, xs[i] + kCellPadding, 0, xs[i + 1] - xs[i] - (2 * kCellPadding), align, false).height);
    }
    return height + (2 * kCellPadding);
  };
  const auto draw_row = [&](const std::vector<std::string>& texts, const char* font, bool header, double height) {
    const double top = impl_.y;
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string_view text = i < texts.size() ? std::string_view(texts[i]) : std::string_view();
      const Align align = header ? Align::kCenter : columns[i].align;
      impl_.Text(text, font, xs[i] + kCellPadding, top + kCellPadding, xs[i + 1] - xs[i] - (2 * kCellPadding), align,
                 true);
    }
    impl_.Line(xs.front(), top, xs.back(), top);
    for (const double x : xs) {
      impl_.Line(x, top, x, top + height);
    }
    impl_.Line(xs.front(), top + height, xs.back(), top + height);
    impl_.y = top + height;
  };

  std::vector<std::string> headers;
  headers.reserve(columns.size());
  for (const Column& c : columns) {
    headers.push_back(c.header);
  }
  const double header_height = row_height(headers, header_font, true);
  const double first = rows.empty() ? 0 : row_height(rows.front(), cell_font, false);
  impl_.KeepTogether(header_height + first);
  draw_row(headers, header_font, true, header_height);
  for (const std::vector<std::string>& row : rows) {
    const double height = row_height(row, cell_font, false);
    if (impl_.y + height > impl_.Bottom()) {
      impl_.NewPage();
      draw_row(headers, header_font, true, header_height);
    }
    draw_row(row, cell_font, false, height);
  }
  impl_.y += kSectionGap;
}

void Document::Signatures(const std::vector<Signature>& blocks) {
  if (blocks.empty()) {
    return;
  }
  const double width = impl_.Width() / static_cast<double>(blocks.size());
  const auto block_height = [&](const Signature& s, double x, double top, bool draw) {
    double y = top;
    y += impl_.Text(Upper(s.title), FontOf(Style::kBold), x, y, width, Align::kCenter, draw).height;
    if (!s.hint.empty()) {
      y += impl_.Text(s.hint, FontOf(Style::kSmallItalic), x, y, width, Align::kCenter, draw).height;
    }
    y += kSignatureSpace;
    if (!s.name.empty()) {
      y += impl_.Text(s.name, FontOf(Style::kBold), x, y, width, Align::kCenter, draw).height;
    }
    return y - top;
  };
  double height = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    height = std::max(height, block_height(blocks[i], impl_.Left() + (width * static_cast<double>(i)), 0, false));
  }
  impl_.KeepTogether(height);
  for (size_t i = 0; i < blocks.size(); ++i) {
    block_height(blocks[i], impl_.Left() + (width * static_cast<double>(i)), impl_.y, true);
  }
  impl_.y += height + kSectionGap;
}

void Document::Qr(std::string_view url, const std::vector<std::string>& lines) {
  const QrMatrix qr = EncodeQr(url);
  const double side = qr.width > 0 ? (qr.width + (2 * kQrQuietModules)) * kQrModule : 0;
  const double text_x = impl_.Left() + side + (qr.width > 0 ? kQrTextGap : 0);
  const double text_width = impl_.Left() + impl_.Width() - text_x;
  double text_height = 0;
  for (const std::string& line : lines) {
    text_height +=
        impl_.Text(line, FontOf(Style::kSmall), text_x, 0, text_width, Align::kLeft, false).height + kLineGap;
  }
  const double height = std::max(side, text_height);
  impl_.KeepTogether(height);
  if (qr.width > 0) {
    const double origin = kQrQuietModules * kQrModule;
    for (int32_t row = 0; row < qr.width; ++row) {
      for (int32_t col = 0; col < qr.width; ++col) {
        if (qr.At(col, row)) {
          cairo_rectangle(impl_.cr, impl_.Left() + origin + (col * kQrModule), impl_.y + origin + (row * kQrModule),
                          kQrModule, kQrModule);
        }
      }
    }
    cairo_fill(impl_.cr);
  }
  double t = impl_.y + (qr.width > 0 ? kQrQuietModules * kQrModule : 0);
  for (const std::string& line : lines) {
    t += impl_.Text(line, FontOf(Style::kSmall), text_x, t, text_width, Align::kLeft, true).height + kLineGap;
  }
  impl_.y += height + kSectionGap;
}

void Document::Gap(double points) { impl_.y += points; }

void Document::KeepTogether(double points) { impl_.KeepTogether(points); }

namespace {

//! One pass of Render: lays out `body` onto a PDF surface writing to `write`; returns the number of pages.
int32_t Pass(const Setup& setup, const std::function<void(Document&)>& body, cairo_write_func_t write, void* closure,
             int32_t total_pages) {
  const bool landscape = setup.orientation == Orientation::kLandscape;
  Document::Impl impl;
  impl.page_width = landscape ? kA4Long : kA4Short;
  impl.page_height = landscape ? kA4Short : kA4Long;
  impl.total_pages = total_pages;
  const std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
      cairo_pdf_surface_create_for_stream(write, closure, impl.page_width, impl.page_height));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, setup.title.c_str());
  const std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
  impl.cr = context.get();
  cairo_set_source_rgb(impl.cr, 0, 0, 0);
  Document doc(impl);
  body(doc);
  impl.Footer();
  cairo_show_page(impl.cr);
  if (cairo_status(impl.cr) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(cairo_status(impl.cr)));
  }
  return impl.page;
}

}  // namespace

std::string Render(const Setup& setup, const std::function<void(Document&)>& body) {
  const int32_t pages = Pass(setup, body, DiscardBytes, nullptr, 0);
  std::string bytes;
  Pass(setup, body, AppendBytes, &bytes, pages);  // the surface writes its last bytes when destroyed in Pass
  return bytes;
}

std::string DateText(int32_t day, int32_t month, int32_t year) {
  return fmt::format("{:02}/{:02}/{:04}", day, month, year);
}

}  // namespace motcua::web::pdf
