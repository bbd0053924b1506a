#pragma once
//! The person details asked on the registration page and on the counter's "create an account" page: one set of
//! fields, one set of checks.

#include <ctemplate/template.h>

#include <string>
#include <string_view>

#include "service/accounts.hpp"
#include "web/forms.hpp"

namespace motcua::web {

class Site;

//! What was typed, kept as typed so that a page with errors shows it again.
struct PersonInput {
  std::string name;         //!< ho_ten
  std::string personal_id;  //!< so_dinh_danh
  std::string day;          //!< ngay_sinh-ngay
  std::string month;        //!< ngay_sinh-thang
  std::string year;         //!< ngay_sinh-nam
  std::string phone;        //!< dien_thoai
  std::string email;        //!< email

  //! Reads the fields from a submitted form.
  static PersonInput From(const Form& form);
};

//! Who fills the form in: the person (their own details, phone required) or an officer at the counter (the
//! citizen's details, phone optional: some people have none).
enum class PersonFormFor { kSelf, kCounter };

//! Checks `in`, adding field errors in page order, and returns the account it describes (normalised values;
//! status, password and creator left for the caller).
service::NewAccount CheckPerson(const Site& site, std::string_view lang, const PersonInput& in, PersonFormFor who,
                                FieldErrors& errors);

//! Adds the includes F_NAME, F_ID, F_DOB, F_PHONE and F_EMAIL showing `in` and its errors.
void AddPersonFields(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                     const PersonInput& in, PersonFormFor who, const FieldErrors& errors);

//! The field error for a duplicate ID number or phone (see service::ConflictField).
void AddConflictError(const Site& site, std::string_view lang, service::Conflict c, PersonFormFor who,
                      FieldErrors& errors);

}  // namespace motcua::web
