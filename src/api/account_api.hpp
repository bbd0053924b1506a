#pragma once
//! API endpoints about the calling account (bearer token).

#include "access/auth.hpp"

namespace motcua::api {

//! Registers GET /api/v1/me.
void AddAccountApi(access::RouteTable& routes);

}  // namespace motcua::api
