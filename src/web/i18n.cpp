#include "web/i18n.hpp"

#include <algorithm>
#include <boost/locale.hpp>

#include "domain/result.hpp"

namespace motcua::web {

namespace {

constexpr std::string_view kDomain = "motcua";

//! `text` with each `{}` replaced in order by the next of the `args` (separated by kMessageArgSeparator); a `{}`
//! without an argument stays as it is, an argument without a place is dropped.
std::string WithArguments(std::string_view text, std::string_view args) {
  std::string out;
  out.reserve(text.size() + args.size());
  size_t from = 0;
  for (size_t at = text.find("{}"); at != std::string_view::npos; at = text.find("{}", from)) {
    out.append(text.substr(from, at - from));
    from = at + 2;
    if (args.data() == nullptr) {
      out.append("{}");
      continue;
    }
    const size_t end = args.find(domain::kMessageArgSeparator);
    out.append(args.substr(0, end));
    args = end == std::string_view::npos ? std::string_view{} : args.substr(end + 1);
  }
  out.append(text.substr(from));
  return out;
}

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
  const size_t sep = msgid.find(domain::kMessageArgSeparator);
  if (sep != std::string_view::npos) {
    return WithArguments(Get(lang, msgid.substr(0, sep)), msgid.substr(sep + 1));
  }
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
