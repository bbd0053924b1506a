#pragma once
//! Uploaded files: type checked by magic bytes (libmagic), phone photos normalised (libvips: orientation, at most
//! kMaxImageSide px, JPEG), stored content-addressed by SHA-256 under `<data_dir>/files/`, outside the web root.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/result.hpp"

namespace motcua::service {

//! Longest side of a normalised photo (pixels).
inline constexpr int32_t kMaxImageSide = 2000;
//! Most pixels an uploaded image may declare (a decompression bomb declares more and is refused unread).
inline constexpr int64_t kMaxImagePixels = int64_t{50} * 1000 * 1000;

//! A file kept in the store.
struct StoredFile {
  std::string sha256;         //!< Hex SHA-256 of the stored bytes: its name in the store.
  std::string media_type;     //!< "application/pdf", "image/jpeg" or "image/png" (HEIC is stored as JPEG).
  std::string kind;           //!< "pdf", "jpeg", "png" or "heic" (what was uploaded, for DocumentDef::types).
  int64_t bytes = 0;          //!< Stored size.
  std::string original_name;  //!< The name it was uploaded with, cleaned (metadata only, never a path).
};

//! The content-addressed file store.
class FileStore {
 public:
  //! Keeps files under `<data_dir>/files/` (created when missing).
  explicit FileStore(std::string data_dir);

  //! Checks the file at `path` (just uploaded; moved or deleted by this call) by its magic bytes against `accepted`
  //! kinds ("pdf", "jpeg", "png", "heic") and `max_bytes`, normalises photos, and stores it; the same content
  //! stored twice is kept once. kInvalid (field `field`) with a clear message for: an empty file, a type not
  //! accepted (an .exe renamed .pdf), a file too large, an image too large in pixels, an unreadable image, HEIC
  //! where this machine's libvips cannot read it, a bad name.
  domain::Result<StoredFile> Put(const std::string& path, std::string_view original_name,
                                 const std::vector<std::string>& accepted, int64_t max_bytes, const std::string& field);
  //! The path of stored file `sha256` (for sending it back), or "" when it is not there or `sha256` is malformed.
  std::string PathOf(std::string_view sha256) const;
  //! The folder new uploads are spooled to before Put (same file system, so Put can rename).
  std::string SpoolDir() const;

 private:
  //! The image at `path` checked (pixels declared) and normalised into a new spool file: its path and media type.
  domain::Result<std::pair<std::string, std::string>> NormaliseImage(const std::string& path, const std::string& kind,
                                                                     const std::string& field) const;
  std::string root_;
};

//! `name` made safe to keep and show: the last path segment, control characters and separators refused (empty
//! result), at most 200 bytes of valid UTF-8.
std::string CleanFileName(std::string_view name);

}  // namespace motcua::service
