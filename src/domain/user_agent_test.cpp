//! User-Agent headers as people know their browsers: real headers from phones and desktops seen in Vietnam.
#include "domain/user_agent.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::domain {
namespace {

struct Case {
  std::string header;
  std::string browser;
  std::string system;
};

TEST(SummariseUserAgent, NamesTheBrowsersPeopleUse) {
  // clang-format off
  const Case cases[] = {
      {"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile "
       "Safari/537.36", "Chrome", "Android"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
       "Safari/537.36", "Chrome", "Windows"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1", "Chrome", "iOS"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox", "Windows"},
      {"Mozilla/5.0 (Android 14; Mobile; rv:125.0) Gecko/125.0 Firefox/125.0", "Firefox", "Android"},
      {"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox", "Linux"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Version/17.4.1 Mobile/15E148 Safari/604.1", "Safari", "iOS"},
      {"Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 "
       "Mobile/15E148 Safari/604.1", "Safari", "iPadOS"},
      {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 "
       "Safari/605.1.15", "Safari", "macOS"},
      {"Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) "
       "SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
       "Safari/537.36 Edg/124.0.2478.80", "Edge", "Windows"},
      {"Mozilla/5.0 (Linux; Android 10; HD1913) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile "
       "Safari/537.36 EdgA/124.0.2478.62", "Edge", "Android"},
      {"Mozilla/5.0 (Linux; Android 12; SM-A525F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) "
       "Version/4.0 Chrome/108.0.5359.128 Mobile Safari/537.36 Zalo android/12100541 ZaloTheme/light "
       "ZaloLanguage/vi", "Zalo", "Android"},
      {"Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
       "Mobile/15E148 Zalo iOS/471 ZaloTheme/light ZaloLanguage/vi", "Zalo", "iOS"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0.204 "
       "Chrome/111.0.5563.204 Safari/537.36", "Cốc Cốc", "Windows"},
      {"Mozilla/5.0 (Linux; Android 11; RMX2185) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/103.0.206 "
       "Mobile Chrome/97.0.4692.206 Mobile Safari/537.36", "Cốc Cốc", "Android"},
      {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
       "Safari/537.36 OPR/110.0.0.0", "Opera", "Windows"},
      {"Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
       "Safari/537.36", "Chrome", "ChromeOS"},
      {"curl/8.5.0", "curl", ""},
      {"Wget/1.21.4", "Wget", ""},
      {"", "", ""},
      {"SomethingElse/1.0", "", ""},
      {"Mozilla/5.0 (Linux; Android 9)", "", "Android"},
  };
  // clang-format on
  for (const Case& c : cases) {
    const UserAgentSummary s = SummariseUserAgent(c.header);
    EXPECT_EQ(s.browser, c.browser) << c.header;
    EXPECT_EQ(s.system, c.system) << c.header;
  }
}

}  // namespace
}  // namespace motcua::domain
