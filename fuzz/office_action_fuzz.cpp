// libFuzzer target: the strict readers of the back-office API bodies (ParseActionBody, ParseSupplyBody) never crash
// or throw on any text; every refusal is kInvalid with a message; an accepted action never names a file path, and a
// date-time it read prints back (VietnamIso) to a text it reads again as the same instant.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "api/office_action.hpp"

namespace {

void Require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace api = motcua::api;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto action = api::ParseActionBody(input);
  if (!action.ok()) {
    Require(action.error().kind == motcua::domain::ErrorKind::kInvalid);
    Require(!action.error().message.empty() ||
            (!action.error().fields.empty() && !action.error().fields.front().message.empty()));
  } else {
    Require(action->version >= 0 && action->fee_vnd >= 0);
    Require(action->result_file_path.empty() && action->items.size() <= api::kMaxSupplementItems);
    Require(action->action != motcua::domain::OfficeAction::kSupply);
    if (action->new_appointment) {
      Require(api::ParseIsoDateTime(api::VietnamIso(*action->new_appointment)) == action->new_appointment);
    }
  }
  const auto supply = api::ParseSupplyBody(input);
  Require(supply.ok() || supply.error().kind == motcua::domain::ErrorKind::kInvalid);
  if (const auto when = api::ParseIsoDateTime(input)) {
    Require(api::ParseIsoDateTime(api::VietnamIso(*when)) == when);
  }
  return 0;
}
