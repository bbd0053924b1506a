#pragma once
//! HTTP request and response as plain values, so handlers never see the network library.

#include <any>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::http {

struct Route;
struct CachedResponse;
class MultipartBody;

//! Where a handler runs: on an I/O thread (fast, never touches the store) or on one of the bounded executors.
enum class Exec : uint8_t {
  kInline,               //!< On the I/O thread that read the request.
  kInteractive,          //!< Reads or writes the store for a person (pages, forms, sign-in).
  kPool = kInteractive,  //!< The interactive executor (its name before there were several).
  kReport,               //!< Slow reads: the audit journal search, statistics.
  kOutbound,             //!< Calls to other systems: the identity provider, payment gateways, SMS.
};

//! How the server reads a route's request body.
enum class BodyMode : uint8_t {
  kMemory,     //!< Whole, into Request::body.
  kMultipart,  //!< Streamed through the multipart parser to spool files (Request::multipart); anything else is 415.
};

//! The executor's name: "inline", "interactive", "report" or "outbound".
std::string_view ExecName(Exec exec);

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
  kUnsupportedMediaType = 415,
  kUnprocessable = 422,
  kTooManyRequests = 429,
  kHeadersTooLarge = 431,
  kInternalError = 500,
  kNotImplemented = 501,
  kServiceUnavailable = 503,
};

//! `s` without leading and trailing spaces and tabs (HTTP optional white space).
std::string_view TrimOws(std::string_view s);

//! Name/value pairs in order.
using Pairs = std::vector<std::pair<std::string, std::string>>;

//! True when `a` and `b` are equal ignoring ASCII case (header names).
bool IEquals(std::string_view a, std::string_view b);

//! Request headers in arrival order. The server adds views into its parser's buffer (no copy, no lower-casing);
//! tests and other callers add owned copies. Names are compared ignoring case.
class Headers {
 public:
  //! One header as sent.
  using Field = std::pair<std::string_view, std::string_view>;
  //! No headers.
  Headers() = default;
  //! Owned copies of `fields`.
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);
  //! Owned copies of `fields` (implicit, so a list of pairs can be assigned).
  Headers(const Pairs& fields);  // NOLINT(google-explicit-constructor)
  //! A copy owns its bytes (the original's views may not outlive it).
  Headers(const Headers& other);
  //! A copy owns its bytes.
  Headers& operator=(const Headers& other);
  //! Moving keeps the views valid (a deque's elements do not move).
  Headers(Headers&&) noexcept = default;
  //! Moving keeps the views valid.
  Headers& operator=(Headers&&) noexcept = default;
  ~Headers() = default;
  //! Adds a header whose bytes outlive this object (the parser's buffer while the request is handled).
  void AddView(std::string_view name, std::string_view value) { fields_.emplace_back(name, value); }
  //! Adds a header, copying its bytes (named like the vector it replaces, so existing callers keep compiling).
  void emplace_back(std::string_view name, std::string_view value);  // NOLINT(readability-identifier-naming)
  //! The first header named `name` (any case), or "".
  std::string_view Get(std::string_view name) const;
  //! First header.
  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  //! Past the last header.
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  //! Number of headers.
  size_t size() const { return fields_.size(); }
  //! No header at all.
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
  std::deque<std::string> owned_;
};

//! A parsed request: path and query already percent-decoded and checked as UTF-8.
struct Request {
  std::string method;                         //!< "GET", "POST", …
  std::string target;                         //!< As sent, e.g. "/thu-tuc?q=dang%20ky".
  std::string path;                           //!< Decoded path, e.g. "/thu-tuc".
  Pairs query;                                //!< Decoded query parameters in order.
  Headers headers;                            //!< Headers as sent (names compared ignoring case).
  std::string body;                           //!< Raw body.
  std::string remote_addr;                    //!< Peer address.
  std::string request_id;                     //!< Random id for logs and error pages.
  std::map<std::string, std::string> params;  //!< Path parameters from the route, e.g. {code}.
  std::string route;                          //!< The matched route pattern, for metrics ("" when none).
  const Route* matched = nullptr;             //!< The matched route once resolved (null: not resolved or no match).
  bool resolved = false;                      //!< Routing already ran for this request.
  Exec exec = Exec::kInline;                  //!< Where the request is handled (decided once routed).
  std::any context;                           //!< Set by the application (who is calling); the server never reads it.
  //! The parsed body of a BodyMode::kMultipart route (its error set when refused; `body` then stays empty); null for
  //! other routes. Spool files it still owns are deleted with it, after the response.
  std::shared_ptr<MultipartBody> multipart;

  //! First header named `name` (any case), or "".
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
  //! A cached response sent as its pre-serialised head and shared body; `headers` then holds only the ones added
  //! for this request (X-Request-Id, Set-Cookie, …) and `status`/`body` are unused.
  std::shared_ptr<const CachedResponse> cached;
  bool personal = false;  //!< With `cached`: send the personal head (no-store, no ETag) and `slot` as the account area.
  std::string slot;       //!< With `cached` and `personal`: the bytes that replace the cached page's account area.

  //! The body to send: the shared one when set, else `body`.
  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  //! Drops the body (both kinds), e.g. for 304 Not Modified.
  void ClearBody() {
    body.clear();
    shared_body.reset();
    cached.reset();
    slot.clear();
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

//! Appends "name: value\r\n" to `out`, dropping CR and LF from both.
void AppendHeaderLine(std::string& out, std::string_view name, std::string_view value);
//! Appends Content-Length (when the status has a body), the Connection header HTTP needs, and the blank line.
void AppendFraming(std::string& out, int32_t status, size_t content_length, bool keep_alive, bool http10);

//! How a request's Transfer-Encoding lets its body be framed (RFC 9112 section 6.1).
enum class TransferCoding : uint8_t {
  kNone,         //!< No Transfer-Encoding: Content-Length (or nothing) frames the body.
  kChunked,      //!< Exactly "chunked": the one coding the server decodes.
  kUnsupported,  //!< A coding the server does not implement ("gzip", "xchunked", "chunked, gzip"…): 501, close.
  kInvalid,      //!< Not allowed at all (on HTTP/1.0, an empty coding, "chunked" twice): 400, close.
};

//! What the Transfer-Encoding field values of one request (all of them, in order, as separate fields) allow:
//! their comma-separated codings together must be exactly one "chunked" (any case) for a body to be read.
TransferCoding ClassifyTransferEncoding(const std::vector<std::string_view>& values, bool http10);

//! The standard reason phrase of a status code ("Not Found").
std::string_view ReasonPhrase(int32_t status);

}  // namespace motcua::http
