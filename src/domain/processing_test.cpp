#include "domain/processing.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace motcua::domain {
namespace {

// The state machine written out again, independently of processing.cpp: "from action received to", received being
// "any", "no" (asked before reception) or "yes". Every pair not listed must be refused.
constexpr const char* kExpectedTransitions = R"(
submitted accept any accepted
submitted request_supplement any supplement_requested
submitted refuse any refused
supplement_requested supply no submitted
supplement_requested supply yes processing
accepted assign any processing
accepted forward any processing
accepted send_back any processing
accepted approve any processing
accepted transfer any processing
accepted apologise any processing
accepted request_supplement any supplement_requested
accepted request_payment any payment_requested
accepted reject any stopped
accepted stop any stopped
accepted record_result any done
accepted accept_withdrawal any withdrawn
processing assign any processing
processing forward any processing
processing send_back any processing
processing approve any processing
processing transfer any processing
processing apologise any processing
processing request_supplement any supplement_requested
processing request_payment any payment_requested
processing reject any stopped
processing stop any stopped
processing record_result any done
processing accept_withdrawal any withdrawn
payment_requested confirm_payment any processing
payment_requested stop any stopped
payment_requested accept_withdrawal any withdrawn
done mark_returned any returned
done apologise any done
)";

constexpr DossierStatus kAllStatuses[] = {DossierStatus::kDraft,
                                          DossierStatus::kSubmitted,
                                          DossierStatus::kAccepted,
                                          DossierStatus::kRefused,
                                          DossierStatus::kProcessing,
                                          DossierStatus::kSupplementRequested,
                                          DossierStatus::kPaymentRequested,
                                          DossierStatus::kWithdrawn,
                                          DossierStatus::kStopped,
                                          DossierStatus::kDone,
                                          DossierStatus::kReturned};

using Key = std::tuple<std::string, std::string, bool>;

std::map<Key, std::string> ExpectedTable() {
  std::map<Key, std::string> table;
  std::istringstream in(kExpectedTransitions);
  std::string from;
  std::string action;
  std::string received;
  std::string to;
  while (in >> from >> action >> received >> to) {
    if (received != "yes") {
      table[{from, action, false}] = to;
    }
    if (received != "no") {
      table[{from, action, true}] = to;
    }
  }
  return table;
}

TEST(StateMachine, EveryStatusActionAndReceivedPairIsPinned) {
  const std::map<Key, std::string> expected = ExpectedTable();
  int32_t allowed = 0;
  int32_t refused = 0;
  for (const DossierStatus from : kAllStatuses) {
    for (const OfficeAction action : kAllOfficeActions) {
      for (const bool received : {false, true}) {
        const Key key{std::string(StatusCode(from)), std::string(ActionCode(action)), received};
        const std::optional<DossierStatus> got = NextStatus(from, action, received);
        const auto it = expected.find(key);
        SCOPED_TRACE(std::get<0>(key) + " " + std::get<1>(key) + (received ? " received" : " not received"));
        if (it == expected.end()) {
          EXPECT_FALSE(got.has_value()) << "allowed to " << StatusCode(*got);
          ++refused;
          continue;
        }
        ASSERT_TRUE(got.has_value());
        EXPECT_EQ(StatusCode(*got), it->second);
        ++allowed;
      }
    }
  }
  EXPECT_EQ(allowed, static_cast<int32_t>(expected.size()));
  EXPECT_EQ(allowed + refused, 11 * 17 * 2);
}

TEST(StateMachine, SupplyGoesBackToTheDeskBeforeReceptionAndToProcessingAfter) {
  EXPECT_EQ(NextStatus(DossierStatus::kSupplementRequested, OfficeAction::kSupply, false), DossierStatus::kSubmitted);
  EXPECT_EQ(NextStatus(DossierStatus::kSupplementRequested, OfficeAction::kSupply, true), DossierStatus::kProcessing);
}

TEST(StateMachine, FinishedDossiersRefuseEverything) {
  for (const DossierStatus s : {DossierStatus::kDraft, DossierStatus::kRefused, DossierStatus::kWithdrawn,
                                DossierStatus::kStopped, DossierStatus::kReturned}) {
    for (const OfficeAction a : kAllOfficeActions) {
      EXPECT_FALSE(NextStatus(s, a, true).has_value()) << StatusCode(s) << " " << ActionCode(a);
    }
  }
}

TEST(StateMachine, FinalAndPausedStatuses) {
  const std::set<DossierStatus> finals = {DossierStatus::kRefused, DossierStatus::kWithdrawn, DossierStatus::kStopped,
                                          DossierStatus::kReturned};
  for (const DossierStatus s : kAllStatuses) {
    EXPECT_EQ(IsFinal(s), finals.contains(s)) << StatusCode(s);
    EXPECT_EQ(ClockPaused(s, false), s == DossierStatus::kSupplementRequested) << StatusCode(s);
    EXPECT_EQ(ClockPaused(s, true), s == DossierStatus::kSupplementRequested || s == DossierStatus::kPaymentRequested)
        << StatusCode(s);
  }
}

TEST(OfficeActions, CodesRoundTripAndLabelsAreDistinct) {
  std::set<std::string> codes;
  std::set<std::string> labels;
  for (const OfficeAction a : kAllOfficeActions) {
    const std::string_view code = ActionCode(a);
    EXPECT_EQ(ParseAction(code), a) << code;
    codes.emplace(code);
    labels.emplace(ActionLabel(a));
  }
  EXPECT_EQ(codes.size(), std::size(kAllOfficeActions));
  EXPECT_EQ(labels.size(), std::size(kAllOfficeActions));
  EXPECT_EQ(ActionCode(OfficeAction::kRequestSupplement), "request_supplement");
  EXPECT_STREQ(ActionLabel(OfficeAction::kAccept), "Tiếp nhận");
  EXPECT_STREQ(ActionLabel(OfficeAction::kApologise), "Xin lỗi và hẹn lại");
  EXPECT_FALSE(ParseAction("Accept").has_value());
  EXPECT_FALSE(ParseAction("").has_value());
  EXPECT_FALSE(ParseAction("accept ").has_value());
}

TEST(Timeliness, CodesAndNames) {
  EXPECT_EQ(TimelinessCode(Timeliness::kEarly), "early");
  EXPECT_EQ(TimelinessCode(Timeliness::kOnTime), "on_time");
  EXPECT_EQ(TimelinessCode(Timeliness::kLate), "late");
  EXPECT_STREQ(TimelinessName(Timeliness::kEarly), "Trước hạn");
  EXPECT_STREQ(TimelinessName(Timeliness::kOnTime), "Đúng hạn");
  EXPECT_STREQ(TimelinessName(Timeliness::kLate), "Quá hạn");
}

// March 2026 has no holiday: Monday 2 to Friday 6 and Monday 9 to Friday 13 are plain working weeks.
Instant At(int32_t day, int32_t hour, int32_t minute, int32_t second = 0) {
  constexpr int32_t kMinutesPerHour = 60;
  return ToInstant(LocalDateTime{CivilDate{2026, 3, day}, hour * kMinutesPerHour + minute})
      .Plus(std::chrono::seconds(second));
}

std::string Show(Instant t) { return FormatLocal(ToLocal(t)); }

const WorkCalendar& Calendar() {
  static const WorkCalendar calendar;
  return calendar;
}

DossierClock ClockDueFriday() {
  DossierClock clock;
  clock.received_at = At(2, 8, 0);
  clock.appointment = At(6, 17, 0);
  return clock;
}

struct AppointmentCase {
  const char* name;
  std::vector<Pause> pauses;
  Instant now;
  Instant expected;
};

TEST(DossierClock, TheAppointmentMovesByTheOfficeTimeOfEveryPause) {
  const OfficeHours hours;
  const std::vector<AppointmentCase> cases = {
      {"no pause", {}, At(4, 10, 0), At(6, 17, 0)},
      {"two hours one morning", {{PauseReason::kSupplement, At(3, 9, 0), At(3, 11, 0)}}, At(5, 9, 0), At(9, 9, 30)},
      {"across lunch counts office time only",
       {{PauseReason::kSupplement, At(3, 10, 30), At(3, 14, 30)}},
       At(5, 9, 0),
       At(9, 9, 30)},
      {"over a weekend", {{PauseReason::kSupplement, At(6, 16, 0), At(9, 8, 30)}}, At(9, 9, 0), At(9, 9, 30)},
      {"a whole working day", {{PauseReason::kSupplement, At(4, 7, 30), At(5, 7, 30)}}, At(5, 9, 0), At(9, 17, 0)},
      {"an open pause counts up to now",
       {{PauseReason::kSupplement, At(3, 9, 0), std::nullopt}},
       At(3, 10, 0),
       At(9, 8, 30)},
      {"an open pause that starts later counts nothing",
       {{PauseReason::kPayment, At(4, 9, 0), std::nullopt}},
       At(3, 10, 0),
       At(6, 17, 0)},
      {"paused twice adds both",
       {{PauseReason::kSupplement, At(3, 9, 0), At(3, 11, 0)}, {PauseReason::kPayment, At(4, 14, 0), At(4, 15, 0)}},
       At(5, 9, 0),
       At(9, 10, 30)},
      {"a pause outside office hours counts nothing",
       {{PauseReason::kSupplement, At(3, 17, 30), At(4, 7, 0)}},
       At(5, 9, 0),
       At(6, 17, 0)},
  };
  for (const AppointmentCase& c : cases) {
    DossierClock clock = ClockDueFriday();
    clock.pauses = c.pauses;
    EXPECT_EQ(Show(CurrentAppointment(clock, c.now, Calendar(), hours)), Show(c.expected)) << c.name;
  }
}

TEST(DossierClock, AnApologysNewDateIsNotTheAppointment) {
  DossierClock clock = ClockDueFriday();
  clock.apology_appointment = At(13, 17, 0);
  EXPECT_EQ(Show(CurrentAppointment(clock, At(9, 9, 0), Calendar(), OfficeHours{})), Show(At(6, 17, 0)));
}

struct DueCase {
  Instant now;
  Instant appointment;
  bool paused;
  DueState expected;
};

TEST(DueState, MarksOfTheInbox) {
  const std::vector<DueCase> cases = {
      {At(4, 10, 0), At(6, 17, 0), false, DueState::kOnTime},
      {At(5, 16, 59), At(6, 17, 0), false, DueState::kOnTime},  // 451 office minutes left
      {At(5, 17, 0), At(6, 17, 0), false, DueState::kDueSoon},  // exactly one working day left
      {At(6, 9, 0), At(6, 17, 0), false, DueState::kDueSoon},
      {At(6, 17, 0), At(6, 17, 0), false, DueState::kDueSoon},  // on the appointment minute
      {At(6, 17, 0, 59), At(6, 17, 0), false, DueState::kDueSoon},
      {At(6, 17, 1), At(6, 17, 0), false, DueState::kOverdue},  // a minute after
      {At(9, 8, 0), At(6, 17, 0), false, DueState::kOverdue},
      {At(6, 17, 0), At(9, 17, 0), false, DueState::kDueSoon},  // a weekend is not counted
      {At(6, 16, 0), At(9, 17, 0), false, DueState::kOnTime},
      {At(9, 8, 0), At(6, 17, 0), true, DueState::kPaused},  // paused wins even when past
      {At(4, 10, 0), At(6, 17, 0), true, DueState::kPaused},
  };
  for (const DueCase& c : cases) {
    EXPECT_EQ(DueStateAt(c.now, c.appointment, c.paused, Calendar(), OfficeHours{}), c.expected)
        << Show(c.now) << " due " << Show(c.appointment);
  }
}

TEST(DueState, TheDueSoonBoundAgreesWithTheMarkAtEveryMinute) {
  OfficeHours early;
  early.morning_start = 7 * 60;
  early.morning_end = 11 * 60;
  early.afternoon_start = 13 * 60;
  early.afternoon_end = 16 * 60;
  constexpr int64_t kMinuteMicros = int64_t{60} * 1000000;
  constexpr int64_t kMinutesChecked = 4 * 24 * 60;
  for (const OfficeHours& hours : {OfficeHours{}, early}) {
    for (const Instant now : {At(2, 8, 0), At(2, 16, 30), At(2, 17, 30), At(6, 16, 59), At(7, 10, 0)}) {
      const Instant bound = DueSoonBefore(now, Calendar(), hours);
      for (int64_t m = 0; m < kMinutesChecked; ++m) {
        const Instant due{now.micros + m * kMinuteMicros};
        const bool soon = DueStateAt(now, due, false, Calendar(), hours) != DueState::kOnTime;
        ASSERT_EQ(due < bound, soon) << Show(now) << " due " << Show(due) << " bound " << Show(bound);
      }
    }
  }
}

struct JudgeCase {
  const char* name;
  std::vector<Pause> pauses;
  int32_t supplement_requests;
  Instant end;
  Timeliness expected;
};

TEST(JudgeDossier, Decision766Rules) {
  const Pause two_hours{PauseReason::kSupplement, At(3, 9, 0), At(3, 11, 0)};
  const Pause one_hour{PauseReason::kPayment, At(4, 14, 0), At(4, 15, 0)};
  const std::vector<JudgeCase> cases = {
      {"ends a day before the appointment's day", {}, 0, At(5, 10, 0), Timeliness::kEarly},
      {"ends on the appointment's day before it", {}, 0, At(6, 9, 0), Timeliness::kOnTime},
      {"ends on the appointment minute", {}, 0, At(6, 17, 0), Timeliness::kOnTime},
      {"ends within the appointment minute", {}, 0, At(6, 17, 0, 59), Timeliness::kOnTime},
      {"ends a minute late", {}, 0, At(6, 17, 1), Timeliness::kLate},
      {"ends the next working day", {}, 0, At(9, 8, 0), Timeliness::kLate},
      {"a second supplement request makes it late", {two_hours, one_hour}, 2, At(4, 10, 0), Timeliness::kLate},
      {"one supplement: the paused time is added", {two_hours}, 1, At(9, 9, 30), Timeliness::kOnTime},
      {"one supplement: a minute past the moved appointment", {two_hours}, 1, At(9, 9, 31), Timeliness::kLate},
      {"paused twice: both added", {two_hours, one_hour}, 1, At(9, 10, 30), Timeliness::kOnTime},
      {"paused twice: a minute after both", {two_hours, one_hour}, 1, At(9, 10, 31), Timeliness::kLate},
      {"unfinished at a period end after the appointment", {}, 0, At(31, 23, 59), Timeliness::kLate},
      {"unfinished at a period end before the appointment's day", {}, 0, At(5, 23, 59), Timeliness::kEarly},
      {"waiting for a supplement, judged at its request",
       {{PauseReason::kSupplement, At(6, 16, 0), std::nullopt}},
       1,
       At(6, 16, 0),
       Timeliness::kOnTime},
  };
  for (const JudgeCase& c : cases) {
    DossierClock clock = ClockDueFriday();
    clock.pauses = c.pauses;
    clock.supplement_requests = c.supplement_requests;
    EXPECT_EQ(TimelinessCode(JudgeDossier(clock, c.end, Calendar(), OfficeHours{})), TimelinessCode(c.expected))
        << c.name;
  }
}

TEST(JudgeDossier, AnApologyDoesNotMakeALateDossierOnTime) {
  DossierClock clock = ClockDueFriday();
  clock.apology_appointment = At(13, 17, 0);
  EXPECT_EQ(JudgeDossier(clock, At(10, 9, 0), Calendar(), OfficeHours{}), Timeliness::kLate);
}

struct StepCase {
  int64_t used;
  int64_t allotted;
  Timeliness expected;
};

TEST(JudgeStep, InStartedWorkingDays) {
  const OfficeHours hours;  // 450 minutes a day
  const std::vector<StepCase> cases = {
      {449, 900, Timeliness::kEarly},                                  // 1 started day of 2
      {450, 900, Timeliness::kEarly},                                  // exactly 1 day of 2
      {451, 900, Timeliness::kOnTime},                                 // 2 started days of 2
      {900, 900, Timeliness::kOnTime}, {901, 900, Timeliness::kLate},  // 3 of 2
      {1, 450, Timeliness::kOnTime},                                   // 1 of 1
      {0, 450, Timeliness::kEarly},    {0, 0, Timeliness::kOnTime},
      {1, 0, Timeliness::kLate},       {-5, 0, Timeliness::kOnTime},  // a negative count is nothing
  };
  for (const StepCase& c : cases) {
    EXPECT_EQ(TimelinessCode(JudgeStep(c.used, c.allotted, hours)), TimelinessCode(c.expected))
        << c.used << " of " << c.allotted;
  }
  OfficeHours short_day;
  short_day.afternoon_end = short_day.afternoon_start;  // mornings only: 240 minutes a day
  EXPECT_EQ(JudgeStep(241, 450, short_day), Timeliness::kOnTime);
  EXPECT_EQ(JudgeStep(481, 450, short_day), Timeliness::kLate);
}

}  // namespace
}  // namespace motcua::domain
