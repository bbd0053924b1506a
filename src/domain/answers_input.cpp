#include "domain/answers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>

#include "domain/dates.hpp"
#include "domain/messages.hpp"

//! ReadPageInput: the web form's inputs of one page read as typed answers (answers.cpp checks them).
namespace motcua::domain {

namespace json = boost::json;

namespace {

// Message ids (the same texts answers.cpp gives for the same faults), one literal each on one line.
// clang-format off
constexpr const char* kNumberShape = N_("Nhập một số, chỉ gồm chữ số, ví dụ 12 hoặc 12,5");
constexpr const char* kMoneyShape = N_("Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000");
constexpr const char* kDateIncomplete = N_("Ngày phải có đủ ngày, tháng và năm");
constexpr const char* kDateShape = N_("Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025");
constexpr const char* kYesNo = N_("Chọn Có hoặc Không");
// clang-format on

constexpr size_t kMaxGroupEntries = 100;  //!< Same bound as answers.cpp: entries past it are not read.
constexpr size_t kMaxMoneyDigits = 15;
constexpr size_t kMaxNumberChars = 32;
constexpr size_t kYearDigits = 4;
constexpr size_t kDayMonthMaxDigits = 2;
constexpr int kExactDoubleBits = 53;

void Add(std::vector<FieldError>& errors, std::string field, const char* message) {
  errors.push_back(FieldError{std::move(field), message});
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

namespace {

//! The form's inputs by name (the first of repeated names wins, as a browser sends one value per input).
using Inputs = std::unordered_map<std::string, std::string>;

//! Reads inputs named from one prefix ("ten" or "con[0].ten") into answers, raw texts and errors.
class InputReader {
 public:
  InputReader(const Inputs& inputs, PageInput& out) : inputs_(inputs), out_(out) {}

  //! The trimmed text of input `name` ("" when absent), remembered as typed for redisplay.
  std::string Text(const std::string& name) {
    const auto it = inputs_.find(name);
    if (it == inputs_.end()) {
      return {};
    }
    out_.raw.emplace_back(name, it->second);
    return std::string(Trim(it->second));
  }

  //! Reads field `f` under input name `name` into `answers` (nothing when every input of it is empty).
  void Read(const FieldDef& f, const std::string& name, json::object& answers) {
    switch (f.type) {
      case FieldType::kDate:
        ReadDate(f, name, answers);
        return;
      case FieldType::kNumber:
      case FieldType::kMoney:
        ReadNumber(f, name, answers);
        return;
      case FieldType::kYesNo: {
        const std::string t = Text(name);
        if (t == "co" || t == "khong") {
          answers[f.id] = t == "co";
        } else if (!t.empty()) {
          Add(out_.errors, name, kYesNo);
        }
        return;
      }
      case FieldType::kAddress: {
        json::object address;
        for (const std::string_view part : {"province", "district", "commune", "detail"}) {
          const std::string t = Text(name + "." + std::string(part));
          if (!t.empty()) {
            address[part] = t;
          }
        }
        if (!address.empty()) {
          answers[f.id] = std::move(address);
        }
        return;
      }
      case FieldType::kGroup:
        ReadGroup(f, name, answers);
        return;
      case FieldType::kIdNumber: {
        std::string t = Text(name);
        std::erase_if(t, [](char c) { return c == ' ' || c == '.' || c == '-'; });
        if (!t.empty()) {
          answers[f.id] = t;
        }
        return;
      }
      default: {
        const std::string t = Text(name);
        if (!t.empty()) {
          answers[f.id] = t;
        }
        return;
      }
    }
  }

 private:
  void ReadDate(const FieldDef& f, const std::string& name, json::object& answers) {
    const std::string day = Text(name + "-day");
    const std::string month = Text(name + "-month");
    const std::string year = Text(name + "-year");
    if (day.empty() && month.empty() && year.empty()) {
      return;
    }
    if (day.empty() || month.empty() || year.empty()) {
      Add(out_.errors, name, kDateIncomplete);
      return;
    }
    const auto digits = [](const std::string& s, size_t max) {
      return !s.empty() && s.size() <= max &&
             std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(day, kDayMonthMaxDigits) || !digits(month, kDayMonthMaxDigits) || year.size() != kYearDigits ||
        !digits(year, kYearDigits)) {
      Add(out_.errors, name, kDateShape);
      return;
    }
    const std::string iso = fmt::format("{}-{:0>2}-{:0>2}", year, month, day);
    if (!VietnamDayStart(iso, 0)) {
      Add(out_.errors, name, kDateShape);
      return;
    }
    answers[f.id] = iso;
  }

  void ReadNumber(const FieldDef& f, const std::string& name, json::object& answers) {
    const std::string t = Text(name);
    if (t.empty()) {
      return;
    }
    const bool money = f.type == FieldType::kMoney;
    std::string clean;
    const bool comma = t.find(',') != std::string::npos;
    const size_t dots = static_cast<size_t>(std::count(t.begin(), t.end(), '.'));
    for (const char c : t) {
      if (c == ' ' || (c == '.' && (money || comma || dots > 1)) || (money && c == ',')) {
        continue;  // thousands separators
      }
      clean += c == ',' ? '.' : c;
    }
    if (money) {
      const bool ok = !clean.empty() && clean.size() <= kMaxMoneyDigits &&
                      std::all_of(clean.begin(), clean.end(), [](char c) { return c >= '0' && c <= '9'; });
      int64_t amount = 0;
      if (!ok || std::from_chars(clean.data(), clean.data() + clean.size(), amount).ec != std::errc()) {
        Add(out_.errors, name, kMoneyShape);
        return;
      }
      answers[f.id] = amount;
      return;
    }
    const bool shape = !clean.empty() && clean.size() <= kMaxNumberChars &&
                       std::all_of(clean.begin(), clean.end(),
                                   [](char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-'; }) &&
                       clean.find('-', 1) == std::string::npos;
    double value = 0;
    const auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (!shape || ec != std::errc() || ptr != clean.data() + clean.size() || !std::isfinite(value)) {
      Add(out_.errors, name, kNumberShape);
      return;
    }
    if (value == std::floor(value) && std::fabs(value) < static_cast<double>(int64_t{1} << kExactDoubleBits)) {
      answers[f.id] = static_cast<int64_t>(value);
    } else {
      answers[f.id] = value;
    }
  }

  void ReadGroup(const FieldDef& f, const std::string& name, json::object& answers) {
    // Entry indices present in the inputs ("con[3].ten"), in order; empty entries are dropped and the rest
    // numbered again from 0, so a blank "add another" row disappears.
    std::map<size_t, bool> indices;
    const std::string open = name + "[";
    for (const auto& [input, value] : inputs_) {
      if (!input.starts_with(open)) {
        continue;
      }
      const size_t close = input.find(']', open.size());
      size_t i = 0;
      const char* first = input.data() + open.size();
      const char* last = input.data() + (close == std::string::npos ? open.size() : close);
      const auto [ptr, ec] = std::from_chars(first, last, i);
      if (close != std::string::npos && ec == std::errc() && ptr == last && i < kMaxGroupEntries) {
        indices[i] = true;
      }
    }
    json::array entries;
    for (const auto& [i, unused] : indices) {
      const std::string prefix = name + "[" + std::to_string(i) + "].";
      const std::string renamed = name + "[" + std::to_string(entries.size()) + "].";
      json::object entry;
      const size_t errors_before = out_.errors.size();
      for (const FieldDef& sub : f.fields) {
        Read(sub, prefix + sub.id, entry);
      }
      for (size_t e = errors_before; e < out_.errors.size(); ++e) {
        out_.errors[e].field = renamed + out_.errors[e].field.substr(prefix.size());
      }
      if (!entry.empty() || out_.errors.size() > errors_before) {
        entries.push_back(std::move(entry));
      }
    }
    if (!entries.empty()) {
      answers[f.id] = std::move(entries);
    }
  }

  const Inputs& inputs_;
  PageInput& out_;
};

}  // namespace

PageInput ReadPageInput(const PageDef& page, const std::vector<std::pair<std::string, std::string>>& form) {
  Inputs inputs;
  for (const auto& [name, value] : form) {
    inputs.emplace(name, value);
  }
  PageInput out;
  InputReader reader(inputs, out);
  for (const FieldDef& f : page.fields) {
    reader.Read(f, f.id, out.answers);
  }
  return out;
}

}  // namespace motcua::domain
