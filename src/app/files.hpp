#pragma once
//! Reading whole files at start-up (templates, reference data, documents served as they are).

#include <string>

namespace motcua::app {

//! The whole content of `path`; throws std::runtime_error naming the file when it cannot be read.
std::string ReadWholeFile(const std::string& path);

}  // namespace motcua::app
