#include "domain/user_agent.hpp"

#include <array>
#include <utility>

namespace motcua::domain {

namespace {

//! Header tokens and the browser they name, most specific first: Edge, Opera, Samsung Internet, Cốc Cốc and
//! in-app browsers all say "Chrome" and "Safari" too, and Chrome says "Safari".
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kBrowsers = {{
    {"Zalo", "Zalo"},
    {"coc_coc_browser", "Cốc Cốc"},
    {"SamsungBrowser/", "Samsung Internet"},
    {"EdgA/", "Edge"},
    {"EdgiOS/", "Edge"},
    {"Edg/", "Edge"},
    {"Edge/", "Edge"},
    {"OPR/", "Opera"},
    {"OPiOS/", "Opera"},
    {"Opera", "Opera"},
    {"FxiOS/", "Firefox"},
    {"Firefox/", "Firefox"},
    {"CriOS/", "Chrome"},
    {"Chrome/", "Chrome"},
    {"curl/", "curl"},
    {"Wget/", "Wget"},
    {"python-requests/", "Python requests"},
}};

//! Header tokens and the system they name; phones before the desktop systems their headers also mention.
constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kSystems = {{
    {"Android", "Android"},
    {"iPhone", "iOS"},
    {"iPad", "iPadOS"},
    {"iPod", "iOS"},
    {"CrOS", "ChromeOS"},
    {"Windows", "Windows"},
    {"Macintosh", "macOS"},
    {"Mac OS X", "macOS"},
    {"Linux", "Linux"},
}};

bool Has(std::string_view header, std::string_view token) { return header.find(token) != std::string_view::npos; }

}  // namespace

UserAgentSummary SummariseUserAgent(std::string_view header) {
  UserAgentSummary out;
  for (const auto& [token, name] : kBrowsers) {
    if (Has(header, token)) {
      out.browser = name;
      break;
    }
  }
  // Safari names itself only by "Version/… Safari/" once every browser that borrows its token is ruled out.
  if (out.browser.empty() && Has(header, "Safari/") && Has(header, "Version/")) {
    out.browser = "Safari";
  }
  for (const auto& [token, name] : kSystems) {
    if (Has(header, token)) {
      out.system = name;
      break;
    }
  }
  return out;
}

}  // namespace motcua::domain
