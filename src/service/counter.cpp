#include "service/counter.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "service/journal.hpp"
#include "service/permission.hpp"
#include "service/security_notice.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

constexpr const char* kNoSuchCitizen = N_("Không tìm thấy tài khoản người dân này.");

//! The citizen's account `user_id` when the actor may assist its holder; nothing otherwise.
std::optional<domain::Account> AssistedAccount(store::Session& s, const Actor& actor, int64_t user_id) {
  std::optional<domain::Account> account = store::FindAccount(s, user_id);
  if (!account || !MayAssist(actor.principal, *account)) {
    return std::nullopt;
  }
  return account;
}

//! The desk the actor works at, as the citizen's notice names it: "Lê Văn Cường, Bộ phận một cửa UBND xã X".
std::string DeskOf(const Actor& actor, const domain::Catalogue& catalogue) {
  for (const domain::Grant& g : actor.principal.grants) {
    if (g.role != domain::Role::kDeskOfficer && g.role != domain::Role::kSystemAdmin) {
      continue;
    }
    const domain::Agency* agency = catalogue.FindAgency(g.agency_code);
    return fmt::format("{} ({})", agency != nullptr ? agency->name : g.agency_code, actor.principal.name);
  }
  return actor.principal.name;
}

//! The field error for an ID number or phone another account already has.
Error ConflictError(store::Conflict conflict) {
  Error error = Error::Of(ErrorKind::kConflict, {});
  if (conflict == store::Conflict::kPersonalId) {
    // The desk may issue a code only for an account the counter made or nobody has used (MayAssist).
    error.fields.push_back({"so_dinh_danh", N_("Số định danh này đã có tài khoản. Hãy tìm tài khoản đó: nếu bộ "
                                               "phận một cửa đã tạo nó, cấp mã đặt mật khẩu mới; nếu người dân tự "
                                               "dùng nó, hướng dẫn họ dùng Quên mật khẩu.")});
  } else {
    error.fields.push_back({"dien_thoai", N_("Số điện thoại này đã được dùng cho một tài khoản khác. Hãy dùng số "
                                             "khác, hoặc liên hệ bộ phận một cửa.")});
  }
  return error;
}

}  // namespace

bool MayAssist(const domain::Principal& principal, const domain::Account& account) {
  if (account.personal_id.empty()) {
    return false;
  }
  const bool never_signed_in = account.status == domain::AccountStatus::kPending || !account.last_login_at;
  return domain::CanAssist(principal,
                           domain::AssistTarget{account.grants, account.created_by.has_value(), never_signed_in});
}

domain::Result<std::vector<domain::Account>> Counter::Search(const Actor& actor, std::string_view typed) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  const LoginName name = ParseLoginName(typed);
  const std::string key = !name.personal_id.empty() ? name.personal_id : name.phone;
  if (key.empty()) {
    return Error::Field("q", N_("Nhập đủ 12 chữ số định danh hoặc 10 chữ số điện thoại"));
  }
  std::vector<domain::Account> people;
  accounts_.db().Write([&](store::Session& s) {
    people = store::FindPeople(s, key);
    Journal(s, actor,
            JournalEntry::Of("citizen.search", "", "", Summary{}.Set("results", static_cast<int64_t>(people.size()))));
  });
  return people;
}

PendingAccount CreatePendingAccount(Accounts& accounts, const Actor& actor, store::NewAccount account,
                                    const std::string& login,
                                    const std::function<void(store::Session&, int64_t, const std::string&)>& also) {
  account.status = domain::AccountStatus::kPending;
  account.created_by = actor.principal.user_id;
  account.password_hash.clear();
  PendingAccount out{store::Conflict::kNone, IssuedCode{0, account.full_name, login, {}, 0}};
  const int64_t now = accounts.clock().NowSeconds();
  out.conflict = store::WriteAccountCreation(accounts.db(), account, [&](store::Session& s) {
    const store::Created created = store::InsertAccountUnlessTaken(s, account, domain::Instant::FromSeconds(now));
    if (created.id == 0) {
      return created.conflict;
    }
    out.issued.user_id = created.id;
    out.issued.code = accounts.IssueCode(s, created.id, store::CodePurpose::kSetup, actor.principal.user_id);
    also(s, created.id, out.issued.code);
    return store::Conflict::kNone;
  });
  out.issued.expires_at = now + kSetupCodeSeconds;
  return out;
}

domain::Result<IssuedCode> Counter::CreateAccount(const Actor& actor, store::NewAccount person) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  const PendingAccount created = CreatePendingAccount(
      accounts_, actor, person, person.personal_id, [&](store::Session& s, int64_t id, const std::string& code) {
        Journal(s, actor,
                JournalEntry::Of("account.create_assisted", "user", std::to_string(id),
                                 Summary{}
                                     .After("full_name", person.full_name)
                                     .After("personal_id", person.personal_id)
                                     .After("phone", person.phone)));
        domain::Account holder;
        holder.id = id;
        holder.full_name = person.full_name;
        holder.phone = person.phone;
        holder.email = person.email;
        // The notice goes to the citizen in Vietnamese, whatever language the officer's screen
        // is in; it is sent by the outbox once this job commits.
        accounts_.Notify(s, holder, "account.setup_code", N_("Tài khoản Cổng dịch vụ công"),
                         fmt::format("{} {}. {}", N_("Tài khoản của bạn đã được tạo. Mã đặt mật khẩu:"), code,
                                     N_("Vào trang Đặt mật khẩu mới của cổng, dùng được trong 7 ngày.")),
                         true);
      });
  if (created.conflict != store::Conflict::kNone) {
    return ConflictError(created.conflict);
  }
  return created.issued;
}

domain::Result<domain::Account> Counter::View(const Actor& actor, int64_t user_id) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  std::optional<domain::Account> account;
  accounts_.db().Write([&](store::Session& s) {
    account = AssistedAccount(s, actor, user_id);
    if (!account) {
      return;
    }
    // Viewing a person's data is itself recorded, in the same transaction as the read.
    Journal(s, actor, {"citizen.view", "user", std::to_string(user_id), ""});
  });
  if (!account) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchCitizen);
  }
  return std::move(*account);
}

domain::Result<IssuedCode> Counter::IssueSetupCode(const Actor& actor, const domain::Catalogue& catalogue,
                                                   int64_t user_id) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kAssistCitizens)) {
    return *refused;
  }
  std::optional<IssuedCode> out;
  accounts_.db().Write([&](store::Session& s) {
    const std::optional<domain::Account> account = AssistedAccount(s, actor, user_id);
    if (!account || account->status == domain::AccountStatus::kDisabled) {
      return;
    }
    out = IssuedCode{user_id, account->full_name, account->personal_id,
                     accounts_.IssueCode(s, user_id, store::CodePurpose::kSetup, actor.principal.user_id),
                     accounts_.clock().NowSeconds() + kSetupCodeSeconds};
    Journal(s, actor,
            JournalEntry::Of("password.code_issued", "user", std::to_string(user_id), Summary{}.Set("by", "counter")));
    NotifySecurityChange(accounts_, s, *account, SecurityChange::kCodeIssued, DeskOf(actor, catalogue));
  });
  if (!out) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchCitizen);
  }
  return std::move(*out);
}

}  // namespace motcua::service
