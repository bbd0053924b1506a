// libFuzzer target: the identity checks and the password policy never crash on any input, what they accept has the
// documented form, and checking an accepted value again gives the same value (normalising is idempotent).
// The input is split on '\n'; every piece goes through every check, the first three also make a date of birth.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "domain/identity.hpp"
#include "domain/password_policy.hpp"
#include "domain/text.hpp"

namespace {

constexpr int32_t kYear = 2026;
constexpr int32_t kMonth = 11;
constexpr int32_t kDay = 26;
constexpr size_t kMaxPieces = 16;

void Require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

//! An accepted value is accepted again unchanged; a refusal always says why.
template <typename Check>
motcua::domain::Checked Idempotent(std::string_view input, Check check) {
  motcua::domain::Checked first = check(input);
  if (!first.ok()) {
    Require(first.value.empty());
    return first;
  }
  const motcua::domain::Checked again = check(first.value);
  Require(again.ok() && again.value == first.value);
  return first;
}

const motcua::domain::PasswordPolicy& Policy() {
  static const motcua::domain::PasswordPolicy policy("# test list\npassword\nmatkhau\n12345678\nanhyeuem\n");
  return policy;
}

void CheckPiece(std::string_view s, const motcua::domain::PasswordContext& context) {
  using namespace motcua::domain;
  const Checked id = Idempotent(s, [](std::string_view v) { return CheckPersonalId(v, kYear); });
  if (id.ok()) {
    Require(id.value.size() == 12 && AllDigits(id.value) && DescribePersonalId(id.value).has_value());
  }
  const Checked phone = Idempotent(s, CheckMobilePhone);
  if (phone.ok()) {
    Require(phone.value.size() == 10 && AllDigits(phone.value) && phone.value[0] == '0' &&
            std::string_view("35789").find(phone.value[1]) != std::string_view::npos);
  }
  const Checked tax = Idempotent(s, CheckTaxCode);
  if (tax.ok()) {
    Require((tax.value.size() == 10 && AllDigits(tax.value)) || (tax.value.size() == 14 && tax.value[10] == '-'));
  }
  const Checked email = Idempotent(s, CheckEmail);
  if (email.ok()) {
    Require(email.value.size() <= 254 && IsValidUtf8(email.value));
  }
  const Checked person = Idempotent(s, CheckPersonName);
  if (person.ok()) {
    const size_t n = CodePointCount(person.value);
    Require(IsValidUtf8(person.value) && n >= 2 && n <= 100 && CollapseSpaces(person.value) == person.value);
  }
  const Checked organisation = Idempotent(s, CheckOrganisationName);
  if (organisation.ok()) {
    const size_t n = CodePointCount(organisation.value);
    Require(IsValidUtf8(organisation.value) && n >= 2 && n <= 200);
  }
  const Checked login = Idempotent(s, CheckLoginName);
  if (login.ok()) {
    Require(login.value.size() >= 3 && login.value.size() <= 40);
  }
  if (Policy().Check(s, context).empty()) {
    Require(s.size() <= PasswordPolicy::kMaxBytes && IsValidUtf8(s) &&
            CodePointCount(s) >= PasswordPolicy::kMinCodePoints);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace motcua::domain;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (pieces.size() < kMaxPieces) {
    const size_t end = input.find('\n', start);
    pieces.push_back(input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  while (pieces.size() < 4) {
    pieces.emplace_back();
  }
  // The name and the date of birth too (issue 8): folding arbitrary bytes and slicing a malformed date must hold.
  const PasswordContext context{std::string(pieces[0]), std::string(pieces[1]), std::string(pieces[2]),
                                std::string(pieces[3]), std::string(pieces[1]), std::string(pieces[2])};
  for (const std::string_view piece : pieces) {
    CheckPiece(piece, context);
  }
  const Checked date = CheckDateOfBirth(pieces[0], pieces[1], pieces[2], kYear, kMonth, kDay);
  if (date.ok()) {
    Require(date.value.size() == 10 && date.value[4] == '-' && date.value[7] == '-');
    const std::string_view v = date.value;
    const Checked again = CheckDateOfBirth(v.substr(8, 2), v.substr(5, 2), v.substr(0, 4), kYear, kMonth, kDay);
    Require(again.ok() && again.value == date.value);
    (void)CheckIdMatchesBirthYear(pieces[3], date.value);
  }
  return 0;
}
