//! Accounts: stored status codes, the principal an account acts as, and the sign-in throttle.
#include "domain/account.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace motcua::domain {
namespace {

TEST(AccountStatus, CodesRoundTrip) {
  for (const AccountStatus status : {AccountStatus::kActive, AccountStatus::kPending, AccountStatus::kDisabled}) {
    EXPECT_EQ(ParseStatus(StatusCode(status)), status) << StatusCode(status);
  }
  EXPECT_EQ(StatusCode(AccountStatus::kActive), "active");
  EXPECT_EQ(StatusCode(AccountStatus::kPending), "pending");
  EXPECT_EQ(StatusCode(AccountStatus::kDisabled), "disabled");
}

TEST(AccountStatus, UnknownCodesReadAsDisabled) {
  for (const char* code : {"", "Active", "ACTIVE", "active ", "enabled", "deleted", "locked", "pending\n"}) {
    EXPECT_EQ(ParseStatus(code), AccountStatus::kDisabled) << "'" << code << "'";
  }
}

TEST(Account, ActsAsAPrincipalWithItsGrants) {
  Account a;
  a.id = 42;
  a.personal_id = "036099001234";
  a.full_name = "Nguyễn Văn An";
  a.grants = {{Role::kDeskOfficer, "000.00.01.H40", {"ho-tich", "dat-dai"}}, {Role::kClerk, "000.00.00.H40", {}}};
  const Principal p = a.AsPrincipal();
  EXPECT_EQ(p.user_id, 42);
  EXPECT_TRUE(p.signed_in());
  EXPECT_EQ(p.name, "Nguyễn Văn An");
  EXPECT_TRUE(p.has_personal_id);
  ASSERT_EQ(p.grants.size(), 2U);
  EXPECT_EQ(p.grants[0].role, Role::kDeskOfficer);
  EXPECT_EQ(p.grants[0].agency_code, "000.00.01.H40");
  EXPECT_EQ(p.grants[0].fields, (std::vector<std::string>{"ho-tich", "dat-dai"}));
  EXPECT_EQ(p.grants[1].role, Role::kClerk);
  EXPECT_TRUE(p.IsOfficer());
}

TEST(Account, WithoutAPersonalIdItIsNotACitizen) {
  Account a;
  a.id = 3;
  a.login_name = "admin";
  a.full_name = "Quản trị hệ thống";
  const Principal p = a.AsPrincipal();
  EXPECT_EQ(p.user_id, 3);
  EXPECT_FALSE(p.has_personal_id);
  EXPECT_FALSE(p.IsOfficer());
}

//! One failed sign-in at `now` and what the state must be afterwards.
struct Step {
  int64_t now;
  int32_t failures;
  int64_t window_start;
  int64_t blocked_seconds;  // SecondsBlocked at `now`, right after the failure
};

//! Applies `steps` in order from a fresh state.
void ExpectSteps(const std::vector<Step>& steps, const ThrottleRules& rules) {
  ThrottleState state;
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    ASSERT_EQ(SecondsBlocked(state, step.now), 0) << "step " << i << " would not have been checked at all";
    state = AfterFailure(state, step.now, rules);
    EXPECT_EQ(state.failures, step.failures) << "step " << i;
    EXPECT_EQ(state.window_start, step.window_start) << "step " << i;
    EXPECT_EQ(SecondsBlocked(state, step.now), step.blocked_seconds) << "step " << i;
  }
}

TEST(Throttle, FiveFreeFailuresThenBlocksThatDoubleUpToTheMaximum) {
  // A long window so that the doubling reaches the cap; each failure comes as soon as the block ends.
  const ThrottleRules rules{5, 86400, 30, 900};
  // clang-format off
  ExpectSteps({
      {1000, 1,  1000, 0},
      {1001, 2,  1000, 0},
      {1002, 3,  1000, 0},
      {1003, 4,  1000, 0},
      {1004, 5,  1000, 30},   // the fifth failure uses up the free ones: the next attempt waits 30 s
      {1034, 6,  1000, 60},
      {1094, 7,  1000, 120},
      {1214, 8,  1000, 240},
      {1454, 9,  1000, 480},
      {1934, 10, 1000, 900},  // 960 capped
      {2834, 11, 1000, 900},
      {3734, 12, 1000, 900},
  }, rules);
  // clang-format on
}

TEST(Throttle, AGuessPerBlockPeriodDoesNotKeepRaisingTheBlock) {
  // Defaults: one failure is forgotten every 900 / 5 = 180 s. An attacker who guesses as soon as each block ends
  // settles at one guess per 120-240 s on their own key instead of holding it blocked ever longer, and once they stop
  // the key is clear within the window.
  // clang-format off
  ExpectSteps({
      {1000, 1, 1000, 0},
      {1010, 2, 1000, 0},
      {1020, 3, 1000, 0},
      {1030, 4, 1000, 0},
      {1040, 5, 1000, 30},
      {1070, 6, 1000, 60},
      {1130, 7, 1000, 120},
      {1250, 7, 1180, 120},  // one failure aged out (250 s), one added: the block stays at 120 s
      {1370, 7, 1360, 120},
      {1490, 8, 1360, 240},
      {1730, 7, 1720, 120},  // it swings between 120 s and 240 s and never grows
      {1850, 8, 1720, 240},
      {2090, 7, 2080, 120},
      {3350, 1, 3350, 0},    // 7 * 180 s after the last ageing every failure is forgotten
  }, ThrottleRules{});
  // clang-format on
}

TEST(Throttle, FailuresAgeOutOneAtATime) {
  const ThrottleRules rules{5, 900, 30, 900};
  // clang-format off
  ExpectSteps({
      {100,  1, 100,  0},
      {101,  2, 100,  0},
      {102,  3, 100,  0},
      {279,  4, 100,  0},   // 179 s: nothing forgotten yet
      {280,  4, 280,  0},   // 180 s: one forgotten, one added
      {1000, 1, 1000, 0},   // 720 s later: all four forgotten
      {1001, 2, 1000, 0},
      {5000, 1, 5000, 0},
  }, rules);
  // clang-format on
  const ThrottleState idle = Decayed(ThrottleState{4, 280, 0}, 280 + 900, rules);
  EXPECT_EQ(idle.failures, 0);
}

TEST(Throttle, OtherRulesShiftTheThreshold) {
  const ThrottleRules one_free{1, 900, 10, 100};
  // clang-format off
  ExpectSteps({
      {0,  1, 0, 10},
      {10, 2, 0, 20},
      {30, 3, 0, 40},
      {70, 4, 0, 80},
      {150, 5, 0, 100},
  }, one_free);
  // clang-format on
}

TEST(Throttle, SecondsBlocked) {
  const ThrottleState blocked{6, 1000, 1100};
  EXPECT_EQ(SecondsBlocked(blocked, 1040), 60);
  EXPECT_EQ(SecondsBlocked(blocked, 1099), 1);
  EXPECT_EQ(SecondsBlocked(blocked, 1100), 0);
  EXPECT_EQ(SecondsBlocked(blocked, 5000), 0);
  EXPECT_EQ(SecondsBlocked(ThrottleState{}, 0), 0);
  EXPECT_EQ(SecondsBlocked(ThrottleState{}, 1700000000), 0);
}

TEST(Throttle, AThousandFailuresDoNotOverflow) {
  constexpr int64_t kNow = 1700000000;
  constexpr int32_t kFailures = 1000;
  const ThrottleRules capped{5, 900, 30, 900};
  const ThrottleRules uncapped{5, std::numeric_limits<int64_t>::max() / 2, 86400,
                               std::numeric_limits<int64_t>::max() / 2};
  for (const ThrottleRules& rules : {capped, uncapped}) {
    ThrottleState state;
    int64_t previous = 0;
    for (int32_t i = 0; i < kFailures; ++i) {
      state = AfterFailure(state, kNow, rules);
      const int64_t blocked = SecondsBlocked(state, kNow);
      ASSERT_GE(blocked, previous) << "failure " << i + 1;
      ASSERT_LE(blocked, rules.max_block_seconds) << "failure " << i + 1;
      previous = blocked;
    }
    EXPECT_EQ(state.failures, kFailures);
    EXPECT_GT(SecondsBlocked(state, kNow), 0);
  }
}

}  // namespace
}  // namespace motcua::domain
