#pragma once
//! Responses kept for reuse: the head serialised once, the body shared and stored compressed (brotli whole, gzip in
//! three parts around an optional per-request slot), keyed by the normalised target and evicted least-recently-used
//! first within an entry and a byte bound.

#include <array>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/compression.hpp"
#include "http/message.hpp"

namespace motcua::http {

//! A response ready to be written again: status line and fixed headers as bytes, body shared between requests.
struct CachedResponse {
  static constexpr size_t kNoSlot = std::string::npos;  //!< `slot_begin` when the body has no slot.
  int32_t status = kOk;                                 //!< HTTP status.
  Pairs headers;                                        //!< The response's own headers (not the fixed ones).
  std::string etag;                                     //!< The ETag header ("" when none).
  std::string head;           //!< Status line, Server and every header except Date, Content-Length, Connection.
  std::string personal_head;  //!< The same for a page filled for one person: Cache-Control no-store, no ETag.
  std::shared_ptr<const std::string> body;  //!< The body as cached (the slot holds its anonymous content).
  size_t slot_begin = kNoSlot;              //!< Where the slot starts in `body`.
  size_t slot_end = kNoSlot;                //!< Where the slot ends in `body` (exclusive).
  //! The body in brotli (null when the body is not compressed: too small or not text).
  std::shared_ptr<const std::string> brotli;
  //! The body in gzip as one member of three parts: before the slot (starting with the gzip header), the slot's
  //! anonymous content, after the slot (the whole body is the first part when there is no slot). A signed-in
  //! caller's page replaces only the middle part and the trailer, so no fixed byte is compressed per request.
  std::array<DeflatePart, 3> gzip;
  std::string gzip_trailer;  //!< The gzip trailer of the anonymous body (CRC-32 and length).

  //! Memory this entry holds, for the cache's byte bound.
  size_t Bytes() const;
  //! True when the body has a slot that a request may fill.
  bool HasSlot() const { return slot_begin != kNoSlot; }
  //! True when compressed variants of the body are kept.
  bool Compressed() const { return brotli != nullptr; }
};

//! Makes a cache entry of `res` (its `body` or `shared_body`), whose heads also carry the `fixed` headers (added
//! to every response, so not kept in `headers`). The slot is the text between the first `open` and
//! the next `close` marker after it (markers stay in the body); no slot when either is missing or empty. A text
//! body of at least kMinCompressBytes is also kept in brotli and gzip, and the heads then say Vary: Accept-Encoding.
std::shared_ptr<const CachedResponse> MakeCachedResponse(const Response& res, const Pairs& fixed = {},
                                                         std::string_view open = {}, std::string_view close = {});

//! The part of the head that changes per request: Date, `res.headers` (the per-request ones), Content-Length and
//! Connection, ending with the blank line.
std::string CachedHeadTail(const Response& res, size_t content_length, bool keep_alive, bool http10,
                           std::string_view date);

//! The body of a cached response as up to four pieces, in the coding its Content-Encoding header names: before the
//! slot, the slot's bytes (this request's when personal), after the slot, and for gzip the trailer.
std::array<std::string_view, 4> CachedBodyPieces(const Response& res);

//! Picks the content coding of `res` for a client sending `accept_encoding`. A cached response gets its stored
//! variant named in a Content-Encoding header (a personal page with a slot: gzip, its slot compressed alone, or
//! identity); any other response is compressed by CompressResponse.
void EncodeForClient(std::string_view accept_encoding, Response& res);

//! The cache key of a request: `lang`, the decoded path and the decoded query parameters sorted by name (each
//! name's values kept in order), with `lang=` left out (the language is the first part). Lengths prefix each part,
//! so no value can forge a separator.
std::string NormalisedKey(std::string_view path, const Pairs& query, std::string_view lang);

//! Thread-safe LRU cache of responses for one data version, bounded by entries and bytes.
class ResponseCache {
 public:
  //! Keeps at most `max_entries` entries and `max_bytes` bytes (either 0 disables caching).
  ResponseCache(size_t max_entries, size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}
  //! The entry for `key` made from data `version`, if cached; marks it most recently used.
  std::shared_ptr<const CachedResponse> Get(std::string_view key, int64_t version);
  //! Stores an entry made from data `version`, evicting the least recently used ones beyond the bounds. A newer
  //! version drops every entry; an entry of an older version is not stored.
  void Put(std::string_view key, int64_t version, std::shared_ptr<const CachedResponse> entry);
  //! Entries cached now.
  size_t size() const;
  //! Bytes held now.
  size_t bytes() const;

 private:
  struct Node {
    std::string key;
    std::shared_ptr<const CachedResponse> value;
    size_t bytes = 0;
  };
  void EvictOne();

  size_t max_entries_;
  size_t max_bytes_;
  mutable std::mutex mutex_;
  int64_t version_ = -1;
  size_t bytes_ = 0;
  std::list<Node> lru_;                                                    // front: most recently used
  std::unordered_map<std::string_view, std::list<Node>::iterator> index_;  // keys view into the nodes
};

}  // namespace motcua::http
