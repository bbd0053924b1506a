#pragma once
//! Interface languages: Vietnamese first (the message ids), English through gettext catalogues.

#include <locale>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace motcua::web {

//! The languages of the interface; the first is the default.
const std::vector<std::string>& Languages();

//! Translates Vietnamese message ids with the gettext catalogues in `locale_dir`/<lang>/LC_MESSAGES/motcua.mo.
class Translator {
 public:
  //! Loads the catalogues of every language.
  explicit Translator(const std::string& locale_dir);
  //! The text of `msgid` in `lang`; the id itself (Vietnamese) when untranslated.
  std::string Get(std::string_view lang, std::string_view msgid) const;
  //! The text for count `n`: `singular` or `plural` (message ids) translated with the language's plural rule.
  std::string GetPlural(std::string_view lang, std::string_view singular, std::string_view plural, int64_t n) const;
  //! True when `lang` is a supported language code.
  static bool IsSupported(std::string_view lang);

 private:
  std::map<std::string, std::locale, std::less<>> locales_;
};

}  // namespace motcua::web
