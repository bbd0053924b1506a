// Registration: a person's own account, and an organisation they represent.
#include <fmt/format.h>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "service/accounts.hpp"
#include "service/journal.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

//! The conflict answer for a taken ID number or phone of a self-registration.
Error Taken(Conflict c) {
  Error error = Error::Of(ErrorKind::kConflict, "");
  if (auto field = ConflictField(c, false)) {
    error.fields.push_back(std::move(*field));
  }
  return error;
}

}  // namespace

domain::Result<SignedIn> Accounts::Register(const Actor& actor, const Registration& in) {
  NewAccount account = in.account;
  if (auto problem = CheckNewPassword(in.password, in.confirm,
                                      domain::PasswordContext{account.personal_id, account.phone, "", account.email,
                                                              account.full_name, account.date_of_birth})) {
    return Error{ErrorKind::kInvalid, "", {std::move(*problem)}, 0};
  }
  // Cheap check first, so a duplicate costs no password hash.
  Conflict taken = Conflict::kNone;
  db_.Read([&](store::Session& s) { taken = store::FindConflict(s, account); });
  if (taken != Conflict::kNone) {
    return Taken(taken);
  }
  const auto hash = Hash(in.password);
  if (!hash) {
    const char* busy = N_("Hệ thống đang bận. Xin đợi vài giây rồi gửi lại; thông tin bạn nhập vẫn còn.");
    return Error{ErrorKind::kBusy, busy, {domain::FieldError{"mat_khau", busy}}, 0};
  }
  account.password_hash = *hash;
  std::optional<SignedIn> out;
  taken = store::WriteAccountCreation(db_, account, [&](store::Session& s) {
    out.reset();
    const store::Created created = store::InsertAccountUnlessTaken(s, account, clock_.Now());
    if (created.id == 0) {
      return created.conflict;  // checked again, in the write
    }
    out = SignedIn{domain::Principal{created.id, account.full_name, true, {}}, sessions_.Start(s, actor, created.id)};
    Journal(s, ActingAs(actor, *out),
            JournalEntry::Of("account.register", "user", std::to_string(created.id),
                             Summary{}
                                 .After("full_name", account.full_name)
                                 .After("personal_id", account.personal_id)
                                 .After("phone", account.phone)
                                 .After("email", account.email)));
    return Conflict::kNone;
  });
  if (taken != Conflict::kNone || !out) {
    return Taken(taken);
  }
  return std::move(*out);
}

}  // namespace motcua::service
