#include "domain/password_policy.hpp"
#include "app/build_paths.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace motcua::domain {
namespace {

// clang-format off
const std::string kEmpty = "Nhập mật khẩu";
const std::string kTooShort = "Mật khẩu phải có ít nhất 8 ký tự";
const std::string kTooLong = "Mật khẩu quá dài. Hãy dùng tối đa 256 ký tự, chữ có dấu được tính là 2 hoặc 3 ký tự";
const std::string kUnreadable = "Mật khẩu có ký tự không đọc được. Hãy gõ lại mật khẩu";
const std::string kCommon = "Mật khẩu này quá phổ biến hoặc dễ đoán. Hãy chọn một cụm từ dài hơn mà chỉ bạn biết";
const std::string kPersonal = "Mật khẩu không được chứa số định danh, số điện thoại, tên đăng nhập hay địa chỉ thư điện tử của bạn";
const std::string kNameOrBirth = "Mật khẩu không được chứa tên hay ngày, năm sinh của bạn. Hãy chọn một cụm từ mà người biết bạn không đoán ra";
// clang-format on

std::string ReadBlocklist() {
  std::ifstream in(motcua::app::SourceDir() + "/data/reference/common-passwords.txt");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const PasswordPolicy& Policy() {
  static const PasswordPolicy policy(ReadBlocklist());
  return policy;
}

const PasswordContext kPerson = {"036099001234", "0912345678", "nguyenvana", "an.nguyen@example.com", "", ""};

std::string Repeat(std::string_view unit, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += unit;
  }
  return s;
}

struct Case {
  std::string password;
  std::string error;
};

void ExpectTable(const std::vector<Case>& cases, const PasswordContext& context) {
  for (const Case& c : cases) {
    EXPECT_EQ(Policy().Check(c.password, context), c.error) << "password: " << c.password.substr(0, 80);
  }
}

TEST(PasswordPolicy, BlocklistFileIsReadWithCommentsSkipped) {
  EXPECT_GE(Policy().size(), 400u);
  EXPECT_LE(Policy().size(), 1000u);
  const PasswordPolicy small("# header\n\n  # indented comment\nFoo12345\r\n  bar-baz-qux  \nfoo12345\n");
  EXPECT_EQ(small.size(), 2u);  // FOO12345 and foo12345 are one entry
  EXPECT_EQ(small.Check("FOO12345", {}), kCommon);
  EXPECT_EQ(small.Check("BAR-BAZ-QUX", {}), kCommon);
  EXPECT_EQ(small.Check("# header", {}), "");
  EXPECT_EQ(PasswordPolicy("").size(), 0u);
}

TEST(PasswordPolicy, LengthAndEncoding) {
  ExpectTable(
      {
          {"", kEmpty},
          {"a", kTooShort},
          {"Xk9#mQ2", kTooShort},                          // 7 characters
          {"Xk9#mQ2v", ""},                                // 8 characters
          {"Đường x", kTooShort},                          // 7 code points although 10 bytes
          {"Đường xa", ""},                                // 8 code points
          {"8 ký tự!", ""},                                // counted in characters, not bytes
          {Repeat("x", 199) + Repeat("ệ", 19), ""},        // 199 + 19 × 3 = 256 bytes
          {Repeat("x", 200) + Repeat("ệ", 19), kTooLong},  // 257 bytes
          {Repeat("Hôm nay trời đẹp ", 30), kTooLong},
          {std::string(10000, 'k'), kTooLong},
          {"password\xFF\xFE", kUnreadable},
          {"M\xC3\x28t kh\xE1\xBA\xA9u d\xC3\xA0i", kUnreadable},
      },
      kPerson);
}

TEST(PasswordPolicy, PassphrasesAndOrdinaryPasswordsAreAccepted) {
  ExpectTable(
      {
          {"correct horse battery staple", ""},
          {"Hôm nay trời đẹp lắm", ""},
          {"tôi thích ăn phở bò", ""},
          {"bánh mì Hội An ngon", ""},
          {"1357 cà phê sữa đá", ""},
          {"Xk9#mQ2!vL", ""},
          {"ngựa ô vượt suối", ""},
          {"iloveyou73914", ""},  // a suffix of five or more characters is not the trivial kind
          {"        gà trống", ""},
      },
      kPerson);
}

TEST(PasswordPolicy, CommonPasswordsAreRejected) {
  ExpectTable(
      {
          {"password", kCommon},
          {"PASSWORD", kCommon},
          {"Password", kCommon},
          {"iloveyou", kCommon},
          {"baseball", kCommon},
          {"P@ssw0rd", kCommon},
          {"Aa@123456", kCommon},
          {"matkhau123", kCommon},
          {"MatKhau123", kCommon},
          {"anhyeuem", kCommon},
          {"anh yeu em", kCommon},  // spaces do not hide a listed word
          {"emyeuanh123", kCommon},
          {"68686868", kCommon},
          {"66668888", kCommon},
          {"dichvucong", kCommon},
          {"motcua123", kCommon},
          {"vietnam123", kCommon},
          {"hanoi123", kCommon},
          {"saigon123", kCommon},
          {"abc12345", kCommon},
          {"123123123", kCommon},
          // A listed word followed by up to four digits or symbols.
          {"matkhau@123", kCommon},
          {"iloveyou!!", kCommon},
          {"Password2024", kCommon},
          {"vietnam!@#$", kCommon},
          {"dragon1234", kCommon},
          {"sunshine5", kCommon},
          {"anhyeuem2025", kCommon},
          {"Dichvucong@1", kCommon},
      },
      kPerson);
}

TEST(PasswordPolicy, TrivialPatternsAreRejected) {
  ExpectTable(
      {
          {"aaaaaaaa", kCommon},     {"!!!!!!!!", kCommon},       {"        ", kCommon},  // eight spaces
          {Repeat("é", 8), kCommon}, {Repeat("z", 200), kCommon}, {"abababab", kCommon},
          {"abcabcabc", kCommon},    {"12121212", kCommon},       {"xyzwxyzw", kCommon},
          {"12345678", kCommon},     {"87654321", kCommon},       {"78901234", kCommon},
          {"0987654321", kCommon},   {"123456789012", kCommon},   {"abcdefgh", kCommon},
          {"hgfedcba", kCommon},     {"qwertyui", kCommon},       {"QWERTYUI", kCommon},
          {"iuytrewq", kCommon},     {"asdfghjk", kCommon},       {"zxcvbnm,", kCommon},
          {"1qaz2wsx", kCommon},     {"1q2w3e4r5t", kCommon},     {"qwertyuiopasdf", kCommon},
          {"1234 5678", kCommon},                            // with a space
          {"12345678!", kCommon},                            // a pattern and a symbol
          {"01011990", kCommon},                             // ddmmyyyy
          {"31121999", kCommon},     {"19900101", kCommon},  // yyyymmdd
          {"12251990", kCommon},                             // mmddyyyy
          {"13572468", ""},                                  // eight digits that are no date and no run
          {"aaaaaaab", ""},          {"12345679", kCommon},  // the listed 1234567 and one more digit
      },
      kPerson);
}

TEST(PasswordPolicy, ThePersonsOwnDataIsRejected) {
  ExpectTable(
      {
          {"036099001234", kPersonal},
          {"abc036099001234xyz", kPersonal},
          {"0912345678", kPersonal},
          {"call 0912 345 678 now", kPersonal},  // spaces removed before comparing
          {"+84 912345678!", kPersonal},         // without the leading 0
          {"nguyenvana", kPersonal},
          {"NguyenVanA!!2024", kPersonal},
          {"my login nguyenvana", kPersonal},
          {"an.nguyen rocks", kPersonal},
          {"AN.NGUYEN@example", kPersonal},
          {"an.nguye rocks", ""},
          {"099001234 kẹo", ""},  // part of the ID only
      },
      kPerson);
}

TEST(PasswordPolicy, ShortOrMissingPersonalDataIsIgnored) {
  const PasswordContext sparse = {"", "+84 912 345 678", "abc", "xy@example.com", "", ""};
  ExpectTable(
      {
          {"abc con mèo xy", ""},             // login and e-mail shorter than 4 are too common to forbid
          {"gọi 0912345678 nhé", kPersonal},  // +84 form normalised to 0…
          {"gọi 912345678 nhé", kPersonal},
      },
      sparse);
  EXPECT_EQ(Policy().Check("036099001234", {}), "");
}

// Issue 8: "Nguyễn Thị Hoa" could choose "Hoa@1990ab"; the name and the birth year are the first guesses.
TEST(PasswordPolicy, TheNameAndBirthDateAreRefusedWhateverTheAccentsAndCase) {
  PasswordContext hoa;
  hoa.full_name = "Nguyễn Thị Hoa";
  hoa.date_of_birth = "1990-05-12";
  ExpectTable(
      {
          {"Hoa@xanh#tim", kNameOrBirth},      // a name part, any case
          {"NGUYỄN lá vàng", kNameOrBirth},    // with its accents
          {"nguyen la vang", kNameOrBirth},    // or without
          {"la vang thi 7x", kNameOrBirth},    // "Thị" folds to "thi", 3 letters
          {"mèo con 1990 nhé", kNameOrBirth},  // the birth year
          {"ngày 120590 đẹp", kNameOrBirth},   // ddmmyy
          {"xx 19900512 yy", kNameOrBirth},    // yyyymmdd holds the year
          {"nguyenthihoa lá", kNameOrBirth},   // the name run together
          {"lá vàng rơi 7x", ""},
          {"hoàng hôn tím 7x", ""},    // a word that begins with "hoa" is not the name
          {"thiên hà xa xôi", ""},     // nor one that begins with "thi"
          {"ngựa vằn 1991 chạy", ""},  // another year
      },
      hoa);
}

TEST(PasswordPolicy, ShortNamePartsAndMalformedBirthDatesAreIgnored) {
  PasswordContext an;
  an.full_name = "Lê Văn An";
  an.date_of_birth = "19xx-05-12";
  ExpectTable(
      {
          {"văn mèo đen 77", kNameOrBirth},  // "Văn" has three letters
          {"mèo đen vàng 77", ""},           // "vàng" is a word, not "Văn"
          {"leanxanhdam 12", ""},            // "lê" and "an" are too short to forbid
      },
      an);
  EXPECT_EQ(Policy().Check("hoa lá cành 1990", {}), "");
}

}  // namespace
}  // namespace motcua::domain
