// Static information pages and the entry points of services that open in later releases.
#include <fmt/format.h>
#include <algorithm>

#include "domain/text.hpp"
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

//! Dossier codes look like 000.00.31.H40-250301-0001 (agency code, receipt date, sequence of the day).
bool LooksLikeDossierCode(std::string_view code) {
  const size_t first = code.find('-');
  if (first == std::string_view::npos || first < 5) {
    return false;
  }
  const std::string_view rest = code.substr(first + 1);
  constexpr size_t kDateDigits = 6;
  constexpr size_t kSequenceDigits = 4;
  if (rest.size() != kDateDigits + 1 + kSequenceDigits || rest[kDateDigits] != '-') {
    return false;
  }
  for (size_t i = 0; i < rest.size(); ++i) {
    if (i != kDateDigits && (rest[i] < '0' || rest[i] > '9')) {
      return false;
    }
  }
  return true;
}

//! A dossier code as people type or paste it: surrounding spaces dropped, letters in upper case ("000.00.31.h40-…").
std::string NormaliseDossierCode(std::string_view typed) {
  std::string code = domain::CollapseSpaces(typed);
  std::transform(code.begin(), code.end(), code.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
  return code;
}

Response LookupPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const std::string typed(req.Query("ma"));
  const std::string code = NormaliseDossierCode(typed);
  return site.Page(req, "lookup", site.T(lang, "Tra cứu hồ sơ"), [&](TemplateDictionary& d) {
    d.SetValue("CODE", LooksLikeDossierCode(code) ? code : typed);
    // The form was sent when the "ma" field is in the query, even empty; a first visit has no such field.
    const bool submitted =
        std::any_of(req.query.begin(), req.query.end(), [](const auto& kv) { return kv.first == "ma"; });
    if (submitted) {
      if (code.empty()) {
        d.SetValueAndShowSection("ERROR", site.T(lang, "Nhập mã hồ sơ"), "HAS_ERROR");
      } else if (!LooksLikeDossierCode(code)) {
        d.SetValueAndShowSection(
            "ERROR", site.T(lang, "Mã hồ sơ phải có dạng như 000.00.31.H40-250301-0001 (in trên giấy tiếp nhận)"),
            "HAS_ERROR");
      } else {
        d.ShowSection("NOT_FOUND");
      }
    }
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
  routes.Add("GET", "/tra-cuu", domain::Permission::kPublic, [&site](Request& r) { return LookupPage(site, r); });
  routes.Add("GET", "/tro-giup/kha-nang-tiep-can", domain::Permission::kPublic,
             [&site](Request& r) { return Accessibility(site, r); });
}

}  // namespace motcua::web
