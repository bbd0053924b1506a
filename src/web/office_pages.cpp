// The officers' inbox (issue 10, DOMAIN.md §9): one link per queue the officer has, with its count, the dossiers of
// the chosen queue sorted by appointment (the reception queue oldest first, with how long each has waited), a mark
// in words per row, filters as a GET form and a keyset "Trang sau" link; and the registration of every back-office
// page.
#include "web/office_pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <iterator>
#include <memory>

#include "domain/dates.hpp"
#include "domain/messages.hpp"
#include "http/url.hpp"
#include "web/forms.hpp"
#include "web/office_parts.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"
#include "web/tracking_pages.hpp"

namespace motcua::web {

namespace office {

using ctemplate::TemplateDictionary;
using domain::N_;
using http::Request;
using http::Response;

namespace {

//! A queue as the inbox shows it: its address (Vietnamese without diacritics) and its name.
struct QueueLink {
  service::Queue queue;
  const char* slug;
  const char* name;
};
constexpr std::array<QueueLink, 7> kQueues{{
    {service::Queue::kReception, "cho-tiep-nhan", N_("Chờ tiếp nhận")},
    {service::Queue::kMine, "cua-toi", N_("Của tôi")},
    {service::Queue::kSupplement, "cho-bo-sung", N_("Chờ bổ sung")},
    {service::Queue::kDueSoon, "sap-den-han", N_("Sắp đến hạn")},
    {service::Queue::kOverdue, "qua-han", N_("Quá hạn")},
    {service::Queue::kToReturn, "cho-tra-ket-qua", N_("Chờ trả kết quả")},
    {service::Queue::kFinished, "da-ket-thuc", N_("Đã kết thúc")},
}};

const QueueLink* LinkOf(service::Queue q) {
  const auto it = std::find_if(kQueues.begin(), kQueues.end(), [q](const QueueLink& l) { return l.queue == q; });
  return it == kQueues.end() ? nullptr : &*it;
}

const QueueLink* LinkOfSlug(std::string_view slug) {
  const auto it = std::find_if(kQueues.begin(), kQueues.end(), [slug](const QueueLink& l) { return l.slug == slug; });
  return it == kQueues.end() ? nullptr : &*it;
}

//! Statuses the filter offers (those an open or ended dossier of the back office has).
constexpr std::array<domain::DossierStatus, 10> kFilterStatuses{domain::DossierStatus::kSubmitted,
                                                                domain::DossierStatus::kAccepted,
                                                                domain::DossierStatus::kRefused,
                                                                domain::DossierStatus::kProcessing,
                                                                domain::DossierStatus::kSupplementRequested,
                                                                domain::DossierStatus::kPaymentRequested,
                                                                domain::DossierStatus::kWithdrawn,
                                                                domain::DossierStatus::kStopped,
                                                                domain::DossierStatus::kDone,
                                                                domain::DossierStatus::kReturned};

//! The inbox address with the filters of `q` on queue `slug` (and a cursor when given).
std::string InboxUrl(std::string_view slug, const service::InboxQuery& q, std::string_view after) {
  std::string url = fmt::format("/can-bo/hop-thu?hang={}", slug);
  if (!q.procedure_code.empty()) {
    url += "&thu_tuc=" + http::PercentEncode(q.procedure_code);
  }
  if (!q.field_code.empty()) {
    url += "&linh_vuc=" + http::PercentEncode(q.field_code);
  }
  if (q.status) {
    url += fmt::format("&trang_thai={}", domain::StatusCode(*q.status));
  }
  if (!after.empty()) {
    url += "&sau=" + http::PercentEncode(after);
  }
  return url;
}

Response InboxPage(const Site& site, OfficePageServices& s, const Request& req) {
  const std::string lang = site.Lang(req);
  const service::Actor actor = access::ActorOf(req);
  service::InboxQuery query;
  const QueueLink* chosen = LinkOfSlug(req.Query("hang"));
  query.procedure_code = std::string(req.Query("thu_tuc"));
  query.field_code = std::string(req.Query("linh_vuc"));
  query.status = domain::ParseDossierStatus(req.Query("trang_thai"));
  query.after = std::string(req.Query("sau"));
  query.queue = chosen != nullptr ? chosen->queue : service::Queue::kMine;
  auto inbox = s.office.InboxOf(actor, query);
  if (!inbox) {
    return ErrorPageFor(site, req, inbox.error());
  }
  // Without a queue asked for (or one the officer does not have), the first queue they have is shown.
  const bool has_chosen = chosen != nullptr && std::any_of(inbox->counts.begin(), inbox->counts.end(),
                                                           [&](const auto& c) { return c.first == chosen->queue; });
  if (!has_chosen && inbox->counts.empty()) {
    chosen = nullptr;
  } else if (!has_chosen) {
    chosen = LinkOf(inbox->counts.front().first);
    query.queue = inbox->counts.front().first;
    query.after.clear();
    inbox = s.office.InboxOf(actor, query);
    if (!inbox) {
      return ErrorPageFor(site, req, inbox.error());
    }
  }
  const domain::Instant now = s.accounts.clock().Now();
  return site.Page(req, "office/inbox", site.T(lang, "Hộp thư hồ sơ"), [&](TemplateDictionary& d) {
    for (const auto& [queue, count] : inbox->counts) {
      const QueueLink* link = LinkOf(queue);
      if (link == nullptr) {
        continue;
      }
      TemplateDictionary* tab = d.AddSectionDictionary("QUEUES");
      tab->SetValue("NAME", site.T(lang, link->name));
      tab->SetIntValue("COUNT", count);
      tab->SetValue("URL", InboxUrl(link->slug, query, ""));
      if (chosen == link) {
        tab->ShowSection("CURRENT");
      }
    }
    if (chosen == nullptr) {
      d.ShowSection("NO_QUEUES");
      return;
    }
    d.SetValue("QUEUE", site.T(lang, chosen->name));
    d.SetValue("QUEUE_SLUG", chosen->slug);
    d.SetValue("PROCEDURE_FILTER", query.procedure_code);
    const auto catalogue = site.catalogue();
    for (const domain::Field& f : catalogue->fields()) {
      TemplateDictionary* opt = d.AddSectionDictionary("FIELDS");
      opt->SetValue("CODE", f.code);
      opt->SetValue("NAME", f.name);
      if (f.code == query.field_code) {
        opt->ShowSection("SELECTED");
      }
    }
    for (const domain::DossierStatus st : kFilterStatuses) {
      TemplateDictionary* opt = d.AddSectionDictionary("STATUSES");
      opt->SetValue("CODE", std::string(domain::StatusCode(st)));
      opt->SetValue("NAME", site.T(lang, domain::StatusName(st)));
      if (query.status == st) {
        opt->ShowSection("SELECTED");
      }
    }
    const bool reception = chosen->queue == service::Queue::kReception;
    if (reception) {
      d.ShowSection("RECEPTION_HEAD");
    } else {
      d.ShowSection("DUE_HEAD");
    }
    if (inbox->rows.empty()) {
      d.ShowSection("EMPTY");
    } else {
      d.ShowSection("HAS_ROWS");
    }
    for (const service::InboxRow& r : inbox->rows) {
      TemplateDictionary* row = d.AddSectionDictionary("ROWS");
      row->SetValue("CODE", r.code);
      row->SetValue("URL", OfficeDossierPath(r.code));
      row->SetValue("PROCEDURE", r.procedure_name);
      row->SetValue("APPLICANT", r.applicant_name);
      row->SetValue("STATUS", site.T(lang, domain::StatusName(r.status)));
      row->SetValue("TAG_CLASS", StatusTagClass(r.status));
      row->SetValue("CHANNEL", site.T(lang, ChannelText(r.channel)));
      row->SetValue("STEP", r.step_name);
      row->SetValue("HOLDER", r.assignee_name.empty() ? site.T(lang, "Chưa giao") : r.assignee_name);
      if (reception) {
        TemplateDictionary* w = row->AddSectionDictionary("RECEPTION_CELLS");
        w->SetValue("SUBMITTED", TimeText(r.submitted_at));
        w->SetValue("WAITED", r.submitted_at ? WaitedText(site, lang, *r.submitted_at, now) : std::string());
        continue;
      }
      TemplateDictionary* due = row->AddSectionDictionary("DUE_CELLS");
      due->SetValue("APPOINTMENT", r.appointment ? TimeText(r.appointment) : site.T(lang, "Chưa có"));
      due->SetValue("MARK", site.T(lang, DueStateName(r.due_state)));
      due->SetValue("MARK_CLASS", DueStateClass(r.due_state));
    }
    if (!inbox->next.empty() || !query.after.empty()) {
      d.ShowSection("PAGINATION");
    }
    if (!inbox->next.empty()) {
      d.SetValueAndShowSection("NEXT_URL", InboxUrl(chosen->slug, query, inbox->next), "HAS_NEXT");
    }
    if (!query.after.empty()) {
      d.SetValueAndShowSection("FIRST_URL", InboxUrl(chosen->slug, query, ""), "HAS_FIRST");
    }
  });
}

}  // namespace

std::string OfficeDossierPath(std::string_view code) { return "/can-bo/ho-so/" + http::PercentEncode(code); }

const char* DueStateName(domain::DueState state) {
  switch (state) {
    case domain::DueState::kOnTime:
      return N_("Trong hạn");
    case domain::DueState::kDueSoon:
      return N_("Sắp đến hạn (còn dưới 1 ngày làm việc)");
    case domain::DueState::kOverdue:
      return N_("Quá hạn");
    case domain::DueState::kPaused:
      return N_("Tạm dừng");
  }
  return N_("Trong hạn");
}

const char* DueStateClass(domain::DueState state) {
  switch (state) {
    case domain::DueState::kOnTime:
      return "govuk-tag--green";
    case domain::DueState::kDueSoon:
      return "govuk-tag--yellow";
    case domain::DueState::kOverdue:
      return "govuk-tag--red";
    case domain::DueState::kPaused:
      return "govuk-tag--grey";
  }
  return "govuk-tag--grey";
}

const char* ChannelText(int32_t channel) {
  constexpr int32_t kCounter = 1;
  constexpr int32_t kPost = 3;
  if (channel == kCounter) {
    return N_("Trực tiếp tại quầy");
  }
  if (channel == kPost) {
    return N_("Qua bưu chính");
  }
  return N_("Trực tuyến");
}

const char* ReturnMethodName(service::ReturnMethod method) {
  switch (method) {
    case service::ReturnMethod::kOnline:
      return N_("Trực tuyến (tải về)");
    case service::ReturnMethod::kCounter:
      return N_("Tại bộ phận một cửa");
    case service::ReturnMethod::kPost:
      return N_("Qua bưu chính");
  }
  return N_("Tại bộ phận một cửa");
}

std::string TimeText(const std::optional<domain::Instant>& at) { return at ? domain::LocalTime(*at) : std::string(); }

std::string CivilText(const domain::CivilDate& day) {
  return fmt::format("{:02}/{:02}/{:04}", day.day, day.month, day.year);
}

std::string WaitedText(const Site& site, std::string_view lang, domain::Instant from, domain::Instant now) {
  constexpr int64_t kMinutesPerHour = 60;
  constexpr int64_t kMinutesPerDay = 24 * kMinutesPerHour;
  const int64_t minutes = std::max<int64_t>(0, (now.Seconds() - from.Seconds()) / domain::kSecondsPerMinute);
  const int64_t days = minutes / kMinutesPerDay;
  const int64_t hours = (minutes % kMinutesPerDay) / kMinutesPerHour;
  if (days > 0) {
    return fmt::format("{} {} {} {}", days, site.TN(lang, "ngày", "ngày", days), hours,
                       site.TN(lang, "giờ", "giờ", hours));
  }
  if (hours > 0) {
    return fmt::format("{} {} {} {}", hours, site.TN(lang, "giờ", "giờ", hours), minutes % kMinutesPerHour,
                       site.TN(lang, "phút", "phút", minutes % kMinutesPerHour));
  }
  return fmt::format("{} {}", minutes, site.TN(lang, "phút", "phút", minutes));
}

void AddSupplements(TemplateDictionary& page, const service::OfficeDossier& od) {
  for (const service::SupplementRequest& r : od.supplements) {
    TemplateDictionary* sec = page.AddSectionDictionary("SUPPLEMENTS");
    sec->SetValue("AT", domain::LocalTime(r.requested_at));
    sec->SetValue("BY", r.requested_by);
    if (!r.note.empty()) {
      sec->SetValueAndShowSection("NOTE", r.note, "HAS_NOTE");
    }
    if (r.supplied_at) {
      sec->SetValueAndShowSection("SUPPLIED", domain::LocalTime(*r.supplied_at), "IS_SUPPLIED");
    } else {
      sec->ShowSection("IS_OPEN");
    }
    if (r.before_reception) {
      sec->ShowSection("BEFORE_RECEPTION");
    }
    for (const service::SupplementItem& item : r.items) {
      TemplateDictionary* row = sec->AddSectionDictionary("ITEMS");
      row->SetValue("LABEL", item.label);
      row->SetValue("REASON", item.reason);
    }
  }
  if (!od.supplements.empty()) {
    page.ShowSection("HAS_SUPPLEMENTS");
  }
}

void AddApologies(TemplateDictionary& page, const service::OfficeDossier& od) {
  for (const service::Apology& a : od.apologies) {
    TemplateDictionary* row = page.AddSectionDictionary("APOLOGIES");
    row->SetValue("AT", domain::LocalTime(a.at));
    row->SetValue("BY", a.by);
    row->SetValue("REASON", a.reason);
    row->SetValue("NEW_DATE", domain::LocalTime(a.new_appointment));
  }
  if (!od.apologies.empty()) {
    page.ShowSection("HAS_APOLOGIES");
  }
}

void AddResult(const Site& site, std::string_view lang, TemplateDictionary& page, const service::OfficeDossier& od) {
  if (!od.result) {
    return;
  }
  const service::DossierResult& r = *od.result;
  TemplateDictionary* sec = page.AddSectionDictionary("RESULT");
  sec->SetValue("NUMBER", r.number);
  sec->SetValue("ISSUED", CivilText(r.issued_on));
  sec->SetValue("METHOD", site.T(lang, ReturnMethodName(r.method)));
  sec->SetValue("RECORDED", domain::LocalTime(r.recorded_at));
  if (r.file) {
    sec->SetValueAndShowSection("FILE_NAME", r.file->file.original_name, "HAS_FILE");
  }
  if (r.returned_at) {
    TemplateDictionary* ret = sec->AddSectionDictionary("HAS_RETURNED");
    ret->SetValue("RETURNED", domain::LocalTime(*r.returned_at));
    ret->SetValue("RETURNED_TO", r.returned_to);
  }
}

int64_t NumberOf(std::string_view text) {
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty() ? v : -1;
}

std::string FieldOf(const http::Pairs& fields, std::string_view name) {
  for (const auto& [k, v] : fields) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

std::optional<domain::CivilDate> DateOf(const http::Pairs& fields, std::string_view name) {
  const std::string day = FieldOf(fields, fmt::format("{}-ngay", name));
  const std::string month = FieldOf(fields, fmt::format("{}-thang", name));
  const std::string year = FieldOf(fields, fmt::format("{}-nam", name));
  constexpr size_t kYearDigits = 4;
  if (day.empty() || month.empty() || year.size() != kYearDigits) {
    return std::nullopt;
  }
  const std::string iso = fmt::format("{}-{:0>2}-{:0>2}", year, month, day);
  if (!domain::VietnamDayStart(iso, 0)) {
    return std::nullopt;
  }
  try {
    return domain::CivilDate{std::stoi(year), std::stoi(month), std::stoi(day)};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Response FileResponse(const Site& site, const Request& req, const service::FileDownload& file) {
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    return ErrorPageFor(site, req,
                        domain::Error::Of(domain::ErrorKind::kNotFound, N_("Không tìm thấy tệp này trong kho lưu.")));
  }
  // A result is one PDF of a few MB: read whole into a shared body, like the dossier's attachments.
  auto bytes = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  Response res;
  res.shared_body = std::move(bytes);
  res.Set("Content-Type", file.media_type);
  res.Set("Content-Disposition", "attachment; filename*=UTF-8''" + http::PercentEncode(file.original_name));
  return res;
}

}  // namespace office

namespace {

//! The largest body of counter intake (the papers of a dossier and the form's fields).
constexpr uint64_t kIntakeBodyLimit = uint64_t{52} * 1024 * 1024;
//! The largest body of a recorded result (one signed PDF and a few fields).
constexpr uint64_t kResultBodyLimit = uint64_t{21} * 1024 * 1024;

using Route = PageRoute<OfficePageServices>;
using domain::Permission;

constexpr Route kRoutes[] = {
    {"GET", "/can-bo/hop-thu", Permission::kOfficer, office::InboxPage},
    {"GET", "/can-bo/ho-so/{code}", Permission::kOfficer, office::DossierPage},
    {"POST", "/can-bo/ho-so/{code}/xu-ly", Permission::kOfficer, office::ActionSubmit},
    {"GET", "/can-bo/ho-so/{code}/ket-qua", Permission::kOfficer, office::ResultDownload},
    {"GET", "/can-bo/tiep-nhan-tai-quay", Permission::kAssistCitizens, office::IntakeStart},
    {"POST", "/can-bo/tiep-nhan-tai-quay", Permission::kAssistCitizens, office::IntakeFind},
    {"GET", "/can-bo/tiep-nhan-tai-quay/{citizen}", Permission::kAssistCitizens, office::IntakeProcedure},
    {"GET", "/can-bo/tiep-nhan-tai-quay/{citizen}/{procedure}", Permission::kAssistCitizens, office::IntakeForm},
};

}  // namespace

void AddOfficePages(access::RouteTable& routes, const Site& site, const OfficePageServices& services) {
  auto shared = std::make_shared<OfficePageServices>(services);
  AddPageRoutes(routes, site, shared, std::span<const Route>(kRoutes));
  const Site* s = &site;
  // Multipart: the result's PDF and the counter's scans are spooled as they arrive, never whole in memory.
  routes.Add(
      "POST", "/can-bo/ho-so/{code}/ket-qua", Permission::kOfficer,
      [s, shared](http::Request& r) { return office::ResultSubmit(*s, *shared, r); }, http::Exec::kInteractive,
      kResultBodyLimit, http::BodyMode::kMultipart);
  routes.Add(
      "POST", "/can-bo/tiep-nhan-tai-quay/{citizen}/{procedure}", Permission::kAssistCitizens,
      [s, shared](http::Request& r) { return office::IntakeSubmit(*s, *shared, r); }, http::Exec::kInteractive,
      kIntakeBodyLimit, http::BodyMode::kMultipart);
}

}  // namespace motcua::web
