#include "app/files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace motcua::app {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path);
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace motcua::app
