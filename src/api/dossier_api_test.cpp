//! The language of the dossier API's messages: Vietnamese unless the client puts English first.
#include "api/dossier_api.hpp"

#include <gtest/gtest.h>

namespace motcua::api {
namespace {

TEST(ApiLanguage, EnglishOnlyWhenItComesFirst) {
  struct Case {
    const char* header;
    const char* expected;
  };
  const Case cases[] = {
      {"", "vi"},
      {"vi", "vi"},
      {"vi-VN,vi;q=0.9,en;q=0.8", "vi"},
      {"en", "en"},
      {"EN", "en"},
      {"en-GB,en;q=0.9", "en"},
      {" en-US ; q=1", "en"},
      {"eng", "vi"},
      {"fr,en;q=0.5", "vi"},
      {"*", "vi"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ApiLanguage(c.header), c.expected) << '"' << c.header << '"';
  }
}

}  // namespace
}  // namespace motcua::api
