#pragma once
//! Reading the text of a migration: its directives (`-- motcua: long`, `-- motcua: no-transaction`) and its
//! statements one by one. Pure functions, no database.

#include <string>
#include <string_view>
#include <vector>

namespace motcua::store {

//! What a migration's directive lines declare.
struct MigrationDirectives {
  bool long_running = false;    //!< `-- motcua: long`: `serve` never starts it; `motcua migrate` does.
  bool no_transaction = false;  //!< `-- motcua: no-transaction`: on PostgreSQL each statement runs on its own
                                //!< (e.g. CREATE INDEX CONCURRENTLY); SQLite still runs it in one transaction.
};

//! The directives of `sql`: every line that starts with "-- motcua:" names one or more of `long` and
//! `no-transaction` (separated by spaces or commas). Throws std::invalid_argument for an unknown word, so a
//! misspelt directive is never silently ignored.
MigrationDirectives ReadDirectives(std::string_view sql);

//! The statements of `sql`, split at the semicolons outside quotes ('…', "…", $tag$…$tag$) and comments (-- …,
//! /* … */), trimmed, without the semicolon; statements holding only comments and spaces are left out.
std::vector<std::string_view> SplitStatements(std::string_view sql);

}  // namespace motcua::store
