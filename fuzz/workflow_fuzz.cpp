// libFuzzer target: ParseWorkflow never crashes or throws on any text, every refusal names a JSON path, and an accepted
// workflow written with ToJson reads back to the same text (the admin page's textarea round trip).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/workflow.hpp"

namespace {

//! Office minutes of a 10-working-day limit, shared out by StepAllotments.
constexpr int64_t kTotalMinutes = 4500;

void Require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const motcua::domain::Result<motcua::domain::Workflow> r = motcua::domain::ParseWorkflow(input);
  if (!r.ok()) {
    Require(!r.error().fields.empty());
    for (const motcua::domain::FieldError& e : r.error().fields) {
      Require(!e.field.empty() && !e.message.empty());
    }
    return 0;
  }
  Require(!r->steps.empty() && r->steps.size() <= motcua::domain::kMaxWorkflowSteps);
  int64_t total = 0;
  for (const int64_t m : motcua::domain::StepAllotments(*r, kTotalMinutes)) {
    Require(m >= 0);
    total += m;
  }
  Require(total == kTotalMinutes);
  const std::string text = motcua::domain::ToJson(*r);
  const motcua::domain::Result<motcua::domain::Workflow> again = motcua::domain::ParseWorkflow(text);
  Require(again.ok());
  Require(motcua::domain::ToJson(*again) == text);
  return 0;
}
