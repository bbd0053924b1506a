#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace motcua::http {

namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(testing::TempDir()) / ("static_" + std::to_string(::getpid()));
    fs::create_directories(root_ / "fonts");
    Write(root_ / "app.0123abcd.css", "body{color:red}");
    Write(root_ / "app.0123abcd.css.gz", "GZ");
    Write(root_ / "app.0123abcd.css.br", "BR");
    Write(root_ / "fonts" / "x.woff2", "FONT");
    Write(root_ / "manifest.json", R"({"app.css": "/static/app.0123abcd.css"})");
    Write(root_.parent_path() / "secret.txt", "SECRET");
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& p, std::string_view content) { std::ofstream(p) << content; }
  Request Get(std::string path, std::vector<std::pair<std::string, std::string>> headers = {}) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    r.headers = std::move(headers);
    return r;
  }
  fs::path root_;
};

}  // namespace

TEST_F(StaticFilesTest, FingerprintedFilesAreImmutableWithAStrongEtag) {
  const StaticFiles files(root_.string(), "/static/");
  const auto res = files.Serve(Get("/static/app.0123abcd.css"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->Body(), "body{color:red}");
  EXPECT_EQ(res->Get("Content-Type"), "text/css; charset=utf-8");
  EXPECT_NE(res->Get("Cache-Control").find("immutable"), std::string_view::npos);
  EXPECT_EQ(res->Get("ETag").substr(0, 1), "\"");
  const auto font = files.Serve(Get("/static/fonts/x.woff2"));
  ASSERT_TRUE(font);
  EXPECT_EQ(font->Get("Cache-Control").find("immutable"), std::string_view::npos);
  EXPECT_EQ(files.AssetUrl("app.css"), "/static/app.0123abcd.css");
  EXPECT_EQ(files.AssetUrl("missing.css"), "");
}

TEST_F(StaticFilesTest, MatchingEtagGives304) {
  const StaticFiles files(root_.string(), "/static/");
  const std::string etag(files.Serve(Get("/static/app.0123abcd.css"))->Get("ETag"));
  const auto res = files.Serve(Get("/static/app.0123abcd.css", {{"if-none-match", "\"other\", " + etag}}));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, kNotModified);
  EXPECT_TRUE(res->Body().empty());
}

TEST_F(StaticFilesTest, PrecompressedVariantsFollowAcceptEncoding) {
  const StaticFiles files(root_.string(), "/static/");
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "gzip, br"}}))->Body(), "BR");
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "gzip"}}))->Body(), "GZ");
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "br;q=0, gzip"}}))->Body(), "GZ");
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css"))->Body(), "body{color:red}");
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "br"}}))->Get("Vary"), "Accept-Encoding");
}

TEST_F(StaticFilesTest, EachEncodingHasItsOwnEtag) {
  const StaticFiles files(root_.string(), "/static/");
  const std::string plain(files.Serve(Get("/static/app.0123abcd.css"))->Get("ETag"));
  const std::string br(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "br"}}))->Get("ETag"));
  const std::string gz(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "gzip"}}))->Get("ETag"));
  EXPECT_NE(plain, br);
  EXPECT_NE(plain, gz);
  EXPECT_NE(br, gz);
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "br"}, {"if-none-match", br}}))->status,
            kNotModified);
  // The plain ETag does not validate the compressed representation.
  EXPECT_EQ(files.Serve(Get("/static/app.0123abcd.css", {{"accept-encoding", "br"}, {"if-none-match", plain}}))->status,
            kOk);
}

TEST_F(StaticFilesTest, OnlyFilesLoadedAtStartCanBeServed) {
  const StaticFiles files(root_.string(), "/static/");
  EXPECT_FALSE(files.Serve(Get("/static/../secret.txt")));
  EXPECT_FALSE(files.Serve(Get("/static/fonts/../../secret.txt")));
  EXPECT_FALSE(files.Serve(Get("/static/app.0123abcd.css.gz")));  // variants only through Accept-Encoding
  EXPECT_FALSE(files.Serve(Get("/static/")));
  EXPECT_FALSE(files.Serve(Get("/app.0123abcd.css")));
}

TEST(AcceptsEncoding, ParsesQualityValues) {
  EXPECT_TRUE(AcceptsEncoding("gzip, deflate, br", "br"));
  EXPECT_FALSE(AcceptsEncoding("gzip;q=0", "gzip"));
  EXPECT_TRUE(AcceptsEncoding("*", "br"));
  EXPECT_FALSE(AcceptsEncoding("", "gzip"));
  EXPECT_FALSE(AcceptsEncoding("brotli", "br"));
  EXPECT_FALSE(AcceptsEncoding("*, gzip;q=0", "gzip"));  // a named coding's weight beats `*` whatever the order
  EXPECT_TRUE(AcceptsEncoding("*, gzip;q=0", "br"));
}

}  // namespace motcua::http

namespace motcua::http {

TEST(EntityTag, WeakAndStrongTagsOfTheSameContent) {
  const std::string strong = EntityTag("trang", false);
  const std::string weak = EntityTag("trang", true);
  EXPECT_EQ(weak, "W/" + strong);
  EXPECT_NE(strong, EntityTag("trang khác", false));
  EXPECT_TRUE(EtagMatches(strong, weak));                        // weak comparison, both ways
  EXPECT_TRUE(EtagMatches("\"x\", " + weak + ", \"y\"", weak));  // a list from the client
  EXPECT_TRUE(EtagMatches("*", weak));
  EXPECT_FALSE(EtagMatches("\"x\"", weak));
  EXPECT_FALSE(EtagMatches("", strong));
}

}  // namespace motcua::http
