#include "store/dossier_store.hpp"

#include <fmt/format.h>

namespace motcua::store {

namespace {

constexpr std::string_view kDossierColumns =
    "id, code, lookup_secret, procedure_code, agency_code, form_version, owner_id, organisation_id, relationship, "
    "applicant_name, status, answers, guided, officer_fields, created_at, updated_at, submitted_at, expected_on, "
    "withdrawn_reason, version";

//! Column positions of kDossierColumns.
enum DossierColumn : size_t {
  kId,
  kCode,
  kSecret,
  kProcedure,
  kAgency,
  kFormVersion,
  kOwner,
  kOrganisation,
  kRelationship,
  kApplicant,
  kStatus,
  kAnswers,
  kGuided,
  kOfficerFields,
  kCreatedAt,
  kUpdatedAt,
  kSubmittedAt,
  kExpectedOn,
  kWithdrawnReason,
  kVersion,
};

DossierRecord ReadDossier(const Row& r) {
  DossierRecord d;
  d.id = r.Int(kId);
  d.code = r.OptText(kCode).value_or("");
  d.lookup_secret = r.OptText(kSecret).value_or("");
  d.procedure_code = r.Text(kProcedure);
  d.agency_code = r.Text(kAgency);
  d.form_version = static_cast<int32_t>(r.Int(kFormVersion));
  d.owner_id = r.Int(kOwner);
  d.organisation_id = r.OptInt(kOrganisation).value_or(0);
  d.relationship = r.Text(kRelationship);
  d.applicant_name = r.Text(kApplicant);
  d.status = domain::ParseDossierStatus(r.Text(kStatus)).value_or(domain::DossierStatus::kDraft);
  d.answers_json = r.Text(kAnswers);
  d.guided = r.Int(kGuided) != 0;
  d.officer_fields_json = r.Text(kOfficerFields);
  d.created_at = domain::Instant::FromMicros(r.Int(kCreatedAt));
  d.updated_at = domain::Instant::FromMicros(r.Int(kUpdatedAt));
  if (const auto at = r.OptInt(kSubmittedAt)) {
    d.submitted_at = domain::Instant::FromMicros(*at);
  }
  d.expected_on = r.OptText(kExpectedOn).value_or("");
  d.withdrawn_reason = r.OptText(kWithdrawnReason).value_or("");
  d.version = r.Int(kVersion);
  return d;
}

std::optional<DossierRecord> FirstDossier(const Rows& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadDossier(rows[0]);
}

Value IdOrNull(int64_t id) {
  return id != 0 ? Value{id} : Value{};
}

constexpr std::string_view kFileColumns =
    "id, dossier_id, document_id, sha256, media_type, kind, bytes, original_name, added_at, added_by, by_officer";

DossierFileRecord ReadFile(const Row& r) {
  constexpr size_t kBytes = 6;
  constexpr size_t kOriginalName = 7;
  constexpr size_t kAddedAt = 8;
  constexpr size_t kAddedBy = 9;
  constexpr size_t kByOfficer = 10;
  DossierFileRecord f;
  f.id = r.Int(0);
  f.dossier_id = r.Int(1);
  f.document_id = r.Text(2);
  f.sha256 = r.Text(3);
  f.media_type = r.Text(4);
  f.kind = r.Text(5);
  f.bytes = r.Int(kBytes);
  f.original_name = r.Text(kOriginalName);
  f.added_at = domain::Instant::FromMicros(r.Int(kAddedAt));
  f.added_by = r.Int(kAddedBy);
  f.by_officer = r.Int(kByOfficer) != 0;
  return f;
}

GuidanceRecord ReadGuidance(const Row& r) {
  GuidanceRecord g;
  g.id = r.Int(0);
  g.dossier_id = r.Int(1);
  g.expires_at = domain::Instant::FromMicros(r.Int(2));
  g.officer_id = r.OptInt(3).value_or(0);
  if (const auto at = r.OptInt(4)) {
    g.opened_at = domain::Instant::FromMicros(*at);
  }
  return g;
}

std::optional<GuidanceRecord> FirstGuidance(const Rows& rows) {
  if (rows.empty()) {
    return std::nullopt;
  }
  return ReadGuidance(rows[0]);
}

}  // namespace

int64_t InsertDossier(Session& s, const DossierRecord& d) {
  const Rows rows = s.Query(
      "INSERT INTO dossiers (code, lookup_secret, procedure_code, agency_code, form_version, owner_id, "
      "organisation_id, relationship, applicant_name, status, answers, guided, officer_fields, created_at, "
      "updated_at, submitted_at, expected_on, withdrawn_reason) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {TextOrNull(d.code), TextOrNull(d.lookup_secret), d.procedure_code, d.agency_code,
       int64_t{d.form_version}, d.owner_id, IdOrNull(d.organisation_id), d.relationship, d.applicant_name,
       std::string(domain::StatusCode(d.status)), d.answers_json, int64_t{d.guided ? 1 : 0}, d.officer_fields_json,
       d.created_at.micros, d.updated_at.micros,
       d.submitted_at ? Value{d.submitted_at->micros} : Value{}, TextOrNull(d.expected_on),
       TextOrNull(d.withdrawn_reason)});
  return rows[0].Int(0);
}

std::optional<DossierRecord> FindDossier(Session& s, int64_t id) {
  return FirstDossier(s.Query(fmt::format("SELECT {} FROM dossiers WHERE id = ?", kDossierColumns), {id}));
}

std::optional<DossierRecord> LockDossier(Session& s, int64_t id) {
  if (s.engine() == Engine::kPostgres) {
    return FirstDossier(
        s.Query(fmt::format("SELECT {} FROM dossiers WHERE id = ? FOR UPDATE", kDossierColumns), {id}));
  }
  return FindDossier(s, id);
}

std::optional<DossierRecord> FindDossierByCode(Session& s, std::string_view code) {
  return FirstDossier(
      s.Query(fmt::format("SELECT {} FROM dossiers WHERE code = ?", kDossierColumns), {std::string(code)}));
}

std::vector<DossierRecord> ListDossiersOf(Session& s, int64_t owner_id, int32_t limit) {
  const Rows rows = s.Query(
      fmt::format("SELECT {} FROM dossiers WHERE owner_id = ? OR organisation_id IN "
                  "(SELECT id FROM organisations WHERE representative_id = ?) ORDER BY updated_at DESC, id DESC "
                  "LIMIT ?",
                  kDossierColumns),
      {owner_id, owner_id, int64_t{limit}});
  std::vector<DossierRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadDossier(rows[i]));
  }
  return out;
}

bool UpdateDossierAnswers(Session& s, int64_t id, int64_t expected_version, const std::string& answers_json,
                          const std::string& applicant_name, const std::string& officer_fields_json,
                          domain::Instant now) {
  return UpdateVersioned(s, "dossiers", id, expected_version,
                         "answers = ?, applicant_name = ?, officer_fields = ?, updated_at = ?",
                         {answers_json, applicant_name, officer_fields_json, now.micros})
      .ok();
}

void MarkDossierFiled(Session& s, int64_t id, const std::string& code, const std::string& secret,
                      const std::string& answers_json, domain::Instant now, const std::string& expected_on) {
  s.Exec(
      "UPDATE dossiers SET code = ?, lookup_secret = ?, status = ?, answers = ?, officer_fields = '[]', "
      "submitted_at = ?, updated_at = ?, expected_on = ?, version = version + 1 WHERE id = ?",
      {code, secret, std::string(domain::StatusCode(domain::DossierStatus::kSubmitted)), answers_json, now.micros,
       now.micros, TextOrNull(expected_on), id});
}

void SetDossierStatus(Session& s, int64_t id, domain::DossierStatus status, const std::string& reason,
                      domain::Instant now) {
  s.Exec(
      "UPDATE dossiers SET status = ?, withdrawn_reason = COALESCE(?, withdrawn_reason), updated_at = ?, "
      "version = version + 1 WHERE id = ?",
      {std::string(domain::StatusCode(status)), TextOrNull(reason), now.micros, id});
}

void MarkDossierGuided(Session& s, int64_t id, domain::Instant now) {
  s.Exec("UPDATE dossiers SET guided = 1, updated_at = ?, version = version + 1 WHERE id = ?", {now.micros, id});
}

void TouchDossier(Session& s, int64_t id, domain::Instant now) {
  s.Exec("UPDATE dossiers SET updated_at = ?, version = version + 1 WHERE id = ?", {now.micros, id});
}

int64_t InsertDossierFile(Session& s, const DossierFileRecord& f) {
  const Rows rows = s.Query(
      "INSERT INTO dossier_files (dossier_id, document_id, sha256, media_type, kind, bytes, original_name, "
      "added_at, added_by, by_officer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.dossier_id, f.document_id, f.sha256, f.media_type, f.kind, f.bytes, f.original_name, f.added_at.micros,
       f.added_by, int64_t{f.by_officer ? 1 : 0}});
  return rows[0].Int(0);
}

std::vector<DossierFileRecord> ListDossierFiles(Session& s, int64_t dossier_id) {
  const Rows rows =
      s.Query(fmt::format("SELECT {} FROM dossier_files WHERE dossier_id = ? ORDER BY id", kFileColumns), {dossier_id});
  std::vector<DossierFileRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadFile(rows[i]));
  }
  return out;
}

std::pair<int64_t, int64_t> DossierFileTotals(Session& s, int64_t dossier_id) {
  const Rows rows =
      s.Query("SELECT COUNT(*), COALESCE(SUM(bytes), 0) FROM dossier_files WHERE dossier_id = ?", {dossier_id});
  return {rows[0].Int(0), rows[0].Int(1)};
}

bool DeleteDossierFile(Session& s, int64_t dossier_id, int64_t file_id) {
  return s.Exec("DELETE FROM dossier_files WHERE id = ? AND dossier_id = ?", {file_id, dossier_id}) > 0;
}

void InsertDossierEvent(Session& s, int64_t dossier_id, const DossierEventRecord& e) {
  s.Exec(
      "INSERT INTO dossier_events (dossier_id, happened_at, event, actor_id, actor_name, note) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {dossier_id, e.at.micros, std::string(domain::EventCode(e.event)), IdOrNull(e.actor_id), e.actor_name, e.note});
}

std::vector<DossierEventRecord> ListDossierEvents(Session& s, int64_t dossier_id) {
  const Rows rows = s.Query(
      "SELECT happened_at, event, actor_id, actor_name, note FROM dossier_events WHERE dossier_id = ? ORDER BY id",
      {dossier_id});
  std::vector<DossierEventRecord> out;
  out.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row r = rows[i];
    const std::optional<domain::DossierEvent> event = domain::ParseEvent(r.Text(1));
    if (!event) {
      continue;
    }
    out.push_back(DossierEventRecord{*event, domain::Instant::FromMicros(r.Int(0)), r.OptInt(2).value_or(0),
                                     r.Text(3), r.Text(4)});
  }
  return out;
}

int64_t NextDossierSequence(Session& s, std::string_view agency_code, std::string_view day) {
  // One statement on both engines (SQLite >= 3.35, PostgreSQL): the first dossier of the day inserts 1, the next
  // ones increment under the row lock, which PostgreSQL holds until the filing commits or rolls back.
  const Rows rows = s.Query(
      "INSERT INTO dossier_sequences (agency_code, issued_day, last_sequence) VALUES (?, ?, 1) "
      "ON CONFLICT (agency_code, issued_day) DO UPDATE SET last_sequence = dossier_sequences.last_sequence + 1 "
      "RETURNING last_sequence",
      {std::string(agency_code), std::string(day)});
  return rows[0].Int(0);
}

std::optional<IdempotentResult> FindIdempotencyKey(Session& s, int64_t account_id, std::string_view key) {
  const Rows rows = s.Query("SELECT operation, object_id FROM idempotency_keys WHERE account_id = ? AND request_key = ?",
                            {account_id, std::string(key)});
  if (rows.empty()) {
    return std::nullopt;
  }
  return IdempotentResult{rows[0].Text(0), rows[0].Int(1)};
}

void InsertIdempotencyKey(Session& s, int64_t account_id, std::string_view key, std::string_view operation,
                          int64_t object_id, domain::Instant now) {
  s.Exec(
      "INSERT INTO idempotency_keys (account_id, request_key, operation, object_id, created_at) VALUES (?, ?, ?, ?, ?)",
      {account_id, std::string(key), std::string(operation), object_id, now.micros});
}

int64_t EndGuidance(Session& s, int64_t dossier_id, domain::Instant now) {
  return s.Exec("UPDATE guidance SET ended_at = ? WHERE dossier_id = ? AND ended_at IS NULL", {now.micros, dossier_id});
}

void InsertGuidance(Session& s, int64_t dossier_id, const std::string& code_hash, domain::Instant expires_at) {
  s.Exec("INSERT INTO guidance (dossier_id, code_hash, expires_at) VALUES (?, ?, ?)",
         {dossier_id, code_hash, expires_at.micros});
}

std::optional<GuidanceRecord> FindGuidanceByHash(Session& s, const std::string& code_hash) {
  return FirstGuidance(
      s.Query("SELECT id, dossier_id, expires_at, officer_id, opened_at FROM guidance WHERE code_hash = ? AND "
              "ended_at IS NULL ORDER BY id DESC LIMIT 1",
              {code_hash}));
}

std::optional<GuidanceRecord> ActiveGuidance(Session& s, int64_t dossier_id, domain::Instant now) {
  return FirstGuidance(
      s.Query("SELECT id, dossier_id, expires_at, officer_id, opened_at FROM guidance WHERE dossier_id = ? AND "
              "ended_at IS NULL AND expires_at > ? ORDER BY id DESC LIMIT 1",
              {dossier_id, now.micros}));
}

bool OpenGuidance(Session& s, int64_t id, int64_t officer_id, domain::Instant now, domain::Instant expires_at) {
  return s.Exec(
             "UPDATE guidance SET officer_id = ?, opened_at = ?, expires_at = ? WHERE id = ? AND officer_id IS NULL "
             "AND ended_at IS NULL",
             {officer_id, now.micros, expires_at.micros, id}) > 0;
}

}  // namespace motcua::store
