//! The printed forms 01–06: each rendered from fixed data, its text read back with poppler's pdftotext and checked
//! field by field; long tables paginate with the header repeated and no row lost or cut; every word lies inside the
//! margins (pdftotext -bbox); the first page renders to a non-blank PNG of A4 proportions whose margins stay white
//! (pdftoppm); the logbook's XLSX holds its rows.
#include "web/office_forms_pdf.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>

#include "web/pdf_layout.hpp"

namespace motcua::web {
namespace {

namespace fs = std::filesystem;

//! A scratch folder removed at the end of the test.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "motcua-forms-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) {
      dir_ = pattern;
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }
  //! Writes `bytes` to `name` in the folder; returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const fs::path p = dir_ / name;
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }
  //! The path of `name` in the folder.
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  fs::path dir_;
};

//! What `command` prints on its standard output.
std::string Shell(const std::string& command) {
  std::string out;
  const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (pipe == nullptr) {
    return out;
  }
  constexpr size_t kChunk = 4096;
  std::array<char, kChunk> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
    out.append(buffer.data(), n);
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

//! A rendered PDF with its text per page (pdftotext separates pages with a form feed).
struct Read {
  std::string pdf_path;
  std::vector<std::string> pages;  // text of each page, lines joined by spaces
  std::string all;                 // every page's text, joined
};

std::string Flat(std::string text) {
  for (char& c : text) {
    if (c == '\n') {
      c = ' ';
    }
  }
  return text;
}

Read ReadPdf(const Scratch& scratch, const std::string& name, const std::string& pdf) {
  Read r;
  r.pdf_path = scratch.Write(name + ".pdf", pdf);
  const std::string text = Shell("pdftotext -enc UTF-8 '" + r.pdf_path + "' -");
  size_t start = 0;
  for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    r.pages.push_back(Flat(text.substr(start, ff - start)));
    start = ff + 1;
  }
  for (const std::string& p : r.pages) {
    r.all += p + " ";
  }
  return r;
}

size_t Occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

//! Every word's box from `pdftotext -bbox` lies inside the page minus the margins (with half a point of slack for
//! the rounding of glyph boxes); returns the words outside.
std::vector<std::string> WordsOutsideMargins(const std::string& pdf_path) {
  const std::string html = Shell("pdftotext -bbox '" + pdf_path + "' -");
  const std::regex page_re(R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  const std::regex word_re(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
  constexpr double kSlack = 0.5;
  std::vector<std::string> outside;
  double width = 0;
  double height = 0;
  size_t words = 0;
  std::istringstream lines(html);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_search(line, m, page_re)) {
      width = std::stod(m[1]);
      height = std::stod(m[2]);
      continue;
    }
    if (!std::regex_search(line, m, word_re)) {
      continue;
    }
    ++words;
    const double x0 = std::stod(m[1]);
    const double y0 = std::stod(m[2]);
    const double x1 = std::stod(m[3]);
    const double y1 = std::stod(m[4]);
    const double lo = pdf::kMargin - kSlack;
    if (x0 < lo || y0 < lo || x1 > width - lo || y1 > height - lo) {
      outside.push_back(m[5].str() + " at " + m[1].str() + "," + m[2].str() + "-" + m[3].str() + "," + m[4].str());
    }
  }
  if (words == 0) {
    outside.emplace_back("no words read");
  }
  return outside;
}

//! The first page rendered at 50 dpi: a PNG of A4 proportions, and a grey map whose margins are white and whose
//! text area is inked but not black all over.
void ExpectRendersOnA4(const Scratch& scratch, const std::string& pdf_path, bool landscape) {
  const std::string png = scratch.Path("page");
  Shell("pdftoppm -r 50 -png -f 1 -l 1 -singlefile '" + pdf_path + "' '" + png + "'");
  const std::string bytes = ReadFile(png + ".png");
  ASSERT_GT(bytes.size(), 24U);
  ASSERT_EQ(bytes.substr(1, 3), "PNG");
  const auto be32 = [&](size_t at) {
    return (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at])) << 24U) |
           (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 1])) << 16U) |
           (static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 2])) << 8U) |
           static_cast<uint32_t>(static_cast<uint8_t>(bytes[at + 3]));
  };
  const double w = be32(16);  // IHDR width and height
  const double h = be32(20);
  constexpr double kA4Ratio = 1.41421;
  constexpr double kRatioSlack = 0.01;
  EXPECT_NEAR(landscape ? w / h : h / w, kA4Ratio, kRatioSlack) << w << "x" << h;
  constexpr double kA4LongPixels = 584.7;  // 297 mm at 50 dpi
  EXPECT_NEAR(std::max(w, h), kA4LongPixels, 1.5);

  // The same page as 8-bit grey (PGM, P5) to look at the pixels.
  const std::string gray = scratch.Path("gray");
  Shell("pdftoppm -r 50 -gray -f 1 -l 1 -singlefile '" + pdf_path + "' '" + gray + "'");
  const std::string pgm = ReadFile(gray + ".pgm");
  std::istringstream head(pgm);
  std::string magic;
  int32_t pw = 0;
  int32_t ph = 0;
  int32_t maxval = 0;
  head >> magic >> pw >> ph >> maxval;
  ASSERT_EQ(magic, "P5");
  const size_t offset = static_cast<size_t>(head.tellg()) + 1;
  ASSERT_EQ(pgm.size(), offset + (static_cast<size_t>(pw) * static_cast<size_t>(ph)));
  constexpr int32_t kMarginPixels = 37;  // 2 cm at 50 dpi is 39.4 px: leave anti-aliasing room
  constexpr uint8_t kWhite = 250;
  constexpr uint8_t kInk = 128;
  size_t ink = 0;
  size_t in_margin = 0;
  for (int32_t y = 0; y < ph; ++y) {
    for (int32_t x = 0; x < pw; ++x) {
      const auto v = static_cast<uint8_t>(pgm[offset + (static_cast<size_t>(y) * pw) + x]);
      const bool margin = x < kMarginPixels || y < kMarginPixels || x >= pw - kMarginPixels || y >= ph - kMarginPixels;
      if (margin && v < kWhite) {
        ++in_margin;
      }
      if (v < kInk) {
        ++ink;
      }
    }
  }
  const double share = static_cast<double>(ink) / (static_cast<double>(pw) * ph);
  EXPECT_EQ(in_margin, 0U) << "pixels drawn in the margins";
  EXPECT_GT(share, 0.01) << "the page is blank";
  EXPECT_LT(share, 0.5) << "the page is mostly black";
}

FormIssuer Issuer() {
  return {
      "UBND tỉnh Ninh Bình", "UBND phường Năng Tĩnh", "Bộ phận tiếp nhận và trả kết quả", "Nam Định", {2026, 11, 30}};
}

FormApplicant Applicant() {
  return {"Nguyễn Thị Hồng Nhung", "036190012345", "Số 12 đường Trần Hưng Đạo, phường Năng Tĩnh, tỉnh Ninh Bình",
          "0912345678", "nhung.nguyen@example.vn"};
}

std::vector<ComponentRow> Components() {
  return {{"Tờ khai đăng ký khai sinh", 1, 0, 0}, {"Giấy chứng sinh", 1, 0, 0}, {"Giấy tờ tùy thân", 0, 1, 0}};
}

Form01Data Sample01() {
  Form01Data d;
  d.issuer = Issuer();
  d.code = "000.00.31.H40-261130-0007";
  d.lookup_secret = "K7PQ";
  d.submitter = Applicant();
  d.channel = "Trực tiếp";
  d.request = "Đăng ký khai sinh";
  d.owner_name = "Trần Minh Khôi";
  d.owner_address = "Xóm 3, xã Mỹ Tân";
  d.components = Components();
  d.sets = 1;
  d.time_limit = "01 ngày làm việc";
  d.received_at = "09:15 ngày 30/11/2026";
  d.appointment = "09:15 ngày 01/12/2026";
  d.result_place = "Tại Bộ phận tiếp nhận và trả kết quả";
  d.lookup_page = "https://dichvucong.example.gov.vn/tra-cuu";
  d.lookup_url = d.lookup_page + "?ma=000.00.31.H40-261130-0007&ma_tra_cuu=K7PQ";
  d.hotline = "0228 3812 345";
  d.officer_name = "Lê Văn Tâm";
  return d;
}

void ExpectAll(const std::string& text, const std::vector<std::string>& needles) {
  for (const std::string& n : needles) {
    EXPECT_NE(text.find(n), std::string::npos) << "missing \"" << n << "\" in:\n" << text;
  }
}

const std::vector<std::string> kHeadingTexts = {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                "Thông tư số 01/2018/TT-VPCP", "Nam Định, ngày 30 tháng 11 năm 2026"};

TEST(OfficeForms, Form01PrintsEveryFieldOfTheReceipt) {
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "01", Form01Pdf(Sample01()));
  ASSERT_EQ(r.pages.size(), 1U) << r.all;
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all, {"Mẫu số 01",
                    "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
                    "UBND PHƯỜNG NĂNG TĨNH",
                    "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ",
                    "Mã hồ sơ: 000.00.31.H40-261130-0007",
                    "Nguyễn Thị Hồng Nhung",
                    "036190012345",
                    "Trần Hưng Đạo",
                    "0912345678",
                    "nhung.nguyen@example.vn",
                    "Hình thức nộp: Trực tiếp",
                    "Đăng ký khai sinh",
                    "Trần Minh Khôi",
                    "Xóm 3, xã Mỹ Tân",
                    "Tờ khai đăng ký khai sinh",
                    "Giấy chứng sinh",
                    "Giấy tờ tùy thân",
                    "Bản sao chứng thực",
                    "01 bộ",
                    "01 ngày làm việc",
                    "09:15 ngày 30/11/2026",
                    "09:15 ngày 01/12/2026",
                    "Tại Bộ phận tiếp nhận và trả kết quả",
                    "Mã tra cứu: K7PQ",
                    "https://dichvucong.example.gov.vn/tra-cuu",
                    "0228 3812 345",
                    "NGƯỜI NỘP HỒ SƠ",
                    "NGƯỜI TIẾP NHẬN HỒ SƠ",
                    "Lê Văn Tâm"});
  EXPECT_EQ(r.all.find("Trang 1/"), std::string::npos) << "a one-page form carries no page number";
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, false);
}

TEST(OfficeForms, Form01WithoutAnAppointmentSaysTheProcedureSetsIt) {
  Form01Data d = Sample01();
  d.appointment.clear();
  const Scratch scratch;
  EXPECT_NE(ReadPdf(scratch, "01", Form01Pdf(d)).all.find("Theo quy định của thủ tục"), std::string::npos);
}

TEST(OfficeForms, Form02ItemisesWhatToSupplyAndWhy) {
  Form02Data d;
  d.issuer = Issuer();
  d.code = "000.00.31.H40-261130-0007";
  d.applicant = Applicant();
  d.request = "Đăng ký khai sinh";
  d.requested_at = "14:05 ngày 30/11/2026";
  d.items = {{"Giấy chứng sinh", "Bản chụp bị mờ, không đọc được số"},
             {"Họ, chữ đệm, tên của người mẹ", "Không khớp với giấy tờ tùy thân"}};
  d.note = "Nộp lại trong tài khoản của ông/bà";
  d.portal_url = "https://dichvucong.example.gov.vn";
  d.officer_name = "Lê Văn Tâm";
  d.officer_phone = "0228 3812 345";
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "02", Form02Pdf(d));
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all,
            {"Mẫu số 02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "000.00.31.H40-261130-0007",
             "Nguyễn Thị Hồng Nhung", "Trần Hưng Đạo", "0912345678", "nhung.nguyen@example.vn", "Đăng ký khai sinh",
             "14:05 ngày 30/11/2026", "Giấy chứng sinh", "Bản chụp bị mờ, không đọc được số",
             "Họ, chữ đệm, tên của người mẹ", "Không khớp với giấy tờ tùy thân", "Lý do", "Nộp lại trong tài khoản",
             "Lê Văn Tâm", "0228 3812 345", "https://dichvucong.example.gov.vn", "NGƯỜI HƯỚNG DẪN"});
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, false);
}

TEST(OfficeForms, Form03StatesTheReasonForRefusal) {
  Form03Data d;
  d.issuer = Issuer();
  d.code = "000.00.31.H40-261130-0008";
  d.applicant = Applicant();
  d.request = "Cấp giấy phép xây dựng nhà ở riêng lẻ";
  d.reason = "Thửa đất nằm ngoài địa bàn do phường quản lý";
  d.portal_url = "https://dichvucong.example.gov.vn";
  d.officer_name = "Lê Văn Tâm";
  d.officer_phone = "0228 3812 345";
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "03", Form03Pdf(d));
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all,
            {"Mẫu số 03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "000.00.31.H40-261130-0008",
             "Nguyễn Thị Hồng Nhung", "0912345678", "nhung.nguyen@example.vn", "Trần Hưng Đạo",
             "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Thửa đất nằm ngoài địa bàn do phường quản lý", "0228 3812 345",
             "https://dichvucong.example.gov.vn", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TỪ CHỐI TIẾP NHẬN", "Lê Văn Tâm"});
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, false);
}

TEST(OfficeForms, Form04ApologisesWithTheOldAndNewDates) {
  Form04Data d;
  d.issuer = Issuer();
  d.issuer.desk.clear();
  d.addressee = "Nguyễn Thị Hồng Nhung";
  d.address = "Số 12 đường Trần Hưng Đạo";
  d.code = "000.00.31.H40-261120-0003";
  d.request = "Đăng ký kết hôn";
  d.received_on = "20/11/2026";
  d.original_appointment = "16:00 ngày 25/11/2026";
  d.reason = "Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước đây";
  d.new_appointment = "10:00 ngày 02/12/2026";
  d.signer_title = "Thủ trưởng cơ quan";
  d.signer_name = "Phạm Quốc Hưng";
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "04", Form04Pdf(d));
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all, {"Mẫu số 04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "UBND TỈNH NINH BÌNH",
                    "Kính gửi: Nguyễn Thị Hồng Nhung", "Số 12 đường Trần Hưng Đạo", "000.00.31.H40-261120-0003",
                    "Đăng ký kết hôn", "20/11/2026", "16:00 ngày 25/11/2026",
                    "Chờ xác minh tình trạng hôn nhân tại nơi cư trú trước đây", "10:00 ngày 02/12/2026", "xin lỗi",
                    "THỦ TRƯỞNG CƠ QUAN", "Phạm Quốc Hưng"});
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, false);
}

Form05Data Sample05(int32_t handoffs) {
  Form05Data d;
  d.issuer = Issuer();
  d.code = "000.00.31.H40-261101-0042";
  d.applicant = "Nguyễn Thị Hồng Nhung";
  d.request = "Cấp giấy phép xây dựng nhà ở riêng lẻ";
  d.received_at = "08:00 ngày 02/11/2026";
  d.time_limit = "15 ngày làm việc";
  d.appointment = "17:00 ngày 23/11/2026";
  d.components = Components();
  for (int32_t i = 1; i <= handoffs; ++i) {
    d.handoffs.push_back({"UBND phường Năng Tĩnh – Chuyên viên thụ lý", "08:30 ngày 03/11/2026",
                          "Cán bộ giao " + std::to_string(i), "Cán bộ nhận " + std::to_string(i),
                          i % 3 == 0 ? "Quá hạn" : "Đúng hạn", "Ghi chú bước số " + std::to_string(i) + " hết."});
  }
  return d;
}

TEST(OfficeForms, Form05PrintsOneRowPerHandoff) {
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "05", Form05Pdf(Sample05(3)));
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all, {"Mẫu số 05", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "000.00.31.H40-261101-0042",
                    "Nguyễn Thị Hồng Nhung", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "08:00 ngày 02/11/2026",
                    "15 ngày làm việc", "17:00 ngày 23/11/2026", "Giấy chứng sinh", "Chuyên viên thụ lý",
                    "08:30 ngày 03/11/2026", "Cán bộ giao 1", "Cán bộ nhận 3", "Người giao", "Người nhận", "Đúng hạn",
                    "Quá hạn", "Ghi chú bước số 2 hết."});
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, false);
}

TEST(OfficeForms, Form05With40HandoffsBreaksAcrossPagesWithTheHeaderRepeated) {
  constexpr int32_t kHandoffs = 40;
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "05", Form05Pdf(Sample05(kHandoffs)));
  ASSERT_GE(r.pages.size(), 2U) << r.all;
  for (size_t p = 0; p < r.pages.size(); ++p) {
    EXPECT_EQ(Occurrences(r.pages[p], "Người giao"), 1U) << "no table header (once) on page " << p + 1;
    EXPECT_EQ(Occurrences(r.pages[p], "Người nhận"), 1U) << "no table header (once) on page " << p + 1;
    EXPECT_NE(r.pages[p].find("Trang " + std::to_string(p + 1) + "/" + std::to_string(r.pages.size())),
              std::string::npos)
        << r.pages[p];
  }
  for (int32_t i = 1; i <= kHandoffs; ++i) {
    // Each row whole, once: its note's last word ("hết.") read right after its number.
    EXPECT_EQ(Occurrences(r.all, "Ghi chú bước số " + std::to_string(i) + " hết."), 1U) << "row " << i;
    EXPECT_EQ(Occurrences(r.all, "Cán bộ giao " + std::to_string(i) + " "), 1U) << "row " << i;
  }
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
}

service::LogbookRow LogRow(int32_t i) {
  service::LogbookRow row;
  row.code = fmt::format("000.00.31.H40-2611{:02}-{:04}", (i % 28) + 1, i);
  row.procedure_name = i % 2 == 0 ? "Đăng ký khai sinh" : "Chứng thực bản sao từ bản chính giấy tờ, văn bản";
  row.sets = 1 + (i % 2);
  row.applicant_name = "Công dân số " + std::to_string(i);
  row.applicant_address = "Phường Năng Tĩnh";
  row.applicant_phone = "0912000" + std::to_string(100 + i);
  row.competent_agency = "UBND phường Năng Tĩnh";
  constexpr int64_t kReceived = 1'795'500'000;  // 2026-11-26 ~ 07:00 UTC
  constexpr int64_t kHour = 3600;
  row.received_at = domain::Instant::FromSeconds(kReceived + (i * kHour));
  row.appointment = domain::Instant::FromSeconds(kReceived + ((i + 24) * kHour));
  if (i % 4 == 0) {
    row.returned_at = domain::Instant::FromSeconds(kReceived + ((i + 20) * kHour));
  }
  row.notes = "Dòng " + std::to_string(i) + " xong";
  return row;
}

LogbookData SampleLog(int32_t rows) {
  LogbookData d;
  d.issuer = Issuer();
  d.issuer.desk.clear();
  d.from = {2026, 11, 1};
  d.to = {2026, 11, 30};
  for (int32_t i = 1; i <= rows; ++i) {
    d.rows.push_back(LogRow(i));
  }
  return d;
}

TEST(OfficeForms, LogbookOf300RowsIsALandscapeTableOnManyPages) {
  constexpr int32_t kRows = 300;
  const LogbookData d = SampleLog(kRows);
  const Scratch scratch;
  const Read r = ReadPdf(scratch, "06", LogbookPdf(d));
  ASSERT_GE(r.pages.size(), 5U);
  const std::string info = Shell("pdfinfo '" + r.pdf_path + "'");
  EXPECT_NE(info.find("841.89 x 595.276 pts (A4)"), std::string::npos) << info;
  ExpectAll(r.all, kHeadingTexts);
  ExpectAll(r.all, {"Mẫu số 06", "SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/11/2026 đến ngày 30/11/2026", "Tổng số: 300 hồ sơ."});
  for (size_t p = 0; p < r.pages.size(); ++p) {
    EXPECT_NE(r.pages[p].find("Mã hồ sơ"), std::string::npos) << "no header on page " << p + 1;
    EXPECT_NE(r.pages[p].find("Cơ quan chủ trì"), std::string::npos) << "no header on page " << p + 1;
  }
  for (int32_t i = 1; i <= kRows; ++i) {
    EXPECT_EQ(Occurrences(r.all, d.rows[static_cast<size_t>(i - 1)].code), 1U) << "row " << i;
    EXPECT_EQ(Occurrences(r.all, "Dòng " + std::to_string(i) + " xong"), 1U) << "row " << i;
  }
  EXPECT_NE(r.all.find(domain::LocalTime(*d.rows[0].received_at)), std::string::npos);
  EXPECT_EQ(WordsOutsideMargins(r.pdf_path), std::vector<std::string>{});
  ExpectRendersOnA4(scratch, r.pdf_path, true);
}

TEST(OfficeForms, LogbookXlsxHoldsTheHeaderAndEveryRow) {
  constexpr int32_t kRows = 300;
  const LogbookData d = SampleLog(kRows);
  const std::string xlsx = LogbookXlsx(d);
  ASSERT_EQ(xlsx.substr(0, 2), "PK");
  const Scratch scratch;
  const std::string path = scratch.Write("06.xlsx", xlsx);
  const std::string strings = Shell("unzip -p '" + path + "' xl/sharedStrings.xml");
  const std::string sheet = Shell("unzip -p '" + path + "' xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  ExpectAll(strings, {"SỔ THEO DÕI HỒ SƠ", "Từ ngày 01/11/2026 đến ngày 30/11/2026", "UBND phường Năng Tĩnh"});
  for (const std::string& h : LogbookHeaders()) {
    EXPECT_NE(strings.find(h), std::string::npos) << h;
  }
  for (const service::LogbookRow& row : d.rows) {
    EXPECT_NE(strings.find(">" + row.code + "<"), std::string::npos) << row.code;
  }
  // Title, agency, range, header (row 5) and one row per dossier: the last is row 5 + 300.
  EXPECT_NE(sheet.find("<row r=\"305\""), std::string::npos);
  EXPECT_EQ(sheet.find("<row r=\"306\""), std::string::npos);
  EXPECT_EQ(Occurrences(sheet, "<row "), 304U);
  const std::string workbook = Shell("unzip -p '" + path + "' xl/workbook.xml");
  EXPECT_NE(workbook.find("Sổ theo dõi hồ sơ"), std::string::npos) << workbook;
}

TEST(OfficeForms, LogbookCellsFollowTheHeaders) {
  const service::LogbookRow row = LogRow(4);
  const std::vector<std::string> cells = LogbookCells(7, row);
  ASSERT_EQ(cells.size(), LogbookHeaders().size());
  EXPECT_EQ(cells[0], "7");
  EXPECT_EQ(cells[1], row.code);
  EXPECT_EQ(cells[3], "1");
  EXPECT_EQ(cells[4], "Công dân số 4\nPhường Năng Tĩnh\n0912000104");
  EXPECT_EQ(cells[6], domain::LocalTime(*row.received_at));
  EXPECT_EQ(cells[8], "");
  EXPECT_EQ(cells[10], domain::LocalTime(*row.returned_at));
  EXPECT_EQ(cells[11], "Dòng 4 xong");
}

}  // namespace
}  // namespace motcua::web
