#include "domain/search_synonyms.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

//! Columns in file order.
constexpr size_t kPhrase = 0;
constexpr size_t kExpandsTo = 1;
constexpr size_t kNote = 2;
constexpr size_t kReviewedBy = 3;
constexpr size_t kColumnCount = 4;

//! Number of words of a folded text.
size_t WordCount(const std::string& folded) {
  return folded.empty() ? 0 : static_cast<size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1;
}

//! Why `text` cannot be a phrase or a wording, or empty when it can.
std::string CheckWording(std::string_view what, const std::string& text) {
  if (!IsValidUtf8(text)) {
    return fmt::format("{} không phải UTF-8 hợp lệ", what);
  }
  const std::string folded = Fold(text);
  if (folded.empty()) {
    return fmt::format("{} trống (không có chữ hay số)", what);
  }
  if (WordCount(folded) > kMaxSynonymWords) {
    return fmt::format("{} \"{}\" dài quá {} từ", what, text, kMaxSynonymWords);
  }
  return "";
}

//! The row as a Synonym, or the reason it is refused.
std::string ReadRow(const CsvRecord& rec, Synonym& out) {
  if (rec.fields.size() != kColumnCount) {
    return fmt::format("có {} cột, cần {} cột ({})", rec.fields.size(), kColumnCount, kSynonymColumns);
  }
  out.line = rec.line;
  out.phrase = CollapseSpaces(rec.fields[kPhrase]);
  out.note = CollapseSpaces(rec.fields[kNote]);
  out.reviewed_by = CollapseSpaces(rec.fields[kReviewedBy]);
  if (std::string why = CheckWording("cột phrase", out.phrase); !why.empty()) {
    return why;
  }
  const std::string folded_phrase = Fold(out.phrase);
  for (std::string& wording : SplitList(rec.fields[kExpandsTo], kExpansionSeparator)) {
    if (std::string why = CheckWording("cột expands_to", wording); !why.empty()) {
      return why;
    }
    if (Fold(wording) == folded_phrase) {
      return fmt::format("cột expands_to lặp lại chính cụm \"{}\"", out.phrase);
    }
    out.expansions.push_back(std::move(wording));
  }
  if (out.expansions.empty()) {
    return "cột expands_to trống: cần ít nhất một cách gọi trong danh mục";
  }
  if (out.expansions.size() > kMaxExpansions) {
    return fmt::format("cột expands_to có {} cách gọi, nhiều nhất {}", out.expansions.size(), kMaxExpansions);
  }
  if (out.reviewed_by.empty() || !IsValidUtf8(out.reviewed_by) || !IsValidUtf8(out.note)) {
    return "cột reviewed_by trống hoặc note/reviewed_by không phải UTF-8: mỗi dòng phải có người đã duyệt";
  }
  return "";
}

}  // namespace

SynonymImport ReadSynonyms(std::string_view csv_text) {
  SynonymImport out;
  CsvDocument doc = ParseCsv(csv_text);
  out.errors = std::move(doc.errors);
  if (doc.records.empty()) {
    out.errors.push_back(RowError{1, fmt::format("tệp rỗng: cần dòng tiêu đề {}", kSynonymColumns)});
    return out;
  }
  const CsvRecord& header = doc.records.front();
  std::string names;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    names += (i == 0 ? "" : ",") + header.fields[i];
  }
  if (names != kSynonymColumns) {
    out.errors.push_back(RowError{header.line, fmt::format("tiêu đề là \"{}\", cần \"{}\"", names, kSynonymColumns)});
    return out;
  }
  std::unordered_map<std::string, int64_t> first_line;  // folded phrase → line it first appeared on
  for (size_t r = 1; r < doc.records.size(); ++r) {
    const CsvRecord& rec = doc.records[r];
    Synonym row;
    if (std::string why = ReadRow(rec, row); !why.empty()) {
      out.errors.push_back(RowError{rec.line, std::move(why)});
      continue;
    }
    const auto [it, fresh] = first_line.emplace(Fold(row.phrase), rec.line);
    if (!fresh) {
      out.errors.push_back(RowError{
          rec.line, fmt::format("cụm \"{}\" đã có ở dòng {}: gộp các cách gọi vào một dòng", row.phrase, it->second)});
      continue;
    }
    out.synonyms.push_back(std::move(row));
  }
  std::sort(out.errors.begin(), out.errors.end(), [](const RowError& a, const RowError& b) { return a.line < b.line; });
  return out;
}

}  // namespace motcua::domain
