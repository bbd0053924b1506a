//! The server streams the body of a multipart route to spool files: a large upload does not grow its memory, a body
//! over the route's limit is 413, a non-multipart body is 415, and a truncated one leaves no spool file.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "http/multipart.hpp"
#include "http/server.hpp"

namespace motcua::http {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kBoundary = "b0undary-XyZ";
constexpr uint64_t kUploadLimit = uint64_t{100} << 20;
constexpr std::chrono::milliseconds kPoll{10};

//! What the upload handler saw.
struct Seen {
  MultipartError error = MultipartError::kNone;
  size_t files = 0;
  uint64_t file_bytes = 0;
  bool spool_file_existed = false;
  size_t body_bytes = 0;
  std::string csrf;
};

//! An application with one multipart route (/tep) and one ordinary one (/text).
class UploadApp : public Application {
 public:
  Placement Place(Request& req) override {
    if (req.path == "/tep") {
      return Placement{Exec::kInteractive, kUploadLimit, BodyMode::kMultipart};
    }
    return Placement{Exec::kInline, 0, BodyMode::kMemory};
  }
  Response Handle(Request& req) override {
    if (req.path != "/tep") {
      return Response::Text("text " + std::to_string(req.body.size()) + (req.multipart ? " multipart" : ""));
    }
    std::lock_guard lock(mutex_);
    seen_ = Seen{};
    seen_.error = req.multipart->error;
    seen_.files = req.multipart->files.size();
    seen_.body_bytes = req.body.size();
    for (const UploadedFile& f : req.multipart->files) {
      seen_.file_bytes += f.bytes;
      seen_.spool_file_existed = fs::exists(f.path);
    }
    for (const auto& [k, v] : req.multipart->fields) {
      if (k == "csrf") {
        seen_.csrf = v;
      }
    }
    ++handled_;
    return Response::Text(req.multipart->ok() ? "ok" : "refused", req.multipart->ok() ? kOk : kUnprocessable);
  }
  Response Refused(const Request&, int32_t status, const std::string& reason) override {
    Response res = Response::Text(reason, status);
    res.Set("Connection", "close");
    return res;
  }
  void Completed(const Request&, const Response&, std::chrono::microseconds) override {}
  Seen seen() {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  int handled() {
    std::lock_guard lock(mutex_);
    return handled_;
  }

 private:
  std::mutex mutex_;
  Seen seen_;
  int handled_ = 0;
};

//! A kB figure of /proc/self/status ("VmRSS", "VmHWM").
int64_t StatusKb(std::string_view key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':') {
      return std::stoll(line.substr(key.size() + 1));
    }
  }
  return -1;
}

//! A running server on a free port with its own spool folder.
class UploadServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    spool_ = (fs::temp_directory_path() / ("motcua-upload-" + std::to_string(::getpid()))).string();
    fs::remove_all(spool_);
    ServerOptions options;
    options.port = 0;
    options.threads = 1;
    options.interactive = ExecutorOptions{2, 8};
    options.upload_spool_dir = spool_;
    server_ = std::make_unique<Server>(options, app_);
    runner_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    runner_.join();
    server_.reset();
    fs::remove_all(spool_);
  }

  //! Files in the spool folder.
  size_t SpoolCount() const {
    return fs::exists(spool_) ? static_cast<size_t>(std::distance(fs::directory_iterator(spool_), {})) : 0;
  }
  //! Waits until the server has no request in flight and no connection open (nothing is timed: it only waits).
  void WaitIdle() const {
    while (server_->Stats().in_flight > 0 || server_->Stats().open_connections > 0) {
      std::this_thread::sleep_for(kPoll);
    }
  }

  //! Connects, sends `head` then `body_bytes` bytes from `next_piece` (unless cut short by `send_only`), and reads
  //! the answer until the server closes. Returns the status line and body.
  std::string Exchange(const std::string& head, const std::function<std::string()>& next_piece, uint64_t send_only,
                       bool read_answer = true) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_GE(fd, 0);
    timeval timeout{60, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(server_->port());
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    const auto send_all = [fd](std::string_view data) {
      while (!data.empty()) {
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) {
          return false;
        }
        data.remove_prefix(static_cast<size_t>(n));
      }
      return true;
    };
    bool open = send_all(head);
    uint64_t sent = 0;
    while (open && next_piece && sent < send_only) {
      std::string piece = next_piece();
      if (piece.empty()) {
        break;
      }
      if (sent + piece.size() > send_only) {
        piece.resize(static_cast<size_t>(send_only - sent));
      }
      open = send_all(piece);
      sent += piece.size();
    }
    std::string answer;
    if (read_answer) {
      ::shutdown(fd, SHUT_WR);
      std::array<char, 4096> buf{};
      for (;;) {
        const ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
        if (n <= 0) {
          break;
        }
        answer.append(buf.data(), static_cast<size_t>(n));
      }
    }
    ::close(fd);
    return answer;
  }

  UploadApp app_;
  std::string spool_;
  std::unique_ptr<Server> server_;
  std::thread runner_;
};

//! The multipart body around one file of `file_bytes` bytes, produced piece by piece (never whole in memory).
class BodyStream {
 public:
  explicit BodyStream(uint64_t file_bytes, bool close = true) : file_bytes_(file_bytes), close_(close) {
    head_ = "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok-123\r\n--" +
            std::string(kBoundary) +
            "\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"scan.pdf\"\r\n"
            "Content-Type: application/pdf\r\n\r\n";
    tail_ = "\r\n--" + std::string(kBoundary) + (close_ ? "--\r\n" : "\r\n");
    piece_.assign(size_t{64} * 1024, 'p');
  }
  //! Bytes of the whole body.
  uint64_t size() const { return head_.size() + file_bytes_ + tail_.size(); }
  //! The next piece ("" at the end).
  std::string Next() {
    if (stage_ == 0) {
      stage_ = 1;
      return head_;
    }
    if (stage_ == 1 && sent_ < file_bytes_) {
      const uint64_t n = std::min<uint64_t>(piece_.size(), file_bytes_ - sent_);
      sent_ += n;
      return piece_.substr(0, static_cast<size_t>(n));
    }
    if (stage_ == 1) {
      stage_ = 2;
      return tail_;
    }
    return {};
  }

 private:
  uint64_t file_bytes_;
  bool close_;
  std::string head_;
  std::string tail_;
  std::string piece_;
  int stage_ = 0;
  uint64_t sent_ = 0;
};

std::string Head(uint64_t length, std::string_view type = {}) {
  const std::string content_type =
      type.empty() ? "multipart/form-data; boundary=" + std::string(kBoundary) : std::string(type);
  return "POST /tep HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(length) + "\r\n\r\n";
}

#ifdef __SANITIZE_ADDRESS__
constexpr bool kRssMeasurable = false;
#else
constexpr bool kRssMeasurable = true;
#endif

TEST_F(UploadServerTest, LargeUploadIsStreamedToDiskWithoutGrowingMemory) {
  constexpr uint64_t kFile = uint64_t{64} << 20;
  constexpr int64_t kMaxGrowthKb = 8 * 1024;
  // Warm up (threads, buffers, the executor) so the measurement sees only the upload.
  {
    BodyStream warm(1 << 20);
    ASSERT_NE(Exchange(
                  Head(warm.size()), [&] { return warm.Next(); }, warm.size())
                  .find(" 200 "),
              std::string::npos);
  }
  // Resets the peak (VmHWM) to the current RSS, so the peak after the upload is the upload's own.
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  const bool peak_reset = clear_refs.good();
  const int64_t before = StatusKb("VmRSS");
  BodyStream body(kFile);
  const std::string answer = Exchange(
      Head(body.size()), [&] { return body.Next(); }, body.size());
  const int64_t after = peak_reset ? StatusKb("VmHWM") : StatusKb("VmRSS");
  EXPECT_NE(answer.find(" 200 "), std::string::npos) << answer.substr(0, 200);
  const Seen seen = app_.seen();
  EXPECT_EQ(seen.error, MultipartError::kNone);
  EXPECT_EQ(seen.files, 1U);
  EXPECT_EQ(seen.file_bytes, kFile);
  EXPECT_TRUE(seen.spool_file_existed);
  EXPECT_EQ(seen.body_bytes, 0U);  // the raw body is never kept
  EXPECT_EQ(seen.csrf, "tok-123");
  // Only without AddressSanitizer: its quarantine keeps every freed 64 KiB read buffer, so RSS there grows with the
  // body whatever the server does (the plain build, which `make test` runs, holds the bound).
  if (kRssMeasurable) {
    EXPECT_LT(after - before, kMaxGrowthKb) << "RSS grew by " << (after - before) << " kB for a 64 MB upload";
  }
  WaitIdle();
  EXPECT_EQ(SpoolCount(), 0U);  // deleted with the request once answered
}

TEST_F(UploadServerTest, BodyOverTheRouteLimitIs413BeforeReading) {
  const std::string answer = Exchange(Head(kUploadLimit + 1), nullptr, 0);
  EXPECT_NE(answer.find(" 413 "), std::string::npos) << answer;
  EXPECT_EQ(app_.handled(), 0);
}

TEST_F(UploadServerTest, ChunkedBodyOverTheLimitIs413AndLeavesNoFile) {
  const std::string head =
      "POST /tep HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: multipart/form-data; "
      "boundary=" +
      std::string(kBoundary) + "\r\nTransfer-Encoding: chunked\r\n\r\n";
  BodyStream body(kUploadLimit + (1 << 20));
  bool ended = false;
  const auto next = [&]() -> std::string {
    const std::string piece = body.Next();
    if (piece.empty()) {
      return std::exchange(ended, true) ? std::string() : std::string("0\r\n\r\n");
    }
    char size[32];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    return size + piece + "\r\n";
  };
  const std::string answer = Exchange(head, next, body.size() * 2);
  EXPECT_NE(answer.find(" 413 "), std::string::npos) << answer.substr(0, 200);
  EXPECT_EQ(app_.handled(), 0);
  WaitIdle();
  EXPECT_EQ(SpoolCount(), 0U);
}

TEST_F(UploadServerTest, NonMultipartBodyIs415) {
  const std::string answer = Exchange(
      Head(3, "application/x-www-form-urlencoded"), [] { return std::string("a=b"); }, 3);
  EXPECT_NE(answer.find(" 415 "), std::string::npos) << answer;
  EXPECT_EQ(app_.handled(), 0);
}

TEST_F(UploadServerTest, TruncatedMultipartIsSeenAsMalformedAndLeavesNoFile) {
  BodyStream body(300 * 1024, false);  // no close delimiter: the multipart ends early
  const std::string answer = Exchange(
      Head(body.size()), [&] { return body.Next(); }, body.size());
  EXPECT_NE(answer.find(" 422 "), std::string::npos) << answer;
  const Seen seen = app_.seen();
  EXPECT_EQ(seen.error, MultipartError::kMalformed);
  EXPECT_EQ(seen.files, 0U);
  EXPECT_EQ(seen.csrf, "tok-123");  // fields before the fault are still there
  WaitIdle();
  EXPECT_EQ(SpoolCount(), 0U);
}

TEST_F(UploadServerTest, ConnectionCutMidBodyLeavesNoFile) {
  // Larger than the loopback socket buffers: the server is reading (and spooling) when the client goes.
  BodyStream body(uint64_t{64} << 20);
  Exchange(
      Head(body.size()), [&] { return body.Next(); }, body.size() / 2, false);
  WaitIdle();
  EXPECT_EQ(app_.handled(), 0);
  EXPECT_EQ(SpoolCount(), 0U);
}

TEST_F(UploadServerTest, ExpectContinueIsAnsweredBeforeTheBody) {
  BodyStream body(1000);
  std::string head = Head(body.size());
  head.insert(head.size() - 2, "Expect: 100-continue\r\n");
  const std::string answer = Exchange(
      head, [&] { return body.Next(); }, body.size());
  EXPECT_TRUE(answer.starts_with("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 ")) << answer;
}

TEST(UploadServer, StartSweepsOnlyStaleSpoolFilesOfThisParser) {
  const std::string dir = (fs::temp_directory_path() / ("motcua-sweep-" + std::to_string(::getpid()))).string();
  fs::create_directories(dir);
  for (const char* name : {"up-old", "up-new", "other-old"}) {
    std::ofstream(dir + "/" + name) << "x";
  }
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  fs::last_write_time(dir + "/up-old", old);
  fs::last_write_time(dir + "/other-old", old);
  UploadApp app;
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  options.upload_spool_dir = dir;
  { const Server server(options, app); }
  EXPECT_FALSE(fs::exists(dir + "/up-old"));
  EXPECT_TRUE(fs::exists(dir + "/up-new"));     // may belong to a request in flight elsewhere
  EXPECT_TRUE(fs::exists(dir + "/other-old"));  // not the parser's
  fs::remove_all(dir);
}

TEST_F(UploadServerTest, OrdinaryRoutesStillReadTheBodyInMemory) {
  const std::string head =
      "POST /text HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n";
  const std::string answer = Exchange(
      head, [] { return std::string("hello"); }, 5);
  EXPECT_NE(answer.find("text 5"), std::string::npos) << answer;
  EXPECT_EQ(answer.find("multipart"), std::string::npos);
}

}  // namespace
}  // namespace motcua::http
