#include "web/receipt_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>

namespace motcua::web {

namespace {

// A4 in PostScript points, and the page's margins and columns.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 56.0;
constexpr double kContentWidth = kPageWidth - (2 * kMargin);
// The heading: the agency on the left third, the national motto (one line) on the right two thirds.
constexpr double kAgencyColumn = kContentWidth / 3;
constexpr double kMottoColumn = kContentWidth - kAgencyColumn;
constexpr double kLabelWidth = 150.0;
constexpr double kLineGap = 6.0;
constexpr double kSectionGap = 16.0;
// The documents table: number, name, original or copy, files.
constexpr double kColumnNumber = 30.0;
constexpr double kColumnKind = 130.0;
constexpr double kColumnFiles = 50.0;
constexpr double kColumnName = kContentWidth - kColumnNumber - kColumnKind - kColumnFiles;
constexpr double kCellPadding = 4.0;
constexpr double kRuleWidth = 0.6;
// The QR code: module size in points and the quiet zone the standard asks for (4 modules).
constexpr double kQrModule = 3.0;
constexpr int32_t kQrQuietModules = 4;
constexpr double kQrTextGap = 16.0;
// QR versions: width = 17 + 4 × version.
constexpr int32_t kQrBaseWidth = 17;
constexpr int32_t kQrWidthPerVersion = 4;

constexpr const char* kSans = "Liberation Sans 10";
constexpr const char* kSansBold = "Liberation Sans Bold 10";
constexpr const char* kSansSmall = "Liberation Sans 8.5";
constexpr const char* kSerifBold = "Liberation Serif Bold 11";
constexpr const char* kSerifTitle = "Liberation Serif Bold 15";
constexpr const char* kSansCode = "Liberation Sans Bold 13";

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
struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

//! Draws text with pango on one cairo context, top to bottom.
class Writer {
 public:
  explicit Writer(cairo_t* cr) : cr_(cr) {}

  //! Draws `text` in `font` at (x, y) wrapped to `width`; returns its height.
  double Text(std::string_view text, const char* font, double x, double y, double width,
              PangoAlignment align = PANGO_ALIGN_LEFT) const {
    const std::unique_ptr<PangoLayout, LayoutDeleter> layout(pango_cairo_create_layout(cr_));
    const std::unique_ptr<PangoFontDescription, FontDeleter> desc(pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout.get());
    int w = 0;
    int h = 0;
    pango_layout_get_size(layout.get(), &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  //! A horizontal or vertical rule.
  void Line(double x1, double y1, double x2, double y2) const {
    cairo_set_line_width(cr_, kRuleWidth);
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
  }

  //! A label and its value on one row; returns the row's height.
  double Row(std::string_view label, std::string_view value, double y) const {
    const double a = Text(label, kSans, kMargin, y, kLabelWidth);
    const double b = Text(value, kSansBold, kMargin + kLabelWidth, y, kContentWidth - kLabelWidth);
    return std::max(a, b) + kLineGap;
  }

  //! Draws `qr` with its top-left corner at (x, y) including the quiet zone.
  void Qr(const QrMatrix& qr, double x, double y) const {
    const double origin = kQrQuietModules * kQrModule;
    for (int32_t row = 0; row < qr.width; ++row) {
      for (int32_t col = 0; col < qr.width; ++col) {
        if (qr.At(col, row)) {
          cairo_rectangle(cr_, x + origin + (col * kQrModule), y + origin + (row * kQrModule), kQrModule, kQrModule);
        }
      }
    }
    cairo_fill(cr_);
  }

 private:
  cairo_t* cr_;
};

//! Draws the documents table from `y`; returns where it ends.
double DocumentsTable(const Writer& w, const std::vector<ReceiptDocument>& documents, double y) {
  const double xs[] = {kMargin, kMargin + kColumnNumber, kMargin + kColumnNumber + kColumnName,
                       kMargin + kColumnNumber + kColumnName + kColumnKind, kMargin + kContentWidth};
  const auto row = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                       const char* font) {
    const std::string cells[] = {a, b, c, d};
    double height = 0;
    for (size_t i = 0; i < std::size(cells); ++i) {
      height = std::max(height, w.Text(cells[i], font, xs[i] + kCellPadding, y + kCellPadding,
                                       xs[i + 1] - xs[i] - (2 * kCellPadding)));
    }
    height += 2 * kCellPadding;
    w.Line(kMargin, y, kMargin + kContentWidth, y);
    for (const double x : xs) {
      w.Line(x, y, x, y + height);
    }
    y += height;
    w.Line(kMargin, y, kMargin + kContentWidth, y);
  };
  row("TT", "Tên giấy tờ", "Bản chính / bản sao", "Số tệp", kSansBold);
  int32_t n = 0;
  for (const ReceiptDocument& d : documents) {
    row(std::to_string(++n), d.name, d.original_or_copy, std::to_string(d.files), kSans);
  }
  return y;
}

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

std::string ReceiptPdf(const ReceiptData& data) {
  std::string bytes;
  {
    const std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(
        cairo_pdf_surface_create_for_stream(AppendBytes, &bytes, kPageWidth, kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE,
                                   ("Giấy tiếp nhận hồ sơ " + data.code).c_str());
    const std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
    cairo_t* cr = context.get();
    cairo_set_source_rgb(cr, 0, 0, 0);
    const Writer w(cr);

    // Heading: the agency on the left, the national motto on the right.
    double y = kMargin;
    const double left = w.Text(data.agency_name, kSansBold, kMargin, y, kAgencyColumn - kLineGap, PANGO_ALIGN_CENTER);
    double right = w.Text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", kSerifBold, kMargin + kAgencyColumn, y, kMottoColumn,
                          PANGO_ALIGN_CENTER);
    right += w.Text("Độc lập - Tự do - Hạnh phúc", kSerifBold, kMargin + kAgencyColumn, y + right, kMottoColumn,
                    PANGO_ALIGN_CENTER);
    y += std::max(left, right) + kSectionGap;
    y += w.Text("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", kSerifTitle, kMargin, y, kContentWidth, PANGO_ALIGN_CENTER) +
         kLineGap;
    y += w.Text("Mã hồ sơ: " + data.code, kSansCode, kMargin, y, kContentWidth, PANGO_ALIGN_CENTER) + kSectionGap;

    y += w.Row("Mã tra cứu:", data.lookup_secret, y);
    y += w.Row("Thủ tục:", data.procedure_name + " (" + data.procedure_code + ")", y);
    y += w.Row("Người nộp hồ sơ:", data.applicant_name, y);
    y += w.Row("Cơ quan tiếp nhận:", data.agency_name, y);
    y += w.Row("Hình thức nộp:", data.channel, y);
    y += w.Row("Thời điểm nộp:", data.filed_at, y);
    y += w.Row("Ngày hẹn trả kết quả:", data.expected_on.empty() ? "Theo quy định của thủ tục" : data.expected_on, y);
    y += kSectionGap - kLineGap;

    y += w.Text("Thành phần hồ sơ", kSansBold, kMargin, y, kContentWidth) + kLineGap;
    y = DocumentsTable(w, data.documents, y) + kSectionGap;

    // The lookup: the QR code on the left, the words on its right.
    const QrMatrix qr = EncodeQr(data.lookup_url);
    double text_x = kMargin;
    if (qr.width > 0) {
      w.Qr(qr, kMargin - (kQrQuietModules * kQrModule), y);
      text_x = kMargin + ((qr.width + kQrQuietModules) * kQrModule) + kQrTextGap;
    }
    const double text_width = kMargin + kContentWidth - text_x;
    double t = y + (kQrQuietModules * kQrModule);
    t += w.Text("Tra cứu tình trạng hồ sơ", kSansBold, text_x, t, text_width) + kLineGap;
    t += w.Text("Quét mã QR bằng điện thoại, hoặc mở " + data.lookup_page + " và nhập mã hồ sơ cùng mã tra cứu " +
                    data.lookup_secret + ".",
                kSans, text_x, t, text_width) +
         kLineGap;
    w.Text(
        "Giấy này được cấp tự động khi hồ sơ được nộp trực tuyến. Cán bộ một cửa sẽ kiểm tra hồ sơ; nếu "
        "cần bổ sung, bạn sẽ được báo qua tài khoản.",
        kSansSmall, text_x, t, text_width);
    cairo_show_page(cr);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("receipt PDF: ") + cairo_status_to_string(cairo_status(cr)));
    }
  }  // the surface is finished when destroyed, and only then has it written every byte
  return bytes;
}

}  // namespace motcua::web
