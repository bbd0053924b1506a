#pragma once
//! Dossiers (hồ sơ) filed online: drafts, answers, attachments, filing with a dossier code, withdrawal, "Hồ sơ của
//! tôi", account-free lookup, and guidance at the desk. Each operation checks the policy and commits its change with
//! its journal entry, its timeline event and any message in one write job.

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/answers.hpp"
#include "domain/catalogue.hpp"
#include "domain/constants.hpp"
#include "domain/dossier.hpp"
#include "domain/form_definition.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "service/actor.hpp"
#include "service/catalogue.hpp"
#include "service/file_store.hpp"
#include "service/work_calendars.hpp"
#include "store/database.hpp"
#include "store/dossier_store.hpp"

namespace motcua::service {

//! One file attached to a document of a dossier.
struct DossierFile {
  int64_t id = 0;            //!< Its id.
  std::string document_id;   //!< The DocumentDef it belongs to.
  StoredFile file;           //!< The stored bytes.
  domain::Instant added_at;  //!< When.
  bool by_officer = false;   //!< Attached by a guiding officer (marked for the citizen).
};

//! One event of a dossier's timeline.
struct TimelineEntry {
  domain::DossierEvent event = domain::DossierEvent::kCreated;  //!< What happened.
  domain::Instant at;                                           //!< When.
  std::string actor_name;                                       //!< Who ("" on the account-free lookup).
  std::string note;                                             //!< A reason or detail ("" when none).
};

//! A dossier as its owner (or an officer allowed to see it) sees it.
struct Dossier {
  int64_t id = 0;               //!< Internal id (URLs of drafts).
  std::string code;             //!< Dossier code, "" until filed.
  std::string lookup_secret;    //!< Lookup secret, "" until filed.
  std::string procedure_code;   //!< Its procedure.
  std::string agency_code;      //!< The agency it is filed with.
  int32_t form_version = 0;     //!< The form version it is pinned to.
  int64_t owner_id = 0;         //!< The account that files it.
  int64_t organisation_id = 0;  //!< The organisation it is filed for (0: a person).
  std::string relationship;     //!< Filed for someone else: the relationship ("" for oneself).
  std::string applicant_name;   //!< The applicant's full name (from the answers, else the account).
  domain::DossierStatus status = domain::DossierStatus::kDraft;  //!< Where it stands.
  boost::json::object answers;                                   //!< Answers keyed by question id.
  std::vector<DossierFile> files;                                //!< Attached files.
  std::vector<TimelineEntry> timeline;                           //!< Events, oldest first.
  bool guided = false;                      //!< An officer guided its filing at the desk (it stays an online dossier).
  std::vector<std::string> officer_fields;  //!< Questions a guiding officer filled or changed (marked until filed).
  bool guidance_active = false;             //!< A guidance code or a guiding officer currently has access.
  domain::Instant created_at;               //!< Started.
  domain::Instant updated_at;               //!< Last changed.
  std::optional<domain::Instant> submitted_at;   //!< Filed.
  std::optional<domain::CivilDate> expected_on;  //!< Expected result date (from the procedure's time limit).
  int64_t version = 0;                           //!< Row version for optimistic updates.
};

//! One line of "Hồ sơ của tôi".
struct DossierSummary {
  int64_t id = 0;                                                //!< Internal id.
  std::string code;                                              //!< "" for drafts.
  std::string procedure_code;                                    //!< Its procedure.
  std::string procedure_name;                                    //!< Its name.
  std::string applicant_name;                                    //!< For whom.
  domain::DossierStatus status = domain::DossierStatus::kDraft;  //!< Where it stands.
  domain::Instant updated_at;                                    //!< Last changed.
  std::optional<domain::CivilDate> expected_on;                  //!< Expected result date.
};

//! What starting a dossier takes.
struct StartDossier {
  std::string procedure_code;   //!< The procedure.
  std::string agency_code;      //!< The agency; "" when exactly one agency handles the procedure.
  std::string relationship;     //!< Filing for someone else: the relationship to them ("" for oneself).
  int64_t organisation_id = 0;  //!< Filing for an organisation the actor represents (0: none).
  boost::json::object answers;  //!< First answers (merged over the applicant prefilled from the account).
};

//! A dossier just filed.
struct Filed {
  int64_t id = 0;                                                    //!< Internal id.
  std::string code;                                                  //!< The dossier code.
  std::string lookup_secret;                                         //!< The lookup secret for the receipt.
  domain::DossierStatus status = domain::DossierStatus::kSubmitted;  //!< Its status.
  domain::Instant submitted_at;                                      //!< When it was filed.
  std::optional<domain::CivilDate> expected_on;                      //!< Expected result date.
};

//! What the account-free lookup shows: no personal data beyond the first name.
struct LookupView {
  std::string code;                                                  //!< The dossier code.
  std::string procedure_name;                                        //!< Its procedure.
  std::string agency_name;                                           //!< The agency.
  std::string first_name;                                            //!< The applicant's given name only.
  domain::DossierStatus status = domain::DossierStatus::kSubmitted;  //!< Where it stands.
  std::vector<TimelineEntry> timeline;                               //!< Events without names or notes.
  std::optional<domain::CivilDate> expected_on;                      //!< Expected result date.
};

//! A stored file to send back.
struct FileDownload {
  std::string path;           //!< Where the bytes are.
  std::string media_type;     //!< Its type.
  std::string original_name;  //!< Name for Content-Disposition.
};

//! A guidance code the citizen shows at the desk.
struct GuidanceCode {
  std::string code;            //!< kGuidanceCodeLength characters of domain::kCodeAlphabet.
  domain::Instant expires_at;  //!< When it stops working unless an officer opened the draft with it.
};

//! How long a guidance code works (minutes) and how long an officer's access lasts once opened.
inline constexpr int64_t kGuidanceCodeMinutes = 15;
//! How long a guiding officer keeps access after opening the draft (minutes), unless the citizen files or revokes.
inline constexpr int64_t kGuidanceAccessMinutes = 120;
//! Length of a guidance code.
inline constexpr size_t kGuidanceCodeLength = 6;
//! Most failed lookups per client address per hour before 429.
inline constexpr int32_t kLookupFailuresPerHour = 20;
//! Most files one dossier may hold.
inline constexpr int64_t kMaxFilesPerDossier = 50;
//! Most bytes the files of one dossier may take together (100 MB, binary like the per-file limits).
inline constexpr int64_t kMaxDossierBytes = 100 * domain::kBytesPerMb;
//! Most dossiers "Hồ sơ của tôi" lists.
inline constexpr int32_t kMaxListedDossiers = 500;

//! Versioned form definitions of the procedures (cached in memory: a published version never changes).
class FormLibrary {
 public:
  //! Reads and writes definitions in `db`; `catalogue` gives the generic form's documents. Both outlive this.
  FormLibrary(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue);
  //! The newest published definition of `procedure_code`; the generic form (kept as version 1 the first time it
  //! is needed, so drafts pin it) when it has none. kNotFound for an unknown procedure.
  domain::Result<domain::FormDefinition> Current(std::string_view procedure_code);
  //! Version `version` of the definition of `procedure_code` (kNotFound when there is none).
  domain::Result<domain::FormDefinition> Version(std::string_view procedure_code, int32_t version);
  //! Every published version (newest first): number, when, by whom.
  std::vector<std::pair<int32_t, domain::Instant>> Versions(std::string_view procedure_code);
  //! Validates `json_text` and publishes it as the next version (system administrators; kForbidden otherwise;
  //! kInvalid with ParseFormDefinition's errors), journaled; returns the new version number.
  domain::Result<int32_t> Publish(const Actor& actor, std::string_view procedure_code, std::string_view json_text);
  //! Publishes every `<procedure code>.json` of `dir` not yet published as its first version (init --demo);
  //! returns how many it published. Throws std::runtime_error naming a file that is not a valid definition.
  int32_t Seed(const std::string& dir);

 private:
  //! `text` parsed as version `version` of `procedure_code`, from the cache when already parsed.
  domain::FormDefinition Parsed(const std::string& procedure_code, int32_t version, const std::string& text);

  store::Database& db_;
  const domain::Clock& clock_;
  CatalogueHolder& catalogue_;
  std::mutex mutex_;  // guards parsed_
  std::map<std::pair<std::string, int32_t>, domain::FormDefinition> parsed_;
};

//! The dossier operations of citizens, representatives and guiding officers.
class Dossiers {
 public:
  //! Works on `db` at the times of `clock`, with `files` for attachments and `forms` for definitions; messages
  //! point to `public_url` (e.g. "https://dichvucong.example.gov.vn"). All outlive this object.
  Dossiers(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue, FormLibrary& forms,
           FileStore& files, std::string public_url);
  //! Computes expected result dates with `calendars` (which outlives this) instead of the computed default calendar
  //! without overrides; main.cpp sets it once before serving.
  void UseCalendars(WorkCalendars& calendars) { calendars_ = &calendars; }

  //! Starts a draft on the procedure's current form, applicant prefilled from the account (kCitizen actors; an
  //! organisation only by its representative). With `idempotency_key` a repeat returns the first draft.
  domain::Result<Dossier> Start(const Actor& actor, StartDossier input, std::string_view idempotency_key = "");
  //! The dossier for its owner, its guiding officer, or an officer allowed to see it (journaled); kNotFound
  //! for anyone else.
  domain::Result<Dossier> Get(const Actor& actor, int64_t id);
  //! Same, found by dossier code.
  domain::Result<Dossier> GetByCode(const Actor& actor, std::string_view code);
  //! The form definition the dossier is pinned to.
  domain::Result<domain::FormDefinition> FormOf(const Dossier& dossier);
  //! The checking context of the dossier (today, era, administrative units).
  domain::AnswerContext ContextOf(const Dossier& dossier);
  //! The actor's dossiers and drafts (and those of organisations they represent), newest first.
  domain::Result<std::vector<DossierSummary>> Mine(const Actor& actor);
  //! Merges `patch` into the answers (owner while OwnerMayEdit, or the guiding officer whose touched fields are
  //! marked); with `expected_version` a concurrent change is kConflict. After filing, a kEdited event.
  domain::Result<Dossier> SaveAnswers(const Actor& actor, int64_t id, const boost::json::object& patch,
                                      std::optional<int64_t> expected_version = std::nullopt);
  //! Attaches the spooled upload at `path` to document `document_id` (FileStore::Put with its types and size).
  domain::Result<Dossier> AttachFile(const Actor& actor, int64_t id, std::string_view document_id,
                                     const std::string& path, std::string_view original_name);
  //! Removes attached file `file_id` (while OwnerMayEdit).
  domain::Result<Dossier> RemoveFile(const Actor& actor, int64_t id, int64_t file_id);
  //! The bytes of attached file `file_id` for whoever may see the dossier (kNotFound otherwise).
  domain::Result<FileDownload> File(const Actor& actor, int64_t id, int64_t file_id);
  //! Files the draft: validates every answer and document (kInvalid naming each), issues the code under the
  //! agency's daily sequence, sets the lookup secret, ends guidance, enqueues the applicant's message, in one job.
  //! Filing a dossier already filed, or repeating `idempotency_key`, returns the first filing.
  domain::Result<Filed> Submit(const Actor& actor, int64_t id, std::string_view idempotency_key = "");
  //! Withdraws (before reception: at once; after: a request to the agency) with `reason` (required).
  domain::Result<Dossier> Withdraw(const Actor& actor, int64_t id, std::string_view reason);
  //! The account-free lookup by code and secret; a wrong pair is kNotFound; too many failures from the actor's
  //! address in an hour is kRateLimited.
  domain::Result<LookupView> Lookup(const Actor& actor, std::string_view code, std::string_view secret);

  //! Issues a guidance code for the owner's draft (replacing any earlier one).
  domain::Result<GuidanceCode> StartGuidance(const Actor& actor, int64_t id);
  //! Ends any guidance of the owner's draft at once.
  domain::Result<domain::Done> RevokeGuidance(const Actor& actor, int64_t id);
  //! A desk officer opens the draft behind `code` (journaled, a timeline event); kNotFound when the code is wrong,
  //! used by another officer, expired or revoked.
  domain::Result<Dossier> OpenGuided(const Actor& actor, std::string_view code);

 private:
  //! How an actor reaches a dossier.
  enum class Access {
    kNone,     //!< Not at all.
    kOwner,    //!< Its owner, or the representative of the organisation it is filed for.
    kGuide,    //!< The desk officer guiding its draft now.
    kOfficer,  //!< An officer of its agency (filed dossiers only; every view journaled).
  };
  //! How `actor` reaches `d` now (guidance read in `s`).
  Access AccessOf(store::Session& s, const Actor& actor, const store::DossierRecord& d) const;
  //! The dossier as the service shows it: answers, files, timeline, guidance state (read in `s`).
  Dossier Load(store::Session& s, const store::DossierRecord& d) const;
  //! The stored dossier `id` with the actor's access to it, read in one snapshot.
  std::pair<std::optional<Dossier>, Access> Fetch(const Actor& actor, int64_t id);
  //! A dossier locked in a write job for a change, with how the actor reaches it.
  struct Editable {
    store::DossierRecord record;    //!< The locked row.
    Access access = Access::kNone;  //!< kOwner or kGuide.
  };
  //! Locks dossier `id` in `s` when `actor` may change it now: its owner or guiding officer, while
  //! domain::OwnerMayEdit (kNotFound for anyone else, the "no longer editable" conflict after reception).
  domain::Result<Editable> LockEditable(store::Session& s, const Actor& actor, int64_t id) const;
  //! The timeline event of a change to `e` at `now`: kGuidanceChanged by a guiding officer, kEdited by the owner
  //! once filed, none for the owner's own draft.
  static void RecordChange(store::Session& s, const Actor& actor, const Editable& e, domain::Instant now);
  //! `refused` when a write job set it, else dossier `id` as the actor now sees it.
  domain::Result<Dossier> Reloaded(const Actor& actor, int64_t id, const std::optional<domain::Error>& refused);
  //! Journals an officer's view of dossier `id` (a guiding or an agency officer) as `action`.
  void JournalView(const Actor& actor, int64_t id, const std::string& action);
  //! The filing of an already filed dossier (double submit, repeated idempotency key).
  static Filed FiledOf(const Dossier& d);

  store::Database& db_;
  const domain::Clock& clock_;
  CatalogueHolder& catalogue_;
  FormLibrary& forms_;
  FileStore& files_;
  std::string public_url_;
  WorkCalendars* calendars_ = nullptr;  // null: the default calendar
};

//! The dossier services the web and API layers are built with (main.cpp owns them; they outlive the web app).
struct DossierServices {
  Dossiers* dossiers = nullptr;        //!< Drafts, filing, lookup, guidance.
  FormLibrary* forms = nullptr;        //!< Form definitions.
  FileStore* files = nullptr;          //!< Uploaded files (its SpoolDir() is where multipart bodies are spooled).
  WorkCalendars* calendars = nullptr;  //!< The working-day calendar (issue 10), for its administration page.
};

}  // namespace motcua::service
