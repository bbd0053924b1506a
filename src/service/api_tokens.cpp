#include "service/api_tokens.hpp"

#include <optional>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "security/crypto.hpp"
#include "service/journal.hpp"
#include "service/officers.hpp"
#include "service/permission.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

constexpr size_t kTokenBytes = 32;
constexpr size_t kTokenPrefixChars = 8;
constexpr std::string_view kTokenScheme = "mct_";
constexpr size_t kMaxTokenName = 100;

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
