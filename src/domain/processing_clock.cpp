// The dossier clock and its judgements (DOMAIN.md §2.2), over the working-day calendar.
#include "domain/processing.hpp"

#include <cstdint>

namespace motcua::domain {

namespace {

//! Minutes as counted by the clock: the local minute of `t` (seconds dropped), so that ending within the appointment
//! minute is on time and a minute later is late.
LocalDateTime Minute(Instant t) { return ToLocal(t); }

//! True when day `a` comes before day `b`.
bool DayBefore(CivilDate a, CivilDate b) {
  if (a.year != b.year) {
    return a.year < b.year;
  }
  if (a.month != b.month) {
    return a.month < b.month;
  }
  return a.day < b.day;
}

}  // namespace

Instant CurrentAppointment(const DossierClock& clock, Instant now, const WorkCalendar& calendar,
                           const OfficeHours& hours) {
  // DOMAIN.md §2.2: new deadline = old deadline + the time the clock stood still, counted in office time.
  int64_t paused_minutes = 0;
  for (const Pause& pause : clock.pauses) {
    const Instant until = pause.to.value_or(now);
    if (until <= pause.from) {
      continue;
    }
    paused_minutes += calendar.WorkingMinutesBetween(ToLocal(pause.from), ToLocal(until), hours);
  }
  if (paused_minutes <= 0) {
    return clock.appointment;
  }
  return ToInstant(calendar.AddWorkingMinutes(ToLocal(clock.appointment), paused_minutes, hours));
}

DueState DueStateAt(Instant now, Instant appointment, bool paused, const WorkCalendar& calendar,
                    const OfficeHours& hours) {
  if (paused) {
    return DueState::kPaused;
  }
  const LocalDateTime at = Minute(now);
  const LocalDateTime due = Minute(appointment);
  if (at > due) {
    return DueState::kOverdue;
  }
  // Decree 61: the officer is warned at least 1 working day before the appointment.
  if (calendar.WorkingMinutesBetween(at, due, hours) <= hours.DayMinutes()) {
    return DueState::kDueSoon;
  }
  return DueState::kOnTime;
}

Instant DueSoonBefore(Instant now, const WorkCalendar& calendar, const OfficeHours& hours) {
  // Due soon while at most one working day of minutes is left: every minute until the first one beyond that, the
  // day's closing time and the night after it included.
  return ToInstant(calendar.AddWorkingMinutes(Minute(now), hours.DayMinutes() + 1, hours));
}

Timeliness JudgeDossier(const DossierClock& clock, Instant end, const WorkCalendar& calendar,
                        const OfficeHours& hours) {
  // Decision 766 engine (DOMAIN.md §2.2): a supplement asked for more than once makes the dossier late.
  if (clock.supplement_requests > 1) {
    return Timeliness::kLate;
  }
  const LocalDateTime ended = Minute(end);
  const LocalDateTime due = Minute(CurrentAppointment(clock, end, calendar, hours));
  if (ended > due) {
    return Timeliness::kLate;
  }
  return DayBefore(ended.date, due.date) ? Timeliness::kEarly : Timeliness::kOnTime;
}

Timeliness JudgeStep(int64_t used_minutes, int64_t allotted_minutes, const OfficeHours& hours) {
  const int64_t day = hours.DayMinutes();
  const int64_t used = used_minutes < 0 ? 0 : used_minutes;
  const int64_t allotted = allotted_minutes < 0 ? 0 : allotted_minutes;
  // Started working days: a step that used part of a day used that day.
  const int64_t used_days = day > 0 ? (used + day - 1) / day : used;
  const int64_t allotted_days = day > 0 ? (allotted + day - 1) / day : allotted;
  if (used_days < allotted_days) {
    return Timeliness::kEarly;
  }
  return used_days == allotted_days ? Timeliness::kOnTime : Timeliness::kLate;
}

}  // namespace motcua::domain
