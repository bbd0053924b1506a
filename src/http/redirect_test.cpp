//! SameOriginPath: a "next" target is accepted only when a browser would stay on this site with it. The hostile
//! inputs are what a browser's URL parser turns into another origin (tabs and newlines are dropped, `\` is `/`,
//! `//host` is a host) or what a chain of decoders could turn into one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/url.hpp"

namespace motcua::http {
namespace {

TEST(SameOriginPath, KeepsPathsOfThisSite) {
  const std::vector<std::string> good = {
      "/",
      "/tai-khoan",
      "/tai-khoan/",
      "/thu-tuc/1.000656",
      "/thu-tuc?q=khai%20sinh&trang=2",
      "/thu-tuc?q=a//b",
      "/tai-khoan#phien",
      "/co-quan/000.00.01.H40",
      "/quan-tri/can-bo/12?tb=vai-tro",
      "/tim?q=%C4%91%C4%83ng+k%C3%BD",
      "/a/.well-known",
  };
  for (const std::string& g : good) {
    EXPECT_EQ(SameOriginPath(g), g) << g;
  }
}

TEST(SameOriginPath, RefusesEveryWayToAnotherOrigin) {
  // Each value is what the query parser hands over, i.e. already decoded once.
  const std::vector<std::string> hostile = {
      "",
      "/\t/evil.example",              // the reported one: browsers drop the tab and read //evil.example
      "/\n/evil.example",              // newline, dropped the same way
      "/\r/evil.example",              // carriage return
      "\t//evil.example",              // leading tab
      " /evil",                        // leading space (stripped by browsers)
      "/ /evil.example",               // space
      "//evil.example",                // protocol-relative
      "///evil.example",               // three slashes
      "/\\evil.example",               // backslash read as slash: //evil.example
      "\\\\evil.example",              // two backslashes
      "\\/evil.example",               // backslash then slash
      "/%2F/evil.example",             // encoded slash: decodes to //evil.example
      "/%2f%2fevil.example",           // lower-case escapes
      "/%5Cevil.example",              // encoded backslash
      "/%252F/evil.example",           // double-encoded slash
      "/%25252F/evil.example",         // triple-encoded slash
      "/%09/evil.example",             // encoded tab
      "/%0a/evil.example",             // encoded newline
      "https:evil.example",            // scheme-relative with a special scheme
      "https://evil.example/",         // absolute URL
      "http:/evil.example",            // scheme with one slash
      "javascript:alert(1)",           // script URL
      "JaVaScRiPt:alert(1)",           // any case
      "data:text/html,<script>",       // data URL
      "evil.example",                  // relative path (not path-absolute)
      "./evil",                        // dot-relative
      "/../evil.example",              // dot segments: normalised away by the browser
      "/a/../..//evil.example",        // dot segments that leave //evil.example
      "/%2e%2e/%2e%2e//evil.example",  // encoded dot segments
      "/a/./b",                        // single-dot segment
      "/\xEF\xBC\x8F\xEF\xBC\x8F"
      "evil.example",  // fullwidth solidus U+FF0F
      "/\xE2\x88\x95"
      "evil.example",  // division slash U+2215
      "/\xE2\x80\xAE"
      "elpmaxe.live",            // right-to-left override U+202E
      "/%E2%88%95evil.example",  // encoded division slash
      "/\x7f/evil.example",      // DEL
      "/\x0b/evil.example",      // vertical tab
      "/a%00b",                  // encoded NUL
      "/%ZZ",                    // bad escape
      "/%",                      // truncated escape
      "@evil.example",           // userinfo-looking
  };
  for (const std::string& h : hostile) {
    EXPECT_FALSE(SameOriginPath(h).has_value()) << "accepted: " << h;
  }
  // NUL then a protocol-relative tail, built with its size (a literal would stop at the NUL).
  EXPECT_FALSE(SameOriginPath(std::string("/tai-khoan\0//evil.example", 25)).has_value());
}

TEST(SameOriginPath, RefusesAPathStillEncodedAfterEveryDecodingChecked) {
  EXPECT_FALSE(SameOriginPath("/%25252541").has_value());  // "/A" only after four decodings
  EXPECT_EQ(SameOriginPath("/%252541"), "/%252541");       // "/A" after three
  EXPECT_FALSE(SameOriginPath("/a%2520b").has_value());    // a space after two
}

TEST(SameOriginPath, RefusesATargetLongerThanTheServerAccepts) {
  EXPECT_FALSE(SameOriginPath("/" + std::string(kMaxTargetBytes, 'a')).has_value());
  EXPECT_TRUE(SameOriginPath("/" + std::string(kMaxTargetBytes - 1, 'a')).has_value());
}

}  // namespace
}  // namespace motcua::http
