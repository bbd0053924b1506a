#include "api/office_api.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "api/office_action.hpp"
#include "domain/dossier.hpp"
#include "domain/messages.hpp"
#include "domain/processing.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"
#include "http/url.hpp"

namespace motcua::api {

namespace json = boost::json;
using domain::N_;
using http::Request;
using http::Response;

namespace {

constexpr std::string_view kDossiersPath = "/api/v1/dossiers/";
constexpr int32_t kLowestStatusCode = 1;    // Mới đăng ký
constexpr int32_t kHighestStatusCode = 10;  // Đã trả kết quả
//! The multipart part holding the JSON of a result or a supplement.
constexpr std::string_view kBodyPart = "body";
//! The multipart part holding the result PDF.
constexpr std::string_view kResultFilePart = "file";

//! Everything a handler needs.
struct Context {
  service::BackOffice& office;
  Translate translate;

  //! The language of `req`.
  static std::string Lang(const Request& req) { return ApiLanguage(req.Header("accept-language")); }
  //! `msgid` in the language of `req`.
  std::string T(const Request& req, std::string_view msgid) const { return translate(Lang(req), msgid); }
};

json::value When(const std::optional<domain::Instant>& t) {
  return t ? json::value(VietnamIso(*t)) : json::value(nullptr);
}

json::value OptText(const std::string& s) { return s.empty() ? json::value(nullptr) : json::value(s); }

std::string_view DueStateCode(domain::DueState s) {
  switch (s) {
    case domain::DueState::kDueSoon:
      return "due_soon";
    case domain::DueState::kOverdue:
      return "overdue";
    case domain::DueState::kPaused:
      return "paused";
    case domain::DueState::kOnTime:
      break;
  }
  return "on_time";
}

std::string IsoDate(const domain::CivilDate& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

json::array Pairs(const std::vector<std::pair<std::string, std::string>>& pairs, std::string_view key) {
  json::array out;
  for (const auto& [id, name] : pairs) {
    out.push_back(json::object{{key, id}, {"name", name}});
  }
  return out;
}

json::array Actions(const service::OfficeDossier& d, std::string_view lang, const Translate& translate) {
  json::array out;
  for (const service::AvailableAction& a : d.actions) {
    json::array people;
    for (const auto& [id, name] : a.people) {
      people.push_back(json::object{{"id", id}, {"name", name}});
    }
    out.push_back(json::object{{"action", domain::ActionCode(a.action)},
                               {"label", translate(lang, domain::ActionLabel(a.action))},
                               {"people", std::move(people)},
                               {"steps", Pairs(a.steps, "id")},
                               {"agencies", Pairs(a.agencies, "code")}});
  }
  return out;
}

json::array Supplements(const service::OfficeDossier& d) {
  json::array out;
  for (const service::SupplementRequest& s : d.supplements) {
    json::array items;
    for (const service::SupplementItem& i : s.items) {
      items.push_back(json::object{{"document_id", OptText(i.document_id)},
                                   {"field_id", OptText(i.field_id)},
                                   {"label", i.label},
                                   {"reason", i.reason}});
    }
    out.push_back(json::object{{"id", s.id},
                               {"requested_at", VietnamIso(s.requested_at)},
                               {"requested_by", s.requested_by},
                               {"before_reception", s.before_reception},
                               {"items", std::move(items)},
                               {"note", OptText(s.note)},
                               {"supplied_at", When(s.supplied_at)}});
  }
  return out;
}

json::array Handoffs(const service::OfficeDossier& d) {
  json::array out;
  for (const service::Handoff& h : d.handoffs) {
    out.push_back(json::object{
        {"step", json::object{{"id", h.step_id}, {"name", h.step_name}}},
        {"agency", h.agency_code},
        {"from", OptText(h.from_name)},
        {"to", OptText(h.to_name)},
        {"at", VietnamIso(h.at)},
        {"due", VietnamIso(h.due)},
        {"finished_at", When(h.finished_at)},
        {"timeliness", h.timeliness ? json::value(domain::TimelinessCode(*h.timeliness)) : json::value(nullptr)},
        {"action", OptText(h.action)},
        {"note", OptText(h.note)}});
  }
  return out;
}

json::value ResultJson(const service::OfficeDossier& d) {
  if (!d.result) {
    return nullptr;
  }
  const service::DossierResult& r = *d.result;
  json::value file = nullptr;
  if (r.file) {
    file = json::object{{"name", r.file->file.original_name},
                        {"media_type", r.file->file.media_type},
                        {"bytes", r.file->file.bytes},
                        {"sha256", r.file->file.sha256},
                        {"url", std::string(kDossiersPath) + d.dossier.code + "/result"}};
  }
  return json::object{{"number", r.number},
                      {"issued_on", IsoDate(r.issued_on)},
                      {"file", std::move(file)},
                      {"method", service::ReturnMethodCode(r.method)},
                      {"recorded_at", VietnamIso(r.recorded_at)},
                      {"returned_at", When(r.returned_at)},
                      {"returned_to", OptText(r.returned_to)}};
}

//! The kind's status: 404, 403, 409, 429, or 503 for the rest (kInvalid is answered apart).
int32_t StatusOf(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::kNotFound:
      return http::kNotFound;
    case domain::ErrorKind::kForbidden:
      return http::kForbidden;
    case domain::ErrorKind::kConflict:
      return http::kConflict;
    case domain::ErrorKind::kRateLimited:
      return http::kTooManyRequests;
    default:
      return http::kServiceUnavailable;
  }
}

//! The answer for a failed operation: `status` (400 for a body the readers refused, 422 for the service's kInvalid)
//! with every field and message, or the kind's status with its message. A conflict carries the dossier's new state
//! (`dossier`) when the caller may still see it, so a client shows it without another request.
Response Failed(const Context& ctx, const Request& req, const domain::Error& error, std::string_view code,
                int32_t invalid_status = http::kUnprocessable) {
  if (error.kind == domain::ErrorKind::kInvalid) {
    json::array errors;
    for (const domain::FieldError& f : error.fields) {
      errors.push_back(json::object{{"field", f.field}, {"message", ctx.T(req, f.message)}});
    }
    std::string message = error.message;
    if (message.empty()) {
      message = invalid_status == http::kBadRequest ? N_("Nội dung gửi lên không đúng như API mô tả.")
                                                    : N_("Hãy sửa các lỗi được nêu.");
    }
    return Response::Json(json::serialize(json::object{{"error", ctx.T(req, message)}, {"errors", std::move(errors)}}),
                          invalid_status);
  }
  const int32_t status = StatusOf(error.kind);
  std::string_view message = error.message;
  if (message.empty()) {
    message = status == http::kNotFound    ? N_("Không có hồ sơ này.")
              : status == http::kForbidden ? N_("Tài khoản này không được làm việc này.")
              : status == http::kConflict  ? service::kSomeoneElseActed
                                           : N_("Hãy thử lại sau ít phút.");
  }
  json::object body{{"error", ctx.T(req, message)}};
  if (status == http::kConflict && !code.empty()) {
    domain::Result<service::OfficeDossier> now = ctx.office.Get(access::ActorOf(req), code);
    if (now.ok()) {
      body["dossier"] = OfficeDossierObject(now.value(), Context::Lang(req), ctx.translate);
    }
  }
  Response res = Response::Json(json::serialize(body), status);
  if (error.retry_after_seconds > 0) {
    res.Set("Retry-After", std::to_string(error.retry_after_seconds));
  }
  return res;
}

Response Bad(const Context& ctx, const Request& req, std::string_view field, std::string_view msgid) {
  return Failed(ctx, req, domain::Error::Field(std::string(field), std::string(msgid)), "", http::kBadRequest);
}

Response Ok(const Context& ctx, const Request& req, const service::OfficeDossier& d) {
  return Response::Json(json::serialize(OfficeDossierObject(d, Context::Lang(req), ctx.translate)))
      .Set("Cache-Control", "no-store");
}

//! The status filter of the inbox: a national code "1"–"10" or a stored name ("processing").
std::optional<domain::DossierStatus> StatusFilter(std::string_view text) {
  int32_t code = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), code);
  if (ec == std::errc() && end == text.data() + text.size()) {
    if (code < kLowestStatusCode || code > kHighestStatusCode) {
      return std::nullopt;
    }
    return static_cast<domain::DossierStatus>(code);
  }
  return domain::ParseDossierStatus(text);
}

Response InboxRoute(Context& ctx, const Request& req) {
  service::InboxQuery query;
  if (const std::string_view q = req.Query("queue"); !q.empty()) {
    const std::optional<service::Queue> queue = service::ParseQueue(q);
    if (!queue) {
      return Bad(ctx, req, "queue",
                 N_("Hàng đợi (queue) là mine, reception, supplement, due_soon, overdue, to_return hoặc finished."));
    }
    query.queue = *queue;
  }
  if (const std::string_view s = req.Query("status"); !s.empty()) {
    query.status = StatusFilter(s);
    if (!query.status || *query.status == domain::DossierStatus::kDraft) {
      return Bad(ctx, req, "status", N_("Trạng thái (status) là mã từ 1 đến 10 hoặc tên trạng thái."));
    }
  }
  query.procedure_code = std::string(req.Query("procedure"));
  query.field_code = std::string(req.Query("field"));
  query.after = std::string(req.Query("after"));
  domain::Result<service::Inbox> inbox = ctx.office.InboxOf(access::ActorOf(req), query);
  if (!inbox.ok()) {
    return Failed(ctx, req, inbox.error(), "", http::kBadRequest);
  }
  const std::string lang = Context::Lang(req);
  json::array items;
  for (const service::InboxRow& r : inbox.value().rows) {
    items.push_back(json::object{{"code", r.code},
                                 {"procedure_name", r.procedure_name},
                                 {"applicant_name", r.applicant_name},
                                 {"status", domain::StatusCode(r.status)},
                                 {"status_code", static_cast<int32_t>(r.status)},
                                 {"status_name", ctx.translate(lang, domain::StatusName(r.status))},
                                 {"step_name", OptText(r.step_name)},
                                 {"assignee_name", OptText(r.assignee_name)},
                                 {"channel", r.channel},
                                 {"submitted_at", When(r.submitted_at)},
                                 {"appointment", When(r.appointment)},
                                 {"due_state", DueStateCode(r.due_state)},
                                 {"url", std::string(kDossiersPath) + r.code}});
  }
  json::object counts;
  for (const auto& [queue, count] : inbox.value().counts) {
    counts[service::QueueCode(queue)] = count;
  }
  return Response::Json(json::serialize(json::object{{"queue", service::QueueCode(query.queue)},
                                                     {"items", std::move(items)},
                                                     {"next", OptText(inbox.value().next)},
                                                     {"counts", std::move(counts)}}))
      .Set("Cache-Control", "no-store");
}

Response ActRoute(Context& ctx, const Request& req) {
  domain::Result<service::ActionInput> input = ParseActionBody(req.body);
  if (!input.ok()) {
    return Failed(ctx, req, input.error(), "", http::kBadRequest);
  }
  const std::string_view code = req.Param("id");
  domain::Result<service::OfficeDossier> d = ctx.office.Act(access::ActorOf(req), code, input.value());
  if (!d.ok()) {
    return Failed(ctx, req, d.error(), code);
  }
  return Ok(ctx, req, d.value());
}

//! Why a multipart body was refused, as an answer.
Response MultipartRefused(const Context& ctx, const Request& req, const http::MultipartBody& body) {
  switch (body.error) {
    case http::MultipartError::kFileTooLarge:
    case http::MultipartError::kTooLarge:
      return Response::Json(
          json::serialize(json::object{{"error", ctx.T(req, N_("Tệp quá lớn: mỗi tệp tối đa 10 MB."))}}),
          http::kPayloadTooLarge);
    case http::MultipartError::kBadFilename:
      return Bad(ctx, req, body.error_field, N_("Tên tệp không được chứa dấu gạch chéo hay ký tự điều khiển."));
    case http::MultipartError::kIo:
      return Response::Json(json::serialize(json::object{{"error", ctx.T(req, N_("Hãy thử lại sau ít phút."))}}),
                            http::kServiceUnavailable);
    default:
      return Bad(ctx, req, "", N_("Nội dung tải lên không đúng định dạng multipart/form-data."));
  }
}

//! The text of part `name` of a multipart body, or nothing.
std::optional<std::string_view> Part(const http::MultipartBody& body, std::string_view name) {
  for (const auto& [field, value] : body.fields) {
    if (field == name) {
      return value;
    }
  }
  return std::nullopt;
}

Response ResultRoute(Context& ctx, Request& req) {
  if (req.multipart == nullptr) {
    return Bad(ctx, req, "", N_("Nội dung tải lên không đúng định dạng multipart/form-data."));
  }
  const http::MultipartBody& body = *req.multipart;
  if (!body.ok()) {
    return MultipartRefused(ctx, req, body);
  }
  const std::optional<std::string_view> text = Part(body, kBodyPart);
  if (!text) {
    return Bad(ctx, req, kBodyPart, N_("Gửi phần \"body\" chứa JSON của việc record_result."));
  }
  domain::Result<service::ActionInput> input = ParseActionBody(*text);
  if (!input.ok()) {
    return Failed(ctx, req, input.error(), "", http::kBadRequest);
  }
  if (input.value().action != domain::OfficeAction::kRecordResult) {
    return Bad(ctx, req, "action", N_("Đường dẫn này chỉ nhận việc record_result."));
  }
  for (const http::UploadedFile& f : body.files) {
    if (f.field != kResultFilePart || !input.value().result_file_path.empty()) {
      return Bad(ctx, req, f.field, N_("Gửi đúng một tệp kết quả PDF trong phần \"file\"."));
    }
    // The service stores the spooled file (or leaves it, and ~MultipartBody deletes it with the request).
    input.value().result_file_path = f.path;
    input.value().result_file_name = f.filename;
  }
  const std::string_view code = req.Param("id");
  domain::Result<service::OfficeDossier> d = ctx.office.Act(access::ActorOf(req), code, input.value());
  if (!d.ok()) {
    return Failed(ctx, req, d.error(), code);
  }
  return Ok(ctx, req, d.value());
}

Response SupplyRoute(Context& ctx, Request& req) {
  if (req.multipart == nullptr) {
    return Bad(ctx, req, "", N_("Nội dung tải lên không đúng định dạng multipart/form-data."));
  }
  const http::MultipartBody& body = *req.multipart;
  if (!body.ok()) {
    return MultipartRefused(ctx, req, body);
  }
  const std::optional<std::string_view> text = Part(body, kBodyPart);
  if (!text) {
    return Bad(ctx, req, kBodyPart, N_("Gửi phần \"body\" chứa JSON {\"version\": …, \"answers\": {…}}."));
  }
  domain::Result<SupplyBody> supply = ParseSupplyBody(*text);
  if (!supply.ok()) {
    return Failed(ctx, req, supply.error(), "", http::kBadRequest);
  }
  std::vector<std::tuple<std::string, std::string, std::string>> files;
  for (const http::UploadedFile& f : body.files) {  // each file part is named by the document it belongs to
    files.emplace_back(f.field, f.path, f.filename);
  }
  const std::string_view code = req.Param("id");
  domain::Result<service::OfficeDossier> d =
      ctx.office.Supply(access::ActorOf(req), code, supply.value().answers, files, supply.value().version);
  if (!d.ok()) {
    return Failed(ctx, req, d.error(), code);
  }
  return Ok(ctx, req, d.value());
}

Response DownloadRoute(Context& ctx, const Request& req) {
  const std::string_view code = req.Param("id");
  domain::Result<service::FileDownload> file = ctx.office.ResultFile(access::ActorOf(req), code);
  if (!file.ok()) {
    return Failed(ctx, req, file.error(), "");
  }
  std::ifstream in(file.value().path, std::ios::binary);
  if (!in) {
    return Failed(ctx, req,
                  domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy tệp này trong kho lưu.")), "");
  }
  // A result is one signed PDF of a few hundred kB: read whole into a shared body.
  auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  Response res;
  res.shared_body = std::move(bytes);
  res.Set("Content-Type", file.value().media_type);
  res.Set("Content-Disposition", "attachment; filename*=UTF-8''" + http::PercentEncode(file.value().original_name));
  res.Set("Cache-Control", "no-store");
  return res;
}

}  // namespace

json::object OfficeDossierObject(const service::OfficeDossier& d, std::string_view lang, const Translate& translate) {
  json::object o = DossierObject(d.dossier, lang, translate);
  const bool open = !d.ended_at && !domain::IsFinal(d.dossier.status) && d.received_at.has_value();
  o["status_code"] = static_cast<int32_t>(d.dossier.status);
  o["procedure_name"] = d.procedure_name;
  o["agency_name"] = d.agency_name;
  o["handling_agency"] = OptText(d.handling_agency_code);
  o["channel"] = d.channel;
  o["workflow"] = json::object{{"key", OptText(d.workflow_key)}, {"version", d.workflow_version}};
  o["received_at"] = When(d.received_at);
  o["original_appointment"] = When(d.original_appointment);
  o["appointment"] = When(d.appointment);
  o["apology_appointment"] = When(d.apology_appointment);
  o["paused"] = d.paused;
  o["due_state"] = open ? json::value(DueStateCode(d.due_state)) : json::value(nullptr);
  o["timeliness"] = d.timeliness ? json::value(domain::TimelinessCode(*d.timeliness)) : json::value(nullptr);
  o["ended_at"] = When(d.ended_at);
  o["end_reason"] = OptText(d.end_reason);
  o["step"] = d.step_id.empty() ? json::value(nullptr) : json::object{{"id", d.step_id}, {"name", d.step_name}};
  o["assignee"] =
      d.assignee_id == 0 ? json::value(nullptr) : json::object{{"id", d.assignee_id}, {"name", d.assignee_name}};
  o["queue_ticket"] = d.queue_ticket == 0 ? json::value(nullptr) : json::value(d.queue_ticket);
  o["supplements"] = Supplements(d);
  o["handoffs"] = Handoffs(d);
  json::array apologies;
  for (const service::Apology& a : d.apologies) {
    apologies.push_back(json::object{{"at", VietnamIso(a.at)},
                                     {"by", a.by},
                                     {"reason", a.reason},
                                     {"new_appointment", VietnamIso(a.new_appointment)}});
  }
  o["apologies"] = std::move(apologies);
  o["result"] = ResultJson(d);
  o["actions"] = Actions(d, lang, translate);
  o["url"] = std::string(kDossiersPath) + d.dossier.code;
  return o;
}

DossierDetail OfficeDetail(service::BackOffice& office, Translate translate) {
  return [&office, translate = std::move(translate)](const service::Actor& actor, std::string_view code,
                                                     std::string_view lang) -> domain::Result<json::object> {
    domain::Result<service::OfficeDossier> d = office.Get(actor, code);
    if (!d.ok()) {
      return d.error();
    }
    return OfficeDossierObject(d.value(), lang, translate);
  };
}

void AddOfficeApi(access::RouteTable& routes, service::BackOffice& office, Translate translate) {
  auto ctx = std::make_shared<Context>(Context{office, std::move(translate)});
  using domain::Permission;
  const auto pool = http::Exec::kInteractive;
  routes.Add(
      "GET", "/api/v1/inbox", Permission::kOfficer, [ctx](Request& r) { return InboxRoute(*ctx, r); }, pool);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/actions", Permission::kOfficer, [ctx](Request& r) { return ActRoute(*ctx, r); },
      pool, kMaxActionBodyBytes);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/result", Permission::kOfficer, [ctx](Request& r) { return ResultRoute(*ctx, r); },
      pool, kMaxOfficeUploadBytes, http::BodyMode::kMultipart);
  routes.Add(
      "GET", "/api/v1/dossiers/{id}/result", Permission::kSignedIn,
      [ctx](Request& r) { return DownloadRoute(*ctx, r); }, pool);
  routes.Add(
      "POST", "/api/v1/dossiers/{id}/supplement", Permission::kSignedIn,
      [ctx](Request& r) { return SupplyRoute(*ctx, r); }, pool, kMaxOfficeUploadBytes, http::BodyMode::kMultipart);
}

}  // namespace motcua::api
