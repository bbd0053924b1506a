#pragma once
//! JSON API under /api/v1: procedures, fields, agencies, administrative units; and the OpenAPI document.

#include "access/auth.hpp"
#include "http/router.hpp"
#include "service/catalogue.hpp"

namespace motcua::api {

//! Registers the catalogue API routes and /api/openapi.json (read from `openapi_path`).
void AddCatalogueApi(access::RouteTable& routes, const service::CatalogueHolder& site, const std::string& openapi_path);

}  // namespace motcua::api
