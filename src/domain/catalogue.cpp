#include "domain/catalogue.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

//! Bytes of the published implementing-agency text indexed (a cut inside a letter folds to a space).
constexpr size_t kMaxAgencyTextBytes = 200;

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
  std::vector<std::string> codes;
  std::vector<std::string> names;
  std::vector<std::string> contexts;
  codes.reserve(procedures_.size());
  names.reserve(procedures_.size());
  contexts.reserve(procedures_.size());
  for (size_t i = 0; i < procedures_.size(); ++i) {
    const Procedure& p = procedures_[i];
    by_code_[p.code] = i;
    std::string other = p.ministry;
    if (const auto it = field_by_code_.find(p.field_code); it != field_by_code_.end()) {
      other += " " + fields_[it->second].name;
      ++fields_[it->second].procedure_count;
    }
    if (const Agency* a = FindAgency(p.agency_code)) {
      other += " " + a->name;
    }
    // Some published rows hold whole paragraphs of guidance in the agency column; only its start names agencies.
    other += " " + p.implementing_agency.substr(0, kMaxAgencyTextBytes);
    codes.push_back(p.code);
    names.push_back(p.name);
    contexts.push_back(std::move(other));
  }
  search_.Build(codes, names, contexts);
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

bool Catalogue::Passes(const Procedure& p, const SearchQuery& query, const Agency* agency) const {
  if (!query.field_code.empty() && p.field_code != query.field_code) {
    return false;
  }
  if (query.level && !p.HasLevel(*query.level)) {
    return false;
  }
  if (query.online && p.online_level != *query.online) {
    return false;
  }
  if (query.agency_code.empty()) {
    return true;
  }
  if (agency == nullptr) {
    return false;  // an unknown agency matches nothing
  }
  const bool own = p.agency_code == agency->code;
  const bool by_tier = agency->level != Level::kProvince && p.HasLevel(agency->level);
  const bool top = agency->level == Level::kProvince && agency->parent_code.empty() && p.HasLevel(Level::kProvince);
  return own || by_tier || top;
}

SearchResult Catalogue::Search(const SearchQuery& query) const {
  const Agency* agency = query.agency_code.empty() ? nullptr : FindAgency(query.agency_code);
  auto keep = [&](uint32_t d) { return Passes(procedures_[d], query, agency); };
  std::vector<IndexHit> hits;
  if (Fold(query.text).empty()) {
    for (size_t d = 0; d < procedures_.size(); ++d) {
      if (keep(static_cast<uint32_t>(d))) {
        hits.push_back(IndexHit{static_cast<uint32_t>(d), MatchTier::kPartial, 0, 0});
      }
    }
  } else {
    hits = search_.Match(query.text, keep);
  }
  std::sort(hits.begin(), hits.end(), [&](const IndexHit& x, const IndexHit& y) {
    if (x.tier != y.tier) {
      return x.tier > y.tier;
    }
    if (x.score != y.score) {
      return x.score > y.score;
    }
    const Procedure& a = procedures_[x.doc];
    const Procedure& b = procedures_[y.doc];
    if (a.popularity != b.popularity) {
      return a.popularity > b.popularity;
    }
    if (a.name.size() != b.name.size()) {
      return a.name.size() < b.name.size();
    }
    if (x.stop_score != y.stop_score) {
      return x.stop_score > y.stop_score;  // after the name's length: folded, "cho" is also "chỗ", "con" "còn"
    }
    return a.code < b.code;
  });
  SearchResult result;
  const int32_t size = std::clamp(query.page_size, kMinPageSize, kMaxPageSize);
  result.total = static_cast<int64_t>(hits.size());
  result.page_count = static_cast<int32_t>((result.total + size - 1) / size);
  result.page = std::clamp(query.page, 1, std::max(1, result.page_count));
  const size_t first = static_cast<size_t>(result.page - 1) * static_cast<size_t>(size);
  for (size_t i = first; i < hits.size() && i < first + static_cast<size_t>(size); ++i) {
    result.items.push_back(&procedures_[hits[i].doc]);
  }
  return result;
}

}  // namespace motcua::domain
