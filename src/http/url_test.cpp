#include "http/url.hpp"

#include <gtest/gtest.h>

namespace motcua::http {

TEST(PercentDecode, DecodesEscapesAndPlus) {
  EXPECT_EQ(PercentDecode("dang+ky%20khai", true), "dang ky khai");
  EXPECT_EQ(PercentDecode("a+b", false), "a+b");
  EXPECT_EQ(PercentDecode("%C4%90%C4%83ng", true), "Đăng");
  EXPECT_EQ(PercentDecode("%c4%90", true), "Đ");
}

TEST(PercentDecode, RefusesBadEscapesInvalidUtf8AndNul) {
  EXPECT_FALSE(PercentDecode("%ZZ", true));
  EXPECT_FALSE(PercentDecode("%4", true));
  EXPECT_FALSE(PercentDecode("abc%", true));
  EXPECT_FALSE(PercentDecode("%C3%28", true));
  EXPECT_FALSE(PercentDecode("%FF", true));
  EXPECT_FALSE(PercentDecode("a%00b", true));
}

TEST(PercentEncode, KeepsUnreservedAndEncodesTheRest) {
  EXPECT_EQ(PercentEncode("dang ky"), "dang%20ky");
  EXPECT_EQ(PercentEncode("a&b=c"), "a%26b%3Dc");
  EXPECT_EQ(PercentDecode(PercentEncode("Đăng ký & nộp"), false), "Đăng ký & nộp");
}

TEST(ParseQuery, SplitsPairsInOrder) {
  const auto q = ParseQuery("q=dang+ky&field=ho-tich&&empty=&flag");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->size(), 4u);
  EXPECT_EQ((*q)[0], (std::pair<std::string, std::string>{"q", "dang ky"}));
  EXPECT_EQ((*q)[2].second, "");
  EXPECT_EQ((*q)[3].first, "flag");
  EXPECT_FALSE(ParseQuery("q=%ZZ"));
  std::string many;
  for (size_t i = 0; i <= kMaxQueryParams; ++i) {
    many += "a=1&";
  }
  EXPECT_FALSE(ParseQuery(many));
}

TEST(ParseTarget, SplitsPathAndQuery) {
  TargetError e;
  const auto t = ParseTarget("/thu-tuc/1.001193?lang=en#top", e);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/thu-tuc/1.001193");
  ASSERT_EQ(t->query.size(), 1u);
  EXPECT_EQ(t->query[0].second, "en");
}

TEST(ParseTarget, RefusesWithAReason) {
  TargetError e;
  EXPECT_FALSE(ParseTarget("http://example.org/", e));
  EXPECT_EQ(e.status, kBadRequest);
  EXPECT_FALSE(ParseTarget("/thu-tuc?q=%C3%28", e));
  EXPECT_EQ(e.status, kBadRequest);
  EXPECT_FALSE(e.reason.empty());
  EXPECT_FALSE(ParseTarget("/a%2", e));
  EXPECT_FALSE(ParseTarget("/" + std::string(kMaxTargetBytes, 'a'), e));
  EXPECT_EQ(e.status, kUriTooLong);
}

}  // namespace motcua::http
