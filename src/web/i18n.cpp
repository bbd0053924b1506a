#include "web/i18n.hpp"

#include <algorithm>
#include <boost/locale.hpp>

namespace motcua::web {

namespace {

constexpr std::string_view kDomain = "motcua";

}  // namespace

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> kLanguages = {"vi", "en"};
  return kLanguages;
}

bool Translator::IsSupported(std::string_view lang) {
  for (const std::string& l : Languages()) {
    if (l == lang) {
      return true;
    }
  }
  return false;
}

Translator::Translator(const std::string& locale_dir) {
  boost::locale::generator gen;
  gen.add_messages_path(locale_dir);
  gen.add_messages_domain(std::string(kDomain));
  // The std backend needs no system locales installed; only message catalogues matter here.
  gen.use_ansi_encoding(false);
  for (const std::string& lang : Languages()) {
    locales_.emplace(lang, gen(lang + ".UTF-8"));
  }
}

std::string Translator::Get(std::string_view lang, std::string_view msgid) const {
  const auto it = locales_.find(lang);
  if (it == locales_.end() || lang == Languages().front()) {
    return std::string(msgid);
  }
  return boost::locale::translate(std::string(msgid)).str(it->second);
}

std::string Translator::GetPlural(std::string_view lang, std::string_view singular, std::string_view plural,
                                  int64_t n) const {
  const auto it = locales_.find(lang);
  if (it == locales_.end() || lang == Languages().front()) {
    return std::string(n == 1 ? singular : plural);
  }
  // Plural rules only tell small counts apart; a count past int range behaves like any large one.
  constexpr int64_t kLargeCount = 1000000;
  const int count = static_cast<int>(std::min(n, kLargeCount));
  return boost::locale::translate(std::string(singular), std::string(plural), count).str(it->second);
}

}  // namespace motcua::web
