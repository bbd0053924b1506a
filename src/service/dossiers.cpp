//! Dossiers: starting a draft, reading it, saving answers, attaching and removing files, "Hồ sơ của tôi".
//! Filing, withdrawal and lookup are in dossier_filing.cpp; guidance at the desk in guidance.cpp.
#include "service/dossiers.hpp"

#include <fmt/format.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <tuple>
#include <utility>

#include "domain/messages.hpp"
#include "domain/policy.hpp"
#include "service/dossier_parts.hpp"
#include "service/journal.hpp"
#include "service/permission.hpp"
#include "store/account_store.hpp"
#include "store/catalogue_store.hpp"
#include "store/dossier_store.hpp"

namespace motcua::service {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

namespace dossier_parts {

boost::json::object ParseObject(const std::string& text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) {
    return {};
  }
  return std::move(v.as_object());
}

std::vector<std::string> ParseIds(const std::string& text) {
  boost::system::error_code ec;
  const boost::json::value v = boost::json::parse(text, ec);
  std::vector<std::string> out;
  if (ec || !v.is_array()) {
    return out;
  }
  for (const boost::json::value& id : v.as_array()) {
    if (id.is_string()) {
      out.emplace_back(id.as_string());
    }
  }
  return out;
}

std::string IdsText(const std::vector<std::string>& ids) {
  boost::json::array a;
  for (const std::string& id : ids) {
    a.emplace_back(id);
  }
  return boost::json::serialize(a);
}

std::string TextAnswer(const boost::json::object& answers, std::string_view id) {
  const auto it = answers.find(id);
  if (it == answers.end() || !it->value().is_string()) {
    return "";
  }
  return std::string(it->value().as_string());
}

Error NotFound() { return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy hồ sơ này.")); }

Error NotEditable() {
  return Error::Of(ErrorKind::kConflict,
                   N_("Hồ sơ đã được cơ quan tiếp nhận nên không sửa được nữa. Hãy liên hệ bộ phận một cửa."));
}

Error Conflict(const char* message) { return Error::Of(ErrorKind::kConflict, message); }

}  // namespace dossier_parts

namespace {

using dossier_parts::NotEditable;
using dossier_parts::NotFound;

//! The first day of the two-tier administrative units (1 July 2025, Vietnam time): dossiers started from then on
//! take addresses of era "2025", earlier ones of era "2024".
constexpr domain::CivilDate kTwoTierStart{2025, 7, 1};

bool Before(domain::CivilDate a, domain::CivilDate b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

//! The applicant's answers taken from the account, for the questions `form` has.
boost::json::object Prefill(const domain::FormDefinition& form, const domain::Account& account) {
  boost::json::object out;
  const std::pair<std::string_view, const std::string*> known[] = {{domain::kApplicantName, &account.full_name},
                                                                   {domain::kApplicantId, &account.personal_id},
                                                                   {domain::kApplicantPhone, &account.phone},
                                                                   {domain::kApplicantEmail, &account.email}};
  for (const auto& [id, value] : known) {
    if (!value->empty() && form.FindField(id) != nullptr) {
      out[id] = *value;
    }
  }
  return out;
}

//! The agency the dossier is filed with: `typed`, checked against the procedure, or the one agency handling it.
domain::Result<std::string> ChooseAgency(const domain::Catalogue& catalogue, const domain::Procedure& procedure,
                                         const std::string& typed) {
  std::vector<std::string> handling;
  if (!procedure.agency_code.empty()) {
    handling.push_back(procedure.agency_code);
  } else {
    for (const domain::Agency& a : catalogue.agencies()) {
      if (procedure.HasLevel(a.level)) {
        handling.push_back(a.code);
      }
    }
  }
  if (typed.empty()) {
    if (handling.size() == 1) {
      return handling.front();
    }
    return Error::Field("agency", handling.empty() ? N_("Chưa có cơ quan nào nhận thủ tục này trực tuyến.")
                                                   : N_("Hãy chọn cơ quan giải quyết hồ sơ."));
  }
  if (std::find(handling.begin(), handling.end(), typed) == handling.end()) {
    return Error::Field("agency", N_("Cơ quan này không giải quyết thủ tục này."));
  }
  return typed;
}

}  // namespace

Dossiers::Dossiers(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue, FormLibrary& forms,
                   FileStore& files, std::string public_url)
    : db_(db), clock_(clock), catalogue_(catalogue), forms_(forms), files_(files), public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') {
    public_url_.pop_back();
  }
}

Dossiers::Access Dossiers::AccessOf(store::Session& s, const Actor& actor, const store::DossierRecord& d) const {
  const domain::Principal& p = actor.principal;
  if (!p.signed_in()) {
    return Access::kNone;
  }
  if (domain::Owns(p, d.owner_id)) {
    return Access::kOwner;
  }
  if (d.organisation_id != 0) {
    const std::optional<domain::Organisation> org = store::FindOrganisation(s, d.organisation_id);
    if (org && org->representative_id == p.user_id) {
      return Access::kOwner;
    }
  }
  if (d.status == domain::DossierStatus::kDraft) {
    const std::optional<store::GuidanceRecord> g = store::ActiveGuidance(s, d.id, clock_.Now());
    return g && g->officer_id == p.user_id ? Access::kGuide : Access::kNone;
  }
  return domain::CanSeeDossier(p, *catalogue_.Get(), d.agency_code) ? Access::kOfficer : Access::kNone;
}

Dossier Dossiers::Load(store::Session& s, const store::DossierRecord& d) const {
  Dossier out;
  out.id = d.id;
  out.code = d.code;
  out.lookup_secret = d.lookup_secret;
  out.procedure_code = d.procedure_code;
  out.agency_code = d.agency_code;
  out.form_version = d.form_version;
  out.owner_id = d.owner_id;
  out.organisation_id = d.organisation_id;
  out.relationship = d.relationship;
  out.applicant_name = d.applicant_name;
  out.status = d.status;
  out.answers = dossier_parts::ParseObject(d.answers_json);
  for (const store::DossierFileRecord& f : store::ListDossierFiles(s, d.id)) {
    out.files.push_back(DossierFile{f.id, f.document_id,
                                    StoredFile{f.sha256, f.media_type, f.kind, f.bytes, f.original_name}, f.added_at,
                                    f.by_officer});
  }
  for (const store::DossierEventRecord& e : store::ListDossierEvents(s, d.id)) {
    out.timeline.push_back(TimelineEntry{e.event, e.at, e.actor_name, e.note});
  }
  out.guided = d.guided;
  out.officer_fields = dossier_parts::ParseIds(d.officer_fields_json);
  out.guidance_active =
      d.status == domain::DossierStatus::kDraft && store::ActiveGuidance(s, d.id, clock_.Now()).has_value();
  out.created_at = d.created_at;
  out.updated_at = d.updated_at;
  out.submitted_at = d.submitted_at;
  out.expected_on = domain::ParseCivilDate(d.expected_on);
  out.version = d.version;
  return out;
}

domain::Result<Dossiers::Editable> Dossiers::LockEditable(store::Session& s, const Actor& actor, int64_t id) const {
  std::optional<store::DossierRecord> d = store::LockDossier(s, id);
  const Access access = d ? AccessOf(s, actor, *d) : Access::kNone;
  if (access != Access::kOwner && access != Access::kGuide) {
    return NotFound();
  }
  if (!domain::OwnerMayEdit(d->status)) {
    return NotEditable();
  }
  return Editable{std::move(*d), access};
}

void Dossiers::RecordChange(store::Session& s, const Actor& actor, const Editable& e, domain::Instant now) {
  const bool by_guide = e.access == Access::kGuide;
  if (!by_guide && e.record.status == domain::DossierStatus::kDraft) {
    return;
  }
  const domain::DossierEvent event = by_guide ? domain::DossierEvent::kGuidanceChanged : domain::DossierEvent::kEdited;
  store::InsertDossierEvent(s, e.record.id,
                            store::DossierEventRecord{event, now, actor.principal.user_id, actor.principal.name, ""});
}

domain::Result<Dossier> Dossiers::Reloaded(const Actor& actor, int64_t id, const std::optional<Error>& refused) {
  if (refused) {
    return *refused;
  }
  auto [saved, unused] = Fetch(actor, id);
  if (!saved) {
    return NotFound();
  }
  return std::move(*saved);
}

std::pair<std::optional<Dossier>, Dossiers::Access> Dossiers::Fetch(const Actor& actor, int64_t id) {
  std::pair<std::optional<Dossier>, Access> out{std::nullopt, Access::kNone};
  db_.Read([&](store::Session& s) {
    const std::optional<store::DossierRecord> d = store::FindDossier(s, id);
    if (!d) {
      return;
    }
    out.second = AccessOf(s, actor, *d);
    if (out.second != Access::kNone) {
      out.first = Load(s, *d);
    }
  });
  return out;
}

void Dossiers::JournalView(const Actor& actor, int64_t id, const std::string& action) {
  db_.Write([&](store::Session& s) { Journal(s, actor, JournalEntry::Of(action, "dossier", std::to_string(id))); });
}

domain::Result<Dossier> Dossiers::Start(const Actor& actor, StartDossier input, std::string_view idempotency_key) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kCitizen)) {
    return *refused;
  }
  const int64_t user_id = actor.principal.user_id;
  if (!idempotency_key.empty()) {
    std::optional<store::IdempotentResult> first;
    db_.Read([&](store::Session& s) { first = store::FindIdempotencyKey(s, user_id, idempotency_key); });
    if (first && first->operation != "dossier.start") {
      return Error::Of(ErrorKind::kConflict, N_("Khoá chống gửi lặp này đã được dùng cho một việc khác."));
    }
    if (first) {
      return Get(actor, first->object_id);
    }
  }
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(input.procedure_code);
  if (procedure == nullptr) {
    return Error::Field("procedure", N_("Không tìm thấy thủ tục này."));
  }
  domain::Result<std::string> agency = ChooseAgency(*catalogue, *procedure, input.agency_code);
  if (!agency) {
    return agency.error();
  }
  std::optional<domain::Account> account;
  std::optional<domain::Organisation> organisation;
  db_.Read([&](store::Session& s) {
    account = store::FindAccount(s, user_id);
    if (input.organisation_id != 0) {
      organisation = store::FindOrganisation(s, input.organisation_id);
    }
  });
  if (!account) {
    return NotFound();
  }
  if (input.organisation_id != 0 && (!organisation || organisation->representative_id != user_id)) {
    return Error::Field("organisation", N_("Bạn không phải người đại diện của tổ chức này."));
  }
  domain::Result<domain::FormDefinition> form = forms_.Current(procedure->code);
  if (!form) {
    return form.error();
  }
  // The applicant's page ("nguoi-nop") is about the person filing, who is the account holder even when filing for
  // someone else: that case is told by the form's own questions (nop_thay, quan_he), answered here when it has them.
  boost::json::object prefill = Prefill(*form, *account);
  if (!input.relationship.empty()) {
    if (form->FindField(domain::kForSomeoneElse) != nullptr) {
      prefill[domain::kForSomeoneElse] = true;
    }
    if (form->FindField(domain::kRelationship) != nullptr) {
      prefill[domain::kRelationship] = input.relationship;
    }
  }
  domain::Result<boost::json::object> answers = domain::MergeAnswers(*form, prefill, input.answers);
  if (!answers) {
    return answers.error();
  }
  store::DossierRecord d;
  d.procedure_code = procedure->code;
  d.agency_code = *agency;
  d.form_version = form->version;
  d.owner_id = user_id;
  d.organisation_id = input.organisation_id;
  d.relationship = input.relationship;
  d.applicant_name = dossier_parts::TextAnswer(*answers, domain::kApplicantName);
  if (d.applicant_name.empty()) {
    d.applicant_name = organisation ? organisation->name : account->full_name;
  }
  d.answers_json = boost::json::serialize(*answers);
  d.created_at = d.updated_at = clock_.Now();
  int64_t id = 0;
  try {
    db_.Write([&](store::Session& s) {
      id = store::InsertDossier(s, d);
      store::InsertDossierEvent(
          s, id,
          store::DossierEventRecord{domain::DossierEvent::kCreated, d.created_at, user_id, actor.principal.name, ""});
      if (!idempotency_key.empty()) {
        store::InsertIdempotencyKey(s, user_id, idempotency_key, "dossier.start", id, d.created_at);
      }
      Journal(s, actor,
              JournalEntry::Of("dossier.start", "dossier", std::to_string(id),
                               Summary{}
                                   .Set("procedure", d.procedure_code)
                                   .Set("agency", d.agency_code)
                                   .Set("form_version", int64_t{d.form_version})));
    });
  } catch (const store::DatabaseError& e) {
    // The same key used by a concurrent request that committed first: answer with its dossier.
    if (e.kind() != store::ErrorKind::kUniqueViolation || idempotency_key.empty()) {
      throw;
    }
    std::optional<store::IdempotentResult> first;
    db_.Read([&](store::Session& s) { first = store::FindIdempotencyKey(s, user_id, idempotency_key); });
    if (!first) {
      throw;
    }
    id = first->object_id;
  }
  return Get(actor, id);
}

domain::Result<Dossier> Dossiers::Get(const Actor& actor, int64_t id) {
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier) {
    return NotFound();
  }
  if (access == Access::kGuide || access == Access::kOfficer) {
    JournalView(actor, id, access == Access::kGuide ? "dossier.guided_view" : "dossier.view");
  }
  return std::move(*dossier);
}

domain::Result<Dossier> Dossiers::GetByCode(const Actor& actor, std::string_view code) {
  const std::optional<domain::DossierCodeParts> parts = domain::ParseDossierCode(code);
  if (!parts) {
    return NotFound();
  }
  int64_t id = 0;
  db_.Read([&](store::Session& s) {
    const std::optional<store::DossierRecord> d =
        store::FindDossierByCode(s, domain::FormatDossierCode(parts->agency_code, parts->day, parts->sequence));
    id = d ? d->id : 0;
  });
  if (id == 0) {
    return NotFound();
  }
  return Get(actor, id);
}

domain::Result<domain::FormDefinition> Dossiers::FormOf(const Dossier& dossier) {
  return forms_.Version(dossier.procedure_code, dossier.form_version);
}

domain::AnswerContext Dossiers::ContextOf(const Dossier& dossier) {
  domain::AnswerContext context;
  context.today = domain::VietnamToday(clock_.Now());
  context.era = Before(domain::VietnamToday(dossier.created_at), kTwoTierStart) ? "2024" : "2025";
  // Units looked up once per context and kept, so the pointers handed out stay valid while the context lives.
  auto cache = std::make_shared<std::map<std::string, std::optional<domain::AdminUnit>>>();
  store::Database* db = &db_;
  context.find_unit = [cache, db](std::string_view era, std::string_view code) -> const domain::AdminUnit* {
    const std::string key = fmt::format("{}/{}", era, code);
    auto it = cache->find(key);
    if (it == cache->end()) {
      it = cache->emplace(key, store::FindAdminUnit(*db, std::string(era), std::string(code))).first;
    }
    return it->second ? &*it->second : nullptr;
  };
  return context;
}

domain::Result<std::vector<DossierSummary>> Dossiers::Mine(const Actor& actor) {
  if (auto refused = RefuseUnless(actor, domain::Permission::kSignedIn)) {
    return *refused;
  }
  std::vector<store::DossierRecord> rows;
  db_.Read([&](store::Session& s) { rows = store::ListDossiersOf(s, actor.principal.user_id, kMaxListedDossiers); });
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  std::vector<DossierSummary> out;
  out.reserve(rows.size());
  for (const store::DossierRecord& d : rows) {
    const domain::Procedure* procedure = catalogue->FindProcedure(d.procedure_code);
    out.push_back(DossierSummary{d.id, d.code, d.procedure_code, procedure != nullptr ? procedure->name : "",
                                 d.applicant_name, d.status, d.updated_at, domain::ParseCivilDate(d.expected_on)});
  }
  return out;
}

domain::Result<Dossier> Dossiers::SaveAnswers(const Actor& actor, int64_t id, const boost::json::object& patch,
                                              std::optional<int64_t> expected_version) {
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier || access == Access::kOfficer) {
    return NotFound();
  }
  domain::Result<domain::FormDefinition> form = FormOf(*dossier);
  if (!form) {
    return form.error();
  }
  std::optional<Error> refused;
  db_.Write([&](store::Session& s) {
    domain::Result<Editable> e = LockEditable(s, actor, id);
    if (!e) {
      refused = e.error();
      return;
    }
    const store::DossierRecord* d = &e->record;
    const Access now_access = e->access;
    if (expected_version && *expected_version != d->version) {
      refused = Error::Of(ErrorKind::kConflict, N_("Hồ sơ vừa được thay đổi ở nơi khác. Hãy tải lại trang."));
      return;
    }
    domain::Result<boost::json::object> merged =
        domain::MergeAnswers(*form, dossier_parts::ParseObject(d->answers_json), patch);
    if (!merged) {
      refused = merged.error();
      return;
    }
    std::vector<std::string> marks = dossier_parts::ParseIds(d->officer_fields_json);
    if (now_access == Access::kGuide) {
      for (const auto& kv : patch) {
        if (std::find(marks.begin(), marks.end(), kv.key()) == marks.end()) {
          marks.emplace_back(kv.key());
        }
      }
    }
    std::string applicant = dossier_parts::TextAnswer(*merged, domain::kApplicantName);
    if (applicant.empty()) {
      applicant = d->applicant_name;
    }
    const domain::Instant now = clock_.Now();
    store::UpdateDossierAnswers(s, id, d->version, boost::json::serialize(*merged), applicant,
                                dossier_parts::IdsText(marks), now);
    std::string keys;
    for (const auto& kv : patch) {
      keys += keys.empty() ? std::string(kv.key()) : "," + std::string(kv.key());
    }
    RecordChange(s, actor, *e, now);
    Journal(s, actor,
            JournalEntry::Of(now_access == Access::kGuide ? "dossier.guided_change" : "dossier.answers", "dossier",
                             std::to_string(id), Summary{}.Set("fields", keys)));
  });
  return Reloaded(actor, id, refused);
}

domain::Result<Dossier> Dossiers::AttachFile(const Actor& actor, int64_t id, std::string_view document_id,
                                             const std::string& path, std::string_view original_name) {
  // The spooled upload is this call's to move or delete, whatever the outcome.
  auto discard = [&] {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  };
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier || access == Access::kOfficer ||
      (access == Access::kGuide && dossier->status != domain::DossierStatus::kDraft)) {
    discard();
    return NotFound();
  }
  if (!domain::OwnerMayEdit(dossier->status)) {
    discard();
    return NotEditable();
  }
  domain::Result<domain::FormDefinition> form = FormOf(*dossier);
  if (!form) {
    discard();
    return form.error();
  }
  const domain::DocumentDef* doc = form->FindDocument(document_id);
  const std::string field = fmt::format("tai_lieu.{}", document_id);
  if (doc == nullptr) {
    discard();
    return Error::Field(field, N_("Biểu mẫu không có thành phần hồ sơ này."));
  }
  int64_t total = 0;
  for (const DossierFile& f : dossier->files) {
    total += f.file.bytes;
  }
  if (static_cast<int64_t>(dossier->files.size()) >= kMaxFilesPerDossier) {
    discard();
    return Error::Field(field, domain::MessageWith(N_("Một hồ sơ có tối đa {} tệp. Hãy xoá bớt tệp không cần thiết."),
                                                   {std::to_string(kMaxFilesPerDossier)}));
  }
  domain::Result<StoredFile> stored = files_.Put(path, original_name, doc->types, doc->max_bytes, field);
  if (!stored) {
    return stored.error();
  }
  if (total + stored->bytes > kMaxDossierBytes) {
    return Error::Field(field, domain::MessageWith(N_("Các tệp của một hồ sơ không được quá {} MB. Hãy xoá bớt tệp "
                                                      "hoặc chụp nhỏ hơn."),
                                                   {std::to_string(kMaxDossierBytes / domain::kBytesPerMb)}));
  }
  std::optional<Error> refused;
  db_.Write([&](store::Session& s) {
    domain::Result<Editable> e = LockEditable(s, actor, id);
    if (!e) {
      refused = e.error();
      return;
    }
    const Access now_access = e->access;
    const auto [count, bytes] = store::DossierFileTotals(s, id);
    if (count >= kMaxFilesPerDossier || bytes + stored->bytes > kMaxDossierBytes) {
      refused = Error::Field(field, N_("Hồ sơ đã đủ số tệp hoặc dung lượng cho phép."));
      return;
    }
    const domain::Instant now = clock_.Now();
    const bool by_officer = now_access == Access::kGuide;
    const int64_t file_id = store::InsertDossierFile(
        s, store::DossierFileRecord{0, id, std::string(document_id), stored->sha256, stored->media_type, stored->kind,
                                    stored->bytes, stored->original_name, now, actor.principal.user_id, by_officer});
    store::TouchDossier(s, id, now);
    RecordChange(s, actor, *e, now);
    Journal(s, actor,
            JournalEntry::Of(by_officer ? "dossier.guided_attach" : "dossier.attach", "dossier", std::to_string(id),
                             Summary{}
                                 .Set("document", std::string(document_id))
                                 .Set("file", file_id)
                                 .Set("sha256", stored->sha256)
                                 .Set("bytes", stored->bytes)));
  });
  return Reloaded(actor, id, refused);
}

domain::Result<Dossier> Dossiers::RemoveFile(const Actor& actor, int64_t id, int64_t file_id) {
  std::optional<Error> refused;
  db_.Write([&](store::Session& s) {
    domain::Result<Editable> e = LockEditable(s, actor, id);
    if (!e) {
      refused = e.error();
      return;
    }
    const Access access = e->access;
    if (!store::DeleteDossierFile(s, id, file_id)) {
      refused = Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy tệp này."));
      return;
    }
    const domain::Instant now = clock_.Now();
    store::TouchDossier(s, id, now);
    RecordChange(s, actor, *e, now);
    Journal(s, actor,
            JournalEntry::Of(access == Access::kGuide ? "dossier.guided_remove_file" : "dossier.remove_file", "dossier",
                             std::to_string(id), Summary{}.Set("file", file_id)));
  });
  return Reloaded(actor, id, refused);
}

domain::Result<FileDownload> Dossiers::File(const Actor& actor, int64_t id, int64_t file_id) {
  auto [dossier, access] = Fetch(actor, id);
  if (!dossier) {
    return NotFound();
  }
  const auto it =
      std::find_if(dossier->files.begin(), dossier->files.end(), [&](const DossierFile& f) { return f.id == file_id; });
  if (it == dossier->files.end()) {
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy tệp này."));
  }
  const std::string path = files_.PathOf(it->file.sha256);
  if (path.empty()) {
    return Error::Of(ErrorKind::kNotFound, N_("Không tìm thấy tệp này."));
  }
  if (access == Access::kGuide || access == Access::kOfficer) {
    db_.Write([&](store::Session& s) {
      Journal(s, actor,
              JournalEntry::Of("dossier.file_view", "dossier", std::to_string(id), Summary{}.Set("file", file_id)));
    });
  }
  return FileDownload{path, it->file.media_type, it->file.original_name};
}

}  // namespace motcua::service
