#include "domain/lunar.hpp"

#include <array>
#include <chrono>
#include <cmath>
#include <numbers>

namespace motcua::domain {

namespace {

// Julian day numbers. A day is identified by its Julian day number (the Julian date at its noon).
constexpr int64_t kJulianDayOfUnixEpoch = 2440588;  // 1970-01-01
// Astronomical constants of the mean new moon (Meeus, ch. 49, with the epoch of the published description: the new
// moon of 1900 January 0.5 + 0.75933 day).
constexpr double kNewMoonEpoch = 2415020.75933;
constexpr double kSynodicMonth = 29.53058868;
constexpr double kSynodicMonthMean = 29.530588853;
constexpr double kLunationsPerCentury = 1236.85;
constexpr double kNewMoonIndexEpoch = 2415021.076998695;  // the first new moon counted (index 0)
constexpr double kJ2000 = 2451545.0;
constexpr double kDaysPerJulianCentury = 36525.0;
constexpr double kDegree = std::numbers::pi / 180.0;
constexpr double kFullCircle = 2.0 * std::numbers::pi;
constexpr double kMajorTermArc = std::numbers::pi / 6.0;  // 30°: the sun's longitude is split into 12 major terms
constexpr double kVietnamOffsetDays = 7.0 / 24.0;         // UTC+7
constexpr int32_t kWinterSolsticeTerm = 9;                // 270°–300°: the term holding the winter solstice
constexpr int32_t kMonthsPerYear = 12;
constexpr int32_t kEleventhMonth = 11;
constexpr int32_t kMaxMonthsInSpan = 14;  // 13 months between two months 11, plus the closing month 11
constexpr int32_t kMaxLunarDay = 30;

//! The Julian day number of `date`.
int64_t JulianDay(CivilDate date) {
  const std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<uint32_t>(date.month)),
                                        std::chrono::day(static_cast<uint32_t>(date.day))};
  return std::chrono::sys_days(ymd).time_since_epoch().count() + kJulianDayOfUnixEpoch;
}

//! The civil date of Julian day number `jd`.
CivilDate FromJulianDay(int64_t jd) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(jd - kJulianDayOfUnixEpoch))};
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<uint32_t>(ymd.month())),
                   static_cast<int32_t>(static_cast<uint32_t>(ymd.day()))};
}

//! True when `date` is a real day of the Gregorian calendar.
bool RealDate(CivilDate date) {
  if (date.month < 1 || date.month > kMonthsPerYear || date.day < 1) {
    return false;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(date.year),
                                        std::chrono::month(static_cast<uint32_t>(date.month)),
                                        std::chrono::day(static_cast<uint32_t>(date.day))};
  return ymd.ok();
}

//! The Julian date (UTC, fractional) of the `k`-th new moon after the epoch: the mean phase plus the main periodic
//! terms of the sun, the moon and the moon's argument of latitude, less ΔT.
double NewMoonTime(int64_t k) {
  const double kd = static_cast<double>(k);
  const double t = kd / kLunationsPerCentury;
  const double t2 = t * t;
  const double t3 = t2 * t;
  double mean = kNewMoonEpoch + kSynodicMonth * kd + 0.0001178 * t2 - 0.000000155 * t3;
  mean += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * kDegree);
  const double sun_anomaly = (359.2242 + 29.10535608 * kd - 0.0000333 * t2 - 0.00000347 * t3) * kDegree;
  const double moon_anomaly = (306.0253 + 385.81691806 * kd + 0.0107306 * t2 + 0.00001236 * t3) * kDegree;
  const double latitude = (21.2964 + 390.67050646 * kd - 0.0016528 * t2 - 0.00000239 * t3) * kDegree;
  const double periodic =
      (0.1734 - 0.000393 * t) * std::sin(sun_anomaly) + 0.0021 * std::sin(2 * sun_anomaly) -
      0.4068 * std::sin(moon_anomaly) + 0.0161 * std::sin(2 * moon_anomaly) - 0.0004 * std::sin(3 * moon_anomaly) +
      0.0104 * std::sin(2 * latitude) - 0.0051 * std::sin(sun_anomaly + moon_anomaly) -
      0.0074 * std::sin(sun_anomaly - moon_anomaly) + 0.0004 * std::sin(2 * latitude + sun_anomaly) -
      0.0004 * std::sin(2 * latitude - sun_anomaly) - 0.0006 * std::sin(2 * latitude + moon_anomaly) +
      0.0010 * std::sin(2 * latitude - moon_anomaly) + 0.0005 * std::sin(2 * moon_anomaly + sun_anomaly);
  constexpr double kDeltaTBreak = -11.0;  // centuries before J1900 use the older polynomial
  const double delta_t = t < kDeltaTBreak
                             ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                             : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + periodic - delta_t;
}

//! The local (UTC+7) day on which the `k`-th new moon falls.
int64_t NewMoonDay(int64_t k) {
  constexpr double kHalfDay = 0.5;
  return static_cast<int64_t>(std::floor(NewMoonTime(k) + kHalfDay + kVietnamOffsetDays));
}

//! The sun's apparent longitude in radians [0, 2π) at Julian date `jd` (Meeus ch. 25, low accuracy).
double SunLongitude(double jd) {
  const double t = (jd - kJ2000) / kDaysPerJulianCentury;
  const double t2 = t * t;
  const double anomaly = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * kDegree;
  const double mean_longitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const double centre = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(anomaly) +
                        (0.019993 - 0.000101 * t) * std::sin(2 * anomaly) + 0.000290 * std::sin(3 * anomaly);
  const double longitude = (mean_longitude + centre) * kDegree;
  return longitude - kFullCircle * std::floor(longitude / kFullCircle);
}

//! The major term (0–11, 30° each) the sun is in at the local midnight that starts day `jd`.
int32_t MajorTerm(int64_t jd) {
  constexpr double kHalfDay = 0.5;
  return static_cast<int32_t>(SunLongitude(static_cast<double>(jd) - kHalfDay - kVietnamOffsetDays) / kMajorTermArc);
}

//! The index of the new moon nearest before or on day `jd` (may be one too many; callers check).
int64_t NewMoonIndexNear(int64_t jd) {
  return static_cast<int64_t>(std::floor((static_cast<double>(jd) - kNewMoonIndexEpoch) / kSynodicMonthMean));
}

//! The first day of the lunar month 11 of solar year `year`: the month that holds the winter solstice.
int64_t EleventhMonthStart(int32_t year) {
  const int64_t k = NewMoonIndexNear(JulianDay(CivilDate{year, kMonthsPerYear, 31}));
  const int64_t start = NewMoonDay(k);
  // The sun already past 270° when this month begins: the solstice fell in the month before.
  return MajorTerm(start) >= kWinterSolsticeTerm ? NewMoonDay(k - 1) : start;
}

//! The lunar months from month 11 of solar year `year` − 1 up to (not including) month 11 of `year`, labelled.
struct MonthSpan {
  std::array<int64_t, kMaxMonthsInSpan> start{};    // first day of each month; start[count] = next month 11
  std::array<LunarDate, kMaxMonthsInSpan> label{};  // day = 1
  int32_t count = 0;                                // 12, or 13 with a leap month
};

MonthSpan MonthsOf(int32_t year) {
  MonthSpan span;
  const int64_t first = EleventhMonthStart(year - 1);
  const int64_t last = EleventhMonthStart(year);
  constexpr double kRound = 0.5;
  const int64_t k =
      static_cast<int64_t>(std::floor((static_cast<double>(first) - kNewMoonIndexEpoch) / kSynodicMonthMean + kRound));
  int32_t n = 0;
  for (; n < kMaxMonthsInSpan; ++n) {
    span.start.at(static_cast<size_t>(n)) = NewMoonDay(k + n);
    if (n > 0 && span.start.at(static_cast<size_t>(n)) >= last) {
      break;
    }
  }
  span.count = n;
  // In a span of 13 months the leap month is the first one (after month 11) in which the sun enters no new major
  // term: it is in the same term at the month's start and at the next month's start.
  int32_t leap = -1;
  constexpr int32_t kLeapSpan = 13;
  if (span.count == kLeapSpan) {
    for (int32_t i = 1; i < span.count; ++i) {
      if (MajorTerm(span.start.at(static_cast<size_t>(i))) == MajorTerm(span.start.at(static_cast<size_t>(i) + 1))) {
        leap = i;
        break;
      }
    }
  }
  int32_t month = kEleventhMonth - 1;
  int32_t lunar_year = year - 1;
  for (int32_t i = 0; i < span.count; ++i) {
    LunarDate& label = span.label.at(static_cast<size_t>(i));
    if (i == leap) {
      label = LunarDate{lunar_year, month, 1, true};
      continue;
    }
    month = month % kMonthsPerYear + 1;
    if (month == 1) {
      lunar_year = year;
    }
    label = LunarDate{lunar_year, month, 1, false};
  }
  return span;
}

//! Days in the month at position `i` of `span`.
int32_t MonthLength(const MonthSpan& span, int32_t i) {
  return static_cast<int32_t>(span.start.at(static_cast<size_t>(i) + 1) - span.start.at(static_cast<size_t>(i)));
}

bool InRange(CivilDate date) { return date.year >= kFirstCalendarYear && date.year <= kLastCalendarYear; }

}  // namespace

std::optional<LunarDate> ToLunar(CivilDate date) {
  if (!RealDate(date) || !InRange(date)) {
    return std::nullopt;
  }
  const int64_t jd = JulianDay(date);
  // The day belongs to the span ending at month 11 of this year, or (from that month on) to the next one.
  MonthSpan span = MonthsOf(date.year);
  if (jd >= span.start.at(static_cast<size_t>(span.count))) {
    span = MonthsOf(date.year + 1);
  }
  for (int32_t i = span.count - 1; i >= 0; --i) {
    const int64_t start = span.start.at(static_cast<size_t>(i));
    if (jd >= start) {
      LunarDate out = span.label.at(static_cast<size_t>(i));
      out.day = static_cast<int32_t>(jd - start) + 1;
      return out;
    }
  }
  return std::nullopt;
}

std::optional<CivilDate> FromLunar(const LunarDate& lunar) {
  if (lunar.month < 1 || lunar.month > kMonthsPerYear || lunar.day < 1 || lunar.day > kMaxLunarDay) {
    return std::nullopt;
  }
  // Months 11 and 12 of lunar year Y come after month 11 of solar year Y; the others before it.
  const int32_t span_year = lunar.month >= kEleventhMonth ? lunar.year + 1 : lunar.year;
  if (span_year < kFirstCalendarYear || span_year > kLastCalendarYear + 1) {
    return std::nullopt;
  }
  const MonthSpan span = MonthsOf(span_year);
  for (int32_t i = 0; i < span.count; ++i) {
    const LunarDate& label = span.label.at(static_cast<size_t>(i));
    if (label.year != lunar.year || label.month != lunar.month || label.leap_month != lunar.leap_month) {
      continue;
    }
    if (lunar.day > MonthLength(span, i)) {
      return std::nullopt;
    }
    const CivilDate out = FromJulianDay(span.start.at(static_cast<size_t>(i)) + lunar.day - 1);
    if (!InRange(out)) {
      return std::nullopt;
    }
    return out;
  }
  return std::nullopt;
}

int32_t LeapMonthOf(int32_t lunar_year) {
  if (lunar_year < kFirstCalendarYear - 1 || lunar_year > kLastCalendarYear) {
    return 0;
  }
  // A leap month 1–10 lies in the span of solar year `lunar_year`; a leap 11 or 12 in the next span.
  for (const int32_t span_year : {lunar_year, lunar_year + 1}) {
    const MonthSpan span = MonthsOf(span_year);
    for (int32_t i = 0; i < span.count; ++i) {
      const LunarDate& label = span.label.at(static_cast<size_t>(i));
      if (label.leap_month && label.year == lunar_year) {
        return label.month;
      }
    }
  }
  return 0;
}

}  // namespace motcua::domain
