#include "store/migrations.hpp"

#include <fmt/format.h>

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

}  // namespace

MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations) {
  db.Write([](Session& s) {
    // Two nodes starting together on one PostgreSQL must not both create the table: the second waits here.
    if (s.engine() == Engine::kPostgres) {
      s.Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
    }
    s.ExecScript(kCreateMigrationsTable);
  });
  MigrationReport report;
  report.from_version = CurrentVersion(db);
  report.to_version = report.from_version;
  const int64_t newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (report.from_version > newest_known) {
    throw DatabaseError(
        fmt::format("the database schema is version {}, newer than this motcua knows ({}); "
                    "upgrade motcua",
                    report.from_version, newest_known));
  }
  for (const Migration& m : migrations) {
    if (m.version <= report.from_version) {
      continue;
    }
    db.Write([&](Session& s) {
      // Another node may be migrating too: on PostgreSQL it waits here, then sees the step as done.
      if (s.engine() == Engine::kPostgres) {
        s.Query("SELECT pg_advisory_xact_lock(?)", {kMigrationLockKey});
      }
      const Rows done = s.Query("SELECT 1 FROM schema_migrations WHERE version = ?", {m.version});
      if (!done.empty()) {
        return;
      }
      s.ExecScript(AdaptSchema(m.sql, s.engine()));
      s.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, " +
                 AdaptSchema("@NOW@", s.engine()) + ")",
             {m.version, std::string(m.name)});
    });
    report.applied.emplace_back(m.name);
    report.to_version = m.version;
  }
  return report;
}

MigrationReport Migrate(Database& db) { return Migrate(db, EmbeddedMigrations()); }

}  // namespace motcua::store
