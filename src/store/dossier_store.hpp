#pragma once
//! Dossiers in the store (issue 9): the dossier rows with their answers as JSON text, attached files, the timeline,
//! the per-agency daily sequences dossier codes are issued from, idempotency keys and guidance at the desk.
//! Functions take a Session so that a change, its journal entry and its messages commit in one transaction.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/dossier.hpp"
#include "domain/time.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! One dossier row.
struct DossierRecord {
  int64_t id = 0;                       //!< Its id (0 before insertion).
  std::string code;                     //!< Dossier code, "" until filed.
  std::string lookup_secret;            //!< Lookup secret, "" until filed.
  std::string procedure_code;           //!< Its procedure.
  std::string agency_code;              //!< The agency it is filed with.
  int32_t form_version = 0;             //!< The form version it is pinned to.
  int64_t owner_id = 0;                 //!< The account that files it.
  int64_t organisation_id = 0;          //!< Filed for this organisation (0: none).
  std::string relationship;             //!< Filed for someone else: the relationship ("" for oneself).
  std::string applicant_name;           //!< The applicant's full name.
  domain::DossierStatus status = domain::DossierStatus::kDraft;  //!< Where it stands.
  std::string answers_json = "{}";      //!< Answers: a JSON object keyed by question id.
  bool guided = false;                  //!< A desk officer guided its filing.
  std::string officer_fields_json = "[]";  //!< JSON array of question ids a guiding officer touched.
  domain::Instant created_at;           //!< Started.
  domain::Instant updated_at;           //!< Last changed.
  std::optional<domain::Instant> submitted_at;  //!< Filed.
  std::string expected_on;              //!< Expected result date "YYYY-MM-DD", "" when unknown.
  std::string withdrawn_reason;         //!< Why it was withdrawn (or the withdrawal requested), "" when not.
  int64_t version = 1;                  //!< Row version (optimistic updates).
};

//! Inserts a new dossier (its id and version are ignored); returns its id.
int64_t InsertDossier(Session& s, const DossierRecord& d);
//! The dossier `id`, if any.
std::optional<DossierRecord> FindDossier(Session& s, int64_t id);
//! The dossier `id`, locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite's single writer already is).
std::optional<DossierRecord> LockDossier(Session& s, int64_t id);
//! The dossier filed under `code`, if any.
std::optional<DossierRecord> FindDossierByCode(Session& s, std::string_view code);
//! The dossiers of account `owner_id` and of the organisations it represents, most recently changed first, at most
//! `limit`.
std::vector<DossierRecord> ListDossiersOf(Session& s, int64_t owner_id, int32_t limit);
//! Stores new answers, applicant name and officer marks when the row is still at `expected_version` (then bumps it);
//! false when someone changed it first.
bool UpdateDossierAnswers(Session& s, int64_t id, int64_t expected_version, const std::string& answers_json,
                          const std::string& applicant_name, const std::string& officer_fields_json,
                          domain::Instant now);
//! Records the filing: code, secret, status kSubmitted, the answers as filed, expected date, officer marks cleared.
void MarkDossierFiled(Session& s, int64_t id, const std::string& code, const std::string& secret,
                      const std::string& answers_json, domain::Instant now, const std::string& expected_on);
//! Sets the status (and reason, when not empty), bumping the version.
void SetDossierStatus(Session& s, int64_t id, domain::DossierStatus status, const std::string& reason,
                      domain::Instant now);
//! Marks the dossier as guided at the desk and bumps its version.
void MarkDossierGuided(Session& s, int64_t id, domain::Instant now);
//! Bumps the version and the change time (a file added or removed).
void TouchDossier(Session& s, int64_t id, domain::Instant now);

//! One attached file.
struct DossierFileRecord {
  int64_t id = 0;              //!< Its id.
  int64_t dossier_id = 0;      //!< Its dossier.
  std::string document_id;     //!< The form's document it belongs to.
  std::string sha256;          //!< Name in the file store.
  std::string media_type;      //!< Stored type.
  std::string kind;            //!< What was uploaded ("pdf", "jpeg", "png", "heic").
  int64_t bytes = 0;           //!< Stored size.
  std::string original_name;   //!< Name it was uploaded with (metadata only).
  domain::Instant added_at;    //!< When.
  int64_t added_by = 0;        //!< Who.
  bool by_officer = false;     //!< Attached by a guiding officer.
};

//! Inserts an attached file; returns its id.
int64_t InsertDossierFile(Session& s, const DossierFileRecord& f);
//! The files of dossier `dossier_id`, oldest first.
std::vector<DossierFileRecord> ListDossierFiles(Session& s, int64_t dossier_id);
//! How many files dossier `dossier_id` has and their total size in bytes.
std::pair<int64_t, int64_t> DossierFileTotals(Session& s, int64_t dossier_id);
//! Removes file `file_id` of dossier `dossier_id`; false when there is no such file.
bool DeleteDossierFile(Session& s, int64_t dossier_id, int64_t file_id);

//! One timeline event.
struct DossierEventRecord {
  domain::DossierEvent event = domain::DossierEvent::kCreated;  //!< What happened.
  domain::Instant at;                                           //!< When.
  int64_t actor_id = 0;                                         //!< Who (0: nobody, e.g. an expiry).
  std::string actor_name;                                       //!< Their name.
  std::string note;                                             //!< A reason or detail.
};

//! Appends an event to the timeline of dossier `dossier_id`.
void InsertDossierEvent(Session& s, int64_t dossier_id, const DossierEventRecord& e);
//! The timeline of dossier `dossier_id`, oldest first (events of unknown kinds are skipped).
std::vector<DossierEventRecord> ListDossierEvents(Session& s, int64_t dossier_id);

//! Takes the next sequence number of `agency_code` on day `day` (yyMMdd): 1 for the first dossier of the day. The
//! row is upserted in the caller's transaction, so a rolled-back filing gives its number back (no gaps, no
//! duplicates; PostgreSQL holds the row lock until commit).
int64_t NextDossierSequence(Session& s, std::string_view agency_code, std::string_view day);

//! What an idempotency key was first used for.
struct IdempotentResult {
  std::string operation;  //!< e.g. "dossier.submit".
  int64_t object_id = 0;  //!< The object the first request made or changed.
};

//! The first use of `key` by account `account_id`, if any.
std::optional<IdempotentResult> FindIdempotencyKey(Session& s, int64_t account_id, std::string_view key);
//! Records the first use of `key` by `account_id` (a concurrent first use makes the job fail with kUniqueViolation).
void InsertIdempotencyKey(Session& s, int64_t account_id, std::string_view key, std::string_view operation,
                          int64_t object_id, domain::Instant now);

//! One guidance grant of a dossier.
struct GuidanceRecord {
  int64_t id = 0;                          //!< Its id.
  int64_t dossier_id = 0;                  //!< The draft.
  domain::Instant expires_at;              //!< The code (unopened) or the officer's access (opened) ends then.
  int64_t officer_id = 0;                  //!< The officer who opened it (0: not yet).
  std::optional<domain::Instant> opened_at;  //!< When the officer opened it.
};

//! Ends every open guidance of `dossier_id` at `now`; returns how many there were.
int64_t EndGuidance(Session& s, int64_t dossier_id, domain::Instant now);
//! Stores a new guidance code (by its hash) for `dossier_id`.
void InsertGuidance(Session& s, int64_t dossier_id, const std::string& code_hash, domain::Instant expires_at);
//! The open (not ended) guidance whose code hashes to `code_hash`, if any.
std::optional<GuidanceRecord> FindGuidanceByHash(Session& s, const std::string& code_hash);
//! The open guidance of `dossier_id` not expired at `now`, if any.
std::optional<GuidanceRecord> ActiveGuidance(Session& s, int64_t dossier_id, domain::Instant now);
//! Binds guidance `id` to `officer_id` from `now` until `expires_at`; false when another officer opened it first.
bool OpenGuidance(Session& s, int64_t id, int64_t officer_id, domain::Instant now, domain::Instant expires_at);

}  // namespace motcua::store
