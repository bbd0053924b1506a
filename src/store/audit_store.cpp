#include "store/audit_store.hpp"

#include <fmt/format.h>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <limits>
#include <optional>
#include <stdexcept>

#include "domain/time.hpp"

namespace motcua::store {

namespace {

using domain::AuditEntry;

//! Advisory lock key of the sealing lock: one sealer at a time across app nodes sharing one PostgreSQL (distinct
//! from the migration lock). Appends never take it.
constexpr int64_t kAuditLockKey = 0x6175646974;  // "audit"

//! meta key of the chain head, "seq:hash" of the last row sealed.
constexpr std::string_view kHeadKey = "audit_head";

//! Rows read per query while verifying: bounds memory whatever the journal's length.
constexpr int64_t kVerifyBatchRows = 1000;

//! Every column, in the order RowToEntry reads them.
constexpr std::string_view kColumns =
    "id, seq, at_us, actor_id, actor_name, actor_role, actor_agency, action, object_type, object_id, ip,"
    " user_agent, request_id, summary, prev_hash, hash";

//! The columns AppendAudit writes (the content of an entry; seq and the hashes come from the sealer).
constexpr std::string_view kContentColumns =
    "at_us, actor_id, actor_name, actor_role, actor_agency, action, object_type, object_id, ip, user_agent,"
    " request_id, summary";

//! The chain head recorded in meta: the last row sealed through SealAudit.
struct Head {
  int64_t seq = 0;
  std::string hash;
};

//! "seq:hash" as written by AppendAudit, or nothing when malformed.
std::optional<Head> ParseHead(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  Head head;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + colon, head.seq);
  if (ec != std::errc() || end != text.data() + colon) {
    return std::nullopt;
  }
  head.hash = std::string(text.substr(colon + 1));
  return head;
}

//! One stored row as an entry (seq 0 and empty hashes while unsealed).
AuditEntry RowToEntry(const Row& r) {
  AuditEntry e;
  e.id = r.Int(0);
  e.seq = r.OptInt(1).value_or(0);
  e.at_us = r.Int(2);
  e.actor_id = r.OptInt(3);
  e.actor_name = r.Text(4);
  e.actor_role = r.Text(5);
  e.actor_agency = r.Text(6);
  e.action = r.Text(7);
  e.object_type = r.Text(8);
  e.object_id = r.Text(9);
  e.ip = r.Text(10);
  e.user_agent = r.Text(11);
  e.request_id = r.Text(12);
  e.summary = r.Text(13);
  e.prev_hash = r.Text(14);
  e.hash = r.Text(15);
  return e;
}

//! True when `text` is a whole decimal integer; sets `out`.
bool ParseInt(std::string_view text, int64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return !text.empty() && ec == std::errc() && end == text.data() + text.size();
}

//! "row N missing" or "rows N to M missing".
std::string MissingRows(int64_t first, int64_t last) {
  return first == last ? fmt::format("row {} missing", first) : fmt::format("rows {} to {} missing", first, last);
}

//! Checks rows in seq order, one at a time, remembering only the previous row.
class ChainWalker {
 public:
  //! Checks the next row; false (with the result filled in) at the first problem.
  bool Check(const AuditEntry& e, AuditVerification& out) {
    const int64_t expected = last_seq_ + 1;
    if (e.seq < expected) {
      return Fail(out, e.seq, fmt::format("row {}: sequence numbers start at 1 and never repeat", e.seq));
    }
    if (e.seq > expected) {
      const std::string where = last_seq_ == 0 ? fmt::format("the journal starts at row {}", e.seq)
                                               : fmt::format("rows jump from {} to {}", last_seq_, e.seq);
      return Fail(out, expected, fmt::format("{} ({})", MissingRows(expected, e.seq - 1), where));
    }
    if (e.prev_hash != last_hash_) {
      const std::string what =
          last_seq_ == 0
              ? fmt::format("row {}: prev_hash is not the genesis hash (the start of the journal was replaced)", e.seq)
              : fmt::format(
                    "row {}: prev_hash does not match the hash of row {} (row {} was rewritten with a new "
                    "hash, or rows were reordered)",
                    e.seq, last_seq_, last_seq_);
      return Fail(out, e.seq, what);
    }
    if (domain::AuditHash(e) != e.hash) {
      return Fail(out, e.seq,
                  fmt::format("row {}: hash does not match its contents (edited after it was written)", e.seq));
    }
    last_seq_ = e.seq;
    last_hash_ = e.hash;
    if (e.seq == watched_seq_) {
      watched_hash_ = e.hash;
    }
    ++out.rows;
    return true;
  }

  //! Remembers the hash of row `seq` as the walk passes it (the row of a published head).
  void Watch(int64_t seq) {
    watched_seq_ = seq;
    if (seq == 0) {
      watched_hash_ = std::string(domain::kAuditGenesisHash);
    }
  }

  //! Compares the walked chain with a head published earlier; false at a problem.
  bool CheckPublished(const domain::AuditHead& published, AuditVerification& out) const {
    if (published.seq > last_seq_) {
      return Fail(out, last_seq_ + 1,
                  fmt::format("rows after the published head were cut away: the journal ends at row {} but the "
                              "head {} was published (the journal and its head record were moved back)",
                              last_seq_, published.Text()));
    }
    if (watched_hash_ != published.hash) {
      return Fail(out, published.seq,
                  fmt::format("row {}: hash differs from the published head {} (the journal was rewritten up to "
                              "that row)",
                              published.seq, published.Text()));
    }
    return true;
  }

  //! Where the walked chain ends.
  domain::AuditHead End() const { return domain::AuditHead{last_seq_, last_hash_}; }

  //! Compares the end of the journal with the head SealAudit recorded; false at a problem.
  bool CheckHead(const std::optional<std::string>& head_text, AuditVerification& out) const {
    if (!head_text) {
      if (last_seq_ == 0) {
        return true;
      }
      return Fail(
          out, 0,
          fmt::format("the journal has {} rows but no head record (meta '{}' was deleted)", out.rows, kHeadKey));
    }
    const std::optional<Head> head = ParseHead(*head_text);
    if (!head) {
      return Fail(out, 0,
                  fmt::format("the head record '{}' is not seq:hash (meta '{}' was edited)", *head_text, kHeadKey));
    }
    if (head->seq > last_seq_) {
      const std::string where =
          last_seq_ == 0 ? std::string("the journal is empty") : fmt::format("journal ends at row {}", last_seq_);
      return Fail(out, last_seq_ + 1,
                  fmt::format("{} but the head records row {} (rows deleted from the end)", where, head->seq));
    }
    if (head->seq < last_seq_) {
      return Fail(out, head->seq + 1,
                  fmt::format("journal ends at row {} but the head records row {} (rows added behind the "
                              "application's back)",
                              last_seq_, head->seq));
    }
    if (head->hash != last_hash_) {
      return Fail(
          out, last_seq_,
          fmt::format("row {}: hash differs from the one the head records (the last row was rewritten)", last_seq_));
    }
    return true;
  }

 private:
  static bool Fail(AuditVerification& out, int64_t seq, std::string problem) {
    out.intact = false;
    out.first_broken_seq = seq;
    out.problem = std::move(problem);
    return false;
  }

  int64_t last_seq_ = 0;
  std::string last_hash_ = std::string(domain::kAuditGenesisHash);
  int64_t watched_seq_ = -1;
  std::string watched_hash_;
};

//! Where the sealed chain ends: the later of the last sealed row and the recorded head. After rows were deleted
//! from the end the head is later: the next sealed row then leaves the gap in place, so the deletion stays visible
//! to VerifyAudit.
Head ChainEnd(Session& s) {
  Head end{0, std::string(domain::kAuditGenesisHash)};
  const Rows last = s.Query("SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1");
  if (!last.empty()) {
    end = Head{last[0].Int(0), last[0].Text(1)};
  }
  if (const std::optional<std::string> text = ReadMeta(s, kHeadKey)) {
    if (const std::optional<Head> head = ParseHead(*text); head && head->seq > end.seq) {
      end = *head;
    }
  }
  return end;
}

//! Seals up to kSealBatchRows committed unsealed rows in id order inside the caller's transaction; returns how many.
int64_t SealBatch(Session& s) {
  // Held until this transaction ends: a second sealer (another node, or `motcua audit seal`) waits here, then
  // reads the head this one wrote. Appends never take this lock.
  if (s.engine() == Engine::kPostgres) {
    s.Query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey});
  }
  Head end = ChainEnd(s);
  const Rows rows = s.Query(fmt::format("SELECT {} FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ?", kColumns),
                            {kSealBatchRows});
  for (size_t i = 0; i < rows.size(); ++i) {
    AuditEntry e = RowToEntry(rows[i]);
    e.seq = end.seq + 1;
    e.prev_hash = std::move(end.hash);
    e.hash = domain::AuditHash(e);
    s.Exec("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", {e.seq, e.prev_hash, e.hash, e.id});
    end = Head{e.seq, e.hash};
  }
  if (!rows.empty()) {
    s.Exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
           {std::string(kHeadKey), fmt::format("{}:{}", end.seq, end.hash)});
  }
  return static_cast<int64_t>(rows.size());
}

//! The account ids a person search names: the number itself, and every account whose personal id, phone, login
//! name or full name is exactly the text (each looked up through a unique or plain index on users).
std::vector<int64_t> PersonIds(Session& s, const std::string& person) {
  std::vector<int64_t> ids;
  if (int64_t id = 0; ParseInt(person, id) && id > 0) {
    ids.push_back(id);
  }
  const Rows rows =
      s.Query("SELECT id FROM users WHERE personal_id = ? OR phone = ? OR login_name = ? OR full_name = ?",
              {person, person, person, person});
  for (size_t i = 0; i < rows.size(); ++i) {
    ids.push_back(rows[i].Int(0));
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

//! "?, ?, ?" for `n` placeholders.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += i == 0 ? "?" : ", ?";
  }
  return out;
}

//! The journal query for a filter; `matches_nothing` when the filter names a person no account matches.
struct SearchQuery {
  std::string sql;
  Params params;
  bool matches_nothing = false;
};

SearchQuery BuildSearch(Session& s, const AuditFilter& filter) {
  SearchQuery q;
  std::vector<std::string> where;
  if (!filter.person.empty()) {
    const std::vector<int64_t> ids = PersonIds(s, filter.person);
    if (ids.empty()) {
      q.matches_nothing = true;
      return q;
    }
    // Two index searches (audit_log_actor, audit_log_object) combined, never a scan of the journal.
    where.push_back(
        fmt::format("(actor_id IN ({0}) OR (object_id IN ({0}) AND object_type = 'user'))", Placeholders(ids.size())));
    for (const int64_t id : ids) {
      q.params.emplace_back(id);
    }
    for (const int64_t id : ids) {
      q.params.emplace_back(std::to_string(id));
    }
  }
  if (!filter.object.empty()) {
    std::string match = "object_id = ?";
    q.params.emplace_back(filter.object);
    if (const size_t colon = filter.object.find(':'); colon != std::string::npos) {
      match += " OR (object_id = ? AND object_type = ?)";
      q.params.emplace_back(filter.object.substr(colon + 1));
      q.params.emplace_back(filter.object.substr(0, colon));
    }
    where.push_back("(" + match + ")");
  }
  if (!filter.action.empty()) {
    // substr and length count characters on both engines; no LIKE, so '%' and '_' need no escaping.
    where.emplace_back("substr(action, 1, length(CAST(? AS TEXT))) = ?");
    q.params.emplace_back(filter.action);
    q.params.emplace_back(filter.action);
  }
  if (filter.from_us != 0) {
    where.emplace_back("at_us >= ?");
    q.params.emplace_back(filter.from_us);
  }
  if (filter.to_us != 0) {
    where.emplace_back("at_us < ?");
    q.params.emplace_back(filter.to_us);
  }
  if (filter.before_id != 0) {
    where.emplace_back("id < ?");
    q.params.emplace_back(filter.before_id);
  }
  q.params.emplace_back(int64_t{std::clamp(filter.limit, int32_t{1}, kMaxAuditPage)});
  q.sql = fmt::format("SELECT {} FROM audit_log{}{} ORDER BY id DESC LIMIT ?", kColumns, where.empty() ? "" : " WHERE ",
                      fmt::join(where, " AND "));
  return q;
}

}  // namespace

int64_t AppendAudit(Session& s, domain::AuditEntry entry) {
  if (entry.action.empty()) {
    throw std::invalid_argument("an audit entry needs an action");
  }
  if (entry.at_us == 0) {
    entry.at_us = domain::SystemClock().Now().micros;
  }
  const Rows id =
      s.Query(fmt::format("INSERT INTO audit_log ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                          kContentColumns),
              {entry.at_us, entry.actor_id ? Value(*entry.actor_id) : Value(), entry.actor_name, entry.actor_role,
               entry.actor_agency, entry.action, entry.object_type, entry.object_id, entry.ip, entry.user_agent,
               entry.request_id, entry.summary});
  return id[0].Int(0);
}

int64_t SealAudit(Database& db) {
  int64_t total = 0;
  for (;;) {
    int64_t sealed = 0;
    db.Write([&](Session& s) { sealed = SealBatch(s); });
    total += sealed;
    if (sealed < kSealBatchRows) {
      return total;
    }
  }
}

AuditSealer::AuditSealer(Database& db, std::chrono::milliseconds interval)
    : db_(db), interval_(interval), thread_([this] { Run(); }) {}

AuditSealer::~AuditSealer() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  SealOnce();
}

void AuditSealer::Run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    SealOnce();
    lock.lock();
  }
}

void AuditSealer::SealOnce() {
  try {
    SealAudit(db_);
  } catch (const std::exception& e) {
    spdlog::error("audit journal: sealing failed, retried at the next round: {}", e.what());
  }
}

std::vector<domain::AuditEntry> SearchAudit(Database& db, const AuditFilter& filter) {
  std::vector<AuditEntry> out;
  db.Read([&](Session& s) {
    out.clear();
    const SearchQuery q = BuildSearch(s, filter);
    if (q.matches_nothing) {
      return;
    }
    const Rows rows = s.Query(q.sql, q.params);
    out.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      out.push_back(RowToEntry(rows[i]));
    }
  });
  return out;
}

std::string ExplainAuditSearch(Database& db, const AuditFilter& filter) {
  std::string plan;
  db.Read([&](Session& s) {
    plan.clear();
    const SearchQuery q = BuildSearch(s, filter);
    if (q.matches_nothing) {
      return;
    }
    const bool pg = s.engine() == Engine::kPostgres;
    const Rows rows = s.Query((pg ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + q.sql, q.params);
    for (size_t i = 0; i < rows.size(); ++i) {
      // PostgreSQL: one text column; SQLite: id, parent, notused, detail.
      plan += rows[i].Text(rows.columns.size() - 1) + "\n";
    }
  });
  return plan;
}

AuditVerification VerifyAudit(Database& db, const std::optional<domain::AuditHead>& published) {
  AuditVerification result;
  // One read transaction: the rows and the head come from one snapshot, so rows sealed meanwhile by the running
  // application are either wholly seen or not at all. Memory stays at one batch.
  db.Read([&](Session& s) {
    result = AuditVerification{};
    result.unsealed = s.Query("SELECT COUNT(*) FROM audit_log WHERE seq IS NULL")[0].Int(0);
    const std::optional<std::string> head = ReadMeta(s, kHeadKey);
    const std::string sql =
        fmt::format("SELECT {} FROM audit_log WHERE seq IS NOT NULL AND seq > ? ORDER BY seq LIMIT ?", kColumns);
    ChainWalker walker;
    if (published) {
      walker.Watch(published->seq);
    }
    int64_t after = std::numeric_limits<int64_t>::min();
    for (;;) {
      const Rows rows = s.Query(sql, {after, kVerifyBatchRows});
      for (size_t i = 0; i < rows.size(); ++i) {
        const AuditEntry e = RowToEntry(rows[i]);
        if (!walker.Check(e, result)) {
          return;
        }
        after = e.seq;
      }
      if (static_cast<int64_t>(rows.size()) < kVerifyBatchRows) {
        break;
      }
    }
    if (!walker.CheckHead(head, result)) {
      return;
    }
    if (published && !walker.CheckPublished(*published, result)) {
      return;
    }
    result.head = walker.End();
  });
  return result;
}

}  // namespace motcua::store
