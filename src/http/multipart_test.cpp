//! The streaming multipart parser: every chunking of a body gives the same result, each refusal, the limits, and
//! no spool file left behind after a refusal or once the body is dropped.
#include "http/multipart.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace motcua::http {
namespace {

constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

//! A fresh spool folder, removed at the end of the test.
class SpoolDir {
 public:
  SpoolDir() {
    path_ = (std::filesystem::temp_directory_path() /
             ("motcua-mp-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++)))
                .string();
    std::filesystem::remove_all(path_);
  }
  ~SpoolDir() { std::filesystem::remove_all(path_); }
  SpoolDir(const SpoolDir&) = delete;
  SpoolDir& operator=(const SpoolDir&) = delete;
  SpoolDir(SpoolDir&&) = delete;
  SpoolDir& operator=(SpoolDir&&) = delete;
  const std::string& path() const { return path_; }
  //! Number of files in the folder (0 when it does not exist).
  size_t Count() const {
    if (!std::filesystem::exists(path_)) {
      return 0;
    }
    return static_cast<size_t>(std::distance(std::filesystem::directory_iterator(path_), {}));
  }

 private:
  std::string path_;
  static inline int counter_ = 0;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

//! A text part.
std::string Field(std::string_view name, std::string_view value) {
  return "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
         "\"\r\n\r\n" + std::string(value) + "\r\n";
}

//! A file part.
std::string FilePart(std::string_view name, std::string_view filename, std::string_view bytes) {
  return "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"" + std::string(name) +
         "\"; filename=\"" + std::string(filename) + "\"\r\nContent-Type: application/pdf\r\n\r\n" +
         std::string(bytes) + "\r\n";
}

std::string Close() { return "--" + std::string(kBoundary) + "--\r\n"; }

//! Parses `body` fed in chunks of `chunk` bytes.
MultipartBody Parse(std::string_view body, size_t chunk, const std::string& dir, MultipartLimits limits = {}) {
  MultipartParser parser(std::string(kBoundary), dir, limits);
  for (size_t i = 0; i < body.size(); i += chunk) {
    parser.Feed(body.substr(i, chunk));
  }
  return parser.Finish();
}

//! Bytes that look like a delimiter start and CRLFs, to stress the search for the boundary.
std::string TrickyContent() {
  std::string s = "%PDF-1.4\r\n--\r\n-----WebKitFormBoundary\r\n\r\r\n--" + std::string(kBoundary.substr(0, 20));
  s += "\r\n";
  s.push_back('\0');
  s += "\xff tail\r";
  return s;
}

TEST(MultipartBoundary, ReadsQuotedAndUnquotedBoundaries) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;BOUNDARY=\"a b:c\""), "a b:c");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; boundary=\"x\""), "x");
  EXPECT_EQ(MultipartBoundary("application/x-www-form-urlencoded"), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data"), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary="), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'a')), "");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=\"ab\r\n\""), "");
  EXPECT_EQ(MultipartBoundary("multipart/mixed; boundary=abc"), "");
}

TEST(MultipartParser, EveryChunkSizeGivesTheSameFieldsAndFiles) {
  const std::string content = TrickyContent();
  const std::string body = "preamble to ignore\r\n" + Field("csrf", "tok\r\nen") + Field("ho_ten", "Nguyễn Văn An") +
                           FilePart("tep", "giấy chứng sinh.pdf", content) + FilePart("tep", "b.pdf", "") +
                           Field("empty", "") + Close() + "epilogue --" + std::string(kBoundary);
  for (size_t chunk = 1; chunk <= body.size(); ++chunk) {
    SpoolDir dir;
    MultipartBody b = Parse(body, chunk, dir.path());
    ASSERT_TRUE(b.ok()) << "chunk " << chunk;
    ASSERT_EQ(b.fields.size(), 3U);
    EXPECT_EQ(b.fields[0], (std::pair<std::string, std::string>{"csrf", "tok\r\nen"}));
    EXPECT_EQ(b.fields[1].second, "Nguyễn Văn An");
    EXPECT_EQ(b.fields[2], (std::pair<std::string, std::string>{"empty", ""}));
    ASSERT_EQ(b.files.size(), 2U) << "chunk " << chunk;
    EXPECT_EQ(b.files[0].field, "tep");
    EXPECT_EQ(b.files[0].filename, "giấy chứng sinh.pdf");
    EXPECT_EQ(b.files[0].content_type, "application/pdf");
    EXPECT_EQ(b.files[0].bytes, content.size());
    EXPECT_EQ(ReadFile(b.files[0].path), content);
    EXPECT_EQ(b.files[1].bytes, 0U);  // a named empty file is kept (FileStore refuses it with a message)
    struct stat st {};
    ASSERT_EQ(::stat(b.files[0].path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777U, 0600U);
    EXPECT_EQ(dir.Count(), 2U);
  }
}

TEST(MultipartParser, FirstDelimiterWithoutPreambleAndPaddingAfterDelimiters) {
  SpoolDir dir;
  std::string body = Field("a", "1");
  body.insert(2 + kBoundary.size(), " \t");  // transport padding before the CRLF
  body += Close();
  const MultipartBody b = Parse(body, body.size(), dir.path());
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b.fields.size(), 1U);
  EXPECT_EQ(b.fields[0].second, "1");
}

TEST(MultipartParser, EmptyFileInputIsSkipped) {
  SpoolDir dir;
  const std::string body = Field("a", "1") + FilePart("tep", "", "") + Close();
  const MultipartBody b = Parse(body, 7, dir.path());
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b.files.empty());
  EXPECT_EQ(dir.Count(), 0U);
}

TEST(MultipartParser, QuotedParametersWithEscapesAndFilenameStar) {
  SpoolDir dir;
  const std::string body = "--" + std::string(kBoundary) +
                           "\r\ncontent-disposition: form-data; name=\"a\\\"b\"; filename=\"x\\\"y.pdf\"; "
                           "filename*=UTF-8''%E1%BA%A1.pdf\r\n\r\nPDF\r\n" +
                           "--" + std::string(kBoundary) +
                           "\r\nContent-Disposition: form-data; filename*=UTF-8''x; name=only\r\n\r\nZ\r\n" + Close();
  const MultipartBody b = Parse(body, 3, dir.path());
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b.files.size(), 2U);
  EXPECT_EQ(b.files[0].field, "a\"b");
  EXPECT_EQ(b.files[0].filename, "x\"y.pdf");
  EXPECT_EQ(b.files[1].field, "only");
  EXPECT_EQ(b.files[1].filename, "");
  EXPECT_EQ(ReadFile(b.files[1].path), "Z");
}

TEST(MultipartParser, BadFilenamesAreRefusedAndNothingStays) {
  for (const std::string name : {"../etc/passwd", "C:\\\\Users\\\\a.pdf", "a\x01.pdf", "a\x7f.pdf", "\xff\xfe.pdf",
                                 "\xc0\xaf.pdf", "\xed\xa0\x80.pdf", "\xe1\xba"}) {
    SpoolDir dir;
    const std::string body = Field("csrf", "t") + FilePart("ok", "a.pdf", "123") + FilePart("tep", name, "x") + Close();
    const MultipartBody b = Parse(body, 5, dir.path());
    EXPECT_EQ(b.error, MultipartError::kBadFilename) << name;
    EXPECT_EQ(b.error_field, "tep");
    EXPECT_TRUE(b.files.empty());
    ASSERT_EQ(b.fields.size(), 1U);  // fields before the error stay
    EXPECT_EQ(b.fields[0].second, "t");
    EXPECT_EQ(dir.Count(), 0U) << name;
  }
}

TEST(MultipartParser, MalformedBodiesAreRefused) {
  const std::string b = std::string(kBoundary);
  const std::string cases[] = {
      "",                                                                                // nothing
      "no boundary at all",                                                              // preamble only
      Field("a", "1"),                                                                   // no close delimiter
      FilePart("f", "a.pdf", "12345"),                                                   // truncated inside a file
      "--" + b + "\r\nContent-Disposition: form-data; name=\"a\"\r\n",                   // truncated headers
      "--" + b + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" + Close(),            // no name
      "--" + b + "\r\nContent-Type: text/plain\r\n\r\nx\r\n" + Close(),                  // no disposition
      "--" + b + "\r\nContent-Disposition: attachment; name=a\r\n\r\nx\r\n" + Close(),   // not form-data
      "--" + b + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n" + Close(),  // unclosed quote
      "--" + b + "\r\nno colon here\r\n\r\nx\r\n" + Close(),                             // a bad header line
      "--" + b + "\r\n\r\nx\r\n" + Close(),                                              // no header at all
      "--" + b + "X\r\n",                                                                // junk after delimiter
  };
  for (const std::string& body : cases) {
    for (const size_t chunk : {size_t{1}, size_t{4}, std::max<size_t>(1, body.size())}) {
      SpoolDir dir;
      const MultipartBody m = Parse(body, chunk, dir.path());
      EXPECT_EQ(m.error, MultipartError::kMalformed) << body;
      EXPECT_TRUE(m.files.empty());
      EXPECT_EQ(dir.Count(), 0U) << body;
    }
  }
}

TEST(MultipartParser, TruncatedFileNamesTheField) {
  SpoolDir dir;
  const std::string body = Field("csrf", "t") + FilePart("tep", "a.pdf", std::string(1000, 'x'));
  const MultipartBody m = Parse(body.substr(0, body.size() - 10), 64, dir.path());
  EXPECT_EQ(m.error, MultipartError::kMalformed);
  EXPECT_EQ(m.error_field, "tep");
  ASSERT_EQ(m.fields.size(), 1U);
  EXPECT_EQ(dir.Count(), 0U);
}

TEST(MultipartParser, LimitsAreEnforced) {
  MultipartLimits limits;
  limits.max_file_bytes = 100;
  limits.max_total_bytes = 150;
  limits.max_files = 2;
  limits.max_fields = 2;
  limits.max_field_bytes = 10;
  limits.max_header_bytes = 200;
  struct Case {
    std::string body;
    MultipartError error;
    std::string field;
  };
  const Case cases[] = {
      {FilePart("a", "a.pdf", std::string(100, 'x')) + Close(), MultipartError::kNone, ""},
      {FilePart("a", "a.pdf", std::string(101, 'x')) + Close(), MultipartError::kFileTooLarge, "a"},
      {FilePart("a", "a.pdf", std::string(80, 'x')) + FilePart("b", "b.pdf", std::string(80, 'x')) + Close(),
       MultipartError::kTooLarge, "b"},
      {FilePart("a", "a.pdf", "1") + FilePart("b", "b.pdf", "2") + FilePart("c", "c.pdf", "3") + Close(),
       MultipartError::kTooLarge, "c"},
      {Field("a", "1") + Field("b", "2") + Field("c", "3") + Close(), MultipartError::kTooLarge, "c"},
      {Field("a", std::string(10, 'v')) + Close(), MultipartError::kNone, ""},
      {Field("a", std::string(11, 'v')) + Close(), MultipartError::kTooLarge, "a"},
      {"--" + std::string(kBoundary) +
           "\r\nContent-Disposition: form-data; name=a\r\nX-Long: " + std::string(300, 'h') + "\r\n\r\nv\r\n" + Close(),
       MultipartError::kMalformed, ""},
  };
  for (const Case& c : cases) {
    for (const size_t chunk : {size_t{1}, size_t{13}, c.body.size()}) {
      SpoolDir dir;
      const MultipartBody m = Parse(c.body, chunk, dir.path(), limits);
      EXPECT_EQ(m.error, c.error) << c.body.substr(0, 120) << " chunk " << chunk;
      EXPECT_EQ(m.error_field, c.field);
      if (c.error != MultipartError::kNone) {
        EXPECT_TRUE(m.files.empty());
        EXPECT_EQ(dir.Count(), 0U);
      }
    }
  }
}

TEST(MultipartParser, FeedReturnsFalseOnceRefusedAndIgnoresTheRest) {
  SpoolDir dir;
  MultipartLimits limits;
  limits.max_file_bytes = 4;
  MultipartParser parser(std::string(kBoundary), dir.path(), limits);
  const std::string part = FilePart("a", "a.pdf", "");
  EXPECT_TRUE(parser.Feed(std::string_view(part).substr(0, part.size() - 2)));
  EXPECT_FALSE(parser.Feed(std::string(100, 'x')));
  EXPECT_FALSE(parser.Feed(Close()));
  const MultipartBody m = parser.Finish();
  EXPECT_EQ(m.error, MultipartError::kFileTooLarge);
  EXPECT_EQ(dir.Count(), 0U);
}

TEST(MultipartBody, SpoolFilesGoWithTheBodyUnlessReleased) {
  SpoolDir dir;
  const std::string body = FilePart("a", "a.pdf", "1") + FilePart("b", "b.pdf", "2") + Close();
  std::string kept;
  {
    MultipartBody m = Parse(body, 9, dir.path());
    ASSERT_TRUE(m.ok());
    ASSERT_EQ(dir.Count(), 2U);
    m.Release(1);
    kept = m.files[1].path;
    MultipartBody moved = std::move(m);
    EXPECT_EQ(dir.Count(), 2U);  // moving deletes nothing
  }
  EXPECT_EQ(dir.Count(), 1U);
  EXPECT_TRUE(std::filesystem::exists(kept));
}

TEST(MultipartParser, DroppedUnfinishedParserLeavesNoFile) {
  SpoolDir dir;
  {
    MultipartParser parser(std::string(kBoundary), dir.path(), {});
    parser.Feed(FilePart("a", "a.pdf", "done") + FilePart("b", "b.pdf", "half").substr(0, 120));
    EXPECT_GE(dir.Count(), 1U);
  }
  EXPECT_EQ(dir.Count(), 0U);
}

TEST(ParseMultipartFile, ReadsASpooledBody) {
  SpoolDir dir;
  std::filesystem::create_directories(dir.path());
  const std::string body_path = dir.path() + "/body";
  const std::string content(200 * 1024, 'q');
  {
    std::ofstream out(body_path, std::ios::binary);
    out << Field("x", "y") << FilePart("f", "a.pdf", content) << Close();
  }
  const MultipartBody m = ParseMultipartFile(body_path, std::string(kBoundary), dir.path() + "/spool", {});
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m.files.size(), 1U);
  EXPECT_EQ(m.files[0].bytes, content.size());
  EXPECT_EQ(ParseMultipartFile(dir.path() + "/missing", "b", dir.path(), {}).error, MultipartError::kIo);
}

}  // namespace
}  // namespace motcua::http
