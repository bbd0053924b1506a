#pragma once
//! How a page answers a service operation's expected failure: the status code of each error kind, an error page,
//! and field errors translated for a form shown again.

#include <cstdint>
#include <string_view>

#include "domain/result.hpp"
#include "http/message.hpp"
#include "web/forms.hpp"

namespace motcua::web {

class Site;

//! The HTTP status of an error kind (kInvalid without fields: 400; with fields, forms answer 422 themselves).
int32_t StatusOf(domain::ErrorKind kind);

//! An error page with the status of `error` and its message, translated.
http::Response ErrorPageFor(const Site& site, const http::Request& req, const domain::Error& error);

//! Adds the field errors of `error` to `errors`, translated.
void AddFieldErrors(const Site& site, std::string_view lang, const domain::Error& error, FieldErrors& errors);

}  // namespace motcua::web
