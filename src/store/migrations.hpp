#pragma once
//! Versioned schema migrations, embedded in the binary and applied in order.

#include <cstdint>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace motcua::store {

//! One schema step: a number, a name and portable SQL (see AdaptSchema for its macros).
struct Migration {
  int64_t version;        //!< Applied in increasing order; never reused.
  std::string_view name;  //!< File name without extension, for the log.
  std::string_view sql;   //!< The statements.
};

//! Every migration compiled into this binary, in version order.
const std::vector<Migration>& EmbeddedMigrations();

//! What a migration run did.
struct MigrationReport {
  int64_t from_version = 0;          //!< Schema version found.
  int64_t to_version = 0;            //!< Schema version now.
  std::vector<std::string> applied;  //!< Names applied by this run.
};

//! Applies the given migrations not yet applied, each in its own transaction. Refuses a database whose
//! schema is newer than this binary knows.
MigrationReport Migrate(Database& db, const std::vector<Migration>& migrations);

//! Applies the embedded migrations.
MigrationReport Migrate(Database& db);

}  // namespace motcua::store
