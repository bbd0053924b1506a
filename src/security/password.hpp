#pragma once
//! Password hashing with argon2id (libsodium). Slow on purpose: call it on the hash pool, never on an I/O thread.

#include <cstdint>
#include <string>
#include <string_view>

namespace motcua::security {

//! Cost of argon2id. The defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane).
struct Argon2Params {
  static constexpr uint64_t kOwaspMemoryKib = 19456;  //!< 19 MiB.
  static constexpr uint64_t kOwaspIterations = 2;     //!< Passes over memory.
  uint64_t memory_kib = kOwaspMemoryKib;              //!< Memory per hash, KiB.
  uint64_t iterations = kOwaspIterations;             //!< Passes over memory.
};

//! The encoded argon2id hash ("$argon2id$v=19$m=…") of `password` with a fresh random salt.
std::string HashPassword(std::string_view password, const Argon2Params& params);

//! True when `password` matches the encoded hash (false for an empty or malformed hash).
bool VerifyPassword(std::string_view encoded, std::string_view password);

//! True when `encoded` was made with other parameters than `params` (rehash it at the next sign-in).
bool NeedsRehash(std::string_view encoded, const Argon2Params& params);

}  // namespace motcua::security
