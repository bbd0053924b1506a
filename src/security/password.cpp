#include "security/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "security/crypto.hpp"

namespace motcua::security {

namespace {

constexpr size_t kBytesPerKib = 1024;

}  // namespace

std::string HashPassword(std::string_view password, const Argon2Params& params) {
  InitCrypto();
  std::string out(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), params.iterations,
                            params.memory_kib * kBytesPerKib, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("argon2id: out of memory while hashing a password");
  }
  out.resize(out.find('\0'));
  return out;
}

bool VerifyPassword(std::string_view encoded, std::string_view password) {
  InitCrypto();
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  const std::string terminated(encoded);  // libsodium wants a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view encoded, const Argon2Params& params) {
  InitCrypto();
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) {
    return true;
  }
  const std::string terminated(encoded);
  return crypto_pwhash_str_needs_rehash(terminated.c_str(), params.iterations, params.memory_kib * kBytesPerKib) != 0;
}

}  // namespace motcua::security
