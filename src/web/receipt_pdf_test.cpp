//! The receipt PDF: a real PDF whose text (read back by poppler's pdftotext) holds the code and Vietnamese names, and
//! the QR code drawn on it.
#include "web/receipt_pdf.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace motcua::web {
namespace {

ReceiptData Sample() {
  ReceiptData d;
  d.agency_name = "UBND phường Lộc Vượng";
  d.code = "000.00.31.H40-261130-0007";
  d.lookup_secret = "K7PQ2M";
  d.procedure_name = "Đăng ký khai sinh";
  d.procedure_code = "1.001193";
  d.applicant_name = "Nguyễn Thị Hồng Nhung";
  d.channel = "Trực tuyến";
  d.filed_at = "30/11/2026 09:15";
  d.expected_on = "01/12/2026";
  d.lookup_url = "https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.31.H40-261130-0007&ma_tra_cuu=K7PQ2M";
  d.lookup_page = "https://dichvucong.example.gov.vn/tra-cuu";
  d.documents = {{"Giấy chứng sinh", "Bản chính", 1}, {"Giấy tờ tùy thân của người đi khai sinh", "Bản sao", 2}};
  return d;
}

//! The text poppler reads from `pdf` (pdftotext -layout is not used: words stay in reading order).
std::string PdfText(const std::string& pdf) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::filesystem::path file =
      dir / ("motcua-receipt-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + ".pdf");
  {
    std::ofstream out(file, std::ios::binary);
    out << pdf;
  }
  const std::string command = "pdftotext -enc UTF-8 '" + file.string() + "' -";
  std::string text;
  {
    const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (pipe == nullptr) {
      return text;
    }
    constexpr size_t kChunk = 4096;
    std::array<char, kChunk> buffer{};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
      text.append(buffer.data(), n);
    }
  }
  std::filesystem::remove(file);
  return text;
}

TEST(ReceiptPdf, IsAPdfWithTheCodeAndVietnameseNames) {
  const std::string pdf = ReceiptPdf(Sample());
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
  EXPECT_NE(pdf.find("%%EOF"), std::string::npos);
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("000.00.31.H40-261130-0007"), std::string::npos) << text;
  EXPECT_NE(text.find("Nguyễn Thị Hồng Nhung"), std::string::npos) << text;
  EXPECT_NE(text.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << text;
  EXPECT_NE(text.find("Giấy chứng sinh"), std::string::npos) << text;
  EXPECT_NE(text.find("K7PQ2M"), std::string::npos) << text;
  EXPECT_NE(text.find("01/12/2026"), std::string::npos) << text;
}

TEST(ReceiptPdf, SaysWhenNoDateIsSet) {
  ReceiptData d = Sample();
  d.expected_on.clear();
  const std::string text = PdfText(ReceiptPdf(d));
  EXPECT_NE(text.find("Theo quy định của thủ tục"), std::string::npos) << text;
}

//! True when the 7×7 finder pattern of a QR code has its top-left corner at (x, y): a dark ring, a light ring, a
//! dark 3×3 centre.
bool FinderAt(const QrMatrix& qr, int32_t x, int32_t y) {
  constexpr int32_t kSize = 7;
  for (int32_t r = 0; r < kSize; ++r) {
    for (int32_t c = 0; c < kSize; ++c) {
      const int32_t ring = std::min(std::min(r, c), std::min(kSize - 1 - r, kSize - 1 - c));
      const bool dark = ring != 1;
      if (qr.At(x + c, y + r) != dark) {
        return false;
      }
    }
  }
  return true;
}

struct QrCase {
  std::string text;
  int32_t version;  // smallest version holding the bytes at level M (ISO/IEC 18004 table 7)
};

TEST(EncodeQr, PicksTheSmallestVersionAndDrawsTheFinderPatterns) {
  // Byte-mode capacity at level M: version 1 holds 14 bytes, 2 holds 26, 6 holds 106, 7 holds 122.
  const QrCase cases[] = {
      {"HELLO WORLD", 1},         {std::string(14, 'a'), 1}, {std::string(15, 'a'), 2}, {std::string(106, 'a'), 6},
      {std::string(107, 'a'), 7}, {Sample().lookup_url, 6},  // 88 bytes: more than version 5 holds (84)
  };
  for (const QrCase& c : cases) {
    const QrMatrix qr = EncodeQr(c.text);
    EXPECT_EQ(qr.version, c.version) << c.text;
    ASSERT_EQ(qr.width, 17 + (4 * c.version)) << c.text;
    ASSERT_EQ(qr.dark.size(), static_cast<size_t>(qr.width * qr.width));
    EXPECT_TRUE(FinderAt(qr, 0, 0)) << c.text;
    EXPECT_TRUE(FinderAt(qr, qr.width - 7, 0)) << c.text;
    EXPECT_TRUE(FinderAt(qr, 0, qr.width - 7)) << c.text;
    EXPECT_FALSE(FinderAt(qr, qr.width - 7, qr.width - 7)) << c.text;
    // The timing pattern: row 6 alternates dark and light between the finders.
    for (int32_t x = 8; x < qr.width - 8; ++x) {
      EXPECT_EQ(qr.At(x, 6), x % 2 == 0) << c.text << " column " << x;
    }
  }
}

TEST(EncodeQr, RefusesTextTooLongForAnyVersion) {
  constexpr size_t kOverVersion40 = 2400;  // version 40-M holds 2331 bytes
  EXPECT_EQ(EncodeQr(std::string(kOverVersion40, 'a')).width, 0);
}

}  // namespace
}  // namespace motcua::web
