#include "web/person_form.hpp"

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "web/site.hpp"

namespace motcua::web {

namespace {

using domain::N_;

constexpr InputSpec kName{"ho_ten", N_("Họ và tên"), N_("Như trên thẻ căn cước"), "text", "name", ""};
constexpr InputSpec kNameCounter{"ho_ten", N_("Họ và tên"), N_("Như trên thẻ căn cước"), "text", "off", ""};
constexpr InputSpec kId{"so_dinh_danh",
                        N_("Số định danh cá nhân"),
                        N_("12 chữ số, in trên thẻ căn cước hoặc căn cước công dân"),
                        "text",
                        "off",
                        "20",
                        "numeric"};
constexpr InputSpec kIdCounter{
    "so_dinh_danh", N_("Số định danh cá nhân"), N_("12 chữ số trên thẻ căn cước"), "text", "off", "20", "numeric"};
constexpr InputSpec kPhone{"dien_thoai",
                           N_("Số điện thoại di động"),
                           N_("Để nhận mã xác nhận và thông báo về hồ sơ, ví dụ 0912345678"),
                           "tel",
                           "tel",
                           "20"};
constexpr InputSpec kPhoneCounter{"dien_thoai",
                                  N_("Số điện thoại di động (nếu có)"),
                                  N_("Người dân sẽ nhận mã và thông báo về hồ sơ qua số này"),
                                  "tel",
                                  "off",
                                  "20"};
constexpr InputSpec kEmail{"email", N_("Email (không bắt buộc)"), nullptr, "email", "email", ""};
constexpr InputSpec kEmailCounter{"email", N_("Email (nếu có)"), nullptr, "email", "off", ""};

}  // namespace

PersonInput PersonInput::From(const Form& form) {
  return PersonInput{
      form.Text("ho_ten"),        form.Text("so_dinh_danh"), form.Text("ngay_sinh-ngay"), form.Text("ngay_sinh-thang"),
      form.Text("ngay_sinh-nam"), form.Text("dien_thoai"),   form.Text("email")};
}

service::NewAccount CheckPerson(const Site& site, std::string_view lang, const PersonInput& in, PersonFormFor who,
                                FieldErrors& errors) {
  const domain::CivilDate today = site.Today();
  const domain::Checked name = domain::CheckPersonName(in.name);
  if (!name.ok()) {
    errors.Add("ho_ten", site.T(lang, name.error));
  }
  const domain::Checked id = domain::CheckPersonalId(in.personal_id, today.year);
  if (!id.ok()) {
    errors.Add("so_dinh_danh", site.T(lang, id.error));
  }
  const domain::Checked dob = domain::CheckDateOfBirth(in.day, in.month, in.year, today.year, today.month, today.day);
  if (!dob.ok()) {
    errors.Add("ngay_sinh", site.T(lang, dob.error));
  }
  if (id.ok() && dob.ok()) {
    if (const std::string e = domain::CheckIdMatchesBirthYear(id.value, dob.value); !e.empty()) {
      errors.Add("so_dinh_danh", site.T(lang, e));
    }
  }
  domain::Checked phone;
  if (who == PersonFormFor::kSelf || !domain::CollapseSpaces(in.phone).empty()) {
    phone = domain::CheckMobilePhone(in.phone);
    if (!phone.ok()) {
      errors.Add("dien_thoai", site.T(lang, phone.error));
    }
  }
  const domain::Checked email = domain::CheckEmail(in.email);
  if (!email.ok()) {
    errors.Add("email", site.T(lang, email.error));
  }
  service::NewAccount account;
  account.personal_id = id.value;
  account.phone = phone.value;
  account.email = email.value;
  account.full_name = name.value;
  account.date_of_birth = dob.value;
  return account;
}

void AddPersonFields(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                     const PersonInput& in, PersonFormFor who, const FieldErrors& errors) {
  const bool self = who == PersonFormFor::kSelf;
  AddInput(site, lang, page, "F_NAME", self ? kName : kNameCounter, in.name, errors);
  AddInput(site, lang, page, "F_ID", self ? kId : kIdCounter, in.personal_id, errors);
  AddDateInput(site, lang, page, "F_DOB", "ngay_sinh", N_("Ngày sinh"), N_("Như trên thẻ căn cước, ví dụ 27 3 1985"),
               in.day, in.month, in.year, self, errors);
  AddInput(site, lang, page, "F_PHONE", self ? kPhone : kPhoneCounter, in.phone, errors);
  AddInput(site, lang, page, "F_EMAIL", self ? kEmail : kEmailCounter, in.email, errors);
}

void AddConflictError(const Site& site, std::string_view lang, service::Conflict c, PersonFormFor who,
                      FieldErrors& errors) {
  if (auto field = service::ConflictField(c, who == PersonFormFor::kCounter)) {
    errors.Add(field->field, site.T(lang, field->message));
  }
}

}  // namespace motcua::web
