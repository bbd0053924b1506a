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

//! Longest address of an organisation's seat, in code points.
constexpr size_t kMaxAddressCodePoints = 300;

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
                                      domain::PasswordContext{account.personal_id, account.phone, "", account.email})) {
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

domain::Result<int64_t> Accounts::RegisterOrganisation(const Actor& actor, const NewOrganisation& in) {
  Error error = Error::Of(ErrorKind::kInvalid, "");
  const domain::Checked tax = domain::CheckTaxCode(in.tax_code);
  if (!tax.ok()) {
    error.fields.push_back({"ma_so_thue", tax.error});
  }
  const domain::Checked name = domain::CheckOrganisationName(in.name);
  if (!name.ok()) {
    error.fields.push_back({"ten_to_chuc", name.error});
  }
  const domain::Checked address = domain::CheckOrganisationName(in.address);
  if (!address.ok() || domain::CodePointCount(address.value) > kMaxAddressCodePoints) {
    error.fields.push_back({"dia_chi", N_("Nhập địa chỉ trụ sở (tối đa 300 ký tự, không có ký tự điều khiển)")});
  }
  if (!error.fields.empty()) {
    return error;
  }
  int64_t id = 0;
  try {
    db_.Write([&](store::Session& s) {
      id = 0;
      if (store::TaxCodeTaken(s, tax.value)) {
        return;
      }
      const domain::Organisation org{
          0, tax.value, name.value, address.value, actor.principal.user_id, clock_.NowSeconds()};
      id = store::InsertOrganisation(s, org);
      Journal(s, actor,
              JournalEntry::Of("organisation.register", "organisation", std::to_string(id),
                               Summary{}.After("tax_code", tax.value).After("name", name.value)));
    });
  } catch (const store::DatabaseError&) {
    // A concurrent registration of the same tax code (PostgreSQL) makes the insert fail: answered as taken below.
    bool taken = false;
    db_.Read([&](store::Session& s) { taken = store::TaxCodeTaken(s, tax.value); });
    if (!taken) {
      throw;
    }
    id = 0;
  }
  if (id == 0) {
    Error conflict =
        Error::Field("ma_so_thue", N_("Mã số thuế này đã được đăng ký bởi một người đại diện khác. Nếu bạn là "
                                      "người đại diện mới, hãy liên hệ bộ phận một cửa."));
    conflict.kind = ErrorKind::kConflict;
    return conflict;
  }
  return id;
}

}  // namespace motcua::service
