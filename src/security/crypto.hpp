#pragma once
//! Small cryptographic building blocks over libsodium: random tokens, SHA-256, HMAC, constant-time comparison.

#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::security {

//! Initialises libsodium once (safe to call from any thread, any number of times).
void InitCrypto();

//! `bytes` random bytes as unpadded base64url text (a 32-byte token is 43 characters).
std::string RandomToken(size_t bytes);

//! `digits` random decimal digits, uniformly distributed (one-time codes).
std::string RandomDigits(size_t digits);

//! `length` characters drawn uniformly from `alphabet` (lookup secrets, guidance codes); `alphabet` must not be empty.
std::string RandomFromAlphabet(std::string_view alphabet, size_t length);

//! Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

//! Lower-case hex HMAC-SHA-256 of `message` under `key`.
std::string HmacSha256Hex(std::string_view key, std::string_view message);

//! True when `a` and `b` are equal, in time that depends only on their lengths.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace motcua::security
