// The only translation unit that includes Boost.Beast and Asio (they are slow to compile).
#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <filesystem>
#include <limits>
#include <random>
#include <thread>

#include "http/multipart.hpp"
#include "http/response_cache.hpp"
#include "http/url.hpp"

namespace motcua::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
constexpr std::chrono::milliseconds kDrainPoll{20};
//! Beast's version number of HTTP/1.0.
constexpr unsigned kHttp10 = 10;

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  constexpr std::string_view kHex = "0123456789abcdef";
  constexpr int32_t kDigits = 16;
  constexpr int32_t kBitsPerDigit = 4;
  constexpr uint64_t kDigitMask = 0xf;
  uint64_t n = rng();
  std::string id(kDigits, '0');
  for (int32_t i = kDigits - 1; i >= 0; --i) {
    id[static_cast<size_t>(i)] = kHex[n & kDigitMask];
    n >>= kBitsPerDigit;
  }
  return id;
}

//! The Date header value, formatted once per second per thread (RFC 9110 §6.6.1 wants it from origin servers).
const std::string& HttpDate() {
  thread_local std::time_t last = 0;
  thread_local std::string text;
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    const size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    text.assign(buf, n);
    last = now;
  }
  return text;
}

}  // namespace

//! One open connection, shared between its session coroutine and the shutdown path (both on its I/O thread).
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;         //!< The socket with its timer.
  beast::flat_buffer buffer;        //!< Bytes read and not yet parsed.
  bool waiting_for_request = true;  //!< Between requests (or before the first), not handling one.
};

//! A place taken in an executor's admission, given back when it goes out of scope.
struct PlaceHeld {
  Admission& admission;  //!< Whose place.
  ~PlaceHeld() { admission.Leave(); }
};

//! A bounded executor: its threads and its admission rule.
struct Executor {
  explicit Executor(const ExecutorOptions& o) : admission(o), pool(static_cast<size_t>(std::max(1, o.threads))) {}
  Admission admission;     //!< Places (running and queued) and the queue time limit.
  asio::thread_pool pool;  //!< The threads.
};

struct Server::Impl {
  ServerOptions options;
  Application& app;
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
  //! SIGINT and SIGTERM, caught from construction on: a supervisor may signal as soon as the readiness line is
  //! printed, before Run() (a signal that arrives early waits for Run's handler instead of killing the process).
  std::unique_ptr<asio::signal_set> signals;
  Executor interactive;
  Executor reports;
  Executor outbound;
  std::atomic<int64_t> refused_busy{0};
  std::atomic<int64_t> open_connections{0};
  std::atomic<int64_t> in_flight{0};
  std::atomic<bool> stopping{false};
  uint16_t bound_port = 0;
  std::thread drainer;
  std::mutex connections_mutex;
  std::vector<std::pair<asio::any_io_executor, std::weak_ptr<Connection>>> connections;
  static constexpr size_t kMinPrune = 64;
  size_t prune_at = kMinPrune;

  void Register(const std::shared_ptr<Connection>& c, const asio::any_io_executor& ex) {
    std::lock_guard lock(connections_mutex);
    // Closed connections are pruned when the list has doubled since the last pruning, so an accept costs O(1)
    // amortised however many connections are open.
    if (connections.size() >= 2 * prune_at) {
      std::erase_if(connections, [](const auto& e) { return e.second.expired(); });
      prune_at = std::max<size_t>(kMinPrune, connections.size());
    }
    connections.emplace_back(ex, c);
  }

  //! At shutdown: closes connections that wait for a request and have received no byte of one. A request whose
  //! first bytes have arrived is read, handled and answered before its connection closes.
  void CloseIdle() {
    std::lock_guard lock(connections_mutex);
    for (const auto& [ex, weak] : connections) {
      asio::post(ex, [weak = weak] {
        if (const auto c = weak.lock(); c && c->waiting_for_request && c->buffer.size() == 0) {
          beast::error_code ec;
          c->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
          c->stream.cancel();
        }
      });
    }
  }

  Impl(const ServerOptions& o, Application& a)
      : options(o), app(a), interactive(o.interactive), reports(o.reports), outbound(o.outbound) {}

  Executor& ExecutorOf(Exec exec) {
    switch (exec) {
      case Exec::kReport:
        return reports;
      case Exec::kOutbound:
        return outbound;
      default:
        return interactive;
    }
  }

  //! The application's response to `req` in the content coding the client accepts (compressed on the thread that
  //! handled it, not on the I/O thread; a failure to compress leaves the body as it was).
  Response Handled(Request& req) {
    Response res = app.Handle(req);
    try {
      EncodeForClient(req.Header("accept-encoding"), res);
    } catch (const std::exception& e) {
      spdlog::error("request {}: compressing the response failed: {}", req.request_id, e.what());
    }
    return res;
  }

  //! The answer to a request an executor cannot take: 503 with Retry-After.
  Response Busy(const Request& req) {
    ++refused_busy;
    Response res = app.Refused(req, kServiceUnavailable, "Hệ thống đang bận, xin thử lại sau ít phút.");
    res.Set("Retry-After", std::to_string(options.retry_after_seconds));
    return res;
  }

  asio::awaitable<void> Accept(tcp::acceptor& acceptor) {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(kTuple);
      if (ec) {
        if (ec == asio::error::operation_aborted || stopping) {
          co_return;
        }
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      asio::co_spawn(acceptor.get_executor(), Session(std::move(socket)), asio::detached);
    }
  }

  //! Every Transfer-Encoding field value of `msg`, in order (views into the parser's message).
  static std::vector<std::string_view> TransferEncodings(const bhttp::request<bhttp::string_body>& msg) {
    std::vector<std::string_view> out;
    const auto [first, last] = msg.equal_range(bhttp::field::transfer_encoding);
    for (auto it = first; it != last; ++it) {
      out.emplace_back(it->value());
    }
    return out;
  }

  //! The request's header fields as views into the parser's message (valid while the parser lives).
  static Request ToRequest(const bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    for (const auto& field : msg) {
      req.headers.AddView(field.name_string(), field.value());
    }
    req.remote_addr = remote;
    req.request_id = NewRequestId();
    return req;
  }

  asio::awaitable<bool> Write(beast::tcp_stream& stream, const Request& req, Response res, bool keep_alive,
                              std::chrono::steady_clock::time_point started, bool http10 = false) {
    // Serialised by hand into one header string plus the body: two buffers, one gathered write. Beast's generic
    // serializer cost more than the rest of a cached page request. A cached response's head was serialised once;
    // only Date, the per-request headers and the length are added.
    const bool send_body = req.method != "HEAD" && res.status != kNotModified;
    std::string head;
    std::array<asio::const_buffer, 6> buffers{};
    if (res.cached) {
      const std::array<std::string_view, 4> pieces = CachedBodyPieces(res);
      size_t length = 0;
      for (const std::string_view piece : pieces) {
        length += piece.size();
      }
      head = CachedHeadTail(res, length, keep_alive, http10, HttpDate());
      buffers[0] = asio::buffer(res.personal ? res.cached->personal_head : res.cached->head);
      buffers[1] = asio::buffer(head);
      if (send_body) {
        for (size_t i = 0; i < pieces.size(); ++i) {
          buffers[2 + i] = asio::buffer(pieces[i].data(), pieces[i].size());
        }
      }
    } else {
      head = SerializeHead(res, keep_alive, http10, HttpDate());
      buffers[0] = asio::buffer(head);
      if (send_body) {
        buffers[1] = asio::buffer(res.Body().data(), res.Body().size());
      }
    }
    stream.expires_after(options.idle_timeout);
    auto [ec, n] = co_await asio::async_write(stream, buffers, kTuple);
    res.ClearBody();
    app.Completed(req, res,
                  std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started));
    co_return !ec;
  }

  //! How reading a streamed body ended.
  enum class BodyRead : uint8_t {
    kDone,      //!< Read to its end (the multipart parser may still have refused it: the handler sees why).
    kTooLarge,  //!< Over the route's limit: 413, close.
    kFailed,    //!< The connection failed or timed out: close without an answer.
  };

  //! Reads the body of a multipart route in chunks of `upload_chunk_bytes`, feeding each to a MultipartParser that
  //! spools the files; the parsed body goes to `req.multipart`. Never more than one chunk is held in memory. After
  //! the parser refuses, the rest of the body is still read (and dropped) so the refusal can be answered on a
  //! connection the client is not writing into. Spool files of a body not read to its end are deleted here.
  asio::awaitable<BodyRead> ReadMultipart(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                          bhttp::request_parser<bhttp::string_body>& header_parser,
                                          const std::string& boundary, uint64_t body_limit, Request& req) {
    MultipartLimits limits = options.multipart;
    limits.max_file_bytes = body_limit;  // the route's limit is the whole body's; per-document limits come later
    limits.max_total_bytes = body_limit;
    MultipartParser multipart(boundary, options.upload_spool_dir, limits);
    if (header_parser.is_done()) {  // no body at all
      req.multipart = std::make_shared<MultipartBody>(multipart.Finish());
      co_return BodyRead::kDone;
    }
    // The header fields are views into the header parser's message, which the body parser takes over: the request
    // keeps its own copy so nothing depends on how the message moves.
    req.headers = Headers(req.headers);
    // A script's client (curl) asks before sending a large body and would otherwise wait a second for the answer.
    if (IEquals(TrimOws(req.Header("expect")), "100-continue")) {
      constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream.expires_after(options.body_timeout);
      auto [ec, n] = co_await asio::async_write(stream, asio::buffer(kContinue.data(), kContinue.size()), kTuple);
      if (ec) {
        co_return BodyRead::kFailed;
      }
    }
    bhttp::request_parser<bhttp::buffer_body> parser{std::move(header_parser)};
    parser.body_limit(body_limit);
    std::vector<char> chunk(std::max<size_t>(1, options.upload_chunk_bytes));
    while (!parser.is_done()) {
      parser.get().body().data = chunk.data();
      parser.get().body().size = chunk.size();
      // Each chunk must arrive within the body timeout (a long upload on a slow line is not cut off as a whole).
      stream.expires_after(options.body_timeout);
      auto [ec, n] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      if (ec == bhttp::error::need_buffer) {
        ec = {};
      }
      if (ec) {
        co_return ec == bhttp::error::body_limit ? BodyRead::kTooLarge : BodyRead::kFailed;
      }
      multipart.Feed(std::string_view(chunk.data(), chunk.size() - parser.get().body().size));
    }
    req.multipart = std::make_shared<MultipartBody>(multipart.Finish());
    co_return BodyRead::kDone;
  }

  //! A request refused before it was routed: a GET with no header, for the error page.
  static Request Bare(const std::string& remote) {
    Request req;
    req.method = "GET";
    req.remote_addr = remote;
    req.request_id = NewRequestId();
    return req;
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    const auto conn = std::make_shared<Connection>(std::move(socket));
    beast::tcp_stream& stream = conn->stream;
    beast::flat_buffer& buffer = conn->buffer;
    std::string remote;
    {
      beast::error_code ec;
      const auto ep = stream.socket().remote_endpoint(ec);
      remote = ec ? "" : ep.address().to_string();
    }
    const int64_t open = ++open_connections;
    struct Guard {
      std::atomic<int64_t>& n;
      ~Guard() { --n; }
    } guard{open_connections};
    if (open > options.max_connections) {
      const Request req = Bare(remote);
      co_await Write(stream, req, app.Refused(req, kServiceUnavailable, "Máy chủ đang quá tải, xin thử lại sau."),
                     false, std::chrono::steady_clock::now());
      beast::error_code ec;
      stream.socket().shutdown(tcp::socket::shutdown_both, ec);
      co_return;
    }
    Register(conn, co_await asio::this_coro::executor);
    bool first = true;
    while (!stopping || buffer.size() > 0) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(options.max_header_bytes);
      // The body limit depends on the route, known once the header is read.
      parser.body_limit(std::numeric_limits<uint64_t>::max());
      // The whole header must arrive within the timeout: a slow-loris client cannot hold a worker.
      stream.expires_after(first ? options.header_timeout : options.idle_timeout);
      conn->waiting_for_request = true;
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
      conn->waiting_for_request = false;
      first = false;
      const auto started = std::chrono::steady_clock::now();
      if (hec) {
        if (hec == bhttp::error::end_of_stream || hec == beast::error::timeout ||
            hec == asio::error::connection_reset || hec == asio::error::eof || hec == asio::error::operation_aborted) {
          break;
        }
        const bool too_large = hec == bhttp::error::header_limit;
        const Request req = Bare(remote);
        co_await Write(stream, req,
                       app.Refused(req, too_large ? kHeadersTooLarge : kBadRequest,
                                   too_large ? "Phần đầu yêu cầu (header) quá lớn." : "Yêu cầu HTTP không hợp lệ."),
                       false, started);
        break;
      }
      ++in_flight;
      struct FlightGuard {
        std::atomic<int64_t>& n;
        ~FlightGuard() { --n; }
      } flight{in_flight};
      bhttp::request<bhttp::string_body>& msg = parser.get();
      Request req = ToRequest(msg, remote);
      // Only "chunked" frames a body here: with any other coding Beast would fall back to Content-Length or to no
      // body, and the bytes left over would be read as another request (RFC 9112 6.1; request smuggling).
      if (const TransferCoding coding = ClassifyTransferEncoding(TransferEncodings(msg), msg.version() == kHttp10);
          coding == TransferCoding::kUnsupported || coding == TransferCoding::kInvalid) {
        const bool unsupported = coding == TransferCoding::kUnsupported;
        co_await Write(stream, req,
                       app.Refused(req, unsupported ? kNotImplemented : kBadRequest,
                                   unsupported ? "Máy chủ không hỗ trợ cách mã hoá truyền (Transfer-Encoding) này."
                                               : "Yêu cầu HTTP không hợp lệ."),
                       false, started);
        break;
      }
      TargetError target_error;
      auto target = ParseTarget(msg.target(), target_error);
      if (!target) {
        co_await Write(stream, req, app.Refused(req, target_error.status, target_error.reason), false, started);
        break;
      }
      req.path = std::move(target->path);
      req.query = std::move(target->query);
      const Placement place = app.Place(req);
      const uint64_t body_limit = place.max_body_bytes > 0 ? place.max_body_bytes : options.max_body_bytes;
      // Content-Length alone already says the body is too large: refused before a byte of it is read.
      if (const auto length = parser.content_length(); length && *length > body_limit) {
        co_await Write(stream, req, app.Refused(req, kPayloadTooLarge, "Nội dung gửi lên quá lớn."), false, started);
        break;
      }
      const bool request_keep_alive = msg.keep_alive();
      const bool http10 = msg.version() == kHttp10;
      if (place.body == BodyMode::kMultipart) {
        const std::string boundary = MultipartBoundary(req.Header("content-type"));
        if (boundary.empty()) {
          co_await Write(stream, req,
                         app.Refused(req, kUnsupportedMediaType,
                                     "Trang này chỉ nhận biểu mẫu có tệp đính kèm (multipart/form-data)."),
                         false, started);
          break;
        }
        const BodyRead read = co_await ReadMultipart(stream, buffer, parser, boundary, body_limit, req);
        if (read != BodyRead::kDone) {
          if (read == BodyRead::kTooLarge) {
            co_await Write(stream, req, app.Refused(req, kPayloadTooLarge, "Nội dung gửi lên quá lớn."), false,
                           started);
          }
          break;
        }
      } else {
        parser.body_limit(body_limit);
        if (!parser.is_done()) {
          stream.expires_after(options.body_timeout);  // (a GET has no body: no timer to move)
          auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
          if (bec) {
            if (bec == bhttp::error::body_limit) {
              co_await Write(stream, req, app.Refused(req, kPayloadTooLarge, "Nội dung gửi lên quá lớn."), false,
                             started);
            }
            break;
          }
        }
        req.body = std::move(msg.body());
      }
      Response res;
      if (place.exec == Exec::kInline) {
        res = Handled(req);
      } else if (Executor& ex = ExecutorOf(place.exec); !ex.admission.TryEnter()) {
        res = Busy(req);
      } else {
        // Blocking work (hashing, writes, slow reports, outbound calls) runs on its bounded executor, never on
        // this I/O thread. The completion is bound to the pool: a plain post(pool, use_awaitable) resumes the
        // coroutine on its own (I/O) executor, so the handler would run on the I/O thread and a slow one stall
        // every connection of it.
        const PlaceHeld held{ex.admission};  // given back however the handler ends
        const auto queued = std::chrono::steady_clock::now();
        const auto io = co_await asio::this_coro::executor;
        co_await asio::post(asio::bind_executor(ex.pool.get_executor(), asio::use_awaitable));
        res = ex.admission.WaitedTooLong(queued, std::chrono::steady_clock::now()) ? Busy(req) : Handled(req);
        co_await asio::post(io, asio::use_awaitable);
      }
      // A response that says Connection: close (a refusal) ends the connection.
      const bool keep_alive =
          request_keep_alive && !stopping && (res.cached != nullptr || !IEquals(res.Get("Connection"), "close"));
      const bool ok = co_await Write(stream, req, std::move(res), keep_alive, started, http10);
      if (!ok || !keep_alive) {
        break;
      }
    }
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  }
};

namespace {

//! Spool files untouched for this long belong to no request (a request's body times out long before).
constexpr std::chrono::hours kStaleSpool{1};

//! Deletes the upload spool files a previous run left behind (killed while receiving a body): files named like the
//! multipart parser's ("up-…") not modified for kStaleSpool, so a second server on the same folder loses nothing.
void SweepSpool(const std::string& dir) {
  std::error_code ec;
  const auto now = std::filesystem::file_time_type::clock::now();
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    std::error_code tec;
    if (name.starts_with("up-") && entry.is_regular_file(tec) && now - entry.last_write_time(tec) > kStaleSpool) {
      std::filesystem::remove(entry.path(), tec);
    }
  }
}

}  // namespace

Server::Server(const ServerOptions& options, Application& app) : impl_(std::make_unique<Impl>(options, app)) {
  SweepSpool(options.upload_spool_dir);
  const int32_t threads =
      options.threads > 0 ? options.threads : std::max(1, static_cast<int32_t>(std::thread::hardware_concurrency()));
  const auto address = asio::ip::make_address(options.host);
  uint16_t port = options.port;
  for (int32_t i = 0; i < threads; ++i) {
    auto ctx = std::make_unique<asio::io_context>(1);
    auto acceptor = std::make_unique<tcp::acceptor>(*ctx);
    const tcp::endpoint endpoint(address, port);
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    // Each thread has its own acceptor on the same port; the kernel spreads connections across them.
    acceptor->set_option(ReusePort(true));
    acceptor->bind(endpoint);
    acceptor->listen(asio::socket_base::max_listen_connections);
    port = acceptor->local_endpoint().port();
    impl_->contexts.push_back(std::move(ctx));
    impl_->acceptors.push_back(std::move(acceptor));
  }
  impl_->bound_port = port;
  impl_->signals = std::make_unique<asio::signal_set>(*impl_->contexts.front(), SIGINT, SIGTERM);
}

Server::~Server() {
  if (impl_->drainer.joinable()) {
    impl_->drainer.join();
  }
  impl_->interactive.pool.join();
  impl_->reports.pool.join();
  impl_->outbound.pool.join();
}

uint16_t Server::port() const { return impl_->bound_port; }

ServerStats Server::Stats() const {
  return ServerStats{impl_->open_connections.load(),      impl_->in_flight.load(),
                     impl_->interactive.admission.held(), impl_->reports.admission.held(),
                     impl_->outbound.admission.held(),    impl_->refused_busy.load()};
}

void Server::Stop() {
  if (impl_->stopping.exchange(true)) {
    return;
  }
  for (size_t i = 0; i < impl_->contexts.size(); ++i) {
    tcp::acceptor* acceptor = impl_->acceptors[i].get();
    asio::post(*impl_->contexts[i], [acceptor] {
      beast::error_code ec;
      acceptor->close(ec);
    });
  }
  // Drain: idle connections close now; the others finish their request (bounded by the grace period); then every
  // loop stops.
  impl_->CloseIdle();
  impl_->drainer = std::thread([impl = impl_.get()] {
    const auto deadline = std::chrono::steady_clock::now() + impl->options.shutdown_grace;
    while (impl->open_connections.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(kDrainPoll);
    }
    for (auto& ctx : impl->contexts) {
      ctx->stop();
    }
  });
}

void Server::Run() {
  asio::io_context& main = *impl_->contexts.front();
  impl_->signals->async_wait([this](const beast::error_code& ec, int signal) {
    if (!ec) {
      spdlog::info("signal {} received: stopping after in-flight requests", signal);
      Stop();
    }
  });
  for (size_t i = 0; i < impl_->contexts.size(); ++i) {
    asio::co_spawn(*impl_->contexts[i], impl_->Accept(*impl_->acceptors[i]), asio::detached);
  }
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->contexts.size(); ++i) {
    threads.emplace_back([ctx = impl_->contexts[i].get()] { ctx->run(); });
  }
  main.run();
  for (std::thread& t : threads) {
    t.join();
  }
}

}  // namespace motcua::http
