#pragma once
//! The reviewed synonym table of search (data/reference/search-synonyms.csv): the abbreviations and everyday words
//! people type ("cccd", "làm giấy khai sinh", "sổ đỏ") and the catalogue wordings they stand for. Pure C++, no I/O.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/csv.hpp"

namespace motcua::domain {

//! One reviewed row: a phrase people type and the catalogue wordings it stands for.
struct Synonym {
  int64_t line = 0;                     //!< Line of the row in its file.
  std::string phrase;                   //!< As written in the file ("CCCD", "giấy khai sinh").
  std::vector<std::string> expansions;  //!< Catalogue wordings it may mean ("căn cước công dân", "căn cước").
  std::string note;                     //!< Why, or where the abbreviation comes from.
  std::string reviewed_by;              //!< Who checked the row.
};

//! The rows of a synonym file and the rows that were refused.
struct SynonymImport {
  std::vector<Synonym> synonyms;  //!< Accepted rows, in file order.
  std::vector<RowError> errors;   //!< Refused rows with their line and reason (Vietnamese).
};

//! Columns of the file, in order.
constexpr std::string_view kSynonymColumns = "phrase,expands_to,note,reviewed_by";
//! Separator between the wordings of expands_to ("căn cước công dân | căn cước").
constexpr std::string_view kExpansionSeparator = "|";
//! Most words in a phrase or a wording (folded); longer ones are refused.
constexpr size_t kMaxSynonymWords = 8;
//! Most wordings one phrase may expand to.
constexpr size_t kMaxExpansions = 8;

//! Reads a synonym table: the header must be `kSynonymColumns`; every row needs a phrase, at least one wording in
//! expands_to and a reviewer; a phrase appears once (compared folded). A malformed row is refused with its line.
SynonymImport ReadSynonyms(std::string_view csv_text);

}  // namespace motcua::domain
