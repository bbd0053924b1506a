//! The refusal journal: refused requests are journaled with who, where and what, each (address, kind) and the node
//! are rate-limited, dropped refusals are counted in a "refusal.suppressed" entry, and a journal failure never throws.
#include "service/refusals.hpp"

#include <gtest/gtest.h>

#include "service/service_test_fixture.hpp"

namespace motcua::service::testing_support {
namespace {

using domain::Grant;
using domain::Role;

class RefusalsTest : public ServiceTest {
 protected:
  //! A refusal of `route` for `action`.
  static Refusal Refused(const std::string& action, const std::string& route) {
    Refusal r;
    r.action = action;
    r.route = route;
    r.detail.Set("method", std::string("GET"));
    return r;
  }

  //! An anonymous actor at `address`.
  static Actor From(const std::string& address) { return Actor{{}, address, "test", "req-9", "", ""}; }

  //! Journal rows whose action is `action`, oldest first (actor 0 for an anonymous caller).
  std::vector<JournalRow> RowsOf(const std::string& action) {
    std::vector<JournalRow> out;
    db_->Read([&](store::Session& s) {
      const store::Rows rows =
          s.Query("SELECT action, object_id, summary, actor_id FROM audit_log WHERE action = ? ORDER BY id", {action});
      for (size_t i = 0; i < rows.size(); ++i) {
        out.push_back(JournalRow{rows[i].Text(0), rows[i].Text(1), rows[i].Text(2), rows[i].OptInt(3).value_or(0)});
      }
    });
    return out;
  }

  domain::Instant At(int64_t seconds) const {
    return domain::Instant{kStartMicros}.Plus(std::chrono::seconds(seconds));
  }
};

TEST_F(RefusalsTest, ASignedInCallersRefusalIsJournaledWithTheRouteAndTheCaller) {
  const int64_t desk = AddOfficer("motcua.h1", {Grant{Role::kDeskOfficer, kDistrict1, {}}});
  RefusalLimiter limiter;
  EXPECT_TRUE(JournalRefusal(*db_, limiter, At(0), ActorOf(desk), Refused(kRefusedAuthorisation, "/quan-tri/can-bo")));
  const std::vector<JournalRow> rows = RowsOf(kRefusedAuthorisation);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].actor_id, desk);
  EXPECT_EQ(rows[0].object_id, "/quan-tri/can-bo");
  EXPECT_EQ(rows[0].summary, R"({"method":"GET","route":"/quan-tri/can-bo"})");
}

TEST_F(RefusalsTest, AnObjectNamedByTheCallerIsKept) {
  RefusalLimiter limiter;
  Refusal r = Refused("role.grant_refused", "GrantRole");
  r.object_type = "user";
  r.object_id = "42";
  ASSERT_TRUE(JournalRefusal(*db_, limiter, At(0), From("198.51.100.1"), r));
  const std::vector<JournalRow> rows = RowsOf("role.grant_refused");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].object_id, "42");
  EXPECT_EQ(rows[0].actor_id, 0);
}

TEST_F(RefusalsTest, AFloodFromOneAddressIsCutToTheBurstAndTheRestCountedInOneEntry) {
  RefusalLimits limits;
  limits.burst = 3;
  limits.refill_seconds = 60;
  RefusalLimiter limiter(limits);
  int32_t journaled = 0;
  for (int32_t i = 0; i < 50; ++i) {
    journaled +=
        JournalRefusal(*db_, limiter, At(i / 10), From("198.51.100.1"), Refused(kRefusedCsrf, "/dang-nhap")) ? 1 : 0;
  }
  EXPECT_EQ(journaled, 3);
  EXPECT_EQ(RowsOf(kRefusedCsrf).size(), 3U);
  EXPECT_TRUE(RowsOf(kRefusalsSuppressed).empty());
  // A minute later one more token: the next refusal is journaled with the count of the 47 dropped before it.
  EXPECT_TRUE(JournalRefusal(*db_, limiter, At(70), From("198.51.100.1"), Refused(kRefusedCsrf, "/dang-nhap")));
  const std::vector<JournalRow> suppressed = RowsOf(kRefusalsSuppressed);
  ASSERT_EQ(suppressed.size(), 1U);
  EXPECT_EQ(suppressed[0].object_id, kRefusedCsrf);
  EXPECT_NE(suppressed[0].summary.find(R"("count":47)"), std::string::npos) << suppressed[0].summary;
  EXPECT_EQ(RowsOf(kRefusedCsrf).size(), 4U);
}

TEST_F(RefusalsTest, EachAddressAndKindHasItsOwnBucket) {
  RefusalLimits limits;
  limits.burst = 1;
  RefusalLimiter limiter(limits);
  EXPECT_TRUE(JournalRefusal(*db_, limiter, At(0), From("198.51.100.1"), Refused(kRefusedCsrf, "/a")));
  EXPECT_FALSE(JournalRefusal(*db_, limiter, At(0), From("198.51.100.1"), Refused(kRefusedCsrf, "/a")));
  EXPECT_TRUE(JournalRefusal(*db_, limiter, At(0), From("198.51.100.1"), Refused(kRefusedAnonymous, "/a")));
  EXPECT_TRUE(JournalRefusal(*db_, limiter, At(0), From("198.51.100.2"), Refused(kRefusedCsrf, "/a")));
}

TEST_F(RefusalsTest, TheNodeBucketBoundsAFloodFromManyAddresses) {
  RefusalLimits limits;
  limits.node_burst = 10;
  limits.node_refill_seconds = 60;
  RefusalLimiter limiter(limits);
  int32_t journaled = 0;
  for (int32_t i = 0; i < 40; ++i) {
    journaled += JournalRefusal(*db_, limiter, At(0), From("198.51.100." + std::to_string(i)),
                                Refused(kRefusedAnonymous, "/tai-khoan"))
                     ? 1
                     : 0;
  }
  EXPECT_EQ(journaled, 10);
}

TEST_F(RefusalsTest, ManyAddressesNeverGrowTheLimiterPastItsBound) {
  RefusalLimits limits;
  limits.max_keys = 100;
  limits.node_burst = 1;
  RefusalLimiter limiter(limits);
  for (int32_t i = 0; i < 1000; ++i) {
    limiter.Admit("2001:db8::" + std::to_string(i), kRefusedAnonymous, At(0));
  }
  EXPECT_LE(limiter.size(), 100U);
}

TEST_F(RefusalsTest, AJournalThatCannotBeWrittenIsLoggedNotThrown) {
  BreakJournal();
  RefusalLimiter limiter;
  bool journaled = true;
  EXPECT_NO_THROW(journaled =
                      JournalRefusal(*db_, limiter, At(0), From("198.51.100.1"), Refused(kRefusedCsrf, "/dang-nhap")));
  EXPECT_FALSE(journaled);
}

TEST_F(RefusalsTest, TheNodeLimiterIsTheOneTheClockOverloadUses) {
  // The three-argument form counts on the node's limiter: an address of its own so no other test shares its bucket.
  const Actor actor = From("192.0.2.250");
  int32_t journaled = 0;
  for (int32_t i = 0; i < 20; ++i) {
    journaled += JournalRefusal(*db_, clock_, actor, Refused(kRefusedCsrf, "/dang-ky")) ? 1 : 0;
  }
  EXPECT_EQ(journaled, RefusalLimits{}.burst);
}

}  // namespace
}  // namespace motcua::service::testing_support
