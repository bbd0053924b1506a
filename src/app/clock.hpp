#pragma once
//! The wall clock, read in one place (sessions, codes, throttling, the demo loader, the simulated identity service).

#include <chrono>
#include <cstdint>

namespace motcua::app {

//! Now, in Unix seconds (UTC).
inline int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

//! Now, in Unix microseconds (UTC).
inline int64_t UnixNowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace motcua::app
