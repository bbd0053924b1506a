// libFuzzer target: the synonym table reader never crashes, every refused row names a line inside the file, every
// accepted row has a phrase and 1..kMaxExpansions wordings, and a catalogue using the table answers any query.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/catalogue.hpp"
#include "domain/search_synonyms.hpp"
#include "domain/text.hpp"

namespace {

constexpr size_t kMaxQueryBytes = 256;  //!< The input, cut to this, is also searched for.

motcua::domain::Procedure Make(std::string code, std::string name) {
  motcua::domain::Procedure p;
  p.code = std::move(code);
  p.name = std::move(name);
  p.field_code = "ho-tich";
  return p;
}

int64_t CountLines(std::string_view text) {
  int64_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ? 1 : 0;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string with_header = std::string(motcua::domain::kSynonymColumns) + "\n" + std::string(input);
  for (const std::string_view text : {input, std::string_view(with_header)}) {
    const motcua::domain::SynonymImport r = motcua::domain::ReadSynonyms(text);
    const int64_t lines = CountLines(text);
    for (const auto& e : r.errors) {
      if (e.line < 1 || e.line > lines || e.reason.empty()) {
        std::abort();
      }
    }
    for (const auto& s : r.synonyms) {
      if (motcua::domain::Fold(s.phrase).empty() || s.expansions.empty() ||
          s.expansions.size() > motcua::domain::kMaxExpansions || s.reviewed_by.empty()) {
        std::abort();
      }
    }
    motcua::domain::Catalogue catalogue(
        {Make("1.001193", "Thủ tục đăng ký khai sinh"), Make("1.000894", "Thủ tục đăng ký kết hôn"),
         Make("1.014064", "Cấp lại thẻ căn cước")},
        {{"ho-tich", "Hộ tịch", 0}}, {}, 1);
    catalogue.UseSynonyms(r.synonyms);
    for (const auto& s : r.synonyms) {
      motcua::domain::SearchQuery q;
      q.text = s.phrase + " " + s.expansions.front();
      if (catalogue.Search(q).total > 3) {
        std::abort();
      }
    }
    motcua::domain::SearchQuery q;
    q.text = std::string(input.substr(0, kMaxQueryBytes));
    if (catalogue.Search(q).total > 3) {
      std::abort();
    }
  }
  return 0;
}
