#pragma once
//! Keyset pagination for long lists (10 M rows): each page continues after the keys of the last row seen,
//! `WHERE (k1, k2) > (?, ?) ORDER BY k1, k2 LIMIT ?`, so a page costs the same at row 10 as at row 10 000 000
//! (OFFSET would read and discard every row before the page). The position travels as an opaque token.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! The direction of a keyset list: every key ascending or every key descending.
enum class SortOrder { kAscending, kDescending };

//! A list read in pages. Every part is SQL written in code, never text from a request.
struct KeysetQuery {
  std::vector<std::string> keys;            //!< Key columns in sort order, NOT NULL, unique together (e.g. at_us, id).
  std::string columns;                      //!< Further columns selected after the keys ("" for none).
  std::string from;                         //!< The FROM clause without "FROM" ("dossiers d JOIN agencies a ON …").
  std::string where;                        //!< A filter without "WHERE" ("d.agency = ?"), "" for none.
  Params where_params;                      //!< Values of the `?` in `where`.
  SortOrder order = SortOrder::kAscending;  //!< Direction of every key.
  int64_t page_size = 50;                   //!< Rows per page (at least 1).
};

//! One page of a keyset list.
struct KeysetPage {
  Rows rows;         //!< The rows; each starts with the key columns, in `keys` order, then `columns`.
  std::string next;  //!< Token of the page after this one; "" when this is the last page.
};

//! The statement and parameters of the page after `after` (no keys: the first page), reading one row more than
//! a page so that the caller knows whether another page follows.
struct KeysetStatement {
  std::string sql;  //!< SQL with `?` placeholders.
  Params params;    //!< Its parameters: `where_params`, the keys of `after`, the limit.
};

//! Builds the statement reading the page after the key values `after` (empty for the first page).
KeysetStatement BuildKeysetStatement(const KeysetQuery& query, const std::vector<Value>& after);

//! Reads the page after `token` ("" for the first page); kInvalid when the token is malformed or does not fit.
domain::Result<KeysetPage> ReadKeysetPage(Session& s, const KeysetQuery& query, std::string_view token);

//! The opaque token of the key values of a row (integers, reals, text or bytes; never NULL).
std::string EncodeKeysetToken(const std::vector<Value>& keys);

//! The key values in `token`; kInvalid unless it is well formed and holds exactly `key_count` values.
domain::Result<std::vector<Value>> DecodeKeysetToken(std::string_view token, size_t key_count);

}  // namespace motcua::store
