#include "http/router.hpp"

#include <algorithm>
#include <map>

namespace motcua::http {

namespace {

//! Path parameters found while matching, as views into the pattern and the path (no allocation).
using Captures = std::vector<std::pair<std::string_view, std::string_view>>;

//! Matches one pattern against a path; fills `captures` on success.
bool MatchPattern(std::string_view pattern, std::string_view path, Captures& captures) {
  captures.clear();
  while (!pattern.empty() || !path.empty()) {
    if (pattern.empty() || path.empty() || pattern.front() != '/' || path.front() != '/') {
      return false;
    }
    pattern.remove_prefix(1);
    path.remove_prefix(1);
    const size_t pe = std::min(pattern.find('/'), pattern.size());
    const size_t se = std::min(path.find('/'), path.size());
    const std::string_view pseg = pattern.substr(0, pe);
    const std::string_view sseg = path.substr(0, se);
    if (pseg.size() >= 2 && pseg.front() == '{' && pseg.back() == '}') {
      if (sseg.empty()) {
        return false;
      }
      captures.emplace_back(pseg.substr(1, pseg.size() - 2), sseg);
    } else if (pseg != sseg) {
      return false;
    }
    pattern.remove_prefix(pe);
    path.remove_prefix(se);
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, Exec exec, uint64_t max_body_bytes,
                 BodyMode body) {
  routes_.push_back(Route{std::move(method), std::move(pattern), std::move(handler), exec, max_body_bytes, body});
}

Match Router::Find(std::string_view method, std::string_view path, std::map<std::string, std::string>& params) const {
  Match m;
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  Captures captures;
  for (const Route& r : routes_) {
    if (!MatchPattern(r.pattern, path, captures)) {
      continue;
    }
    m.path_known = true;
    if (std::find(m.allowed.begin(), m.allowed.end(), r.method) == m.allowed.end()) {
      m.allowed.push_back(r.method);
      if (r.method == "GET") {
        m.allowed.emplace_back("HEAD");
      }
    }
    if (m.route == nullptr && r.method == wanted) {
      m.route = &r;
      params.clear();
      for (const auto& [name, value] : captures) {
        params.emplace(std::string(name), std::string(value));
      }
      return m;  // `allowed` only matters when nothing matched
    }
  }
  return m;
}

}  // namespace motcua::http
