#pragma once
//! Who may do what: roles, the signed-in principal, route permissions and object-level checks. One place,
//! pure functions, default deny. Every handler reaches its data only through a decision made here.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"

namespace motcua::domain {

//! Officer and administrator roles (DOMAIN.md §9).
enum class Role {
  kDeskOfficer,       //!< Cán bộ một cửa: receives, asks for supplements, returns results, helps citizens.
  kSpecialist,        //!< Chuyên viên thụ lý: processes dossiers.
  kSectionHead,       //!< Lãnh đạo phòng: reviews.
  kAgencyHead,        //!< Lãnh đạo đơn vị: signs.
  kClerk,             //!< Văn thư: numbers and issues documents.
  kAgencyAdmin,       //!< Quản trị đơn vị: manages the officers of an agency and the agencies below it.
  kSystemAdmin,       //!< Quản trị hệ thống: everything, everywhere.
  kStatisticsViewer,  //!< Xem thống kê: reports of an agency and the agencies below it.
};

//! Every role, in display order.
inline constexpr Role kAllRoles[] = {Role::kDeskOfficer, Role::kSpecialist,      Role::kSectionHead,
                                     Role::kAgencyHead,  Role::kClerk,           Role::kAgencyAdmin,
                                     Role::kSystemAdmin, Role::kStatisticsViewer};

//! The stored name of a role ("desk_officer").
std::string_view RoleCode(Role role);
//! The role stored as `code`, if any.
std::optional<Role> ParseRole(std::string_view code);
//! The Vietnamese name of a role (a message id).
const char* RoleName(Role role);

//! One role held at one agency, for some fields or all.
struct Grant {
  Role role = Role::kDeskOfficer;   //!< The role.
  std::string agency_code;          //!< Where; the scope is this agency and every agency below it.
  std::vector<std::string> fields;  //!< Field codes of responsibility; empty means all fields.
};

//! Who is asking: nobody (anonymous) or one signed-in account with its grants.
struct Principal {
  int64_t user_id = 0;           //!< 0 when anonymous.
  std::string name;              //!< Full name, for the header and the journal.
  bool has_personal_id = false;  //!< A person registered with a personal ID number (may act as a citizen).
  std::vector<Grant> grants;     //!< Officer and administrator roles.

  //! True when someone is signed in.
  bool signed_in() const { return user_id != 0; }
  //! True when the account holds `role` at any agency.
  bool Has(Role role) const;
  //! True when the account holds any officer or administrator role.
  bool IsOfficer() const { return !grants.empty(); }
};

//! What a route requires of the caller. Each route names exactly one; there is no default.
enum class Permission {
  kPublic,              //!< Anyone, signed in or not.
  kSignedIn,            //!< Any signed-in account.
  kCitizen,             //!< A person account with a personal ID number (citizens, representatives).
  kOfficer,             //!< Any officer or administrator role.
  kAssistCitizens,      //!< Desk officers: create citizens' accounts at the counter, see their details.
  kAdministerOfficers,  //!< Agency and system administrators: officers, roles, passwords, tokens.
  kViewAudit,           //!< System administrators: the audit journal and every session.
  kViewMetrics,         //!< /metrics: system administrators and statistics viewers (a monitoring system's token).
};

//! The stored/printed name of a permission ("assist_citizens").
std::string_view PermissionCode(Permission permission);

//! The outcome of a route-level check.
enum class Decision {
  kAllow,      //!< Go on.
  kSignIn,     //!< Nobody is signed in: send them to the sign-in page.
  kForbidden,  //!< Signed in, but this account may not.
};

//! Whether `principal` may use a route that requires `permission`.
Decision Authorize(const Principal& principal, Permission permission);

//! True when agency `code` is `root` or below it in the agency tree of `catalogue`.
bool InSubtree(const Catalogue& catalogue, std::string_view root, std::string_view code);

//! True when `principal` holds `role` at `agency_code` or at an agency above it.
bool HasRoleOver(const Principal& principal, const Catalogue& catalogue, Role role, std::string_view agency_code);

//! True when `principal` may manage an officer who holds `target` grants (every one of them in the
//! administrator's scope; an account without grants only by a system administrator).
bool CanManageOfficer(const Principal& principal, const Catalogue& catalogue, const std::vector<Grant>& target);

//! True when `principal` may give `role` at `agency_code` (system administrators: anything; agency
//! administrators: roles other than system administrator, inside their scope).
bool CanGrant(const Principal& principal, const Catalogue& catalogue, Role role, std::string_view agency_code);

//! What the counter knows about the account a desk officer would act on.
struct AssistTarget {
  std::vector<Grant> grants;        //!< Its officer and administrator roles.
  bool created_at_counter = false;  //!< Created by an officer at the counter (an assisted account).
  bool never_signed_in = false;     //!< Still pending, or its holder has never signed in.
};

//! True when `principal` may act for the person whose account is `target` at the counter (see its details, issue
//! it a one-time code). Accounts with officer roles are managed by administrators only, so a desk officer can never
//! take over an administrator's account; a desk officer acts only on accounts the counter created or whose holder
//! has never signed in, so that an account its holder runs alone cannot be taken over at a desk (issue 8).
//! System administrators may act on any person's account.
bool CanAssist(const Principal& principal, const AssistTarget& target);

//! True when `principal` owns the object of account `owner_id` (sessions, organisations, later dossiers).
bool Owns(const Principal& principal, int64_t owner_id);

//! True when `principal` may see a filed dossier of agency `agency_code`: an officer holding a role that handles
//! dossiers (desk officer, specialist, section head, agency head, clerk) there or at an agency above it, or a system
//! administrator. Administrators of officers and statistics viewers see no dossier; drafts are never seen this way.
bool CanSeeDossier(const Principal& principal, const Catalogue& catalogue, std::string_view agency_code);

//! The agencies whose officers `principal` may administer: empty optional = all; else the roots of the scope.
std::optional<std::vector<std::string>> AdministeredAgencies(const Principal& principal);

}  // namespace motcua::domain
