#pragma once
//! Processing workflows as versioned data: the steps a dossier goes through after reception (reception → specialist
//! → head of section → head of agency (signs) → clerk → return), who acts at each, its share of the time limit, the
//! actions allowed there and where each leads. Read from JSON, checked strictly (an unreachable step or a path that
//! never ends is refused), with a sensible default per level. Pure C++, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/policy.hpp"
#include "domain/processing.hpp"
#include "domain/result.hpp"

namespace motcua::domain {

//! Most steps a workflow may have.
inline constexpr size_t kMaxWorkflowSteps = 32;
//! Largest workflow JSON text accepted.
inline constexpr size_t kMaxWorkflowBytes = size_t{64} * 1024;

//! One step of a workflow.
struct WorkflowStep {
  std::string id;                     //!< Unique in the workflow: [a-z][a-z0-9_]{0,31}, e.g. "specialist".
  std::string name;                   //!< What officers call it, e.g. "Chuyên viên thụ lý".
  Role role = Role::kSpecialist;      //!< Who acts at this step.
  int32_t share_percent = 0;          //!< Its share of the time limit (all steps together: 100).
  std::vector<OfficeAction> actions;  //!< What may be done here (the state machine still has the last word).
  std::vector<std::string> next;      //!< Steps a forward or approval may lead to (first = the usual one); empty
                                      //!< for the final step (the result is recorded / returned there).
  bool final = false;                 //!< The result is recorded or returned here; the path ends.
  std::string agency_code;            //!< "" = the agency handling the dossier; else the agency that acts here
                                      //!< (an inter-agency step: the dossier is transferred there for it).
};

//! A workflow, one published version of it.
struct Workflow {
  std::string key;                  //!< What it applies to: a procedure code, or "default:<level>" (Level text).
  int32_t version = 0;              //!< Published version (0 before publishing).
  std::string name;                 //!< e.g. "Quy trình mặc định cấp xã".
  std::vector<WorkflowStep> steps;  //!< The first is where an accepted dossier goes; order as shown.

  //! The step `id`, or null.
  const WorkflowStep* Find(std::string_view id) const;
  //! The step a forward from `id` goes to by default (its first `next`), or null at a final step.
  const WorkflowStep* NextOf(std::string_view id) const;
};

//! `json_text` read and checked: ids well formed and unique; roles known; shares 0–100 summing to 100; actions
//! known; `next` naming existing steps; at least one final step; every step reachable from the first; from every
//! step a final step reachable; bounded sizes (≤ kMaxWorkflowSteps). kInvalid with every fault in `fields`
//! (field = the JSON path, e.g. "steps[2].next[0]"; message = a Vietnamese message id, values via MessageWith).
Result<Workflow> ParseWorkflow(std::string_view json_text);
//! The JSON text of `workflow` (ParseWorkflow of it gives it back).
std::string ToJson(const Workflow& workflow);

//! The default workflow of an agency at `level` (steps suited to a commune, a department, …), version 0.
Workflow DefaultWorkflow(Level level);
//! The key of the default workflow of `level` ("default:commune").
std::string DefaultWorkflowKey(Level level);

//! Each step's office minutes of a dossier's `total_minutes` (by share_percent; the last step gets the rounding).
std::vector<int64_t> StepAllotments(const Workflow& workflow, int64_t total_minutes);

}  // namespace motcua::domain
