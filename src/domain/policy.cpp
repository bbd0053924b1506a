#include "domain/policy.hpp"

#include <algorithm>
#include <iterator>

#include "domain/messages.hpp"

namespace motcua::domain {

namespace {

struct RoleInfo {
  Role role;
  std::string_view code;
  const char* name;
};

constexpr RoleInfo kRoles[] = {
    {Role::kDeskOfficer, "desk_officer", N_("Cán bộ một cửa")},
    {Role::kSpecialist, "specialist", N_("Chuyên viên thụ lý")},
    {Role::kSectionHead, "section_head", N_("Lãnh đạo phòng")},
    {Role::kAgencyHead, "agency_head", N_("Lãnh đạo đơn vị")},
    {Role::kClerk, "clerk", N_("Văn thư")},
    {Role::kAgencyAdmin, "agency_admin", N_("Quản trị đơn vị")},
    {Role::kSystemAdmin, "system_admin", N_("Quản trị hệ thống")},
    {Role::kStatisticsViewer, "statistics_viewer", N_("Xem thống kê")},
};

const RoleInfo& Info(Role role) {
  for (const RoleInfo& r : kRoles) {
    if (r.role == role) {
      return r;
    }
  }
  return kRoles[0];  // unreachable: every enumerator is in the table (tested)
}

//! The deepest walk up the agency tree; deeper means a cycle in the data.
constexpr int32_t kMaxTreeDepth = 64;

}  // namespace

std::string_view RoleCode(Role role) { return Info(role).code; }

std::optional<Role> ParseRole(std::string_view code) {
  for (const RoleInfo& r : kRoles) {
    if (r.code == code) {
      return r.role;
    }
  }
  return std::nullopt;
}

const char* RoleName(Role role) { return Info(role).name; }

bool Principal::Has(Role role) const {
  return std::any_of(grants.begin(), grants.end(), [role](const Grant& g) { return g.role == role; });
}

std::string_view PermissionCode(Permission permission) {
  switch (permission) {
    case Permission::kPublic:
      return "public";
    case Permission::kSignedIn:
      return "signed_in";
    case Permission::kCitizen:
      return "citizen";
    case Permission::kOfficer:
      return "officer";
    case Permission::kAssistCitizens:
      return "assist_citizens";
    case Permission::kAdministerOfficers:
      return "administer_officers";
    case Permission::kViewAudit:
      return "view_audit";
    case Permission::kViewMetrics:
      return "view_metrics";
  }
  return "unknown";
}

Decision Authorize(const Principal& principal, Permission permission) {
  if (permission == Permission::kPublic) {
    return Decision::kAllow;
  }
  if (!principal.signed_in()) {
    return Decision::kSignIn;
  }
  bool allowed = false;
  switch (permission) {
    case Permission::kPublic:
    case Permission::kSignedIn:
      allowed = true;
      break;
    case Permission::kCitizen:
      allowed = principal.has_personal_id;
      break;
    case Permission::kOfficer:
      allowed = principal.IsOfficer();
      break;
    case Permission::kAssistCitizens:
      allowed = principal.Has(Role::kDeskOfficer) || principal.Has(Role::kSystemAdmin);
      break;
    case Permission::kAdministerOfficers:
      allowed = principal.Has(Role::kAgencyAdmin) || principal.Has(Role::kSystemAdmin);
      break;
    case Permission::kViewAudit:
      allowed = principal.Has(Role::kSystemAdmin);
      break;
    case Permission::kViewMetrics:
      // A monitoring system scrapes with the token of an account holding only the statistics-viewer role.
      allowed = principal.Has(Role::kSystemAdmin) || principal.Has(Role::kStatisticsViewer);
      break;
  }
  return allowed ? Decision::kAllow : Decision::kForbidden;
}

bool InSubtree(const Catalogue& catalogue, std::string_view root, std::string_view code) {
  std::string_view current = code;
  for (int32_t depth = 0; depth < kMaxTreeDepth && !current.empty(); ++depth) {
    if (current == root) {
      return true;
    }
    const Agency* agency = catalogue.FindAgency(current);
    if (agency == nullptr) {
      return false;
    }
    current = agency->parent_code;
  }
  return false;
}

bool HasRoleOver(const Principal& principal, const Catalogue& catalogue, Role role, std::string_view agency_code) {
  return std::any_of(principal.grants.begin(), principal.grants.end(), [&](const Grant& g) {
    return g.role == role && InSubtree(catalogue, g.agency_code, agency_code);
  });
}

bool CanManageOfficer(const Principal& principal, const Catalogue& catalogue, const std::vector<Grant>& target) {
  if (principal.Has(Role::kSystemAdmin)) {
    return true;
  }
  if (target.empty()) {
    return false;
  }
  // An agency administrator never manages a system administrator, nor anyone with a role outside the scope.
  return std::all_of(target.begin(), target.end(), [&](const Grant& g) {
    return g.role != Role::kSystemAdmin && HasRoleOver(principal, catalogue, Role::kAgencyAdmin, g.agency_code);
  });
}

bool CanGrant(const Principal& principal, const Catalogue& catalogue, Role role, std::string_view agency_code) {
  if (catalogue.FindAgency(agency_code) == nullptr) {
    return false;
  }
  if (principal.Has(Role::kSystemAdmin)) {
    return true;
  }
  return role != Role::kSystemAdmin && HasRoleOver(principal, catalogue, Role::kAgencyAdmin, agency_code);
}

bool CanAssist(const Principal& principal, const AssistTarget& target) {
  if (Authorize(principal, Permission::kAssistCitizens) != Decision::kAllow || !target.grants.empty()) {
    return false;
  }
  return principal.Has(Role::kSystemAdmin) || target.created_at_counter || target.never_signed_in;
}

bool CanSeeDossier(const Principal& principal, const Catalogue& catalogue, std::string_view agency_code) {
  if (principal.Has(Role::kSystemAdmin)) {
    return true;
  }
  constexpr Role kHandlers[] = {Role::kDeskOfficer, Role::kSpecialist, Role::kSectionHead, Role::kAgencyHead,
                                Role::kClerk};
  return std::any_of(std::begin(kHandlers), std::end(kHandlers),
                     [&](Role role) { return HasRoleOver(principal, catalogue, role, agency_code); });
}

bool Owns(const Principal& principal, int64_t owner_id) {
  return principal.signed_in() && owner_id == principal.user_id;
}

std::optional<std::vector<std::string>> AdministeredAgencies(const Principal& principal) {
  if (principal.Has(Role::kSystemAdmin)) {
    return std::nullopt;
  }
  std::vector<std::string> roots;
  for (const Grant& g : principal.grants) {
    if (g.role == Role::kAgencyAdmin) {
      roots.push_back(g.agency_code);
    }
  }
  return roots;
}

}  // namespace motcua::domain
