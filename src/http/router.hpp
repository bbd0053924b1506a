#pragma once
//! Maps method and path to a handler, with {name} path parameters.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace motcua::http {

//! A request handler: parses input, calls the domain, asks the store, renders.
using Handler = std::function<Response(Request&)>;

//! One route.
struct Route {
  std::string method;                 //!< "GET", "POST", …
  std::string pattern;                //!< "/thu-tuc/{code}"; a segment "{name}" captures one path segment.
  Handler handler;                    //!< What runs.
  Exec exec = Exec::kInline;          //!< Where it runs.
  uint64_t max_body_bytes = 0;        //!< Largest request body it accepts; 0: the server's default.
  BodyMode body = BodyMode::kMemory;  //!< How its body is read.
};

//! The outcome of matching a request.
struct Match {
  const Route* route = nullptr;      //!< The route, when method and path match.
  bool path_known = false;           //!< The path matched some route (so a miss is 405, not 404).
  std::vector<std::string> allowed;  //!< Methods the path accepts (for the Allow header), filled on a miss.
};

//! The routing table.
class Router {
 public:
  //! Adds a route; later routes never shadow earlier ones with the same pattern and method.
  void Add(std::string method, std::string pattern, Handler handler, Exec exec = Exec::kInline,
           uint64_t max_body_bytes = 0, BodyMode body = BodyMode::kMemory);
  //! Finds the route for `method` and `path`, filling `params`. HEAD matches GET routes.
  Match Find(std::string_view method, std::string_view path, std::map<std::string, std::string>& params) const;
  //! Every route, in the order added (used by the authorization matrix test).
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace motcua::http
