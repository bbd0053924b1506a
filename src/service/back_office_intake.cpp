//! The back office: the applicant's supplement (the clock resumes) and counter intake (a desk officer files and
//! receives a dossier on a citizen's behalf in one write job, with an optional queue ticket).
#include <fmt/format.h>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <utility>

#include "domain/answers.hpp"
#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "security/crypto.hpp"
#include "service/back_office.hpp"
#include "service/back_office_parts.hpp"
#include "service/dossier_parts.hpp"
#include "service/permission.hpp"
#include "store/account_store.hpp"
#include "store/dossier_store.hpp"
#include "store/processing_store.hpp"

namespace motcua::service {

using domain::DossierEvent;
using domain::Error;
using domain::ErrorKind;
using domain::N_;
using domain::OfficeAction;
using office_parts::Change;
using office_parts::Context;
using office_parts::Loaded;

namespace {

//! Thrown inside the intake job when the agency's sequence of the day is used up, so the job rolls back.
struct SequenceExhausted {};

//! Removes spooled uploads this call did not store.
void Discard(const std::vector<std::string>& paths) {
  for (const std::string& path : paths) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
}

}  // namespace

domain::Result<OfficeDossier> BackOffice::Supply(
    const Actor& actor, std::string_view code, const boost::json::object& answers,
    const std::vector<std::tuple<std::string, std::string, std::string>>& files, int64_t version) {
  std::vector<std::string> spooled;
  spooled.reserve(files.size());
  for (const auto& f : files) {
    spooled.push_back(std::get<1>(f));
  }
  const std::optional<Loaded> l = Find(code);
  bool owner = false;
  if (l) {
    db_.Read([&](store::Session& s) { owner = office_parts::IsOwner(s, actor.principal, l->dossier); });
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  if (!l || (!owner && !office_parts::OfficerMaySee(actor.principal, *catalogue, *l))) {
    Discard(spooled);
    return dossier_parts::NotFound();
  }
  if (version != l->processing.version) {
    Discard(spooled);
    return office_parts::StaleVersion();
  }
  const Context ctx = ContextFor(*l);
  if (auto refused = office_parts::Refusal(actor.principal, *catalogue, *l, ctx.Step(l->processing),
                                           OfficeAction::kSupply, owner)) {
    Discard(spooled);
    return *refused;
  }
  if (answers.empty() && files.empty()) {
    Discard(spooled);
    return Error::Field("answers", N_("Hãy bổ sung giấy tờ hoặc thông tin theo yêu cầu."));
  }
  domain::Result<domain::FormDefinition> form = forms_.Version(l->dossier.procedure_code, l->dossier.form_version);
  if (!form) {
    Discard(spooled);
    return form.error();
  }
  Change c;
  c.after = l->processing;
  const bool received = l->processing.received_at.has_value();
  c.after.status = *domain::NextStatus(l->processing.status, OfficeAction::kSupply, received);
  if (!answers.empty()) {
    domain::Result<boost::json::object> merged =
        domain::MergeAnswers(*form, dossier_parts::ParseObject(l->dossier.answers_json), answers);
    if (!merged) {
      Discard(spooled);
      return merged.error();
    }
    c.answers_json = boost::json::serialize(*merged);
  }
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& [document_id, path, name] = files[i];
    const domain::DocumentDef* doc = form->FindDocument(document_id);
    const std::string field = fmt::format("tai_lieu.{}", document_id);
    if (doc == nullptr) {
      Discard(std::vector<std::string>(spooled.begin() + static_cast<std::ptrdiff_t>(i), spooled.end()));
      return Error::Field(field, N_("Biểu mẫu không có thành phần hồ sơ này."));
    }
    domain::Result<StoredFile> stored = files_.Put(path, name, doc->types, doc->max_bytes, field);
    if (!stored) {
      Discard(std::vector<std::string>(spooled.begin() + static_cast<std::ptrdiff_t>(i) + 1, spooled.end()));
      return stored.error();
    }
    c.files.push_back(store::DossierFileRecord{0, l->dossier.id, document_id, stored->sha256, stored->media_type,
                                               stored->kind, stored->bytes, stored->original_name, ctx.now,
                                               actor.principal.user_id, !owner});
  }
  if (received && c.after.paused_since) {
    c.after.due_at = office_parts::ResumedDue(*l, ctx);
    c.after.paused_since.reset();
    c.after.pause_reason.clear();
    c.close_pause = true;
  }
  c.mark_supplied = true;
  c.event = DossierEvent::kSupplied;
  c.action_code = std::string(domain::ActionCode(OfficeAction::kSupply));
  c.journal_action = "dossier.supply";
  c.summary.Set("files", static_cast<int64_t>(files.size())).Set("answers", static_cast<int64_t>(answers.size()));
  if (auto refused = Commit(actor, *l, version, c)) {
    return *refused;
  }
  return Reload(actor, l->dossier.id);
}

domain::Result<OfficeDossier> BackOffice::CounterIntake(const Actor& actor, const CounterIntakeInput& input) {
  std::vector<std::string> spooled;
  for (const auto& f : input.files) {
    spooled.push_back(f.second);
  }
  if (auto refused = RefuseUnless(actor, domain::Permission::kOfficer)) {
    Discard(spooled);
    return *refused;
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(input.procedure_code);
  if (procedure == nullptr) {
    Discard(spooled);
    return Error::Field("procedure", N_("Không tìm thấy thủ tục này."));
  }
  std::string agency = input.agency_code;
  if (agency.empty()) {
    std::vector<std::string> mine;
    for (const domain::Grant& g : actor.principal.grants) {
      if (g.role == domain::Role::kDeskOfficer) {
        mine.push_back(g.agency_code);
      }
    }
    if (!procedure->agency_code.empty()) {
      agency = procedure->agency_code;
    } else if (mine.size() == 1) {
      agency = mine.front();
    }
  }
  const domain::Agency* where = catalogue->FindAgency(agency);
  const bool handles = where != nullptr && (procedure->agency_code.empty() ? procedure->HasLevel(where->level)
                                                                           : procedure->agency_code == agency);
  if (!handles) {
    Discard(spooled);
    return Error::Field("agency", N_("Cơ quan này không giải quyết thủ tục này."));
  }
  if (!domain::HasRoleOver(actor.principal, *catalogue, domain::Role::kDeskOfficer, agency)) {
    Discard(spooled);
    return Error::Of(ErrorKind::kForbidden, N_("Chỉ cán bộ một cửa của cơ quan được nhận hồ sơ tại quầy."));
  }
  std::optional<domain::Account> citizen;
  db_.Read([&](store::Session& s) { citizen = store::FindAccount(s, input.citizen_id); });
  if (!citizen || !citizen->grants.empty()) {
    Discard(spooled);
    return Error::Field("citizen", N_("Không tìm thấy công dân này."));
  }
  domain::Result<domain::FormDefinition> form = forms_.Current(procedure->code);
  if (!form) {
    Discard(spooled);
    return form.error();
  }
  boost::json::object prefill;
  const std::pair<std::string_view, const std::string*> known[] = {{domain::kApplicantName, &citizen->full_name},
                                                                   {domain::kApplicantId, &citizen->personal_id},
                                                                   {domain::kApplicantPhone, &citizen->phone},
                                                                   {domain::kApplicantEmail, &citizen->email}};
  for (const auto& [id, value] : known) {
    if (!value->empty() && form->FindField(id) != nullptr) {
      prefill[id] = *value;
    }
  }
  domain::Result<boost::json::object> answers = domain::MergeAnswers(*form, prefill, input.answers);
  if (!answers) {
    Discard(spooled);
    return answers.error();
  }
  const domain::Instant now = clock_.Now();
  std::vector<store::DossierFileRecord> stored_files;
  std::vector<std::string> attached;
  for (size_t i = 0; i < input.files.size(); ++i) {
    const auto& [document_id, path] = input.files[i];
    const std::string name = i < input.file_names.size() ? input.file_names[i] : "";
    const domain::DocumentDef* doc = form->FindDocument(document_id);
    const std::string field = fmt::format("tai_lieu.{}", document_id);
    if (doc == nullptr) {
      Discard(std::vector<std::string>(spooled.begin() + static_cast<std::ptrdiff_t>(i), spooled.end()));
      return Error::Field(field, N_("Biểu mẫu không có thành phần hồ sơ này."));
    }
    domain::Result<StoredFile> stored = files_.Put(path, name, doc->types, doc->max_bytes, field);
    if (!stored) {
      Discard(std::vector<std::string>(spooled.begin() + static_cast<std::ptrdiff_t>(i) + 1, spooled.end()));
      return stored.error();
    }
    stored_files.push_back(store::DossierFileRecord{0, 0, document_id, stored->sha256, stored->media_type, stored->kind,
                                                    stored->bytes, stored->original_name, now, actor.principal.user_id,
                                                    true});
    attached.push_back(document_id);
  }
  Dossier probe;
  probe.created_at = now;
  std::vector<domain::FieldError> errors =
      domain::ValidateAnswers(*form, *answers, attached, dossiers_.ContextOf(probe));
  if (!errors.empty()) {
    return Error{ErrorKind::kInvalid, N_("Hồ sơ còn thiếu hoặc sai một số thông tin."), std::move(errors), 0};
  }
  const domain::Workflow workflow = workflows_.Current(procedure->code, agency);
  if (workflow.steps.empty()) {
    return Error::Field("procedure", N_("Chưa có quy trình xử lý cho thủ tục này."));
  }
  Context ctx;
  ctx.now = now;
  ctx.catalogue = catalogue;
  ctx.calendar = calendars_.Calendar();
  ctx.hours = calendars_.HoursOf(agency);
  ctx.procedure = procedure;
  store::DossierRecord d;
  d.procedure_code = procedure->code;
  d.agency_code = agency;
  d.form_version = form->version;
  d.owner_id = citizen->id;
  d.applicant_name = dossier_parts::TextAnswer(*answers, domain::kApplicantName);
  if (d.applicant_name.empty()) {
    d.applicant_name = citizen->full_name;
  }
  const std::string answers_text = boost::json::serialize(domain::VisibleAnswers(*form, *answers));
  d.answers_json = answers_text;
  d.created_at = d.updated_at = now;
  const std::string secret = security::RandomFromAlphabet(domain::kCodeAlphabet, domain::kLookupSecretLength);
  const domain::CivilDate today = domain::VietnamToday(now);
  int64_t id = 0;
  try {
    db_.Write([&](store::Session& s) {
      id = store::InsertDossier(s, d);
      for (store::DossierFileRecord f : stored_files) {
        f.dossier_id = id;
        store::InsertDossierFile(s, f);
      }
      const std::optional<std::string> code = dossier_parts::IssueDossierCode(s, agency, today);
      if (!code) {
        throw SequenceExhausted{};
      }
      store::MarkDossierFiled(s, id, *code, secret, answers_text, now, "");
      store::SetChannel(s, id, static_cast<int32_t>(domain::Channel::kInPerson));
      store::ProcessingRecord p = store::LockProcessing(s, id).value();
      const int64_t filed_version = p.version;
      std::optional<store::HandoffRecord> reception;
      const store::HandoffRecord h = office_parts::Receive(p, id, agency, workflow, ctx, actor.principal, reception);
      p.status = domain::DossierStatus::kAccepted;
      if (input.issue_ticket) {
        p.queue_ticket = static_cast<int32_t>(store::NextQueueTicket(s, agency, domain::CivilDateText(today)));
      }
      store::SaveProcessing(s, p, filed_version, now);
      if (reception) {
        store::InsertHandoff(s, *reception);
      }
      store::InsertHandoff(s, h);
      const std::string when = p.appointment ? domain::LocalTime(*p.appointment) : "";
      store::InsertDossierEvent(
          s, id,
          store::DossierEventRecord{DossierEvent::kSubmitted, now, actor.principal.user_id, actor.principal.name,
                                    N_("Nộp trực tiếp tại bộ phận một cửa.")});
      store::InsertDossierEvent(
          s, id,
          store::DossierEventRecord{DossierEvent::kAccepted, now, actor.principal.user_id, actor.principal.name,
                                    when.empty() ? "" : fmt::format("{} {}", N_("Hẹn trả kết quả:"), when)});
      Journal(s, actor,
              JournalEntry::Of("dossier.counter_intake", "dossier", std::to_string(id),
                               Summary{}
                                   .Set("code", *code)
                                   .Set("procedure", procedure->code)
                                   .Set("citizen", citizen->id)
                                   .Set("files", static_cast<int64_t>(stored_files.size()))
                                   .After("appointment", when)));
      d.code = *code;
      d.id = id;
      office_parts::TellApplicant(
          s, clock_, d, fmt::format("dossier-{}-accept", id), N_("Hồ sơ đã được tiếp nhận"),
          office_parts::MessageText(
              public_url_, *code,
              when.empty() ? std::string(N_("đã được tiếp nhận."))
                           : fmt::format("{} {} {}.", N_("đã được tiếp nhận."), N_("Hẹn trả kết quả:"), when)));
    });
  } catch (const SequenceExhausted&) {
    return Error::Of(ErrorKind::kBusy, N_("Cơ quan đã nhận đủ 9999 hồ sơ trong ngày. Hãy nộp lại vào ngày mai."));
  }
  return Reload(actor, id);
}

}  // namespace motcua::service
