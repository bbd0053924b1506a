#include "domain/account.hpp"

#include <algorithm>

namespace motcua::domain {

std::string_view StatusCode(AccountStatus status) {
  switch (status) {
    case AccountStatus::kActive:
      return "active";
    case AccountStatus::kPending:
      return "pending";
    case AccountStatus::kDisabled:
      return "disabled";
  }
  return "disabled";
}

AccountStatus ParseStatus(std::string_view code) {
  if (code == "active") {
    return AccountStatus::kActive;
  }
  if (code == "pending") {
    return AccountStatus::kPending;
  }
  return AccountStatus::kDisabled;
}

Principal Account::AsPrincipal() const {
  Principal p;
  p.user_id = id;
  p.name = full_name;
  p.has_personal_id = !personal_id.empty();
  p.grants = grants;
  return p;
}

ThrottleState Decayed(const ThrottleState& state, int64_t now, const ThrottleRules& rules) {
  ThrottleState next = state;
  if (next.failures <= 0 || now <= next.window_start) {
    if (next.failures <= 0) {
      next.failures = 0;
      next.window_start = now;
    }
    return next;
  }
  const int64_t per_failure = std::max<int64_t>(1, rules.window_seconds / std::max<int32_t>(1, rules.free_failures));
  const int64_t forgotten = (now - next.window_start) / per_failure;
  if (forgotten >= next.failures) {
    next.failures = 0;
    next.window_start = now;
    return next;
  }
  next.failures -= static_cast<int32_t>(forgotten);
  next.window_start += forgotten * per_failure;
  return next;
}

ThrottleState AfterFailure(const ThrottleState& state, int64_t now, const ThrottleRules& rules) {
  ThrottleState next = Decayed(state, now, rules);
  ++next.failures;
  const int32_t over = next.failures - rules.free_failures;
  if (over >= 0) {
    // 5 free failures, then 30 s, 60 s, 120 s, … up to the maximum.
    constexpr int32_t kMaxDoublings = 30;
    const int32_t doublings = std::min(over, kMaxDoublings);
    const int64_t block = std::min(rules.base_block_seconds << doublings, rules.max_block_seconds);
    next.blocked_until = std::max(next.blocked_until, now + block);
  }
  return next;
}

int64_t SecondsBlocked(const ThrottleState& state, int64_t now) {
  return state.blocked_until > now ? state.blocked_until - now : 0;
}

std::string_view ScopeCode(ThrottleScope scope) {
  switch (scope) {
    case ThrottleScope::kPair:
      return "pair";
    case ThrottleScope::kAccount:
      return "account";
    case ThrottleScope::kAddress:
      return "address";
    case ThrottleScope::kNone:
      return "";
  }
  return "";
}

}  // namespace motcua::domain
