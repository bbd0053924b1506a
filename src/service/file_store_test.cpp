//! The file store: types by magic bytes, photos normalised, bombs refused, content-addressed and deduplicated.
#include "service/file_store.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <vips/vips.h>
#include <zlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace motcua::service {
namespace {

namespace fs = std::filesystem;

//! A fresh data folder with a FileStore, removed at the end.
class FileStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(VIPS_INIT("file_store_test"), 0);
    root_ = (fs::temp_directory_path() / ("motcua-fs-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    fs::remove_all(root_);
    store_ = std::make_unique<FileStore>(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  //! Writes `bytes` as a new upload in the spool folder and returns its path.
  std::string Upload(std::string_view bytes) {
    const std::string path = store_->SpoolDir() + "/upload-" + std::to_string(next_++);
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
  }
  //! A new spool path for libvips to save to.
  std::string NewPath(std::string_view suffix) {
    return store_->SpoolDir() + "/made-" + std::to_string(next_++) + std::string(suffix);
  }
  //! A solid colour image of `w`×`h`, 3 bands, saved to a new path with `save`.
  template <typename Save>
  std::string MakeImage(int w, int h, std::string_view suffix, Save save) {
    VipsImage* black = nullptr;
    EXPECT_EQ(vips_black(&black, w, h, "bands", 3, nullptr), 0);
    VipsImage* grey = nullptr;
    EXPECT_EQ(vips_linear1(black, &grey, 1.0, 128.0, "uchar", TRUE, nullptr), 0);
    g_object_unref(black);
    const std::string path = NewPath(suffix);
    EXPECT_EQ(save(grey, path), 0) << vips_error_buffer();
    g_object_unref(grey);
    return path;
  }
  //! Width and height of the image at `path`.
  static std::pair<int, int> SizeOf(const std::string& path) {
    VipsImage* img = vips_image_new_from_file(path.c_str(), nullptr);
    EXPECT_NE(img, nullptr) << vips_error_buffer();
    if (img == nullptr) {
      return {0, 0};
    }
    const std::pair<int, int> size{vips_image_get_width(img), vips_image_get_height(img)};
    g_object_unref(img);
    return size;
  }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  //! The message of a refused Put.
  static std::string MessageOf(const domain::Result<StoredFile>& r) {
    if (r.ok() || r.error().fields.empty()) {
      return "(not refused)";
    }
    EXPECT_EQ(r.error().fields.front().field, "tep");
    return r.error().fields.front().message;
  }

  const std::vector<std::string> all_{"pdf", "jpeg", "png", "heic"};
  std::string root_;
  std::unique_ptr<FileStore> store_;
  int next_ = 0;
};

constexpr std::string_view kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
constexpr int64_t kMb = int64_t{1} << 20;

TEST_F(FileStoreTest, PdfIsKeptAsIsUnderItsSha256) {
  const std::string upload = Upload(kPdf);
  const auto r = store_->Put(upload, "Giấy chứng sinh.pdf", all_, kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  EXPECT_EQ(r->kind, "pdf");
  EXPECT_EQ(r->media_type, "application/pdf");
  EXPECT_EQ(r->bytes, static_cast<int64_t>(kPdf.size()));
  EXPECT_EQ(r->original_name, "Giấy chứng sinh.pdf");
  EXPECT_EQ(r->sha256.size(), 64U);
  const std::string stored = store_->PathOf(r->sha256);
  EXPECT_EQ(stored, root_ + "/files/" + r->sha256.substr(0, 2) + "/" + r->sha256.substr(2, 2) + "/" + r->sha256);
  EXPECT_EQ(Read(stored), kPdf);
  EXPECT_FALSE(fs::exists(upload));
}

TEST_F(FileStoreTest, SameContentTwiceIsKeptOnce) {
  const auto a = store_->Put(Upload(kPdf), "a.pdf", all_, kMb, "tep");
  const auto b = store_->Put(Upload(kPdf), "b.pdf", all_, kMb, "tep");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->sha256, b->sha256);
  EXPECT_EQ(b->original_name, "b.pdf");
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(root_ + "/files")) {
    files += e.is_regular_file() ? 1 : 0;
  }
  EXPECT_EQ(files, 1U);
  EXPECT_EQ(fs::directory_iterator(store_->SpoolDir()) == fs::directory_iterator(), true);  // spool left empty
}

TEST_F(FileStoreTest, OtherTypesAreRefusedWhateverTheirName) {
  std::string elf =
      "\x7f"
      "ELF\x02\x01\x01";
  elf.resize(128, '\0');
  std::string exe = "MZ\x90";
  exe.resize(256, '\0');
  const std::string cases[] = {elf, exe, std::string("PK\x03\x04\x14\x00\x00\x00", 8) + std::string(64, 'z'),
                               "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n",
                               "just some text that claims to be a pdf\n"};
  for (const std::string& bytes : cases) {
    const std::string upload = Upload(bytes);
    const auto r = store_->Put(upload, "giay-to.pdf", all_, kMb, "tep");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.kind(), domain::ErrorKind::kInvalid);
    EXPECT_NE(MessageOf(r).find("PDF, JPEG, PNG, HEIC"), std::string::npos) << MessageOf(r);
    EXPECT_FALSE(fs::exists(upload));
  }
  EXPECT_FALSE(fs::exists(root_ + "/files/") && !fs::is_empty(root_ + "/files/"));
}

TEST_F(FileStoreTest, AcceptedKindsAreTheDocumentsOwn) {
  const auto r = store_->Put(Upload(kPdf), "a.pdf", {"jpeg", "png"}, kMb, "tep");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(MessageOf(r).find("JPEG, PNG"), std::string::npos);
}

TEST_F(FileStoreTest, EmptyAndOversizedFilesAreRefused) {
  EXPECT_NE(MessageOf(store_->Put(Upload(""), "a.pdf", all_, kMb, "tep")).find("không có nội dung"), std::string::npos);
  std::string big(kPdf);
  big.resize(static_cast<size_t>(2 * kMb) + 1, ' ');
  const std::string upload = Upload(big);
  // The limit travels as the message's argument, put into the translated text by the web layer.
  EXPECT_EQ(MessageOf(store_->Put(upload, "a.pdf", all_, 2 * kMb, "tep")),
            domain::MessageWith("Tệp quá lớn: mỗi tệp tối đa {} MB.", {"2"}));
  EXPECT_FALSE(fs::exists(upload));
}

TEST_F(FileStoreTest, BadNamesAreRefused) {
  EXPECT_FALSE(store_->Put(Upload(kPdf), "a\x01.pdf", all_, kMb, "tep").ok());
  EXPECT_FALSE(store_->Put(Upload(kPdf), "", all_, kMb, "tep").ok());
  EXPECT_FALSE(store_->Put(Upload(kPdf), "\xff.pdf", all_, kMb, "tep").ok());
}

TEST_F(FileStoreTest, PngScreenshotStaysPngWhenSmaller) {
  // Sharp one-pixel stripes, like the text of a screenshot: PNG keeps them small, JPEG does not.
  VipsImage* xyz = nullptr;
  ASSERT_EQ(vips_xyz(&xyz, 300, 200, nullptr), 0);
  VipsImage* x = nullptr;
  ASSERT_EQ(vips_extract_band(xyz, &x, 0, nullptr), 0);
  VipsImage* odd = nullptr;
  ASSERT_EQ(vips_remainder_const1(x, &odd, 2, nullptr), 0);
  VipsImage* stripes = nullptr;
  ASSERT_EQ(vips_linear1(odd, &stripes, 255.0, 0.0, "uchar", TRUE, nullptr), 0);
  const std::string png = NewPath(".png");
  ASSERT_EQ(vips_pngsave(stripes, png.c_str(), nullptr), 0);
  for (VipsImage* img : {xyz, x, odd, stripes}) {
    g_object_unref(img);
  }
  const auto r = store_->Put(png, "anh.png", all_, kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  EXPECT_EQ(r->kind, "png");
  EXPECT_EQ(r->media_type, "image/png");  // a flat image: PNG is far smaller than JPEG
  EXPECT_EQ(SizeOf(store_->PathOf(r->sha256)), (std::pair<int, int>{300, 200}));
}

TEST_F(FileStoreTest, PngPhotoBecomesJpegWhenSmaller) {
  const std::string png = MakeImage(
      300, 200, ".png", [](VipsImage* img, const std::string& p) { return vips_pngsave(img, p.c_str(), nullptr); });
  const auto r = store_->Put(png, "anh.png", all_, kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  EXPECT_EQ(r->kind, "png");
  EXPECT_EQ(r->media_type, "image/jpeg");  // a smooth image: JPEG is smaller
  EXPECT_EQ(SizeOf(store_->PathOf(r->sha256)), (std::pair<int, int>{300, 200}));
}

TEST_F(FileStoreTest, LargePhotoIsShrunkToTheLongestSide) {
  const std::string jpeg = MakeImage(
      4000, 3000, ".jpg", [](VipsImage* img, const std::string& p) { return vips_jpegsave(img, p.c_str(), nullptr); });
  const auto r = store_->Put(jpeg, "IMG_0001.JPG", all_, 20 * kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  EXPECT_EQ(r->kind, "jpeg");
  EXPECT_EQ(r->media_type, "image/jpeg");
  EXPECT_EQ(SizeOf(store_->PathOf(r->sha256)), (std::pair<int, int>{kMaxImageSide, 1500}));
}

TEST_F(FileStoreTest, PhotoIsTurnedUprightAndItsMetadataStripped) {
  // A phone held upright saves a landscape sensor image with EXIF orientation 6 (rotate 90° clockwise).
  const std::string jpeg = MakeImage(80, 40, ".jpg", [](VipsImage* img, const std::string& p) {
    VipsImage* copy = nullptr;
    if (vips_copy(img, &copy, nullptr) != 0) {
      return -1;
    }
    vips_image_set_int(copy, VIPS_META_ORIENTATION, 6);
    vips_image_set_string(copy, "exif-ifd0-Make", "Phone");
    const int rc = vips_jpegsave(copy, p.c_str(), nullptr);
    g_object_unref(copy);
    return rc;
  });
  {
    VipsImage* before = vips_image_new_from_file(jpeg.c_str(), nullptr);
    ASSERT_NE(before, nullptr);
    EXPECT_NE(vips_image_get_typeof(before, VIPS_META_EXIF_NAME), 0U);  // the test photo has EXIF
    g_object_unref(before);
  }
  const auto r = store_->Put(jpeg, "anh.jpg", all_, kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  const std::string stored = store_->PathOf(r->sha256);
  EXPECT_EQ(SizeOf(stored), (std::pair<int, int>{40, 80}));
  VipsImage* after = vips_image_new_from_file(stored.c_str(), nullptr);
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(vips_image_get_typeof(after, VIPS_META_EXIF_NAME), 0U);  // no EXIF left (no GPS)
  g_object_unref(after);
}

//! A PNG that declares `w`×`h` 1-bit grey pixels in its header, with one tiny IDAT: a decompression bomb's header.
std::string CraftedPng(uint32_t w, uint32_t h) {
  const auto be32 = [](uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                       static_cast<char>(v)};
  };
  const auto chunk = [&](std::string_view type, const std::string& data) {
    std::string typed = std::string(type) + data;
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()));
    return be32(static_cast<uint32_t>(data.size())) + typed + be32(static_cast<uint32_t>(crc));
  };
  std::string ihdr = be32(w) + be32(h);
  ihdr += std::string{1, 0, 0, 0, 0};  // bit depth 1, greyscale, deflate, no filter, no interlace
  std::array<Bytef, 64> zipped{};
  uLongf zipped_size = zipped.size();
  const std::array<Bytef, 16> row{};
  compress(zipped.data(), &zipped_size, row.data(), row.size());
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) +
         chunk("IDAT", std::string(reinterpret_cast<const char*>(zipped.data()), zipped_size)) + chunk("IEND", "");
}

TEST_F(FileStoreTest, DecompressionBombIsRefusedFromItsHeader) {
  const std::string bomb = CraftedPng(40000, 40000);
  ASSERT_LT(bomb.size(), 200U);
  const std::string upload = Upload(bomb);
  const auto r = store_->Put(upload, "bom.png", all_, kMb, "tep");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(MessageOf(r).find("quá nhiều điểm ảnh"), std::string::npos) << MessageOf(r);
  EXPECT_FALSE(fs::exists(upload));
}

TEST_F(FileStoreTest, BrokenImageIsRefusedClearly) {
  // A JPEG's first markers, then no image: libmagic calls it JPEG, libvips cannot read its header.
  const std::string jpeg = std::string("\xff\xd8\xff\xe0\x00\x10JFIF\x00", 11) + std::string(40, 'j');
  const auto r = store_->Put(Upload(jpeg), "hong.jpg", all_, kMb, "tep");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(MessageOf(r).find("Không đọc được ảnh"), std::string::npos) << MessageOf(r);
}

TEST_F(FileStoreTest, HeicPhotoBecomesJpegOrGetsAClearMessage) {
  const bool can_save = vips_type_find("VipsOperation", "heifsave") != 0;
  const bool can_load = vips_type_find("VipsOperation", "heifload") != 0;
  if (!can_save) {
    // Without libheif here: a file libmagic calls HEIC gets the message naming JPEG.
    std::string ftyp(
        "\x00\x00\x00\x18"
        "ftypheic\x00\x00\x00\x00mif1heic",
        24);
    ftyp.resize(200, '\0');
    const auto r = store_->Put(Upload(ftyp), "IMG.HEIC", all_, kMb, "tep");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(MessageOf(r).find(can_load ? "Không đọc được ảnh" : "HEIC chưa đọc được"), std::string::npos);
    return;
  }
  const std::string heic = MakeImage(64, 48, ".heic", [](VipsImage* img, const std::string& p) {
    return vips_heifsave(img, p.c_str(), "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, nullptr);
  });
  const auto r = store_->Put(heic, "IMG_0002.HEIC", all_, kMb, "tep");
  ASSERT_TRUE(r.ok()) << MessageOf(r);
  EXPECT_EQ(r->kind, "heic");
  EXPECT_EQ(r->media_type, "image/jpeg");
  EXPECT_EQ(SizeOf(store_->PathOf(r->sha256)), (std::pair<int, int>{64, 48}));
  const auto refused = store_->Put(Upload(Read(store_->PathOf(r->sha256))), "x.jpg", {"pdf"}, kMb, "tep");
  EXPECT_FALSE(refused.ok());
}

TEST(FileStorePathOf, RefusesAnythingButSixtyFourHexDigits) {
  const std::string root = (fs::temp_directory_path() / ("motcua-fs-pathof-" + std::to_string(::getpid()))).string();
  const FileStore store(root);
  const std::string sha(64, 'a');
  fs::create_directories(root + "/files/aa/aa");
  std::ofstream(root + "/files/aa/aa/" + sha) << "x";
  EXPECT_EQ(store.PathOf(sha), root + "/files/aa/aa/" + sha);
  EXPECT_EQ(store.PathOf(std::string(64, 'b')), "");  // not stored
  EXPECT_EQ(store.PathOf(std::string(63, 'a')), "");
  EXPECT_EQ(store.PathOf(std::string(65, 'a')), "");
  EXPECT_EQ(store.PathOf(std::string(64, 'A')), "");
  EXPECT_EQ(store.PathOf("../../../../etc/passwd"), "");
  EXPECT_EQ(store.PathOf("aa/aa/" + std::string(58, 'a')), "");
  fs::remove_all(root);
}

TEST(CleanFileName, KeepsTheLastSegmentAndRefusesControlsAndBadUtf8) {
  EXPECT_EQ(CleanFileName("Giấy khai sinh.pdf"), "Giấy khai sinh.pdf");
  EXPECT_EQ(CleanFileName("C:\\Users\\An\\scan.pdf"), "scan.pdf");
  EXPECT_EQ(CleanFileName("../../etc/passwd"), "passwd");
  EXPECT_EQ(CleanFileName("dir/"), "");
  EXPECT_EQ(CleanFileName(".."), "");
  EXPECT_EQ(CleanFileName("a\nb.pdf"), "");
  EXPECT_EQ(CleanFileName("a\x7f.pdf"), "");
  EXPECT_EQ(CleanFileName("\xc3\x28.pdf"), "");
  const std::string long_name = std::string(199, 'a') + "ấ.pdf";  // 'ấ' (3 bytes) straddles byte 200
  EXPECT_EQ(CleanFileName(long_name), std::string(199, 'a'));
  EXPECT_EQ(CleanFileName(std::string(300, 'b')).size(), 200U);
}

}  // namespace
}  // namespace motcua::service
