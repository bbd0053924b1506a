#pragma once
//! API endpoints about the calling account (bearer token).

#include "web/auth.hpp"

namespace motcua::api {

//! Registers GET /api/v1/me.
void AddAccountApi(web::RouteTable& routes);

}  // namespace motcua::api
