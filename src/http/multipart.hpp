#pragma once
//! multipart/form-data (RFC 7578) parsed as a stream: fed chunk by chunk, each file part written to its own file in
//! a spool folder as it arrives, so no body is ever whole in memory. Plain text fields are kept in memory (bounded).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace motcua::http {

//! Limits of one multipart body.
struct MultipartLimits {
  uint64_t max_file_bytes = uint64_t{10} * 1024 * 1024;   //!< Largest one file part.
  uint64_t max_total_bytes = uint64_t{50} * 1024 * 1024;  //!< Largest sum of file parts.
  uint32_t max_files = 20;                                //!< Most file parts.
  uint32_t max_fields = 200;                              //!< Most text fields.
  uint64_t max_field_bytes = uint64_t{64} * 1024;         //!< Largest one text field.
  uint32_t max_header_bytes = 8 * 1024;                   //!< Largest header block of one part.
};

//! One uploaded file, spooled to disk.
struct UploadedFile {
  std::string field;         //!< The form field name it came in ("tep").
  std::string filename;      //!< Name the browser sent, as sent (checked later; never used as a path).
  std::string content_type;  //!< Content-Type the browser sent (never trusted: types come from magic bytes).
  std::string path;          //!< Spool file holding the bytes (deleted by ~MultipartBody unless Release()d).
  uint64_t bytes = 0;        //!< Size.
};

//! Why a body was refused.
enum class MultipartError {
  kNone,          //!< Parsed.
  kMalformed,     //!< Not well-formed multipart (bad boundary, headers, truncated body).
  kFileTooLarge,  //!< A file part is over max_file_bytes (`field` names it).
  kTooLarge,      //!< The files together are over max_total_bytes, or too many parts or fields.
  kBadFilename,   //!< A filename with a path separator, a control character or invalid UTF-8.
  kIo,            //!< The spool folder could not be written.
};

//! A parsed body: its text fields and files. Spool files not released are deleted with it.
class MultipartBody {
 public:
  MultipartBody() = default;
  ~MultipartBody();
  MultipartBody(const MultipartBody&) = delete;
  MultipartBody& operator=(const MultipartBody&) = delete;
  //! Moves the fields and files (the source keeps nothing to delete).
  MultipartBody(MultipartBody&& other) noexcept;
  //! Moves the fields and files (the source keeps nothing to delete).
  MultipartBody& operator=(MultipartBody&& other) noexcept;

  MultipartError error = MultipartError::kNone;             //!< kNone when parsed.
  std::string error_field;                                  //!< The part at fault, when known.
  std::vector<std::pair<std::string, std::string>> fields;  //!< Text fields in order.
  std::vector<UploadedFile> files;                          //!< File parts in order (empty file inputs are skipped).

  //! True when parsed.
  bool ok() const { return error == MultipartError::kNone; }
  //! Stops deleting file `i`'s spool file (its new owner moved or deleted it).
  void Release(size_t i);

 private:
  //! Deletes every spool file not released.
  void DeleteSpoolFiles() noexcept;
  std::vector<std::string> released_;  // paths of released files
};

//! The boundary of a `multipart/form-data; boundary=…` Content-Type, or "" when it is not one.
std::string MultipartBoundary(std::string_view content_type);

//! Incremental parser: Feed() the body in chunks of any size, then Finish().
class MultipartParser {
 public:
  //! Parses a body with `boundary`, spooling files into `spool_dir` (created when missing) under `limits`.
  MultipartParser(std::string boundary, std::string spool_dir, MultipartLimits limits);
  ~MultipartParser();
  MultipartParser(const MultipartParser&) = delete;
  MultipartParser& operator=(const MultipartParser&) = delete;
  //! Consumes the next bytes; false once the body is refused (later calls do nothing).
  bool Feed(std::string_view chunk);
  //! Ends the body (truncated: kMalformed) and hands over the result.
  MultipartBody Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

//! Parses the body spooled in file `body_path` (read in fixed-size chunks) with `boundary`.
MultipartBody ParseMultipartFile(const std::string& body_path, const std::string& boundary,
                                 const std::string& spool_dir, const MultipartLimits& limits);

}  // namespace motcua::http
