// What system administrators look at: every open session and the audit journal (nhật ký hệ thống).
#include <fmt/format.h>

#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "domain/journal_text.hpp"
#include "domain/messages.hpp"
#include "http/url.hpp"
#include "service/audit_search.hpp"
#include "web/admin_pages.hpp"
#include "web/page_routes.hpp"
#include "web/results.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using http::Response;

constexpr InputSpec kPersonField{
    "nguoi", N_("Người thực hiện hoặc người bị tác động"), N_("Tên hoặc mã tài khoản"), "text", "off", ""};
constexpr InputSpec kObjectField{"doi_tuong", N_("Đối tượng"), N_("Ví dụ user:12 hoặc 12"), "text", "off", ""};
constexpr InputSpec kActionField{"hanh_dong", N_("Hành động"), N_("Ví dụ login. hoặc account.create"),
                                 "text",      "off",           ""};
constexpr InputSpec kFromField{"tu_ngay", N_("Từ ngày"), nullptr, "date", "off", ""};
constexpr InputSpec kToField{"den_ngay", N_("Đến hết ngày"), nullptr, "date", "off", ""};

constexpr int64_t kMicrosPerSecond = 1000000;

//! The sentence of a journal event code; for a code without one, its family and the code itself, so that a
//! new event is readable before its sentence is written.
std::string ActionSentence(const Site& site, std::string_view lang, std::string_view code) {
  if (const char* sentence = domain::JournalSentence(code)) {
    return site.T(lang, sentence);
  }
  return fmt::format("{}: {}", site.T(lang, domain::JournalFamily(code)), code);
}

Response AllSessions(const Site& site, AdminServices& services, const http::Request& req) {
  const std::string lang = site.Lang(req);
  const auto sessions = services.sessions.ListOpen(access::ActorOf(req));
  if (!sessions) {
    return ErrorPageFor(site, req, sessions.error());
  }
  return site.Page(req, "admin/sessions", site.T(lang, "Các phiên đăng nhập đang mở"), [&](TemplateDictionary& d) {
    d.SetValue("COUNT", fmt::format("{} {}", sessions->size(),
                                    site.TN(lang, "phiên", "phiên", static_cast<int64_t>(sessions->size()))));
    for (const domain::SessionInfo& si : *sessions) {
      TemplateDictionary* row = d.AddSectionDictionary("SESSIONS");
      row->SetValue("USER", si.user_name);
      row->SetValue("IP", si.ip);
      row->SetValue("AGENT", UserAgentText(site, lang, si.user_agent));
      row->SetValue("CREATED", LocalTime(si.created_at));
      row->SetValue("SEEN", LocalTime(si.last_seen_at));
    }
  });
}

//! Reads the day in query parameter `name` into `micros` (the start of that day plus `days_after` days).
void ReadDay(const Site& site, std::string_view lang, const std::string& text, const char* name, int32_t days_after,
             int64_t& micros, FieldErrors& errors) {
  if (text.empty()) {
    return;
  }
  if (const auto start = VietnamDayStart(text, days_after)) {
    micros = *start * kMicrosPerSecond;
    return;
  }
  errors.Add(name, site.T(lang, "Ngày phải có dạng năm-tháng-ngày, ví dụ 2026-11-26"));
}

//! The search filters that may travel in a URL: never the person, who may be named by an ID number or phone.
constexpr std::string_view kLinkFilters[] = {"doi_tuong", "hanh_dong", "tu_ngay", "den_ngay"};

//! Every filter the next page repeats, person included (sent in a form body, never in a URL).
constexpr std::string_view kAllFilters[] = {"nguoi", "doi_tuong", "hanh_dong", "tu_ngay", "den_ngay"};

//! The link to the next page of a search without a person: the same filters, older than row `last_id`.
std::string NextPageUrl(const http::Request& req, int64_t last_id) {
  std::string url = "/quan-tri/nhat-ky?";
  for (const std::string_view name : kLinkFilters) {
    if (const std::string_view value = req.Query(name); !value.empty()) {
      url += fmt::format("{}={}&", name, http::PercentEncode(value));
    }
  }
  return url + "truoc=" + std::to_string(last_id);
}

//! A search filter: from the form body of a POST, from the URL of a GET (where the person is ignored, so an ID
//! number typed into the person field never lands in access logs or browser history).
std::string Filter(const http::Request& req, const std::optional<Form>& form, std::string_view name) {
  if (form) {
    return form->Text(name);
  }
  if (name == "nguoi") {
    return "";
  }
  return std::string(req.Query(name));
}

void AddEntries(const Site& site, std::string_view lang, TemplateDictionary& d,
                const std::vector<domain::AuditEntry>& entries) {
  for (const domain::AuditEntry& e : entries) {
    TemplateDictionary* row = d.AddSectionDictionary("ENTRIES");
    row->SetValue("SEQ", e.seq > 0 ? std::to_string(e.seq) : std::string("–"));  // – : not sealed yet
    row->SetValue("TIME", LocalTime(e.at_us / kMicrosPerSecond));
    row->SetValue("ACTOR", e.actor_id ? fmt::format("{} (#{})", e.actor_name, *e.actor_id)
                                      : site.T(lang, "Khách chưa đăng nhập"));
    if (!e.actor_role.empty()) {
      row->SetValue("ROLE", e.actor_role);
      row->SetValue("AGENCY", e.actor_agency);
      row->ShowSection("HAS_ROLE");
    }
    row->SetValue("ACTION", ActionSentence(site, lang, e.action));
    row->SetValue("ACTION_CODE", e.action);
    row->SetValue("AGENT", UserAgentText(site, lang, e.user_agent));
    row->SetValue("OBJECT", e.object_type.empty() ? "" : e.object_type + ":" + e.object_id);
    row->SetValue("IP", e.ip);
    row->SetValue("REQUEST_ID", e.request_id);
    row->SetValue("SUMMARY", e.summary);
  }
}

Response AuditPage(const Site& site, AdminServices& services, const http::Request& req) {
  const std::string lang = site.Lang(req);
  std::optional<Form> form;
  if (req.method == "POST") {
    form.emplace(req);
  }
  service::JournalQuery query;
  query.person = Filter(req, form, "nguoi");
  query.object = Filter(req, form, "doi_tuong");
  query.action = Filter(req, form, "hanh_dong");
  FieldErrors errors;
  const std::string from = Filter(req, form, "tu_ngay");
  const std::string to = Filter(req, form, "den_ngay");
  ReadDay(site, lang, from, "tu_ngay", 0, query.from_us, errors);
  ReadDay(site, lang, to, "den_ngay", 1, query.to_us, errors);
  const std::string before = form ? form->Get("truoc") : std::string(req.Query("truoc"));
  std::from_chars(before.data(), before.data() + before.size(), query.before_id);
  service::JournalPage page;
  if (errors.empty()) {
    auto found = service::SearchJournal(services.db, access::ActorOf(req), query);
    if (!found) {
      return ErrorPageFor(site, req, found.error());
    }
    page = std::move(*found);
  }
  return site.Page(req, "admin/audit", site.T(lang, "Nhật ký hệ thống"), [&](TemplateDictionary& d) {
    AddErrorSummary(lang, d, errors);
    AddCsrf(req, d);
    AddInput(site, lang, d, "F_PERSON", kPersonField, query.person, errors);
    AddInput(site, lang, d, "F_OBJECT", kObjectField, query.object, errors);
    AddInput(site, lang, d, "F_ACTION", kActionField, query.action, errors);
    AddInput(site, lang, d, "F_FROM", kFromField, from, errors);
    AddInput(site, lang, d, "F_TO", kToField, to, errors);
    d.SetValue("COUNT", fmt::format("{} {}", page.entries.size(),
                                    site.TN(lang, "mục", "mục", static_cast<int64_t>(page.entries.size()))));
    AddEntries(site, lang, d, page.entries);
    if (!page.more || page.entries.empty()) {
      return;
    }
    const int64_t last_id = page.entries.back().id;
    if (!form) {
      d.SetValueAndShowSection("MORE_URL", NextPageUrl(req, last_id), "MORE");
      return;
    }
    TemplateDictionary* more = d.AddSectionDictionary("MORE_FORM");
    more->SetValue("BEFORE", std::to_string(last_id));
    for (const std::string_view name : kAllFilters) {
      TemplateDictionary* hidden = more->AddSectionDictionary("FILTERS");
      hidden->SetValue("NAME", std::string(name));
      hidden->SetValue("VALUE", form->Text(name));
    }
  });
}

}  // namespace

void AddJournalPages(access::RouteTable& routes, const Site& site, const std::shared_ptr<AdminServices>& services) {
  static constexpr PageRoute<AdminServices> kRoutes[] = {
      {"GET", "/quan-tri/phien", domain::Permission::kViewAudit, AllSessions},
      {"GET", "/quan-tri/nhat-ky", domain::Permission::kViewAudit, AuditPage, http::Exec::kReport},
      {"POST", "/quan-tri/nhat-ky", domain::Permission::kViewAudit, AuditPage, http::Exec::kReport},
  };
  AddPageRoutes<AdminServices>(routes, site, services, kRoutes);
}

}  // namespace motcua::web
