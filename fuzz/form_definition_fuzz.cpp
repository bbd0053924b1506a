// libFuzzer target: ParseFormDefinition never crashes or throws on any text, every refusal names a JSON path, and an
// accepted definition written with ToJson reads back to the same JSON (the admin page and the API round trip).
#include <boost/json/serialize.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/form_definition.hpp"

namespace {

void Require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const motcua::domain::Result<motcua::domain::FormDefinition> r = motcua::domain::ParseFormDefinition(input);
  if (!r.ok()) {
    Require(!r.error().fields.empty());
    for (const motcua::domain::FieldError& e : r.error().fields) {
      Require(!e.field.empty() && !e.message.empty());
    }
    return 0;
  }
  Require(!r->pages.empty());
  const std::string text = boost::json::serialize(motcua::domain::ToJson(*r));
  const motcua::domain::Result<motcua::domain::FormDefinition> again = motcua::domain::ParseFormDefinition(text);
  Require(again.ok());
  Require(boost::json::serialize(motcua::domain::ToJson(*again)) == text);
  return 0;
}
