#include "security/crypto.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace motcua::security {

namespace {

std::string Hex(const unsigned char* data, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

void InitCrypto() {
  static const bool kReady = [] { return sodium_init() >= 0; }();
  if (!kReady) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

std::string RandomToken(size_t bytes) {
  InitCrypto();
  if (bytes == 0) {
    return {};  // libsodium's buffers are declared non-null; an empty vector has no data pointer
  }
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string RandomDigits(size_t digits) {
  InitCrypto();
  constexpr uint32_t kBase = 10;
  std::string out;
  out.reserve(digits);
  for (size_t i = 0; i < digits; ++i) {
    out.push_back(static_cast<char>('0' + randombytes_uniform(kBase)));
  }
  return out;
}

std::string RandomFromAlphabet(std::string_view alphabet, size_t length) {
  InitCrypto();
  std::string out;
  out.reserve(length);
  for (size_t i = 0; i < length; ++i) {
    out.push_back(alphabet[randombytes_uniform(static_cast<uint32_t>(alphabet.size()))]);
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  InitCrypto();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return Hex(digest.data(), digest.size());
}

std::string HmacSha256Hex(std::string_view key, std::string_view message) {
  InitCrypto();
  // Keys of any length: libsodium's multi-part API hashes long keys as HMAC requires.
  // An empty view may have no data pointer, and libsodium declares the key pointer non-null.
  static constexpr unsigned char kNoKey[1] = {0};
  const auto* key_bytes = key.empty() ? kNoKey : reinterpret_cast<const unsigned char*>(key.data());
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key_bytes, key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  return Hex(mac.data(), mac.size());
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  if (a.empty()) {
    return true;
  }
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace motcua::security
