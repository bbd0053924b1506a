#pragma once
//! Checks of what a person types about themselves or their organisation: personal ID number, date of birth, mobile
//! phone, tax code, e-mail, names and officers' login names. Pure functions: no I/O, the clock is a parameter.
//! Every error is a Vietnamese message id (N_ in domain/messages.hpp) that the web layer translates.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace motcua::domain {

//! One checked input: the normalised value, or the Vietnamese message (a msgid) saying what is wrong.
struct Checked {
  std::string value;  //!< Normalised value when ok.
  std::string error;  //!< Message id; empty when ok.
  //! True when the input was accepted.
  bool ok() const { return error.empty(); }
};

//! What a valid personal ID number (số định danh cá nhân) encodes.
struct PersonalIdInfo {
  std::string province_code;  //!< Province of birth registration, old 63-province list, e.g. "036".
  std::string province_name;  //!< Its name, e.g. "Nam Định".
  int32_t birth_year = 0;     //!< Full year of birth, e.g. 1999.
  bool female = false;        //!< Sex encoded in digit 4 (odd = female).
};

//! A province of the old 63-province list and its code in personal ID numbers (mã tỉnh nơi đăng ký khai sinh).
struct BirthProvince {
  std::string_view code;  //!< Three digits, e.g. "036".
  std::string_view name;  //!< Name before the 2025 mergers, e.g. "Nam Định".
};

//! Number of years a date of birth (or the year in an ID number) may lie before the current year.
constexpr int32_t kMaxAgeYears = 120;

//! The 63 province codes that open a personal ID number, in ascending order.
std::span<const BirthProvince> BirthProvinces();

//! Checks a 12-digit personal ID number; spaces, dots and dashes are ignored. Value: the 12 digits.
Checked CheckPersonalId(std::string_view input, int32_t current_year);

//! Province, birth year and sex of a 12-digit ID with a known province code; nullopt for any other text.
std::optional<PersonalIdInfo> DescribePersonalId(std::string_view normalised_id);

//! Checks a date typed in three fields (day, month, year) as a date of birth. Value: "YYYY-MM-DD".
Checked CheckDateOfBirth(std::string_view day, std::string_view month, std::string_view year, int32_t current_year,
                         int32_t current_month, int32_t current_day);

//! Error (msgid) when the ID's encoded birth year differs from the date of birth's year, else "".
std::string CheckIdMatchesBirthYear(std::string_view normalised_id, std::string_view date_of_birth);

//! Checks a Vietnamese mobile number, also written +84… or 84…. Value: ten digits "0xxxxxxxxx".
Checked CheckMobilePhone(std::string_view input);

//! Checks a tax code (mã số thuế): 10 digits with a check digit, or a branch's 13. Value: "0100109106[-001]".
Checked CheckTaxCode(std::string_view input);

//! Checks an optional e-mail address: "" is ok with an empty value. Value: trimmed, domain in lower case.
Checked CheckEmail(std::string_view input);

//! Checks a person's full name as on their ID card, in Latin letters. Value: NFC, spaces collapsed.
Checked CheckPersonName(std::string_view input);

//! Checks an organisation's name (letters of any script, digits, punctuation). Value: NFC, spaces collapsed.
Checked CheckOrganisationName(std::string_view input);

//! Checks an officer's login name: 3–40 of [a-z0-9._-], starting with a letter. Value: lower case.
Checked CheckLoginName(std::string_view input);

}  // namespace motcua::domain
