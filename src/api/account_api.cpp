#include "api/account_api.hpp"

#include <boost/json.hpp>

namespace motcua::api {

namespace {

http::Response Me(const http::Request& req) {
  const domain::Principal& p = access::CallerOf(req).principal;
  boost::json::array grants;
  for (const domain::Grant& g : p.grants) {
    boost::json::array fields;
    for (const std::string& f : g.fields) {
      fields.emplace_back(f);
    }
    grants.emplace_back(boost::json::object{
        {"role", domain::RoleCode(g.role)}, {"agency_code", g.agency_code}, {"fields", std::move(fields)}});
  }
  return http::Response::Json(boost::json::serialize(boost::json::object{
      {"id", p.user_id}, {"name", p.name}, {"citizen", p.has_personal_id}, {"grants", std::move(grants)}}));
}

}  // namespace

void AddAccountApi(access::RouteTable& routes) {
  routes.Add(
      "GET", "/api/v1/me", domain::Permission::kSignedIn, [](http::Request& r) { return Me(r); }, http::Exec::kPool);
}

}  // namespace motcua::api
