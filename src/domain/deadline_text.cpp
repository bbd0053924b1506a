#include "domain/deadline_text.hpp"

#include <cctype>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

//! Stands for a decimal separator between digits, so that folding (which drops punctuation) keeps "120,00" whole.
constexpr char kDecimalMark = 'p';

//! A number followed by its unit, found at word `at`.
struct Found {
  size_t at = 0;  // index of the number's word
  Deadline deadline;
};

//! The folded words of `text`, with "120,00" kept as one word "120p00".
std::vector<std::string> Words(std::string_view text) {
  std::string marked(text);
  for (size_t i = 1; i + 1 < marked.size(); ++i) {
    const bool between_digits = std::isdigit(static_cast<unsigned char>(marked[i - 1])) != 0 &&
                                std::isdigit(static_cast<unsigned char>(marked[i + 1])) != 0;
    if (between_digits && (marked[i] == ',' || marked[i] == '.')) {
      marked[i] = kDecimalMark;
    }
  }
  return SplitList(Fold(marked), " ");
}

//! The value of a number word ("05" → 5, "120p5" → 120.5); nothing for any other word.
std::optional<double> NumberOf(const std::string& word) {
  const size_t mark = word.find(kDecimalMark);
  const std::string whole = word.substr(0, mark);
  const std::string fraction = mark == std::string::npos ? "" : word.substr(mark + 1);
  const auto digits_only = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  if (whole.empty() || !digits_only(whole) || !digits_only(fraction) ||
      (mark != std::string::npos && fraction.empty())) {
    return std::nullopt;
  }
  double value = 0;
  const std::string text = fraction.empty() ? whole : whole + "." + fraction;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

//! True when the words from `i` on are `phrase`.
bool At(const std::vector<std::string>& words, size_t i, std::initializer_list<std::string_view> phrase) {
  if (i + phrase.size() > words.size()) {
    return false;
  }
  size_t k = i;
  for (const std::string_view w : phrase) {
    if (words[k++] != w) {
      return false;
    }
  }
  return true;
}

//! The unit named from word `i` on, if any.
std::optional<TimeUnit> UnitAt(const std::vector<std::string>& words, size_t i) {
  if (At(words, i, {"ngay", "lam", "viec"})) {
    return TimeUnit::kWorkingDay;
  }
  if (At(words, i, {"ngay"})) {
    return TimeUnit::kDay;
  }
  if (At(words, i, {"gio"})) {
    return TimeUnit::kHour;
  }
  if (At(words, i, {"thang"})) {
    return TimeUnit::kMonth;
  }
  return std::nullopt;
}

//! True when the words just before `i` make the number an upper bound ("không quá", "tối đa").
bool UpperBoundBefore(const std::vector<std::string>& words, size_t i) {
  return (i >= 2 && At(words, i - 2, {"khong", "qua"})) || (i >= 2 && At(words, i - 2, {"toi", "da"}));
}

//! True when the words just before `i` introduce a time limit ("trong", "không quá", "tối đa", "thời hạn").
bool LimitBefore(const std::vector<std::string>& words, size_t i) {
  return UpperBoundBefore(words, i) || (i >= 1 && words[i - 1] == "trong") ||
         (i >= 2 && At(words, i - 2, {"thoi", "han"}));
}

//! The first number with a unit from word `from` on; with `limits_only`, only one a limit phrase introduces.
std::optional<Found> FirstAmount(const std::vector<std::string>& words, bool limits_only,
                                 std::optional<double> value = std::nullopt) {
  for (size_t i = 0; i < words.size(); ++i) {
    const auto number = NumberOf(words[i]);
    if (!number || (value && *number != *value) || (limits_only && !LimitBefore(words, i))) {
      continue;
    }
    if (const auto unit = UnitAt(words, i + 1)) {
      Deadline d;
      d.kind = DeadlineKind::kAmount;
      d.value = *number;
      d.unit = *unit;
      d.at_most = UpperBoundBefore(words, i);
      return Found{i, d};
    }
  }
  return std::nullopt;
}

//! The word where "trong ngày" (the same day, not "trong ngày làm việc tiếp theo") first appears.
std::optional<size_t> SameDayAt(const std::vector<std::string>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (At(words, i, {"trong", "ngay"}) && !At(words, i + 2, {"lam", "viec"})) {
      return i;
    }
  }
  return std::nullopt;
}

Deadline SameDay(bool from_steps) {
  Deadline d;
  d.kind = DeadlineKind::kSameDay;
  d.from_steps = from_steps;
  return d;
}

//! What the steps say the limit is: the earlier of "trong ngày" and a limit phrase with a unit.
std::optional<Deadline> FromSteps(const std::vector<std::string>& steps) {
  const auto same_day = SameDayAt(steps);
  auto amount = FirstAmount(steps, true);
  if (same_day && (!amount || *same_day < amount->at)) {
    return SameDay(true);
  }
  if (amount) {
    amount->deadline.from_steps = true;
    return amount->deadline;
  }
  return std::nullopt;
}

}  // namespace

Deadline ReadDeadline(std::string_view published, std::string_view steps) {
  const std::vector<std::string> words = Words(published);
  if (const auto amount = FirstAmount(words, false)) {
    return amount->deadline;
  }
  if (SameDayAt(words)) {
    return SameDay(false);
  }
  const std::vector<std::string> step_words = Words(steps);
  std::optional<double> bare;
  for (const std::string& w : words) {
    if ((bare = NumberOf(w))) {
      break;
    }
  }
  if (!bare || *bare <= 0) {
    return FromSteps(step_words).value_or(Deadline{});
  }
  if (auto same = FirstAmount(step_words, false, bare)) {
    same->deadline.from_steps = true;
    return same->deadline;
  }
  if (*bare == 1 && SameDayAt(step_words)) {
    return SameDay(true);
  }
  Deadline d;
  d.kind = DeadlineKind::kUnknownUnit;
  d.value = *bare;
  return d;
}

}  // namespace motcua::domain
