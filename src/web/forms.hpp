#pragma once
//! HTML forms: reading a submitted form, field-level errors, and GOV.UK inputs that show what was typed.

#include <ctemplate/template.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace motcua::web {

class Site;

//! The fields of a submitted `application/x-www-form-urlencoded` body.
class Form {
 public:
  //! Parses the body of `req`; a malformed body reads as empty (the page then asks again, nothing is stored).
  explicit Form(const http::Request& req);
  //! The value of field `name` ("" when absent).
  std::string Get(std::string_view name) const;
  //! The value of text field `name`, cut to kMaxFieldBytes on a character boundary (no field of ours is longer).
  std::string Text(std::string_view name) const;
  //! Longest text kept from one field.
  static constexpr size_t kMaxFieldBytes = size_t{16} * 1024;
  //! Every value of field `name` (checkboxes).
  std::vector<std::string> All(std::string_view name) const;
  //! True when the body could be read.
  bool ok() const { return ok_; }

 private:
  http::Pairs fields_;
  bool ok_ = false;
};

//! Field-level errors, in the order of the fields on the page.
class FieldErrors {
 public:
  //! Records `message` (already translated) for `field`; the first error of a field wins.
  void Add(std::string field, std::string message);
  //! True when there is no error.
  bool empty() const { return items_.empty(); }
  //! The error of `field`, or "".
  std::string Of(std::string_view field) const;
  //! Every error in order.
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

//! A text input as the page shows it.
struct InputSpec {
  const char* name;                  //!< Field name and element id.
  const char* label;                 //!< Vietnamese label (message id).
  const char* hint = nullptr;        //!< Vietnamese hint (message id), optional.
  const char* type = "text";         //!< Input type, or "textarea" for a three-line text area.
  const char* autocomplete = "off";  //!< Autocomplete token.
  const char* width = "";            //!< GOV.UK width class suffix, e.g. "20" or "one-half".
  const char* inputmode = "";        //!< Input mode, e.g. "numeric".
};

//! Adds include `marker` showing input `spec` with `value` and its error from `errors`.
void AddInput(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page, std::string_view marker,
              const InputSpec& spec, const std::string& value, const FieldErrors& errors);

//! Adds include `marker` showing a GOV.UK date input named `name` (fields name-ngay, name-thang, name-nam);
//! `own` marks the person's own birthday for autofill.
void AddDateInput(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page, std::string_view marker,
                  const char* name, const char* label, const char* hint, const std::string& day,
                  const std::string& month, const std::string& year, bool own, const FieldErrors& errors);

//! Adds the GOV.UK error summary (include ERROR_SUMMARY) listing `errors`, linking each to its field.
void AddErrorSummary(std::string_view lang, ctemplate::TemplateDictionary& page, const FieldErrors& errors);

//! Sets CSRF on `page` to the caller's token of `req`.
void AddCsrf(const http::Request& req, ctemplate::TemplateDictionary& page);

//! Adds a success banner (include NOTICE) showing `text`; nothing when `text` is empty.
void AddNotice(std::string_view lang, ctemplate::TemplateDictionary& page, const std::string& text);

//! `res` with a Set-Cookie header added (none when `cookie` is empty).
http::Response WithCookie(http::Response res, const std::string& cookie);

//! Adds a form's inputs to `page` in the language `lang`.
using FillForm = std::function<void(ctemplate::TemplateDictionary& page, const std::string& lang)>;

//! A form page: template `name` titled by message id `title`, with the CSRF token, the error summary of `errors`,
//! and the inputs `fill` adds.
http::Response FormPage(const Site& site, const http::Request& req, std::string_view name, const char* title,
                        const FieldErrors& errors, int32_t status, const FillForm& fill);

//! A page with a heading, a paragraph and an optional link.
http::Response MessagePage(const Site& site, const http::Request& req, int32_t status, const std::string& heading,
                           const std::string& message, const std::string& link, const std::string& link_text);

//! "dd/mm/yyyy hh:mm" in Vietnam time of Unix seconds (see domain::LocalTime).
std::string LocalTime(int64_t unix_seconds);

//! Unix seconds at the start of the Vietnamese day `iso_date` plus `days_after` days (see domain::VietnamDayStart).
std::optional<int64_t> VietnamDayStart(std::string_view iso_date, int32_t days_after);

//! The number in path parameter `name`, or 0.
int64_t IdParam(const http::Request& req, std::string_view name);

}  // namespace motcua::web
