#include "app/config.hpp"
#include "app/build_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace motcua::app {

namespace {

std::string WriteToml(std::string_view text) {
  const std::string path =
      (std::filesystem::path(testing::TempDir()) / ("motcua_" + std::to_string(::getpid()) + ".toml")).string();
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST(Config, FileOverridesDefaults) {
  Config c;
  const auto err = LoadConfigFile(WriteToml("db = \"postgresql://u@h/db\"\nlisten = \"0.0.0.0:9000\"\n"
                                            "[http]\nthreads = 4\nmax_body_bytes = 2048\nheader_timeout_ms = 500\n"
                                            "behind_tls = true\n[log]\naccess = false\n"),
                                  c);
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(c.db, "postgresql://u@h/db");
  EXPECT_EQ(c.server.host, "0.0.0.0");
  EXPECT_EQ(c.server.port, 9000);
  EXPECT_EQ(c.server.threads, 4);
  EXPECT_EQ(c.server.max_body_bytes, 2048u);
  EXPECT_EQ(c.server.header_timeout.count(), 500);
  EXPECT_TRUE(c.behind_tls);
  EXPECT_FALSE(c.access_log);
}

TEST(Config, ErrorsNameTheFileAndTheKey) {
  Config c;
  auto err = LoadConfigFile(WriteToml("[http]\nthreads = \"many\"\n"), c);
  ASSERT_TRUE(err);
  EXPECT_NE(err->message.find("http.threads"), std::string::npos);
  err = LoadConfigFile(WriteToml("[http]\nmax_body_bytes = 1\n"), c);
  ASSERT_TRUE(err);
  EXPECT_NE(err->message.find("http.max_body_bytes"), std::string::npos);
  err = LoadConfigFile(WriteToml("db = \n"), c);
  ASSERT_TRUE(err);
  EXPECT_NE(err->message.find(".toml:1"), std::string::npos);
}

TEST(Config, AMisspeltKeyIsAnErrorNotSilentlyIgnored) {
  Config c;
  auto err = LoadConfigFile(WriteToml("[htpp]\nthreads = 4\n"), c);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("htpp.threads"), std::string::npos);
  err = LoadConfigFile(WriteToml("db = \"y.db\"\ndatabse = \"x.db\"\n"), c);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("databse"), std::string::npos);
  EXPECT_EQ(c.db, "var/motcua.db");  // nothing from a rejected file is applied
  err = LoadConfigFile(WriteToml("[log]\nlevel = \"verbose\"\n"), c);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("log.level"), std::string::npos);
  EXPECT_EQ(c.log_level, "info");
}

TEST(Config, EnvironmentOverridesTheFile) {
  Config c;
  const std::map<std::string, std::string> env = {{"MOTCUA_DB", "/tmp/x.db"},
                                                  {"MOTCUA_LISTEN", "[::1]:8443"},
                                                  {"MOTCUA_THREADS", "2"},
                                                  {"MOTCUA_BEHIND_TLS", "yes"}};
  const auto getenv = [&](const char* name) -> const char* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ASSERT_FALSE(ApplyEnvironment(getenv, c));
  EXPECT_EQ(c.db, "/tmp/x.db");
  EXPECT_EQ(c.server.host, "::1");
  EXPECT_EQ(c.server.port, 8443);
  EXPECT_EQ(c.server.threads, 2);
  EXPECT_TRUE(c.behind_tls);
  const auto bad = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_THREADS" ? "lots" : nullptr;
  };
  EXPECT_TRUE(ApplyEnvironment(bad, c));
}

TEST(Config, TheOutboxSenderIsConfigured) {
  Config c;
  EXPECT_TRUE(c.outbox.sender);
  auto err = LoadConfigFile(WriteToml("[outbox]\nsender = false\npoll_ms = 50\nmax_attempts = 3\n"
                                      "backoff_base_seconds = 5\nbackoff_cap_seconds = 60\nlease_seconds = 20\n"
                                      "batch = 4\n"),
                            c);
  ASSERT_FALSE(err) << err->message;
  EXPECT_FALSE(c.outbox.sender);
  EXPECT_EQ(c.outbox.poll_ms, 50);
  EXPECT_EQ(c.outbox.max_attempts, 3);
  EXPECT_EQ(c.outbox.backoff_base_seconds, 5);
  EXPECT_EQ(c.outbox.backoff_cap_seconds, 60);
  EXPECT_EQ(c.outbox.lease_seconds, 20);
  EXPECT_EQ(c.outbox.batch, 4);
  err = LoadConfigFile(WriteToml("[outbox]\nmax_attempts = 0\n"), c);
  ASSERT_TRUE(err);
  EXPECT_NE(err->message.find("outbox.max_attempts"), std::string::npos);
  const auto on = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_OUTBOX_SENDER" ? "on" : nullptr;
  };
  ASSERT_FALSE(ApplyEnvironment(on, c));
  EXPECT_TRUE(c.outbox.sender);
  const auto bad = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_OUTBOX_SENDER" ? "sometimes" : nullptr;
  };
  EXPECT_TRUE(ApplyEnvironment(bad, c));
}

TEST(Config, TheHotlineIsAPhoneNumberFromTheSiteSection) {
  Config c;
  EXPECT_FALSE(c.hotline.empty());
  auto err = LoadConfigFile(WriteToml("[site]\nhotline = \"0228 3 123 456\"\n"), c);
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(c.hotline, "0228 3 123 456");
  for (const std::string_view bad : {"", "call us", "<script>", "   "}) {
    err = LoadConfigFile(WriteToml("[site]\nhotline = \"" + std::string(bad) + "\"\n"), c);
    ASSERT_TRUE(err.has_value()) << bad;
    EXPECT_NE(err->message.find("site.hotline"), std::string::npos);
    EXPECT_EQ(c.hotline, "0228 3 123 456");
  }
}

TEST(Config, ThePublicUrlIsAnHttpAddressFromTheSiteSectionOrTheEnvironment) {
  Config c;
  EXPECT_EQ(c.public_url, "http://127.0.0.1:8080");
  auto err = LoadConfigFile(WriteToml("[site]\npublic_url = \"https://dvc.namdinh.gov.vn\"\n"), c);
  ASSERT_FALSE(err) << err->message;
  EXPECT_EQ(c.public_url, "https://dvc.namdinh.gov.vn");
  err = LoadConfigFile(WriteToml("[site]\npublic_url = \"javascript:alert(1)\"\n"), c);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->message.find("site.public_url"), std::string::npos);
  EXPECT_EQ(c.public_url, "https://dvc.namdinh.gov.vn");
  auto env = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_PUBLIC_URL" ? "http://10.0.0.5:8080" : nullptr;
  };
  EXPECT_FALSE(ApplyEnvironment(env, c));
  EXPECT_EQ(c.public_url, "http://10.0.0.5:8080");
  auto bad = [](const char* name) -> const char* {
    return std::string_view(name) == "MOTCUA_PUBLIC_URL" ? "ftp://x" : nullptr;
  };
  EXPECT_TRUE(ApplyEnvironment(bad, c));
}

TEST(Config, ListenAddressIsValidated) {
  Config c;
  EXPECT_FALSE(ApplyListen("127.0.0.1:0", c));
  EXPECT_EQ(c.server.port, 0);
  EXPECT_TRUE(ApplyListen("127.0.0.1", c));
  EXPECT_TRUE(ApplyListen("127.0.0.1:99999", c));
  EXPECT_TRUE(ApplyListen("127.0.0.1:http", c));
  EXPECT_TRUE(ApplyListen(":80", c));
}

}  // namespace motcua::app

namespace motcua::app {

TEST(Config, TheExampleFileIsValid) {
  Config c;
  const auto err = LoadConfigFile(motcua::app::SourceDir() + "/motcua.example.toml", c);
  ASSERT_FALSE(err.has_value()) << err->message;
  EXPECT_EQ(c.server.port, 8080);
}

}  // namespace motcua::app
