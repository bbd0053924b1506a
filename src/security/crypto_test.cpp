//! Random tokens and digits, SHA-256 and HMAC-SHA-256 known answers, constant-time comparison.
#include "security/crypto.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <vector>

namespace motcua::security {
namespace {

constexpr std::string_view kBase64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct TokenLength {
  size_t bytes;
  size_t chars;
};

TEST(RandomToken, UnpaddedBase64UrlOfTheRightLength) {
  // clang-format off
  const TokenLength cases[] = {{0, 0}, {1, 2}, {2, 3}, {3, 4}, {12, 16}, {16, 22}, {24, 32}, {32, 43}, {64, 86}};
  // clang-format on
  for (const TokenLength& c : cases) {
    for (int32_t i = 0; i < 20; ++i) {
      const std::string token = RandomToken(c.bytes);
      EXPECT_EQ(token.size(), c.chars) << c.bytes << " bytes";
      EXPECT_EQ(token.find_first_not_of(kBase64Url), std::string::npos) << token;
      EXPECT_EQ(token.find('\0'), std::string::npos);
    }
  }
}

TEST(RandomToken, TokensDoNotRepeat) {
  constexpr int32_t kTokens = 10000;
  std::set<std::string> seen;
  for (int32_t i = 0; i < kTokens; ++i) {
    seen.insert(RandomToken(16));
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kTokens));
}

TEST(RandomToken, UsesTheWholeAlphabet) {
  std::set<char> used;
  for (int32_t i = 0; i < 200; ++i) {
    for (const char c : RandomToken(32)) {
      used.insert(c);
    }
  }
  EXPECT_EQ(used.size(), kBase64Url.size());
}

TEST(RandomFromAlphabet, OnlyThatAlphabetOfTheRightLengthAndAllOfIt) {
  constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  std::set<char> used;
  for (int32_t i = 0; i < 200; ++i) {
    const std::string code = RandomFromAlphabet(kAlphabet, 6);
    EXPECT_EQ(code.size(), 6U);
    EXPECT_EQ(code.find_first_not_of(kAlphabet), std::string::npos) << code;
    used.insert(code.begin(), code.end());
  }
  EXPECT_EQ(used.size(), kAlphabet.size());
  EXPECT_EQ(RandomFromAlphabet(kAlphabet, 0), "");
}

TEST(RandomDigits, OnlyDigitsOfTheRightLength) {
  for (const size_t n : {size_t{0}, size_t{1}, size_t{6}, size_t{8}, size_t{20}}) {
    const std::string code = RandomDigits(n);
    EXPECT_EQ(code.size(), n);
    EXPECT_EQ(code.find_first_not_of("0123456789"), std::string::npos) << code;
  }
}

TEST(RandomDigits, EveryDigitAppearsAboutEquallyOften) {
  constexpr size_t kDigits = 100000;
  std::array<int64_t, 10> counts{};
  for (const char c : RandomDigits(kDigits)) {
    ++counts[static_cast<size_t>(c - '0')];
  }
  // Expected 10000 each with a standard deviation near 95: these bounds are about ten deviations wide.
  for (size_t d = 0; d < counts.size(); ++d) {
    EXPECT_GT(counts[d], 9000) << "digit " << d;
    EXPECT_LT(counts[d], 11000) << "digit " << d;
  }
}

TEST(RandomDigits, SixDigitCodesDoNotRepeatOften) {
  std::set<std::string> seen;
  for (int32_t i = 0; i < 100; ++i) {
    seen.insert(RandomDigits(6));
  }
  EXPECT_GE(seen.size(), 95U);  // birthday bound: a repeat among 100 of 10^6 is ~0.5 % likely, five is impossible
}

struct KnownAnswer {
  std::string input;
  std::string hex;
};

TEST(Sha256Hex, KnownAnswers) {
  // FIPS 180-2 examples and the empty string.
  const KnownAnswer cases[] = {
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const KnownAnswer& c : cases) {
    EXPECT_EQ(Sha256Hex(c.input), c.hex) << "'" << c.input << "'";
  }
}

TEST(Sha256Hex, BinaryInputWithNulBytes) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256Hex(with_nul), Sha256Hex("a"));
  EXPECT_EQ(Sha256Hex(with_nul).size(), 64U);
}

struct HmacCase {
  std::string key;
  std::string message;
  std::string hex;
};

TEST(HmacSha256Hex, Rfc4231TestCases) {
  const HmacCase cases[] = {
      // Test case 1.
      {std::string(20, '\x0b'), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      // Test case 2: a key shorter than the block.
      {"Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      // Test case 6: a key longer than the block is hashed first.
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(HmacSha256Hex(cases[i].key, cases[i].message), cases[i].hex) << "case " << i;
  }
}

TEST(HmacSha256Hex, EmptyKeyAndMessage) {
  // An empty view has no data pointer; libsodium declares the key pointer non-null.
  EXPECT_EQ(HmacSha256Hex(std::string_view(), std::string_view()),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(HmacSha256Hex("", ""), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(Sha256Hex(std::string_view()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(HmacSha256Hex, KeyAndMessageBothMatter) {
  const std::string base = HmacSha256Hex("key", "csrf|session|abc");
  EXPECT_NE(HmacSha256Hex("kez", "csrf|session|abc"), base);
  EXPECT_NE(HmacSha256Hex("key", "csrf|session|abd"), base);
  EXPECT_EQ(HmacSha256Hex("key", "csrf|session|abc"), base);
}

struct EqualCase {
  std::string a;
  std::string b;
  bool equal;
};

TEST(ConstantTimeEqual, ComparesEveryByte) {
  const EqualCase cases[] = {
      {"", "", true},
      {"a", "", false},
      {"", "a", false},
      {"abc", "abc", true},
      {"abc", "abd", false},
      {"abc", "Abc", false},
      {"abc", "abcd", false},
      {"abcd", "abc", false},
      {std::string("a\0b", 3), std::string("a\0b", 3), true},
      {std::string("a\0b", 3), std::string("a\0c", 3), false},
      {std::string("a\0", 2), "a", false},
      {std::string(64, 'f'), std::string(64, 'f'), true},
      {std::string(63, 'f') + "e", std::string(64, 'f'), false},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(ConstantTimeEqual(cases[i].a, cases[i].b), cases[i].equal) << "case " << i;
  }
}

}  // namespace
}  // namespace motcua::security
