#include "domain/text.hpp"

#include <gtest/gtest.h>

namespace motcua::domain {

TEST(Fold, RemovesVietnameseAccentsAndLowercases) {
  EXPECT_EQ(Fold("Đăng ký khai sinh"), "dang ky khai sinh");
  EXPECT_EQ(Fold("ĐỔI GIẤY PHÉP LÁI XE"), "doi giay phep lai xe");
  EXPECT_EQ(Fold("Chứng thực bản sao từ bản chính"), "chung thuc ban sao tu ban chinh");
  EXPECT_EQ(Fold("Ủy ban nhân dân xã Hồng Thuận"), "uy ban nhan dan xa hong thuan");
}

TEST(Fold, FoldsDStrokeWhichUnicodeDoesNotDecompose) {
  EXPECT_EQ(Fold("đ"), "d");
  EXPECT_EQ(Fold("Đ"), "d");
  EXPECT_EQ(Fold("đường"), "duong");
}

TEST(Fold, AccentedAndPlainQueriesAreEqual) {
  EXPECT_EQ(Fold("dang ky khai sinh"), Fold("Đăng ký khai sinh"));
  EXPECT_EQ(Fold("doi giay phep"), Fold("Đổi giấy phép"));
}

TEST(Fold, DecomposedInputFoldsLikeComposed) {
  // "ký" written as k + y + combining acute (NFD), as some phones send it.
  EXPECT_EQ(Fold("k\x79\xCC\x81"), "ky");
  EXPECT_EQ(Fold("Vie\xCC\xA3\xCC\x82t"), "viet");
}

TEST(Fold, PunctuationAndSpacesCollapse) {
  EXPECT_EQ(Fold("  khai-sinh,  (kết hôn)!  "), "khai sinh ket hon");
  EXPECT_EQ(Fold("a\xC2\xA0"
                 "b"),
            "a b");  // no-break space
  EXPECT_EQ(Fold(""), "");
  EXPECT_EQ(Fold("   "), "");
}

TEST(Fold, KeepsDotsInsideProcedureCodesOnly) {
  EXPECT_EQ(Fold("1.001193"), "1.001193");
  EXPECT_EQ(Fold("hết. Mới"), "het moi");
  EXPECT_EQ(Fold("v1.2."), "v1.2");
}

TEST(Fold, InvalidUtf8BecomesASeparatorNotACrash) {
  EXPECT_EQ(Fold("ab\xFF"
                 "cd"),
            "ab cd");
  EXPECT_EQ(Fold("\xC3"), "");
  EXPECT_EQ(Fold("\xE1\xBA"), "");
  EXPECT_EQ(Fold("\xED\xA0\x80"), "");  // UTF-16 surrogate encoded in UTF-8
  EXPECT_EQ(Fold("\xC0\xAF"), "");      // overlong '/'
}

TEST(Slug, JoinsFoldedWordsWithDashes) {
  EXPECT_EQ(Slug("Hộ tịch"), "ho-tich");
  EXPECT_EQ(Slug("Đất đai"), "dat-dai");
  EXPECT_EQ(Slug("Thành lập và hoạt động của hộ kinh doanh"), "thanh-lap-va-hoat-dong-cua-ho-kinh-doanh");
}

TEST(Utf8, ValidatesStrictly) {
  EXPECT_TRUE(IsValidUtf8("Nam Định"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("\xEF\xBF\xBD"));  // U+FFFD itself is valid
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("abc\xE1\xBA"));
}

TEST(Text, CollapseSpacesAndCountCodePoints) {
  EXPECT_EQ(CollapseSpaces("  a \t b\n"), "a b");
  EXPECT_EQ(CodePointCount("Đăng"), 4u);
}

}  // namespace motcua::domain

namespace motcua::domain {

TEST(SplitList, KeepsNonEmptyTrimmedPieces) {
  EXPECT_EQ(SplitList("Bộ Tư pháp; Bộ Công an;;  ", ";"), (std::vector<std::string>{"Bộ Tư pháp", "Bộ Công an"}));
  EXPECT_EQ(SplitList("a | b |c", "|"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(SplitList("", ",").empty());
  EXPECT_EQ(SplitList("dang  ky", " "), (std::vector<std::string>{"dang", "ky"}));
}

}  // namespace motcua::domain
