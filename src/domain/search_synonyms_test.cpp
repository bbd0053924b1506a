#include "domain/search_synonyms.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"
#include "domain/catalogue.hpp"
#include "domain/reference_import.hpp"
#include "domain/text.hpp"

namespace motcua::domain {
namespace {

const std::string kHeader = "phrase,expands_to,note,reviewed_by\n";

std::string ReadSource(const std::string& relative) {
  std::ifstream in(motcua::app::SourceDir() + relative);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

//! The single error of reading `rows` under the right header: its line and reason.
RowError OnlyError(const std::string& rows) {
  const SynonymImport r = ReadSynonyms(kHeader + rows);
  EXPECT_EQ(r.errors.size(), 1u) << rows;
  return r.errors.empty() ? RowError{} : r.errors.front();
}

TEST(ReadSynonyms, ReadsPhrasesWithSeveralWordings) {
  const SynonymImport r = ReadSynonyms(kHeader +
                                       "CCCD,căn cước công dân | thẻ căn cước,Căn cước công dân,lead\n"
                                       "\"sổ đỏ\",\"quyền sử dụng đất\",,reviewer two\n");
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().reason;
  ASSERT_EQ(r.synonyms.size(), 2u);
  EXPECT_EQ(r.synonyms[0].phrase, "CCCD");
  EXPECT_EQ(r.synonyms[0].expansions, (std::vector<std::string>{"căn cước công dân", "thẻ căn cước"}));
  EXPECT_EQ(r.synonyms[0].reviewed_by, "lead");
  EXPECT_EQ(r.synonyms[1].line, 3);
  EXPECT_TRUE(r.synonyms[1].note.empty());
}

TEST(ReadSynonyms, AWrongHeaderIsRefusedOnLineOne) {
  const SynonymImport r = ReadSynonyms("phrase,expansion,note,reviewed_by\ncccd,căn cước,,lead\n");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 1);
  EXPECT_NE(r.errors[0].reason.find("expands_to"), std::string::npos) << r.errors[0].reason;
  EXPECT_TRUE(r.synonyms.empty());
  EXPECT_EQ(ReadSynonyms("").errors.at(0).line, 1);
}

TEST(ReadSynonyms, EachMalformedRowNamesItsLine) {
  // [rows after the header, line of the bad row, a word of the reason]
  const std::vector<std::tuple<std::string, int64_t, std::string>> cases = {
      {"cccd,căn cước,note\n", 2, "cột"},                               // three columns
      {"cccd,căn cước,,lead\n,căn cước,,lead\n", 3, "phrase"},          // no phrase
      {"cccd,căn cước,,lead\n\"?!\",căn cước,,lead\n", 3, "phrase"},    // punctuation only
      {"cccd, | ,,lead\n", 2, "expands_to"},                            // no wording
      {"cccd,căn cước,note,\n", 2, "reviewed_by"},                      // nobody reviewed it
      {"cccd,CCCD,,lead\n", 2, "expands_to"},                           // expands to itself
      {"cccd,căn cước,,lead\nCCCD,thẻ căn cước,,lead\n", 3, "dòng 2"},  // duplicate, folded
      {"a b c d e f g h i,căn cước,,lead\n", 2, "từ"},                  // phrase too long
      {"cccd,a|b|c|d|e|f|g|h|i,,lead\n", 2, "nhiều nhất"},              // too many wordings
      {"cccd,\"căn\xff cước\",,lead\n", 2, "UTF-8"},                    // invalid UTF-8
      {"cccd,căn cước,,lead\n\"unterminated,x,,lead\n", 3, ""},         // CSV quoting error
  };
  for (const auto& [rows, line, word] : cases) {
    const RowError e = OnlyError(rows);
    EXPECT_EQ(e.line, line) << rows;
    EXPECT_NE(e.reason.find(word), std::string::npos) << rows << " → " << e.reason;
  }
}

TEST(ReadSynonyms, GoodRowsAroundABadOneAreKept) {
  const SynonymImport r = ReadSynonyms(kHeader + "cccd,căn cước,,lead\nbad row\nbhxh,bảo hiểm xã hội,,lead\n");
  EXPECT_EQ(r.synonyms.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 3);
}

TEST(ReadSynonyms, TheShippedTableIsCleanAndReviewed) {
  const SynonymImport r = ReadSynonyms(ReadSource("/data/reference/search-synonyms.csv"));
  ASSERT_TRUE(r.errors.empty()) << r.errors.front().line << ": " << r.errors.front().reason;
  EXPECT_GE(r.synonyms.size(), 60u);
  for (const Synonym& s : r.synonyms) {
    EXPECT_FALSE(s.reviewed_by.empty()) << s.phrase;
    EXPECT_FALSE(s.note.empty()) << "line " << s.line << " (" << s.phrase << ") says nothing of why";
  }
}

TEST(ReadSynonyms, EveryWordingOfTheShippedTableNamesSomeProcedure) {
  // A wording the catalogue never uses would expand to nothing: a typo in the table, or a catalogue that changed.
  const ProcedureImport catalogue = ReadProcedures(ReadSource("/data/reference/procedures.csv"));
  std::string names;
  for (const Procedure& p : catalogue.procedures) {
    names += " " + Fold(p.name) + " |";
  }
  const SynonymImport r = ReadSynonyms(ReadSource("/data/reference/search-synonyms.csv"));
  for (const Synonym& s : r.synonyms) {
    bool any = false;
    for (const std::string& wording : s.expansions) {
      any = any || names.find(" " + Fold(wording) + " ") != std::string::npos;
    }
    EXPECT_TRUE(any) << "line " << s.line << ": no procedure name holds any wording of \"" << s.phrase << "\"";
  }
}

}  // namespace
}  // namespace motcua::domain
