#include "service/officers.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>
#include <utility>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/journal.hpp"
#include "service/permission.hpp"
#include "service/security_notice.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;
using domain::Permission;

//! Checks a role and agency from a form against what `p` may grant; adds the first problem to `fields`.
std::optional<domain::Role> CheckGrant(const domain::Catalogue& catalogue, const domain::Principal& p,
                                       const std::string& role_code, const std::string& agency,
                                       std::vector<domain::FieldError>& fields) {
  const auto role = domain::ParseRole(role_code);
  if (!role) {
    fields.push_back({"vai_tro", N_("Chọn một vai trò")});
    return std::nullopt;
  }
  if (catalogue.FindAgency(agency) == nullptr) {
    fields.push_back({"co_quan", N_("Chọn một cơ quan")});
    return std::nullopt;
  }
  if (!domain::CanGrant(p, catalogue, *role, agency)) {
    fields.push_back({"vai_tro", N_("Bạn không được giao vai trò này tại cơ quan này")});
    return std::nullopt;
  }
  return role;
}

//! Adds the error of `checked` under `field` when it failed.
void AddIfFailed(const domain::Checked& checked, const char* field, std::vector<domain::FieldError>& fields) {
  if (!checked.ok()) {
    fields.push_back({field, checked.error});
  }
}

Error Invalid(std::vector<domain::FieldError> fields) {
  Error error = Error::Of(ErrorKind::kInvalid, {});
  error.fields = std::move(fields);
  return error;
}

std::string GrantSummary(const char* key, domain::Role role, const std::string& agency) {
  return boost::json::serialize(
      boost::json::object{{key, boost::json::object{{"role", domain::RoleCode(role)}, {"agency", agency}}}});
}

//! Refused grants journaled per administrator in one window; more are counted but not written, so that a script
//! posting forbidden grants cannot flood the journal.
constexpr int32_t kJournaledRefusals = 20;
//! The window of that count.
constexpr int64_t kRefusalWindowSeconds = 3600;

//! Journals a role grant or removal the policy refused (issue 8), at most kJournaledRefusals per administrator
//! per window; `s` is the write job of the refused operation.
void JournalRefusedGrant(store::Session& s, const Actor& actor, const domain::Clock& clock, std::string_view action,
                         int64_t user_id, const std::string& role, const std::string& agency) {
  const std::string key = fmt::format("journal-refusal:{}", actor.principal.user_id);
  store::LockThrottle(s, key);
  const int64_t now = clock.NowSeconds();
  domain::ThrottleState next = store::LoadThrottle(s, key);
  if (next.failures == 0 || now - next.window_start >= kRefusalWindowSeconds) {
    next = domain::ThrottleState{0, now, 0};
  }
  ++next.failures;
  store::SaveThrottle(s, key, next);
  if (next.failures > kJournaledRefusals) {
    return;
  }
  Journal(s, actor,
          JournalEntry::Of(std::string(action), "user", std::to_string(user_id),
                           Summary{}.Set("role", role).Set("agency", agency).Set("refused", "policy")));
}

}  // namespace

std::optional<domain::Account> FindManagedOfficer(store::Session& s, const domain::Principal& principal,
                                                  const domain::Catalogue& catalogue, int64_t user_id) {
  std::optional<domain::Account> account = store::FindAccount(s, user_id);
  if (!account || !domain::CanManageOfficer(principal, catalogue, account->grants) || account->login_name.empty()) {
    return std::nullopt;
  }
  return account;
}

Error OfficerNotFound() {
  return Error::Of(ErrorKind::kNotFound, N_("Không có cán bộ này trong phạm vi bạn quản trị."));
}

domain::Result<std::vector<domain::Account>> Officers::List(const Actor& actor, const domain::Catalogue& catalogue,
                                                            std::string_view query) {
  if (auto refused = RefuseUnless(actor, Permission::kAdministerOfficers)) {
    return *refused;
  }
  const std::string q = domain::Fold(query);
  std::vector<domain::Account> officers;
  accounts_.db().Read([&](store::Session& s) { officers = store::ListOfficers(s); });
  std::erase_if(officers, [&](const domain::Account& a) {
    return !domain::CanManageOfficer(actor.principal, catalogue, a.grants) ||
           (!q.empty() && domain::Fold(a.full_name).find(q) == std::string::npos &&
            domain::Fold(a.login_name).find(q) == std::string::npos);  // folded alike: "tiepnhan.tpnd" has a dot
  });
  return officers;
}

domain::Result<IssuedCode> Officers::Create(const Actor& actor, const domain::Catalogue& catalogue,
                                            const NewOfficer& in) {
  if (auto refused = RefuseUnless(actor, Permission::kAdministerOfficers)) {
    return *refused;
  }
  std::vector<domain::FieldError> fields;
  const domain::Checked name = domain::CheckPersonName(in.name);
  AddIfFailed(name, "ho_ten", fields);
  const domain::Checked login = domain::CheckLoginName(in.login);
  AddIfFailed(login, "ten_dang_nhap", fields);
  domain::Checked phone;
  if (!domain::CollapseSpaces(in.phone).empty()) {
    phone = domain::CheckMobilePhone(in.phone);
    AddIfFailed(phone, "dien_thoai", fields);
  }
  const domain::Checked email = domain::CheckEmail(in.email);
  AddIfFailed(email, "email", fields);
  const auto role = CheckGrant(catalogue, actor.principal, in.role, in.agency, fields);
  if (!fields.empty()) {
    return Invalid(std::move(fields));
  }
  store::NewAccount account;
  account.login_name = login.value;
  account.phone = phone.value;
  account.email = email.value;
  account.full_name = name.value;
  const PendingAccount created = CreatePendingAccount(
      accounts_, actor, account, account.login_name, [&](store::Session& s, int64_t id, const std::string& /*code*/) {
        store::AddGrant(s, id, domain::Grant{*role, in.agency, {}}, actor.principal.user_id, accounts_.clock().Now());
        Journal(s, actor,
                JournalEntry::Of("officer.create", "user", std::to_string(id),
                                 Summary{}
                                     .After("login_name", account.login_name)
                                     .After("full_name", account.full_name)
                                     .After("role", std::string(domain::RoleCode(*role)))
                                     .After("agency", in.agency)));
      });
  const store::Conflict conflict = created.conflict;
  if (conflict == store::Conflict::kLoginName) {
    Error error = Error::Field("ten_dang_nhap", N_("Tên đăng nhập này đã có người dùng. Hãy chọn tên khác"));
    error.kind = ErrorKind::kConflict;
    return error;
  }
  if (conflict != store::Conflict::kNone) {
    Error error = Error::Field("dien_thoai", N_("Số điện thoại này đã được dùng cho một tài khoản khác."));
    error.kind = ErrorKind::kConflict;
    return error;
  }
  return created.issued;
}

domain::Result<OfficerDetails> Officers::Load(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                              bool journal) {
  if (auto refused = RefuseUnless(actor, Permission::kAdministerOfficers)) {
    return *refused;
  }
  std::optional<OfficerDetails> out;
  const auto load = [&](store::Session& s) {
    std::optional<domain::Account> account = FindManagedOfficer(s, actor.principal, catalogue, user_id);
    if (!account) {
      out.reset();
      return;
    }
    out = OfficerDetails{std::move(*account), store::ListApiTokens(s, user_id), 0};
    out->live_sessions =
        static_cast<int64_t>(store::ListSessions(s, user_id, accounts_.clock().Now(), idle_seconds_).size());
    if (journal) {
      // The page shows the officer's contact details: viewing them is recorded like any personal data.
      Journal(s, actor, {"officer.view", "user", std::to_string(user_id), ""});
    }
  };
  if (journal) {
    accounts_.db().Write(load);
  } else {
    accounts_.db().Read(load);
  }
  if (!out) {
    return OfficerNotFound();
  }
  return std::move(*out);
}

domain::Result<OfficerDetails> Officers::View(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id) {
  return Load(actor, catalogue, user_id, true);
}

domain::Result<OfficerDetails> Officers::Details(const Actor& actor, const domain::Catalogue& catalogue,
                                                 int64_t user_id) {
  return Load(actor, catalogue, user_id, false);
}

domain::Result<bool> Officers::Grant(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                     const GrantInput& in) {
  return ChangeManagedOfficer<bool>(
      accounts_.db(), actor, catalogue, user_id,
      [&](store::Session& s, const domain::Account&) -> domain::Result<bool> {
        std::vector<domain::FieldError> fields;
        const auto role = CheckGrant(catalogue, actor.principal, in.role, in.agency, fields);
        if (const auto wanted = domain::ParseRole(in.role);
            wanted && !domain::CanGrant(actor.principal, catalogue, *wanted, in.agency) &&
            catalogue.FindAgency(in.agency) != nullptr) {
          JournalRefusedGrant(s, actor, accounts_.clock(), "role.grant_refused", user_id, in.role, in.agency);
        }
        for (const std::string& f : in.fields) {
          if (catalogue.FindField(f) == nullptr) {
            fields.push_back({"linh_vuc", N_("Chọn lĩnh vực trong danh sách")});
          }
        }
        if (!role || !fields.empty()) {
          return Invalid(std::move(fields));
        }
        const int64_t now = accounts_.clock().NowSeconds();
        if (!store::AddGrant(s, user_id, domain::Grant{*role, in.agency, in.fields}, actor.principal.user_id,
                             domain::Instant::FromSeconds(now))) {
          return false;
        }
        // A privilege change ends the officer's sessions: the next sign-in gets a new session id.
        store::RevokeSessions(s, user_id, domain::Instant::FromSeconds(now));
        Journal(s, actor, {"role.grant", "user", std::to_string(user_id), GrantSummary("after", *role, in.agency)});
        return true;
      });
}

domain::Result<bool> Officers::Revoke(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                      const GrantInput& in) {
  return ChangeManagedOfficer<bool>(
      accounts_.db(), actor, catalogue, user_id,
      [&](store::Session& s, const domain::Account&) -> domain::Result<bool> {
        const auto role = domain::ParseRole(in.role);
        // A malformed form is a bad request; only a well-formed grant outside the actor's scope is forbidden.
        if (!role || catalogue.FindAgency(in.agency) == nullptr) {
          return Error::Of(ErrorKind::kInvalid, N_("Không có vai trò này để bỏ."));
        }
        if (!domain::CanGrant(actor.principal, catalogue, *role, in.agency)) {
          JournalRefusedGrant(s, actor, accounts_.clock(), "role.revoke_refused", user_id, in.role, in.agency);
          return Error::Of(ErrorKind::kForbidden, N_("Bạn không được bỏ vai trò này."));
        }
        if (!store::RemoveGrant(s, user_id, *role, in.agency)) {
          return false;
        }
        store::RevokeSessions(s, user_id, accounts_.clock().Now());
        Journal(s, actor, {"role.revoke", "user", std::to_string(user_id), GrantSummary("before", *role, in.agency)});
        return true;
      });
}

domain::Result<domain::AccountStatus> Officers::SetStatus(const Actor& actor, const domain::Catalogue& catalogue,
                                                          int64_t user_id, std::string_view wanted) {
  using StatusResult = domain::Result<domain::AccountStatus>;
  return ChangeManagedOfficer<domain::AccountStatus>(
      accounts_.db(), actor, catalogue, user_id, [&](store::Session& s, const domain::Account& a) -> StatusResult {
        if (a.id == actor.principal.user_id || (wanted != "active" && wanted != "disabled")) {
          return Error::Of(ErrorKind::kInvalid, N_("Không đổi được trạng thái này."));
        }
        const domain::AccountStatus next = domain::ParseStatus(wanted);
        const bool disabling = next == domain::AccountStatus::kDisabled;
        // Re-enabling an account that never had a password leaves it waiting for one.
        const domain::AccountStatus stored =
            !disabling && a.password_hash.empty() ? domain::AccountStatus::kPending : next;
        store::SetStatus(s, user_id, stored);
        if (disabling) {
          store::RevokeSessions(s, user_id, accounts_.clock().Now());
        }
        Journal(s, actor,
                JournalEntry::Of(disabling ? "account.disable" : "account.enable", "user", std::to_string(user_id),
                                 Summary{}
                                     .Set("before", std::string(domain::StatusCode(a.status)))
                                     .Set("after", std::string(domain::StatusCode(stored)))));
        return stored;
      });
}

domain::Result<IssuedCode> Officers::ResetPassword(const Actor& actor, const domain::Catalogue& catalogue,
                                                   int64_t user_id) {
  return ChangeManagedOfficer<IssuedCode>(
      accounts_.db(), actor, catalogue, user_id, [&](store::Session& s, const domain::Account& a) {
        const int64_t now = accounts_.clock().NowSeconds();
        // The old password stops working at once; the officer chooses a new one with the code.
        store::ReplacePasswordHash(s, user_id, "");
        store::RevokeSessions(s, user_id, domain::Instant::FromSeconds(now));
        IssuedCode out{user_id, a.full_name, a.login_name,
                       accounts_.IssueCode(s, user_id, store::CodePurpose::kSetup, actor.principal.user_id),
                       now + kSetupCodeSeconds};
        Journal(s, actor, {"password.admin_reset", "user", std::to_string(user_id), ""});
        NotifySecurityChange(accounts_, s, a, SecurityChange::kPasswordVoided, actor.principal.name);
        return domain::Result<IssuedCode>(std::move(out));
      });
}

domain::Result<int64_t> Officers::RevokeSessions(const Actor& actor, const domain::Catalogue& catalogue,
                                                 int64_t user_id) {
  return ChangeManagedOfficer<int64_t>(
      accounts_.db(), actor, catalogue, user_id, [&](store::Session& s, const domain::Account&) {
        const int64_t revoked = store::RevokeSessions(s, user_id, accounts_.clock().Now());
        Journal(s, actor,
                JournalEntry::Of("session.revoke_all", "user", std::to_string(user_id),
                                 Summary{}.Set("sessions", revoked)));
        return domain::Result<int64_t>(revoked);
      });
}

}  // namespace motcua::service
