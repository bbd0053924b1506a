//! Keyset pagination and optimistic (versioned) updates, on every engine, and the continuation token codec.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "store/database.hpp"
#include "store/keyset.hpp"
#include "tests/store/test_database.hpp"

namespace motcua::store {
namespace {

using testing_support::OpenTestDatabase;
using testing_support::TestDatabase;

constexpr int64_t kRows = 1050;
constexpr int64_t kGroups = 7;  // Many rows share each first key: ties are broken by the second.
constexpr int64_t kPageSize = 100;

class KeysetTest : public testing::Test {
 protected:
  void SetUp() override {
    test_ = OpenTestDatabase();
    db().Write([](Session& s) {
      s.ExecScript("CREATE TABLE items (grp BIGINT NOT NULL, id BIGINT NOT NULL, name TEXT NOT NULL)");
      for (int64_t id = 1; id <= kRows; ++id) {
        s.Exec("INSERT INTO items (grp, id, name) VALUES (?, ?, ?)",
               {id % kGroups, id, std::string("mục ") + std::to_string(id)});
      }
    });
  }
  Database& db() { return test_->db(); }

  //! Every (grp, id) of the list read page by page, and the number of pages.
  std::pair<std::vector<std::pair<int64_t, int64_t>>, int32_t> ReadAll(const KeysetQuery& query) {
    std::vector<std::pair<int64_t, int64_t>> seen;
    int32_t pages = 0;
    std::string token;
    do {
      db().Read([&](Session& s) {
        const domain::Result<KeysetPage> page = ReadKeysetPage(s, query, token);
        ASSERT_TRUE(page.ok());
        ++pages;
        for (size_t i = 0; i < page->rows.size(); ++i) {
          seen.emplace_back(page->rows[i].Int(0), page->rows[i].Int(1));
          EXPECT_EQ(page->rows[i].Text(2), std::string("mục ") + std::to_string(page->rows[i].Int(1)));
        }
        EXPECT_LE(page->rows.size(), static_cast<size_t>(query.page_size));
        token = page->next;
      });
    } while (!token.empty() && pages <= kRows);
    return {seen, pages};
  }

  //! The (grp, id) of every row with `keep`, sorted in `order`.
  static std::vector<std::pair<int64_t, int64_t>> Expected(SortOrder order, int64_t skip_group = -1) {
    std::vector<std::pair<int64_t, int64_t>> out;
    for (int64_t id = 1; id <= kRows; ++id) {
      if (id % kGroups != skip_group) {
        out.emplace_back(id % kGroups, id);
      }
    }
    std::sort(out.begin(), out.end());
    if (order == SortOrder::kDescending) {
      std::reverse(out.begin(), out.end());
    }
    return out;
  }

  static KeysetQuery Items(SortOrder order) {
    KeysetQuery q;
    q.keys = {"grp", "id"};
    q.columns = "name";
    q.from = "items";
    q.order = order;
    q.page_size = kPageSize;
    return q;
  }

  std::unique_ptr<TestDatabase> test_;
};

TEST_F(KeysetTest, PagesAscendingThroughEveryRowOnceWithTiesOnTheFirstKey) {
  const auto [seen, pages] = ReadAll(Items(SortOrder::kAscending));
  EXPECT_EQ(seen, Expected(SortOrder::kAscending));
  EXPECT_EQ(pages, (kRows + kPageSize - 1) / kPageSize);
}

TEST_F(KeysetTest, PagesDescendingThroughEveryRowOnce) {
  const auto [seen, pages] = ReadAll(Items(SortOrder::kDescending));
  EXPECT_EQ(seen, Expected(SortOrder::kDescending));
  EXPECT_EQ(pages, (kRows + kPageSize - 1) / kPageSize);
}

TEST_F(KeysetTest, AFilterAppliesOnEveryPage) {
  KeysetQuery q = Items(SortOrder::kAscending);
  q.where = "grp <> ?";
  q.where_params = {int64_t{3}};
  const auto [seen, pages] = ReadAll(q);
  EXPECT_EQ(seen, Expected(SortOrder::kAscending, 3));
  EXPECT_EQ(pages, 9);  // 900 rows.
}

TEST_F(KeysetTest, AnExactMultipleOfThePageSizeEndsWithoutAnEmptyPage) {
  KeysetQuery q = Items(SortOrder::kAscending);
  q.page_size = kRows / 3;
  const auto [seen, pages] = ReadAll(q);
  EXPECT_EQ(seen.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(pages, 3);
}

TEST_F(KeysetTest, AnAlteredTokenIsRefusedAsInvalid) {
  db().Read([&](Session& s) {
    const domain::Result<KeysetPage> first = ReadKeysetPage(s, Items(SortOrder::kAscending), "");
    ASSERT_TRUE(first.ok());
    ASSERT_FALSE(first->next.empty());
    for (const std::string& bad : {std::string("x") + first->next, first->next.substr(0, first->next.size() - 1),
                                   std::string("k1"), std::string("k1!!"), EncodeKeysetToken({int64_t{1}})}) {
      const domain::Result<KeysetPage> page = ReadKeysetPage(s, Items(SortOrder::kAscending), bad);
      ASSERT_FALSE(page.ok()) << bad;
      EXPECT_EQ(page.kind(), domain::ErrorKind::kInvalid);
    }
  });
}

TEST(KeysetToken, RoundTripsEveryValueType) {
  const std::vector<Value> keys = {int64_t{-9007199254740993}, 0.1,       std::string("Hồ sơ; có:dấu\n"), std::string(),
                                   Blob{{0, 255, ':', ';'}},   int64_t{0}};
  const std::string token = EncodeKeysetToken(keys);
  EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos)
      << token;
  const domain::Result<std::vector<Value>> decoded = DecodeKeysetToken(token, keys.size());
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, keys);
  EXPECT_FALSE(DecodeKeysetToken(token, keys.size() - 1).ok());
  EXPECT_FALSE(DecodeKeysetToken(token, keys.size() + 1).ok());
}

TEST(KeysetToken, MalformedTokensAreRefused) {
  for (const std::string_view bad : {"", "k", "k2aTE7", "k1aTE", "k1aTE7=", "k1aQ", "k1dDk6YWJj", "k1eDE7"}) {
    EXPECT_FALSE(DecodeKeysetToken(bad, 1).ok()) << bad;
  }
  EXPECT_THROW(EncodeKeysetToken({Value{}}), DatabaseError);
}

TEST(KeysetToken, TheStatementComparesRowValuesInTheListOrder) {
  KeysetQuery q;
  q.keys = {"a", "b"};
  q.from = "t";
  q.where = "c = ?";
  q.where_params = {int64_t{1}};
  q.order = SortOrder::kDescending;
  q.page_size = 10;
  const KeysetStatement first = BuildKeysetStatement(q, {});
  EXPECT_EQ(first.sql, "SELECT a, b FROM t WHERE (c = ?) ORDER BY a DESC, b DESC LIMIT ?");
  EXPECT_EQ(first.params, (Params{int64_t{1}, int64_t{11}}));
  const KeysetStatement next = BuildKeysetStatement(q, {int64_t{5}, std::string("x")});
  EXPECT_EQ(next.sql, "SELECT a, b FROM t WHERE (c = ?) AND (a, b) < (?, ?) ORDER BY a DESC, b DESC LIMIT ?");
  EXPECT_EQ(next.params, (Params{int64_t{1}, int64_t{5}, std::string("x"), int64_t{11}}));
}

// ---- Versioned rows ----

TEST(Versioned, AnUpdateWithTheCurrentVersionWinsAndAStaleOneIsAConflict) {
  const auto test = OpenTestDatabase();
  Database& db = test->db();
  db.Write([](Session& s) {
    s.ExecScript("CREATE TABLE docs (id BIGINT PRIMARY KEY, title TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1)");
    s.Exec("INSERT INTO docs (id, title) VALUES (1, 'đầu')");
  });
  // Two officers loaded version 1; the first to save wins.
  db.Write([](Session& s) {
    const auto first = UpdateVersioned(s, "docs", 1, 1, "title = ?", {std::string("của An")});
    EXPECT_TRUE(first.ok());
    const auto second = UpdateVersioned(s, "docs", 1, 1, "title = ?", {std::string("của Bình")});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.kind(), domain::ErrorKind::kConflict);
    const auto missing = UpdateVersioned(s, "docs", 2, 1, "title = ?", {std::string("không có")});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.kind(), domain::ErrorKind::kConflict);
  });
  db.Read([](Session& s) {
    const Rows rows = s.Query("SELECT title, version FROM docs WHERE id = 1");
    EXPECT_EQ(rows[0].Text(0), "của An");
    EXPECT_EQ(rows[0].Int(1), 2);
  });
  db.Write([](Session& s) { EXPECT_TRUE(UpdateVersioned(s, "docs", 1, 2, "title = ?", {std::string("lại")}).ok()); });
}

}  // namespace
}  // namespace motcua::store
