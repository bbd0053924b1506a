#include "service/refusals.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <utility>

namespace motcua::service {

namespace {

//! The longest address kept in a bucket key (an IPv6 address with a zone fits).
constexpr size_t kMaxAddressBytes = 64;

}  // namespace

bool RefusalLimiter::Take(Bucket& b, int32_t burst, int64_t refill_seconds, domain::Instant now) {
  const double elapsed = static_cast<double>(std::max<int64_t>(0, now.micros - b.last.micros));
  const double refill = static_cast<double>(std::max<int64_t>(1, refill_seconds) * domain::kMicrosPerSecond);
  b.tokens = std::min(static_cast<double>(burst), b.tokens + (elapsed / refill));
  b.last = std::max(b.last, now);
  if (b.tokens < 1.0) {
    return false;
  }
  b.tokens -= 1.0;
  return true;
}

void RefusalLimiter::Forget(domain::Instant now) {
  // Buckets that have refilled completely and dropped nothing hold nothing worth keeping.
  const int64_t full_after = limits_.refill_seconds * limits_.burst * domain::kMicrosPerSecond;
  std::erase_if(buckets_, [&](const auto& kv) {
    return kv.second.suppressed == 0 && now.micros - kv.second.last.micros >= full_after;
  });
  if (buckets_.size() >= limits_.max_keys) {
    // Still full: many addresses at once. Forget them all; the node bucket keeps bounding what is written.
    buckets_.clear();
  }
}

RefusalAdmission RefusalLimiter::Admit(const std::string& address, const std::string& action, domain::Instant now) {
  std::string key = address.substr(0, kMaxAddressBytes);
  key += '\n';
  key += action;
  std::lock_guard lock(mutex_);
  if (!node_started_) {
    node_ = Bucket{static_cast<double>(limits_.node_burst), now, 0, {}};
    node_started_ = true;
  }
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= limits_.max_keys) {
      Forget(now);
    }
    it = buckets_.emplace(std::move(key), Bucket{static_cast<double>(limits_.burst), now, 0, {}}).first;
  }
  Bucket& b = it->second;
  RefusalAdmission out;
  if (!Take(b, limits_.burst, limits_.refill_seconds, now) ||
      !Take(node_, limits_.node_burst, limits_.node_refill_seconds, now)) {
    if (b.suppressed == 0) {
      b.first_suppressed = now;
    }
    ++b.suppressed;
    return out;
  }
  out.journal = true;
  out.suppressed = std::exchange(b.suppressed, 0);
  out.first_suppressed = b.first_suppressed;
  return out;
}

size_t RefusalLimiter::size() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

RefusalLimiter& NodeRefusalLimiter() {
  static RefusalLimiter limiter;
  return limiter;
}

bool JournalRefusal(store::Database& db, const domain::Clock& clock, const Actor& actor, const Refusal& refusal) {
  return JournalRefusal(db, NodeRefusalLimiter(), clock.Now(), actor, refusal);
}

bool JournalRefusal(store::Database& db, RefusalLimiter& limiter, domain::Instant now, const Actor& actor,
                    const Refusal& refusal) {
  const RefusalAdmission admission = limiter.Admit(actor.address, refusal.action, now);
  if (!admission.journal) {
    return false;
  }
  const std::string object_type = refusal.object_type.empty() ? "route" : refusal.object_type;
  const std::string object_id = refusal.object_id.empty() ? refusal.route : refusal.object_id;
  Summary detail = refusal.detail;
  detail.Set("route", refusal.route);
  try {
    db.Write([&](store::Session& s) {
      if (admission.suppressed > 0) {
        Journal(s, actor,
                JournalEntry::Of(kRefusalsSuppressed, "refusal", refusal.action,
                                 Summary{}
                                     .Set("action", refusal.action)
                                     .Set("count", admission.suppressed)
                                     .Set("since_us", admission.first_suppressed.micros)));
      }
      Journal(s, actor, JournalEntry::Of(refusal.action, object_type, object_id, detail));
    });
  } catch (const std::exception& e) {
    spdlog::error("request {}: the refusal {} on {} was not journaled: {}", actor.request_id, refusal.action,
                  refusal.route, e.what());
    return false;
  }
  return true;
}

}  // namespace motcua::service
