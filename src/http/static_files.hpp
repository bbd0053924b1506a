#pragma once
//! Static files served from memory: strong ETags, immutable caching of fingerprinted names, gzip/brotli variants.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace motcua::http {

//! The built front-end files (static/), read once at start. Request paths are only ever looked up in this
//! in-memory table, so no request can reach another file of the disk.
class StaticFiles {
 public:
  //! Reads every file under `dir`, served under `url_prefix` (e.g. "/static/").
  StaticFiles(const std::string& dir, std::string url_prefix);
  //! The response for `req` when its path names a static file (200, or 304 when the ETag matches).
  std::optional<Response> Serve(const Request& req) const;
  //! The URL of a logical asset from static/manifest.json ("app.css" → "/static/app.1a2b3c4d.css"); "" if absent.
  std::string AssetUrl(std::string_view logical) const;
  //! Number of files loaded (variants not counted).
  size_t size() const { return files_.size(); }

 private:
  struct File {
    std::shared_ptr<const std::string> content;
    std::shared_ptr<const std::string> gzip;
    std::shared_ptr<const std::string> brotli;
    std::string etag;
    std::string content_type;
    bool immutable = false;
  };
  std::string prefix_;
  std::map<std::string, File, std::less<>> files_;
  std::map<std::string, std::string, std::less<>> manifest_;
};

//! An entity tag for `content`: a quoted BLAKE2b digest, prefixed W/ when `weak`.
std::string EntityTag(std::string_view content, bool weak);

//! True when an If-None-Match header value lists `etag` or "*" (weak comparison, RFC 9110 §13.1.2).
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

//! Content type for a file name's extension.
std::string_view ContentTypeFor(std::string_view name);

//! True when the client accepts `coding` ("gzip", "br") per Accept-Encoding (q=0 refuses).
bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace motcua::http
