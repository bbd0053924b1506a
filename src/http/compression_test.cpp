#include "http/compression.hpp"

#include <gtest/gtest.h>

namespace motcua::http {

namespace {

//! A page-like text of `n` bytes with Vietnamese in it, compressible but not trivially so.
std::string PageText(size_t n) {
  std::string out;
  for (int32_t i = 0; out.size() < n; ++i) {
    out += "<li><a href=\"/thu-tuc/1.00" + std::to_string(i) + "\">Đăng ký khai sinh số " + std::to_string(i * 7) +
           "</a></li>\n";
  }
  out.resize(n);
  return out;
}

std::string Join(const DeflatePart& a, const DeflatePart& b, const DeflatePart& c) {
  return std::string(GzipHeader()) + a.bytes + b.bytes + c.bytes + GzipTrailer(a, b, c);
}

}  // namespace

TEST(AcceptEncoding, ChoosesTheCodingTheClientAccepts) {
  // {Accept-Encoding, brotli available, coding sent}: one line per case.
  const struct {
    std::string_view header;
    bool brotli;
    Coding expected;
  } kCases[] = {
      {"gzip, deflate, br, zstd", true, Coding::kBrotli},  // Chromium
      {"gzip, deflate, br", false, Coding::kGzip},         // no brotli variant
      {"gzip", true, Coding::kGzip},
      {"GZIP", true, Coding::kGzip},  // names ignore case
      {"x-gzip", true, Coding::kGzip},
      {"br", true, Coding::kBrotli},
      {"br", false, Coding::kIdentity},
      {"", true, Coding::kIdentity},  // no header: the body as it is
      {"identity", true, Coding::kIdentity},
      {"deflate", true, Coding::kIdentity},
      {"gzip;q=0", true, Coding::kIdentity},
      {"gzip;q=0.000, br;q=0", true, Coding::kIdentity},
      {"br;q=0, gzip", true, Coding::kGzip},
      {"br;q=0.5, gzip;q=0.8", true, Coding::kGzip},    // the higher weight wins
      {"br;q=0.8, gzip;q=0.8", true, Coding::kBrotli},  // br wins a tie
      {"*", true, Coding::kBrotli},
      {"*;q=0", true, Coding::kIdentity},
      {"*, gzip;q=0", false, Coding::kIdentity},  // a named coding beats `*` whatever the order
      {"*, br;q=0", true, Coding::kGzip},
      {"gzip;q=0.5, identity", true, Coding::kIdentity},  // identity preferred
      {"gzip;q=1, identity;q=0.5", true, Coding::kGzip},
      {"gzip;q=2", true, Coding::kIdentity},       // a malformed weight drops the item
      {"gzip;q=0.5000", true, Coding::kIdentity},  // four decimals: malformed
      {"gzip;level=1", true, Coding::kIdentity},   // an unknown parameter: ignored item
      {"gzip ; q=0.3 , br ; Q=0", true, Coding::kGzip},
      {" , ,gzip", true, Coding::kGzip},
      {"gzip;q=1.0, gzip;q=0", true, Coding::kGzip},  // the first mention counts
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ChooseCoding(c.header, c.brotli), c.expected) << "Accept-Encoding: " << c.header;
  }
}

TEST(AcceptEncoding, ParsesWeights) {
  const AcceptedCodings a = ParseAcceptEncoding("gzip;q=0.25, *;q=0.1");
  EXPECT_EQ(a.gzip, 250);
  EXPECT_EQ(a.brotli, 100);
  EXPECT_EQ(a.identity, 100);
  EXPECT_EQ(ParseAcceptEncoding("br").gzip, AcceptedCodings::kUnlisted);
}

TEST(Compression, OnlyTextTypesAreCompressed) {
  EXPECT_TRUE(IsCompressibleType("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("application/json"));
  EXPECT_TRUE(IsCompressibleType("Application/JSON; charset=utf-8"));
  EXPECT_TRUE(IsCompressibleType("image/svg+xml"));
  EXPECT_FALSE(IsCompressibleType("font/woff2"));
  EXPECT_FALSE(IsCompressibleType("image/png"));
  EXPECT_FALSE(IsCompressibleType("application/pdf"));
  EXPECT_FALSE(IsCompressibleType("application/octet-stream"));
  EXPECT_FALSE(IsCompressibleType(""));
}

TEST(Compression, GzipAndBrotliRoundTrip) {
  const std::string plain = PageText(20000);
  const std::string gz = GzipCompress(plain);
  const std::string br = BrotliCompress(plain);
  EXPECT_LT(gz.size(), plain.size() / 4);
  EXPECT_LT(br.size(), plain.size() / 4);
  EXPECT_EQ(Decompress(Coding::kGzip, gz), plain);
  EXPECT_EQ(Decompress(Coding::kBrotli, br), plain);
  EXPECT_EQ(Decompress(Coding::kGzip, GzipCompress("")), "");
}

TEST(Compression, CorruptOrTruncatedStreamsAreRefused) {
  const std::string plain = PageText(5000);
  const std::string gz = GzipCompress(plain);
  const std::string br = BrotliCompress(plain);
  EXPECT_FALSE(Decompress(Coding::kGzip, gz.substr(0, gz.size() - 1)));
  EXPECT_FALSE(Decompress(Coding::kBrotli, br.substr(0, br.size() / 2)));
  EXPECT_FALSE(Decompress(Coding::kGzip, plain));
  EXPECT_FALSE(Decompress(Coding::kGzip, gz + gz));               // one member only
  EXPECT_FALSE(Decompress(Coding::kGzip, gz, plain.size() - 1));  // larger than allowed
  std::string flipped = gz;
  flipped[flipped.size() - 6] = static_cast<char>(flipped[flipped.size() - 6] ^ 1);  // the CRC-32
  EXPECT_FALSE(Decompress(Coding::kGzip, flipped));
}

TEST(Compression, PartsCompressedApartJoinIntoOneGzipMember) {
  const std::string before = PageText(9000);
  const std::string after = PageText(7000);
  const DeflatePart first = DeflatePartOf(before, false);
  const DeflatePart last = DeflatePartOf(after, true);
  for (const std::string& middle : {std::string(), std::string("<li>Nguyễn Văn An</li>"), PageText(3000)}) {
    const DeflatePart part = DeflatePartOf(middle, false);
    const std::optional<std::string> plain = Decompress(Coding::kGzip, Join(first, part, last));
    ASSERT_TRUE(plain) << "middle of " << middle.size() << " bytes";
    EXPECT_EQ(*plain, before + middle + after);
  }
}

TEST(Compression, AWrongTrailerIsDetected) {
  const DeflatePart a = DeflatePartOf("abc", false);
  const DeflatePart b = DeflatePartOf("def", false);
  const DeflatePart c = DeflatePartOf("ghi", true);
  // Parts joined in another order than their trailer says: the CRC-32 no longer matches.
  const std::string wrong = std::string(GzipHeader()) + b.bytes + a.bytes + c.bytes + GzipTrailer(a, b, c);
  EXPECT_FALSE(Decompress(Coding::kGzip, wrong));
  EXPECT_EQ(Decompress(Coding::kGzip, Join(a, b, c)), "abcdefghi");
}

TEST(CompressResponse, CompressesLargeTextForAClientThatAcceptsIt) {
  const std::string page = PageText(5000);
  Response res = Response::Html(page);
  res.Set("ETag", "\"abc\"");
  CompressResponse("gzip, br", res);
  EXPECT_EQ(res.Get("Content-Encoding"), "br");
  EXPECT_EQ(res.Get("Vary"), "Accept-Encoding");
  EXPECT_EQ(res.Get("ETag"), "W/\"abc\"");
  EXPECT_EQ(Decompress(Coding::kBrotli, res.Body()), page);

  Response gz = Response::Json(page);
  CompressResponse("gzip", gz);
  EXPECT_EQ(gz.Get("Content-Encoding"), "gzip");
  EXPECT_EQ(Decompress(Coding::kGzip, gz.Body()), page);
}

TEST(CompressResponse, LeavesOtherResponsesAsTheyAre) {
  const std::string page = PageText(5000);
  Response identity = Response::Html(page);
  CompressResponse("identity", identity);
  EXPECT_EQ(identity.Get("Content-Encoding"), "");
  EXPECT_EQ(identity.Get("Vary"), "Accept-Encoding");  // the answer depends on the header all the same
  EXPECT_EQ(identity.Body(), page);

  Response refused = Response::Html(page);
  CompressResponse("gzip;q=0, br;q=0", refused);
  EXPECT_EQ(refused.Get("Content-Encoding"), "");
  EXPECT_EQ(refused.Body(), page);

  Response small = Response::Html(std::string(kMinCompressBytes - 1, 'x'));
  CompressResponse("gzip", small);
  EXPECT_EQ(small.Get("Content-Encoding"), "");
  EXPECT_EQ(small.Get("Vary"), "");

  Response pdf;
  pdf.Set("Content-Type", "application/pdf");
  pdf.body = page;
  CompressResponse("gzip", pdf);
  EXPECT_EQ(pdf.Get("Content-Encoding"), "");
  EXPECT_EQ(pdf.body, page);

  Response varied = Response::Html(page);
  varied.Set("Vary", "Cookie");
  CompressResponse("identity", varied);
  EXPECT_EQ(varied.Get("Vary"), "Cookie, Accept-Encoding");
  CompressResponse("identity", varied);
  EXPECT_EQ(varied.Get("Vary"), "Cookie, Accept-Encoding");  // named once

  Response coded = Response::Text(page);
  coded.Set("Content-Encoding", "gzip");  // already coded: never twice
  CompressResponse("gzip", coded);
  EXPECT_EQ(coded.body, page);
}

}  // namespace motcua::http
