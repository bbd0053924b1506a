#pragma once
//! A fresh database of the engine under test for the store suites: MOTCUA_TEST_ENGINE=sqlite (default) or
//! postgres with MOTCUA_TEST_PG_URL, where each test gets its own schema.

#include <gtest/gtest.h>
#include <unistd.h>

#include <fmt/format.h>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "store/database.hpp"

namespace motcua::store::testing_support {

inline constexpr std::string_view kPgUrlEnv = "MOTCUA_TEST_PG_URL";
inline constexpr std::string_view kEngineEnv = "MOTCUA_TEST_ENGINE";

inline std::string Env(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  return value != nullptr ? value : "";
}

//! A name no other test, in this process or another, uses at the same time.
inline std::string UniqueName(std::string_view prefix) {
  static std::atomic<int64_t> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return fmt::format("{}_{}_{}_{}", prefix, getpid(), counter.fetch_add(1), now % 1000000);
}

//! A fresh, empty database of the engine under test; everything it created is removed when it goes away.
class TestDatabase {
 public:
  TestDatabase() = default;
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  ~TestDatabase() {
    db_.reset();
    if (!sqlite_path_.empty()) {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(sqlite_path_ + suffix, ignored);
      }
    }
    if (admin_ != nullptr) {
      admin_->Write([&](Session& s) { s.ExecScript(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_)); });
    }
  }

  Database& db() { return *db_; }
  //! The URL or path the database was opened from.
  const std::string& url() const { return url_; }
  //! PostgreSQL: a second handle on the same server, outside the test's schema.
  Database& admin() { return *admin_; }
  //! PostgreSQL: the test's schema, also the application_name of its connections.
  const std::string& schema() const { return schema_; }

  //! Set up by OpenTestDatabase.
  std::unique_ptr<Database> db_;
  std::string url_;
  std::string sqlite_path_;
  std::unique_ptr<Database> admin_;  // PostgreSQL: creates the test's schema, then drops it.
  std::string schema_;
};

//! Opens a fresh database of the engine MOTCUA_TEST_ENGINE names; throws (failing the test) when misconfigured.
inline std::unique_ptr<TestDatabase> OpenTestDatabase(const DatabaseOptions& options = {}) {
  auto test = std::make_unique<TestDatabase>();
  const std::string engine = Env(kEngineEnv).empty() ? "sqlite" : Env(kEngineEnv);
  if (engine == "sqlite") {
    test->sqlite_path_ = (std::filesystem::path(testing::TempDir()) / (UniqueName("motcua_store") + ".db")).string();
    test->url_ = test->sqlite_path_;
    test->db_ = OpenDatabase(test->url_, options);
    return test;
  }
  if (engine != "postgres") {
    throw std::runtime_error(fmt::format("{}={} is not an engine; use sqlite or postgres", kEngineEnv, engine));
  }
  const std::string base = Env(kPgUrlEnv);
  if (base.empty()) {
    throw std::runtime_error(
        fmt::format("{}=postgres needs {} (e.g. from `scripts/pg-cluster.sh start /tmp/pg`); refusing to skip",
                    kEngineEnv, kPgUrlEnv));
  }
  // Each test gets its own schema. search_path goes in the URL, not in a SET, because every thread that
  // reads opens its own connection. application_name lets a test find its own connections on the server.
  test->schema_ = UniqueName("motcua_test");
  test->admin_ = OpenDatabase(base, options);
  test->admin_->Write([&](Session& s) { s.ExecScript("CREATE SCHEMA " + test->schema_); });
  const char separator = base.find('?') == std::string::npos ? '?' : '&';
  test->url_ =
      fmt::format("{}{}options=-csearch_path%3D{}&application_name={}", base, separator, test->schema_, test->schema_);
  test->db_ = OpenDatabase(test->url_, options);
  return test;
}

}  // namespace motcua::store::testing_support
