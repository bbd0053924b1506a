#include "domain/password_policy.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::domain {

namespace {

// Message ids: one literal each on one line, so scripts/extract-messages.sh and the i18n test find them.
// clang-format off
constexpr const char* kEmpty = N_("Nhập mật khẩu");
constexpr const char* kTooShort = N_("Mật khẩu phải có ít nhất 8 ký tự");
constexpr const char* kTooLong = N_("Mật khẩu quá dài. Hãy dùng tối đa 256 ký tự, chữ có dấu được tính là 2 hoặc 3 ký tự");
constexpr const char* kUnreadable = N_("Mật khẩu có ký tự không đọc được. Hãy gõ lại mật khẩu");
constexpr const char* kCommon = N_("Mật khẩu này quá phổ biến hoặc dễ đoán. Hãy chọn một cụm từ dài hơn mà chỉ bạn biết");
constexpr const char* kPersonal = N_("Mật khẩu không được chứa số định danh, số điện thoại, tên đăng nhập hay địa chỉ thư điện tử của bạn");
constexpr const char* kNameOrBirth = N_("Mật khẩu không được chứa tên hay ngày, năm sinh của bạn. Hãy chọn một cụm từ mà người biết bạn không đoán ra");
// clang-format on

//! Personal data shorter than this is too common a string to forbid inside a password.
constexpr size_t kMinPersonalBytes = 4;
//! A part of the person's name shorter than this ("An", "Lê") is too common a string to forbid.
constexpr size_t kMinNamePartBytes = 3;
//! "YYYY-MM-DD": where the year, month and day of a date of birth are.
constexpr size_t kYearDigits = 4;
constexpr size_t kMonthAt = 5;
constexpr size_t kDayAt = 8;
constexpr size_t kIsoDateBytes = 10;
//! A blocklisted word followed by at most this many digits or symbols ("matkhau@123", "iloveyou!!") is still blocked.
constexpr size_t kMaxSuffix = 4;
//! The word left after removing such a suffix must be at least this long to count.
constexpr size_t kMinStemBytes = 4;
//! Longest repeated unit that makes a password a pattern ("abcabcabc", "68686868").
constexpr size_t kMaxRepeatUnit = 4;
//! Dates written as 8 digits (ddmmyyyy, yyyymmdd, mmddyyyy): birthdays are the first guess.
constexpr size_t kDateDigits = 8;
constexpr int32_t kFirstDateYear = 1900;
constexpr int32_t kLastDateYear = 2099;
constexpr int32_t kMonths = 12;
constexpr int32_t kMaxDay = 31;
constexpr size_t kMobileDigits = 10;
constexpr std::string_view kCountryCode = "84";

//! Rows and walks of a QWERTY keyboard; a password that is a stretch of one of them (either way) is a pattern.
constexpr std::array<std::string_view, 12> kKeyboardWalks = {
    "`1234567890-=",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "qwertyuiopasdfghjklzxcvbnm",
    "~!@#$%^&*()_+",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
    "qazwsxedcrfvtgbyhnujmik,ol.p;/",
    "1q2w3e4r5t6y7u8i9o0p",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7",
    "qwertzuiopasdfghjklyxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

std::string Without(std::string_view s, char drop) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    if (c != drop) {
      out += c;
    }
  }
  return out;
}

std::string DigitsOf(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (IsDigit(c)) {
      out += c;
    }
  }
  return out;
}

//! The code points of valid UTF-8 `s`, each as its bytes.
std::vector<std::string_view> CodePoints(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t len = 1;
    while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

//! One unit of up to four characters repeated: "aaaaaaaa", "abababab", "123123123".
bool IsRepetition(std::string_view s) {
  const std::vector<std::string_view> cps = CodePoints(s);
  const size_t n = cps.size();
  for (size_t unit = 1; unit <= kMaxRepeatUnit && unit * 2 <= n; ++unit) {
    if (n % unit != 0) {
      continue;
    }
    bool repeated = true;
    for (size_t i = unit; i < n && repeated; ++i) {
      repeated = cps[i] == cps[i % unit];
    }
    if (repeated) {
      return true;
    }
  }
  return false;
}

//! Consecutive digits or letters, up or down: "12345678", "87654321", "78901234", "abcdefgh".
bool IsSequence(std::string_view s) {
  if (s.size() < 2) {
    return false;
  }
  const bool digits = std::all_of(s.begin(), s.end(), IsDigit);
  const bool letters = std::all_of(s.begin(), s.end(), IsLower);
  if (!digits && !letters) {
    return false;
  }
  constexpr int32_t kDigitCount = 10;
  for (const int32_t step : {1, -1}) {
    bool follows = true;
    for (size_t i = 1; i < s.size() && follows; ++i) {
      const int32_t diff = s[i] - s[i - 1];
      follows = diff == step || (digits && (diff == step - step * kDigitCount));  // 9→0 and 0→9 wrap
    }
    if (follows) {
      return true;
    }
  }
  return false;
}

//! A stretch of a keyboard row or walk, either way: "qwertyui", "asdfghjk", "1qaz2wsx", ";lkjhgfd".
bool IsKeyboardWalk(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  const std::string reversed(s.rbegin(), s.rend());
  for (const std::string_view walk : kKeyboardWalks) {
    if (walk.find(s) != std::string_view::npos || walk.find(reversed) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

int32_t Number(std::string_view digits) {
  int32_t v = 0;
  for (const char c : digits) {
    v = v * 10 + (c - '0');
  }
  return v;
}

//! Eight digits that read as a date: ddmmyyyy, mmddyyyy or yyyymmdd.
bool IsDate(std::string_view s) {
  if (s.size() != kDateDigits || !std::all_of(s.begin(), s.end(), IsDigit)) {
    return false;
  }
  const auto plausible = [](int32_t day, int32_t month, int32_t year) {
    return day >= 1 && day <= kMaxDay && month >= 1 && month <= kMonths && year >= kFirstDateYear &&
           year <= kLastDateYear;
  };
  const int32_t a = Number(s.substr(0, 2));
  const int32_t b = Number(s.substr(2, 2));
  const int32_t head_year = Number(s.substr(0, 4));
  const int32_t tail_year = Number(s.substr(4, 4));
  return plausible(a, b, tail_year) || plausible(b, a, tail_year) ||
         plausible(Number(s.substr(6, 2)), Number(s.substr(4, 2)), head_year);
}

bool IsPattern(std::string_view s) { return IsRepetition(s) || IsSequence(s) || IsKeyboardWalk(s) || IsDate(s); }

bool IsDigitOrSymbol(char c) {
  return IsDigit(c) || (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

//! The person's own strings that must not appear in their password, lower case.
std::vector<std::string> PersonalStrings(const PasswordContext& context) {
  std::vector<std::string> out;
  out.push_back(DigitsOf(context.personal_id));
  std::string phone = DigitsOf(context.phone);
  if (phone.size() == kMobileDigits + 1 && phone.starts_with(kCountryCode)) {
    phone = "0" + phone.substr(kCountryCode.size());
  }
  out.push_back(phone);
  if (phone.starts_with('0')) {
    out.push_back(phone.substr(1));
  }
  out.push_back(AsciiLower(context.login_name));
  const size_t at = context.email.rfind('@');
  out.push_back(AsciiLower(std::string_view(context.email).substr(0, at)));
  std::erase_if(out, [](const std::string& s) { return s.size() < kMinPersonalBytes; });
  return out;
}

//! The parts of the person's name of kMinNamePartBytes letters or more, folded (lower case, no accents, đ → d).
std::vector<std::string> NameParts(const PasswordContext& context) {
  std::vector<std::string> out;
  const std::string name = Fold(context.full_name);
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) {
      end = name.size();
    }
    if (end - start >= kMinNamePartBytes) {
      out.push_back(name.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

//! The digits of the person's date of birth that must not appear in their password: the year, and the whole date
//! as people type it (ddmmyy, mmddyy; ddmmyyyy and yyyymmdd hold the year).
std::vector<std::string> BirthDigits(const PasswordContext& context) {
  const std::string_view dob = context.date_of_birth;
  if (dob.size() != kIsoDateBytes || DigitsOf(dob).size() != kDateDigits) {
    return {};
  }
  const std::string year(dob.substr(0, kYearDigits));
  const std::string month(dob.substr(kMonthAt, 2));
  const std::string day(dob.substr(kDayAt, 2));
  return {year, day + month + year.substr(2), month + day + year.substr(2)};
}

//! The runs of letters of folded text: "hoa@xanh 7tim" → hoa, xanh, tim.
std::vector<std::string> LetterRuns(std::string_view folded) {
  std::vector<std::string> runs;
  std::string run;
  for (const char c : folded) {
    if (IsLower(c)) {
      run += c;
      continue;
    }
    if (!run.empty()) {
      runs.push_back(std::move(run));
      run.clear();
    }
  }
  if (!run.empty()) {
    runs.push_back(std::move(run));
  }
  return runs;
}

//! True when a run of letters is the name part `part`, or begins or ends with it and goes on for a syllable or more
//! ("nguyenvanan", "hoamai"): a Vietnamese word that merely begins with a short name is not the name ("trang" does
//! not hold "tran", "vang" not "van", "thien" not "thi"), so that people keep their everyday words.
bool HoldsNamePart(std::string_view run, std::string_view part) {
  if (run == part) {
    return true;
  }
  if (run.size() < part.size() + kMinNamePartBytes) {
    return false;
  }
  return run.starts_with(part) || run.ends_with(part);
}

//! True when `password` holds the person's name or birth date (see NameParts, BirthDigits, HoldsNamePart).
bool HoldsNameOrBirth(std::string_view password, const PasswordContext& context) {
  const std::vector<std::string> parts = NameParts(context);
  for (const std::string& run : LetterRuns(Fold(password))) {
    if (std::any_of(parts.begin(), parts.end(), [&](const std::string& p) { return HoldsNamePart(run, p); })) {
      return true;
    }
  }
  const std::string digits = DigitsOf(password);
  const std::vector<std::string> birth = BirthDigits(context);
  return std::any_of(birth.begin(), birth.end(),
                     [&](const std::string& b) { return digits.find(b) != std::string::npos; });
}

}  // namespace

PasswordPolicy::PasswordPolicy(std::string_view blocklist_text) {
  size_t start = 0;
  while (start < blocklist_text.size()) {
    size_t end = blocklist_text.find('\n', start);
    if (end == std::string_view::npos) {
      end = blocklist_text.size();
    }
    std::string_view line = blocklist_text.substr(start, end - start);
    start = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    if (line.empty() || line.front() == '#') {
      continue;
    }
    blocked_.insert(AsciiLower(line));
  }
}

size_t PasswordPolicy::size() const { return blocked_.size(); }

bool PasswordPolicy::IsBlocked(const std::string& lowered) const {
  if (blocked_.contains(lowered)) {
    return true;
  }
  for (size_t k = 1; k <= kMaxSuffix && k < lowered.size() && IsDigitOrSymbol(lowered[lowered.size() - k]); ++k) {
    const std::string stem = lowered.substr(0, lowered.size() - k);
    if (stem.size() >= kMinStemBytes && blocked_.contains(stem)) {
      return true;
    }
    if (CodePointCount(stem) >= kMinCodePoints && IsPattern(stem)) {
      return true;
    }
  }
  return false;
}

std::string PasswordPolicy::Check(std::string_view password, const PasswordContext& context) const {
  if (password.empty()) {
    return kEmpty;
  }
  if (password.size() > kMaxBytes) {
    return kTooLong;
  }
  if (!IsValidUtf8(password)) {
    return kUnreadable;
  }
  if (CodePointCount(password) < kMinCodePoints) {
    return kTooShort;
  }
  const std::string lowered = AsciiLower(password);
  const std::string squeezed = Without(lowered, ' ');  // "anh yeu em" is as guessable as "anhyeuem"
  // The person's own data first: when it is also a common string, naming it helps more.
  for (const std::string& own : PersonalStrings(context)) {
    if (lowered.find(own) != std::string::npos || squeezed.find(own) != std::string::npos) {
      return kPersonal;
    }
  }
  // Folded, the password reads as the name does: "Nguyễn@1990" and "nguyen1990" both hold "nguyen" and "1990".
  if (HoldsNameOrBirth(password, context)) {
    return kNameOrBirth;
  }
  if (IsBlocked(lowered) || IsBlocked(squeezed) || IsPattern(lowered) || IsPattern(squeezed)) {
    return kCommon;
  }
  return "";
}

}  // namespace motcua::domain
