#pragma once
//! JSON API under /api/v1: procedures, fields, agencies, administrative units; and the OpenAPI document.

#include "http/router.hpp"
#include "web/site.hpp"

namespace motcua::api {

//! Registers the catalogue API routes and /api/openapi.json (read from `openapi_path`).
void AddCatalogueApi(web::RouteTable& routes, const web::Site& site, const std::string& openapi_path);

}  // namespace motcua::api
