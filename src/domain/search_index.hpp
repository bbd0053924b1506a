#pragma once
//! Full-text index of the procedure catalogue: an inverted index over folded words of the names and of their
//! context (field, ministry, agencies), synonym expansion of the query and a BM25-like score. Pure C++, no I/O.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/search_synonyms.hpp"

namespace motcua::domain {

//! How well one document matches a query, best first; zero is no match.
enum class MatchTier : int32_t {
  kNone = 0,
  kPartial = 1,       //!< Not every word, but enough of the query's weight (`kMinMatchedShare`).
  kAllAnywhere = 2,   //!< Every word (or a synonym of it), some only in the context.
  kAllInName = 3,     //!< Every word (or a synonym of it) in the name.
  kPhraseInName = 4,  //!< The query as typed appears in the name.
  kNamePrefix = 5,    //!< The name opens with the query (after "Thủ tục").
  kCode = 6,          //!< The query is the procedure's code.
};

//! One matching document.
struct IndexHit {
  uint32_t doc = 0;                   //!< Position of the document given to Build.
  MatchTier tier = MatchTier::kNone;  //!< How it matched.
  double score = 0;                   //!< Weighted words matched (function words left out), within a tier.
  double stop_score = 0;              //!< Weighted function words matched: the last tie-break.
};

//! Share of the query's weight a document must match to be listed when it lacks some words.
constexpr double kMinMatchedShare = 0.45;

//! The search index: built once per catalogue snapshot, then read by any number of threads.
class SearchIndex {
 public:
  //! Indexes `names[i]` and `contexts[i]` as document i; `codes[i]` is its procedure code.
  void Build(const std::vector<std::string>& codes, const std::vector<std::string>& names,
             const std::vector<std::string>& contexts);
  //! Uses `synonyms` to expand queries from now on (call before sharing the index).
  void UseSynonyms(const std::vector<Synonym>& synonyms);
  //! The documents matching `text` for which `keep` is true, unordered.
  std::vector<IndexHit> Match(std::string_view text, const std::function<bool(uint32_t)>& keep) const;
  //! Number of distinct folded words indexed.
  size_t term_count() const { return term_ids_.size(); }

 private:
  //! One way a unit of the query can appear in a document: a run of adjacent words.
  struct Alternative {
    std::vector<uint32_t> terms;  // word ids, adjacent in this order
    double factor = 1;            // 1 as typed, less for a synonym or a completed prefix
    bool completion = false;      // a completion of the last word: scores, but does not make a word "present"
  };
  //! One unit of the query: a word, a two-word compound, or a synonym phrase with its alternatives.
  struct Unit {
    std::vector<Alternative> alternatives;
    bool stop = false;     // a function word ("cho", "của", "làm"): weighted low and never required
    bool synonym = false;  // a phrase of the synonym table
  };
  //! A synonym phrase's wordings as word ids (wordings with a word the catalogue lacks are dropped).
  using Expansions = std::vector<std::vector<uint32_t>>;

  uint32_t TermId(const std::string& word);
  std::vector<Unit> Units(const std::vector<std::string>& words) const;
  size_t SynonymAt(const std::vector<std::string>& words, size_t i) const;
  void AddPrefixAlternatives(const std::string& prefix, Unit& unit) const;
  uint32_t BigramCount(uint32_t a, uint32_t b) const;
  bool Find(uint32_t doc, const std::vector<uint32_t>& run, bool in_name) const;
  bool Adjacent(uint32_t doc, const Unit& first, const Unit& second) const;

  std::unordered_map<std::string, uint32_t> term_ids_;
  std::vector<std::pair<std::string, uint32_t>> sorted_terms_;  // for prefix completion
  std::vector<std::vector<uint32_t>> name_postings_;            // word id → documents with it in the name
  std::vector<std::vector<uint32_t>> context_postings_;         // word id → documents with it only in the context
  std::vector<std::vector<uint32_t>> name_words_;               // document → its name as word ids
  std::vector<std::vector<uint32_t>> context_words_;            // document → its context as word ids
  std::vector<std::string> spaced_names_;                       // document → " folded name "
  std::unordered_map<std::string, uint32_t> by_code_;
  std::unordered_map<uint64_t, uint32_t> name_bigrams_;   // adjacent pair of word ids → names with it
  std::unordered_map<std::string, Expansions> synonyms_;  // folded phrase → wordings
  size_t longest_synonym_ = 0;                            // words in the longest phrase
};

}  // namespace motcua::domain
