#pragma once
//! Units and limits shared by several layers, defined once.

#include <cstddef>
#include <cstdint>

namespace motcua::domain {

//! Seconds in one minute.
constexpr int64_t kSecondsPerMinute = 60;
//! Seconds in one hour.
constexpr int64_t kSecondsPerHour = 3600;
//! Seconds in one day.
constexpr int64_t kSecondsPerDay = 86400;
//! How long a code handed over at the counter (or by an administrator) sets a password: seven days.
constexpr int64_t kSetupSeconds = 7 * kSecondsPerDay;
//! How long a password reset code sent by message is valid: fifteen minutes.
constexpr int64_t kResetSeconds = 15 * kSecondsPerMinute;
//! Bytes in the megabyte of upload limits and their messages (binary, like every upload limit: 10 MB = 10485760).
constexpr int64_t kBytesPerMb = int64_t{1024} * 1024;
//! Longest User-Agent kept with a session or an audit entry.
constexpr size_t kMaxUserAgentBytes = 300;

}  // namespace motcua::domain
