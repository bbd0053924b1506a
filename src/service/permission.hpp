#pragma once
//! The route-level permission, checked again by the service operation itself: an operation is safe to call from
//! any caller (a page, the API, a batch job), not only behind the route table's guard.

#include <optional>

#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "domain/result.hpp"
#include "service/actor.hpp"

namespace motcua::service {

//! kForbidden when `actor` does not hold `permission`; nothing when it does.
inline std::optional<domain::Error> RefuseUnless(const Actor& actor, domain::Permission permission) {
  if (domain::Authorize(actor.principal, permission) == domain::Decision::kAllow) {
    return std::nullopt;
  }
  return domain::Error::Of(domain::ErrorKind::kForbidden, domain::N_("Bạn không có quyền dùng trang này."));
}

}  // namespace motcua::service
