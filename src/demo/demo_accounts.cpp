#include "demo/demo_accounts.hpp"

#include <fmt/format.h>

#include <chrono>
#include <stdexcept>

#include "app/files.hpp"
#include "domain/audit.hpp"
#include "domain/csv.hpp"
#include "domain/policy.hpp"
#include "security/crypto.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"

namespace motcua::demo {

namespace {

constexpr size_t kAdminPasswordBytes = 15;  // 20 base64url characters, about 120 bits

void Seeded(store::Session& s, const std::string& action, int64_t user_id, const std::string& summary) {
  domain::AuditEntry e;
  e.action = action;
  e.object_type = "user";
  e.object_id = std::to_string(user_id);
  e.actor_name = "motcua init";
  e.summary = summary;
  store::AppendAudit(s, std::move(e));
}

}  // namespace

std::vector<DemoAccount> ReadDemoAccounts(const std::string& share_dir) {
  const std::string path = share_dir + "/data/demo/accounts.csv";
  const domain::CsvDocument doc = domain::ParseCsv(app::ReadWholeFile(path));
  if (!doc.errors.empty()) {
    throw std::runtime_error(fmt::format("{} line {}: {}", path, doc.errors.front().line, doc.errors.front().reason));
  }
  if (doc.records.empty()) {
    throw std::runtime_error(path + " is empty");
  }
  const domain::CsvHeader h(doc.records.front());
  if (const auto missing = h.Missing({"login_name", "personal_id", "phone", "full_name", "date_of_birth", "email",
                                      "role", "agency_code", "organisation_tax_code", "organisation_name", "what_for"});
      !missing.empty()) {
    throw std::runtime_error(fmt::format("{} lacks the column {}", path, missing.front()));
  }
  std::vector<DemoAccount> out;
  for (size_t i = 1; i < doc.records.size(); ++i) {
    const domain::CsvRecord& r = doc.records[i];
    DemoAccount a{h.Get(r, "login_name"),
                  h.Get(r, "personal_id"),
                  h.Get(r, "phone"),
                  h.Get(r, "full_name"),
                  h.Get(r, "date_of_birth"),
                  h.Get(r, "email"),
                  h.Get(r, "role"),
                  h.Get(r, "agency_code"),
                  h.Get(r, "organisation_tax_code"),
                  h.Get(r, "organisation_name"),
                  h.Get(r, "what_for")};
    if (a.full_name.empty() || (a.login_name.empty() && a.personal_id.empty())) {
      throw std::runtime_error(fmt::format("{} line {}: a name and a login or personal ID are required", path, r.line));
    }
    if (!a.role.empty() && !domain::ParseRole(a.role)) {
      throw std::runtime_error(fmt::format("{} line {}: unknown role {}", path, r.line, a.role));
    }
    out.push_back(std::move(a));
  }
  return out;
}

int64_t CreateDemoAccounts(store::Database& db, const domain::Clock& clock, const std::vector<DemoAccount>& accounts,
                           const security::Argon2Params& params) {
  const std::string hash = security::HashPassword(kDemoPassword, params);
  const domain::Instant now = clock.Now();
  int64_t created = 0;
  db.Write([&](store::Session& s) {
    for (const DemoAccount& a : accounts) {
      store::NewAccount n;
      n.login_name = a.login_name;
      n.personal_id = a.personal_id;
      n.phone = a.phone;
      n.email = a.email;
      n.full_name = a.full_name;
      n.date_of_birth = a.date_of_birth;
      n.password_hash = hash;
      const store::Created inserted = store::InsertAccountUnlessTaken(s, n, now);
      if (inserted.id == 0) {
        continue;  // already there (init run twice)
      }
      const int64_t id = inserted.id;
      if (const auto role = domain::ParseRole(a.role)) {
        store::AddGrant(s, id, domain::Grant{*role, a.agency_code, {}}, std::nullopt, now);
      }
      if (!a.organisation_tax.empty() && !store::TaxCodeTaken(s, a.organisation_tax)) {
        store::InsertOrganisation(
            s, domain::Organisation{0, a.organisation_tax, a.organisation_name, "", id, now.Seconds()});
      }
      Seeded(s, "account.demo_seed", id, fmt::format(R"({{"role":"{}","agency":"{}"}})", a.role, a.agency_code));
      ++created;
    }
  });
  return created;
}

std::string CreateSystemAdmin(store::Database& db, const domain::Clock& clock, const security::Argon2Params& params) {
  bool exists = false;
  db.Read([&](store::Session& s) { exists = store::FindAccountByLogin(s, "", "", kAdminLogin).has_value(); });
  if (exists) {
    return {};
  }
  const std::string password = security::RandomToken(kAdminPasswordBytes);
  const std::string hash = security::HashPassword(password, params);
  std::string root;
  db.Read([&](store::Session& s) {
    const store::Rows rows = s.Query("SELECT code FROM agencies WHERE parent_code IS NULL ORDER BY code LIMIT 1");
    root = rows.empty() ? "" : rows[0].Text(0);
  });
  bool created = false;
  db.Write([&](store::Session& s) {
    store::NewAccount n;
    n.login_name = std::string(kAdminLogin);
    n.full_name = "Quản trị hệ thống";
    n.password_hash = hash;
    const domain::Instant now = clock.Now();
    const store::Created created_account = store::InsertAccountUnlessTaken(s, n, now);
    if (created_account.id == 0) {
      return;
    }
    const int64_t id = created_account.id;
    if (!root.empty()) {
      store::AddGrant(s, id, domain::Grant{domain::Role::kSystemAdmin, root, {}}, std::nullopt, now);
    }
    Seeded(s, "account.admin_created", id, "");
    created = true;
  });
  return created ? password : std::string();
}

std::vector<security::VerifiedIdentity> DemoIdentities(const std::vector<DemoAccount>& accounts) {
  std::vector<security::VerifiedIdentity> people;
  for (const DemoAccount& a : accounts) {
    if (!a.personal_id.empty()) {
      people.push_back(security::VerifiedIdentity{a.personal_id, a.full_name, a.date_of_birth, a.phone});
    }
  }
  // Someone who has never registered: signing in through the identity service creates the account.
  people.push_back(security::VerifiedIdentity{"036195007890", "Lê Thị Hoa", "1995-06-15", "0912000003"});
  return people;
}

}  // namespace motcua::demo
