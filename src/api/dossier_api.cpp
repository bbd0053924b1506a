#include "api/dossier_api.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <memory>
#include <set>
#include <utility>
#include <variant>

#include <boost/json.hpp>

#include "domain/answers.hpp"
#include "domain/dossier.hpp"
#include "domain/form_definition.hpp"
#include "domain/messages.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"

namespace motcua::api {

namespace json = boost::json;
using domain::N_;
using http::Request;
using http::Response;

namespace {

constexpr int32_t kCreated = 201;
constexpr std::string_view kDossiersPath = "/api/v1/dossiers/";

//! Everything a handler needs.
struct Context {
  service::Dossiers& dossiers;
  service::FormLibrary& forms;
  const domain::Clock& clock;
  Translate translate;
  DossierDetail detail;

  //! `msgid` in the language of `req`.
  std::string T(const Request& req, std::string_view msgid) const {
    return translate(ApiLanguage(req.Header("accept-language")), msgid);
  }
};

//! "2026-11-30T04:55:22Z" (UTC, whole seconds).
std::string Rfc3339(domain::Instant t) {
  const std::chrono::sys_seconds s{std::chrono::seconds{t.Seconds()}};
  const auto day = std::chrono::floor<std::chrono::days>(s);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{s - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int32_t>(ymd.year()),
                     static_cast<uint32_t>(ymd.month()), static_cast<uint32_t>(ymd.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

//! "YYYY-MM-DD".
std::string IsoDate(const domain::CivilDate& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

json::value OptDate(const std::optional<domain::CivilDate>& d) { return d ? json::value(IsoDate(*d)) : nullptr; }

json::value OptText(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

//! Where an API client reads the dossier: by code once filed, by id while a draft.
std::string UrlOf(int64_t id, const std::string& code) {
  return std::string(kDossiersPath) + (code.empty() ? std::to_string(id) : code);
}

Response JsonError(const Context& ctx, const Request& req, int32_t status, std::string_view msgid) {
  return Response::Json(json::serialize(json::object{{"error", ctx.T(req, msgid)}}), status);
}

//! The answer for a failed operation: 422 with every field and message, or the kind's status with its message
//! (and Retry-After when the error says when to try again).
Response ErrorResponse(const Context& ctx, const Request& req, const domain::Error& error) {
  if (error.kind == domain::ErrorKind::kInvalid || (!error.fields.empty() && error.message.empty())) {
    json::array errors;
    for (const domain::FieldError& f : error.fields) {
      errors.push_back(json::object{{"field", f.field}, {"message", ctx.T(req, f.message)}});
    }
    json::object body{{"errors", std::move(errors)}};
    if (!error.message.empty()) {
      body["error"] = ctx.T(req, error.message);
    }
    return Response::Json(json::serialize(body), http::kUnprocessable);
  }
  int32_t status = http::kServiceUnavailable;
  switch (error.kind) {
    case domain::ErrorKind::kNotFound:  // the service answers so for someone else's dossier: its existence is private
      status = http::kNotFound;
      break;
    case domain::ErrorKind::kForbidden:  // e.g. an officer's token starting a draft: only citizens file
      status = http::kForbidden;
      break;
    case domain::ErrorKind::kConflict:
      status = http::kConflict;
      break;
    case domain::ErrorKind::kRateLimited:
      status = http::kTooManyRequests;
      break;
    default:
      break;
  }
  const std::string_view fallback = status == http::kNotFound ? N_("Không có hồ sơ này.")
                                    : status == http::kForbidden ? N_("Tài khoản này không được làm việc này.")
                                                                 : N_("Hãy thử lại sau ít phút.");
  Response res = JsonError(ctx, req, status, error.message.empty() ? fallback : std::string_view(error.message));
  if (error.retry_after_seconds > 0) {
    res.Set("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return res;
}

json::array Timeline(std::string_view lang, const Translate& translate,
                     const std::vector<service::TimelineEntry>& entries) {
  json::array out;
  for (const service::TimelineEntry& e : entries) {
    out.push_back(json::object{{"event", domain::EventCode(e.event)},
                               {"text", translate(lang, domain::EventSentence(e.event))},
                               {"at", Rfc3339(e.at)},
                               {"by", OptText(e.actor_name)},
                               {"note", OptText(e.note)}});
  }
  return out;
}

json::object DossierJson(const Context& ctx, const Request& req, const service::Dossier& d) {
  return DossierObject(d, ApiLanguage(req.Header("accept-language")), ctx.translate);
}

//! The JSON object of a request body: 400 (malformed, or not an object) as a response otherwise.
std::variant<json::object, Response> BodyObject(const Context& ctx, const Request& req) {
  json::error_code ec;
  json::value v = json::parse(req.body, ec);
  if (ec) {
    return JsonError(ctx, req, http::kBadRequest, N_("Nội dung gửi lên không phải JSON hợp lệ."));
  }
  if (!v.is_object()) {
    return JsonError(ctx, req, http::kBadRequest, N_("Nội dung gửi lên phải là một đối tượng JSON."));
  }
  return std::move(v.as_object());
}

//! A 422 naming `field` when it is not of the expected JSON kind.
Response WrongType(const Context& ctx, const Request& req, std::string_view field, std::string_view msgid) {
  json::array errors;
  errors.push_back(json::object{{"field", field}, {"message", ctx.T(req, msgid)}});
  return Response::Json(json::serialize(json::object{{"errors", std::move(errors)}}), http::kUnprocessable);
}

//! The Idempotency-Key header ("" when none), or nothing when it is too long or not printable ASCII.
std::optional<std::string> IdempotencyKey(const Request& req) {
  const std::string_view key = http::TrimOws(req.Header("idempotency-key"));
  if (key.size() > kMaxIdempotencyKeyBytes ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; })) {
    return std::nullopt;
  }
  return std::string(key);
}

//! The top-level question an error field names ("cha.province" and "con[0].ten" → "cha", "con").
std::string_view TopField(std::string_view field) { return field.substr(0, field.find_first_of(".[")); }

//! The errors of the values `patch` gives (merged over `base`): a wrong type or out of bounds, never "missing"
//! (a draft may be incomplete). Keys that are not questions are errors too. Nothing when every value is acceptable.
std::optional<domain::Error> CheckPatch(const domain::FormDefinition& form, const json::object& base,
                                        const json::object& patch, const domain::AnswerContext& context) {
  domain::Result<json::object> merged = domain::MergeAnswers(form, base, patch);
  if (!merged.ok()) {
    return merged.error();
  }
  std::set<std::string_view> given;
  for (const auto& [key, value] : patch) {
    if (!value.is_null()) {
      given.insert(key);
    }
  }
  domain::Error error{domain::ErrorKind::kInvalid, {}, {}, 0};
  for (domain::FieldError& f : domain::ValidateAnswers(form, merged.value(), {}, context, false)) {
    if (given.count(TopField(f.field)) > 0) {
      error.fields.push_back(std::move(f));
    }
  }
  if (error.fields.empty()) {
    return std::nullopt;
  }
  return error;
}

//! The dossier named by the path's `{id}`: a number is an internal id, anything else a dossier code.
domain::Result<service::Dossier> Find(Context& ctx, const service::Actor& actor, std::string_view key) {
  int64_t id = 0;
  const auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec == std::errc() && end == key.data() + key.size() && id > 0) {
    return ctx.dossiers.Get(actor, id);
  }
  return ctx.dossiers.GetByCode(actor, key);
}

Response Form(Context& ctx, const Request& req) {
  domain::Result<domain::FormDefinition> form = ctx.forms.Current(req.Param("code"));
  if (!form.ok()) {
    return ErrorResponse(ctx, req, form.error());
  }
  return Response::Json(json::serialize(domain::ToJson(form.value())));
}

Response Create(Context& ctx, const Request& req) {
  const std::optional<std::string> key = IdempotencyKey(req);
  if (!key) {
    return JsonError(ctx, req, http::kBadRequest, N_("Idempotency-Key phải là chữ ASCII in được, tối đa 128 ký tự."));
  }
  auto body = BodyObject(ctx, req);
  if (auto* refused = std::get_if<Response>(&body)) {
    return std::move(*refused);
  }
  const json::object& in = std::get<json::object>(body);
  service::StartDossier start;
  const json::value* procedure = in.if_contains("procedure");
  if (procedure == nullptr || !procedure->is_string() || procedure->as_string().empty()) {
    return WrongType(ctx, req, "procedure", N_("Ghi mã thủ tục, ví dụ 1.001193."));
  }
  start.procedure_code = std::string(procedure->as_string());
  if (const json::value* agency = in.if_contains("agency"); agency != nullptr && !agency->is_null()) {
    if (!agency->is_string()) {
      return WrongType(ctx, req, "agency", N_("Mã cơ quan phải là một chuỗi."));
    }
    start.agency_code = std::string(agency->as_string());
  }
  if (const json::value* relationship = in.if_contains("relationship"); relationship != nullptr) {
    if (!relationship->is_string()) {
      return WrongType(ctx, req, "relationship", N_("Quan hệ với người được nộp thay phải là một chuỗi."));
    }
    start.relationship = std::string(relationship->as_string());
  }
  if (const json::value* organisation = in.if_contains("organisation_id"); organisation != nullptr) {
    if (!organisation->is_int64() || organisation->as_int64() < 0) {
      return WrongType(ctx, req, "organisation_id", N_("Mã tổ chức phải là một số nguyên."));
    }
    start.organisation_id = organisation->as_int64();
  }
  if (const json::value* answers = in.if_contains("answers"); answers != nullptr) {
    if (!answers->is_object()) {
      return WrongType(ctx, req, "answers", N_("Câu trả lời phải là một đối tượng JSON theo mã câu hỏi."));
    }
    start.answers = answers->as_object();
  }
  if (!start.answers.empty()) {
    domain::Result<domain::FormDefinition> form = ctx.forms.Current(start.procedure_code);
    if (!form.ok()) {
      return ErrorResponse(ctx, req, form.error());
    }
    service::Dossier probe;  // the draft about to start: its era is today's
    probe.procedure_code = start.procedure_code;
    probe.created_at = ctx.clock.Now();
    if (auto error = CheckPatch(form.value(), {}, start.answers, ctx.dossiers.ContextOf(probe))) {
      return ErrorResponse(ctx, req, *error);
    }
  }
  domain::Result<service::Dossier> d = ctx.dossiers.Start(access::ActorOf(req), std::move(start), *key);
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  return Response::Json(json::serialize(DossierJson(ctx, req, d.value())), kCreated)
      .Set("Location", UrlOf(d.value().id, d.value().code));
}

Response Patch(Context& ctx, const Request& req) {
  auto body = BodyObject(ctx, req);
  if (auto* refused = std::get_if<Response>(&body)) {
    return std::move(*refused);
  }
  const json::object& in = std::get<json::object>(body);
  const json::value* answers = in.if_contains("answers");
  if (answers == nullptr || !answers->is_object()) {
    return WrongType(ctx, req, "answers", N_("Câu trả lời phải là một đối tượng JSON theo mã câu hỏi."));
  }
  std::optional<int64_t> expected_version;
  if (const json::value* version = in.if_contains("version"); version != nullptr) {
    if (!version->is_int64()) {
      return WrongType(ctx, req, "version", N_("Phiên bản phải là một số nguyên."));
    }
    expected_version = version->as_int64();
  }
  const service::Actor actor = access::ActorOf(req);
  domain::Result<service::Dossier> d = Find(ctx, actor, req.Param("id"));
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  domain::Result<domain::FormDefinition> form = ctx.dossiers.FormOf(d.value());
  if (!form.ok()) {
    return ErrorResponse(ctx, req, form.error());
  }
  if (auto error =
          CheckPatch(form.value(), d.value().answers, answers->as_object(), ctx.dossiers.ContextOf(d.value()))) {
    return ErrorResponse(ctx, req, *error);
  }
  domain::Result<service::Dossier> saved =
      ctx.dossiers.SaveAnswers(actor, d.value().id, answers->as_object(), expected_version);
  if (!saved.ok()) {
    return ErrorResponse(ctx, req, saved.error());
  }
  return Response::Json(json::serialize(DossierJson(ctx, req, saved.value())));
}

Response Submit(Context& ctx, const Request& req) {
  const std::optional<std::string> key = IdempotencyKey(req);
  if (!key) {
    return JsonError(ctx, req, http::kBadRequest, N_("Idempotency-Key phải là chữ ASCII in được, tối đa 128 ký tự."));
  }
  const service::Actor actor = access::ActorOf(req);
  domain::Result<service::Dossier> d = Find(ctx, actor, req.Param("id"));
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  domain::Result<service::Filed> filed = ctx.dossiers.Submit(actor, d.value().id, *key);
  if (!filed.ok()) {
    return ErrorResponse(ctx, req, filed.error());
  }
  const service::Filed& f = filed.value();
  return Response::Json(json::serialize(json::object{{"id", f.id},
                                                     {"code", f.code},
                                                     {"lookup_secret", f.lookup_secret},
                                                     {"status", domain::StatusCode(f.status)},
                                                     {"submitted_at", Rfc3339(f.submitted_at)},
                                                     {"expected_on", OptDate(f.expected_on)},
                                                     {"url", UrlOf(f.id, f.code)}}));
}

Response Mine(Context& ctx, const Request& req) {
  domain::Result<std::vector<service::DossierSummary>> mine = ctx.dossiers.Mine(access::ActorOf(req));
  if (!mine.ok()) {
    return ErrorResponse(ctx, req, mine.error());
  }
  json::array items;
  for (const service::DossierSummary& s : mine.value()) {
    items.push_back(json::object{{"id", s.id},
                                 {"code", OptText(s.code)},
                                 {"procedure", s.procedure_code},
                                 {"procedure_name", s.procedure_name},
                                 {"applicant_name", s.applicant_name},
                                 {"status", domain::StatusCode(s.status)},
                                 {"status_name", ctx.T(req, domain::StatusName(s.status))},
                                 {"updated_at", Rfc3339(s.updated_at)},
                                 {"expected_on", OptDate(s.expected_on)},
                                 {"url", UrlOf(s.id, s.code)}});
  }
  return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
}

Response GetOne(Context& ctx, const Request& req) {
  const service::Actor actor = access::ActorOf(req);
  const std::string lang = ApiLanguage(req.Header("accept-language"));
  int64_t id = 0;
  const std::string_view key = req.Param("id");
  const bool by_id = std::from_chars(key.data(), key.data() + key.size(), id).ptr == key.data() + key.size();
  if (ctx.detail && !by_id) {  // a code: the dossier is filed, so the back office shows it with its processing state
    domain::Result<json::object> office = ctx.detail(actor, key, lang);
    if (!office.ok()) {
      return ErrorResponse(ctx, req, office.error());
    }
    return Response::Json(json::serialize(office.value()));
  }
  domain::Result<service::Dossier> d = Find(ctx, actor, key);
  if (d.ok() && ctx.detail && !d.value().code.empty()) {
    domain::Result<json::object> office = ctx.detail(actor, d.value().code, lang);
    if (office.ok()) {
      return Response::Json(json::serialize(office.value()));
    }
  }
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  return Response::Json(json::serialize(DossierJson(ctx, req, d.value())));
}

Response Withdraw(Context& ctx, const Request& req) {
  auto body = BodyObject(ctx, req);
  if (auto* refused = std::get_if<Response>(&body)) {
    return std::move(*refused);
  }
  const json::value* reason = std::get<json::object>(body).if_contains("reason");
  if (reason == nullptr || !reason->is_string()) {
    return WrongType(ctx, req, "reason", N_("Ghi lý do rút hồ sơ."));
  }
  const service::Actor actor = access::ActorOf(req);
  domain::Result<service::Dossier> d = Find(ctx, actor, req.Param("id"));
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  domain::Result<service::Dossier> withdrawn = ctx.dossiers.Withdraw(actor, d.value().id, reason->as_string());
  if (!withdrawn.ok()) {
    return ErrorResponse(ctx, req, withdrawn.error());
  }
  return Response::Json(json::serialize(DossierJson(ctx, req, withdrawn.value())));
}

//! Why a multipart body was refused, as an answer.
Response MultipartRefused(const Context& ctx, const Request& req, const http::MultipartBody& body) {
  switch (body.error) {
    case http::MultipartError::kFileTooLarge:
    case http::MultipartError::kTooLarge:
      return JsonError(ctx, req, http::kPayloadTooLarge, N_("Tệp quá lớn: mỗi tệp tối đa 10 MB."));
    case http::MultipartError::kBadFilename:
      return WrongType(ctx, req, body.error_field.empty() ? "tep" : body.error_field,
                       N_("Tên tệp không được chứa dấu gạch chéo hay ký tự điều khiển."));
    case http::MultipartError::kIo:
      return JsonError(ctx, req, http::kServiceUnavailable, N_("Hãy thử lại sau ít phút."));
    default:
      return JsonError(ctx, req, http::kBadRequest, N_("Nội dung tải lên không đúng định dạng multipart/form-data."));
  }
}

Response Attach(Context& ctx, Request& req) {
  if (req.multipart == nullptr) {
    return JsonError(ctx, req, http::kBadRequest, N_("Nội dung tải lên không đúng định dạng multipart/form-data."));
  }
  http::MultipartBody& body = *req.multipart;
  if (!body.ok()) {
    return MultipartRefused(ctx, req, body);
  }
  if (body.files.empty()) {
    return WrongType(ctx, req, "tep", N_("Chọn ít nhất một tệp để tải lên."));
  }
  const service::Actor actor = access::ActorOf(req);
  domain::Result<service::Dossier> d = Find(ctx, actor, req.Param("id"));
  if (!d.ok()) {
    return ErrorResponse(ctx, req, d.error());
  }
  const int64_t id = d.value().id;
  std::set<int64_t> before;
  for (const service::DossierFile& f : d.value().files) {
    before.insert(f.id);
  }
  domain::Result<service::Dossier> latest = std::move(d);
  for (size_t i = 0; i < body.files.size(); ++i) {
    const http::UploadedFile& file = body.files[i];
    latest = ctx.dossiers.AttachFile(actor, id, req.Param("document"), file.path, file.filename);
    body.Release(i);  // AttachFile moved or deleted the spool file
    if (!latest.ok()) {
      // One request attaches all its files or none: the ones attached before this refusal are removed again.
      const domain::Error& error = latest.error();
      domain::Result<service::Dossier> now = ctx.dossiers.Get(actor, id);
      for (const service::DossierFile& f : now.ok() ? now.value().files : std::vector<service::DossierFile>{}) {
        if (before.count(f.id) == 0) {
          ctx.dossiers.RemoveFile(actor, id, f.id);
        }
      }
      return ErrorResponse(ctx, req, error);
    }
  }
  return Response::Json(json::serialize(DossierJson(ctx, req, latest.value())));
}

Response Lookup(Context& ctx, const Request& req) {
  domain::Result<service::LookupView> view =
      ctx.dossiers.Lookup(access::ActorOf(req), req.Query("code"), req.Query("secret"));
  if (!view.ok()) {
    return ErrorResponse(ctx, req, view.error());
  }
  const service::LookupView& v = view.value();
  json::array timeline;
  for (const service::TimelineEntry& e : v.timeline) {
    timeline.push_back(json::object{{"event", domain::EventCode(e.event)},
                                    {"text", ctx.T(req, domain::EventSentence(e.event))},
                                    {"at", Rfc3339(e.at)}});
  }
  return Response::Json(json::serialize(json::object{{"code", v.code},
                                                     {"procedure_name", v.procedure_name},
                                                     {"agency_name", v.agency_name},
                                                     {"first_name", v.first_name},
                                                     {"status", domain::StatusCode(v.status)},
                                                     {"status_name", ctx.T(req, domain::StatusName(v.status))},
                                                     {"next", ctx.T(req, domain::StatusNext(v.status))},
                                                     {"timeline", std::move(timeline)},
                                                     {"expected_on", OptDate(v.expected_on)}}))
      .Set("Cache-Control", "no-store");
}

}  // namespace

json::object DossierObject(const service::Dossier& d, std::string_view lang, const Translate& translate) {
  json::array files;
  for (const service::DossierFile& f : d.files) {
    files.push_back(json::object{{"id", f.id},
                                 {"document", f.document_id},
                                 {"name", f.file.original_name},
                                 {"media_type", f.file.media_type},
                                 {"bytes", f.file.bytes},
                                 {"sha256", f.file.sha256},
                                 {"added_at", Rfc3339(f.added_at)},
                                 {"by_officer", f.by_officer}});
  }
  json::array officer_fields;
  for (const std::string& f : d.officer_fields) {
    officer_fields.emplace_back(f);
  }
  return json::object{
      {"id", d.id},
      {"code", OptText(d.code)},
      {"status", domain::StatusCode(d.status)},
      {"status_name", translate(lang, domain::StatusName(d.status))},
      {"next", translate(lang, domain::StatusNext(d.status))},
      {"procedure", d.procedure_code},
      {"agency", d.agency_code},
      {"form_version", d.form_version},
      {"applicant_name", d.applicant_name},
      {"organisation_id", d.organisation_id == 0 ? json::value(nullptr) : json::value(d.organisation_id)},
      {"relationship", OptText(d.relationship)},
      {"answers", d.answers},
      {"documents", std::move(files)},
      {"timeline", Timeline(lang, translate, d.timeline)},
      {"guided", d.guided},
      {"officer_fields", std::move(officer_fields)},
      {"created_at", Rfc3339(d.created_at)},
      {"updated_at", Rfc3339(d.updated_at)},
      {"submitted_at", d.submitted_at ? json::value(Rfc3339(*d.submitted_at)) : nullptr},
      {"expected_on", OptDate(d.expected_on)},
      {"version", d.version},
      {"url", UrlOf(d.id, d.code)}};
}

std::string ApiLanguage(std::string_view accept_language) {
  // The first language named decides (clients list their preference first); English only when it comes first.
  const std::string_view first = http::TrimOws(accept_language.substr(0, accept_language.find_first_of(",;")));
  const bool english = first.size() >= 2 && (first[0] == 'e' || first[0] == 'E') &&
                       (first[1] == 'n' || first[1] == 'N') && (first.size() == 2 || first[2] == '-');
  return english ? "en" : "vi";
}

void AddDossierApi(access::RouteTable& routes, service::Dossiers& dossiers, service::FormLibrary& forms,
                   const domain::Clock& clock, Translate translate, DossierDetail detail) {
  auto ctx = std::make_shared<Context>(Context{dossiers, forms, clock, std::move(translate), std::move(detail)});
  using domain::Permission;
  const auto pool = http::Exec::kInteractive;
  routes.Add(
      "GET", "/api/v1/procedures/{code}/form", Permission::kPublic, [ctx](Request& r) { return Form(*ctx, r); }, pool);
  routes.Add(
      "POST", "/api/v1/dossiers", Permission::kSignedIn, [ctx](Request& r) { return Create(*ctx, r); }, pool,
      kMaxDossierJsonBytes);
  routes.Add(
      "GET", "/api/v1/dossiers", Permission::kSignedIn, [ctx](Request& r) { return Mine(*ctx, r); }, pool);
  routes.Add(
      "GET", "/api/v1/dossiers/{id}", Permission::kSignedIn, [ctx](Request& r) { return GetOne(*ctx, r); }, pool);
  routes.Add(
      "PATCH", "/api/v1/dossiers/{id}", Permission::kSignedIn, [ctx](Request& r) { return Patch(*ctx, r); }, pool,
      kMaxDossierJsonBytes);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/documents/{document}", Permission::kSignedIn,
      [ctx](Request& r) { return Attach(*ctx, r); }, pool, kMaxAttachmentBodyBytes, http::BodyMode::kMultipart);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/submit", Permission::kSignedIn, [ctx](Request& r) { return Submit(*ctx, r); },
      pool, kMaxDossierJsonBytes);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/withdraw", Permission::kSignedIn, [ctx](Request& r) { return Withdraw(*ctx, r); },
      pool, kMaxDossierJsonBytes);
  routes.Add(
      "GET", "/api/v1/lookup", Permission::kPublic, [ctx](Request& r) { return Lookup(*ctx, r); }, pool);
}

}  // namespace motcua::api
