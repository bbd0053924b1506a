// Messages not delivered: dead letters of the outbox and messages still being retried after a failure. Recipients
// are masked and the text of a message holding a one-time code is never shown; "send again" puts a dead letter
// back in the queue (journaled).
#include "web/outbox_pages.hpp"

#include <fmt/format.h>

#include "service/outbox.hpp"
#include "web/forms.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::Permission;
using http::Exec;
using http::Request;
using http::Response;

//! Most messages listed; the oldest problems beyond it appear as newer ones are resolved.
constexpr int32_t kListLimit = 200;

std::string ChannelName(const Site& site, std::string_view lang, const std::string& channel) {
  return channel == "email" ? site.T(lang, "Email") : site.T(lang, "Tin nhắn SMS");
}

Response ProblemList(const Site& site, service::Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::vector<service::ProblemMessage> messages = service::ListProblemMessages(accounts.db(), kListLimit);
  return site.Page(req, "admin/outbox", site.T(lang, "Tin nhắn chưa gửi được"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    if (req.Query("tb") == "gui-lai") {
      AddNotice(lang, d, site.T(lang, "Đã đưa tin nhắn vào hàng đợi gửi lại."));
    }
    if (messages.empty()) {
      d.ShowSection("EMPTY");
      return;
    }
    d.ShowSection("ANY");
    d.SetValue("COUNT", fmt::format("{} {}", messages.size(),
                                    site.TN(lang, "tin nhắn", "tin nhắn", static_cast<int64_t>(messages.size()))));
    for (const service::ProblemMessage& m : messages) {
      TemplateDictionary* row = d.AddSectionDictionary("MESSAGES");
      row->SetIntValue("ID", m.id);
      row->SetValue("CHANNEL", ChannelName(site, lang, m.channel));
      row->SetValue("RECIPIENT", m.recipient);
      row->SetValue("SUBJECT", m.subject);
      row->SetValue("BODY", m.secret ? site.T(lang, "(có mã dùng một lần, không hiển thị)") : m.body);
      row->SetValue("CREATED", LocalTime(m.created_at.Seconds()));
      row->SetIntValue("ATTEMPTS", m.attempts);
      row->SetValue("ERROR", m.last_error);
      if (m.dead) {
        row->ShowSection("DEAD");
        row->SetValue("CSRF", access::CallerOf(req).csrf_token);
      } else {
        row->ShowSection("RETRYING");
        row->SetValue("NEXT", LocalTime(m.next_attempt_at.Seconds()));
      }
    }
  });
}

Response Resend(const Site& site, service::Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const auto done = service::ResendMessage(accounts.db(), access::ActorOf(req), IdParam(req, "id"), accounts.clock());
  if (!done) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, done.error().message));
  }
  return Response::Redirect("/quan-tri/tin-nhan-chua-gui?tb=gui-lai");
}

}  // namespace

void AddOutboxPages(access::RouteTable& routes, const Site& site, service::Accounts& accounts) {
  const Site* s = &site;
  service::Accounts* a = &accounts;
  routes.Add(
      "GET", "/quan-tri/tin-nhan-chua-gui", Permission::kViewAudit,
      [s, a](Request& r) { return ProblemList(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/quan-tri/tin-nhan-chua-gui/{id}/gui-lai", Permission::kViewAudit,
      [s, a](Request& r) { return Resend(*s, *a, r); }, Exec::kPool);
}

}  // namespace motcua::web
