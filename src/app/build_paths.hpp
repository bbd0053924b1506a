#pragma once
//! Where this binary was built from. Kept in one generated file so that moving the checkout recompiles only it.

#include <string>

namespace motcua::app {

//! The source tree (templates/, static/, data/), used when no share_dir is configured.
std::string SourceDir();
//! The build tree (compiled message catalogues).
std::string BuildDir();
//! The motcua version.
std::string Version();

}  // namespace motcua::app
