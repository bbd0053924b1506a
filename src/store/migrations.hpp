#pragma once
//! Versioned schema migrations, embedded in the binary and applied in order.
//!
//! Files in src/store/migrations/: `NNNN_name.sql` (portable SQL with AdaptSchema's macros) and, where the engines
//! need different statements, `NNNN_name.sqlite.sql` and/or `NNNN_name.postgres.sql`, which replace the portable
//! file on their engine (a version needs the portable file or both engine files). Directive lines anywhere in the
//! text an engine runs (see migration_text.hpp): `-- motcua: long` (`serve` refuses to start it and names the
//! command that does), `-- motcua: no-transaction` (PostgreSQL runs each statement on its own, for CREATE INDEX
//! CONCURRENTLY; write such steps so that running them again after a failure is harmless, e.g. IF NOT EXISTS).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace motcua::store {

//! One schema step: a number, a name and its SQL (see AdaptSchema for its macros).
struct Migration {
  int64_t version;                     //!< Applied in increasing order; never reused.
  std::string_view name;               //!< File name without extension, for the log.
  std::string_view sql;                //!< The portable statements ("" when every engine has its own).
  std::string_view sqlite_sql = {};    //!< SQLite's own statements, replacing `sql` there when not empty.
  std::string_view postgres_sql = {};  //!< PostgreSQL's own statements, replacing `sql` there when not empty.
};

//! The statements of `m` that `engine` runs.
std::string_view MigrationSql(const Migration& m, Engine engine);

//! Every migration compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

//! Raised when migrating is refused before anything changed: the schema is newer than this binary knows, or a long
//! migration is pending and the caller does not start long ones.
class MigrationRefused : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

//! How a run may migrate.
struct MigrateOptions {
  bool allow_long = true;                    //!< False for `serve`: a pending long migration is refused.
  std::string database_for_messages = "DB";  //!< How the refusal names the database in the command to run.
};

//! What a migration run did.
struct MigrationReport {
  int64_t from_version = 0;          //!< Schema version found.
  int64_t to_version = 0;            //!< Schema version now.
  std::vector<std::string> applied;  //!< Names applied by this run.
};

//! Applies the given migrations not yet applied, each in its own transaction (unless it says no-transaction),
//! under a PostgreSQL advisory lock so that nodes starting together take turns. Throws MigrationRefused, having
//! changed nothing, for a schema newer than `migrations` knows or (without allow_long) a pending long step.
MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations, const MigrateOptions& options = {});

//! Applies the embedded migrations.
MigrationReport Migrate(Database& db, const MigrateOptions& options = {});

}  // namespace motcua::store
