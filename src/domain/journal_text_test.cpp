//! Every journal event code the code base writes reads as a sentence; an unknown one still reads as its family.
#include "domain/journal_text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"

namespace motcua::domain {
namespace {

//! The journal event codes written anywhere in src/ (tests excluded), found by the ways code writes them.
std::set<std::string> CodesWrittenInSource() {
  const std::regex direct(R"re((?:JournalEntry::Of|Seeded)\(\s*(?:s,\s*)?"([a-z_]+(?:\.[a-z_]+)*)")re");
  const std::regex braced(R"re(Journal\(s,[^;{]*\{\s*"([a-z_]+(?:\.[a-z_]+)*)")re");
  const std::regex signed_in(R"re(StartSignedIn\(s,[^;]*?"([a-z_]+(?:\.[a-z_]+)*)")re");
  const std::regex failure(R"re(RecordFailure\(s,\s*actor,\s*"([a-z_]+)")re");
  std::set<std::string> codes;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(motcua::app::SourceDir() + "/src")) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".cpp" || path.ends_with("_test.cpp")) {
      continue;
    }
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (const std::regex* re : {&direct, &braced, &signed_in}) {
      for (auto it = std::sregex_iterator(s.begin(), s.end(), *re); it != std::sregex_iterator(); ++it) {
        codes.insert((*it)[1].str());
      }
    }
    for (auto it = std::sregex_iterator(s.begin(), s.end(), failure); it != std::sregex_iterator(); ++it) {
      codes.insert((*it)[1].str() + ".failure");
      codes.insert((*it)[1].str() + ".blocked");
    }
  }
  return codes;
}

TEST(JournalSentence, EveryCodeTheCodeWritesHasASentence) {
  const std::set<std::string> codes = CodesWrittenInSource();
  // The scan finds the codes (a broken pattern would find none and pass for nothing).
  EXPECT_GT(codes.size(), 25u);
  for (const std::string_view sure : {"login.success", "login.failure", "account.create_assisted", "role.grant",
                                      "logout", "account.demo_seed", "reset_code.blocked"}) {
    EXPECT_EQ(codes.count(std::string(sure)), 1u) << sure;
  }
  for (const std::string& code : codes) {
    EXPECT_NE(JournalSentence(code), nullptr) << code << " has no sentence: add one line to kActionSentences";
  }
}

TEST(JournalSentence, AnUnknownCodeReadsAsItsFamily) {
  EXPECT_EQ(JournalSentence("throttle.registration"), nullptr);
  EXPECT_STREQ(JournalFamily("throttle.registration"), "Giới hạn truy cập");
  EXPECT_STREQ(JournalFamily("csrf.rejected"), "Bảo vệ biểu mẫu");
  EXPECT_STREQ(JournalFamily("login.something_new"), "Đăng nhập");
  EXPECT_STREQ(JournalFamily("xyz"), "Sự kiện khác");
  EXPECT_STREQ(JournalFamily(""), "Sự kiện khác");
}

}  // namespace
}  // namespace motcua::domain
