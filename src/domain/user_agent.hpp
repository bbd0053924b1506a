#pragma once
//! Browsers people recognise: a User-Agent header read as "Chrome" on "Android". Pure, for sessions and the journal.

#include <string>
#include <string_view>

namespace motcua::domain {

//! The browser and system a User-Agent header names; empty fields when it names none we know.
struct UserAgentSummary {
  std::string browser;  //!< "Chrome", "Firefox", "Safari", "Samsung Internet", "Edge", "Zalo", "Cốc Cốc", "curl"…
  std::string system;   //!< "Android", "iOS", "Windows", "macOS", "Linux", "ChromeOS", or "".
};

//! Reads the browser and system from a User-Agent header (any bytes; never throws). In-app and derived browsers
//! (Zalo, Cốc Cốc, Samsung Internet, Edge, Opera) are named before the engines they also claim to be.
UserAgentSummary SummariseUserAgent(std::string_view header);

}  // namespace motcua::domain
