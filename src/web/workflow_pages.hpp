#pragma once
//! The system administrators' pages of processing workflows (/quan-tri/quy-trinh): every workflow with its versions,
//! one workflow as a table with its JSON to publish the next version, and a procedure's own workflow started from
//! its level's default.

#include "access/auth.hpp"
#include "service/workflows.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! Adds /quan-tri/quy-trinh and /quan-tri/quy-trinh/{key} (GET and POST each).
void AddWorkflowPages(access::RouteTable& routes, const Site& site, service::Workflows& workflows);

}  // namespace motcua::web
