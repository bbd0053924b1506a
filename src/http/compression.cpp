#include "http/compression.hpp"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <array>
#include <memory>
#include <stdexcept>

namespace motcua::http {

namespace {

constexpr int32_t kFullWeight = 1000;  // q=1
constexpr int32_t kWeightDigits = 3;   // q has at most three decimals (RFC 9110 §12.4.2)
constexpr int32_t kDecimal = 10;
constexpr int32_t kRawDeflateBits = -15;  // negative window bits: raw deflate, no zlib or gzip wrapper
constexpr int32_t kGzipWrapperBits = 16;  // added to the window bits: a gzip wrapper
constexpr int32_t kWindowBits = 15;       // zlib's largest window
constexpr int32_t kMemLevel = 8;          // zlib's default memory level
constexpr size_t kChunk = size_t{16} << 10;
constexpr size_t kTrailerBytes = 8;
constexpr uint32_t kByteMask = 0xff;
constexpr int32_t kBitsPerByte = 8;
// ID1 ID2, CM=8 (deflate), FLG=0, MTIME=0, XFL=0, OS=3 (Unix), RFC 1952 §2.3.
constexpr std::array<char, 10> kGzipHeader = {'\x1f', '\x8b', '\x08', '\x00', '\x00',
                                              '\x00', '\x00', '\x00', '\x00', '\x03'};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

//! A qvalue (RFC 9110 §12.4.2) as thousandths, or nothing when malformed.
std::optional<int32_t> ParseWeight(std::string_view q) {
  if (q.empty() || (q[0] != '0' && q[0] != '1')) {
    return std::nullopt;
  }
  const bool one = q[0] == '1';
  q.remove_prefix(1);
  if (q.empty()) {
    return one ? kFullWeight : 0;
  }
  if (q[0] != '.' || q.size() > 1 + kWeightDigits) {
    return std::nullopt;
  }
  q.remove_prefix(1);
  int32_t value = 0;
  int32_t digits = 0;
  for (const char c : q) {
    if (c < '0' || c > '9' || (one && c != '0')) {
      return std::nullopt;
    }
    value = value * kDecimal + (c - '0');
    ++digits;
  }
  for (; digits < kWeightDigits; ++digits) {
    value *= kDecimal;
  }
  return one ? kFullWeight : value;
}

void AppendLittleEndian32(std::string& out, uint64_t v) {
  for (int32_t i = 0; i < 4; ++i) {
    out += static_cast<char>((v >> (kBitsPerByte * i)) & kByteMask);
  }
}

//! A deflate stream that ends itself, so no error path leaks zlib's state.
struct Deflater {
  z_stream z{};
  Deflater(int32_t level, int32_t window_bits) {
    if (deflateInit2(&z, level, Z_DEFLATED, window_bits, kMemLevel, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("zlib: deflateInit2 failed");
    }
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;
  Deflater(Deflater&&) = delete;
  Deflater& operator=(Deflater&&) = delete;
  ~Deflater() { deflateEnd(&z); }

  //! Compresses all of `plain`, ending with `flush` (Z_SYNC_FLUSH or Z_FINISH).
  std::string Run(std::string_view plain, int32_t flush) {
    std::string out;
    out.resize(deflateBound(&z, static_cast<uLong>(plain.size())) + kTrailerBytes);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(plain.data()));  // zlib does not write its input
    z.avail_in = static_cast<uInt>(plain.size());
    size_t used = 0;
    for (;;) {
      z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
      z.avail_out = static_cast<uInt>(out.size() - used);
      const int32_t rc = deflate(&z, flush);
      used = out.size() - z.avail_out;
      if (rc == Z_STREAM_END || (flush != Z_FINISH && z.avail_in == 0 && z.avail_out > 0)) {
        break;
      }
      if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw std::runtime_error("zlib: deflate failed");
      }
      out.resize(out.size() + kChunk);
    }
    out.resize(used);
    return out;
  }
};

std::optional<std::string> Inflate(std::string_view coded, size_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, kWindowBits + kGzipWrapperBits) != Z_OK) {
    return std::nullopt;
  }
  const std::unique_ptr<z_stream, int (*)(z_stream*)> end(&z, inflateEnd);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(coded.data()));
  z.avail_in = static_cast<uInt>(coded.size());
  std::string out;
  for (;;) {
    const size_t used = out.size();
    out.resize(used + kChunk);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + used);
    z.avail_out = static_cast<uInt>(kChunk);
    const int32_t rc = inflate(&z, Z_NO_FLUSH);
    out.resize(out.size() - z.avail_out);
    if (out.size() > max_bytes) {
      return std::nullopt;
    }
    if (rc == Z_STREAM_END) {
      // One member exactly: trailing bytes would be a second member or garbage.
      return z.avail_in == 0 ? std::optional(std::move(out)) : std::nullopt;
    }
    if (rc != Z_OK || (z.avail_in == 0 && z.avail_out > 0)) {
      return std::nullopt;  // corrupt, or the input ended before the stream did
    }
  }
}

std::optional<std::string> Unbrotli(std::string_view coded, size_t max_bytes) {
  const std::unique_ptr<BrotliDecoderState, void (*)(BrotliDecoderState*)> state(
      BrotliDecoderCreateInstance(nullptr, nullptr, nullptr), BrotliDecoderDestroyInstance);
  if (!state) {
    return std::nullopt;
  }
  const auto* next_in = reinterpret_cast<const uint8_t*>(coded.data());
  size_t avail_in = coded.size();
  std::string out;
  for (;;) {
    const size_t used = out.size();
    out.resize(used + kChunk);
    auto* next_out = reinterpret_cast<uint8_t*>(out.data() + used);
    size_t avail_out = kChunk;
    const BrotliDecoderResult rc =
        BrotliDecoderDecompressStream(state.get(), &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.resize(out.size() - avail_out);
    if (out.size() > max_bytes) {
      return std::nullopt;
    }
    if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
      return avail_in == 0 ? std::optional(std::move(out)) : std::nullopt;
    }
    if (rc != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
      return std::nullopt;  // an error, or the input ended before the stream did
    }
  }
}

}  // namespace

std::string_view CodingName(Coding coding) {
  switch (coding) {
    case Coding::kGzip:
      return "gzip";
    case Coding::kBrotli:
      return "br";
    case Coding::kIdentity:
      break;
  }
  return "";
}

AcceptedCodings ParseAcceptEncoding(std::string_view header) {
  AcceptedCodings named;
  int32_t any = AcceptedCodings::kUnlisted;
  while (!header.empty()) {
    const size_t comma = header.find(',');
    const std::string_view item = TrimOws(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const size_t semi = item.find(';');
    const std::string name = Lower(TrimOws(item.substr(0, semi)));
    if (name.empty()) {
      continue;
    }
    int32_t weight = kFullWeight;
    if (semi != std::string_view::npos) {
      const std::string param = Lower(TrimOws(item.substr(semi + 1)));
      if (!param.starts_with("q=")) {
        continue;  // no other parameter is defined for Accept-Encoding
      }
      const std::optional<int32_t> q = ParseWeight(TrimOws(std::string_view(param).substr(2)));
      if (!q) {
        continue;
      }
      weight = *q;
    }
    // The first mention of a coding counts.
    int32_t* slot = nullptr;
    if (name == "gzip" || name == "x-gzip") {
      slot = &named.gzip;
    } else if (name == "br") {
      slot = &named.brotli;
    } else if (name == "identity") {
      slot = &named.identity;
    } else if (name == "*") {
      slot = &any;
    }
    if (slot != nullptr && *slot == AcceptedCodings::kUnlisted) {
      *slot = weight;
    }
  }
  for (int32_t* w : {&named.gzip, &named.brotli, &named.identity}) {
    if (*w == AcceptedCodings::kUnlisted) {
      *w = any;
    }
  }
  return named;
}

Coding ChooseCoding(std::string_view accept_encoding, bool brotli_available) {
  const AcceptedCodings a = ParseAcceptEncoding(accept_encoding);
  Coding best = Coding::kIdentity;
  int32_t weight = 0;
  if (brotli_available && a.brotli > 0) {
    best = Coding::kBrotli;
    weight = a.brotli;
  }
  if (a.gzip > weight) {
    best = Coding::kGzip;
    weight = a.gzip;
  }
  // identity named with a greater weight than every coding: the client prefers the body as it is.
  return a.identity > weight ? Coding::kIdentity : best;
}

bool IsCompressibleType(std::string_view content_type) {
  const std::string type = Lower(TrimOws(content_type.substr(0, content_type.find(';'))));
  if (type.starts_with("text/")) {
    return true;
  }
  static constexpr std::array<std::string_view, 7> kTypes = {"application/json",          "application/problem+json",
                                                             "application/manifest+json", "application/javascript",
                                                             "application/xml",           "image/svg+xml",
                                                             "application/xhtml+xml"};
  for (const std::string_view t : kTypes) {
    if (type == t) {
      return true;
    }
  }
  return false;
}

std::string GzipCompress(std::string_view plain, int32_t level) {
  Deflater d(level, kWindowBits + kGzipWrapperBits);
  return d.Run(plain, Z_FINISH);
}

std::string BrotliCompress(std::string_view plain, int32_t quality) {
  std::string out(BrotliEncoderMaxCompressedSize(plain.size()), '\0');
  size_t size = out.size();
  if (out.empty() || BrotliEncoderCompress(quality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, plain.size(),
                                           reinterpret_cast<const uint8_t*>(plain.data()), &size,
                                           reinterpret_cast<uint8_t*>(out.data())) == BROTLI_FALSE) {
    throw std::runtime_error("brotli: compression failed");
  }
  out.resize(size);
  return out;
}

std::optional<std::string> Decompress(Coding coding, std::string_view coded, size_t max_bytes) {
  switch (coding) {
    case Coding::kGzip:
      return Inflate(coded, max_bytes);
    case Coding::kBrotli:
      return Unbrotli(coded, max_bytes);
    case Coding::kIdentity:
      break;
  }
  return coded.size() <= max_bytes ? std::optional(std::string(coded)) : std::nullopt;
}

DeflatePart DeflatePartOf(std::string_view plain, bool last, int32_t level) {
  // Each part starts a deflate stream of its own, so it refers to no byte before it; a sync flush ends it on a
  // byte boundary with no final block, so the next part's blocks simply follow (as pigz joins its blocks).
  Deflater d(level, kRawDeflateBits);
  DeflatePart part;
  part.bytes = d.Run(plain, last ? Z_FINISH : Z_SYNC_FLUSH);
  part.crc = static_cast<uint32_t>(
      crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(plain.data()), static_cast<uInt>(plain.size())));
  part.size = plain.size();
  return part;
}

std::string_view GzipHeader() { return {kGzipHeader.data(), kGzipHeader.size()}; }

std::string GzipTrailer(const DeflatePart& first, const DeflatePart& middle, const DeflatePart& last) {
  uLong crc = crc32_combine(first.crc, middle.crc, static_cast<z_off_t>(middle.size));
  crc = crc32_combine(crc, last.crc, static_cast<z_off_t>(last.size));
  std::string out;
  out.reserve(kTrailerBytes);
  AppendLittleEndian32(out, crc);
  AppendLittleEndian32(out, first.size + middle.size + last.size);  // ISIZE: the length modulo 2^32
  return out;
}

void VaryOnAcceptEncoding(Pairs& headers) {
  for (auto& [name, value] : headers) {
    if (!IEquals(name, "Vary")) {
      continue;
    }
    if (value != "*" && Lower(value).find("accept-encoding") == std::string::npos) {
      value += value.empty() ? "Accept-Encoding" : ", Accept-Encoding";
    }
    return;
  }
  headers.emplace_back("Vary", "Accept-Encoding");
}

void CompressResponse(std::string_view accept_encoding, Response& res) {
  if (res.cached || !res.Get("Content-Encoding").empty() || !IsCompressibleType(res.Get("Content-Type"))) {
    return;
  }
  const std::string_view body = res.Body();
  if (body.size() < kMinCompressBytes) {
    return;
  }
  VaryOnAcceptEncoding(res.headers);
  const Coding coding = ChooseCoding(accept_encoding);
  if (coding == Coding::kIdentity) {
    return;
  }
  if (const std::string_view etag = res.Get("ETag"); !etag.empty() && !etag.starts_with("W/")) {
    res.Set("ETag", "W/" + std::string(etag));
  }
  res.body = coding == Coding::kGzip ? GzipCompress(body) : BrotliCompress(body);
  res.shared_body.reset();
  res.Set("Content-Encoding", CodingName(coding));
}

}  // namespace motcua::http
