#include "domain/search_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

//! A word found only in the context (field, ministry, agencies) counts this much of a word in the name.
constexpr double kContextFactor = 0.35;
//! A synonym's wording counts this much of the words as typed, so literal matches come first among equals.
constexpr double kSynonymFactor = 0.9;
//! The wordings of a synonym are listed best first; each later one counts this much of the one before.
constexpr double kLaterWordingFactor = 0.95;
//! A word completed from the last, still-typed word counts this much.
constexpr double kPrefixFactor = 0.8;
//! Two consecutive words of the query found side by side in a name add this share of the lighter one's weight
//! ("cấp lại thẻ căn cước" is closer to "Cấp lại thẻ căn cước" than to "Cấp lại chứng chỉ … không thể …").
constexpr double kAdjacentBoost = 0.5;
//! Weight of a function word ("cho", "của", "làm") relative to its inverse document frequency.
constexpr double kStopWeight = 0.1;
//! Words of a query beyond this are ignored (the query box allows long text; a procedure name is not a letter).
constexpr size_t kMaxQueryWords = 16;
//! Completions of the last word considered at most (a one-letter prefix would otherwise take every word).
constexpr size_t kMaxPrefixTerms = 64;
//! BM25's smoothing of the document frequency.
constexpr double kIdfSmoothing = 0.5;
//! Where a unit of the query was found in a document (bits).
constexpr uint8_t kFoundInName = 1;
constexpr uint8_t kFoundInContext = 2;
//! Bits of a word id in the key of a word pair.
constexpr uint32_t kBigramShift = 32;

//! Official names mostly open with "Thủ tục"; a name-prefix match ignores it.
constexpr std::string_view kProcedureWord = " thu tuc ";

//! Function words people add to a question ("làm giấy khai sinh cho con"), folded and sorted. They are weighted low
//! and never required; "làm" and "xin" also have synonyms (cấp, đăng ký) in the table.
//! "con" (child) is one too: folded, it is also "còn" (still) and "cơn", and "cho con" asks for the child's
//! procedure, whose names say "trẻ em" (a synonym) or nothing at all ("đăng ký khai sinh").
constexpr std::array<std::string_view, 23> kStopWords = {"cac", "cho",  "con",  "cua", "de",   "duoc", "gi",  "hay",
                                                         "la",  "lam",  "minh", "mot", "muon", "nao",  "nhu", "nhung",
                                                         "o",   "theo", "thu",  "toi", "tuc",  "va",   "xin"};

bool IsStop(std::string_view word) { return std::binary_search(kStopWords.begin(), kStopWords.end(), word); }

//! The words of folded text (Fold leaves exactly one space between words).
std::vector<std::string> Words(const std::string& folded) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < folded.size()) {
    size_t end = folded.find(' ', start);
    if (end == std::string::npos) {
      end = folded.size();
    }
    if (end > start) {
      out.emplace_back(folded.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

//! Words `i` to `i + len` of `words`, joined by one space (the form of a folded synonym phrase).
std::string Join(const std::vector<std::string>& words, size_t i, size_t len) {
  std::string out = words[i];
  for (size_t k = 1; k < len; ++k) {
    out += ' ' + words[i + k];
  }
  return out;
}

uint64_t BigramKey(uint32_t a, uint32_t b) { return (static_cast<uint64_t>(a) << kBigramShift) | b; }

//! BM25's inverse document frequency of a unit found in `df` of `n` documents.
double Idf(size_t n, size_t df) {
  const auto nd = static_cast<double>(n);
  const auto d = static_cast<double>(df);
  return std::log(1.0 + (nd - d + kIdfSmoothing) / (d + kIdfSmoothing));
}

}  // namespace

uint32_t SearchIndex::TermId(const std::string& word) {
  const auto [it, fresh] = term_ids_.emplace(word, static_cast<uint32_t>(term_ids_.size()));
  if (fresh) {
    name_postings_.emplace_back();
    context_postings_.emplace_back();
  }
  return it->second;
}

void SearchIndex::Build(const std::vector<std::string>& codes, const std::vector<std::string>& names,
                        const std::vector<std::string>& contexts) {
  const size_t n = names.size();
  name_words_.assign(n, {});
  context_words_.assign(n, {});
  spaced_names_.assign(n, {});
  for (size_t d = 0; d < n; ++d) {
    const auto doc = static_cast<uint32_t>(d);
    const std::string name = Fold(names[d]);
    spaced_names_[d] = " " + name + " ";
    for (const std::string& w : Words(name)) {
      const uint32_t id = TermId(w);
      std::vector<uint32_t>& list = name_postings_[id];
      if (list.empty() || list.back() != doc) {
        list.push_back(doc);
      }
      if (!name_words_[d].empty()) {
        ++name_bigrams_[BigramKey(name_words_[d].back(), id)];
      }
      name_words_[d].push_back(id);
    }
    for (const std::string& w : Words(Fold(contexts[d]))) {
      const uint32_t id = TermId(w);
      context_words_[d].push_back(id);
      const std::vector<uint32_t>& named = name_postings_[id];
      std::vector<uint32_t>& list = context_postings_[id];
      if ((named.empty() || named.back() != doc) && (list.empty() || list.back() != doc)) {
        list.push_back(doc);
      }
    }
    by_code_[codes[d]] = doc;
  }
  sorted_terms_.assign(term_ids_.begin(), term_ids_.end());
  std::sort(sorted_terms_.begin(), sorted_terms_.end());
}

void SearchIndex::UseSynonyms(const std::vector<Synonym>& synonyms) {
  synonyms_.clear();
  longest_synonym_ = 0;
  for (const Synonym& s : synonyms) {
    const std::string phrase = Fold(s.phrase);
    Expansions& wordings = synonyms_[phrase];
    for (const std::string& wording : s.expansions) {
      std::vector<uint32_t> run;
      for (const std::string& w : Words(Fold(wording))) {
        const auto it = term_ids_.find(w);
        if (it == term_ids_.end()) {
          run.clear();
          break;  // a wording this catalogue never uses cannot match
        }
        run.push_back(it->second);
      }
      if (!run.empty()) {
        wordings.push_back(std::move(run));
      }
    }
    longest_synonym_ = std::max(longest_synonym_, Words(phrase).size());
  }
}

uint32_t SearchIndex::BigramCount(uint32_t a, uint32_t b) const {
  const auto it = name_bigrams_.find(BigramKey(a, b));
  return it == name_bigrams_.end() ? 0 : it->second;
}

void SearchIndex::AddPrefixAlternatives(const std::string& prefix, Unit& unit) const {
  auto it =
      std::lower_bound(sorted_terms_.begin(), sorted_terms_.end(), prefix,
                       [](const std::pair<std::string, uint32_t>& t, const std::string& p) { return t.first < p; });
  size_t added = 0;
  for (; it != sorted_terms_.end() && it->first.starts_with(prefix) && added < kMaxPrefixTerms; ++it) {
    if (it->first.size() > prefix.size()) {
      unit.alternatives.push_back(Alternative{{it->second}, kPrefixFactor, true});
      ++added;
    }
  }
}

size_t SearchIndex::SynonymAt(const std::vector<std::string>& words, size_t i) const {
  for (size_t len = std::min(longest_synonym_, words.size() - i); len >= 1; --len) {
    if (synonyms_.contains(Join(words, i, len))) {
      return len;
    }
  }
  return 0;
}

std::vector<SearchIndex::Unit> SearchIndex::Units(const std::vector<std::string>& words) const {
  auto id_of = [&](const std::string& w) {
    const auto it = term_ids_.find(w);
    return it == term_ids_.end() ? std::optional<uint32_t>() : std::optional<uint32_t>(it->second);
  };
  std::vector<Unit> units;
  const size_t n = words.size();
  size_t i = 0;
  while (i < n) {
    // 1. A synonym phrase, longest first: its words as typed and each wording of the table, the words as typed
    // weighted as the best wording (folded, "sổ đỏ" as typed is also "số đo"; it should not outrank the land
    // certificate it means).
    if (const size_t len = SynonymAt(words, i); len > 0) {
      Unit unit;
      unit.stop = len == 1 && IsStop(words[i]);
      unit.synonym = true;
      Alternative typed{{}, kSynonymFactor, false};
      for (size_t k = 0; k < len; ++k) {
        if (const auto id = id_of(words[i + k])) {
          typed.terms.push_back(*id);
        } else {
          typed.terms.clear();
          break;
        }
      }
      if (!typed.terms.empty()) {
        unit.alternatives.push_back(std::move(typed));
      }
      double factor = kSynonymFactor;
      for (const std::vector<uint32_t>& run : synonyms_.at(Join(words, i, len))) {
        unit.alternatives.push_back(Alternative{run, factor, false});
        factor *= kLaterWordingFactor;
      }
      units.push_back(std::move(unit));
      i += len;
      continue;
    }
    // 2. A two-word compound ("khai sinh", "giấy phép"): the pair appears adjacent in names, and more often than
    // the next pair (so "hộ kinh doanh" pairs "kinh doanh", not "hộ kinh"). It must then match adjacent: "khai" and
    // "sinh" far apart in a land procedure's name are not birth registration.
    const auto a = id_of(words[i]);
    if (i + 1 < n && a && !IsStop(words[i]) && !IsStop(words[i + 1]) && SynonymAt(words, i + 1) == 0) {
      const auto b = id_of(words[i + 1]);
      const uint32_t count = b ? BigramCount(*a, *b) : 0;
      const auto c = i + 2 < n ? id_of(words[i + 2]) : std::nullopt;
      const uint32_t next = (b && c && !IsStop(words[i + 2])) ? BigramCount(*b, *c) : 0;
      if (count > 0 && count >= next) {
        units.push_back(Unit{{Alternative{{*a, *b}, 1, false}}, false, false});
        i += 2;
        continue;
      }
    }
    // 3. One word; the last one may still be being typed, so its completions count too.
    Unit unit;
    unit.stop = IsStop(words[i]);
    if (a) {
      unit.alternatives.push_back(Alternative{{*a}, 1, false});
    }
    if (i + 1 == n) {
      AddPrefixAlternatives(words[i], unit);
    }
    units.push_back(std::move(unit));
    ++i;
  }
  return units;
}

bool SearchIndex::Find(uint32_t doc, const std::vector<uint32_t>& run, bool in_name) const {
  const std::vector<uint32_t>& words = in_name ? name_words_[doc] : context_words_[doc];
  return std::search(words.begin(), words.end(), run.begin(), run.end()) != words.end();
}

bool SearchIndex::Adjacent(uint32_t doc, const Unit& first, const Unit& second) const {
  const std::vector<uint32_t>& words = name_words_[doc];
  for (const Alternative& x : first.alternatives) {
    if (x.completion) {
      continue;
    }
    for (auto at = words.begin(); (at = std::search(at, words.end(), x.terms.begin(), x.terms.end())) != words.end();
         ++at) {
      const auto end = at + static_cast<std::ptrdiff_t>(x.terms.size());
      for (const Alternative& y : second.alternatives) {
        if (!y.completion && static_cast<size_t>(words.end() - end) >= y.terms.size() &&
            std::equal(y.terms.begin(), y.terms.end(), end)) {
          return true;
        }
      }
    }
  }
  return false;
}

std::vector<IndexHit> SearchIndex::Match(std::string_view text, const std::function<bool(uint32_t)>& keep) const {
  const std::string phrase = Fold(text);
  std::vector<std::string> words = Words(phrase);
  if (words.size() > kMaxQueryWords) {
    words.resize(kMaxQueryWords);
  }
  const std::vector<Unit> units = Units(words);
  const size_t n = name_words_.size();
  const size_t u_count = units.size();
  // Per document and unit: the best factor matched (0: not at all) and where a whole word or phrase (not a
  // completion of the last word) was found.
  std::vector<float> best(n * u_count, 0);
  std::vector<uint8_t> found(n * u_count, 0);
  std::vector<uint8_t> seen(n, 0);
  std::vector<uint32_t> touched;
  auto mark = [&](uint32_t d, size_t u, const Alternative& alt, bool in_name) {
    const size_t cell = d * u_count + u;
    best[cell] = std::max(best[cell], static_cast<float>(in_name ? alt.factor : alt.factor * kContextFactor));
    if (!alt.completion) {
      found[cell] = static_cast<uint8_t>(found[cell] | (in_name ? kFoundInName : kFoundInContext));
    }
    if (seen[d] == 0) {
      seen[d] = 1;
      touched.push_back(d);
    }
  };
  for (size_t u = 0; u < u_count; ++u) {
    for (const Alternative& alt : units[u].alternatives) {
      if (alt.terms.size() == 1) {
        for (const uint32_t d : name_postings_[alt.terms[0]]) {
          mark(d, u, alt, true);
        }
        for (const uint32_t d : context_postings_[alt.terms[0]]) {
          mark(d, u, alt, false);
        }
        continue;
      }
      // A run of words: look only at the documents holding its rarest word.
      const uint32_t rarest = *std::min_element(alt.terms.begin(), alt.terms.end(), [&](uint32_t x, uint32_t y) {
        return name_postings_[x].size() + context_postings_[x].size() <
               name_postings_[y].size() + context_postings_[y].size();
      });
      for (const auto* list : {&name_postings_[rarest], &context_postings_[rarest]}) {
        for (const uint32_t d : *list) {
          if (Find(d, alt.terms, true)) {
            mark(d, u, alt, true);
          } else if (Find(d, alt.terms, false)) {
            mark(d, u, alt, false);
          }
        }
      }
    }
  }
  const auto code = by_code_.find(phrase);
  if (code != by_code_.end() && seen[code->second] == 0) {
    seen[code->second] = 1;
    touched.push_back(code->second);
  }
  // Weights: BM25's inverse document frequency of each unit. A word found nowhere weighs as much as the heaviest
  // word found (idf(0) when none is), so a query of mostly unknown words does not list documents for its one
  // common word, while one unknown word ("1", a typo) among several known ones does not empty the list.
  std::vector<double> weight(u_count, 0);
  std::vector<bool> required(u_count, false);
  std::vector<bool> unknown(u_count, false);
  const bool all_stop = std::all_of(units.begin(), units.end(), [](const Unit& x) { return x.stop; });
  double heaviest = 0;
  for (size_t u = 0; u < u_count; ++u) {
    size_t df = 0;
    for (const uint32_t d : touched) {
      df += best[d * u_count + u] > 0 ? 1 : 0;
    }
    const double stop = units[u].stop ? kStopWeight : 1;
    weight[u] = Idf(n, df) * stop;
    unknown[u] = df == 0;
    required[u] = all_stop || !units[u].stop;
    heaviest = df > 0 ? std::max(heaviest, Idf(n, df)) : heaviest;
  }
  double total = 0;
  for (size_t u = 0; u < u_count; ++u) {
    if (unknown[u] && heaviest > 0) {
      weight[u] = heaviest * (units[u].stop ? kStopWeight : 1);
    }
    total += weight[u];
  }
  // The query as typed ranks first when it appears in a name, unless it holds a synonym phrase: "sổ đỏ" typed
  // folds to "so do", which a name's "sơ đồ" holds too.
  const bool literal = std::none_of(units.begin(), units.end(), [](const Unit& x) { return x.synonym && !x.stop; });
  const std::string lead = " " + phrase;
  std::vector<IndexHit> hits;
  for (const uint32_t d : touched) {
    if (!keep(d)) {
      continue;
    }
    IndexHit hit{d, MatchTier::kNone, 0, 0};
    bool all_in_name = true;
    bool all_anywhere = true;
    bool any_required = false;
    for (size_t u = 0; u < u_count; ++u) {
      const size_t cell = d * u_count + u;
      (units[u].stop ? hit.stop_score : hit.score) += weight[u] * best[cell];
      if (required[u]) {
        all_in_name = all_in_name && (found[cell] & kFoundInName) != 0;
        all_anywhere = all_anywhere && found[cell] != 0;
        any_required = any_required || best[cell] > 0;
      }
    }
    const std::string& name = spaced_names_[d];
    MatchTier& tier = hit.tier;
    if (code != by_code_.end() && code->second == d) {
      tier = MatchTier::kCode;
    } else if (literal &&
               (name.starts_with(lead) || (name.starts_with(kProcedureWord) &&
                                           name.compare(kProcedureWord.size() - 1, lead.size(), lead) == 0))) {
      tier = MatchTier::kNamePrefix;
    } else if (literal && name.find(lead) != std::string::npos) {
      tier = MatchTier::kPhraseInName;
    } else if (all_in_name) {
      tier = MatchTier::kAllInName;
    } else if (all_anywhere) {
      tier = MatchTier::kAllAnywhere;
    } else if (any_required && hit.score + hit.stop_score >= kMinMatchedShare * total) {
      tier = MatchTier::kPartial;
    }
    if (tier == MatchTier::kNone) {
      continue;
    }
    for (size_t u = 0; u + 1 < u_count; ++u) {
      const size_t cell = d * u_count + u;
      if (!units[u].stop && !units[u + 1].stop && (found[cell] & kFoundInName) != 0 &&
          (found[cell + 1] & kFoundInName) != 0 && Adjacent(d, units[u], units[u + 1])) {
        hit.score += kAdjacentBoost * std::min(weight[u], weight[u + 1]);
      }
    }
    hits.push_back(hit);
  }
  return hits;
}

}  // namespace motcua::domain
