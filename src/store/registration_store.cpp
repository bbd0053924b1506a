#include "store/registration_store.hpp"

namespace motcua::store {

void InsertPendingRegistration(Session& s, std::string_view token_hash, const NewAccount& account,
                               const std::string& code_hash, bool delivered, domain::Instant now,
                               domain::Instant expires_at) {
  s.Exec(
      "INSERT INTO pending_registrations (token_hash, personal_id, phone, email, full_name, date_of_birth, "
      "password_hash, code_hash, delivered, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string(token_hash), account.personal_id, account.phone, account.email, account.full_name,
       account.date_of_birth, account.password_hash, code_hash, int64_t{delivered ? 1 : 0}, now.micros,
       expires_at.micros});
}

std::optional<PendingRegistration> LockPendingRegistration(Session& s, std::string_view token_hash) {
  // Take the row lock first: on PostgreSQL parallel tries of one registration would otherwise all read the same
  // attempts count (the same reason ConsumeCode locks the codes it checks).
  s.Exec("UPDATE pending_registrations SET attempts = attempts WHERE token_hash = ? AND done_at IS NULL",
         {std::string(token_hash)});
  return FindPendingRegistration(s, token_hash);
}

std::optional<PendingRegistration> FindPendingRegistration(Session& s, std::string_view token_hash) {
  const Rows rows = s.Query(
      "SELECT id, personal_id, phone, email, full_name, date_of_birth, password_hash, code_hash, delivered, "
      "attempts, sends, expires_at FROM pending_registrations WHERE token_hash = ? AND done_at IS NULL",
      {std::string(token_hash)});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row& r = rows[0];
  PendingRegistration out;
  out.id = r.Int(0);
  out.account.personal_id = r.Text(1);
  out.account.phone = r.Text(2);
  out.account.email = r.Text(3);
  out.account.full_name = r.Text(4);
  out.account.date_of_birth = r.Text(5);
  out.account.password_hash = r.Text(6);
  out.code_hash = r.Text(7);
  out.delivered = r.Int(8) != 0;
  out.attempts = static_cast<int32_t>(r.Int(9));
  out.sends = static_cast<int32_t>(r.Int(10));
  out.expires_at = domain::Instant::FromMicros(r.Int(11));
  return out;
}

void CountPendingAttempt(Session& s, int64_t id) {
  s.Exec("UPDATE pending_registrations SET attempts = attempts + 1 WHERE id = ?", {id});
}

void ReplacePendingCode(Session& s, int64_t id, const std::string& code_hash, domain::Instant expires_at) {
  s.Exec("UPDATE pending_registrations SET code_hash = ?, attempts = 0, sends = sends + 1, expires_at = ? WHERE id = ?",
         {code_hash, expires_at.micros, id});
}

void FinishPendingRegistration(Session& s, int64_t id, domain::Instant now) {
  s.Exec("UPDATE pending_registrations SET done_at = ?, password_hash = '', code_hash = '' WHERE id = ?",
         {now.micros, id});
}

int64_t PurgePendingRegistrations(Session& s, domain::Instant before) {
  return s.Exec("DELETE FROM pending_registrations WHERE expires_at < ?", {before.micros});
}

}  // namespace motcua::store
