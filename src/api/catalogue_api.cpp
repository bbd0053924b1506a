#include "api/catalogue_api.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/files.hpp"

namespace motcua::api {

namespace json = boost::json;
using http::Request;
using http::Response;

namespace {

constexpr int32_t kDefaultPageSize = 20;

Response JsonError(int32_t status, std::string_view message) {
  return Response::Json(json::serialize(json::object{{"error", message}}), status);
}

std::optional<int32_t> ParsePositive(std::string_view s, int32_t fallback) {
  if (s.empty()) {
    return fallback;
  }
  int32_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 1) {
    return std::nullopt;
  }
  return v;
}

json::array Levels(const domain::Procedure& p) {
  json::array a;
  for (const domain::Level l : p.levels) {
    a.emplace_back(domain::ToString(l));
  }
  return a;
}

json::value OptNumber(const std::optional<double>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object Summary(const domain::Catalogue& c, const domain::Procedure& p) {
  const domain::Field* f = c.FindField(p.field_code);
  return json::object{{"code", p.code},
                      {"name", p.name},
                      {"field", p.field_code},
                      {"field_name", f != nullptr ? f->name : ""},
                      {"levels", Levels(p)},
                      {"online_level", domain::ToString(p.online_level)},
                      {"processing_time", p.processing_time},
                      {"fee_vnd", p.fee_vnd ? json::value(*p.fee_vnd) : json::value(nullptr)},
                      {"url", "/thu-tuc/" + p.code}};
}

json::object Detail(const domain::Catalogue& c, const domain::Procedure& p) {
  json::object o = Summary(c, p);
  o["ministry"] = p.ministry;
  o["implementing_agency"] = p.implementing_agency;
  o["agency_code"] = p.agency_code.empty() ? json::value(nullptr) : json::value(p.agency_code);
  o["decision_no"] = p.decision_no;
  o["time_value"] = OptNumber(p.time_value);
  o["time_unit"] = domain::ToString(p.time_unit);
  o["fee"] = p.fee;
  o["fee_note"] = p.fee_note;
  o["purpose"] = p.purpose;
  o["applicants"] = p.applicants;
  o["result"] = p.result;
  json::array channels;
  for (const domain::ChannelTerms& t : p.channels) {
    channels.push_back(json::object{{"channel", domain::ToString(t.channel)},
                                    {"code", static_cast<int64_t>(t.channel)},
                                    {"time_text", t.time_text},
                                    {"time_value", OptNumber(t.time_value)},
                                    {"time_unit", domain::ToString(t.time_unit)}});
  }
  o["channels"] = std::move(channels);
  json::array documents;
  for (const domain::RequiredDocument& d : p.documents) {
    documents.push_back(json::object{{"name", d.name},
                                     {"originals", d.originals},
                                     {"copies", d.copies},
                                     {"form_id", d.form_id.empty() ? json::value(nullptr) : json::value(d.form_id)},
                                     {"note", d.note}});
  }
  o["documents"] = std::move(documents);
  json::array steps;
  for (const std::string& s : p.steps) {
    steps.emplace_back(s);
  }
  o["steps"] = std::move(steps);
  json::array legal;
  for (const std::string& s : p.legal_basis) {
    legal.emplace_back(s);
  }
  o["legal_basis"] = std::move(legal);
  json::array forms;
  for (const domain::Form& f : p.forms) {
    forms.push_back(json::object{{"id", f.id}, {"name", f.name}, {"url", "/thu-tuc/" + p.code + "/mau/" + f.id}});
  }
  o["forms"] = std::move(forms);
  o["source_url"] = p.source_url;
  return o;
}

Response ListProcedures(const service::CatalogueHolder& site, const Request& req) {
  domain::SearchQuery q;
  q.text = std::string(req.Query("q"));
  q.field_code = std::string(req.Query("field"));
  q.agency_code = std::string(req.Query("agency"));
  if (!req.Query("level").empty()) {
    q.level = domain::ParseLevel(req.Query("level"));
    if (!q.level) {
      return JsonError(http::kBadRequest, "level must be province, district or commune");
    }
  }
  if (!req.Query("online").empty()) {
    q.online = domain::ParseOnlineLevel(req.Query("online"));
    if (!q.online) {
      return JsonError(http::kBadRequest, "online must be full, partial or none");
    }
  }
  // Page 0 means the first page, as on the search page; past the last page means the last.
  const auto page = req.Query("page") == "0" ? std::optional<int32_t>(1) : ParsePositive(req.Query("page"), 1);
  const auto size = ParsePositive(req.Query("page_size"), kDefaultPageSize);
  if (!page) {
    return JsonError(http::kBadRequest, "page must be a whole number from 1");
  }
  if (!size || *size > domain::kMaxPageSize) {
    return JsonError(http::kBadRequest, "page_size must be a whole number from 1 to 100");
  }
  q.page = *page;
  q.page_size = *size;
  const auto catalogue = site.Get();
  const domain::SearchResult r = catalogue->Search(q);
  json::array items;
  for (const domain::Procedure* p : r.items) {
    items.push_back(Summary(*catalogue, *p));
  }
  return Response::Json(json::serialize(json::object{{"items", std::move(items)},
                                                     {"total", r.total},
                                                     {"page", r.page},
                                                     {"page_count", r.page_count},
                                                     {"page_size", q.page_size}}));
}

Response GetProcedure(const service::CatalogueHolder& site, const Request& req) {
  const auto catalogue = site.Get();
  const domain::Procedure* p = catalogue->FindProcedure(req.Param("code"));
  if (p == nullptr) {
    return JsonError(http::kNotFound, "no procedure has this code");
  }
  return Response::Json(json::serialize(Detail(*catalogue, *p)));
}

Response ListFields(const service::CatalogueHolder& site) {
  const auto catalogue = site.Get();
  json::array items;
  for (const domain::Field& f : catalogue->fields()) {
    items.push_back(json::object{{"code", f.code}, {"name", f.name}, {"procedure_count", f.procedure_count}});
  }
  return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
}

Response ListAgencies(const service::CatalogueHolder& site, const Request& req) {
  const auto catalogue = site.Get();
  const std::string_view level = req.Query("level");
  if (!level.empty() && !domain::ParseLevel(level)) {
    return JsonError(http::kBadRequest, "level must be province, district or commune");
  }
  const std::string_view parent = req.Query("parent");
  json::array items;
  for (const domain::Agency& a : catalogue->agencies()) {
    if ((!level.empty() && domain::ToString(a.level) != level) || (!parent.empty() && a.parent_code != parent)) {
      continue;
    }
    items.push_back(
        json::object{{"code", a.code},
                     {"name", a.name},
                     {"short_name", a.short_name},
                     {"parent_code", a.parent_code.empty() ? json::value(nullptr) : json::value(a.parent_code)},
                     {"level", domain::ToString(a.level)},
                     {"admin_unit_code", a.admin_unit_code},
                     {"has_one_stop", a.has_one_stop}});
  }
  return Response::Json(json::serialize(json::object{{"items", std::move(items)}}));
}

Response ListAdminUnits(const service::CatalogueHolder& site, const Request& req) {
  const std::string era(req.Query("era").empty() ? "2025" : req.Query("era"));
  if (era != "2024" && era != "2025") {
    return JsonError(http::kBadRequest, "era must be 2024 (before 1 July 2025) or 2025");
  }
  const std::string parent(req.Query("parent"));
  if (parent.find_first_not_of("0123456789") != std::string::npos) {
    return JsonError(http::kBadRequest, "parent must be an administrative unit code (digits)");
  }
  json::array items;
  for (const domain::AdminUnit& u : site.AdminUnits(era, parent)) {
    items.push_back(
        json::object{{"code", u.code},
                     {"name", u.name},
                     {"short_name", u.short_name},
                     {"name_en", u.name_en},
                     {"unit_type", u.unit_type},
                     {"level", domain::ToString(u.level)},
                     {"parent_code", u.parent_code.empty() ? json::value(nullptr) : json::value(u.parent_code)},
                     {"valid_from", u.valid_from.empty() ? json::value(nullptr) : json::value(u.valid_from)},
                     {"valid_to", u.valid_to.empty() ? json::value(nullptr) : json::value(u.valid_to)}});
  }
  return Response::Json(json::serialize(json::object{{"era", era}, {"items", std::move(items)}}));
}

std::string ReadOpenApi(const std::string& path) {
  std::string text = app::ReadWholeFile(path);
  json::error_code ec;
  json::parse(text, ec);
  if (ec) {
    throw std::runtime_error("OpenAPI document " + path + " is not valid JSON: " + ec.message());
  }
  return text;
}

}  // namespace

void AddCatalogueApi(access::RouteTable& routes, const service::CatalogueHolder& site,
                     const std::string& openapi_path) {
  routes.Add("GET", "/api/v1/procedures", domain::Permission::kPublic,
             [&site](Request& r) { return ListProcedures(site, r); });
  routes.Add("GET", "/api/v1/procedures/{code}", domain::Permission::kPublic,
             [&site](Request& r) { return GetProcedure(site, r); });
  routes.Add("GET", "/api/v1/fields", domain::Permission::kPublic, [&site](Request&) { return ListFields(site); });
  routes.Add("GET", "/api/v1/agencies", domain::Permission::kPublic,
             [&site](Request& r) { return ListAgencies(site, r); });
  // Reads the store, so never on an I/O thread.
  routes.Add(
      "GET", "/api/v1/admin-units", domain::Permission::kPublic,
      [&site](Request& r) { return ListAdminUnits(site, r); }, http::Exec::kInteractive);
  routes.Add("GET", "/api/openapi.json", domain::Permission::kPublic, [doc = ReadOpenApi(openapi_path)](Request&) {
    return Response::Json(doc).Set("Cache-Control", "public, max-age=300");
  });
}

}  // namespace motcua::api
