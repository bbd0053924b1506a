#include "http/response_cache.hpp"

#include <algorithm>
#include <vector>

namespace motcua::http {

namespace {

//! What a cache node costs besides its bytes of text (list and map nodes, control blocks).
constexpr size_t kEntryOverhead = 256;

std::string HeadOf(int32_t status, const Pairs& headers, const Pairs& fixed) {
  std::string out;
  out += "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += ReasonPhrase(status);
  out += "\r\nServer: motcua\r\n";
  for (const auto& [k, v] : headers) {
    AppendHeaderLine(out, k, v);
  }
  for (const auto& [k, v] : fixed) {
    AppendHeaderLine(out, k, v);
  }
  return out;
}

void AppendPart(std::string& out, std::string_view part) {
  out += std::to_string(part.size());
  out += ':';
  out += part;
}

//! Keeps `entry`'s body in brotli and in three gzip parts around its slot (the whole body when it has none).
void Compress(CachedResponse& entry) {
  const std::string_view body = *entry.body;
  entry.brotli = std::make_shared<const std::string>(BrotliCompress(body));
  const size_t begin = entry.HasSlot() ? entry.slot_begin : body.size();
  const size_t end = entry.HasSlot() ? entry.slot_end : body.size();
  entry.gzip[0] = DeflatePartOf(body.substr(0, begin), false);
  entry.gzip[0].bytes.insert(0, GzipHeader());
  entry.gzip[1] = DeflatePartOf(body.substr(begin, end - begin), false);
  entry.gzip[2] = DeflatePartOf(body.substr(end), true);
  entry.gzip_trailer = GzipTrailer(entry.gzip[0], entry.gzip[1], entry.gzip[2]);
}

//! The coding a cached response's Content-Encoding header names.
Coding CodingOf(const Response& res) {
  const std::string_view name = res.Get("Content-Encoding");
  if (name == CodingName(Coding::kBrotli)) {
    return Coding::kBrotli;
  }
  return name == CodingName(Coding::kGzip) ? Coding::kGzip : Coding::kIdentity;
}

constexpr size_t kGzipTrailerBytes = 8;

}  // namespace

size_t CachedResponse::Bytes() const {
  size_t n = head.size() + personal_head.size() + etag.size() + kEntryOverhead + (body ? body->size() : 0) +
             (brotli ? brotli->size() : 0) + gzip_trailer.size();
  for (const DeflatePart& part : gzip) {
    n += part.bytes.size();
  }
  for (const auto& [k, v] : headers) {
    n += k.size() + v.size();
  }
  return n;
}

std::shared_ptr<const CachedResponse> MakeCachedResponse(const Response& res, const Pairs& fixed, std::string_view open,
                                                         std::string_view close) {
  auto entry = std::make_shared<CachedResponse>();
  entry->status = res.status;
  entry->headers = res.headers;
  entry->etag = std::string(res.Get("ETag"));
  entry->body = res.shared_body ? res.shared_body : std::make_shared<const std::string>(res.body);
  const bool compress = entry->body->size() >= kMinCompressBytes && res.Get("Content-Encoding").empty() &&
                        IsCompressibleType(res.Get("Content-Type"));
  if (compress) {
    VaryOnAcceptEncoding(entry->headers);
  }
  entry->head = HeadOf(res.status, entry->headers, fixed);
  Pairs personal;
  for (const auto& [k, v] : entry->headers) {
    if (!IEquals(k, "ETag") && !IEquals(k, "Cache-Control")) {
      personal.emplace_back(k, v);
    }
  }
  personal.emplace_back("Cache-Control", "no-store");
  entry->personal_head = HeadOf(res.status, personal, fixed);
  if (!open.empty() && !close.empty()) {
    const std::string_view body = *entry->body;
    const size_t begin = body.find(open);
    const size_t end = begin == std::string_view::npos ? begin : body.find(close, begin + open.size());
    if (end != std::string_view::npos) {
      entry->slot_begin = begin + open.size();
      entry->slot_end = end;
    }
  }
  if (compress) {
    Compress(*entry);
  }
  return entry;
}

std::string CachedHeadTail(const Response& res, size_t content_length, bool keep_alive, bool http10,
                           std::string_view date) {
  std::string out;
  out += "Date: ";
  out += date;
  out += "\r\n";
  for (const auto& [k, v] : res.headers) {
    AppendHeaderLine(out, k, v);
  }
  AppendFraming(out, res.cached ? res.cached->status : res.status, content_length, keep_alive, http10);
  return out;
}

std::array<std::string_view, 4> CachedBodyPieces(const Response& res) {
  if (!res.cached || !res.cached->body) {
    return {};
  }
  const CachedResponse& entry = *res.cached;
  const bool filled = res.personal && entry.HasSlot();
  switch (entry.Compressed() ? CodingOf(res) : Coding::kIdentity) {
    case Coding::kBrotli:
      return {*entry.brotli, {}, {}, {}};
    case Coding::kGzip:
      if (filled) {
        // EncodeForClient left this request's slot compressed, followed by the trailer.
        const std::string_view slot = res.slot;
        if (slot.size() < kGzipTrailerBytes) {
          return {};  // not made by EncodeForClient: nothing valid to send
        }
        const size_t split = slot.size() - kGzipTrailerBytes;
        return {entry.gzip[0].bytes, slot.substr(0, split), entry.gzip[2].bytes, slot.substr(split)};
      }
      return {entry.gzip[0].bytes, entry.gzip[1].bytes, entry.gzip[2].bytes, entry.gzip_trailer};
    case Coding::kIdentity:
      break;
  }
  const std::string_view body = *entry.body;
  if (!filled) {
    return {body, {}, {}, {}};
  }
  return {body.substr(0, entry.slot_begin), res.slot, body.substr(entry.slot_end), {}};
}

void EncodeForClient(std::string_view accept_encoding, Response& res) {
  if (!res.cached) {
    CompressResponse(accept_encoding, res);
    return;
  }
  const CachedResponse& entry = *res.cached;
  if (!entry.Compressed()) {
    return;
  }
  const bool filled = res.personal && entry.HasSlot();
  // A page filled for one person cannot reuse a brotli stream (its bytes depend on every byte before), so it gets
  // the gzip member whose middle part alone is compressed now.
  const Coding coding = ChooseCoding(accept_encoding, !filled);
  if (coding == Coding::kIdentity) {
    return;
  }
  if (coding == Coding::kGzip && filled) {
    const DeflatePart slot = DeflatePartOf(res.slot, false);
    res.slot = slot.bytes + GzipTrailer(entry.gzip[0], slot, entry.gzip[2]);
  }
  res.Set("Content-Encoding", CodingName(coding));
}

std::string NormalisedKey(std::string_view path, const Pairs& query, std::string_view lang) {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(query.size());
  for (const auto& p : query) {
    if (p.first != "lang") {
      sorted.push_back(&p);
    }
  }
  // Stable: a name given twice keeps its values in the order sent, which a handler may rely on.
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string key;
  AppendPart(key, lang);
  AppendPart(key, path);
  for (const auto* p : sorted) {
    AppendPart(key, p->first);
    AppendPart(key, p->second);
  }
  return key;
}

std::shared_ptr<const CachedResponse> ResponseCache::Get(std::string_view key, int64_t version) {
  std::lock_guard lock(mutex_);
  if (version != version_) {
    return nullptr;
  }
  const auto it = index_.find(key);
  if (it == index_.end()) {
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->value;
}

void ResponseCache::EvictOne() {
  const Node& last = lru_.back();
  bytes_ -= last.bytes;
  index_.erase(last.key);
  lru_.pop_back();
}

void ResponseCache::Put(std::string_view key, int64_t version, std::shared_ptr<const CachedResponse> entry) {
  if (max_entries_ == 0 || max_bytes_ == 0 || !entry) {
    return;
  }
  const size_t bytes = entry->Bytes() + key.size();
  if (bytes > max_bytes_) {
    return;  // larger than the whole cache: it would only flush everything else
  }
  std::lock_guard lock(mutex_);
  if (version < version_) {
    return;  // rendered from a snapshot already replaced
  }
  if (version > version_) {
    index_.clear();
    lru_.clear();
    bytes_ = 0;
    version_ = version;
  }
  if (const auto it = index_.find(key); it != index_.end()) {
    const auto node = it->second;
    bytes_ -= node->bytes;
    index_.erase(it);
    lru_.erase(node);
  }
  while (!lru_.empty() && (lru_.size() >= max_entries_ || bytes_ + bytes > max_bytes_)) {
    EvictOne();
  }
  lru_.push_front(Node{std::string(key), std::move(entry), bytes});
  index_.emplace(lru_.front().key, lru_.begin());
  bytes_ += bytes;
}

size_t ResponseCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace motcua::http
