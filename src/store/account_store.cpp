#include "store/account_store.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include <sodium.h>
#include "domain/text.hpp"

namespace motcua::store {

using domain::Account;
using domain::Grant;

namespace {

constexpr std::string_view kAccountColumns =
    "id, personal_id, phone, login_name, email, full_name, date_of_birth, password_hash, status, created_at, "
    "created_by, last_login_at";
constexpr int64_t kTouchEverySeconds = 60;

//! Compares two stored hashes in time independent of where they differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

//! A stored instant (microseconds) as the whole Unix seconds the domain structs still carry.
int64_t Seconds(int64_t micros) { return domain::Instant::FromMicros(micros).Seconds(); }
std::optional<int64_t> Seconds(const std::optional<int64_t>& micros) {
  return micros ? std::optional<int64_t>(Seconds(*micros)) : std::nullopt;
}
//! Whole Unix seconds from a domain struct as the stored microseconds.
int64_t Micros(int64_t seconds) { return domain::Instant::FromSeconds(seconds).micros; }

Account ReadAccount(const Row& r) {
  Account a;
  a.id = r.Int(0);
  a.personal_id = r.OptText(1).value_or("");
  a.phone = r.OptText(2).value_or("");
  a.login_name = r.OptText(3).value_or("");
  a.email = r.Text(4);
  a.full_name = r.Text(5);
  a.date_of_birth = r.Text(6);
  a.password_hash = r.Text(7);
  a.status = domain::ParseStatus(r.Text(8));
  a.created_at = Seconds(r.Int(9));
  a.created_by = r.OptInt(10);
  a.last_login_at = Seconds(r.OptInt(11));
  return a;
}

//! Adds the grant in columns role, agency_code, fields (from `first`) of `r` to `grants`.
void AppendGrant(const Row& r, size_t first, std::vector<Grant>& grants) {
  const auto role = domain::ParseRole(r.Text(first));
  if (!role) {
    return;  // a role this version does not know grants nothing
  }
  grants.push_back(Grant{*role, r.Text(first + 1), domain::SplitList(r.Text(first + 2), "|")});
}

std::vector<Grant> LoadGrants(Session& s, int64_t user_id) {
  std::vector<Grant> grants;
  const Rows rows = s.Query(
      "SELECT role, agency_code, fields FROM officer_roles WHERE user_id = ? ORDER BY agency_code, role", {user_id});
  for (size_t i = 0; i < rows.size(); ++i) {
    AppendGrant(rows[i], 0, grants);
  }
  return grants;
}

std::optional<Account> QueryOne(Session& s, std::string_view where, const Params& params) {
  const Rows rows = s.Query(fmt::format("SELECT {} FROM users WHERE {}", kAccountColumns, where), params);
  if (rows.empty()) {
    return std::nullopt;
  }
  Account a = ReadAccount(rows[0]);
  a.grants = LoadGrants(s, a.id);
  return a;
}

std::string_view PurposeCode(CodePurpose p) { return p == CodePurpose::kReset ? "reset" : "setup"; }

domain::SessionInfo ReadSession(const Row& r) {
  domain::SessionInfo info;
  info.public_id = r.Text(0);
  info.user_id = r.Int(1);
  info.created_at = Seconds(r.Int(2));
  info.last_seen_at = Seconds(r.Int(3));
  info.expires_at = Seconds(r.Int(4));
  info.ip = r.Text(5);
  info.user_agent = r.Text(6);
  info.user_name = r.Text(7);
  return info;
}

//! Columns of `sessions s JOIN users u` read by ReadSession.
constexpr std::string_view kSessionColumns =
    "s.public_id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.ip, s.user_agent, u.full_name";

domain::ApiToken ReadToken(const Row& r) {
  domain::ApiToken t;
  t.id = r.Int(0);
  t.user_id = r.Int(1);
  t.name = r.Text(2);
  t.prefix = r.Text(3);
  t.created_at = Seconds(r.Int(4));
  t.revoked_at = Seconds(r.OptInt(5));
  t.last_used_at = Seconds(r.OptInt(6));
  return t;
}

constexpr std::string_view kTokenColumns = "id, user_id, name, prefix, created_at, revoked_at, last_used_at";

domain::Organisation ReadOrganisation(const Row& r) {
  return domain::Organisation{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), Seconds(r.Int(5))};
}

constexpr std::string_view kOrganisationColumns = "id, tax_code, name, address, representative_id, created_at";

}  // namespace

Conflict FindConflict(Session& s, const NewAccount& a, int64_t except_id) {
  auto taken = [&](std::string_view column, const std::string& value) {
    return !value.empty() &&
           !s.Query(fmt::format("SELECT 1 FROM users WHERE {} = ? AND id <> ?", column), {value, except_id}).empty();
  };
  if (taken("personal_id", a.personal_id)) {
    return Conflict::kPersonalId;
  }
  if (taken("phone", a.phone)) {
    return Conflict::kPhone;
  }
  if (taken("login_name", a.login_name)) {
    return Conflict::kLoginName;
  }
  return Conflict::kNone;
}

int64_t InsertAccount(Session& s, const NewAccount& a, domain::Instant now) {
  s.Exec(
      "INSERT INTO users (personal_id, phone, login_name, email, full_name, date_of_birth, password_hash, status, "
      "created_at, created_by, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {TextOrNull(a.personal_id), TextOrNull(a.phone), TextOrNull(a.login_name), a.email, a.full_name, a.date_of_birth,
       a.password_hash, std::string(domain::StatusCode(a.status)), now.micros, OrNull(a.created_by),
       a.password_hash.empty() ? Value(std::monostate{}) : Value(now.micros)});
  // Unique columns identify the row just written on both engines without RETURNING.
  const Rows rows =
      s.Query("SELECT id FROM users WHERE (personal_id = ? OR login_name = ? OR phone = ?) ORDER BY id DESC LIMIT 1",
              {TextOrNull(a.personal_id), TextOrNull(a.login_name), TextOrNull(a.phone)});
  if (rows.empty()) {
    throw DatabaseError("account inserted without a personal ID, phone or login name");
  }
  return rows[0].Int(0);
}

Created InsertAccountUnlessTaken(Session& s, const NewAccount& a, domain::Instant now) {
  const Conflict conflict = FindConflict(s, a);
  if (conflict != Conflict::kNone) {
    return Created{0, conflict};
  }
  return Created{InsertAccount(s, a, now), Conflict::kNone};
}

Conflict WriteAccountCreation(Database& db, const NewAccount& account, const std::function<Conflict(Session&)>& job) {
  try {
    Conflict conflict = Conflict::kNone;
    db.Write([&](Session& s) { conflict = job(s); });
    return conflict;
  } catch (const DatabaseError& e) {
    if (e.kind() != ErrorKind::kUniqueViolation) {
      throw;
    }
    Conflict conflict = Conflict::kNone;
    db.Read([&](Session& s) { conflict = FindConflict(s, account); });
    if (conflict == Conflict::kNone) {
      throw;
    }
    return conflict;
  }
}

std::optional<Account> FindAccount(Session& s, int64_t id) { return QueryOne(s, "id = ?", {id}); }

std::optional<Account> FindAccountByLogin(Session& s, std::string_view personal_id, std::string_view phone,
                                          std::string_view login_name) {
  if (!personal_id.empty()) {
    return QueryOne(s, "personal_id = ?", {std::string(personal_id)});
  }
  if (!phone.empty()) {
    return QueryOne(s, "phone = ?", {std::string(phone)});
  }
  if (!login_name.empty()) {
    return QueryOne(s, "login_name = ?", {std::string(login_name)});
  }
  return std::nullopt;
}

void SetPassword(Session& s, int64_t user_id, const std::string& hash, domain::Instant now) {
  s.Exec(
      "UPDATE users SET password_hash = ?, password_changed_at = ?, "
      "status = CASE WHEN status = 'pending' THEN 'active' ELSE status END WHERE id = ?",
      {hash, now.micros, user_id});
}

void ReplacePasswordHash(Session& s, int64_t user_id, const std::string& hash) {
  s.Exec("UPDATE users SET password_hash = ? WHERE id = ?", {hash, user_id});
}

void SetStatus(Session& s, int64_t user_id, domain::AccountStatus status) {
  s.Exec("UPDATE users SET status = ? WHERE id = ?", {std::string(domain::StatusCode(status)), user_id});
}

void RecordLogin(Session& s, int64_t user_id, domain::Instant now) {
  s.Exec("UPDATE users SET last_login_at = ? WHERE id = ?", {now.micros, user_id});
}

std::vector<Account> ListOfficers(Session& s) {
  std::vector<Account> out;
  const Rows rows = s.Query(fmt::format(
      "SELECT {} FROM users WHERE id IN (SELECT user_id FROM officer_roles) ORDER BY full_name, id", kAccountColumns));
  std::unordered_map<int64_t, size_t> index;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadAccount(rows[i]));
    index[out.back().id] = i;
  }
  // Every officer's grants in one query, not one query per officer.
  const Rows grants =
      s.Query("SELECT user_id, role, agency_code, fields FROM officer_roles ORDER BY user_id, agency_code, role");
  for (size_t i = 0; i < grants.size(); ++i) {
    const auto it = index.find(grants[i].Int(0));
    if (it != index.end()) {
      AppendGrant(grants[i], 1, out[it->second].grants);
    }
  }
  return out;
}

std::vector<Account> FindPeople(Session& s, std::string_view key) {
  std::vector<Account> out;
  const Rows rows =
      s.Query(fmt::format("SELECT {} FROM users WHERE personal_id = ? OR phone = ? ORDER BY id", kAccountColumns),
              {std::string(key), std::string(key)});
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadAccount(rows[i]));
  }
  return out;
}

bool AddGrant(Session& s, int64_t user_id, const Grant& grant, std::optional<int64_t> granted_by, domain::Instant now) {
  const std::string role(domain::RoleCode(grant.role));
  if (!s.Query("SELECT 1 FROM officer_roles WHERE user_id = ? AND agency_code = ? AND role = ?",
               {user_id, grant.agency_code, role})
           .empty()) {
    return false;
  }
  std::string fields;
  for (const std::string& f : grant.fields) {
    fields += (fields.empty() ? "" : "|") + f;
  }
  s.Exec(
      "INSERT INTO officer_roles (user_id, agency_code, role, fields, granted_at, granted_by) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {user_id, grant.agency_code, role, fields, now.micros, OrNull(granted_by)});
  return true;
}

bool RemoveGrant(Session& s, int64_t user_id, domain::Role role, std::string_view agency_code) {
  return s.Exec("DELETE FROM officer_roles WHERE user_id = ? AND agency_code = ? AND role = ?",
                {user_id, std::string(agency_code), std::string(domain::RoleCode(role))}) > 0;
}

void InsertSession(Session& s, const NewSession& n, domain::Instant now) {
  s.Exec(
      "INSERT INTO sessions (id_hash, public_id, user_id, created_at, last_seen_at, expires_at, ip, user_agent) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {n.id_hash, n.public_id, n.user_id, now.micros, now.micros, n.expires_at.micros, n.ip, n.user_agent});
}

std::optional<domain::SessionInfo> FindSession(Session& s, std::string_view id_hash, domain::Instant now) {
  const Rows rows =
      s.Query(fmt::format("SELECT {} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ? AND "
                          "s.revoked_at IS NULL AND s.expires_at > ?",
                          kSessionColumns),
              {std::string(id_hash), now.micros});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadSession(rows[0]);
}

void TouchSession(Session& s, std::string_view id_hash, domain::Instant now) {
  s.Exec("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", {now.micros, std::string(id_hash)});
}

bool RevokeSession(Session& s, std::string_view public_id, int64_t user_id, domain::Instant now) {
  return s.Exec("UPDATE sessions SET revoked_at = ? WHERE public_id = ? AND user_id = ? AND revoked_at IS NULL",
                {now.micros, std::string(public_id), user_id}) > 0;
}

void RevokeSessionByHash(Session& s, std::string_view id_hash, domain::Instant now) {
  s.Exec("UPDATE sessions SET revoked_at = ? WHERE id_hash = ? AND revoked_at IS NULL",
         {now.micros, std::string(id_hash)});
}

int64_t RevokeSessions(Session& s, int64_t user_id, domain::Instant now, std::string_view keep_public_id) {
  return s.Exec("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND public_id <> ?",
                {now.micros, user_id, std::string(keep_public_id)});
}

std::vector<domain::SessionInfo> ListSessions(Session& s, int64_t user_id, domain::Instant now, int64_t idle_seconds) {
  const std::string where = user_id == 0 ? "" : " AND s.user_id = ?";
  Params params = {now.micros, now.micros - idle_seconds * domain::kMicrosPerSecond};
  if (user_id != 0) {
    params.emplace_back(user_id);
  }
  const Rows rows = s.Query(fmt::format("SELECT {} FROM sessions s JOIN users u ON u.id = s.user_id WHERE "
                                        "s.revoked_at IS NULL AND s.expires_at > ? AND s.last_seen_at > ?{} "
                                        "ORDER BY s.last_seen_at DESC, s.created_at DESC",
                                        kSessionColumns, where),
                            params);
  std::vector<domain::SessionInfo> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadSession(rows[i]));
  }
  return out;
}

void InsertCode(Session& s, int64_t user_id, CodePurpose purpose, const std::string& code_hash, domain::Instant now,
                domain::Instant expires_at, std::optional<int64_t> created_by) {
  s.Exec("UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
         {now.micros, user_id, std::string(PurposeCode(purpose))});
  s.Exec(
      "INSERT INTO one_time_codes (user_id, purpose, code_hash, created_at, expires_at, created_by) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {user_id, std::string(PurposeCode(purpose)), code_hash, now.micros, expires_at.micros, OrNull(created_by)});
}

CodeCheck ConsumeCode(Session& s, int64_t user_id, std::string_view code_hash, domain::Instant now,
                      int32_t max_attempts) {
  // Lock the account's unused codes first. On PostgreSQL write jobs run side by side: without the lock, parallel
  // tries all read the same attempts count, so more than `max_attempts` guesses were compared and one right code
  // could be used twice. Holding the row locks, each try sees what the previous one committed.
  s.Exec("UPDATE one_time_codes SET attempts = attempts WHERE user_id = ? AND used_at IS NULL", {user_id});
  const Rows rows = s.Query(
      "SELECT id, code_hash, expires_at, attempts FROM one_time_codes WHERE user_id = ? AND used_at IS NULL "
      "ORDER BY id DESC",
      {user_id});
  if (rows.empty()) {
    return CodeCheck::kNone;
  }
  // Any unused code of the account may match (a reset code and a counter code can both be live).
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].Int(2) > now.micros && rows[i].Int(3) < max_attempts && ConstantTimeEqual(rows[i].Text(1), code_hash)) {
      s.Exec("UPDATE one_time_codes SET used_at = ? WHERE user_id = ? AND used_at IS NULL", {now.micros, user_id});
      return CodeCheck::kOk;
    }
  }
  bool any_live = false;
  for (size_t i = 0; i < rows.size(); ++i) {
    const bool live = rows[i].Int(2) > now.micros && rows[i].Int(3) < max_attempts;
    any_live = any_live || live;
    if (live) {
      s.Exec("UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = ?", {rows[i].Int(0)});
    }
  }
  return any_live ? CodeCheck::kWrong : CodeCheck::kExpired;
}

int64_t InsertApiToken(Session& s, int64_t user_id, const std::string& name, const std::string& token_hash,
                       const std::string& prefix, std::optional<int64_t> created_by, domain::Instant now) {
  s.Exec("INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)",
         {user_id, name, token_hash, prefix, now.micros, OrNull(created_by)});
  return s.Query("SELECT id FROM api_tokens WHERE token_hash = ?", {token_hash})[0].Int(0);
}

std::optional<int64_t> FindApiTokenUser(Session& s, std::string_view token_hash) {
  const Rows rows = s.Query(
      "SELECT t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND "
      "t.revoked_at IS NULL AND u.status = 'active'",
      {std::string(token_hash)});
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows[0].Int(0);
}

void TouchApiToken(Session& s, std::string_view token_hash, domain::Instant now) {
  s.Exec("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)",
         {now.micros, std::string(token_hash), now.micros - kTouchEverySeconds * domain::kMicrosPerSecond});
}

std::optional<domain::ApiToken> FindApiToken(Session& s, int64_t id) {
  const Rows rows = s.Query(fmt::format("SELECT {} FROM api_tokens WHERE id = ?", kTokenColumns), {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadToken(rows[0]);
}

bool RevokeApiToken(Session& s, int64_t id, domain::Instant now) {
  return s.Exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", {now.micros, id}) > 0;
}

std::vector<domain::ApiToken> ListApiTokens(Session& s, int64_t user_id) {
  const Rows rows =
      s.Query(fmt::format("SELECT {} FROM api_tokens WHERE user_id = ? ORDER BY id DESC", kTokenColumns), {user_id});
  std::vector<domain::ApiToken> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadToken(rows[i]));
  }
  return out;
}

domain::ThrottleState LoadThrottle(Session& s, std::string_view key) {
  const Rows rows =
      s.Query("SELECT failures, window_start, blocked_until FROM login_throttle WHERE key = ?", {std::string(key)});
  if (rows.empty()) {
    return {};
  }
  return domain::ThrottleState{static_cast<int32_t>(rows[0].Int(0)), Seconds(rows[0].Int(1)), Seconds(rows[0].Int(2))};
}

void SaveThrottle(Session& s, std::string_view key, const domain::ThrottleState& state) {
  s.Exec(
      "INSERT INTO login_throttle (key, failures, window_start, blocked_until) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, "
      "blocked_until = excluded.blocked_until",
      {std::string(key), int64_t{state.failures}, Micros(state.window_start), Micros(state.blocked_until)});
}

void LockThrottle(Session& s, std::string_view key) {
  if (s.engine() == Engine::kPostgres) {
    s.Query("SELECT pg_advisory_xact_lock(hashtext(?))", {"throttle|" + std::string(key)});
  }
}

void ClearThrottle(Session& s, std::string_view key) {
  s.Exec("DELETE FROM login_throttle WHERE key = ?", {std::string(key)});
}

int64_t InsertOrganisation(Session& s, const domain::Organisation& org) {
  s.Exec("INSERT INTO organisations (tax_code, name, address, representative_id, created_at) VALUES (?, ?, ?, ?, ?)",
         {org.tax_code, org.name, org.address, org.representative_id, Micros(org.created_at)});
  return s.Query("SELECT id FROM organisations WHERE tax_code = ?", {org.tax_code})[0].Int(0);
}

bool TaxCodeTaken(Session& s, std::string_view tax_code) {
  return !s.Query("SELECT 1 FROM organisations WHERE tax_code = ?", {std::string(tax_code)}).empty();
}

std::optional<domain::Organisation> FindOrganisation(Session& s, int64_t id) {
  const Rows rows = s.Query(fmt::format("SELECT {} FROM organisations WHERE id = ?", kOrganisationColumns), {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadOrganisation(rows[0]);
}

std::vector<domain::Organisation> ListOrganisations(Session& s, int64_t representative_id) {
  const Rows rows = s.Query(
      fmt::format("SELECT {} FROM organisations WHERE representative_id = ? ORDER BY name", kOrganisationColumns),
      {representative_id});
  std::vector<domain::Organisation> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadOrganisation(rows[i]));
  }
  return out;
}

void AppendMailbox(Session& s, const MailboxMessage& m) {
  s.Exec("INSERT INTO dev_mailbox (created_at, channel, recipient, subject, body) VALUES (?, ?, ?, ?, ?)",
         {Micros(m.created_at), m.channel, m.recipient, m.subject, m.body});
}

std::vector<MailboxMessage> ListMailbox(Session& s, int32_t limit) {
  const Rows rows =
      s.Query("SELECT id, created_at, channel, recipient, subject, body FROM dev_mailbox ORDER BY id DESC LIMIT ?",
              {int64_t{limit}});
  std::vector<MailboxMessage> out;
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(MailboxMessage{rows[i].Int(0), Seconds(rows[i].Int(1)), rows[i].Text(2), rows[i].Text(3),
                                 rows[i].Text(4), rows[i].Text(5)});
  }
  return out;
}

std::string SecretKey(Database& db, const std::function<std::string()>& make_fresh) {
  std::string secret;
  db.Read([&](Session& s) { secret = ReadMeta(s, "secret_key").value_or(""); });
  if (!secret.empty()) {
    return secret;
  }
  // Two nodes may race here: the first insert wins and both read the winner.
  const std::string fresh = make_fresh();
  db.Write([&](Session& s) {
    s.Exec("INSERT INTO meta (key, value) VALUES ('secret_key', ?) ON CONFLICT (key) DO NOTHING", {fresh});
    secret = ReadMeta(s, "secret_key").value_or("");
  });
  return secret;
}

void SetDemoMode(Session& s) {
  s.Exec("INSERT INTO meta (key, value) VALUES ('demo_mode', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
}

bool IsDemoMode(Database& db) {
  bool demo = false;
  db.Read([&](Session& s) { demo = ReadMeta(s, "demo_mode") == "1"; });
  return demo;
}

}  // namespace motcua::store
