//! The published chain head reads back exactly what it prints, and nothing else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/audit.hpp"

namespace motcua::domain {
namespace {

const std::string kHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

TEST(AuditHead, ReadsBackWhatItPrints) {
  const AuditHead head{42, kHash};
  EXPECT_EQ(head.Text(), "42:" + kHash);
  const std::optional<AuditHead> back = ParseAuditHead(head.Text());
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->seq, 42);
  EXPECT_EQ(back->hash, kHash);
}

TEST(AuditHead, AcceptsTheSpacesAndLineEndOfAPaste) {
  const std::optional<AuditHead> head = ParseAuditHead("  7:" + kHash + "\r\n");
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->seq, 7);
  EXPECT_TRUE(ParseAuditHead("0:" + std::string(kAuditGenesisHash)).has_value());
}

TEST(AuditHead, RefusesAnythingElse) {
  const std::vector<std::string> bad = {
      "",
      "   ",
      kHash,
      ":" + kHash,
      "42",
      "42:",
      "-1:" + kHash,
      "+4:" + kHash,
      "4x:" + kHash,
      "4 :" + kHash,
      "99999999999999999999:" + kHash,
      "42:" + kHash.substr(1),
      "42:" + kHash + "0",
      "42:" + std::string(64, 'G'),
      "42:9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
      "42:" + kHash + " trailing",
      "0:" + kHash,
  };
  for (const std::string& b : bad) {
    EXPECT_FALSE(ParseAuditHead(b).has_value()) << b;
  }
}

}  // namespace
}  // namespace motcua::domain
