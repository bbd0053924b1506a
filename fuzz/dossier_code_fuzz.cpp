// libFuzzer target: dossier codes and lookup secrets come from URLs and the lookup form, so parsing must never crash;
// whatever parses formats back to a code that parses to the same parts, and a normalised secret holds only letters
// of the code alphabet.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/dossier.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string secret = motcua::domain::NormaliseSecret(text);
  for (const char c : secret) {
    if (motcua::domain::kCodeAlphabet.find(c) == std::string_view::npos) {
      std::abort();
    }
  }
  const auto parts = motcua::domain::ParseDossierCode(text);
  if (!parts) {
    return 0;
  }
  const std::string code = motcua::domain::FormatDossierCode(parts->agency_code, parts->day, parts->sequence);
  const auto again = motcua::domain::ParseDossierCode(code);
  if (!again || again->agency_code != parts->agency_code || again->sequence != parts->sequence ||
      again->day.year != parts->day.year || again->day.month != parts->day.month || again->day.day != parts->day.day) {
    std::abort();
  }
  return 0;
}
