#pragma once
//! Content codings: Accept-Encoding negotiation, gzip (zlib) and brotli (libbrotli), and gzip members built from
//! separately compressed pieces so that one piece (a page's account area) can be replaced per request.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace motcua::http {

//! A content coding motcua sends (RFC 9110 §8.4.1).
enum class Coding : uint8_t {
  kIdentity,  //!< No coding.
  kGzip,      //!< gzip (RFC 1952), made by zlib.
  kBrotli,    //!< br (RFC 7932), made by libbrotli.
};

//! The Content-Encoding token of `coding` ("" for identity, "gzip", "br").
std::string_view CodingName(Coding coding);

//! Bodies smaller than this are sent as they are: the coding's header and trailer would eat most of the gain.
constexpr size_t kMinCompressBytes = 1024;
//! Brotli quality for responses made per request and for cache fills: 5 compresses a page within a few percent of
//! quality 11 at a small fraction of its time (a fill runs on the request path, and every new query fills).
constexpr int32_t kBrotliQuality = 5;
//! zlib level for the same: 6 is zlib's default and within a few percent of level 9 on HTML.
constexpr int32_t kGzipLevel = 6;

//! The weights (0 to 1000, thousandths of q) an Accept-Encoding header gives the codings motcua can send.
struct AcceptedCodings {
  static constexpr int32_t kUnlisted = -1;  //!< The header did not name the coding (nor `*` for it).
  int32_t gzip = kUnlisted;                 //!< Weight of gzip (or x-gzip), else of `*`.
  int32_t brotli = kUnlisted;               //!< Weight of br, else of `*`.
  int32_t identity = kUnlisted;             //!< Weight of identity when the header names it (or `*`).
};

//! Parses an Accept-Encoding value (RFC 9110 §12.5.3): comma-separated codings, each with an optional `;q=`
//! weight; names ignore case; `*` stands for every coding not named; a malformed item is ignored.
AcceptedCodings ParseAcceptEncoding(std::string_view header);

//! The coding to send for `accept_encoding`: the accepted one (q > 0) of highest weight among gzip and, when
//! `brotli_available`, br (br wins a tie); identity when neither is accepted or identity weighs more.
Coding ChooseCoding(std::string_view accept_encoding, bool brotli_available = true);

//! True for media types worth compressing (HTML, JSON, text, CSS, JavaScript, SVG, XML); false for images,
//! fonts, PDF, archives and anything already compressed.
bool IsCompressibleType(std::string_view content_type);

//! `plain` as one gzip member.
std::string GzipCompress(std::string_view plain, int32_t level = kGzipLevel);
//! `plain` as a brotli stream.
std::string BrotliCompress(std::string_view plain, int32_t quality = kBrotliQuality);
//! The plain bytes of `coded`, or nothing when it is not a valid stream of `coding` (or would exceed `max_bytes`).
std::optional<std::string> Decompress(Coding coding, std::string_view coded, size_t max_bytes = size_t{64} << 20);

//! Part of a gzip member compressed on its own: raw deflate blocks ending byte-aligned (a sync flush) or, for the
//! last part, with the final block; with the CRC-32 and length of its plain text. Parts made at different times
//! join into one member: GzipHeader(), the parts in order, then GzipTrailer() of them.
struct DeflatePart {
  std::string bytes;  //!< The compressed blocks.
  uint32_t crc = 0;   //!< CRC-32 of the plain text.
  uint64_t size = 0;  //!< Length of the plain text.
};

//! Compresses `plain` as a part of a gzip member; `last` ends the member's deflate stream.
DeflatePart DeflatePartOf(std::string_view plain, bool last, int32_t level = kGzipLevel);
//! The ten bytes that start a gzip member (deflate, no name, no time).
std::string_view GzipHeader();
//! The eight bytes that end a gzip member made of `first`, `middle` and `last` in that order.
std::string GzipTrailer(const DeflatePart& first, const DeflatePart& middle, const DeflatePart& last);

//! Adds Accept-Encoding to the Vary header of `headers` (creating it, or appending to the fields it names).
void VaryOnAcceptEncoding(Pairs& headers);

//! Compresses a response made for this request (not a cached one) when the client accepts a coding, the body is
//! large enough and its type is worth it: sets Content-Encoding, adds Vary: Accept-Encoding and makes a strong ETag
//! weak (the tag names the content, which every coding of it shares). Leaves other responses as they are.
void CompressResponse(std::string_view accept_encoding, Response& res);

}  // namespace motcua::http
