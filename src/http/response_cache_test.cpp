#include "http/response_cache.hpp"

#include <gtest/gtest.h>

namespace motcua::http {

namespace {

constexpr int64_t kVersion = 7;

std::shared_ptr<const CachedResponse> Page(std::string body) {
  Response res = Response::Html(std::move(body));
  res.Set("ETag", "W/\"abc\"");
  res.Set("Cache-Control", "no-cache");
  return MakeCachedResponse(res, {{"X-Frame-Options", "DENY"}}, "<!--a-->", "<!--/a-->");
}

//! A page large enough to be kept compressed, its account area between the markers.
std::string BigPage(std::string_view account) {
  std::string half;
  for (int32_t i = 0; half.size() < 3 * kMinCompressBytes; ++i) {
    half += "<li><a href=\"/thu-tuc/" + std::to_string(i) + "\">Thủ tục số " + std::to_string(i) + "</a></li>";
  }
  return "<ul>" + half + "<!--a-->" + std::string(account) + "<!--/a-->" + half + "</ul>";
}

std::string Assemble(const Response& res) {
  std::string out;
  for (const std::string_view piece : CachedBodyPieces(res)) {
    out += piece;
  }
  return out;
}

//! The body a client receives for `res` after EncodeForClient(accept), decoded as its Content-Encoding says.
std::string Received(Response res, std::string_view accept) {
  EncodeForClient(accept, res);
  const std::string_view name = res.Get("Content-Encoding");
  const Coding coding = name == "br" ? Coding::kBrotli : name == "gzip" ? Coding::kGzip : Coding::kIdentity;
  return Decompress(coding, Assemble(res)).value_or("<not a valid stream>");
}

}  // namespace

TEST(ResponseCache, EvictsTheLeastRecentlyUsedEntryFirst) {
  ResponseCache cache(3, size_t{1} << 20);
  cache.Put("a", kVersion, Page("A"));
  cache.Put("b", kVersion, Page("B"));
  cache.Put("c", kVersion, Page("C"));
  ASSERT_NE(cache.Get("a", kVersion), nullptr);  // "a" is now the most recent; "b" the least
  cache.Put("d", kVersion, Page("D"));
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_EQ(cache.Get("b", kVersion), nullptr);
  EXPECT_NE(cache.Get("a", kVersion), nullptr);
  EXPECT_NE(cache.Get("c", kVersion), nullptr);
  EXPECT_NE(cache.Get("d", kVersion), nullptr);
}

TEST(ResponseCache, RandomKeysDoNotFlushTheHotEntry) {
  constexpr int32_t kRandomKeys = 1000;
  ResponseCache cache(10, size_t{1} << 20);
  cache.Put("hot", kVersion, Page("hot"));
  for (int32_t i = 0; i < kRandomKeys; ++i) {
    cache.Put("q" + std::to_string(i), kVersion, Page("x"));
    ASSERT_NE(cache.Get("hot", kVersion), nullptr) << "after " << i << " other keys";
  }
  EXPECT_EQ(cache.size(), 10U);
}

TEST(ResponseCache, KeepsWithinTheByteBound) {
  const size_t one = Page(std::string(1000, 'x'))->Bytes() + 1;  // + the one-byte key
  ResponseCache cache(100, 3 * one);
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    cache.Put(key, kVersion, Page(std::string(1000, 'x')));
    EXPECT_LE(cache.bytes(), 3 * one);
  }
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_EQ(cache.Get("a", kVersion), nullptr);
  EXPECT_EQ(cache.Get("b", kVersion), nullptr);
  EXPECT_NE(cache.Get("e", kVersion), nullptr);
}

TEST(ResponseCache, AnEntryLargerThanTheWholeCacheIsNotStored) {
  ResponseCache cache(100, 2000);
  cache.Put("small", kVersion, Page("s"));
  cache.Put("huge", kVersion, Page(std::string(5000, 'x')));
  EXPECT_EQ(cache.Get("huge", kVersion), nullptr);
  EXPECT_NE(cache.Get("small", kVersion), nullptr);
}

TEST(ResponseCache, ANewVersionDropsEveryEntryAndAnOldOneIsNotStored) {
  ResponseCache cache(10, size_t{1} << 20);
  cache.Put("a", kVersion, Page("A"));
  EXPECT_EQ(cache.Get("a", kVersion + 1), nullptr);
  cache.Put("b", kVersion + 1, Page("B"));
  EXPECT_EQ(cache.Get("a", kVersion + 1), nullptr);
  EXPECT_EQ(cache.size(), 1U);
  cache.Put("c", kVersion, Page("C"));  // rendered from the replaced snapshot
  EXPECT_EQ(cache.Get("c", kVersion + 1), nullptr);
  EXPECT_EQ(cache.Get("c", kVersion), nullptr);
}

TEST(ResponseCache, ReplacingAKeyKeepsTheCountAndBytesRight) {
  ResponseCache cache(10, size_t{1} << 20);
  cache.Put("a", kVersion, Page("first"));
  const size_t bytes = cache.bytes();
  cache.Put("a", kVersion, Page("later"));
  EXPECT_EQ(cache.size(), 1U);
  EXPECT_EQ(cache.bytes(), bytes);
  EXPECT_EQ(*cache.Get("a", kVersion)->body, "later");
}

TEST(ResponseCache, ZeroCapacityCachesNothing) {
  ResponseCache cache(0, size_t{1} << 20);
  cache.Put("a", kVersion, Page("A"));
  EXPECT_EQ(cache.Get("a", kVersion), nullptr);
}

TEST(NormalisedKey, QueryOrderAndTheLangParameterDoNotMatter) {
  const Pairs one = {{"q", "đăng ký"}, {"linh_vuc", "1"}, {"lang", "en"}};
  const Pairs two = {{"linh_vuc", "1"}, {"q", "đăng ký"}};
  EXPECT_EQ(NormalisedKey("/thu-tuc", one, "en"), NormalisedKey("/thu-tuc", two, "en"));
  EXPECT_NE(NormalisedKey("/thu-tuc", two, "en"), NormalisedKey("/thu-tuc", two, "vi"));
  EXPECT_NE(NormalisedKey("/thu-tuc", two, "vi"), NormalisedKey("/linh-vuc", two, "vi"));
}

TEST(NormalisedKey, RepeatedNamesKeepTheirOrderAndValuesCannotForgeSeparators) {
  const Pairs ab = {{"x", "a"}, {"x", "b"}};
  const Pairs ba = {{"x", "b"}, {"x", "a"}};
  EXPECT_NE(NormalisedKey("/", ab, "vi"), NormalisedKey("/", ba, "vi"));
  const Pairs joined = {{"a", "1&b=2"}};
  const Pairs split = {{"a", "1"}, {"b", "2"}};
  EXPECT_NE(NormalisedKey("/", joined, "vi"), NormalisedKey("/", split, "vi"));
  EXPECT_NE(NormalisedKey("/a", {}, "vi"), NormalisedKey("/", {{"a", ""}}, "vi"));
}

TEST(CachedResponse, HeadsAreSerialisedOnceWithTheFixedHeaders) {
  const auto entry = Page("<p><!--a-->anonymous<!--/a--></p>");
  EXPECT_EQ(entry->head.rfind("HTTP/1.1 200 OK\r\nServer: motcua\r\n", 0), 0U);
  EXPECT_NE(entry->head.find("ETag: W/\"abc\"\r\n"), std::string::npos);
  EXPECT_NE(entry->head.find("Cache-Control: no-cache\r\n"), std::string::npos);
  EXPECT_NE(entry->head.find("X-Frame-Options: DENY\r\n"), std::string::npos);
  EXPECT_EQ(entry->head.find("Date:"), std::string::npos);
  EXPECT_EQ(entry->personal_head.find("ETag"), std::string::npos);
  EXPECT_NE(entry->personal_head.find("Cache-Control: no-store\r\n"), std::string::npos);
  EXPECT_EQ(entry->personal_head.find("no-cache"), std::string::npos);
  EXPECT_NE(entry->personal_head.find("X-Frame-Options: DENY\r\n"), std::string::npos);
}

TEST(CachedResponse, TheSlotIsFilledPerRequestAndTheCachedBodyIsUnchanged) {
  const auto entry = Page("<p><!--a-->anonymous<!--/a--></p>");
  ASSERT_TRUE(entry->HasSlot());
  Response anonymous;
  anonymous.cached = entry;
  EXPECT_EQ(Assemble(anonymous), "<p><!--a-->anonymous<!--/a--></p>");
  Response personal;
  personal.cached = entry;
  personal.personal = true;
  personal.slot = "Nguyễn Văn An";
  EXPECT_EQ(Assemble(personal), "<p><!--a-->Nguyễn Văn An<!--/a--></p>");
  EXPECT_EQ(*entry->body, "<p><!--a-->anonymous<!--/a--></p>");
}

TEST(CachedResponse, ABodyWithoutBothMarkersHasNoSlot) {
  EXPECT_FALSE(Page("<p>no markers</p>")->HasSlot());
  EXPECT_FALSE(Page("<p><!--a-->open only</p>")->HasSlot());
  EXPECT_FALSE(Page("<p><!--/a-->close first<!--a--></p>")->HasSlot());
  Response personal;
  personal.cached = Page("{\"json\":true}");
  personal.personal = true;
  personal.slot = "ignored";
  EXPECT_EQ(Assemble(personal), "{\"json\":true}");
}

TEST(CachedResponse, TheTailCarriesDateRequestHeadersLengthAndConnection) {
  Response res;
  res.cached = Page("body");
  res.headers.emplace_back("X-Request-Id", "42");
  const std::string tail = CachedHeadTail(res, 4, true, false, "Sun, 29 Nov 2026 00:00:00 GMT");
  EXPECT_EQ(tail, "Date: Sun, 29 Nov 2026 00:00:00 GMT\r\nX-Request-Id: 42\r\nContent-Length: 4\r\n\r\n");
  EXPECT_NE(CachedHeadTail(res, 4, false, false, "d").find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(CachedHeadTail(res, 4, true, true, "d").find("Connection: keep-alive\r\n"), std::string::npos);
}

TEST(CachedResponse, ALargeTextBodyIsKeptInBrotliAndGzipAndSaysVary) {
  const auto entry = Page(BigPage("anonymous"));
  ASSERT_TRUE(entry->Compressed());
  EXPECT_LT(entry->brotli->size(), entry->body->size() / 4);
  EXPECT_NE(entry->head.find("Vary: Accept-Encoding\r\n"), std::string::npos);
  EXPECT_NE(entry->personal_head.find("Vary: Accept-Encoding\r\n"), std::string::npos);
  EXPECT_FALSE(Page("<p>small</p>")->Compressed());
  EXPECT_EQ(Page("<p>small</p>")->head.find("Vary"), std::string::npos);
  Response png;
  png.Set("Content-Type", "image/png");
  png.body = BigPage("x");
  EXPECT_FALSE(MakeCachedResponse(png)->Compressed());
}

TEST(CachedResponse, AnAnonymousVisitorGetsTheStoredVariantItAccepts) {
  const std::string page = BigPage("anonymous");
  Response res;
  res.cached = Page(page);
  for (const std::string_view accept : {"gzip, deflate, br", "gzip", "br", "identity", "", "gzip;q=0, br;q=0"}) {
    EXPECT_EQ(Received(res, accept), page) << "Accept-Encoding: " << accept;
  }
  Response br = res;
  EncodeForClient("gzip, deflate, br", br);
  EXPECT_EQ(br.Get("Content-Encoding"), "br");
  EXPECT_EQ(Assemble(br), *res.cached->brotli);  // the stored bytes: nothing compressed for this request
  Response gz = res;
  EncodeForClient("gzip", gz);
  EXPECT_EQ(gz.Get("Content-Encoding"), "gzip");
  Response plain = res;
  EncodeForClient("identity", plain);
  EXPECT_EQ(plain.Get("Content-Encoding"), "");
}

TEST(CachedResponse, ASignedInCallersPageIsGzipWithOnlyTheSlotCompressedNow) {
  Response res;
  res.cached = Page(BigPage("anonymous"));
  res.personal = true;
  res.slot = "<li>Nguyễn Văn An</li>";
  const std::string expected = BigPage("<li>Nguyễn Văn An</li>");
  EXPECT_EQ(Received(res, "gzip, deflate, br"), expected);
  EXPECT_EQ(Received(res, "br"), expected);  // brotli only: sent as it is
  EXPECT_EQ(Received(res, "identity"), expected);
  Response gz = res;
  EncodeForClient("gzip, deflate, br", gz);
  EXPECT_EQ(gz.Get("Content-Encoding"), "gzip");
  const std::array<std::string_view, 4> pieces = CachedBodyPieces(gz);
  EXPECT_EQ(pieces[0], res.cached->gzip[0].bytes);  // the fixed parts are the stored ones
  EXPECT_EQ(pieces[2], res.cached->gzip[2].bytes);
  Response br = res;
  EncodeForClient("br", br);
  EXPECT_EQ(br.Get("Content-Encoding"), "");
}

TEST(CachedResponse, APageWithoutASlotKeepsBrotliForASignedInCaller) {
  std::string page = BigPage("x");
  page.replace(page.find("<!--a-->"), 8, "<!--b-->");
  Response res;
  res.cached = Page(page);
  ASSERT_FALSE(res.cached->HasSlot());
  res.personal = true;
  res.slot = "ignored";
  Response br = res;
  EncodeForClient("br, gzip", br);
  EXPECT_EQ(br.Get("Content-Encoding"), "br");
  EXPECT_EQ(Received(res, "br, gzip"), page);
  EXPECT_EQ(Received(res, "gzip"), page);
}

}  // namespace motcua::http
