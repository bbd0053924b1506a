#include "store/migrations.hpp"

#include <fmt/format.h>

#include "store/migration_text.hpp"

namespace motcua::store {

namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

//! Advisory lock key that serialises migrations across app nodes sharing one PostgreSQL.
constexpr int64_t kMigrationLockKey = 0x6d6f74637561;  // "motcua"

int64_t CurrentVersion(Database& db) {
  int64_t version = 0;
  db.Read([&](Session& s) {
    const Rows rows = s.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    version = rows.empty() ? 0 : rows[0].Int(0);
  });
  return version;
}

//! Waits for any other node migrating the same PostgreSQL; held until this transaction ends.
void LockUntilCommit(Session& s) {
  if (s.engine() == Engine::kPostgres) {
    s.Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
  }
}

bool AlreadyApplied(Session& s, int64_t version) {
  return !s.Query("SELECT 1 FROM schema_migrations WHERE version = ?", {version}).empty();
}

void Record(Session& s, const Migration& m) {
  s.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, " + AdaptSchema("@NOW@", s.engine()) +
             ")",
         {m.version, std::string(m.name)});
}

//! Runs a step and records it in one transaction; another node migrating meanwhile waits, then sees it done.
bool ApplyInTransaction(Database& db, const Migration& m) {
  bool applied = false;
  db.Write([&](Session& s) {
    LockUntilCommit(s);
    applied = !AlreadyApplied(s, m.version);
    if (applied) {
      s.ExecScript(AdaptSchema(MigrationSql(m, s.engine()), s.engine()));
      Record(s, m);
    }
  });
  return applied;
}

//! PostgreSQL, `no-transaction`: each statement runs on its own (CREATE INDEX CONCURRENTLY refuses a transaction),
//! then the step is recorded. The job ends the transaction Write opened and opens a new one for the record.
bool ApplyOutsideTransaction(Database& db, const Migration& m) {
  const std::string sql = AdaptSchema(MigrationSql(m, Engine::kPostgres), Engine::kPostgres);
  bool applied = false;
  db.Write([&](Session& s) {
    // A session-level lock outlives the COMMIT below, so the step stays serialised with other nodes; it is
    // handed over to a transaction-level lock once the record is written, and so held until that commits.
    s.Query("SELECT pg_advisory_lock(?)", {kMigrationLockKey});
    auto unlock = [&] { s.Query("SELECT pg_advisory_unlock(?)", {kMigrationLockKey}); };
    applied = !AlreadyApplied(s, m.version);
    if (!applied) {
      unlock();
      return;
    }
    s.ExecScript("COMMIT");
    try {
      for (const std::string_view statement : SplitStatements(sql)) {
        s.ExecScript(statement);
      }
    } catch (...) {
      s.ExecScript("BEGIN");
      unlock();
      throw;
    }
    s.ExecScript("BEGIN");
    LockUntilCommit(s);
    unlock();
    Record(s, m);
  });
  return applied;
}

}  // namespace

std::string_view MigrationSql(const Migration& m, Engine engine) {
  const std::string_view own = engine == Engine::kPostgres ? m.postgres_sql : m.sqlite_sql;
  return own.empty() ? m.sql : own;
}

MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations, const MigrateOptions& options) {
  db.Write([](Session& s) {
    // Two nodes starting together on one PostgreSQL must not both create the table: the second waits here.
    LockUntilCommit(s);
    s.ExecScript(kCreateMigrationsTable);
  });
  MigrationReport report;
  report.from_version = CurrentVersion(db);
  report.to_version = report.from_version;
  const int64_t newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (report.from_version > newest_known) {
    throw MigrationRefused(
        fmt::format("the database schema is version {}, newer than this motcua knows ({}); nothing was changed: "
                    "upgrade motcua",
                    report.from_version, newest_known));
  }
  // Every pending step's directives are read before the first one runs: a misspelt directive or a long step
  // refused here leaves the database as it was.
  std::vector<std::pair<const Migration*, MigrationDirectives>> pending;
  for (const Migration& m : migrations) {
    if (m.version > report.from_version) {
      pending.emplace_back(&m, ReadDirectives(MigrationSql(m, db.engine())));
    }
  }
  // A new database has no rows for a long step to rewrite, so `serve` may create it whole.
  if (!options.allow_long && report.from_version > 0) {
    for (const auto& [m, directives] : pending) {
      if (directives.long_running) {
        throw MigrationRefused(fmt::format(
            "the database needs migration {}, which is marked long, and motcua serve never starts a long "
            "migration; nothing was changed: stop the servers, run `motcua migrate --db {}`, then start them again",
            m->name, options.database_for_messages));
      }
    }
  }
  for (const auto& [m, directives] : pending) {
    const bool outside = directives.no_transaction && db.engine() == Engine::kPostgres;
    if (outside ? ApplyOutsideTransaction(db, *m) : ApplyInTransaction(db, *m)) {
      report.applied.emplace_back(m->name);
    }
    report.to_version = m->version;
  }
  return report;
}

MigrationReport Migrate(Database& db, const MigrateOptions& options) {
  return Migrate(db, EmbeddedMigrations(), options);
}

}  // namespace motcua::store
