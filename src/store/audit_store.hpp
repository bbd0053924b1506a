#pragma once
//! The audit journal (nhật ký kiểm toán): appending entries, sealing them into the hash chain, searching them,
//! checking the chain.
//!
//! Appends and sealing are two steps, so that no write in the system waits on a journal-wide lock:
//! - AppendAudit inserts the row *unsealed* (no seq, no hashes) inside the caller's transaction. Appends from
//!   any number of transactions and nodes run side by side.
//! - SealAudit (one background sealer in `serve`, `motcua audit seal`, and `motcua audit verify` first) takes the
//!   sealing lock (a PostgreSQL advisory lock; on SQLite the single writer), reads the committed unsealed rows in
//!   id order, and gives each the next chain position (seq) and its hash over (previous hash, seq, content). A
//!   row that commits after a later one was sealed simply gets a later seq: no gap ever waits for a transaction.
//!
//! An unsealed row is an entry that was committed but not yet chained: it is shown by searches, but the chain does
//! not protect it yet (it can be altered or deleted without VerifyAudit noticing). In a running system rows stay
//! unsealed for about one sealing interval; unsealed rows older than that mean that no sealer is running.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/audit.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Inserts `entry` unsealed inside the caller's write transaction and returns its row id. Sets at_us (now, unless
//! the caller set it); seq and the hashes are left for SealAudit. Takes no journal-wide lock.
int64_t AppendAudit(Session& s, domain::AuditEntry entry);

//! Most rows sealed in one transaction: bounds the time the sealing lock is held.
inline constexpr int64_t kSealBatchRows = 1000;

//! Seals every unsealed row committed so far, in batches of kSealBatchRows (each its own write job, holding the
//! sealing lock); returns how many rows it sealed.
int64_t SealAudit(Database& db);

//! The background sealer of a running server: seals every `interval` on its own thread, and once more when it
//! stops (so entries written just before shutdown are sealed).
class AuditSealer {
 public:
  //! Starts sealing `db` every `interval`.
  AuditSealer(Database& db, std::chrono::milliseconds interval);
  //! Stops the thread and seals what is left.
  ~AuditSealer();
  AuditSealer(const AuditSealer&) = delete;
  AuditSealer& operator=(const AuditSealer&) = delete;

 private:
  void Run();
  //! One round; a failure is logged and retried at the next round.
  void SealOnce();

  Database& db_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

//! What to look for in the journal; empty fields and zeros match everything.
struct AuditFilter {
  std::string person{};   //!< An account (its id, personal id, phone, login name or exact full name): entries it
                          //!< made, and entries about it (object "user:ID").
  std::string object{};   //!< An object id, or "type:id".
  std::string action{};   //!< An action or its prefix ("login." matches login.success and login.failure).
  int64_t from_us = 0;    //!< Entries at or after this time (Unix microseconds).
  int64_t to_us = 0;      //!< Entries before this time.
  int64_t before_id = 0;  //!< Entries older than this row id: the next page after the last entry shown.
  int32_t limit = 50;     //!< Most entries returned (1 to kMaxAuditPage).
};

//! Most entries one search returns.
inline constexpr int32_t kMaxAuditPage = 500;

//! Entries matching `filter`, newest (highest row id) first, sealed or not (an unsealed entry has seq 0). Person
//! and object searches use the indexes on actor_id and (object_type, object_id); an unknown person finds nothing.
std::vector<domain::AuditEntry> SearchAudit(Database& db, const AuditFilter& filter);

//! The engine's query plan for SearchAudit(filter), one line per plan step (to check that indexes are used).
std::string ExplainAuditSearch(Database& db, const AuditFilter& filter);

//! The outcome of checking the whole journal.
struct AuditVerification {
  bool intact = true;            //!< True when every sealed row and the head agree.
  int64_t rows = 0;              //!< Sealed rows checked (all of them when intact).
  int64_t unsealed = 0;          //!< Rows not sealed yet (not covered by the check).
  int64_t first_broken_seq = 0;  //!< The first row found wrong or missing; 0 when intact or no row is to blame.
  std::string problem;           //!< What is wrong, in English for operators, naming the row; "" when intact.
  domain::AuditHead head;        //!< Where the checked chain ends (seq 0 and the genesis hash when empty).
};

//! Walks the sealed chain in seq order in batches (bounded memory), reports the first broken row, and counts the
//! rows not sealed yet. With a `published` head (one `motcua audit head` printed earlier), the chain must still
//! reach that row with that hash: otherwise rows after it were cut away, or the journal was rewritten up to it
//! (its meta head moved back with it, so nothing else would notice).
AuditVerification VerifyAudit(Database& db, const std::optional<domain::AuditHead>& published = std::nullopt);

}  // namespace motcua::store
