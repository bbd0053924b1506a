// Signing in and out: password and national identity sign-in, sessions of one's own account, the account overview.
#include <fmt/format.h>

#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/accounts.hpp"
#include "service/journal.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! Seconds a person is asked to wait when every hash thread is busy.
constexpr int64_t kBusyRetrySeconds = 5;

//! The error for an identifier or password left empty; nothing when both were typed.
std::optional<Error> MissingCredentials(const PasswordSignIn& in) {
  Error error = Error::Of(ErrorKind::kInvalid, "");
  if (domain::CollapseSpaces(in.identifier).empty()) {
    error.fields.push_back({"tai_khoan", N_("Nhập số định danh cá nhân hoặc số điện thoại")});
  }
  if (in.password.empty()) {
    error.fields.push_back({"mat_khau", N_("Nhập mật khẩu")});
  }
  if (error.fields.empty()) {
    return std::nullopt;
  }
  return error;
}

}  // namespace

SignedIn Accounts::StartSignedIn(store::Session& s, const Actor& actor, const domain::Account& account,
                                 const std::string& action, const Summary& summary) {
  sessions_.EndByHash(s, actor.session_hash);  // never carry a session over a sign-in
  SignedIn out{account.AsPrincipal(), sessions_.Start(s, actor, account.id)};
  store::RecordLogin(s, account.id, clock_.Now());
  Journal(s, ActingAs(actor, out), JournalEntry::Of(action, "user", std::to_string(account.id), summary));
  return out;
}

domain::Result<SignedIn> Accounts::SignInWithPassword(const Actor& actor, const PasswordSignIn& in) {
  if (auto missing = MissingCredentials(in)) {
    return *missing;
  }
  const LoginName name = ParseLoginName(in.identifier);
  const std::optional<domain::Account> account = FindByLogin(name);
  const int64_t account_id = account ? account->id : 0;
  const std::string account_key = ThrottleKey(account_id, name);
  if (const int64_t wait = SecondsBlocked(actor, account_key, account_id, true); wait > 0) {
    // While blocked, no password is checked at all, right or wrong.
    Error blocked =
        Error::Of(ErrorKind::kRateLimited, N_("Bạn đã nhập sai nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau"));
    blocked.retry_after_seconds = wait;
    return blocked;
  }
  // Unknown accounts and accounts without a password cost one hash too, so timing tells nothing.
  const bool has_hash = account && !account->password_hash.empty();
  const auto matched = Verify(has_hash ? account->password_hash : DummyHash(), in.password);
  if (!matched) {
    Error busy = Error::Of(ErrorKind::kBusy, N_("Hệ thống đang bận. Xin đợi vài giây rồi bấm Đăng nhập lại."));
    busy.retry_after_seconds = kBusyRetrySeconds;
    return busy;
  }
  if (!*matched || !has_hash) {
    db_.Write([&](store::Session& s) {
      RecordFailure(s, actor, "login", account_key, account_id, account ? account->full_name : "",
                    JournalIdentifier(name, in.identifier));
    });
    return Error::Field("tai_khoan",
                        N_("Số định danh, số điện thoại hoặc mật khẩu không đúng. Hãy kiểm tra và thử lại."));
  }
  if (account->status == domain::AccountStatus::kDisabled) {
    db_.Write([&](store::Session& s) {
      JournalAs(s, actor, account->id, account->full_name,
                JournalEntry::Of("login.refused_disabled", "user", std::to_string(account->id)));
    });
    Error disabled = Error::Field(
        "tai_khoan", N_("Tài khoản này đang bị tạm khóa. Hãy liên hệ bộ phận một cửa hoặc quản trị viên."));
    disabled.kind = ErrorKind::kForbidden;
    return disabled;
  }
  std::optional<std::string> rehash;
  if (security::NeedsRehash(account->password_hash, argon2_)) {
    rehash = Hash(in.password);
  }
  std::optional<SignedIn> out;
  db_.Write([&](store::Session& s) {
    RecordSuccess(s, actor, account_key, account->id, false);
    if (rehash) {
      store::ReplacePasswordHash(s, account->id, *rehash);
    }
    out = StartSignedIn(s, actor, *account, "login.success",
                        Summary{}.Set("method", "password").Set("rehashed", rehash ? "yes" : "no"));
  });
  return std::move(*out);
}

domain::Result<SignedIn> Accounts::SignInWithIdentity(const Actor& actor, const security::VerifiedIdentity& identity) {
  std::optional<SignedIn> out;
  db_.Write([&](store::Session& s) {
    out.reset();
    auto account = store::FindAccountByLogin(s, identity.personal_id, "", "");
    if (!account) {
      // A verified national identity creates the account; the person may add a password later.
      NewAccount fresh;
      fresh.personal_id = identity.personal_id;
      fresh.full_name = identity.full_name;
      fresh.date_of_birth = identity.date_of_birth;
      NewAccount probe = fresh;
      probe.phone = identity.phone;
      if (store::FindConflict(s, probe) == Conflict::kNone) {
        fresh.phone = identity.phone;
      }
      const int64_t user_id = store::InsertAccount(s, fresh, clock_.Now());
      JournalAs(s, actor, user_id, fresh.full_name,
                JournalEntry::Of("account.register_vneid", "user", std::to_string(user_id)));
      account = store::FindAccount(s, user_id);
    } else if (account->status == domain::AccountStatus::kDisabled) {
      return;
    }
    out = StartSignedIn(s, actor, *account, "login.success", Summary{}.Set("method", "vneid"));
  });
  if (!out) {
    return Error::Of(ErrorKind::kForbidden, N_("Tài khoản đang bị tạm khóa"));
  }
  return std::move(*out);
}

domain::Result<domain::Done> Accounts::SignOut(const Actor& actor) {
  db_.Write([&](store::Session& s) {
    sessions_.EndByHash(s, actor.session_hash);
    Journal(s, actor, JournalEntry::Of("logout", "session", actor.session_public_id));
  });
  return domain::Done{};
}

domain::Result<int64_t> Accounts::SignOutEverywhere(const Actor& actor) {
  int64_t ended = 0;
  db_.Write([&](store::Session& s) {
    ended = store::RevokeSessions(s, actor.principal.user_id, clock_.Now());
    Journal(s, actor,
            JournalEntry::Of("session.revoke_all", "user", std::to_string(actor.principal.user_id),
                             Summary{}.Set("sessions", ended)));
  });
  return ended;
}

domain::Result<domain::Done> Accounts::EndSession(const Actor& actor, std::string_view public_id) {
  bool ended = false;
  db_.Write([&](store::Session& s) {
    // Only a session of the actor's own account can match (the policy: owners act on their own objects).
    ended = store::RevokeSession(s, public_id, actor.principal.user_id, clock_.Now());
    if (ended) {
      Journal(s, actor, JournalEntry::Of("session.revoke", "session", std::string(public_id)));
    }
  });
  if (!ended) {
    return Error::Of(ErrorKind::kNotFound,
                     N_("Không có nơi đăng nhập này trong tài khoản của bạn (có thể đã đăng xuất)."));
  }
  return domain::Done{};
}

domain::Result<AccountOverview> Accounts::Overview(const Actor& actor) const {
  std::optional<domain::Account> account;
  std::vector<domain::Organisation> organisations;
  db_.Read([&](store::Session& s) {
    account = store::FindAccount(s, actor.principal.user_id);
    organisations = store::ListOrganisations(s, actor.principal.user_id);
  });
  if (!account) {
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy tài khoản."));
  }
  return AccountOverview{std::move(*account), sessions_.List(actor.principal.user_id), std::move(organisations)};
}

domain::Result<domain::Organisation> Accounts::OrganisationOf(const Actor& actor, int64_t id) const {
  std::optional<domain::Organisation> org;
  db_.Read([&](store::Session& s) { org = store::FindOrganisation(s, id); });
  // Someone else's organisation looks exactly like a missing one: ids reveal nothing.
  if (!org || !domain::Owns(actor.principal, org->representative_id)) {
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy doanh nghiệp, tổ chức này trong tài khoản của bạn."));
  }
  return std::move(*org);
}

}  // namespace motcua::service
