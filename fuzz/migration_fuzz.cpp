// libFuzzer target: reading a migration's text never crashes; every statement SplitStatements returns is a
// non-empty, trimmed slice of the input, in order, without overlaps; a directive is read or refused, never both.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "store/migration_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const char* end_of_last = input.data();
  for (const std::string_view statement : motcua::store::SplitStatements(input)) {
    const bool inside = statement.data() >= input.data() && statement.data() + statement.size() <= input.data() + size;
    if (statement.empty() || !inside || statement.data() < end_of_last || statement.front() == ' ' ||
        statement.back() == ' ') {
      std::abort();
    }
    end_of_last = statement.data() + statement.size();
  }
  try {
    motcua::store::ReadDirectives(input);
  } catch (const std::invalid_argument&) {
    return 0;  // an unknown directive word, refused with a message
  }
  return 0;
}
