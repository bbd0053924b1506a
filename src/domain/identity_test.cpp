#include "domain/identity.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

using std::string_literals::operator""s;
using std::string_view_literals::operator""sv;

// The expected texts, written out so the tests read like the rules (and fail when a message changes by accident).
// clang-format off
const std::string kIdEmpty = "Nhập số định danh cá nhân";
const std::string kIdNotDigits = "Số định danh cá nhân chỉ được gồm chữ số, không có chữ cái hay ký hiệu";
const std::string kIdOldCard = "Đây có vẻ là số chứng minh nhân dân cũ gồm 9 chữ số. Hãy nhập số định danh cá nhân gồm 12 chữ số in trên thẻ căn cước";
const std::string kIdLength = "Số định danh cá nhân phải có đúng 12 chữ số";
const std::string kIdProvince = "Ba chữ số đầu của số định danh cá nhân không phải là mã tỉnh. Hãy kiểm tra lại số in trên thẻ căn cước";
const std::string kIdBirthYear = "Chữ số thứ 4 đến thứ 6 của số định danh cá nhân không cho ra năm sinh hợp lệ. Hãy kiểm tra lại số in trên thẻ căn cước";
const std::string kIdYearMismatch = "Năm sinh trong số định danh cá nhân không khớp với ngày sinh. Hãy kiểm tra lại cả hai";

const std::string kDateEmpty = "Ngày sinh phải có ngày, tháng và năm";
const std::string kDateNoDay = "Ngày sinh phải có ngày";
const std::string kDateNoMonth = "Ngày sinh phải có tháng";
const std::string kDateNoYear = "Ngày sinh phải có năm";
const std::string kDateNoDayMonth = "Ngày sinh phải có ngày và tháng";
const std::string kDateNoDayYear = "Ngày sinh phải có ngày và năm";
const std::string kDateNoMonthYear = "Ngày sinh phải có tháng và năm";
const std::string kDateNotNumbers = "Ngày, tháng và năm sinh chỉ được gồm chữ số, ví dụ 27 3 1990";
const std::string kDateYearDigits = "Năm sinh phải có 4 chữ số, ví dụ 1990";
const std::string kDateMonthRange = "Tháng sinh phải từ 1 đến 12";
const std::string kDateDayRange = "Ngày sinh phải từ 1 đến 31";
const std::string kDateNotReal = "Ngày sinh phải là một ngày có thật. Hãy kiểm tra số ngày của tháng đó";
const std::string kDateFuture = "Ngày sinh phải là một ngày trong quá khứ";
const std::string kDateTooOld = "Ngày sinh không thể cách đây quá 120 năm. Hãy kiểm tra lại năm sinh";

const std::string kPhoneEmpty = "Nhập số điện thoại di động";
const std::string kPhoneFormat = "Nhập số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678";
const std::string kPhoneLandline = "Đây là số điện thoại cố định. Hãy nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678";
const std::string kPhoneForeign = "Chỉ nhận số điện thoại di động Việt Nam, bắt đầu bằng 0 hoặc +84";

const std::string kTaxEmpty = "Nhập mã số thuế";
const std::string kTaxShape = "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc, ví dụ 0100109106 hoặc 0100109106-001";
const std::string kTaxCheckDigit = "Mã số thuế không đúng, hãy kiểm tra lại từng chữ số";
const std::string kTaxBranch = "Ba chữ số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999";

const std::string kEmailFormat = "Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.com";
const std::string kEmailSpaces = "Địa chỉ thư điện tử không được có dấu cách";
const std::string kEmailTooLong = "Địa chỉ thư điện tử phải có không quá 254 ký tự";
const std::string kEmailLocalTooLong = "Phần trước dấu @ của địa chỉ thư điện tử phải có không quá 64 ký tự";

const std::string kNameEmpty = "Nhập họ và tên";
const std::string kNameTooShort = "Họ và tên phải có ít nhất 2 ký tự";
const std::string kNameTooLong = "Họ và tên phải có không quá 100 ký tự";
const std::string kNameUnreadable = "Họ và tên có ký tự không đọc được. Hãy gõ lại họ và tên";
const std::string kNameInvisible = "Họ và tên có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại họ và tên";
const std::string kNameLetters = "Nhập họ và tên như trên thẻ căn cước, chỉ dùng chữ cái tiếng Việt";

const std::string kOrgEmpty = "Nhập tên tổ chức";
const std::string kOrgTooShort = "Tên tổ chức phải có ít nhất 2 ký tự";
const std::string kOrgTooLong = "Tên tổ chức phải có không quá 200 ký tự";
const std::string kOrgUnreadable = "Tên tổ chức có ký tự không đọc được. Hãy gõ lại tên tổ chức";
const std::string kOrgInvisible = "Tên tổ chức có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại tên tổ chức";
const std::string kOrgCharacters = "Tên tổ chức chỉ được gồm chữ cái, chữ số và dấu câu, như trên giấy chứng nhận đăng ký";

const std::string kLoginEmpty = "Nhập tên đăng nhập";
const std::string kLoginCharacters = "Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số và các dấu . _ -";
const std::string kLoginFirstLetter = "Tên đăng nhập phải bắt đầu bằng một chữ cái";
const std::string kLoginLength = "Tên đăng nhập phải có từ 3 đến 40 ký tự";
// clang-format on

constexpr int32_t kYear = 2026;  // "today" in these tests: 26/11/2026
constexpr int32_t kMonth = 11;
constexpr int32_t kDay = 26;

//! One row of a table: the input, and either the normalised value (error empty) or the message.
struct Case {
  std::string input;
  std::string value;
  std::string error;
};

//! Runs `check` over every row; when a row is accepted, checking its value again must give the same value.
template <typename Check>
void ExpectTable(const std::vector<Case>& cases, Check check) {
  for (const Case& c : cases) {
    SCOPED_TRACE("input: " + c.input.substr(0, 80));
    const Checked got = check(c.input);
    EXPECT_EQ(got.error, c.error);
    EXPECT_EQ(got.value, c.value);
    EXPECT_EQ(got.ok(), c.error.empty());
    if (got.ok()) {
      EXPECT_EQ(check(got.value).value, got.value) << "not idempotent";
    }
  }
}

std::string Repeat(std::string_view unit, size_t n) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s += unit;
  }
  return s;
}

//! The 10-digit tax code for nine digits, computed as the General Department of Taxation does; "" when the check
//! digit would be 10 (such prefixes are never issued).
std::string WithCheckDigit(std::string_view nine) {
  const int32_t weights[] = {31, 29, 23, 19, 17, 13, 7, 5, 3};
  int32_t sum = 0;
  for (size_t i = 0; i < 9; ++i) {
    sum += (nine[i] - '0') * weights[i];
  }
  const int32_t check = 10 - sum % 11;
  if (check == 10) {
    return "";
  }
  return std::string(nine) + static_cast<char>('0' + check);
}

TEST(IdentityPersonalId, BirthProvincesAreTheOld63) {
  const auto provinces = BirthProvinces();
  ASSERT_EQ(provinces.size(), 63u);
  std::set<std::string_view> codes;
  for (size_t i = 0; i < provinces.size(); ++i) {
    EXPECT_EQ(provinces[i].code.size(), 3u);
    EXPECT_FALSE(provinces[i].name.empty());
    if (i > 0) {
      EXPECT_LT(provinces[i - 1].code, provinces[i].code) << "sorted, no duplicates";
    }
    codes.insert(provinces[i].code);
  }
  EXPECT_EQ(provinces.front().code, "001");
  EXPECT_EQ(provinces.back().code, "096");
  for (const std::string_view present : {"001", "031", "035", "036", "037", "038", "048", "079", "092"}) {
    EXPECT_TRUE(codes.contains(present)) << present;
  }
  // The gaps of the old list (codes of provinces split or merged before the ID scheme) are not province codes.
  for (const std::string_view gap :
       {"000", "003", "005", "007", "009", "013", "016", "018", "021", "023", "028", "029",
        "032", "039", "041", "043", "047", "050", "053", "055", "057", "059", "061", "063",
        "065", "069", "071", "073", "076", "078", "081", "085", "088", "090", "097", "099"}) {
    EXPECT_FALSE(codes.contains(gap)) << gap;
  }
}

TEST(IdentityPersonalId, Table) {
  ExpectTable(
      {
          {"036099001234", "036099001234", ""},  // Nam Định, man born 1999
          {"036305001234", "036305001234", ""},  // Nam Định, woman born 2005
          {"001200000001", "001200000001", ""},  // Hà Nội, man born 2000
          {"079186012345", "079186012345", ""},  // TP Hồ Chí Minh, woman born 1986
          {"096099001234", "096099001234", ""},  // Cà Mau, the last code
          {"036 099 001 234", "036099001234", ""},
          {"036.099.001.234", "036099001234", ""},
          {"036-099-001-234", "036099001234", ""},
          {"  036099001234\t", "036099001234", ""},
          {"", "", kIdEmpty},
          {"   ", "", kIdEmpty},
          {" .-", "", kIdEmpty},
          {"03609900123a", "", kIdNotDigits},
          {"O36099001234", "", kIdNotDigits},  // letter O for zero
          {"036/099/001234", "", kIdNotDigits},
          {"036099001234\xEF\xBC\x90", "", kIdNotDigits},  // full-width zero
          {"123456789", "", kIdOldCard},                   // old 9-digit CMND
          {"03609900123", "", kIdLength},                  // 11 digits
          {"0360990012345", "", kIdLength},                // 13 digits
          {"036", "", kIdLength},
          {"000099001234", "", kIdProvince},
          {"003099001234", "", kIdProvince},  // 003 is a gap in the list
          {"097099001234", "", kIdProvince},  // past the last code
          {"999099001234", "", kIdProvince},
          {"036226001234", "036226001234", ""},  // born this year
          {"036227001234", "", kIdBirthYear},    // born next year
          {"036426001234", "", kIdBirthYear},    // 2126
          {"036906001234", "", kIdBirthYear},    // 2306
          {"036006001234", "036006001234", ""},  // 1906: 120 years ago
          {"036005001234", "", kIdBirthYear},    // 1905: 121 years ago
          {std::string(10000, '1'), "", kIdLength},
          {std::string(10000, 'x'), "", kIdNotDigits},
      },
      [](std::string_view s) { return CheckPersonalId(s, kYear); });
}

TEST(IdentityPersonalId, DescribeReadsProvinceYearAndSex) {
  const auto man = DescribePersonalId("036099001234");
  ASSERT_TRUE(man.has_value());
  EXPECT_EQ(man->province_code, "036");
  EXPECT_EQ(man->province_name, "Nam Định");
  EXPECT_EQ(man->birth_year, 1999);
  EXPECT_FALSE(man->female);

  const auto woman = DescribePersonalId("036305001234");
  ASSERT_TRUE(woman.has_value());
  EXPECT_EQ(woman->birth_year, 2005);
  EXPECT_TRUE(woman->female);

  const struct {
    std::string_view id;
    int32_t year;
    bool female;
  } centuries[] = {
      {"001099000000", 1999, false}, {"001199000000", 1999, true},  {"001205000000", 2005, false},
      {"001305000000", 2005, true},  {"001401000000", 2101, false}, {"001501000000", 2101, true},
      {"001601000000", 2201, false}, {"001701000000", 2201, true},  {"001801000000", 2301, false},
      {"001901000000", 2301, true},
  };
  for (const auto& c : centuries) {
    const auto info = DescribePersonalId(c.id);
    ASSERT_TRUE(info.has_value()) << c.id;
    EXPECT_EQ(info->birth_year, c.year) << c.id;
    EXPECT_EQ(info->female, c.female) << c.id;
  }
  EXPECT_EQ(DescribePersonalId("079186012345")->province_name, "TP Hồ Chí Minh");
  for (const std::string_view bad :
       {"", "003099001234", "03609900123", "0360990012345", "03609900123a", "036 099 001 234"}) {
    EXPECT_FALSE(DescribePersonalId(bad).has_value()) << bad;
  }
}

TEST(IdentityDateOfBirth, Table) {
  const struct {
    std::string_view day, month, year;
    std::string value, error;
  } cases[] = {
      {"27", "3", "1990", "1990-03-27", ""},
      {"07", "03", "1990", "1990-03-07", ""},
      {" 7 ", " 3 ", " 1990 ", "1990-03-07", ""},
      {"", "", "", "", kDateEmpty},
      {" ", " ", " ", "", kDateEmpty},
      {"", "3", "1990", "", kDateNoDay},
      {"27", "", "1990", "", kDateNoMonth},
      {"27", "3", "", "", kDateNoYear},
      {"", "", "1990", "", kDateNoDayMonth},
      {"", "3", "", "", kDateNoDayYear},
      {"27", "", "", "", kDateNoMonthYear},
      {"2a", "3", "1990", "", kDateNotNumbers},
      {"27", "III", "1990", "", kDateNotNumbers},
      {"-1", "3", "1990", "", kDateNotNumbers},
      {"27", "3", "199O", "", kDateNotNumbers},
      {"27", "3", "90", "", kDateYearDigits},
      {"27", "3", "19900", "", kDateYearDigits},
      {"27", "13", "1990", "", kDateMonthRange},
      {"27", "0", "1990", "", kDateMonthRange},
      {"27", "003", "1990", "", kDateMonthRange},
      {"32", "1", "1990", "", kDateDayRange},
      {"0", "1", "1990", "", kDateDayRange},
      {"007", "1", "1990", "", kDateDayRange},
      {"31", "1", "1990", "1990-01-31", ""},
      {"31", "4", "1990", "", kDateNotReal},
      {"30", "4", "1990", "1990-04-30", ""},
      {"29", "2", "2023", "", kDateNotReal},
      {"29", "2", "2024", "2024-02-29", ""},  // leap year
      {"29", "2", "2000", "2000-02-29", ""},  // divisible by 400
      {"29", "2", "1900", "", kDateNotReal},  // divisible by 100 only
      {"28", "2", "1900", "", kDateTooOld},
      {"26", "11", "2026", "2026-11-26", ""},  // today
      {"27", "11", "2026", "", kDateFuture},
      {"1", "1", "2027", "", kDateFuture},
      {"26", "11", "1906", "1906-11-26", ""},  // exactly 120 years ago
      {"25", "11", "1906", "", kDateTooOld},
      {"1", "1", "0000", "", kDateTooOld},
      {"2\0"sv, "3", "1990", "", kDateNotNumbers},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.day) + "/" + std::string(c.month) + "/" + std::string(c.year));
    const Checked got = CheckDateOfBirth(c.day, c.month, c.year, kYear, kMonth, kDay);
    EXPECT_EQ(got.error, c.error);
    EXPECT_EQ(got.value, c.value);
  }
  const std::string huge(10000, '9');
  EXPECT_EQ(CheckDateOfBirth(huge, huge, huge, kYear, kMonth, kDay).error, kDateYearDigits);
}

TEST(IdentityDateOfBirth, IdNumberMustAgreeWithTheYear) {
  const struct {
    std::string_view id, date;
    std::string error;
  } cases[] = {
      {"036099001234", "1999-05-01", ""},
      {"036099001234", "2000-01-01", kIdYearMismatch},
      {"036305001234", "2005-12-31", ""},
      {"036305001234", "1905-12-31", kIdYearMismatch},  // same two digits, other century
      {"003099001234", "1980-01-01", ""},               // a bad ID is reported by its own check
      {"036099001234", "", ""},
      {"036099001234", "19", ""},
      {"036099001234", "abcd-01-01", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CheckIdMatchesBirthYear(c.id, c.date), c.error) << c.id << " " << c.date;
  }
}

TEST(IdentityPhone, Table) {
  ExpectTable(
      {
          {"0912345678", "0912345678", ""},
          {"0312345678", "0312345678", ""},  // Viettel 03x
          {"0587654321", "0587654321", ""},  // Vietnamobile 058
          {"0701234567", "0701234567", ""},  // MobiFone 070
          {"0812345678", "0812345678", ""},  // VinaPhone 081
          {"0991234567", "0991234567", ""},  // Gmobile 099
          {"091 234 5678", "0912345678", ""},
          {"0912.345.678", "0912345678", ""},
          {"0912-345-678", "0912345678", ""},
          {"(091) 234-5678", "0912345678", ""},
          {"+84912345678", "0912345678", ""},
          {"+84 91 234 5678", "0912345678", ""},
          {"(+84) 912 345 678", "0912345678", ""},
          {"+84 0912 345 678", "0912345678", ""},  // the 0 kept after +84
          {"84912345678", "0912345678", ""},
          {"84 387 654 321", "0387654321", ""},
          {"", "", kPhoneEmpty},
          {"  ", "", kPhoneEmpty},
          {"02438251234", "", kPhoneLandline},  // Hà Nội landline
          {"024 3825 1234", "", kPhoneLandline},
          {"+84 24 3825 1234", "", kPhoneLandline},
          {"0228 3649 123", "", kPhoneLandline},  // Nam Định landline
          {"0212345678", "", kPhoneFormat},
          {"0112345678", "", kPhoneFormat},
          {"0412345678", "", kPhoneFormat},
          {"0612345678", "", kPhoneFormat},
          {"1912345678", "", kPhoneFormat},
          {"091234567", "", kPhoneFormat},    // 9 digits
          {"09123456789", "", kPhoneFormat},  // 11 digits
          {"912345678", "", kPhoneFormat},    // the leading 0 forgotten
          {"0912a45678", "", kPhoneFormat},
          {"0912 345 678 ext 2", "", kPhoneFormat},
          {"++84912345678", "", kPhoneFormat},
          {"09123+45678", "", kPhoneFormat},
          {"849123456789", "", kPhoneFormat},  // 12 digits starting 84
          {"+84", "", kPhoneFormat},
          {"+", "", kPhoneFormat},
          {"+1 202 555 0123", "", kPhoneForeign},
          {"+44 20 7946 0958", "", kPhoneForeign},
          {std::string(10000, '9'), "", kPhoneFormat},
      },
      CheckMobilePhone);
}

TEST(IdentityTaxCode, Table) {
  ExpectTable(
      {
          {"0100109106", "0100109106", ""},  // Viettel
          {"0100112437", "0100112437", ""},
          {"0101248141", "0101248141", ""},
          {"0300588569", "0300588569", ""},
          {" 0100109106 ", "0100109106", ""},
          {"0100 109 106", "0100109106", ""},
          {"0100.109.106", "0100109106", ""},
          {"0100109106-001", "0100109106-001", ""},
          {"0100109106001", "0100109106-001", ""},
          {"0100109106 - 001", "0100109106-001", ""},
          {"0100109106-999", "0100109106-999", ""},
          {"", "", kTaxEmpty},
          {"   ", "", kTaxEmpty},
          {"0100109107", "", kTaxCheckDigit},
          {"0100109105", "", kTaxCheckDigit},
          {"1100109106", "", kTaxCheckDigit},
          {"0100109107-001", "", kTaxCheckDigit},
          {"0100109106-000", "", kTaxBranch},
          {"0100109106000", "", kTaxBranch},
          {"010010910", "", kTaxShape},
          {"01001091061", "", kTaxShape},
          {"0100109106-01", "", kTaxShape},
          {"0100109106-0001", "", kTaxShape},
          {"0100109106_001", "", kTaxShape},
          {"010010910a", "", kTaxShape},
          {"01001-09106", "", kTaxShape},
          {"-0100109106", "", kTaxShape},
          {"036099001234", "", kTaxShape},  // a 12-digit personal ID is not a 10/13-digit tax code
          {std::string(10000, '0'), "", kTaxShape},
      },
      CheckTaxCode);
}

TEST(IdentityTaxCode, ComputedCheckDigitsAreAcceptedAndEveryOtherLastDigitIsNot) {
  int32_t checked = 0;
  for (const std::string_view nine : {"010010910", "030058856", "123456789", "890123456", "310000000", "000000001",
                                      "470123987", "999999999", "020202020", "105678910"}) {
    const std::string code = WithCheckDigit(nine);
    if (code.empty()) {
      continue;
    }
    ++checked;
    EXPECT_EQ(CheckTaxCode(code).value, code);
    EXPECT_EQ(CheckTaxCode(code + "-123").value, code + "-123");
    for (char last = '0'; last <= '9'; ++last) {
      if (last == code.back()) {
        continue;
      }
      EXPECT_EQ(CheckTaxCode(std::string(nine) + last).error, kTaxCheckDigit) << nine << last;
    }
  }
  EXPECT_GE(checked, 8);
}

TEST(IdentityTaxCode, APrefixWhoseCheckWouldBeTenIsNeverValid) {
  // Σ dᵢ·wᵢ = 0 for nine zeros, so the check would be 10 − 0 = 10: no last digit makes it valid.
  ASSERT_EQ(WithCheckDigit("000000000"), "");
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_EQ(CheckTaxCode(std::string("000000000") + last).error, kTaxCheckDigit) << last;
  }
  // 5·1 + 3·2 = 11 ≡ 0 (mod 11) as well.
  ASSERT_EQ(WithCheckDigit("000000012"), "");
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_EQ(CheckTaxCode(std::string("000000012") + last).error, kTaxCheckDigit) << last;
  }
}

TEST(IdentityEmail, Table) {
  const std::string local64(64, 'a');
  const std::string domain189 = Repeat("b", 60) + "." + Repeat("c", 60) + "." + Repeat("d", 60) + ".com.vn";
  ASSERT_EQ(local64.size() + 1 + domain189.size(), 254u);
  ExpectTable(
      {
          {"", "", ""},
          {"   ", "", ""},
          {"ten@example.com", "ten@example.com", ""},
          {" Ten@Example.COM ", "Ten@example.com", ""},
          {"nguyen.van.a@gmail.com", "nguyen.van.a@gmail.com", ""},
          {"a+ho-so@sub.dichvucong.gov.vn", "a+ho-so@sub.dichvucong.gov.vn", ""},
          {"nguyễn@ví-dụ.vn", "nguyễn@ví-dụ.vn", ""},
          {local64 + "@" + domain189, local64 + "@" + domain189, ""},
          {local64 + "a@" + domain189, "", kEmailTooLong},
          {local64 + "a@example.com", "", kEmailLocalTooLong},
          {"ten@example", "", kEmailFormat},
          {"tenexample.com", "", kEmailFormat},
          {"ten@@example.com", "", kEmailFormat},
          {"a@b@example.com", "", kEmailFormat},
          {"@example.com", "", kEmailFormat},
          {"ten@", "", kEmailFormat},
          {"ten@.com", "", kEmailFormat},
          {"ten@example..com", "", kEmailFormat},
          {"ten@example.com.", "", kEmailFormat},
          {".ten@example.com", "", kEmailFormat},
          {"te..n@example.com", "", kEmailFormat},
          {"ten@example,com", "", kEmailFormat},
          {"ten@example.com;", "", kEmailFormat},
          {"<ten@example.com>", "", kEmailFormat},
          {"ten @example.com", "", kEmailSpaces},
          {"ten@exa mple.com", "", kEmailSpaces},
          {"ten\t@example.com", "", kEmailSpaces},
          {"ten\xC2\xA0@example.com", "", kEmailSpaces},  // no-break space
          {std::string("ten\x01@example.com"), "", kEmailFormat},
          {"ten\x7F@example.com", "", kEmailFormat},
          {"ten\xE2\x80\x8B@example.com", "", kEmailFormat},  // zero-width space
          {"ten\xFF@example.com", "", kEmailFormat},          // not UTF-8
          {std::string(10000, 'a'), "", kEmailTooLong},
      },
      CheckEmail);
}

TEST(IdentityPersonName, Table) {
  ExpectTable(
      {
          {"Nguyễn Văn A", "Nguyễn Văn A", ""},
          {"  Nguyễn   Văn  A  ", "Nguyễn Văn A", ""},
          {"Nguye\xCC\x82\xCC\x83n Va\xCC\x86n A", "Nguyễn Văn A", ""},  // decomposed (NFD) → NFC
          {"Tra\xCC\x82\xCC\x80n Thi\xCC\xA3 Hoa", "Trần Thị Hoa", ""},
          {"Đặng Thị Ngọc Hân", "Đặng Thị Ngọc Hân", ""},
          {"Lê", "Lê", ""},  // two letters is enough
          {"H'Hen Niê", "H'Hen Niê", ""},
          {"Ksor H\xE2\x80\x99"
           "Blơi",
           "Ksor H\xE2\x80\x99"
           "Blơi",
           ""},  // typographic apostrophe
          {"Y Moan Ênuôl", "Y Moan Ênuôl", ""},
          {"Điểu K'Lương", "Điểu K'Lương", ""},
          {"Rơ Mah Hiền", "Rơ Mah Hiền", ""},
          {"Lò Văn Giàng", "Lò Văn Giàng", ""},
          {"Nguyễn Thị Hồng-Nhung", "Nguyễn Thị Hồng-Nhung", ""},
          {"Trần H. Minh", "Trần H. Minh", ""},
          {"Nguyễn\tVăn\nA", "Nguyễn Văn A", ""},  // tab and line break are white space
          {"Nguyễn\xC2\xA0Văn\xE3\x80\x80"
           "A",
           "Nguyễn Văn A", ""},  // no-break and ideographic spaces
          {"", "", kNameEmpty},
          {"   ", "", kNameEmpty},
          {"A", "", kNameTooShort},
          {Repeat("a", 100), Repeat("a", 100), ""},
          {Repeat("ễ", 100), Repeat("ễ", 100), ""},
          {Repeat("a", 101), "", kNameTooLong},
          {Repeat("a ", 60), "", kNameTooLong},
          {std::string(10000, 'a'), "", kNameTooLong},
          {Repeat("Nguyễn ", 10000), "", kNameTooLong},
          {"Nguy\xE1\xBB\x85n\xFF", "", kNameUnreadable},
          {"\xC3", "", kNameUnreadable},
          {"Nguyễn\xE2\x80\x8BVăn", "", kNameInvisible},   // zero-width space
          {"Nguyễn\xE2\x80\x8DVăn", "", kNameInvisible},   // zero-width joiner
          {"\xEF\xBB\xBFNguyễn Văn", "", kNameInvisible},  // byte order mark
          {"Nguy\xC2\xAD"
           "ễn Văn",
           "", kNameInvisible},                            // soft hyphen
          {"\xE2\x80\xAENguyễn Văn", "", kNameInvisible},  // right-to-left override
          {"Nguyễn\xE2\x81\xA0Văn", "", kNameInvisible},   // word joiner
          {std::string("Nguyễn\x01Văn"), "", kNameInvisible},
          {"Nguyễn Văn\x7F", "", kNameInvisible},
          {"Nguyễn\xC2\x85Văn", "", kNameInvisible},  // C1 control NEL
          {"Nguyễn\0Văn"s, "", kNameInvisible},
          {"Nguyễn V\xD0\xB0n A", "", kNameLetters},  // Cyrillic а (U+0430) looks like Latin a
          {"\xCE\x9Dguyen Van A", "", kNameLetters},  // Greek Ν (U+039D) looks like Latin N
          {"Nguyễn Văn 2", "", kNameLetters},
          {"Nguyễn_Văn", "", kNameLetters},
          {"Nguyễn Văn A!", "", kNameLetters},
          {"Nguyễn \xF0\x9F\x98\x80", "", kNameLetters},  // emoji
          {"Nguyễn \xC3\x97 Văn", "", kNameLetters},      // ×
          {"阮文", "", kNameLetters},
          {"--", "", kNameLetters},
          {"a\xCC\x81\xCC\x81\xCC\x81\xCC\x81", "", kNameLetters},  // á and three more marks: "Zalgo" text
          {"\xCC\x81"
           "ab",
           "", kNameLetters},  // a mark with no letter under it
          {"ab \xCC\x81", "", kNameLetters},
      },
      CheckPersonName);
}

TEST(IdentityPersonName, NfdBecomesThePrecomposedForm) {
  const Checked c = CheckPersonName("Nguye\u0302\u0303n");
  ASSERT_TRUE(c.ok()) << c.error;
  EXPECT_EQ(c.value, "Nguy\u1EC5n");
  EXPECT_EQ(c.value, "Nguyễn");
  EXPECT_EQ(c.value.size(), 8u);  // N g u y (ễ = 3 bytes) n
}

TEST(IdentityOrganisationName, Table) {
  ExpectTable(
      {
          {"Công ty TNHH Một thành viên ABC", "Công ty TNHH Một thành viên ABC", ""},
          {"Công ty Cổ phần Sữa Việt Nam (Vinamilk)", "Công ty Cổ phần Sữa Việt Nam (Vinamilk)", ""},
          {"  Hợp tác xã   Nông nghiệp  số 1 ", "Hợp tác xã Nông nghiệp số 1", ""},
          {"Trường THCS Nguyễn Du - Q.1", "Trường THCS Nguyễn Du - Q.1", ""},
          {"Công ty A&B, Ltd.", "Công ty A&B, Ltd.", ""},
          {"C\xC3\xB4ng ty \xE2\x80\x9CH\xE1\xBB\x93ng H\xC3\xA0\xE2\x80\x9D", "Công ty “Hồng Hà”", ""},
          {"越南公司", "越南公司", ""},
          {"株式会社 ABC Việt Nam", "株式会社 ABC Việt Nam", ""},
          {"Co\xCC\x82ng ty", "Công ty", ""},  // NFD → NFC
          {"3M", "3M", ""},
          {"", "", kOrgEmpty},
          {" \t ", "", kOrgEmpty},
          {"A", "", kOrgTooShort},
          {Repeat("x", 200), Repeat("x", 200), ""},
          {Repeat("x", 201), "", kOrgTooLong},
          {std::string(10000, 'x'), "", kOrgTooLong},
          {"Công ty\xFF", "", kOrgUnreadable},
          {"Công ty\xE2\x80\x8B ABC", "", kOrgInvisible},
          {std::string("Công ty\x01"), "", kOrgInvisible},
          {"\xE2\x80\xAB"
           "ABC",
           "", kOrgInvisible},  // right-to-left embedding
          {"Công ty \xF0\x9F\x98\x80", "", kOrgCharacters},
          {"Công ty \xE2\x98\x85", "", kOrgCharacters},      // ★
          {"\xEE\x80\x80\xEE\x80\x81", "", kOrgCharacters},  // private use
          {"...", "", kOrgCharacters},
          {"--", "", kOrgCharacters},
      },
      CheckOrganisationName);
}

TEST(IdentityLoginName, Table) {
  ExpectTable(
      {
          {"nguyenvana", "nguyenvana", ""},
          {"NguyenVanA", "nguyenvana", ""},
          {" can.bo_01-a ", "can.bo_01-a", ""},
          {"abc", "abc", ""},
          {Repeat("a", 40), Repeat("a", 40), ""},
          {"", "", kLoginEmpty},
          {"   ", "", kLoginEmpty},
          {"a", "", kLoginLength},
          {"ab", "", kLoginLength},
          {Repeat("a", 41), "", kLoginLength},
          {std::string(10000, 'a'), "", kLoginLength},
          {"1abc", "", kLoginFirstLetter},
          {"_abc", "", kLoginFirstLetter},
          {".abc", "", kLoginFirstLetter},
          {"nguyễn", "", kLoginCharacters},
          {"nguyen van a", "", kLoginCharacters},
          {"a@b.vn", "", kLoginCharacters},
          {"abc\xE2\x80\x8B", "", kLoginCharacters},
          {"abc\0"s, "", kLoginCharacters},
      },
      CheckLoginName);
}

}  // namespace
}  // namespace motcua::domain
