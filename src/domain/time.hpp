#pragma once
//! One time type and one clock: every instant is a count of microseconds since the Unix epoch in UTC, stored the
//! same way on every engine (a 64-bit integer column), and "now" comes from a `Clock` passed in, never from the
//! system directly, so that tests can set and move time (deadlines, sessions, codes, statistics).

#include <atomic>
#include <chrono>
#include <compare>
#include <cstdint>

namespace motcua::domain {

//! Microseconds in one second.
constexpr int64_t kMicrosPerSecond = 1'000'000;

//! A point in time: microseconds since 1970-01-01T00:00:00Z.
struct Instant {
  int64_t micros = 0;  //!< Microseconds since the Unix epoch, UTC.

  //! The epoch.
  constexpr Instant() = default;
  //! The instant `us` microseconds after the epoch; explicit, so that a count of seconds never becomes an instant
  //! by accident (brace elision in an aggregate would otherwise accept one).
  constexpr explicit Instant(int64_t us) : micros(us) {}

  //! The instant `seconds` after the epoch.
  static constexpr Instant FromSeconds(int64_t seconds) { return Instant{seconds * kMicrosPerSecond}; }
  //! The instant `micros` microseconds after the epoch.
  static constexpr Instant FromMicros(int64_t micros) { return Instant{micros}; }
  //! Whole seconds since the epoch (rounded towards the past).
  constexpr int64_t Seconds() const {
    return micros >= 0 ? micros / kMicrosPerSecond : -((-micros + kMicrosPerSecond - 1) / kMicrosPerSecond);
  }
  //! This instant moved by `d`.
  constexpr Instant Plus(std::chrono::microseconds d) const { return Instant{micros + d.count()}; }
  //! Ordering and equality by time.
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted comparison
  constexpr auto operator<=>(const Instant&) const = default;
};

//! Where "now" comes from. Production passes a `SystemClock`; tests pass a `ManualClock` and move it.
class Clock {
 public:
  virtual ~Clock() = default;
  //! The current instant.
  virtual Instant Now() const = 0;
  //! The current instant in whole Unix seconds.
  int64_t NowSeconds() const { return Now().Seconds(); }
};

//! The computer's real-time clock.
class SystemClock final : public Clock {
 public:
  Instant Now() const override {
    return Instant{
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count()};
  }
};

//! A clock that stands still until a test sets or advances it (thread-safe).
class ManualClock final : public Clock {
 public:
  //! Starts at `start`.
  explicit ManualClock(Instant start) : micros_(start.micros) {}
  Instant Now() const override { return Instant{micros_.load()}; }
  //! Jumps to `t`.
  void Set(Instant t) { micros_.store(t.micros); }
  //! Moves forward (or back, for a negative `d`).
  void Advance(std::chrono::microseconds d) { micros_.fetch_add(d.count()); }

 private:
  std::atomic<int64_t> micros_;
};

}  // namespace motcua::domain
