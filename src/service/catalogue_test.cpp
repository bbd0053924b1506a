#include "service/catalogue.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "app/build_paths.hpp"

namespace motcua::service {
namespace {

//! A synonym file in a fresh temporary directory, removed at the end of the test.
class SynonymFile : public testing::Test {
 protected:
  SynonymFile()
      : path_(std::filesystem::temp_directory_path() /
              ("motcua-synonyms-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv")) {}
  ~SynonymFile() override { std::filesystem::remove(path_); }
  SynonymFile(const SynonymFile&) = delete;
  SynonymFile& operator=(const SynonymFile&) = delete;

  std::string Write(const std::string& text) const {
    std::ofstream(path_) << text;
    return path_.string();
  }

  std::filesystem::path path_;
};

TEST_F(SynonymFile, TheShippedTableLoads) {
  EXPECT_GE(ReadSynonymFile(app::SourceDir() + "/data/reference/search-synonyms.csv").size(), 60u);
}

TEST_F(SynonymFile, AMalformedRowStopsTheLoadNamingFileAndLine) {
  const std::string path = Write(
      "phrase,expands_to,note,reviewed_by\n"
      "cccd,căn cước,card,lead\n"
      "gplx,,licence,lead\n"
      "bhxh,bảo hiểm xã hội,insurance,\n");
  try {
    ReadSynonymFile(path);
    FAIL() << "a malformed table was accepted";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(path + ":3: "), std::string::npos) << what;
    EXPECT_NE(what.find(path + ":4: "), std::string::npos) << what;
    EXPECT_EQ(what.find(path + ":2: "), std::string::npos) << what;
  }
}

TEST_F(SynonymFile, AMissingFileIsAnError) {
  EXPECT_THROW(ReadSynonymFile(path_.string() + ".missing"), std::runtime_error);
}

}  // namespace
}  // namespace motcua::service
