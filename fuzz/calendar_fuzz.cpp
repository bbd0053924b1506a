// libFuzzer target: times typed by people ("YYYY-MM-DD HH:MM", the CLI's --from and the calendar page) must never
// crash the parser; what parses formats back to the same text (with a space), its lunar date converts back to the
// same day, and any deadline computed from it is a working day at or after the receipt.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/lunar.hpp"
#include "domain/work_calendar.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using motcua::domain::LocalDateTime;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)motcua::domain::ParseDayKind(text);
  constexpr size_t kTimeLength = 16;
  const std::optional<LocalDateTime> t = motcua::domain::ParseLocal(text.substr(0, kTimeLength));
  if (!t) {
    return 0;
  }
  std::string normal(text.substr(0, kTimeLength));
  constexpr size_t kSeparator = 10;
  normal[kSeparator] = ' ';
  if (motcua::domain::FormatLocal(*t) != normal) {
    std::abort();
  }
  if (const auto lunar = motcua::domain::ToLunar(t->date)) {
    const auto back = motcua::domain::FromLunar(*lunar);
    if (!back || back->year != t->date.year || back->month != t->date.month || back->day != t->date.day) {
      std::abort();
    }
  }
  static const motcua::domain::WorkCalendar calendar;
  const int32_t days = size > kTimeLength ? static_cast<int32_t>(data[kTimeLength]) + 1 : 1;
  const auto due = calendar.Due(*t, days, motcua::domain::TimeUnit::kWorkingDay, motcua::domain::OfficeHours{});
  if (!due || !calendar.IsWorkingDay(due->date) || *due < *t) {
    std::abort();
  }
  return 0;
}
