#include "domain/identity.hpp"

#include <algorithm>
#include <array>
#include <boost/locale.hpp>
#include <exception>

#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::domain {

namespace {

// Message ids: one literal each on one line, so scripts/extract-messages.sh and the i18n test find them.
// clang-format off
constexpr const char* kIdEmpty = N_("Nhập số định danh cá nhân");
constexpr const char* kIdNotDigits = N_("Số định danh cá nhân chỉ được gồm chữ số, không có chữ cái hay ký hiệu");
constexpr const char* kIdOldCard = N_("Đây có vẻ là số chứng minh nhân dân cũ gồm 9 chữ số. Hãy nhập số định danh cá nhân gồm 12 chữ số in trên thẻ căn cước");
constexpr const char* kIdLength = N_("Số định danh cá nhân phải có đúng 12 chữ số");
constexpr const char* kIdProvince = N_("Ba chữ số đầu của số định danh cá nhân không phải là mã tỉnh. Hãy kiểm tra lại số in trên thẻ căn cước");
constexpr const char* kIdBirthYear = N_("Chữ số thứ 4 đến thứ 6 của số định danh cá nhân không cho ra năm sinh hợp lệ. Hãy kiểm tra lại số in trên thẻ căn cước");
constexpr const char* kIdYearMismatch = N_("Năm sinh trong số định danh cá nhân không khớp với ngày sinh. Hãy kiểm tra lại cả hai");

constexpr const char* kDateEmpty = N_("Ngày sinh phải có ngày, tháng và năm");
constexpr const char* kDateNoDay = N_("Ngày sinh phải có ngày");
constexpr const char* kDateNoMonth = N_("Ngày sinh phải có tháng");
constexpr const char* kDateNoYear = N_("Ngày sinh phải có năm");
constexpr const char* kDateNoDayMonth = N_("Ngày sinh phải có ngày và tháng");
constexpr const char* kDateNoDayYear = N_("Ngày sinh phải có ngày và năm");
constexpr const char* kDateNoMonthYear = N_("Ngày sinh phải có tháng và năm");
constexpr const char* kDateNotNumbers = N_("Ngày, tháng và năm sinh chỉ được gồm chữ số, ví dụ 27 3 1990");
constexpr const char* kDateYearDigits = N_("Năm sinh phải có 4 chữ số, ví dụ 1990");
constexpr const char* kDateMonthRange = N_("Tháng sinh phải từ 1 đến 12");
constexpr const char* kDateDayRange = N_("Ngày sinh phải từ 1 đến 31");
constexpr const char* kDateNotReal = N_("Ngày sinh phải là một ngày có thật. Hãy kiểm tra số ngày của tháng đó");
constexpr const char* kDateFuture = N_("Ngày sinh phải là một ngày trong quá khứ");
constexpr const char* kDateTooOld = N_("Ngày sinh không thể cách đây quá 120 năm. Hãy kiểm tra lại năm sinh");

constexpr const char* kPhoneEmpty = N_("Nhập số điện thoại di động");
constexpr const char* kPhoneFormat = N_("Nhập số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678");
constexpr const char* kPhoneLandline = N_("Đây là số điện thoại cố định. Hãy nhập số điện thoại di động gồm 10 chữ số, ví dụ 0912345678");
constexpr const char* kPhoneForeign = N_("Chỉ nhận số điện thoại di động Việt Nam, bắt đầu bằng 0 hoặc +84");

constexpr const char* kTaxEmpty = N_("Nhập mã số thuế");
constexpr const char* kTaxShape = N_("Mã số thuế gồm 10 chữ số, hoặc 13 chữ số với đơn vị phụ thuộc, ví dụ 0100109106 hoặc 0100109106-001");
constexpr const char* kTaxCheckDigit = N_("Mã số thuế không đúng, hãy kiểm tra lại từng chữ số");
constexpr const char* kTaxBranch = N_("Ba chữ số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999");

constexpr const char* kEmailFormat = N_("Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.com");
constexpr const char* kEmailSpaces = N_("Địa chỉ thư điện tử không được có dấu cách");
constexpr const char* kEmailTooLong = N_("Địa chỉ thư điện tử phải có không quá 254 ký tự");
constexpr const char* kEmailLocalTooLong = N_("Phần trước dấu @ của địa chỉ thư điện tử phải có không quá 64 ký tự");

constexpr const char* kNameEmpty = N_("Nhập họ và tên");
constexpr const char* kNameTooShort = N_("Họ và tên phải có ít nhất 2 ký tự");
constexpr const char* kNameTooLong = N_("Họ và tên phải có không quá 100 ký tự");
constexpr const char* kNameUnreadable = N_("Họ và tên có ký tự không đọc được. Hãy gõ lại họ và tên");
constexpr const char* kNameInvisible = N_("Họ và tên có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại họ và tên");
constexpr const char* kNameLetters = N_("Nhập họ và tên như trên thẻ căn cước, chỉ dùng chữ cái tiếng Việt");

constexpr const char* kOrgEmpty = N_("Nhập tên tổ chức");
constexpr const char* kOrgTooShort = N_("Tên tổ chức phải có ít nhất 2 ký tự");
constexpr const char* kOrgTooLong = N_("Tên tổ chức phải có không quá 200 ký tự");
constexpr const char* kOrgUnreadable = N_("Tên tổ chức có ký tự không đọc được. Hãy gõ lại tên tổ chức");
constexpr const char* kOrgInvisible = N_("Tên tổ chức có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại tên tổ chức");
constexpr const char* kOrgCharacters = N_("Tên tổ chức chỉ được gồm chữ cái, chữ số và dấu câu, như trên giấy chứng nhận đăng ký");

constexpr const char* kLoginEmpty = N_("Nhập tên đăng nhập");
constexpr const char* kLoginCharacters = N_("Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số và các dấu . _ -");
constexpr const char* kLoginFirstLetter = N_("Tên đăng nhập phải bắt đầu bằng một chữ cái");
constexpr const char* kLoginLength = N_("Tên đăng nhập phải có từ 3 đến 40 ký tự");
// clang-format on

// Old 63-province list (before 1/7/2025) as used in the first three digits of personal ID numbers.
constexpr std::array<BirthProvince, 63> kBirthProvinces = {{
    {"001", "Hà Nội"},          {"002", "Hà Giang"},       {"004", "Cao Bằng"},       {"006", "Bắc Kạn"},
    {"008", "Tuyên Quang"},     {"010", "Lào Cai"},        {"011", "Điện Biên"},      {"012", "Lai Châu"},
    {"014", "Sơn La"},          {"015", "Yên Bái"},        {"017", "Hòa Bình"},       {"019", "Thái Nguyên"},
    {"020", "Lạng Sơn"},        {"022", "Quảng Ninh"},     {"024", "Bắc Giang"},      {"025", "Phú Thọ"},
    {"026", "Vĩnh Phúc"},       {"027", "Bắc Ninh"},       {"030", "Hải Dương"},      {"031", "Hải Phòng"},
    {"033", "Hưng Yên"},        {"034", "Thái Bình"},      {"035", "Hà Nam"},         {"036", "Nam Định"},
    {"037", "Ninh Bình"},       {"038", "Thanh Hóa"},      {"040", "Nghệ An"},        {"042", "Hà Tĩnh"},
    {"044", "Quảng Bình"},      {"045", "Quảng Trị"},      {"046", "Thừa Thiên Huế"}, {"048", "Đà Nẵng"},
    {"049", "Quảng Nam"},       {"051", "Quảng Ngãi"},     {"052", "Bình Định"},      {"054", "Phú Yên"},
    {"056", "Khánh Hòa"},       {"058", "Ninh Thuận"},     {"060", "Bình Thuận"},     {"062", "Kon Tum"},
    {"064", "Gia Lai"},         {"066", "Đắk Lắk"},        {"067", "Đắk Nông"},       {"068", "Lâm Đồng"},
    {"070", "Bình Phước"},      {"072", "Tây Ninh"},       {"074", "Bình Dương"},     {"075", "Đồng Nai"},
    {"077", "Bà Rịa–Vũng Tàu"}, {"079", "TP Hồ Chí Minh"}, {"080", "Long An"},        {"082", "Tiền Giang"},
    {"083", "Bến Tre"},         {"084", "Trà Vinh"},       {"086", "Vĩnh Long"},      {"087", "Đồng Tháp"},
    {"089", "An Giang"},        {"091", "Kiên Giang"},     {"092", "Cần Thơ"},        {"093", "Hậu Giang"},
    {"094", "Sóc Trăng"},       {"095", "Bạc Liêu"},       {"096", "Cà Mau"},
}};

constexpr size_t kPersonalIdDigits = 12;
constexpr size_t kOldIdCardDigits = 9;  // chứng minh nhân dân
constexpr size_t kProvinceDigits = 3;
constexpr size_t kCenturyDigit = 3;  // index of digit 4
constexpr size_t kYearDigitsAt = 4;  // index of digits 5–6
constexpr int32_t kFirstCentury = 1900;
constexpr int32_t kYearsPerCentury = 100;

constexpr size_t kYearFieldDigits = 4;
constexpr size_t kDayMonthMaxDigits = 2;
constexpr int32_t kMonthsPerYear = 12;
constexpr int32_t kMaxDaysInMonth = 31;

constexpr size_t kMobileDigits = 10;
constexpr size_t kLandlineDigits = 11;
constexpr std::string_view kCountryCode = "84";

constexpr size_t kTaxDigits = 10;
constexpr size_t kTaxBranchDigits = 3;
constexpr std::array<int32_t, kTaxDigits - 1> kTaxWeights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
constexpr int32_t kTaxModulus = 11;
constexpr int32_t kTaxCheckBase = 10;  //!< check = 10 − (Σ mod 11); a result of 10 is never issued.

constexpr size_t kMaxEmailBytes = 254;
constexpr size_t kMaxEmailLocalBytes = 64;

constexpr size_t kMinNameCodePoints = 2;
constexpr size_t kMaxPersonNameCodePoints = 100;
constexpr size_t kMaxOrganisationNameCodePoints = 200;
//! Raw input longer than this many bytes per allowed code point is refused before any normalisation work.
constexpr size_t kRawBytesPerCodePoint = 16;
//! Combining marks one letter may carry after NFC (Vietnamese needs none; a few rare letters need one or two).
constexpr size_t kMaxCombiningMarks = 2;

constexpr size_t kMinLoginName = 3;
constexpr size_t kMaxLoginName = 40;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool AllDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsAsciiDigit); }

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && IsAsciiSpace(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

//! `s` without the separator characters in `drop`.
std::string Without(std::string_view s, std::string_view drop) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (drop.find(c) == std::string_view::npos) {
      out += c;
    }
  }
  return out;
}

//! Value of a short run of ASCII digits (at most 9, so it fits).
int32_t DigitsValue(std::string_view s) {
  int32_t v = 0;
  for (const char c : s) {
    v = v * 10 + (c - '0');
  }
  return v;
}

//! Decodes the code point at `i` of valid UTF-8 `s`, advancing `i`.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  size_t len = 1;
  char32_t cp = b0;
  if (b0 >= 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else if (b0 >= 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  }
  for (size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += len;
  return cp;
}

//! C0 and C1 control characters and DEL.
bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

//! Characters that show nothing but change how text reads or compares: zero-width spaces and joiners, direction
//! marks and overrides, word joiner and invisible operators, byte order mark, soft hyphen.
bool IsInvisible(char32_t c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF ||
         c == 0x00AD;
}

//! Space characters other than ASCII that copied text brings (no-break, en/em and narrow spaces, ideographic).
bool IsUnicodeSpace(char32_t c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsCombiningMark(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

//! A letter of the Latin script as Vietnamese and ethnic-minority names in Latin script write it.
bool IsLatinLetter(char32_t c) {
  if (c < 0x80) {
    return IsAsciiLetter(static_cast<char>(c));
  }
  constexpr char32_t kMultiplication = 0x00D7;
  constexpr char32_t kDivision = 0x00F7;
  return (c >= 0x00C0 && c <= 0x024F && c != kMultiplication && c != kDivision) || (c >= 0x1E00 && c <= 0x1EFF);
}

//! Private use, specials, non-characters and pictographs: never part of an official name.
bool IsSymbolOrUnassigned(char32_t c) {
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFDD0 && c <= 0xFDEF) || (c >= 0xFFF0 && c <= 0xFFFF) ||
         (c >= 0x2600 && c <= 0x27BF) || (c >= 0x1F000 && c <= 0x1FAFF) || c >= 0xF0000;
}

//! A locale of Boost.Locale's ICU backend, the one that implements Unicode normalisation; made once.
const std::locale& NormalisingLocale() {
  static const std::locale kLocale = [] {
    boost::locale::localization_backend_manager manager = boost::locale::localization_backend_manager::global();
    manager.select("icu");
    return boost::locale::generator(manager)("vi_VN.UTF-8");
  }();
  return kLocale;
}

//! Why free text could not be prepared.
enum class TextProblem : uint8_t { kNone, kTooLong, kUnreadable, kInvisible };

//! Free text made comparable: valid UTF-8, unusual spaces made ASCII, no control or invisible characters, NFC,
//! trimmed with inner runs of white space collapsed. Tab and line breaks count as white space, not as controls.
TextProblem PrepareText(std::string_view input, size_t max_bytes, std::string& out) {
  if (input.size() > max_bytes) {
    return TextProblem::kTooLong;
  }
  if (!IsValidUtf8(input)) {
    return TextProblem::kUnreadable;
  }
  std::string spaced;
  spaced.reserve(input.size());
  size_t i = 0;
  while (i < input.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(input, i);
    if (IsUnicodeSpace(c) || (c < 0x80 && IsAsciiSpace(static_cast<char>(c)))) {
      spaced += ' ';
      continue;
    }
    if (IsControl(c) || IsInvisible(c)) {
      return TextProblem::kInvisible;
    }
    spaced.append(input.substr(start, i - start));
  }
  try {
    out = CollapseSpaces(boost::locale::normalize(spaced, boost::locale::norm_nfc, NormalisingLocale()));
  } catch (const std::exception&) {
    return TextProblem::kUnreadable;  // no ICU, or text ICU refuses: an error for this field, never a crash
  }
  return TextProblem::kNone;
}

Checked Error(const char* message) { return Checked{{}, message}; }
Checked Ok(std::string value) { return Checked{std::move(value), {}}; }

const BirthProvince* FindProvince(std::string_view code) {
  const auto it = std::lower_bound(kBirthProvinces.begin(), kBirthProvinces.end(), code,
                                   [](const BirthProvince& p, std::string_view c) { return p.code < c; });
  if (it == kBirthProvinces.end() || it->code != code) {
    return nullptr;
  }
  return &*it;
}

//! Birth year encoded in digits 4–6 of a 12-digit ID.
int32_t EncodedBirthYear(std::string_view id) {
  const int32_t century = (id[kCenturyDigit] - '0') / 2;
  return kFirstCentury + century * kYearsPerCentury + DigitsValue(id.substr(kYearDigitsAt, 2));
}

bool IsLeapYear(int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int32_t DaysInMonth(int32_t year, int32_t month) {
  constexpr std::array<int32_t, kMonthsPerYear> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  constexpr int32_t kFebruary = 2;
  if (month == kFebruary && IsLeapYear(year)) {
    return kDays[1] + 1;
  }
  return kDays[static_cast<size_t>(month - 1)];
}

//! Dates compare as YYYYMMDD numbers.
int64_t DateKey(int32_t y, int32_t m, int32_t d) {
  constexpr int64_t kYearShift = 10000;
  constexpr int64_t kMonthShift = 100;
  return static_cast<int64_t>(y) * kYearShift + m * kMonthShift + d;
}

std::string TwoDigits(int32_t v) {
  return std::string{static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
}

//! Dot-atom rules shared by both sides of an address: no empty part between dots, no leading or trailing dot.
bool IsDotAtom(std::string_view s) {
  return !s.empty() && s.front() != '.' && s.back() != '.' && s.find("..") == std::string_view::npos;
}

}  // namespace

std::span<const BirthProvince> BirthProvinces() { return kBirthProvinces; }

Checked CheckPersonalId(std::string_view input, int32_t current_year) {
  const std::string id = Without(input, " \t.-");
  if (id.empty()) {
    return Error(kIdEmpty);
  }
  if (!AllDigits(id)) {
    return Error(kIdNotDigits);
  }
  if (id.size() == kOldIdCardDigits) {
    return Error(kIdOldCard);
  }
  if (id.size() != kPersonalIdDigits) {
    return Error(kIdLength);
  }
  if (FindProvince(std::string_view(id).substr(0, kProvinceDigits)) == nullptr) {
    return Error(kIdProvince);
  }
  const int32_t year = EncodedBirthYear(id);
  if (year > current_year || year < current_year - kMaxAgeYears) {
    return Error(kIdBirthYear);
  }
  return Ok(id);
}

std::optional<PersonalIdInfo> DescribePersonalId(std::string_view normalised_id) {
  if (normalised_id.size() != kPersonalIdDigits || !AllDigits(normalised_id)) {
    return std::nullopt;
  }
  const BirthProvince* province = FindProvince(normalised_id.substr(0, kProvinceDigits));
  if (province == nullptr) {
    return std::nullopt;
  }
  PersonalIdInfo info;
  info.province_code = std::string(province->code);
  info.province_name = std::string(province->name);
  info.birth_year = EncodedBirthYear(normalised_id);
  info.female = (normalised_id[kCenturyDigit] - '0') % 2 == 1;
  return info;
}

Checked CheckDateOfBirth(std::string_view day, std::string_view month, std::string_view year, int32_t current_year,
                         int32_t current_month, int32_t current_day) {
  day = TrimAscii(day);
  month = TrimAscii(month);
  year = TrimAscii(year);
  const bool no_day = day.empty();
  const bool no_month = month.empty();
  const bool no_year = year.empty();
  if (no_day && no_month && no_year) {
    return Error(kDateEmpty);
  }
  if (no_day && no_month) {
    return Error(kDateNoDayMonth);
  }
  if (no_day && no_year) {
    return Error(kDateNoDayYear);
  }
  if (no_month && no_year) {
    return Error(kDateNoMonthYear);
  }
  if (no_day) {
    return Error(kDateNoDay);
  }
  if (no_month) {
    return Error(kDateNoMonth);
  }
  if (no_year) {
    return Error(kDateNoYear);
  }
  if (!AllDigits(day) || !AllDigits(month) || !AllDigits(year)) {
    return Error(kDateNotNumbers);
  }
  if (year.size() != kYearFieldDigits) {
    return Error(kDateYearDigits);
  }
  const int32_t m = month.size() > kDayMonthMaxDigits ? 0 : DigitsValue(month);
  if (m < 1 || m > kMonthsPerYear) {
    return Error(kDateMonthRange);
  }
  const int32_t d = day.size() > kDayMonthMaxDigits ? 0 : DigitsValue(day);
  if (d < 1 || d > kMaxDaysInMonth) {
    return Error(kDateDayRange);
  }
  const int32_t y = DigitsValue(year);
  if (d > DaysInMonth(y, m)) {
    return Error(kDateNotReal);
  }
  const int64_t date = DateKey(y, m, d);
  if (date > DateKey(current_year, current_month, current_day)) {
    return Error(kDateFuture);
  }
  if (date < DateKey(current_year - kMaxAgeYears, current_month, current_day)) {
    return Error(kDateTooOld);
  }
  return Ok(std::string(year) + "-" + TwoDigits(m) + "-" + TwoDigits(d));
}

std::string CheckIdMatchesBirthYear(std::string_view normalised_id, std::string_view date_of_birth) {
  const auto info = DescribePersonalId(normalised_id);
  if (!info || date_of_birth.size() < kYearFieldDigits || !AllDigits(date_of_birth.substr(0, kYearFieldDigits))) {
    return "";  // either field is wrong on its own and its own check says so
  }
  if (DigitsValue(date_of_birth.substr(0, kYearFieldDigits)) != info->birth_year) {
    return kIdYearMismatch;
  }
  return "";
}

Checked CheckMobilePhone(std::string_view input) {
  std::string digits = Without(input, " \t.-()");
  if (digits.empty()) {
    return Error(kPhoneEmpty);
  }
  const bool plus = digits.front() == '+';
  if (plus) {
    digits.erase(0, 1);
  }
  if (!AllDigits(digits) || digits.empty()) {
    return Error(kPhoneFormat);
  }
  if (plus && !digits.starts_with(kCountryCode)) {
    return Error(kPhoneForeign);
  }
  // +84 912…, 84 912… (11 digits) and the common +84 0912… all mean 0912….
  if (plus || (digits.size() == kMobileDigits + 1 && digits.starts_with(kCountryCode))) {
    digits.erase(0, kCountryCode.size());
    if (!digits.starts_with('0')) {
      digits.insert(0, "0");
    }
  }
  if (digits.size() == kLandlineDigits && digits.starts_with("02")) {
    return Error(kPhoneLandline);
  }
  const bool mobile_prefix = digits.size() > 1 && std::string_view("35789").find(digits[1]) != std::string_view::npos;
  if (digits.size() != kMobileDigits || digits.front() != '0' || !mobile_prefix) {
    return Error(kPhoneFormat);
  }
  return Ok(digits);
}

Checked CheckTaxCode(std::string_view input) {
  const std::string code = Without(input, " \t.");
  if (code.empty()) {
    return Error(kTaxEmpty);
  }
  std::string main;
  std::string branch;
  if (code.size() == kTaxDigits && AllDigits(code)) {
    main = code;
  } else if (code.size() == kTaxDigits + kTaxBranchDigits && AllDigits(code)) {
    main = code.substr(0, kTaxDigits);
    branch = code.substr(kTaxDigits);
  } else if (code.size() == kTaxDigits + 1 + kTaxBranchDigits && code[kTaxDigits] == '-' &&
             AllDigits(std::string_view(code).substr(0, kTaxDigits)) &&
             AllDigits(std::string_view(code).substr(kTaxDigits + 1))) {
    main = code.substr(0, kTaxDigits);
    branch = code.substr(kTaxDigits + 1);
  } else {
    return Error(kTaxShape);
  }
  int32_t sum = 0;
  for (size_t i = 0; i < kTaxWeights.size(); ++i) {
    sum += (main[i] - '0') * kTaxWeights[i];
  }
  const int32_t check = kTaxCheckBase - sum % kTaxModulus;
  if (check == kTaxCheckBase || main.back() - '0' != check) {
    return Error(kTaxCheckDigit);
  }
  if (branch.empty()) {
    return Ok(main);
  }
  if (branch == "000") {
    return Error(kTaxBranch);
  }
  return Ok(main + "-" + branch);
}

Checked CheckEmail(std::string_view input) {
  const std::string_view email = TrimAscii(input);
  if (email.empty()) {
    return Ok("");
  }
  if (email.size() > kMaxEmailBytes) {
    return Error(kEmailTooLong);
  }
  if (!IsValidUtf8(email)) {
    return Error(kEmailFormat);
  }
  size_t i = 0;
  while (i < email.size()) {
    const char32_t c = NextCodePoint(email, i);
    if ((c < 0x80 && IsAsciiSpace(static_cast<char>(c))) || IsUnicodeSpace(c)) {
      return Error(kEmailSpaces);
    }
    if (IsControl(c) || IsInvisible(c)) {
      return Error(kEmailFormat);
    }
    if (c < 0x80 && std::string_view("()<>[]\\,;:\"").find(static_cast<char>(c)) != std::string_view::npos) {
      return Error(kEmailFormat);
    }
  }
  const size_t at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return Error(kEmailFormat);
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.size() > kMaxEmailLocalBytes) {
    return Error(kEmailLocalTooLong);
  }
  if (!IsDotAtom(local) || !IsDotAtom(domain) || domain.find('.') == std::string_view::npos) {
    return Error(kEmailFormat);
  }
  std::string out(local);
  out += '@';
  for (const char c : domain) {
    out += AsciiLower(c);
  }
  return Ok(out);
}

Checked CheckPersonName(std::string_view input) {
  std::string name;
  switch (PrepareText(input, kMaxPersonNameCodePoints * kRawBytesPerCodePoint, name)) {
    case TextProblem::kTooLong:
      return Error(kNameTooLong);
    case TextProblem::kUnreadable:
      return Error(kNameUnreadable);
    case TextProblem::kInvisible:
      return Error(kNameInvisible);
    case TextProblem::kNone:
      break;
  }
  if (name.empty()) {
    return Error(kNameEmpty);
  }
  bool has_letter = false;
  bool after_letter = false;
  size_t marks = 0;
  size_t i = 0;
  while (i < name.size()) {
    const char32_t c = NextCodePoint(name, i);
    if (IsLatinLetter(c)) {
      has_letter = true;
      after_letter = true;
      marks = 0;
      continue;
    }
    if (IsCombiningMark(c)) {
      if (!after_letter || ++marks > kMaxCombiningMarks) {
        return Error(kNameLetters);
      }
      continue;
    }
    after_letter = false;
    if (c != ' ' && c != '\'' && c != U'\u2019' && c != '-' && c != '.') {
      return Error(kNameLetters);
    }
  }
  if (!has_letter) {
    return Error(kNameLetters);
  }
  const size_t length = CodePointCount(name);
  if (length < kMinNameCodePoints) {
    return Error(kNameTooShort);
  }
  if (length > kMaxPersonNameCodePoints) {
    return Error(kNameTooLong);
  }
  return Ok(name);
}

Checked CheckOrganisationName(std::string_view input) {
  std::string name;
  switch (PrepareText(input, kMaxOrganisationNameCodePoints * kRawBytesPerCodePoint, name)) {
    case TextProblem::kTooLong:
      return Error(kOrgTooLong);
    case TextProblem::kUnreadable:
      return Error(kOrgUnreadable);
    case TextProblem::kInvisible:
      return Error(kOrgInvisible);
    case TextProblem::kNone:
      break;
  }
  if (name.empty()) {
    return Error(kOrgEmpty);
  }
  bool has_letter_or_digit = false;
  size_t i = 0;
  while (i < name.size()) {
    const char32_t c = NextCodePoint(name, i);
    if (IsSymbolOrUnassigned(c)) {
      return Error(kOrgCharacters);
    }
    const bool ascii_alnum = c < 0x80 && (IsAsciiLetter(static_cast<char>(c)) || IsAsciiDigit(static_cast<char>(c)));
    // Past Latin-1 punctuation, general punctuation and CJK punctuation, treat a character as a letter of its script.
    const bool other_letter = c >= 0x00C0 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
    has_letter_or_digit = has_letter_or_digit || ascii_alnum || other_letter;
  }
  if (!has_letter_or_digit) {
    return Error(kOrgCharacters);
  }
  const size_t length = CodePointCount(name);
  if (length < kMinNameCodePoints) {
    return Error(kOrgTooShort);
  }
  if (length > kMaxOrganisationNameCodePoints) {
    return Error(kOrgTooLong);
  }
  return Ok(name);
}

Checked CheckLoginName(std::string_view input) {
  const std::string_view trimmed = TrimAscii(input);
  if (trimmed.empty()) {
    return Error(kLoginEmpty);
  }
  std::string login;
  login.reserve(trimmed.size());
  for (const char c : trimmed) {
    const char lower = AsciiLower(c);
    if (!IsAsciiLetter(lower) && !IsAsciiDigit(lower) && lower != '.' && lower != '_' && lower != '-') {
      return Error(kLoginCharacters);
    }
    login += lower;
  }
  if (!IsAsciiLetter(login.front())) {
    return Error(kLoginFirstLetter);
  }
  if (login.size() < kMinLoginName || login.size() > kMaxLoginName) {
    return Error(kLoginLength);
  }
  return Ok(login);
}

}  // namespace motcua::domain
