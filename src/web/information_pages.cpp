// Static information pages and the entry points of services that open in later releases.
#include <fmt/format.h>

#include "web/site.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using http::Request;
using http::Response;

//! A service whose page exists at its final address but whose function arrives in a later release. It tells
//! the citizen what they can do today instead of showing a dead end.
struct UpcomingService {
  const char* path;     //!< Stable public URL.
  const char* title;    //!< Vietnamese message id of its title.
  const char* purpose;  //!< Vietnamese message id: what it will do.
};

constexpr UpcomingService kUpcoming[] = {
    {"/thong-ke", "Thống kê", "Số liệu tiếp nhận và giải quyết hồ sơ theo Quyết định 766/QĐ-TTg."},
};

Response Upcoming(const Site& site, const Request& req, const UpcomingService& s) {
  const std::string lang = site.Lang(req);
  return site.Page(req, "upcoming", site.T(lang, s.title), [&](TemplateDictionary& d) {
    d.SetValue("HEADING", site.T(lang, s.title));
    d.SetValue("PURPOSE", site.T(lang, s.purpose));
  });
}

Response Accessibility(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  return site.Page(req, "accessibility", site.T(lang, "Tuyên bố về khả năng tiếp cận"), [&](TemplateDictionary& d) {
    d.SetValue("HOTLINE", site.config().hotline);
    d.SetValue("HOTLINE_TEL", TelDigits(site.config().hotline));
  });
}

}  // namespace

void AddInformationPages(access::RouteTable& routes, const Site& site) {
  for (const UpcomingService& s : kUpcoming) {
    routes.Add("GET", s.path, domain::Permission::kPublic, [&site, &s](Request& r) { return Upcoming(site, r, s); });
  }
  routes.Add("GET", "/tro-giup/kha-nang-tiep-can", domain::Permission::kPublic,
             [&site](Request& r) { return Accessibility(site, r); });
}

}  // namespace motcua::web
