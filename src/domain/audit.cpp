#include "domain/audit.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace motcua::domain {

namespace {

//! First item of the canonical form; a new form gets a new tag, so old and new never collide.
constexpr std::string_view kCanonicalTag = "motcua-audit-v1";

//! Appends `bytes` as a netstring: "<length>:<bytes>,".
void AppendItem(std::string& out, std::string_view bytes) {
  out += std::to_string(bytes.size());
  out += ':';
  out += bytes;
  out += ',';
}

//! libsodium is initialised once, before the first hash; it is thread-safe afterwards.
void EnsureSodium() {
  static const int32_t init_result = sodium_init();
  if (init_result < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

}  // namespace

std::string CanonicalAuditForm(const AuditEntry& e) {
  std::string out;
  AppendItem(out, kCanonicalTag);
  AppendItem(out, std::to_string(e.seq));
  AppendItem(out, std::to_string(e.at_us));
  AppendItem(out, e.actor_id ? std::to_string(*e.actor_id) : std::string());
  for (const std::string* field : {&e.actor_name, &e.actor_role, &e.actor_agency, &e.action, &e.object_type,
                                   &e.object_id, &e.ip, &e.user_agent, &e.request_id, &e.summary, &e.prev_hash}) {
    AppendItem(out, *field);
  }
  return out;
}

std::string AuditHash(const AuditEntry& e) {
  EnsureSodium();
  const std::string canonical = CanonicalAuditForm(e);
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(e.prev_hash.data()), e.prev_hash.size());
  crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size());
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace motcua::domain
