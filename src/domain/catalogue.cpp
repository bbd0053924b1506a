#include "domain/catalogue.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

//! Match tiers, best first; zero means no match.
constexpr int32_t kRankCode = 6;
constexpr int32_t kRankNamePrefix = 5;
constexpr int32_t kRankPhrase = 4;
constexpr int32_t kRankAllWordsInName = 3;
constexpr int32_t kRankAllWordsAnywhere = 2;
constexpr int32_t kRankFilterOnly = 1;

//! Official names mostly open with "Thủ tục"; a name-prefix match ignores it.
constexpr std::string_view kProcedureWord = " thu tuc ";

}  // namespace

std::string_view ToString(Level level) {
  switch (level) {
    case Level::kProvince:
      return "province";
    case Level::kDistrict:
      return "district";
    case Level::kCommune:
      return "commune";
  }
  return "province";
}

std::string_view ToString(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kWorkingDay:
      return "working_day";
    case TimeUnit::kDay:
      return "day";
    case TimeUnit::kHour:
      return "hour";
    case TimeUnit::kMonth:
      return "month";
    case TimeUnit::kUnspecified:
      return "unspecified";
  }
  return "unspecified";
}

std::string_view ToString(OnlineLevel level) {
  switch (level) {
    case OnlineLevel::kFull:
      return "full";
    case OnlineLevel::kPartial:
      return "partial";
    case OnlineLevel::kNone:
      return "none";
  }
  return "none";
}

std::string_view ToString(Channel channel) {
  switch (channel) {
    case Channel::kInPerson:
      return "in_person";
    case Channel::kOnline:
      return "online";
    case Channel::kPost:
      return "post";
  }
  return "in_person";
}

std::optional<Level> ParseLevel(std::string_view s) {
  for (const Level l : {Level::kProvince, Level::kDistrict, Level::kCommune}) {
    if (ToString(l) == s) {
      return l;
    }
  }
  return std::nullopt;
}

std::optional<TimeUnit> ParseTimeUnit(std::string_view s) {
  for (const TimeUnit u :
       {TimeUnit::kWorkingDay, TimeUnit::kDay, TimeUnit::kHour, TimeUnit::kMonth, TimeUnit::kUnspecified}) {
    if (ToString(u) == s) {
      return u;
    }
  }
  return std::nullopt;
}

std::optional<OnlineLevel> ParseOnlineLevel(std::string_view s) {
  for (const OnlineLevel l : {OnlineLevel::kFull, OnlineLevel::kPartial, OnlineLevel::kNone}) {
    if (ToString(l) == s) {
      return l;
    }
  }
  return std::nullopt;
}

bool Procedure::HasLevel(Level level) const { return std::find(levels.begin(), levels.end(), level) != levels.end(); }

bool Procedure::HasChannel(Channel channel) const {
  return std::any_of(channels.begin(), channels.end(), [&](const ChannelTerms& c) { return c.channel == channel; });
}

const Form* Procedure::FindForm(std::string_view id) const {
  for (const Form& f : forms) {
    if (f.id == id) {
      return &f;
    }
  }
  return nullptr;
}

Catalogue::Catalogue(std::vector<Procedure> procedures, std::vector<Field> fields, std::vector<Agency> agencies,
                     int64_t version)
    : procedures_(std::move(procedures)),
      fields_(std::move(fields)),
      agencies_(std::move(agencies)),
      version_(version) {
  std::sort(procedures_.begin(), procedures_.end(),
            [](const Procedure& a, const Procedure& b) { return a.code < b.code; });
  std::sort(fields_.begin(), fields_.end(), [](const Field& a, const Field& b) { return a.name < b.name; });
  std::sort(agencies_.begin(), agencies_.end(), [](const Agency& a, const Agency& b) { return a.code < b.code; });
  for (size_t i = 0; i < fields_.size(); ++i) {
    field_by_code_[fields_[i].code] = i;
    fields_[i].procedure_count = 0;
  }
  for (size_t i = 0; i < agencies_.size(); ++i) {
    agency_by_code_[agencies_[i].code] = i;
  }
  index_.reserve(procedures_.size());
  for (size_t i = 0; i < procedures_.size(); ++i) {
    const Procedure& p = procedures_[i];
    by_code_[p.code] = i;
    std::string other = p.ministry + " " + p.implementing_agency;
    if (const auto it = field_by_code_.find(p.field_code); it != field_by_code_.end()) {
      other += " " + fields_[it->second].name;
      ++fields_[it->second].procedure_count;
    }
    if (const Agency* a = FindAgency(p.agency_code)) {
      other += " " + a->name;
    }
    index_.push_back(Indexed{" " + Fold(p.name) + " ", " " + Fold(other) + " "});
  }
}

const Procedure* Catalogue::FindProcedure(std::string_view code) const {
  const auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &procedures_[it->second];
}

const Field* Catalogue::FindField(std::string_view code) const {
  const auto it = field_by_code_.find(std::string(code));
  return it == field_by_code_.end() ? nullptr : &fields_[it->second];
}

const Agency* Catalogue::FindAgency(std::string_view code) const {
  const auto it = agency_by_code_.find(std::string(code));
  return it == agency_by_code_.end() ? nullptr : &agencies_[it->second];
}

std::vector<const Procedure*> Catalogue::MostUsed(size_t n) const {
  std::vector<const Procedure*> all;
  all.reserve(procedures_.size());
  for (const Procedure& p : procedures_) {
    if (p.popularity > 0) {
      all.push_back(&p);
    }
  }
  const size_t k = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(),
                    [](const Procedure* a, const Procedure* b) {
                      return a->popularity != b->popularity ? a->popularity > b->popularity : a->code < b->code;
                    });
  all.resize(k);
  return all;
}

int64_t Catalogue::CountAtLevel(Level level) const {
  return std::count_if(procedures_.begin(), procedures_.end(), [&](const Procedure& p) { return p.HasLevel(level); });
}

int32_t Catalogue::Rank(size_t i, const std::string& phrase, const std::vector<std::string>& needles) const {
  if (needles.empty()) {
    return kRankFilterOnly;
  }
  const Indexed& ix = index_[i];
  if (procedures_[i].code == phrase) {
    return kRankCode;
  }
  const std::string& name = ix.name;
  const std::string& lead = needles.back();  // " " + phrase
  if (name.starts_with(lead) ||
      (name.starts_with(kProcedureWord) && name.compare(kProcedureWord.size() - 1, lead.size(), lead) == 0)) {
    return kRankNamePrefix;
  }
  if (name.find(lead) != std::string::npos) {
    return kRankPhrase;
  }
  bool all_in_name = true;
  bool all_anywhere = true;
  for (size_t w = 0; w + 1 < needles.size(); ++w) {
    const bool in_name = name.find(needles[w]) != std::string::npos;
    all_in_name = all_in_name && in_name;
    all_anywhere = all_anywhere && (in_name || ix.other.find(needles[w]) != std::string::npos);
    if (!all_anywhere) {
      return 0;
    }
  }
  return all_in_name ? kRankAllWordsInName : kRankAllWordsAnywhere;
}

SearchResult Catalogue::Search(const SearchQuery& query) const {
  const std::string phrase = Fold(query.text);
  const std::vector<std::string> words = SplitList(phrase, " ");
  // Whole-word needles " w " for every word but the last, which may be a prefix still being typed (" w");
  // then the phrase needle.
  std::vector<std::string> needles;
  for (size_t w = 0; w < words.size(); ++w) {
    needles.push_back(w + 1 == words.size() ? " " + words[w] : " " + words[w] + " ");
  }
  if (!words.empty()) {
    needles.push_back(" " + phrase);
  }
  const Agency* agency = query.agency_code.empty() ? nullptr : FindAgency(query.agency_code);
  struct Hit {
    int32_t rank;
    const Procedure* p;
  };
  std::vector<Hit> hits;
  for (size_t i = 0; i < procedures_.size(); ++i) {
    const Procedure& p = procedures_[i];
    if (!query.field_code.empty() && p.field_code != query.field_code) {
      continue;
    }
    if (query.level && !p.HasLevel(*query.level)) {
      continue;
    }
    if (query.online && p.online_level != *query.online) {
      continue;
    }
    if (!query.agency_code.empty()) {
      if (agency == nullptr) {
        continue;  // an unknown agency matches nothing
      }
      const bool own = p.agency_code == agency->code;
      const bool by_tier = agency->level != Level::kProvince && p.HasLevel(agency->level);
      const bool top = agency->level == Level::kProvince && agency->parent_code.empty() && p.HasLevel(Level::kProvince);
      if (!own && !by_tier && !top) {
        continue;
      }
    }
    const int32_t rank = Rank(i, phrase, needles);
    if (rank > 0) {
      hits.push_back(Hit{rank, &p});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) {
      return a.rank > b.rank;
    }
    if (a.p->popularity != b.p->popularity) {
      return a.p->popularity > b.p->popularity;
    }
    if (a.p->name.size() != b.p->name.size()) {
      return a.p->name.size() < b.p->name.size();
    }
    return a.p->code < b.p->code;
  });
  SearchResult result;
  const int32_t size = std::clamp(query.page_size, kMinPageSize, kMaxPageSize);
  result.total = static_cast<int64_t>(hits.size());
  result.page_count = static_cast<int32_t>((result.total + size - 1) / size);
  result.page = std::clamp(query.page, 1, std::max(1, result.page_count));
  const size_t first = static_cast<size_t>(result.page - 1) * static_cast<size_t>(size);
  for (size_t i = first; i < hits.size() && i < first + static_cast<size_t>(size); ++i) {
    result.items.push_back(hits[i].p);
  }
  return result;
}

}  // namespace motcua::domain
