#include "domain/audit.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace motcua::domain {

namespace {

//! A sign-in by a desk officer, the entry the known answers below were computed for.
AuditEntry SampleEntry() {
  AuditEntry e;
  e.seq = 1;
  e.at_us = 1700000000000000;
  e.actor_id = 42;
  e.actor_name = "Nguyễn Văn A";
  e.actor_role = "desk_officer";
  e.actor_agency = "000.00.00.H40";
  e.action = "login.success";
  e.object_type = "user";
  e.object_id = "42";
  e.ip = "192.0.2.1";
  e.user_agent = "Mozilla/5.0";
  e.request_id = "req-1";
  e.summary = "{}";
  e.prev_hash = std::string(kAuditGenesisHash);
  return e;
}

}  // namespace

TEST(AuditHash, GenesisIsSixtyFourZeros) {
  EXPECT_EQ(kAuditGenesisHash.size(), 64U);
  EXPECT_EQ(kAuditGenesisHash.find_first_not_of('0'), std::string_view::npos);
}

TEST(AuditHash, CanonicalFormIsTaggedNetstringsInFieldOrder) {
  // "Nguyễn Văn A" is 15 bytes in UTF-8: lengths count bytes, not letters.
  const std::string expected =
      "15:motcua-audit-v1,1:1,16:1700000000000000,2:42,15:Nguyễn Văn A,12:desk_officer,"
      "13:000.00.00.H40,13:login.success,4:user,2:42,9:192.0.2.1,11:Mozilla/5.0,5:req-1,"
      "2:{},64:" +
      std::string(kAuditGenesisHash) + ",";
  EXPECT_EQ(CanonicalAuditForm(SampleEntry()), expected);
}

TEST(AuditHash, KnownAnswer) {
  // Computed independently: printf '%s' "$GENESIS" "<canonical form above>" | sha256sum
  EXPECT_EQ(AuditHash(SampleEntry()), "a99044bfb2958007bff1f286c2be1af6b9c647ee52bac7748d9774807245a595");
}

TEST(AuditHash, HashIsNotPartOfItsOwnInput) {
  AuditEntry e = SampleEntry();
  const std::string before = AuditHash(e);
  e.hash = "anything";
  EXPECT_EQ(AuditHash(e), before);
}

TEST(AuditHash, EveryFieldChangesTheHash) {
  using Edit = std::function<void(AuditEntry&)>;
  const std::vector<std::pair<std::string, Edit>> edits = {
      {"seq", [](AuditEntry& e) { e.seq = 2; }},
      {"at_us", [](AuditEntry& e) { e.at_us += 1; }},
      {"actor_id", [](AuditEntry& e) { e.actor_id = 43; }},
      {"actor_id null", [](AuditEntry& e) { e.actor_id.reset(); }},
      {"actor_name", [](AuditEntry& e) { e.actor_name = "Nguyễn Văn B"; }},
      {"actor_role", [](AuditEntry& e) { e.actor_role = "specialist"; }},
      {"actor_agency", [](AuditEntry& e) { e.actor_agency = "000.00.00.H41"; }},
      {"action", [](AuditEntry& e) { e.action = "login.failure"; }},
      {"object_type", [](AuditEntry& e) { e.object_type = "dossier"; }},
      {"object_id", [](AuditEntry& e) { e.object_id = "43"; }},
      {"ip", [](AuditEntry& e) { e.ip = "192.0.2.2"; }},
      {"user_agent", [](AuditEntry& e) { e.user_agent = "curl/8"; }},
      {"request_id", [](AuditEntry& e) { e.request_id = "req-2"; }},
      {"summary", [](AuditEntry& e) { e.summary = R"({"a":1})"; }},
      {"prev_hash", [](AuditEntry& e) { e.prev_hash[63] = '1'; }},
  };
  std::set<std::string> seen = {AuditHash(SampleEntry())};
  for (const auto& [name, edit] : edits) {
    AuditEntry e = SampleEntry();
    edit(e);
    EXPECT_TRUE(seen.insert(AuditHash(e)).second) << "changing " << name << " left the hash as another entry's";
  }
}

TEST(AuditHash, FieldBoundariesCannotBeMoved) {
  AuditEntry a = SampleEntry();
  a.action = "a";
  a.object_type = "bc";
  AuditEntry b = SampleEntry();
  b.action = "ab";
  b.object_type = "c";
  EXPECT_NE(CanonicalAuditForm(a), CanonicalAuditForm(b));
  EXPECT_NE(AuditHash(a), AuditHash(b));

  // A separator inside a field cannot forge the next one either.
  AuditEntry c = SampleEntry();
  c.object_id = "1,2:ab";
  c.ip = "";
  AuditEntry d = SampleEntry();
  d.object_id = "1";
  d.ip = "ab";
  EXPECT_NE(AuditHash(c), AuditHash(d));
}

TEST(AuditHash, NullActorDiffersFromActorZero) {
  AuditEntry anonymous = SampleEntry();
  anonymous.actor_id.reset();
  AuditEntry zero = SampleEntry();
  zero.actor_id = 0;
  EXPECT_NE(CanonicalAuditForm(anonymous), CanonicalAuditForm(zero));
  EXPECT_NE(AuditHash(anonymous), AuditHash(zero));
}

TEST(AuditHash, IsLowerCaseHexOfThirtyTwoBytes) {
  const std::string h = AuditHash(SampleEntry());
  ASSERT_EQ(h.size(), 64U);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(AuditHash, ChainsThroughPrevHash) {
  AuditEntry first = SampleEntry();
  first.hash = AuditHash(first);
  AuditEntry second = SampleEntry();
  second.seq = 2;
  second.prev_hash = first.hash;
  AuditEntry forged = second;
  forged.prev_hash = std::string(kAuditGenesisHash);
  EXPECT_NE(AuditHash(second), AuditHash(forged));
}

}  // namespace motcua::domain
