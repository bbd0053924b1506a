#include "http/message.hpp"

#include <algorithm>

namespace motcua::http {

namespace {

constexpr char kCaseBit = 0x20;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | kCaseBit) : c; }

}  // namespace

bool IEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

Headers::Headers(std::initializer_list<std::pair<std::string, std::string>> fields) {
  for (const auto& [k, v] : fields) {
    emplace_back(k, v);
  }
}

Headers::Headers(const Pairs& fields) {
  for (const auto& [k, v] : fields) {
    emplace_back(k, v);
  }
}

Headers::Headers(const Headers& other) {
  for (const auto& [k, v] : other.fields_) {
    emplace_back(k, v);
  }
}

Headers& Headers::operator=(const Headers& other) {
  if (this == &other) {
    return *this;
  }
  Headers copy(other);
  *this = std::move(copy);
  return *this;
}

void Headers::emplace_back(std::string_view name, std::string_view value) {
  const std::string& n = owned_.emplace_back(name);
  const std::string& v = owned_.emplace_back(value);
  fields_.emplace_back(n, v);
}

std::string_view Headers::Get(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (IEquals(k, name)) {
      return v;
    }
  }
  return {};
}

std::string_view ExecName(Exec exec) {
  switch (exec) {
    case Exec::kInline:
      return "inline";
    case Exec::kInteractive:
      return "interactive";
    case Exec::kReport:
      return "report";
    case Exec::kOutbound:
      return "outbound";
  }
  return "inline";
}

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view Request::Header(std::string_view name) const { return headers.Get(name); }

std::string_view Request::Query(std::string_view name) const {
  for (const auto& [k, v] : query) {
    if (k == name) {
      return v;
    }
  }
  return {};
}

std::string Request::Cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (!IEquals(k, "cookie")) {
      continue;
    }
    std::string_view rest = v;
    while (!rest.empty()) {
      const size_t semi = rest.find(';');
      const std::string_view part = TrimOws(rest.substr(0, semi));
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      const size_t eq = part.find('=');
      if (eq != std::string_view::npos && TrimOws(part.substr(0, eq)) == name) {
        std::string_view value = TrimOws(part.substr(eq + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
          value = value.substr(1, value.size() - 2);
        }
        return std::string(value);
      }
    }
  }
  return {};
}

std::string_view Request::Param(std::string_view name) const {
  const auto it = params.find(std::string(name));
  return it == params.end() ? std::string_view() : std::string_view(it->second);
}

Response& Response::Set(std::string_view name, std::string_view value) {
  for (auto& [k, v] : headers) {
    if (IEquals(k, name)) {
      v = value;
      return *this;
    }
  }
  headers.emplace_back(name, value);
  return *this;
}

std::string_view Response::Get(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (IEquals(k, name)) {
      return v;
    }
  }
  return {};
}

namespace {

//! A response with `body` of `content_type`.
Response WithBody(std::string body, int32_t status, std::string_view content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.Set("Content-Type", content_type);
  return r;
}

}  // namespace

Response Response::Html(std::string body, int32_t status) {
  return WithBody(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::Json(std::string body, int32_t status) {
  return WithBody(std::move(body), status, "application/json");
}

Response Response::Text(std::string body, int32_t status) {
  return WithBody(std::move(body), status, "text/plain; charset=utf-8");
}

TransferCoding ClassifyTransferEncoding(const std::vector<std::string_view>& values, bool http10) {
  if (values.empty()) {
    return TransferCoding::kNone;
  }
  if (http10) {
    return TransferCoding::kInvalid;  // RFC 9112 6.1: HTTP/1.0 has no transfer codings; the framing is faulty
  }
  int32_t codings = 0;
  int32_t chunked = 0;
  bool chunked_last = false;
  for (const std::string_view value : values) {
    std::string_view rest = value;
    while (true) {
      const size_t comma = rest.find(',');
      const std::string_view coding = TrimOws(rest.substr(0, comma));
      // Parameters (";q=…") are not allowed on "chunked", and any other coding is unsupported anyway.
      if (coding.empty()) {
        return TransferCoding::kInvalid;
      }
      ++codings;
      chunked_last = IEquals(coding, "chunked");
      chunked += chunked_last ? 1 : 0;
      if (comma == std::string_view::npos) {
        break;
      }
      rest = rest.substr(comma + 1);
    }
  }
  if (chunked > 1) {
    return TransferCoding::kInvalid;  // "chunked" more than once (RFC 9112 7: a sender must not)
  }
  if (codings == 1 && chunked_last) {
    return TransferCoding::kChunked;
  }
  return TransferCoding::kUnsupported;
}

std::string_view ReasonPhrase(int32_t status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

namespace {

void AppendClean(std::string& out, std::string_view s) {
  if (s.find_first_of("\r\n") == std::string_view::npos) {
    out.append(s);  // the usual case: nothing to drop
    return;
  }
  for (const char c : s) {
    if (c != '\r' && c != '\n') {
      out += c;
    }
  }
}

}  // namespace

void AppendHeaderLine(std::string& out, std::string_view name, std::string_view value) {
  AppendClean(out, name);
  out += ": ";
  AppendClean(out, value);
  out += "\r\n";
}

std::string SerializeHead(const Response& res, bool keep_alive, bool http10, std::string_view date) {
  std::string out;
  out.reserve(512 + res.headers.size() * 64);
  out += "HTTP/1.1 ";
  out += std::to_string(res.status);
  out += ' ';
  out += ReasonPhrase(res.status);
  out += "\r\nServer: motcua\r\nDate: ";
  out += date;
  out += "\r\n";
  for (const auto& [k, v] : res.headers) {
    AppendHeaderLine(out, k, v);
  }
  AppendFraming(out, res.status, res.Body().size(), keep_alive, http10);
  return out;
}

void AppendFraming(std::string& out, int32_t status, size_t content_length, bool keep_alive, bool http10) {
  constexpr int32_t kNoContent = 204;
  if (status >= kOk && status != kNoContent && status != kNotModified) {
    out += "Content-Length: ";
    out += std::to_string(content_length);
    out += "\r\n";
  }
  if (!keep_alive) {
    out += "Connection: close\r\n";
  } else if (http10) {
    out += "Connection: keep-alive\r\n";
  }
  out += "\r\n";
}

Response Response::Redirect(std::string_view location, int32_t status) {
  Response r;
  r.status = status;
  r.Set("Location", location);
  return r;
}

}  // namespace motcua::http
