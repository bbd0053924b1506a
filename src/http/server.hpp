#pragma once
//! The HTTP/1.1 server: one io_context per thread, keep-alive, limits, timeouts, graceful shutdown.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/admission.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"

namespace motcua::http {

//! Limits and sizes of the server.
struct ServerOptions {
  std::string host = "127.0.0.1";  //!< Address to listen on.
  uint16_t port = 8080;            //!< Port; 0 picks a free one.
  int32_t threads = 0;             //!< I/O threads; 0 = one per core.
  //! Interactive requests (store reads and writes for a person). Threads block until their write commits, so
  //! there are enough of them for SQLite's group commit to gather several writes per batch.
  ExecutorOptions interactive{8, 256};
  ExecutorOptions reports{2, 8};    //!< Slow reads (the audit journal search, statistics).
  ExecutorOptions outbound{4, 32};  //!< Calls to other systems (the identity provider, gateways).
  //! Seconds a client refused by a full executor is asked to wait (Retry-After).
  int32_t retry_after_seconds = 5;
  uint32_t max_header_bytes = 16 * 1024;            //!< Largest request header block.
  uint64_t max_body_bytes = uint64_t{1024} * 1024;  //!< Largest request body of a route that sets no limit.
  std::chrono::milliseconds header_timeout{10000};  //!< Time allowed to send a whole request header.
  std::chrono::milliseconds body_timeout{30000};    //!< Time allowed to send the body.
  std::chrono::milliseconds idle_timeout{30000};    //!< Keep-alive time between requests.
  std::chrono::milliseconds shutdown_grace{10000};  //!< Longest wait for in-flight requests at shutdown.
  int32_t max_connections = 10000;                  //!< Open connections at most; more get 503.
  //! Folder the files of multipart routes are spooled to (main sets `<data_dir>/spool`, on the file store's file
  //! system so a stored upload is a rename).
  std::string upload_spool_dir = "var/spool";
  //! Limits of a multipart body; its file and total limits are lowered to the route's body limit.
  MultipartLimits multipart;
  //! Bytes read from the socket at a time for a multipart body (the most of it in memory per request).
  size_t upload_chunk_bytes = size_t{64} * 1024;
};

//! Where a routed request runs and the largest body it accepts.
struct Placement {
  Exec exec = Exec::kInline;          //!< The I/O thread or an executor.
  uint64_t max_body_bytes = 0;        //!< 0: the server's default.
  BodyMode body = BodyMode::kMemory;  //!< How the body is read.
};

//! What the server asks of the application.
class Application {
 public:
  virtual ~Application() = default;
  //! Routes the request (its header is read, its body not yet) and says where it runs and how large a body it
  //! accepts.
  virtual Placement Place(Request& req) = 0;
  //! Produces the response (never throws).
  virtual Response Handle(Request& req) = 0;
  //! A page for a request the server refused before routing (bad syntax, too large, …).
  virtual Response Refused(const Request& req, int32_t status, const std::string& reason) = 0;
  //! Called after each response is written.
  virtual void Completed(const Request& req, const Response& res, std::chrono::microseconds elapsed) = 0;
};

//! Live counters of the server.
struct ServerStats {
  int64_t open_connections = 0;  //!< Connections open now.
  int64_t in_flight = 0;         //!< Requests being handled now.
  int64_t interactive = 0;       //!< Requests held by the interactive executor (running or queued).
  int64_t reports = 0;           //!< Requests held by the report executor.
  int64_t outbound = 0;          //!< Requests held by the outbound executor.
  int64_t refused_busy = 0;      //!< Requests refused (503) because an executor was full or its queue too slow.
};

//! The server. Run() blocks until SIGINT/SIGTERM or Stop(), then drains in-flight requests.
class Server {
 public:
  //! Binds the listening sockets (throws when the address is taken).
  Server(const ServerOptions& options, Application& app);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  //! The port actually bound.
  uint16_t port() const;
  //! Serves until stopped; returns after a graceful drain.
  void Run();
  //! Asks a running server to stop (thread-safe).
  void Stop();
  //! Current counters.
  ServerStats Stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace motcua::http
