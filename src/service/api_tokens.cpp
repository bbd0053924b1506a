#include "service/api_tokens.hpp"

#include <optional>

#include <fmt/format.h>

#include "domain/audit.hpp"
#include "domain/dates.hpp"
#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "security/crypto.hpp"
#include "service/journal.hpp"
#include "service/officers.hpp"
#include "service/permission.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

constexpr size_t kTokenBytes = 32;
constexpr size_t kTokenPrefixChars = 8;
constexpr std::string_view kTokenScheme = "mct_";
constexpr size_t kMaxTokenName = 100;
//! The journal's actor name of `motcua token create`.
constexpr std::string_view kCommandLine = "motcua token create";
//! The name of a token created on the command line without --name.
constexpr std::string_view kDefaultCommandLineName = "dòng lệnh";

//! The account someone signing in as `login` means: a valid ID number, a valid mobile number, else a login name.
std::optional<domain::Account> FindByLogin(store::Session& s, std::string_view login, int32_t year) {
  if (const domain::Checked id = domain::CheckPersonalId(login, year); id.ok()) {
    if (auto account = store::FindAccountByLogin(s, id.value, "", "")) {
      return account;
    }
  }
  if (const domain::Checked phone = domain::CheckMobilePhone(login); phone.ok()) {
    if (auto account = store::FindAccountByLogin(s, "", phone.value, "")) {
      return account;
    }
  }
  return store::FindAccountByLogin(s, "", "", login);
}

}  // namespace

domain::Result<NewApiToken> ApiTokens::Create(const Actor& actor, const domain::Catalogue& catalogue, int64_t user_id,
                                              std::string_view name) {
  const domain::Checked checked = domain::CheckOrganisationName(name);
  const bool name_ok = checked.ok() && checked.value.size() <= kMaxTokenName;
  const std::string token = std::string(kTokenScheme) + security::RandomToken(kTokenBytes);
  // The officer is checked first: outside the actor's scope, not even the form's errors are shown.
  return ChangeManagedOfficer<NewApiToken>(
      db_, actor, catalogue, user_id, [&](store::Session& s, const domain::Account&) -> domain::Result<NewApiToken> {
        if (!name_ok) {
          return Error::Field("ten_token", N_("Ghi mã dùng cho việc gì (2 đến 100 ký tự)"));
        }
        const int64_t id = store::InsertApiToken(s, user_id, checked.value, security::Sha256Hex(token),
                                                 token.substr(0, kTokenScheme.size() + kTokenPrefixChars),
                                                 actor.principal.user_id, clock_.Now());
        Journal(s, actor,
                JournalEntry::Of("api_token.create", "api_token", std::to_string(id),
                                 Summary{}.Set("user", user_id).Set("name", checked.value)));
        return NewApiToken{id, user_id, token};
      });
}

domain::Result<NewApiToken> ApiTokens::CreateForLogin(std::string_view login, std::string_view name) {
  const domain::Checked checked = domain::CheckOrganisationName(name.empty() ? kDefaultCommandLineName : name);
  if (!checked.ok() || checked.value.size() > kMaxTokenName) {
    return Error::Field("ten_token", N_("Ghi mã dùng cho việc gì (2 đến 100 ký tự)"));
  }
  const std::string token = std::string(kTokenScheme) + security::RandomToken(kTokenBytes);
  const domain::Instant now = clock_.Now();
  const int32_t year = domain::VietnamToday(now).year;
  std::optional<NewApiToken> created;
  db_.Write([&](store::Session& s) {
    created.reset();
    const std::optional<domain::Account> account = FindByLogin(s, login, year);
    if (!account) {
      return;
    }
    const int64_t id =
        store::InsertApiToken(s, account->id, checked.value, security::Sha256Hex(token),
                              token.substr(0, kTokenScheme.size() + kTokenPrefixChars), std::nullopt, now);
    domain::AuditEntry e;
    e.action = "api_token.create";
    e.object_type = "api_token";
    e.object_id = std::to_string(id);
    e.actor_name = std::string(kCommandLine);
    e.summary = Summary{}.Set("user", account->id).Set("name", checked.value).Json();
    store::AppendAudit(s, std::move(e));
    created = NewApiToken{id, account->id, token};
  });
  if (!created) {
    return Error::Of(ErrorKind::kNotFound, N_("Không có tài khoản đăng nhập bằng tên này."));
  }
  return std::move(*created);
}

domain::Result<int64_t> ApiTokens::Revoke(const Actor& actor, const domain::Catalogue& catalogue, int64_t token_id) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  std::optional<int64_t> owner;
  db_.Write([&](store::Session& s) {
    owner.reset();
    const std::optional<domain::ApiToken> token = store::FindApiToken(s, token_id);
    if (!token) {
      return;
    }
    const std::optional<domain::Account> account = store::FindAccount(s, token->user_id);
    if (!account || !domain::CanManageOfficer(actor.principal, catalogue, account->grants)) {
      return;
    }
    owner = account->id;
    if (store::RevokeApiToken(s, token_id, clock_.Now())) {
      Journal(s, actor, {"api_token.revoke", "api_token", std::to_string(token_id), ""});
    }
  });
  if (!owner) {
    return Error::Of(ErrorKind::kNotFound, N_("Không có mã truy cập này trong phạm vi bạn quản trị."));
  }
  return *owner;
}

domain::Result<int64_t> ApiTokens::Owner(const Actor& actor, const domain::Catalogue& catalogue, int64_t token_id) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAdministerOfficers)) {
    return *refused;
  }
  std::optional<int64_t> owner;
  db_.Read([&](store::Session& s) {
    const std::optional<domain::ApiToken> token = store::FindApiToken(s, token_id);
    if (!token) {
      return;
    }
    const std::optional<domain::Account> account = store::FindAccount(s, token->user_id);
    if (account && domain::CanManageOfficer(actor.principal, catalogue, account->grants)) {
      owner = account->id;
    }
  });
  if (!owner) {
    return Error::Of(ErrorKind::kNotFound, N_("Không có mã truy cập này trong phạm vi bạn quản trị."));
  }
  return *owner;
}

}  // namespace motcua::service
