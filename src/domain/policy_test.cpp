//! The authorization policy: the permission × principal matrix, the agency tree, and the object-level checks
//! administrators and desk officers go through.
#include "domain/policy.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace motcua::domain {
namespace {

// A small province:            P
//                           /     \.
//                          D1      D2
//                          |       |
//                          C1      C2
// plus broken data: X and Y name each other as parent, S names itself, O names a parent that does not exist.
constexpr const char* kProvince = "000.00.00.H40";
constexpr const char* kDistrict1 = "000.00.01.H40";
constexpr const char* kCommune1 = "000.01.01.H40";
constexpr const char* kDistrict2 = "000.00.02.H40";
constexpr const char* kCommune2 = "000.02.01.H40";
constexpr const char* kCycleX = "000.00.90.H40";
constexpr const char* kCycleY = "000.00.91.H40";
constexpr const char* kSelfParent = "000.00.92.H40";
constexpr const char* kOrphan = "000.00.93.H40";
constexpr const char* kMissing = "000.00.99.H40";

Agency MakeAgency(std::string code, std::string parent, Level level) {
  Agency a;
  a.code = std::move(code);
  a.name = "Cơ quan " + a.code;
  a.short_name = a.code;
  a.parent_code = std::move(parent);
  a.level = level;
  return a;
}

const Catalogue& Tree() {
  static const Catalogue catalogue({}, {},
                                   {
                                       MakeAgency(kProvince, "", Level::kProvince),
                                       MakeAgency(kDistrict1, kProvince, Level::kDistrict),
                                       MakeAgency(kCommune1, kDistrict1, Level::kCommune),
                                       MakeAgency(kDistrict2, kProvince, Level::kDistrict),
                                       MakeAgency(kCommune2, kDistrict2, Level::kCommune),
                                       MakeAgency(kCycleX, kCycleY, Level::kDistrict),
                                       MakeAgency(kCycleY, kCycleX, Level::kDistrict),
                                       MakeAgency(kSelfParent, kSelfParent, Level::kDistrict),
                                       MakeAgency(kOrphan, kMissing, Level::kCommune),
                                   },
                                   1);
  return catalogue;
}

constexpr Permission kAllPermissions[] = {
    Permission::kPublic,         Permission::kSignedIn,           Permission::kCitizen,   Permission::kOfficer,
    Permission::kAssistCitizens, Permission::kAdministerOfficers, Permission::kViewAudit, Permission::kViewMetrics,
};

Principal Anonymous() { return Principal{}; }

Principal Citizen() {
  Principal p;
  p.user_id = 1;
  p.name = "Nguyễn Văn An";
  p.has_personal_id = true;
  return p;
}

//! Signed in, but neither a person with an ID number nor an officer (e.g. an officer whose roles were removed).
Principal Bare() {
  Principal p;
  p.user_id = 2;
  p.name = "Trần Thị Bình";
  return p;
}

//! An officer holding the given grants (no personal ID number).
Principal Officer(std::vector<Grant> grants) {
  Principal p;
  p.user_id = 10;
  p.name = "Lê Văn Cường";
  p.grants = std::move(grants);
  return p;
}

Principal Officer(Role role, std::string agency = kProvince) { return Officer({Grant{role, std::move(agency), {}}}); }

//! The principals of the matrix, by name.
const std::map<std::string, Principal>& Principals() {
  static const std::map<std::string, Principal> all = [] {
    std::map<std::string, Principal> m{{"anonymous", Anonymous()}, {"citizen", Citizen()}, {"bare", Bare()}};
    for (const Role role : kAllRoles) {
      m.emplace(std::string(RoleCode(role)), Officer(role));
    }
    return m;
  }();
  return all;
}

struct AuthorizeCase {
  const char* principal;
  Permission permission;
  Decision expected;
};

constexpr Decision kAllow = Decision::kAllow;
constexpr Decision kSignIn = Decision::kSignIn;
constexpr Decision kForbidden = Decision::kForbidden;

// clang-format off
const AuthorizeCase kAuthorizeCases[] = {
    {"anonymous",         Permission::kPublic,             kAllow},
    {"anonymous",         Permission::kSignedIn,           kSignIn},
    {"anonymous",         Permission::kCitizen,            kSignIn},
    {"anonymous",         Permission::kOfficer,            kSignIn},
    {"anonymous",         Permission::kAssistCitizens,     kSignIn},
    {"anonymous",         Permission::kAdministerOfficers, kSignIn},
    {"anonymous",         Permission::kViewAudit,          kSignIn},
    {"anonymous",         Permission::kViewMetrics,        kSignIn},
    {"citizen",           Permission::kPublic,             kAllow},
    {"citizen",           Permission::kSignedIn,           kAllow},
    {"citizen",           Permission::kCitizen,            kAllow},
    {"citizen",           Permission::kOfficer,            kForbidden},
    {"citizen",           Permission::kAssistCitizens,     kForbidden},
    {"citizen",           Permission::kAdministerOfficers, kForbidden},
    {"citizen",           Permission::kViewAudit,          kForbidden},
    {"citizen",           Permission::kViewMetrics,        kForbidden},
    {"bare",              Permission::kPublic,             kAllow},
    {"bare",              Permission::kSignedIn,           kAllow},
    {"bare",              Permission::kCitizen,            kForbidden},
    {"bare",              Permission::kOfficer,            kForbidden},
    {"bare",              Permission::kAssistCitizens,     kForbidden},
    {"bare",              Permission::kAdministerOfficers, kForbidden},
    {"bare",              Permission::kViewAudit,          kForbidden},
    {"bare",              Permission::kViewMetrics,        kForbidden},
    {"desk_officer",      Permission::kPublic,             kAllow},
    {"desk_officer",      Permission::kSignedIn,           kAllow},
    {"desk_officer",      Permission::kCitizen,            kForbidden},
    {"desk_officer",      Permission::kOfficer,            kAllow},
    {"desk_officer",      Permission::kAssistCitizens,     kAllow},
    {"desk_officer",      Permission::kAdministerOfficers, kForbidden},
    {"desk_officer",      Permission::kViewAudit,          kForbidden},
    {"desk_officer",      Permission::kViewMetrics,        kForbidden},
    {"specialist",        Permission::kPublic,             kAllow},
    {"specialist",        Permission::kSignedIn,           kAllow},
    {"specialist",        Permission::kCitizen,            kForbidden},
    {"specialist",        Permission::kOfficer,            kAllow},
    {"specialist",        Permission::kAssistCitizens,     kForbidden},
    {"specialist",        Permission::kAdministerOfficers, kForbidden},
    {"specialist",        Permission::kViewAudit,          kForbidden},
    {"specialist",        Permission::kViewMetrics,        kForbidden},
    {"section_head",      Permission::kPublic,             kAllow},
    {"section_head",      Permission::kSignedIn,           kAllow},
    {"section_head",      Permission::kCitizen,            kForbidden},
    {"section_head",      Permission::kOfficer,            kAllow},
    {"section_head",      Permission::kAssistCitizens,     kForbidden},
    {"section_head",      Permission::kAdministerOfficers, kForbidden},
    {"section_head",      Permission::kViewAudit,          kForbidden},
    {"section_head",      Permission::kViewMetrics,        kForbidden},
    {"agency_head",       Permission::kPublic,             kAllow},
    {"agency_head",       Permission::kSignedIn,           kAllow},
    {"agency_head",       Permission::kCitizen,            kForbidden},
    {"agency_head",       Permission::kOfficer,            kAllow},
    {"agency_head",       Permission::kAssistCitizens,     kForbidden},
    {"agency_head",       Permission::kAdministerOfficers, kForbidden},
    {"agency_head",       Permission::kViewAudit,          kForbidden},
    {"agency_head",       Permission::kViewMetrics,        kForbidden},
    {"clerk",             Permission::kPublic,             kAllow},
    {"clerk",             Permission::kSignedIn,           kAllow},
    {"clerk",             Permission::kCitizen,            kForbidden},
    {"clerk",             Permission::kOfficer,            kAllow},
    {"clerk",             Permission::kAssistCitizens,     kForbidden},
    {"clerk",             Permission::kAdministerOfficers, kForbidden},
    {"clerk",             Permission::kViewAudit,          kForbidden},
    {"clerk",             Permission::kViewMetrics,        kForbidden},
    {"agency_admin",      Permission::kPublic,             kAllow},
    {"agency_admin",      Permission::kSignedIn,           kAllow},
    {"agency_admin",      Permission::kCitizen,            kForbidden},
    {"agency_admin",      Permission::kOfficer,            kAllow},
    {"agency_admin",      Permission::kAssistCitizens,     kForbidden},
    {"agency_admin",      Permission::kAdministerOfficers, kAllow},
    {"agency_admin",      Permission::kViewAudit,          kForbidden},
    {"agency_admin",      Permission::kViewMetrics,        kForbidden},
    {"system_admin",      Permission::kPublic,             kAllow},
    {"system_admin",      Permission::kSignedIn,           kAllow},
    {"system_admin",      Permission::kCitizen,            kForbidden},
    {"system_admin",      Permission::kOfficer,            kAllow},
    {"system_admin",      Permission::kAssistCitizens,     kAllow},
    {"system_admin",      Permission::kAdministerOfficers, kAllow},
    {"system_admin",      Permission::kViewAudit,          kAllow},
    {"system_admin",      Permission::kViewMetrics,        kAllow},
    {"statistics_viewer", Permission::kPublic,             kAllow},
    {"statistics_viewer", Permission::kSignedIn,           kAllow},
    {"statistics_viewer", Permission::kCitizen,            kForbidden},
    {"statistics_viewer", Permission::kOfficer,            kAllow},
    {"statistics_viewer", Permission::kAssistCitizens,     kForbidden},
    {"statistics_viewer", Permission::kAdministerOfficers, kForbidden},
    {"statistics_viewer", Permission::kViewAudit,          kForbidden},
    {"statistics_viewer", Permission::kViewMetrics,        kAllow},
};
// clang-format on

TEST(Authorize, EveryPermissionForEveryKindOfPrincipal) {
  for (const AuthorizeCase& c : kAuthorizeCases) {
    const auto it = Principals().find(c.principal);
    ASSERT_NE(it, Principals().end()) << c.principal;
    EXPECT_EQ(Authorize(it->second, c.permission), c.expected)
        << c.principal << " asking for " << PermissionCode(c.permission);
  }
}

TEST(Authorize, TheMatrixNamesEveryPrincipalAndPermissionExactlyOnce) {
  std::set<std::pair<std::string, Permission>> seen;
  for (const AuthorizeCase& c : kAuthorizeCases) {
    EXPECT_TRUE(seen.emplace(c.principal, c.permission).second)
        << "twice: " << c.principal << " " << PermissionCode(c.permission);
  }
  for (const auto& [name, principal] : Principals()) {
    for (const Permission permission : kAllPermissions) {
      EXPECT_EQ(seen.count({name, permission}), 1U) << "missing: " << name << " " << PermissionCode(permission);
    }
  }
}

TEST(Authorize, ACitizenWhoIsAlsoAnOfficerHasBothKindsOfAccess) {
  Principal p = Officer(Role::kDeskOfficer);
  p.has_personal_id = true;
  EXPECT_EQ(Authorize(p, Permission::kCitizen), kAllow);
  EXPECT_EQ(Authorize(p, Permission::kAssistCitizens), kAllow);
  EXPECT_EQ(Authorize(p, Permission::kViewAudit), kForbidden);
}

TEST(Authorize, RolesAtAnyAgencyCountForRouteLevelChecks) {
  // Route-level checks ask only "does this account hold the role somewhere"; the object-level checks below scope it.
  EXPECT_EQ(Authorize(Officer(Role::kAgencyAdmin, kCommune2), Permission::kAdministerOfficers), kAllow);
  EXPECT_EQ(Authorize(Officer(Role::kDeskOfficer, kMissing), Permission::kAssistCitizens), kAllow);
}

TEST(Principal, SignedInHasAndIsOfficer) {
  EXPECT_FALSE(Anonymous().signed_in());
  EXPECT_FALSE(Anonymous().IsOfficer());
  EXPECT_TRUE(Citizen().signed_in());
  EXPECT_FALSE(Citizen().IsOfficer());
  const Principal p = Officer({{Role::kClerk, kDistrict1, {}}, {Role::kSpecialist, kCommune1, {"ho-tich"}}});
  EXPECT_TRUE(p.IsOfficer());
  EXPECT_TRUE(p.Has(Role::kClerk));
  EXPECT_TRUE(p.Has(Role::kSpecialist));
  EXPECT_FALSE(p.Has(Role::kDeskOfficer));
  EXPECT_FALSE(p.Has(Role::kSystemAdmin));
}

struct SubtreeCase {
  const char* root;
  const char* code;
  bool expected;
};

// clang-format off
const SubtreeCase kSubtreeCases[] = {
    {kProvince,   kProvince,   true},   // an agency is in its own subtree
    {kProvince,   kDistrict1,  true},
    {kProvince,   kCommune1,   true},
    {kProvince,   kCommune2,   true},
    {kDistrict1,  kCommune1,   true},
    {kDistrict1,  kDistrict1,  true},
    {kDistrict1,  kCommune2,   false},  // a cousin
    {kDistrict1,  kDistrict2,  false},  // a sibling
    {kDistrict1,  kProvince,   false},  // the parent is not below its child
    {kCommune1,   kDistrict1,  false},
    {kProvince,   kMissing,    false},  // unknown code
    {kMissing,    kProvince,   false},  // unknown root
    {kMissing,    kCommune1,   false},
    {kOrphan,     kOrphan,     true},
    {kMissing,    kOrphan,     true},   // the orphan's parent code is the root, even if that agency is gone
    {kProvince,   kOrphan,     false},  // the chain breaks at the missing parent
    {kProvince,   kCycleX,     false},  // a cycle in parent codes ends the walk
    {kProvince,   kCycleY,     false},
    {kProvince,   kSelfParent, false},
    {kCycleX,     kCycleY,     true},   // Y's parent is X
    {kSelfParent, kSelfParent, true},
    {"",          kProvince,   false},  // an empty root never matches, not even the top of the tree
    {"",          kCommune1,   false},
    {kProvince,   "",          false},
    {"",          "",          false},
};
// clang-format on

TEST(InSubtree, WalksUpTheAgencyTree) {
  for (const SubtreeCase& c : kSubtreeCases) {
    EXPECT_EQ(InSubtree(Tree(), c.root, c.code), c.expected) << "root '" << c.root << "', code '" << c.code << "'";
  }
}

TEST(InSubtree, EmptyCatalogueKnowsOnlyEquality) {
  const Catalogue empty({}, {}, {}, 1);
  EXPECT_TRUE(InSubtree(empty, kProvince, kProvince));
  EXPECT_FALSE(InSubtree(empty, kProvince, kDistrict1));
}

struct RoleOverCase {
  std::vector<Grant> grants;
  Role role;
  const char* agency;
  bool expected;
};

TEST(HasRoleOver, TheRoleMustBeHeldAtTheAgencyOrAbove) {
  // clang-format off
  const std::vector<RoleOverCase> cases = {
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kDeskOfficer, kDistrict1, true},
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kDeskOfficer, kCommune1,  true},
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kDeskOfficer, kCommune2,  false},
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kDeskOfficer, kProvince,  false},
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kSpecialist,  kCommune1,  false},
      {{{Role::kDeskOfficer, kDistrict1, {}}},                                        Role::kDeskOfficer, kMissing,   false},
      {{{Role::kSpecialist, kDistrict2, {}}, {Role::kDeskOfficer, kDistrict1, {}}},   Role::kDeskOfficer, kCommune1,  true},
      {{{Role::kSpecialist, kDistrict1, {}}, {Role::kDeskOfficer, kDistrict2, {}}},   Role::kDeskOfficer, kCommune1,  false},
      {{{Role::kSystemAdmin, kProvince, {}}},                                         Role::kDeskOfficer, kCommune1,  false},
      {{{Role::kAgencyAdmin, kProvince, {}}},                                         Role::kAgencyAdmin, kCommune2,  true},
      {{},                                                                            Role::kDeskOfficer, kProvince,  false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(HasRoleOver(Officer(cases[i].grants), Tree(), cases[i].role, cases[i].agency), cases[i].expected)
        << "case " << i;
  }
}

TEST(CanSeeDossier, OfficersWhoHandleDossiersThereOrAboveAndSystemAdministrators) {
  // clang-format off
  const std::vector<RoleOverCase> cases = {
      {{{Role::kDeskOfficer, kDistrict1, {}}},       Role::kDeskOfficer, kDistrict1, true},
      {{{Role::kDeskOfficer, kDistrict1, {}}},       Role::kDeskOfficer, kCommune1,  true},
      {{{Role::kDeskOfficer, kDistrict1, {}}},       Role::kDeskOfficer, kCommune2,  false},
      {{{Role::kDeskOfficer, kDistrict1, {}}},       Role::kDeskOfficer, kProvince,  false},
      {{{Role::kSpecialist, kProvince, {}}},         Role::kSpecialist,  kCommune2,  true},
      {{{Role::kSectionHead, kDistrict2, {}}},       Role::kSectionHead, kCommune2,  true},
      {{{Role::kAgencyHead, kDistrict2, {}}},        Role::kAgencyHead,  kDistrict1, false},
      {{{Role::kClerk, kCommune1, {}}},              Role::kClerk,       kCommune1,  true},
      {{{Role::kAgencyAdmin, kProvince, {}}},        Role::kAgencyAdmin, kCommune1,  false},
      {{{Role::kStatisticsViewer, kProvince, {}}},   Role::kStatisticsViewer, kCommune1, false},
      {{{Role::kSystemAdmin, kProvince, {}}},        Role::kSystemAdmin, kCommune2,  true},
      {{},                                           Role::kDeskOfficer, kCommune1,  false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(CanSeeDossier(Officer(cases[i].grants), Tree(), cases[i].agency), cases[i].expected) << "case " << i;
  }
}

struct ManageCase {
  Principal admin;
  std::vector<Grant> target;
  bool expected;
};

TEST(CanManageOfficer, SystemAdministratorsAnyoneAgencyAdministratorsOnlyInsideTheirScope) {
  const Principal system_admin = Officer(Role::kSystemAdmin);
  const Principal district_admin = Officer(Role::kAgencyAdmin, kDistrict1);
  const Principal province_admin = Officer(Role::kAgencyAdmin, kProvince);
  const Principal two_districts = Officer({{Role::kAgencyAdmin, kDistrict1, {}}, {Role::kAgencyAdmin, kDistrict2, {}}});
  const Principal mixed = Officer({{Role::kAgencyAdmin, kDistrict1, {}}, {Role::kDeskOfficer, kDistrict2, {}}});
  // clang-format off
  const std::vector<ManageCase> cases = {
      {system_admin,   {},                                                                  true},
      {system_admin,   {{Role::kSystemAdmin, kProvince, {}}},                               true},
      {system_admin,   {{Role::kDeskOfficer, kMissing, {}}},                                true},
      {district_admin, {},                                                                  false},  // only system admins
      {district_admin, {{Role::kDeskOfficer, kDistrict1, {}}},                              true},
      {district_admin, {{Role::kSpecialist, kCommune1, {"ho-tich"}}},                       true},
      {district_admin, {{Role::kAgencyAdmin, kDistrict1, {}}},                              true},
      {district_admin, {{Role::kDeskOfficer, kDistrict2, {}}},                              false},
      {district_admin, {{Role::kDeskOfficer, kProvince, {}}},                               false},
      {district_admin, {{Role::kDeskOfficer, kCommune1, {}}, {Role::kClerk, kCommune2, {}}}, false},  // every grant
      {district_admin, {{Role::kSystemAdmin, kCommune1, {}}},                               false},
      {district_admin, {{Role::kDeskOfficer, kCommune1, {}}, {Role::kSystemAdmin, kCommune1, {}}}, false},
      {district_admin, {{Role::kDeskOfficer, kMissing, {}}},                                false},
      {province_admin, {{Role::kDeskOfficer, kCommune1, {}}, {Role::kClerk, kCommune2, {}}}, true},
      {province_admin, {{Role::kSystemAdmin, kProvince, {}}},                               false},
      {province_admin, {{Role::kDeskOfficer, kCycleX, {}}},                                 false},
      {two_districts,  {{Role::kDeskOfficer, kCommune1, {}}, {Role::kClerk, kCommune2, {}}}, true},
      {mixed,          {{Role::kDeskOfficer, kCommune2, {}}},                               false},  // not admin there
      {Officer(Role::kDeskOfficer), {{Role::kDeskOfficer, kCommune1, {}}},                  false},
      {Citizen(),      {{Role::kDeskOfficer, kCommune1, {}}},                               false},
      {Anonymous(),    {{Role::kDeskOfficer, kCommune1, {}}},                               false},
      {Anonymous(),    {},                                                                  false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(CanManageOfficer(cases[i].admin, Tree(), cases[i].target), cases[i].expected) << "case " << i;
  }
}

struct GrantCase {
  Principal admin;
  Role role;
  const char* agency;
  bool expected;
};

TEST(CanGrant, AgencyAdministratorsGiveOrdinaryRolesInsideTheirScope) {
  const Principal system_admin = Officer(Role::kSystemAdmin);
  const Principal district_admin = Officer(Role::kAgencyAdmin, kDistrict1);
  // clang-format off
  const std::vector<GrantCase> cases = {
      {system_admin,   Role::kDeskOfficer,      kCommune2,  true},
      {system_admin,   Role::kSystemAdmin,      kProvince,  true},
      {system_admin,   Role::kAgencyAdmin,      kCommune1,  true},
      {system_admin,   Role::kDeskOfficer,      kMissing,   false},  // unknown agency: refused for everyone
      {system_admin,   Role::kSystemAdmin,      "",         false},
      {district_admin, Role::kDeskOfficer,      kDistrict1, true},
      {district_admin, Role::kSpecialist,       kCommune1,  true},
      {district_admin, Role::kAgencyAdmin,      kCommune1,  true},
      {district_admin, Role::kStatisticsViewer, kDistrict1, true},
      {district_admin, Role::kSystemAdmin,      kDistrict1, false},
      {district_admin, Role::kSystemAdmin,      kCommune1,  false},
      {district_admin, Role::kDeskOfficer,      kDistrict2, false},
      {district_admin, Role::kDeskOfficer,      kCommune2,  false},
      {district_admin, Role::kDeskOfficer,      kProvince,  false},
      {district_admin, Role::kDeskOfficer,      kMissing,   false},
      {Officer(Role::kAgencyAdmin, kMissing), Role::kDeskOfficer, kMissing, false},
      {Officer(Role::kAgencyAdmin, kOrphan),  Role::kDeskOfficer, kOrphan,  true},
      {Anonymous(),    Role::kDeskOfficer,      kCommune1,  false},
      {Citizen(),      Role::kDeskOfficer,      kCommune1,  false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(CanGrant(cases[i].admin, Tree(), cases[i].role, cases[i].agency), cases[i].expected) << "case " << i;
  }
}

TEST(CanGrant, OnlyAdministratorsGrantAtAll) {
  for (const Role holder : kAllRoles) {
    const bool admin = holder == Role::kAgencyAdmin || holder == Role::kSystemAdmin;
    for (const Role role : kAllRoles) {
      const bool expected = holder == Role::kSystemAdmin || (admin && role != Role::kSystemAdmin);
      EXPECT_EQ(CanGrant(Officer(holder), Tree(), role, kCommune1), expected)
          << RoleCode(holder) << " granting " << RoleCode(role);
    }
  }
}

struct AssistCase {
  Principal officer;
  AssistTarget target;
  bool expected;
};

//! A person's account the counter created.
AssistTarget Assisted(std::vector<Grant> grants = {}) { return AssistTarget{std::move(grants), true, false}; }
//! A person's account never signed in to (pending, or made by the identity service and not used yet).
AssistTarget NeverUsed() { return AssistTarget{{}, false, true}; }
//! A person's account its holder registered and signs in to alone.
AssistTarget SelfRun() { return AssistTarget{{}, false, false}; }

TEST(CanAssist, DeskOfficersHelpPeopleButNeverOfficers) {
  Principal officer_and_citizen = Officer(Role::kDeskOfficer, kCommune1);
  officer_and_citizen.has_personal_id = true;
  // clang-format off
  const std::vector<AssistCase> cases = {
      {Officer(Role::kDeskOfficer, kCommune1), Assisted(),                                         true},
      {Officer(Role::kDeskOfficer, kCommune1), Assisted({{Role::kDeskOfficer, kCommune1, {}}}),    false},
      {Officer(Role::kDeskOfficer, kCommune1), Assisted({{Role::kSystemAdmin, kProvince, {}}}),    false},
      {Officer(Role::kDeskOfficer, kCommune1), Assisted({{Role::kStatisticsViewer, kMissing, {}}}), false},
      {officer_and_citizen,                    Assisted(),                                         true},
      {Officer(Role::kSystemAdmin),            Assisted(),                                         true},
      {Officer(Role::kSystemAdmin),            Assisted({{Role::kClerk, kCommune1, {}}}),          false},  // via administration
      {Officer(Role::kAgencyAdmin),            Assisted(),                                         false},
      {Officer(Role::kSpecialist),             Assisted(),                                         false},
      {Officer(Role::kStatisticsViewer),       Assisted(),                                         false},
      {Citizen(),                              Assisted(),                                         false},
      {Bare(),                                 Assisted(),                                         false},
      {Anonymous(),                            Assisted(),                                         false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(CanAssist(cases[i].officer, cases[i].target), cases[i].expected) << "case " << i;
  }
}

// Issue 8: a desk officer anywhere could issue a code for any citizen's account and so take it over.
TEST(CanAssist, DeskOfficersActOnlyOnAccountsTheCounterMadeOrNobodyHasUsed) {
  // clang-format off
  const std::vector<AssistCase> cases = {
      {Officer(Role::kDeskOfficer, kCommune1), Assisted(),  true},
      {Officer(Role::kDeskOfficer, kCommune2), Assisted(),  true},
      {Officer(Role::kDeskOfficer, kCommune1), NeverUsed(), true},
      {Officer(Role::kDeskOfficer, kCommune1), SelfRun(),   false},  // the holder runs it alone: not the desk's
      {Officer(Role::kDeskOfficer, kProvince), SelfRun(),   false},  // however high the desk
      {Officer(Role::kSystemAdmin),            SelfRun(),   true},
      {Officer(Role::kSpecialist),             NeverUsed(), false},
      {Citizen(),                              SelfRun(),   false},
  };
  // clang-format on
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(CanAssist(cases[i].officer, cases[i].target), cases[i].expected) << "case " << i;
  }
}

TEST(Owns, OnlyTheSignedInOwner) {
  const Principal citizen = Citizen();
  EXPECT_TRUE(Owns(citizen, citizen.user_id));
  EXPECT_FALSE(Owns(citizen, citizen.user_id + 1));
  EXPECT_FALSE(Owns(citizen, 0));
  // Anonymous has user id 0; an object whose owner id is 0 (none) must still not be "owned".
  EXPECT_FALSE(Owns(Anonymous(), 0));
  EXPECT_FALSE(Owns(Anonymous(), 1));
  EXPECT_FALSE(Owns(Officer(Role::kSystemAdmin), citizen.user_id));  // administrators do not own others' objects
}

TEST(AdministeredAgencies, AllForSystemAdministratorsTheRootsForAgencyAdministrators) {
  EXPECT_EQ(AdministeredAgencies(Officer(Role::kSystemAdmin)), std::nullopt);
  EXPECT_EQ(AdministeredAgencies(Officer({{Role::kAgencyAdmin, kDistrict1, {}}, {Role::kSystemAdmin, kCommune2, {}}})),
            std::nullopt);
  const Principal admin = Officer({{Role::kAgencyAdmin, kDistrict1, {}},
                                   {Role::kDeskOfficer, kProvince, {}},
                                   {Role::kAgencyAdmin, kDistrict2, {}}});
  EXPECT_EQ(AdministeredAgencies(admin), (std::vector<std::string>{kDistrict1, kDistrict2}));
  // Not an administrator: an empty list (nothing), never "all".
  for (const Principal& p : {Officer(Role::kDeskOfficer), Citizen(), Bare(), Anonymous()}) {
    const auto scope = AdministeredAgencies(p);
    ASSERT_TRUE(scope.has_value()) << p.name;
    EXPECT_TRUE(scope->empty()) << p.name;
  }
}

TEST(Roles, CodesRoundTripAndNamesAreDistinct) {
  std::set<std::string_view> codes;
  std::set<std::string> names;
  for (const Role role : kAllRoles) {
    EXPECT_EQ(ParseRole(RoleCode(role)), role) << RoleCode(role);
    EXPECT_FALSE(RoleCode(role).empty());
    ASSERT_NE(RoleName(role), nullptr);
    EXPECT_NE(std::string(RoleName(role)), "");
    codes.insert(RoleCode(role));
    names.insert(RoleName(role));
  }
  EXPECT_EQ(codes.size(), std::size(kAllRoles));
  EXPECT_EQ(names.size(), std::size(kAllRoles));
  EXPECT_EQ(RoleCode(Role::kDeskOfficer), "desk_officer");
  EXPECT_EQ(RoleCode(Role::kSystemAdmin), "system_admin");
}

TEST(Roles, UnknownCodesParseAsNothing) {
  for (const char* code : {"", "admin", "Desk_Officer", "desk_officer ", " desk_officer", "system-admin", "root"}) {
    EXPECT_EQ(ParseRole(code), std::nullopt) << "'" << code << "'";
  }
}

TEST(Permissions, CodesAreDistinctAndKnown) {
  std::set<std::string_view> codes;
  for (const Permission permission : kAllPermissions) {
    EXPECT_NE(PermissionCode(permission), "unknown");
    EXPECT_FALSE(PermissionCode(permission).empty());
    codes.insert(PermissionCode(permission));
  }
  EXPECT_EQ(codes.size(), std::size(kAllPermissions));
  EXPECT_EQ(PermissionCode(Permission::kAssistCitizens), "assist_citizens");
}

}  // namespace
}  // namespace motcua::domain
