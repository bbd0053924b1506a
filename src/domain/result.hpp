#pragma once
//! One result type for expected failures (DuckDB's habit): an operation returns either its value or an `Error`
//! whose kind tells the caller how to answer (a form with messages, 404, 409, 429 with Retry-After, 503…).
//! Exceptions remain for what ends the operation unexpectedly (a lost database, a bug).

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace motcua::domain {

//! Separates a message id from its arguments in a message that carries values ("… {} MB." and "10"): the caller
//! translates the id, then puts the arguments into its `{}` in order (web::Translator::Get does both).
inline constexpr char kMessageArgSeparator = '\x1f';

//! A message id with the values of its `{}` places, kept apart so that the id is translated before they go in.
inline std::string MessageWith(std::string_view msgid, std::initializer_list<std::string_view> args) {
  std::string out(msgid);
  for (std::string_view a : args) {
    out += kMessageArgSeparator;
    out += a;
  }
  return out;
}

//! Why an operation did not happen.
enum class ErrorKind {
  kInvalid,      //!< The input breaks a rule; `fields` says which and why (answer: the form again, 400/422).
  kNotFound,     //!< No such object, or the actor may not know it exists (404).
  kForbidden,    //!< The actor may not do this to this object (403, or 404 where existence is private).
  kConflict,     //!< The object changed or a unique value is taken (409).
  kRateLimited,  //!< Too many attempts; try again after `retry_after_seconds` (429).
  kBusy,         //!< A bounded resource is full; nothing was done, try again soon (503).
  kUnavailable,  //!< The service is switched off or not configured here (503 or a plain explanation).
};

//! One message about one input field.
struct FieldError {
  std::string field;    //!< Name of the form field (the id the error summary links to).
  std::string message;  //!< Vietnamese message id, translated by the caller.
};

//! An expected failure: its kind, a message id for people, and the fields at fault.
struct Error {
  ErrorKind kind = ErrorKind::kInvalid;  //!< How the caller should answer.
  std::string message;                   //!< Vietnamese message id (`N_`), translated by the web layer.
  std::vector<FieldError> fields;        //!< For kInvalid and kConflict: which inputs are at fault.
  int64_t retry_after_seconds = 0;       //!< For kRateLimited and kBusy: when to try again.

  //! An error of `kind` with a message id.
  static Error Of(ErrorKind kind, std::string message) { return Error{kind, std::move(message), {}, 0}; }
  //! An invalid-input error naming one field.
  static Error Field(std::string field, std::string message) {
    return Error{ErrorKind::kInvalid, {}, {FieldError{std::move(field), std::move(message)}}, 0};
  }
};

//! Nothing to return beyond success.
struct Done {};

//! The value of a successful operation, or why it failed.
template <typename T>
class Result {
 public:
  //! A success carrying `value`.
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor): return value or error alike
  //! A failure.
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  //! True on success.
  bool ok() const { return std::holds_alternative<T>(v_); }
  //! True on success.
  explicit operator bool() const { return ok(); }
  //! The value (only on success).
  T& value() & { return std::get<T>(v_); }
  //! The value (only on success).
  const T& value() const& { return std::get<T>(v_); }
  //! The value, moved out (only on success).
  T&& value() && { return std::get<T>(std::move(v_)); }
  //! The value (only on success).
  T* operator->() { return &std::get<T>(v_); }
  //! The value (only on success).
  const T* operator->() const { return &std::get<T>(v_); }
  //! The value (only on success).
  T& operator*() { return std::get<T>(v_); }
  //! The value (only on success).
  const T& operator*() const { return std::get<T>(v_); }
  //! The failure (only when not ok).
  const Error& error() const { return std::get<Error>(v_); }
  //! The failure's kind (only when not ok).
  ErrorKind kind() const { return error().kind; }

 private:
  std::variant<T, Error> v_;
};

}  // namespace motcua::domain
