//! Reading migration text: directives and statement splitting.
#include "store/migration_text.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace motcua::store {
namespace {

std::vector<std::string> Split(std::string_view sql) {
  std::vector<std::string> out;
  for (const std::string_view piece : SplitStatements(sql)) {
    out.emplace_back(piece);
  }
  return out;
}

TEST(MigrationDirectives, NoneByDefault) {
  const MigrationDirectives d = ReadDirectives("CREATE TABLE t (k BIGINT);\n-- a comment: long\n");
  EXPECT_FALSE(d.long_running);
  EXPECT_FALSE(d.no_transaction);
}

TEST(MigrationDirectives, OneOrBothOnAnyLine) {
  EXPECT_TRUE(ReadDirectives("-- motcua: long\nSELECT 1;").long_running);
  EXPECT_TRUE(ReadDirectives("SELECT 1;\n-- motcua: no-transaction\n").no_transaction);
  const MigrationDirectives both = ReadDirectives("-- motcua: long, no-transaction\n");
  EXPECT_TRUE(both.long_running);
  EXPECT_TRUE(both.no_transaction);
  const MigrationDirectives crlf = ReadDirectives("-- motcua: no-transaction long\r\nSELECT 1;");
  EXPECT_TRUE(crlf.long_running);
  EXPECT_TRUE(crlf.no_transaction);
}

TEST(MigrationDirectives, AMisspeltDirectiveIsRefused) {
  EXPECT_THROW(ReadDirectives("-- motcua: lng\n"), std::invalid_argument);
  EXPECT_THROW(ReadDirectives("-- motcua: long notransaction\n"), std::invalid_argument);
}

TEST(SplitStatements, SplitsAtSemicolonsAndTrims) {
  EXPECT_EQ(Split("CREATE TABLE a (k BIGINT);\n  CREATE INDEX a_k ON a (k) ;\n"),
            (std::vector<std::string>{"CREATE TABLE a (k BIGINT)", "CREATE INDEX a_k ON a (k)"}));
  EXPECT_EQ(Split("SELECT 1"), (std::vector<std::string>{"SELECT 1"}));
}

TEST(SplitStatements, IgnoresSemicolonsInQuotesAndComments) {
  EXPECT_EQ(Split("INSERT INTO t VALUES ('a;b', 'it''s; fine');\nSELECT \"odd;name\" FROM t;"),
            (std::vector<std::string>{"INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT \"odd;name\" FROM t"}));
  EXPECT_EQ(Split("-- a; comment\nSELECT 1; /* x; y */ SELECT 2;"),
            (std::vector<std::string>{"-- a; comment\nSELECT 1", "/* x; y */ SELECT 2"}));
  EXPECT_EQ(Split("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT $$;$$;"),
            (std::vector<std::string>{"CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                                      "SELECT $$;$$"}));
  EXPECT_EQ(Split("SELECT $1; SELECT a$b; SELECT 2"),
            (std::vector<std::string>{"SELECT $1", "SELECT a$b", "SELECT 2"}));
}

TEST(SplitStatements, LeavesOutEmptyAndCommentOnlyPieces) {
  EXPECT_TRUE(Split("").empty());
  EXPECT_TRUE(Split(" ;; \n-- only a comment\n; /* and this */").empty());
  EXPECT_EQ(Split("-- motcua: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (k);\n-- done\n"),
            (std::vector<std::string>{"-- motcua: no-transaction\nCREATE INDEX CONCURRENTLY i ON t (k)"}));
}

TEST(SplitStatements, UnterminatedQuotesAndCommentsRunToTheEnd) {
  EXPECT_EQ(Split("SELECT 'a;b"), (std::vector<std::string>{"SELECT 'a;b"}));
  EXPECT_EQ(Split("SELECT 1 /* ; "), (std::vector<std::string>{"SELECT 1 /* ;"}));
  EXPECT_EQ(Split("SELECT $x$ ; "), (std::vector<std::string>{"SELECT $x$ ;"}));
}

}  // namespace
}  // namespace motcua::store
