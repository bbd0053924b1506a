#pragma once
//! The demo province (Nam Định before 1 July 2025) and the reference-data imports it is built from.

#include <string>
#include <string_view>

#include "store/database.hpp"

namespace motcua::demo {

//! Level-1 electronic code of the demo province. Nam Định's real code is unconfirmed (H40 or H42, DOMAIN.md §1.5);
//! this is the only place it is written.
constexpr std::string_view kDemoProvinceSuffix = "H40";
//! GSO code of the demo province in the 2024 unit list.
constexpr std::string_view kDemoProvinceUnit = "36";

//! Counts of what the demo load wrote.
struct DemoReport {
  int64_t units = 0;       //!< Administrative units of both eras.
  int64_t links = 0;       //!< Old → new unit links.
  int64_t procedures = 0;  //!< Procedures.
  int64_t agencies = 0;    //!< Agencies created.
  int64_t detailed = 0;    //!< Procedures with documents and steps.
  int64_t desks = 0;       //!< Desks (bộ phận một cửa) with address, hours and phone.
};

//! Loads reference data and the demo province from `share_dir`/data into an empty, migrated database, all in one
//! transaction. Throws with a clear message when a file is missing or invalid.
DemoReport LoadDemo(store::Database& db, const std::string& share_dir);

}  // namespace motcua::demo
