#pragma once
//! HTTP request and response as plain values, so handlers never see the network library.

#include <any>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::http {

struct Route;

//! Status codes the application uses by name.
enum Status : int32_t {
  kOk = 200,
  kNotModified = 304,
  kSeeOther = 303,
  kMovedPermanently = 301,
  kBadRequest = 400,
  kUnauthorized = 401,
  kForbidden = 403,
  kNotFound = 404,
  kMethodNotAllowed = 405,
  kConflict = 409,
  kPayloadTooLarge = 413,
  kUriTooLong = 414,
  kUnprocessable = 422,
  kTooManyRequests = 429,
  kHeadersTooLarge = 431,
  kInternalError = 500,
  kServiceUnavailable = 503,
};

//! `s` without leading and trailing spaces and tabs (HTTP optional white space).
std::string_view TrimOws(std::string_view s);

//! Name/value pairs in order (header names lower case).
using Pairs = std::vector<std::pair<std::string, std::string>>;

//! A parsed request: path and query already percent-decoded and checked as UTF-8.
struct Request {
  std::string method;                         //!< "GET", "POST", …
  std::string target;                         //!< As sent, e.g. "/thu-tuc?q=dang%20ky".
  std::string path;                           //!< Decoded path, e.g. "/thu-tuc".
  Pairs query;                                //!< Decoded query parameters in order.
  Pairs headers;                              //!< Headers with lower-case names.
  std::string body;                           //!< Raw body.
  std::string remote_addr;                    //!< Peer address.
  std::string request_id;                     //!< Random id for logs and error pages.
  std::map<std::string, std::string> params;  //!< Path parameters from the route, e.g. {code}.
  std::string route;                          //!< The matched route pattern, for metrics ("" when none).
  const Route* matched = nullptr;             //!< The matched route once resolved (null: not resolved or no match).
  bool resolved = false;                      //!< Routing already ran for this request.
  std::any context;                           //!< Set by the application (who is calling); the server never reads it.

  //! First header named `name` (lower case), or "".
  std::string_view Header(std::string_view name) const;
  //! First query parameter named `name`, or "".
  std::string_view Query(std::string_view name) const;
  //! Value of cookie `name`, or "".
  std::string Cookie(std::string_view name) const;
  //! Path parameter `name`, or "".
  std::string_view Param(std::string_view name) const;
};

//! A response; the server adds Date, Content-Length and connection handling.
struct Response {
  int32_t status = kOk;                            //!< HTTP status.
  Pairs headers;                                   //!< Extra headers (Content-Type included).
  std::string body;                                //!< Body bytes (unless shared_body is set).
  std::shared_ptr<const std::string> shared_body;  //!< Body shared with a cache, sent without copying.

  //! The body to send: the shared one when set, else `body`.
  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  //! Drops the body (both kinds), e.g. for 304 Not Modified.
  void ClearBody() {
    body.clear();
    shared_body.reset();
  }

  //! Sets (replaces) a header.
  Response& Set(std::string_view name, std::string_view value);
  //! The header `name` (case-insensitive), or "".
  std::string_view Get(std::string_view name) const;
  //! An HTML page.
  static Response Html(std::string body, int32_t status = kOk);
  //! A JSON document.
  static Response Json(std::string body, int32_t status = kOk);
  //! Plain text.
  static Response Text(std::string body, int32_t status = kOk);
  //! A redirect to `location` (303 See Other by default).
  static Response Redirect(std::string_view location, int32_t status = kSeeOther);
};

//! The status line and headers of `res` as sent on the wire, ending with the blank line. Adds Server, Date,
//! Content-Length (except for 1xx, 204 and 304) and Connection; drops CR and LF from header names and values so a
//! value can never start a new header.
std::string SerializeHead(const Response& res, bool keep_alive, bool http10, std::string_view date);

//! The standard reason phrase of a status code ("Not Found").
std::string_view ReasonPhrase(int32_t status);

}  // namespace motcua::http
