#pragma once
//! What makes a new password acceptable: NIST SP 800-63B §3.1.1.2 (length, a blocklist of common and guessable
//! passwords, nothing from the person's own data; no composition rules, spaces and any Unicode allowed).

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace motcua::domain {

//! What the portal knows about the person choosing the password; empty fields are ignored.
struct PasswordContext {
  std::string personal_id;    //!< Số định danh cá nhân.
  std::string phone;          //!< Mobile number, 0xxxxxxxxx or +84 form.
  std::string login_name;     //!< Officer's login name.
  std::string email;          //!< E-mail address; its local part is what matters.
  std::string full_name;      //!< Name as on the ID card; every part of 3 letters or more is refused (accents folded).
  std::string date_of_birth;  //!< YYYY-MM-DD; the birth year and the date's digits are refused.
};

//! Rules for a new password (NIST SP 800-63B: length and a blocklist, no composition rules).
class PasswordPolicy {
 public:
  //! Builds the blocklist from the text of data/reference/common-passwords.txt (one per line, '#' comments).
  explicit PasswordPolicy(std::string_view blocklist_text);

  //! Message id when `password` is not acceptable for this person, else "".
  std::string Check(std::string_view password, const PasswordContext& context) const;

  //! Number of blocklisted passwords.
  size_t size() const;

  //! Fewest code points a password may have.
  static constexpr size_t kMinCodePoints = 8;
  //! Most bytes a password may have (the hash input stays bounded).
  static constexpr size_t kMaxBytes = 256;

 private:
  //! True when `lowered` (ASCII lower case) or its stem before a short run of digits and symbols is blocklisted.
  bool IsBlocked(const std::string& lowered) const;

  std::unordered_set<std::string> blocked_;  //!< Blocklisted passwords, ASCII lower case.
};

}  // namespace motcua::domain
