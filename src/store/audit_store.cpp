#include "store/audit_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <limits>
#include <optional>
#include <stdexcept>

namespace motcua::store {

namespace {

using domain::AuditEntry;

//! Advisory lock key that serialises journal appends across app nodes sharing one PostgreSQL (distinct from
//! the migration lock).
constexpr int64_t kAuditLockKey = 0x6175646974;  // "audit"

//! meta key of the chain head, "seq:hash" of the last row appended.
constexpr std::string_view kHeadKey = "audit_head";

//! Rows read per query while verifying: bounds memory whatever the journal's length.
constexpr int64_t kVerifyBatchRows = 1000;

//! Every column, in the order RowToEntry reads them.
constexpr std::string_view kColumns =
    "seq, at_us, actor_id, actor_name, actor_role, actor_agency, action, object_type, object_id, ip, user_agent,"
    " request_id, summary, prev_hash, hash";

//! The chain head recorded in meta: the last row appended through AppendAudit.
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

//! The meta row of the head: nothing when absent; its text when present.
AuditEntry RowToEntry(const Row& r) {
  AuditEntry e;
  e.seq = r.Int(0);
  e.at_us = r.Int(1);
  e.actor_id = r.OptInt(2);
  e.actor_name = r.Text(3);
  e.actor_role = r.Text(4);
  e.actor_agency = r.Text(5);
  e.action = r.Text(6);
  e.object_type = r.Text(7);
  e.object_id = r.Text(8);
  e.ip = r.Text(9);
  e.user_agent = r.Text(10);
  e.request_id = r.Text(11);
  e.summary = r.Text(12);
  e.prev_hash = r.Text(13);
  e.hash = r.Text(14);
  return e;
}

int64_t NowMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

//! SQL that is true when `column` contains the next parameter as a substring (case-sensitive on both engines).
std::string Contains(Engine engine, std::string_view column) {
  return engine == Engine::kPostgres ? fmt::format("strpos({}, ?) > 0", column)
                                     : fmt::format("instr({}, ?) > 0", column);
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
    ++out.rows;
    return true;
  }

  //! Compares the end of the journal with the head AppendAudit recorded; false at a problem.
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
};

}  // namespace

int64_t AppendAudit(Session& s, domain::AuditEntry entry) {
  if (entry.action.empty()) {
    throw std::invalid_argument("an audit entry needs an action");
  }
  // Held until this transaction ends: a second node appending waits here, then reads the row this one wrote.
  if (s.engine() == Engine::kPostgres) {
    s.Query("SELECT pg_advisory_xact_lock(?)", {kAuditLockKey});
  }
  // Chain to the later of the last row and the recorded head. After rows were deleted from the end, the head is
  // later: the new row then leaves the gap in place, so the deletion stays visible to VerifyAudit.
  Head previous{0, std::string(domain::kAuditGenesisHash)};
  const Rows last = s.Query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.empty()) {
    previous = Head{last[0].Int(0), last[0].Text(1)};
  }
  if (const std::optional<std::string> text = ReadMeta(s, kHeadKey)) {
    if (const std::optional<Head> head = ParseHead(*text); head && head->seq > previous.seq) {
      previous = *head;
    }
  }
  entry.seq = previous.seq + 1;
  if (entry.at_us == 0) {
    entry.at_us = NowMicros();
  }
  entry.prev_hash = std::move(previous.hash);
  entry.hash = domain::AuditHash(entry);
  s.Exec(fmt::format("INSERT INTO audit_log ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", kColumns),
         {entry.seq, entry.at_us, entry.actor_id ? Value(*entry.actor_id) : Value(), entry.actor_name, entry.actor_role,
          entry.actor_agency, entry.action, entry.object_type, entry.object_id, entry.ip, entry.user_agent,
          entry.request_id, entry.summary, entry.prev_hash, entry.hash});
  s.Exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
         {std::string(kHeadKey), fmt::format("{}:{}", entry.seq, entry.hash)});
  return entry.seq;
}

std::vector<domain::AuditEntry> SearchAudit(Database& db, const AuditFilter& filter) {
  std::vector<AuditEntry> out;
  db.Read([&](Session& s) {
    std::vector<std::string> where;
    Params params;
    if (!filter.person.empty()) {
      std::string match = Contains(s.engine(), "actor_name") + " OR (object_type = 'user' AND object_id = ?)";
      params.emplace_back(filter.person);
      params.emplace_back(filter.person);
      if (int64_t id = 0; ParseInt(filter.person, id)) {
        match += " OR actor_id = ?";
        params.emplace_back(id);
      }
      where.push_back("(" + match + ")");
    }
    if (!filter.object.empty()) {
      std::string match = "object_id = ?";
      params.emplace_back(filter.object);
      if (const size_t colon = filter.object.find(':'); colon != std::string::npos) {
        match += " OR (object_type = ? AND object_id = ?)";
        params.emplace_back(filter.object.substr(0, colon));
        params.emplace_back(filter.object.substr(colon + 1));
      }
      where.push_back("(" + match + ")");
    }
    if (!filter.action.empty()) {
      // substr and length count characters on both engines; no LIKE, so '%' and '_' need no escaping.
      where.emplace_back("substr(action, 1, length(CAST(? AS TEXT))) = ?");
      params.emplace_back(filter.action);
      params.emplace_back(filter.action);
    }
    if (filter.from_us != 0) {
      where.emplace_back("at_us >= ?");
      params.emplace_back(filter.from_us);
    }
    if (filter.to_us != 0) {
      where.emplace_back("at_us < ?");
      params.emplace_back(filter.to_us);
    }
    if (filter.before_seq != 0) {
      where.emplace_back("seq < ?");
      params.emplace_back(filter.before_seq);
    }
    params.emplace_back(int64_t{std::clamp(filter.limit, int32_t{1}, kMaxAuditPage)});
    const std::string sql = fmt::format("SELECT {} FROM audit_log{}{} ORDER BY seq DESC LIMIT ?", kColumns,
                                        where.empty() ? "" : " WHERE ", fmt::join(where, " AND "));
    const Rows rows = s.Query(sql, params);
    out.reserve(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      out.push_back(RowToEntry(rows[i]));
    }
  });
  return out;
}

AuditVerification VerifyAudit(Database& db) {
  AuditVerification result;
  // One read transaction: the rows and the head come from one snapshot, so appends made meanwhile by the
  // running application are either wholly seen or not at all. Memory stays at one batch.
  db.Read([&](Session& s) {
    result = AuditVerification{};
    const std::optional<std::string> head = ReadMeta(s, kHeadKey);
    const std::string sql = fmt::format("SELECT {} FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", kColumns);
    ChainWalker walker;
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
    walker.CheckHead(head, result);
  });
  return result;
}

}  // namespace motcua::store
