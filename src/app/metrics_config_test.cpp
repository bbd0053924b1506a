//! [metrics] allow: the addresses that may read /metrics without a token, from the file or MOTCUA_METRICS_ALLOW.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "app/config.hpp"

namespace motcua::app {
namespace {

std::string WriteMetricsToml(std::string_view text) {
  const std::string path =
      (std::filesystem::path(testing::TempDir()) / ("motcua_metrics_" + std::to_string(::getpid()) + ".toml")).string();
  std::ofstream(path) << text;
  return path;
}

TEST(MetricsConfig, NobodyByDefault) {
  const Config defaults;  // a named object: GCC 12 -O3 warns (maybe-uninitialized) on a temporary Config here
  EXPECT_TRUE(defaults.metrics_allow.empty());
}

TEST(MetricsConfig, TheFileListsAddressesAndRanges) {
  Config c;
  const auto err = LoadConfigFile(WriteMetricsToml("[metrics]\nallow = [\"127.0.0.1\", \"10.0.0.0/8\", \"::1\"]\n"), c);
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(c.metrics_allow, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8", "::1"}));
}

TEST(MetricsConfig, AMalformedRangeNamesTheKey) {
  for (const char* text :
       {"[metrics]\nallow = \"127.0.0.1\"\n", "[metrics]\nallow = [\"10.0.0.1/8\"]\n",
        "[metrics]\nallow = [\"localhost\"]\n", "[metrics]\nallow = [8]\n", "[metrics]\nalow = [\"127.0.0.1\"]\n"}) {
    Config c;
    const auto err = LoadConfigFile(WriteMetricsToml(text), c);
    ASSERT_TRUE(err.has_value()) << text;
    EXPECT_NE(err->message.find("metrics.al"), std::string::npos) << err->message;
    EXPECT_TRUE(c.metrics_allow.empty());
  }
}

TEST(MetricsConfig, TheEnvironmentListsRangesSeparatedByCommas) {
  Config c;
  const std::map<std::string, std::string> env = {{"MOTCUA_METRICS_ALLOW", "127.0.0.1, 10.0.0.0/8"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_FALSE(ApplyEnvironment(getenv, c));
  EXPECT_EQ(c.metrics_allow, (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  const auto bad = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_METRICS_ALLOW" ? "127.0.0.1,everyone" : nullptr;
  };
  EXPECT_TRUE(ApplyEnvironment(bad, c));
}

}  // namespace
}  // namespace motcua::app
