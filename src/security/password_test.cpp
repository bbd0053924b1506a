//! argon2id password hashes: format, verification, and when to rehash. Small costs keep the tests fast.
#include "security/password.hpp"

#include <gtest/gtest.h>

#include <string>

namespace motcua::security {
namespace {

constexpr Argon2Params kFast{8192, 1};
constexpr std::string_view kPassword = "ngựa pin kẹp giấy đúng";

TEST(HashPassword, Argon2idWithTheGivenCost) {
  const std::string hash = HashPassword(kPassword, kFast);
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=8192,t=1,p=1$")) << hash;
  EXPECT_EQ(hash.find('\0'), std::string::npos);
  const std::string other = HashPassword(kPassword, Argon2Params{16384, 2});
  EXPECT_TRUE(other.starts_with("$argon2id$v=19$m=16384,t=2,p=1$")) << other;
}

TEST(HashPassword, FreshSaltEveryTime) { EXPECT_NE(HashPassword(kPassword, kFast), HashPassword(kPassword, kFast)); }

TEST(HashPassword, TheDefaultsAreOwaspMinimum) {
  const Argon2Params defaults;
  EXPECT_EQ(defaults.memory_kib, 19456U);
  EXPECT_EQ(defaults.iterations, 2U);
}

struct VerifyCase {
  std::string password;
  bool matches;
};

TEST(VerifyPassword, OnlyTheExactPasswordMatches) {
  const std::string hash = HashPassword(kPassword, kFast);
  const std::string password(kPassword);
  const VerifyCase cases[] = {
      {password, true},
      {password + " ", false},
      {password.substr(0, password.size() - 1), false},
      {"ngua pin kep giay dung", false},  // accents matter
      {"NGỰA PIN KẸP GIẤY ĐÚNG", false},
      {"", false},
      {password + std::string(1, '\0'), false},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(VerifyPassword(hash, cases[i].password), cases[i].matches) << "case " << i;
  }
}

TEST(VerifyPassword, EmbeddedNulBytesAreNotATerminator) {
  const std::string with_nul("abc\0def", 7);
  const std::string hash = HashPassword(with_nul, kFast);
  EXPECT_TRUE(VerifyPassword(hash, with_nul));
  EXPECT_FALSE(VerifyPassword(hash, "abc"));
}

TEST(VerifyPassword, AnEmptyPasswordCanBeHashedAndChecked) {
  const std::string hash = HashPassword("", kFast);
  EXPECT_TRUE(VerifyPassword(hash, ""));
  EXPECT_FALSE(VerifyPassword(hash, " "));
}

TEST(VerifyPassword, EmptyOrMalformedHashesNeverMatch) {
  const std::string good = HashPassword(kPassword, kFast);
  std::string flipped = good;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  const std::string hashes[] = {
      "",
      "garbage",
      std::string(kPassword),
      "$argon2id$",
      "$argon2id$v=19$m=8192,t=1,p=1$",
      "$argon2id$v=19$m=8192,t=1,p=1$c2FsdHNhbHRzYWx0$",
      good.substr(0, good.size() - 10),
      flipped,
      good + "x",
      good + std::string(200, 'A'),  // longer than any encoded hash
      std::string(1000, '$'),
      "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",  // bcrypt
  };
  for (const std::string& hash : hashes) {
    EXPECT_FALSE(VerifyPassword(hash, kPassword)) << hash.substr(0, 80);
  }
}

TEST(NeedsRehash, OnlyWhenTheCostDiffers) {
  const std::string hash = HashPassword(kPassword, kFast);
  EXPECT_FALSE(NeedsRehash(hash, kFast));
  EXPECT_TRUE(NeedsRehash(hash, Argon2Params{16384, 1}));
  EXPECT_TRUE(NeedsRehash(hash, Argon2Params{8192, 2}));
  EXPECT_TRUE(NeedsRehash(hash, Argon2Params{}));
}

TEST(NeedsRehash, EmptyOrMalformedHashesAlwaysNeedOne) {
  for (const std::string& hash :
       {std::string(), std::string("garbage"), std::string("$argon2id$v=19$m=8192"), std::string(300, 'x')}) {
    EXPECT_TRUE(NeedsRehash(hash, kFast)) << hash.substr(0, 80);
  }
}

}  // namespace
}  // namespace motcua::security
