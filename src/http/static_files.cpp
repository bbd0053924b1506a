#include "http/static_files.hpp"

#include <sodium.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "http/compression.hpp"

namespace motcua::http {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kImmutableCache = "public, max-age=31536000, immutable";
constexpr std::string_view kShortCache = "public, max-age=3600";

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::string EntityTag(std::string_view content, bool weak) {
  constexpr size_t kDigestBytes = 16;
  unsigned char hash[kDigestBytes];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(content.data()), content.size(), nullptr,
                     0);
  std::string tag = weak ? "W/\"" : "\"";
  for (const unsigned char b : hash) {
    tag += fmt::format("{:02x}", b);
  }
  return tag + "\"";
}

bool EtagMatches(std::string_view header, std::string_view etag) {
  const std::string_view bare = etag.starts_with("W/") ? etag.substr(2) : etag;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    std::string_view item = TrimOws(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    if (item.starts_with("W/")) {
      item.remove_prefix(2);
    }
    if (item == bare || item == "*") {
      return true;
    }
  }
  return false;
}

std::string_view ContentTypeFor(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".pdf", "application/pdf"},
  };
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    if (const auto it = kTypes.find(name.substr(dot)); it != kTypes.end()) {
      return it->second;
    }
  }
  return "application/octet-stream";
}

bool AcceptsEncoding(std::string_view accept_encoding, std::string_view coding) {
  const AcceptedCodings a = ParseAcceptEncoding(accept_encoding);
  if (coding == CodingName(Coding::kGzip)) {
    return a.gzip > 0;
  }
  return coding == CodingName(Coding::kBrotli) && a.brotli > 0;
}

StaticFiles::StaticFiles(const std::string& dir, std::string url_prefix) : prefix_(std::move(url_prefix)) {
  const fs::path root(dir);
  if (!fs::is_directory(root)) {
    spdlog::warn("static folder {} not found: pages will have no styles (run the front-end build)", dir);
    return;
  }
  static const std::regex kFingerprint(R"(\.[0-9a-f]{8}\.[a-z0-9]+$)");
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string rel = fs::relative(entry.path(), root).generic_string();
    if (rel.ends_with(".gz") || rel.ends_with(".br")) {
      continue;
    }
    File f;
    f.content = std::make_shared<const std::string>(ReadAll(entry.path()));
    f.etag = EntityTag(*f.content, false);
    f.content_type = std::string(ContentTypeFor(rel));
    f.immutable = std::regex_search(rel, kFingerprint);
    if (fs::exists(entry.path().string() + ".gz")) {
      f.gzip = std::make_shared<const std::string>(ReadAll(entry.path().string() + ".gz"));
    }
    if (fs::exists(entry.path().string() + ".br")) {
      f.brotli = std::make_shared<const std::string>(ReadAll(entry.path().string() + ".br"));
    }
    files_.emplace(prefix_ + rel, std::move(f));
  }
  if (const auto it = files_.find(prefix_ + "manifest.json"); it != files_.end()) {
    boost::json::error_code ec;
    const boost::json::value v = boost::json::parse(*it->second.content, ec);
    if (!ec && v.is_object()) {
      for (const auto& [k, url] : v.as_object()) {
        if (url.is_string()) {
          manifest_.emplace(std::string(k), std::string(url.as_string()));
        }
      }
    }
  }
}

std::string StaticFiles::AssetUrl(std::string_view logical) const {
  const auto it = manifest_.find(logical);
  return it == manifest_.end() ? std::string() : it->second;
}

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  const auto it = files_.find(req.path);
  if (it == files_.end()) {
    return std::nullopt;
  }
  const File& f = it->second;
  // Each encoding is its own representation, so it has its own strong ETag (RFC 9110 §8.8.3).
  const std::string_view accept = req.Header("accept-encoding");
  const std::shared_ptr<const std::string>* body = &f.content;
  std::string_view encoding;
  if (const Coding coding = ChooseCoding(accept, f.brotli != nullptr); coding == Coding::kBrotli) {
    body = &f.brotli;
    encoding = CodingName(coding);
  } else if (coding == Coding::kGzip && f.gzip) {
    body = &f.gzip;
    encoding = CodingName(coding);
  }
  const std::string etag =
      encoding.empty() ? f.etag : f.etag.substr(0, f.etag.size() - 1) + "-" + std::string(encoding) + "\"";
  Response res;
  res.Set("ETag", etag);
  res.Set("Cache-Control", f.immutable ? kImmutableCache : kShortCache);
  res.Set("Vary", "Accept-Encoding");
  if (EtagMatches(req.Header("if-none-match"), etag)) {
    res.status = kNotModified;
    return res;
  }
  res.Set("Content-Type", f.content_type);
  if (!encoding.empty()) {
    res.Set("Content-Encoding", encoding);
  }
  res.shared_body = *body;
  return res;
}

}  // namespace motcua::http
