#pragma once
//! Nhật ký kiểm toán: the hash-chained audit journal's entries and their hashes. Pure C++, no I/O.
//!
//! Canonical form (version 1), which other tools must reproduce byte for byte to check a journal:
//! the tag "motcua-audit-v1" followed by the fields seq, at_us, actor_id, actor_name, actor_role, actor_agency,
//! action, object_type, object_id, ip, user_agent, request_id, summary, prev_hash, in that order. Every item is
//! written as a netstring: its length in bytes in decimal, ':', the bytes, ','. Integers are written in decimal
//! ("-5", "0", "42"); a NULL actor_id is the empty string, which no integer produces. Example: "3:abc,".
//! hash = lower-case hex SHA-256 of (prev_hash followed by the canonical form).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace motcua::domain {

//! One journal entry as written by the application (id, seq, hashes and time are set by the store).
struct AuditEntry {
  int64_t id = 0;                   //!< Row id, in insertion order; not part of the hashed form.
  int64_t seq = 0;                  //!< Position in the chain: 1, 2, 3, … without gaps; 0 until sealed.
  int64_t at_us = 0;                //!< Server time, Unix microseconds.
  std::optional<int64_t> actor_id;  //!< The user who acted; nothing for anonymous visitors and the system.
  std::string actor_name;           //!< Their name as it was at the time.
  std::string actor_role;           //!< The role they acted in (e.g. desk_officer).
  std::string actor_agency;         //!< The agency code they acted for.
  std::string action;               //!< What happened, dotted (login.success, account.create, citizen.view).
  std::string object_type;          //!< Kind of object acted on (user, dossier, …), or "".
  std::string object_id;            //!< Its identifier, or "".
  std::string ip;                   //!< Client address.
  std::string user_agent;           //!< Client User-Agent header.
  std::string request_id;           //!< Request id, to join with the access log.
  std::string summary;              //!< JSON: before/after of what changed.
  std::string prev_hash;            //!< Hash of the previous entry (kAuditGenesisHash for the first).
  std::string hash;                 //!< AuditHash of this entry.
};

//! The prev_hash of the first entry: 64 zeros.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

//! A chain head to publish (in a report, a newspaper, another system): the position of the last sealed row and its
//! hash, written "seq:hash". Whoever kept it can later prove that no row up to it was cut away or rewritten.
struct AuditHead {
  int64_t seq = 0;   //!< The last sealed row's position (0: the empty journal).
  std::string hash;  //!< Its hash, 64 lower-case hex digits (kAuditGenesisHash for the empty journal).
  //! "seq:hash", the form ParseAuditHead reads back.
  std::string Text() const { return std::to_string(seq) + ":" + hash; }
};

//! Reads "seq:hash" as AuditHead::Text writes it (spaces and a line end around it are allowed, as pasted); nothing
//! when the seq is not a decimal number >= 0, the hash is not 64 lower-case hex digits, or seq 0 has another hash
//! than the genesis one.
std::optional<AuditHead> ParseAuditHead(std::string_view text);

//! The canonical bytes of an entry (every field except hash, length-prefixed so no two entries share a form).
std::string CanonicalAuditForm(const AuditEntry& e);

//! Hex SHA-256 of prev_hash followed by the canonical form.
std::string AuditHash(const AuditEntry& e);

}  // namespace motcua::domain
