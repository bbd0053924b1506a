#include "web/results.hpp"

#include "web/site.hpp"

namespace motcua::web {

int32_t StatusOf(domain::ErrorKind kind) {
  switch (kind) {
    case domain::ErrorKind::kInvalid:
      return http::kBadRequest;
    case domain::ErrorKind::kNotFound:
      return http::kNotFound;
    case domain::ErrorKind::kForbidden:
      return http::kForbidden;
    case domain::ErrorKind::kConflict:
      return http::kConflict;
    case domain::ErrorKind::kRateLimited:
      return http::kTooManyRequests;
    case domain::ErrorKind::kBusy:
    case domain::ErrorKind::kUnavailable:
      return http::kServiceUnavailable;
  }
  return http::kBadRequest;
}

http::Response ErrorPageFor(const Site& site, const http::Request& req, const domain::Error& error) {
  return site.ErrorPage(req, StatusOf(error.kind), site.T(site.Lang(req), error.message));
}

void AddFieldErrors(const Site& site, std::string_view lang, const domain::Error& error, FieldErrors& errors) {
  for (const domain::FieldError& f : error.fields) {
    errors.Add(f.field, site.T(lang, f.message));
  }
}

}  // namespace motcua::web
