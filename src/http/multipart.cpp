#include "http/multipart.hpp"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <system_error>

#include "http/message.hpp"

namespace motcua::http {

namespace {

//! Longest boundary RFC 2046 §5.1.1 allows.
constexpr size_t kMaxBoundary = 70;
//! Random bytes in a spool file's name.
constexpr size_t kSpoolNameBytes = 16;
//! Chunk size ParseMultipartFile reads with.
constexpr size_t kFileChunk = size_t{64} * 1024;
//! Mode of spool files: the server's user only.
constexpr mode_t kSpoolFileMode = 0600;
//! Mode of the spool folder.
constexpr mode_t kSpoolDirMode = 0700;
//! DEL, the last ASCII control character.
constexpr unsigned char kDel = 0x7f;
//! Bytes below this are ASCII control characters.
constexpr unsigned char kFirstPrintable = 0x20;

//! True for the characters RFC 2046 allows in a boundary (bchars, a space only inside).
bool IsBoundaryChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

//! True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool ValidUtf8(std::string_view s) {
  constexpr unsigned char kCont = 0x80;
  constexpr unsigned char kContMask = 0xc0;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    unsigned char lo = kCont;
    unsigned char hi = 0xbf;  // the continuation range
    if (c < kCont) {
      ++i;
      continue;
    }
    // The lead-byte table of RFC 3629 §4: how many continuation bytes follow, and the second byte's range.
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1;
    } else if (c == 0xe0) {
      extra = 2;
      lo = 0xa0;
    } else if (c == 0xed) {
      extra = 2;
      hi = 0x9f;
    } else if (c >= 0xe1 && c <= 0xef) {
      extra = 2;
    } else if (c == 0xf0) {
      extra = 3;
      lo = 0x90;
    } else if (c >= 0xf1 && c <= 0xf3) {
      extra = 3;
    } else if (c == 0xf4) {
      extra = 3;
      hi = 0x8f;
    } else {
      return false;
    }
    if (i + extra >= s.size()) {
      return false;
    }
    const auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) {
      return false;
    }
    for (size_t k = 2; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & kContMask) != kCont) {
        return false;
      }
    }
    i += extra + 1;
  }
  return true;
}

//! True when a browser-sent filename may be kept: no path separator, no control character, valid UTF-8.
bool FilenameAcceptable(std::string_view name) {
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '/' || ch == '\\' || c < kFirstPrintable || c == kDel) {
      return false;
    }
  }
  return ValidUtf8(name);
}

//! `s` lower-cased (ASCII).
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

//! One `name=value` parameter of a header value such as Content-Disposition.
struct Param {
  std::string name;   //!< Lower-cased.
  std::string value;  //!< Unquoted.
};

//! Splits `value` into its first token ("form-data") and its parameters; false when it is not well-formed. In a
//! quoted string `\"` and `\\` are escapes; any other backslash is kept as sent (browsers do not escape it), so a
//! Windows path keeps its separators and is refused as a filename.
bool ParseParams(std::string_view value, std::string& first, std::vector<Param>& params) {
  size_t i = 0;
  const auto skip_ows = [&] {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) {
      ++i;
    }
  };
  skip_ows();
  const size_t first_end = std::min(value.find(';', i), value.size());
  first = Lower(TrimOws(value.substr(i, first_end - i)));
  i = first_end;
  while (i < value.size()) {
    ++i;  // the ';'
    skip_ows();
    if (i >= value.size()) {
      break;  // a trailing ';'
    }
    const size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) {
      return false;
    }
    Param p;
    p.name = Lower(TrimOws(value.substr(i, eq - i)));
    if (p.name.empty()) {
      return false;
    }
    i = eq + 1;
    skip_ows();
    if (i < value.size() && value[i] == '"') {
      ++i;
      bool closed = false;
      while (i < value.size()) {
        const char c = value[i];
        if (c == '"') {
          closed = true;
          ++i;
          break;
        }
        if (c == '\\' && i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\\')) {
          p.value.push_back(value[i + 1]);
          i += 2;
          continue;
        }
        p.value.push_back(c);
        ++i;
      }
      if (!closed) {
        return false;
      }
      skip_ows();
      if (i < value.size() && value[i] != ';') {
        return false;
      }
    } else {
      const size_t end = std::min(value.find(';', i), value.size());
      p.value = std::string(TrimOws(value.substr(i, end - i)));
      i = end;
    }
    params.push_back(std::move(p));
  }
  return true;
}

//! A new spool file name: 32 random hex digits.
std::string RandomName() {
  std::array<unsigned char, kSpoolNameBytes> bytes{};
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = getrandom(bytes.data() + got, bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw std::system_error(errno, std::generic_category(), "getrandom");
    }
    got += static_cast<size_t>(n);
  }
  constexpr std::string_view kHex = "0123456789abcdef";
  constexpr unsigned kNibble = 4;
  constexpr unsigned kLowNibble = 0xf;
  std::string out = "up-";
  for (const unsigned char b : bytes) {
    out.push_back(kHex[b >> kNibble]);
    out.push_back(kHex[b & kLowNibble]);
  }
  return out;
}

//! Writes all of `data` to `fd`; false on an error.
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

MultipartBody::~MultipartBody() { DeleteSpoolFiles(); }

MultipartBody::MultipartBody(MultipartBody&& other) noexcept
    : error(other.error),
      error_field(std::move(other.error_field)),
      fields(std::move(other.fields)),
      files(std::move(other.files)),
      released_(std::move(other.released_)) {
  other.files.clear();
  other.released_.clear();
}

MultipartBody& MultipartBody::operator=(MultipartBody&& other) noexcept {
  if (this == &other) {
    return *this;
  }
  DeleteSpoolFiles();
  error = other.error;
  error_field = std::move(other.error_field);
  fields = std::move(other.fields);
  files = std::move(other.files);
  released_ = std::move(other.released_);
  other.files.clear();
  other.released_.clear();
  return *this;
}

void MultipartBody::Release(size_t i) {
  if (i < files.size()) {
    released_.push_back(files[i].path);
  }
}

void MultipartBody::DeleteSpoolFiles() noexcept {
  for (const UploadedFile& f : files) {
    if (!f.path.empty() && std::find(released_.begin(), released_.end(), f.path) == released_.end()) {
      ::unlink(f.path.c_str());
    }
  }
  files.clear();
  released_.clear();
}

std::string MultipartBoundary(std::string_view content_type) {
  std::string type;
  std::vector<Param> params;
  if (!ParseParams(content_type, type, params) || type != "multipart/form-data") {
    return {};
  }
  for (const Param& p : params) {
    if (p.name != "boundary") {
      continue;
    }
    if (p.value.empty() || p.value.size() > kMaxBoundary || p.value.back() == ' ' ||
        !std::all_of(p.value.begin(), p.value.end(), IsBoundaryChar)) {
      return {};
    }
    return p.value;
  }
  return {};
}

struct MultipartParser::Impl {
  //! Where the parser is in the body.
  enum class State : uint8_t {
    kPreamble,        //!< Before the first delimiter.
    kAfterDelimiter,  //!< After a delimiter: "--" (the end), or padding and CRLF (a part follows).
    kHeaders,         //!< Reading a part's header block.
    kBody,            //!< Reading a part's content.
    kEpilogue,        //!< After the close delimiter: everything is ignored.
    kFailed,          //!< Refused.
  };

  Impl(std::string boundary, std::string dir, MultipartLimits l)
      : delimiter(std::move(boundary.insert(0, "\r\n--"))), spool_dir(std::move(dir)), limits(l) {}

  ~Impl() { CloseCurrent(true); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  Impl(Impl&&) = delete;
  Impl& operator=(Impl&&) = delete;

  std::string delimiter;  // CRLF "--" boundary: the body is read as if it began with CRLF
  std::string spool_dir;
  MultipartLimits limits;
  State state = State::kPreamble;
  std::string pending = "\r\n";  // bytes not yet consumed
  MultipartBody body;
  // The part being read.
  std::string part_name;
  bool part_is_file = false;
  std::string part_value;  // a text field's bytes
  UploadedFile part_file;
  int fd = -1;
  uint64_t file_bytes_total = 0;
  bool dir_ready = false;

  //! Refuses the body: every spool file goes, the fields read so far stay.
  void Fail(MultipartError e, std::string field = {}) {
    if (state == State::kFailed) {
      return;
    }
    state = State::kFailed;
    body.error = e;
    body.error_field = std::move(field);
    CloseCurrent(true);
    for (const UploadedFile& f : body.files) {
      ::unlink(f.path.c_str());
    }
    body.files.clear();
    pending.clear();
  }

  //! Closes the current spool file, deleting it when `remove`.
  void CloseCurrent(bool remove) {
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
      if (remove) {
        ::unlink(part_file.path.c_str());
      }
    }
  }

  //! Reads the header block of a part; false when it is refused.
  bool StartPart(std::string_view block) {
    part_name.clear();
    part_value.clear();
    part_is_file = false;
    part_file = UploadedFile{};
    bool disposition = false;
    while (!block.empty()) {
      const size_t eol = std::min(block.find("\r\n"), block.size());
      const std::string_view line = block.substr(0, eol);
      block.remove_prefix(std::min(eol + 2, block.size()));
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0 || line.front() == ' ' || line.front() == '\t') {
        Fail(MultipartError::kMalformed);
        return false;
      }
      const std::string name = Lower(TrimOws(line.substr(0, colon)));
      const std::string_view value = TrimOws(line.substr(colon + 1));
      if (name == "content-type") {
        part_file.content_type = std::string(value);
        continue;
      }
      if (name != "content-disposition") {
        continue;  // Content-Transfer-Encoding and others: RFC 7578 §4.7 says senders do not use them
      }
      std::string kind;
      std::vector<Param> params;
      if (disposition || !ParseParams(value, kind, params) || kind != "form-data") {
        Fail(MultipartError::kMalformed);
        return false;
      }
      disposition = true;
      bool has_name = false;
      for (Param& p : params) {
        if (p.name == "name") {
          part_name = std::move(p.value);
          has_name = true;
        } else if (p.name == "filename") {
          part_is_file = true;
          part_file.filename = std::move(p.value);
        } else if (p.name == "filename*") {
          part_is_file = true;  // RFC 7578 §4.2: not used by senders; the part is still a file
        }
      }
      if (!has_name) {
        Fail(MultipartError::kMalformed);
        return false;
      }
    }
    if (!disposition) {
      Fail(MultipartError::kMalformed);
      return false;
    }
    if (!part_is_file) {
      if (body.fields.size() >= limits.max_fields) {
        Fail(MultipartError::kTooLarge, part_name);
        return false;
      }
      return true;
    }
    if (!FilenameAcceptable(part_file.filename)) {
      Fail(MultipartError::kBadFilename, part_name);
      return false;
    }
    part_file.field = part_name;
    if (part_file.filename.empty()) {
      return true;  // an empty file input: spooled only if bytes come
    }
    return OpenSpool();
  }

  //! Opens the current file part's spool file; false when it is refused.
  bool OpenSpool() {
    if (body.files.size() >= limits.max_files) {
      Fail(MultipartError::kTooLarge, part_name);
      return false;
    }
    if (!dir_ready) {
      std::error_code ec;
      std::filesystem::create_directories(spool_dir, ec);
      ::chmod(spool_dir.c_str(), kSpoolDirMode);
      dir_ready = true;
    }
    part_file.path = spool_dir + "/" + RandomName();
    fd = ::open(part_file.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, kSpoolFileMode);
    if (fd < 0) {
      Fail(MultipartError::kIo, part_name);
      return false;
    }
    return true;
  }

  //! Takes `data` of the current part; false when it is refused.
  bool PartData(std::string_view data) {
    if (data.empty()) {
      return true;
    }
    if (!part_is_file) {
      if (part_value.size() + data.size() > limits.max_field_bytes) {
        Fail(MultipartError::kTooLarge, part_name);
        return false;
      }
      part_value.append(data);
      return true;
    }
    if (fd < 0 && !OpenSpool()) {  // bytes for an input with an empty filename
      return false;
    }
    // Whichever limit the bytes cross first decides the error, so it never depends on how the body was split.
    const uint64_t file_room = limits.max_file_bytes - std::min(limits.max_file_bytes, part_file.bytes);
    const uint64_t total_room = limits.max_total_bytes - std::min(limits.max_total_bytes, file_bytes_total);
    if (data.size() > file_room || data.size() > total_room) {
      Fail(file_room <= total_room ? MultipartError::kFileTooLarge : MultipartError::kTooLarge, part_name);
      return false;
    }
    if (!WriteAll(fd, data)) {
      Fail(MultipartError::kIo, part_name);
      return false;
    }
    part_file.bytes += data.size();
    file_bytes_total += data.size();
    return true;
  }

  //! The current part is complete.
  bool EndPart() {
    if (!part_is_file) {
      body.fields.emplace_back(std::move(part_name), std::move(part_value));
      return true;
    }
    if (fd < 0) {
      return true;  // an empty file input: skipped
    }
    if (::close(fd) != 0) {
      fd = -1;
      ::unlink(part_file.path.c_str());
      Fail(MultipartError::kIo, part_name);
      return false;
    }
    fd = -1;
    body.files.push_back(std::move(part_file));
    return true;
  }

  //! Consumes as much of `pending` as the state allows.
  void Run() {
    for (;;) {
      switch (state) {
        case State::kPreamble:
        case State::kBody: {
          const size_t at = pending.find(delimiter);
          if (at == std::string::npos) {
            // Keep what could be the start of a delimiter split across chunks.
            const size_t keep = std::min(pending.size(), delimiter.size() - 1);
            const size_t take = pending.size() - keep;
            if (state == State::kBody && !PartData(std::string_view(pending).substr(0, take))) {
              return;
            }
            pending.erase(0, take);
            return;
          }
          if (state == State::kBody && (!PartData(std::string_view(pending).substr(0, at)) || !EndPart())) {
            return;
          }
          pending.erase(0, at + delimiter.size());
          state = State::kAfterDelimiter;
          break;
        }
        case State::kAfterDelimiter: {
          if (pending.size() < 2) {
            return;
          }
          if (pending.starts_with("--")) {
            state = State::kEpilogue;
            pending.clear();
            return;
          }
          size_t i = 0;
          while (i < pending.size() && (pending[i] == ' ' || pending[i] == '\t')) {
            ++i;
          }
          if (i > limits.max_header_bytes) {
            Fail(MultipartError::kMalformed);
            return;
          }
          if (i + 2 > pending.size()) {
            return;
          }
          if (pending.compare(i, 2, "\r\n") != 0) {
            Fail(MultipartError::kMalformed);
            return;
          }
          pending.erase(0, i + 2);
          state = State::kHeaders;
          break;
        }
        case State::kHeaders: {
          size_t end = 0;
          size_t skip = 0;
          if (pending.starts_with("\r\n")) {
            skip = 2;  // a part with no header at all (refused below: it has no name)
          } else if (const size_t at = pending.find("\r\n\r\n"); at != std::string::npos) {
            end = at;
            skip = at + 4;
          }
          if (skip == 0) {
            // No CRLFCRLF in these bytes: any block ends at least 3 bytes before their end.
            constexpr size_t kTerminatorTail = 3;
            if (pending.size() > limits.max_header_bytes + kTerminatorTail) {
              Fail(MultipartError::kMalformed);
            }
            return;
          }
          if (end > limits.max_header_bytes) {
            Fail(MultipartError::kMalformed);
            return;
          }
          if (!StartPart(std::string_view(pending).substr(0, end))) {
            return;
          }
          pending.erase(0, skip);
          state = State::kBody;
          break;
        }
        case State::kEpilogue:
          pending.clear();
          return;
        case State::kFailed:
          return;
      }
    }
  }
};

MultipartParser::MultipartParser(std::string boundary, std::string spool_dir, MultipartLimits limits)
    : impl_(std::make_unique<Impl>(std::move(boundary), std::move(spool_dir), limits)) {}

MultipartParser::~MultipartParser() = default;

bool MultipartParser::Feed(std::string_view chunk) {
  if (impl_->state == Impl::State::kFailed) {
    return false;
  }
  if (impl_->state == Impl::State::kEpilogue) {
    return true;
  }
  impl_->pending.append(chunk);
  impl_->Run();
  return impl_->state != Impl::State::kFailed;
}

MultipartBody MultipartParser::Finish() {
  if (impl_->state != Impl::State::kEpilogue) {
    impl_->Fail(MultipartError::kMalformed, impl_->state == Impl::State::kBody ? impl_->part_name : std::string());
  }
  return std::move(impl_->body);
}

MultipartBody ParseMultipartFile(const std::string& body_path, const std::string& boundary,
                                 const std::string& spool_dir, const MultipartLimits& limits) {
  MultipartParser parser(boundary, spool_dir, limits);
  const int fd = ::open(body_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    MultipartBody failed;
    failed.error = MultipartError::kIo;
    return failed;
  }
  std::string chunk(kFileChunk, '\0');
  bool io_error = false;
  for (;;) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      io_error = true;
      break;
    }
    if (n == 0 || !parser.Feed(std::string_view(chunk.data(), static_cast<size_t>(n)))) {
      break;
    }
  }
  ::close(fd);
  MultipartBody body = parser.Finish();
  if (io_error && body.ok()) {
    body = MultipartBody{};
    body.error = MultipartError::kIo;
  }
  return body;
}

}  // namespace motcua::http
