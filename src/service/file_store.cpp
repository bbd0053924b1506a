#include "service/file_store.hpp"

#include <fcntl.h>
#include <magic.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vips/vips.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <system_error>

#include "domain/constants.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"

namespace motcua::service {

using domain::Error;
using domain::N_;

namespace {

//! JPEG quality of a normalised photo: small files, no visible loss on a scanned paper or a phone photo.
constexpr int32_t kJpegQuality = 82;
//! zlib level of a PNG kept as PNG.
constexpr int32_t kPngCompression = 6;
//! Bytes read at a time when hashing or copying.
constexpr size_t kIoChunk = size_t{64} * 1024;
//! Hex digits of a SHA-256.
constexpr size_t kShaHexDigits = 64;
//! Hex digits of each of the two folder levels of the store.
constexpr size_t kFanoutDigits = 2;
//! White, the background a transparent image is flattened onto before it becomes JPEG.
constexpr double kWhite = 255.0;
//! Longest name kept.
constexpr size_t kMaxNameBytes = 200;
//! The magic bytes every PDF starts with.
constexpr std::string_view kPdfMagic = "%PDF-";

//! Closes a libmagic handle.
struct MagicCloser {
  void operator()(magic_set* m) const { magic_close(m); }
};

//! The MIME type libmagic reads from the file's first bytes. libmagic handles are not thread-safe: one per thread.
std::string MimeOf(const std::string& path) {
  thread_local const std::unique_ptr<magic_set, MagicCloser> handle = [] {
    std::unique_ptr<magic_set, MagicCloser> m(magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS));
    if (m != nullptr && magic_load(m.get(), nullptr) != 0) {
      spdlog::error("libmagic: {}", magic_error(m.get()));
      m.reset();
    }
    return m;
  }();
  if (handle == nullptr) {
    throw std::runtime_error("libmagic could not load its database");
  }
  const char* type = magic_file(handle.get(), path.c_str());
  return type == nullptr ? std::string() : std::string(type);
}

//! The kind ("pdf", "jpeg", "png", "heic") of a MIME type, or "" for any other.
std::string KindOf(std::string_view mime) {
  if (mime == "application/pdf") {
    return "pdf";
  }
  if (mime == "image/jpeg") {
    return "jpeg";
  }
  if (mime == "image/png") {
    return "png";
  }
  if (mime == "image/heic" || mime == "image/heif" || mime == "image/heic-sequence" || mime == "image/heif-sequence") {
    return "heic";
  }
  return {};
}

//! How a kind is named to people.
std::string_view KindName(std::string_view kind) {
  if (kind == "pdf") {
    return "PDF";
  }
  if (kind == "jpeg") {
    return "JPEG";
  }
  if (kind == "png") {
    return "PNG";
  }
  return "HEIC";
}

//! Starts libvips once per process: one worker thread per image and no operation cache, so memory stays bounded
//! by the images being normalised.
void InitVips() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("motcua") != 0) {
      throw std::runtime_error(fmt::format("libvips could not start: {}", vips_error_buffer()));
    }
    vips_concurrency_set(1);
    vips_cache_set_max(0);
  });
}

//! Drops a GObject reference when it goes out of scope.
struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

//! The last libvips error of this thread, cleared.
std::string VipsError() {
  std::string text = vips_error_buffer();
  vips_error_clear();
  return text;
}

//! A new empty file in `dir` (mode 0600), for libvips to write to.
std::string TempFile(const std::string& dir, std::string_view prefix) {
  std::string pattern = fmt::format("{}/{}XXXXXX", dir, prefix);
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(), "mkstemp " + dir);
  }
  ::close(fd);
  return pattern;
}

//! The size of file `path`, or -1.
int64_t SizeOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return -1;
  }
  return static_cast<int64_t>(st.st_size);
}

//! True when file `path` starts with `prefix`.
bool StartsWith(const std::string& path, std::string_view prefix) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  std::string head(prefix.size(), '\0');
  const ssize_t n = ::read(fd, head.data(), head.size());
  ::close(fd);
  return n == static_cast<ssize_t>(prefix.size()) && head == prefix;
}

//! Hex SHA-256 of file `path`.
std::string Sha256OfFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(), "open " + path);
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> buf(kIoChunk);
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw std::system_error(err, std::generic_category(), "read " + path);
    }
    if (n == 0) {
      break;
    }
    crypto_hash_sha256_update(&state, buf.data(), static_cast<unsigned long long>(n));
  }
  ::close(fd);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return {hex.data(), crypto_hash_sha256_BYTES * 2};
}

//! fsync of the file or folder at `path`.
void SyncPath(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) {
    throw std::system_error(errno, std::generic_category(), "open " + path);
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) {
    throw std::system_error(err, std::generic_category(), "fsync " + path);
  }
}

//! Copies `from` into the new file `to` (when a rename crosses file systems).
void CopyFile(const std::string& from, const std::string& to) {
  std::error_code ec;
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing, ec);
  if (ec) {
    throw std::system_error(ec, "copy " + from);
  }
}

//! A normalised image: the file to store and its media type.
struct Normalised {
  std::string path;        //!< A temp file in the spool folder.
  std::string media_type;  //!< "image/jpeg" or "image/png".
};

//! The message naming the kinds a document accepts.
std::string NotAcceptedMessage(const std::vector<std::string>& accepted) {
  std::string names;
  for (const std::string& kind : accepted) {
    if (!names.empty()) {
      names += ", ";
    }
    names += KindName(kind);
  }
  if (names.empty()) {
    names = "PDF, JPEG, PNG, HEIC";
  }
  return domain::MessageWith(N_("Loại tệp này không được nhận. Chỉ nhận tệp {} (ảnh chụp bằng điện thoại là JPEG "
                                "hoặc HEIC)."),
                             {names});
}

}  // namespace

std::string CleanFileName(std::string_view name) {
  if (const size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  constexpr unsigned char kFirstPrintable = 0x20;
  constexpr unsigned char kDel = 0x7f;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < kFirstPrintable || c == kDel) {
      return {};
    }
  }
  if (name == "." || name == "..") {
    return {};
  }
  std::string out(name);
  // Cut at 200 bytes on a character boundary, then refuse anything that is still not UTF-8.
  if (out.size() > kMaxNameBytes) {
    size_t cut = kMaxNameBytes;
    constexpr unsigned char kContMask = 0xc0;
    constexpr unsigned char kCont = 0x80;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & kContMask) == kCont) {
      --cut;
    }
    out.resize(cut);
  }
  if (out.empty() || !domain::IsValidUtf8(out)) {
    return {};
  }
  return out;
}

FileStore::FileStore(std::string data_dir) : root_(std::move(data_dir)) {
  std::filesystem::create_directories(root_ + "/files");
  std::filesystem::create_directories(SpoolDir());
}

std::string FileStore::SpoolDir() const { return root_ + "/spool"; }

std::string FileStore::PathOf(std::string_view sha256) const {
  if (sha256.size() != kShaHexDigits || !std::all_of(sha256.begin(), sha256.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      })) {
    return {};
  }
  std::string path = fmt::format("{}/files/{}/{}/{}", root_, sha256.substr(0, kFanoutDigits),
                                 sha256.substr(kFanoutDigits, kFanoutDigits), sha256);
  return SizeOf(path) < 0 ? std::string() : path;
}

domain::Result<StoredFile> FileStore::Put(const std::string& path, std::string_view original_name,
                                          const std::vector<std::string>& accepted, int64_t max_bytes,
                                          const std::string& field) {
  // Whatever happens, the upload and any temp file are gone when this returns (stored files are renamed away).
  std::vector<std::string> to_delete{path};
  struct Cleanup {
    std::vector<std::string>& paths;
    ~Cleanup() {
      for (const std::string& p : paths) {
        ::unlink(p.c_str());
      }
    }
  } cleanup{to_delete};

  StoredFile stored;
  stored.original_name = CleanFileName(original_name);
  if (stored.original_name.empty()) {
    return Error::Field(
        field, N_("Tên tệp không hợp lệ. Hãy đổi tên tệp (không dùng dấu gạch chéo hay ký tự đặc biệt) rồi gửi lại."));
  }
  const int64_t size = SizeOf(path);
  if (size <= 0) {
    return Error::Field(field, N_("Tệp bạn chọn không có nội dung. Hãy chọn lại tệp."));
  }
  if (max_bytes > 0 && size > max_bytes) {
    const std::string limit_mb = std::to_string(std::max<int64_t>(1, max_bytes / domain::kBytesPerMb));
    return Error::Field(field, domain::MessageWith(N_("Tệp quá lớn: mỗi tệp tối đa {} MB."), {limit_mb}));
  }
  stored.kind = KindOf(MimeOf(path));
  if (stored.kind.empty() || std::find(accepted.begin(), accepted.end(), stored.kind) == accepted.end()) {
    return Error::Field(field, NotAcceptedMessage(accepted));
  }
  std::string candidate = path;
  if (stored.kind == "pdf") {
    if (!StartsWith(path, kPdfMagic)) {
      return Error::Field(field, NotAcceptedMessage(accepted));
    }
    stored.media_type = "application/pdf";
  } else {
    auto normalised = NormaliseImage(path, stored.kind, field);
    if (!normalised) {
      return normalised.error();
    }
    candidate = normalised->first;
    to_delete.push_back(candidate);
    stored.media_type = normalised->second;
  }
  stored.sha256 = Sha256OfFile(candidate);
  stored.bytes = SizeOf(candidate);
  const std::string dir = fmt::format("{}/files/{}/{}", root_, stored.sha256.substr(0, kFanoutDigits),
                                      stored.sha256.substr(kFanoutDigits, kFanoutDigits));
  const std::string target = dir + "/" + stored.sha256;
  if (SizeOf(target) == stored.bytes) {
    return stored;  // the same content is already kept
  }
  std::filesystem::create_directories(dir);
  SyncPath(candidate, false);
  if (::rename(candidate.c_str(), target.c_str()) != 0) {
    if (errno != EXDEV) {
      throw std::system_error(errno, std::generic_category(), "rename to " + target);
    }
    // The spool is on another file system: copy next to the target, make it durable, then rename.
    const std::string temp = TempFile(dir, ".tmp-");
    to_delete.push_back(temp);
    CopyFile(candidate, temp);
    SyncPath(temp, false);
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      throw std::system_error(errno, std::generic_category(), "rename to " + target);
    }
  }
  SyncPath(dir, true);
  return stored;
}

domain::Result<std::pair<std::string, std::string>> FileStore::NormaliseImage(const std::string& path,
                                                                              const std::string& kind,
                                                                              const std::string& field) const {
  InitVips();
  const char* loader = vips_foreign_find_load(path.c_str());
  if (loader == nullptr) {
    vips_error_clear();
    if (kind == "heic") {
      return Error::Field(field, N_("Ảnh HEIC chưa đọc được trên máy chủ này, hãy chụp lại ở định dạng JPEG."));
    }
    return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
  }
  {
    // The header only: a decompression bomb declares its size before any pixel is decoded.
    const Image header(vips_image_new_from_file(path.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, nullptr));
    if (header == nullptr) {
      spdlog::info("upload: unreadable image: {}", VipsError());
      return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
    }
    const int64_t pixels = int64_t{vips_image_get_width(header.get())} * int64_t{vips_image_get_height(header.get())};
    if (pixels <= 0 || pixels > kMaxImagePixels) {
      return Error::Field(field,
                          N_("Ảnh có quá nhiều điểm ảnh (tối đa 50 triệu). Hãy chụp lại với độ phân giải thấp hơn."));
    }
  }
  // Shrunk on load where the format allows (JPEG), rotated upright from its EXIF orientation.
  VipsImage* raw = nullptr;
  if (vips_thumbnail(path.c_str(), &raw, kMaxImageSide, "height", kMaxImageSide, "size", VIPS_SIZE_DOWN, nullptr) !=
      0) {
    spdlog::info("upload: image could not be decoded: {}", VipsError());
    return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
  }
  Image image(raw);
  if (kind == "png") {
    // Saved twice (JPEG and PNG, the smaller kept): a sequential pipeline cannot be read twice, so the shrunk image
    // (at most kMaxImageSide² pixels) is held in memory once.
    VipsImage* held = vips_image_copy_memory(image.get());
    if (held == nullptr) {
      spdlog::info("upload: image could not be decoded: {}", VipsError());
      return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
    }
    image.reset(held);
  }
  Image opaque;
  if (vips_image_hasalpha(image.get()) != 0) {
    VipsImage* flat = nullptr;
    VipsArrayDouble* white = vips_array_double_newv(1, kWhite);
    const int rc = vips_flatten(image.get(), &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) {
      spdlog::info("upload: image could not be flattened: {}", VipsError());
      return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
    }
    opaque.reset(flat);
  }
  const std::string jpeg = TempFile(SpoolDir(), "norm-");
  // Metadata is stripped: EXIF can hold where the photo was taken (GPS).
  if (vips_jpegsave(opaque ? opaque.get() : image.get(), jpeg.c_str(), "Q", kJpegQuality, "strip", TRUE,
                    "optimize_coding", TRUE, nullptr) != 0) {
    ::unlink(jpeg.c_str());
    spdlog::info("upload: image could not be saved: {}", VipsError());
    return Error::Field(field, N_("Không đọc được ảnh này. Hãy chụp hoặc quét lại rồi gửi lại."));
  }
  if (kind != "png") {
    return std::pair<std::string, std::string>{jpeg, "image/jpeg"};
  }
  // A screenshot (flat colours, text) is often smaller as PNG, and sharper: keep whichever is smaller.
  const std::string png = TempFile(SpoolDir(), "norm-");
  if (vips_pngsave(image.get(), png.c_str(), "compression", kPngCompression, "strip", TRUE, nullptr) != 0 ||
      SizeOf(png) >= SizeOf(jpeg)) {
    vips_error_clear();
    ::unlink(png.c_str());
    return std::pair<std::string, std::string>{jpeg, "image/jpeg"};
  }
  ::unlink(jpeg.c_str());
  return std::pair<std::string, std::string>{png, "image/png"};
}

}  // namespace motcua::service
