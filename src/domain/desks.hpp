#pragma once
//! Bộ phận một cửa: the desks where citizens hand in applications, and which one serves a procedure in a commune.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/csv.hpp"
#include "domain/reference_import.hpp"

namespace motcua::domain {

//! What a desk is.
enum class DeskKind {
  kProvinceCentre,  //!< Trung tâm Phục vụ hành chính công of a province: receives the province-level procedures.
  kDepartment,      //!< The own desk of a provincial department (sở, ngành).
  kCommune,         //!< The one-stop desk of a commune or ward (Bộ phận một cửa UBND xã/phường).
};

//! One desk with what a citizen needs to get there.
struct Desk {
  std::string id;                      //!< Stable slug, unique.
  DeskKind kind = DeskKind::kCommune;  //!< What it is.
  std::string province_code;           //!< Province it is in (2025 GSO code, 2 digits).
  std::string commune_code;            //!< Commune it serves (2025 GSO code, 5 digits), for kCommune.
  std::string agency_code;             //!< Agency it belongs to, for kDepartment (optional otherwise).
  std::string name;                    //!< Name on the door.
  std::string address;                 //!< Street address.
  std::string hours;                   //!< Opening hours as people say them.
  std::string phone;                   //!< Phone number.
  std::optional<double> latitude;      //!< WGS 84, with longitude, when known.
  std::optional<double> longitude;     //!< WGS 84.
  bool demo_values = false;            //!< Address and phone are demo values, not published ones.
};

//! The stored name of a kind ("province-centre", "department", "commune").
std::string_view ToString(DeskKind kind);
//! The kind stored as `s`, or nothing.
std::optional<DeskKind> ParseDeskKind(std::string_view s);

//! Desks read from a CSV, and the rows rejected.
struct DeskImport {
  std::vector<Desk> desks;       //!< Valid rows.
  std::vector<RowError> errors;  //!< Rejected rows, each naming its line and why.
  int64_t rows_read = 0;         //!< Data rows in the file.
};

//! Reads a desks CSV (columns id, kind, province_code, commune_code, agency_code, name, address, hours, phone,
//! latitude, longitude, source): a bad row is rejected with its line and the reason in Vietnamese.
DeskImport ReadDesks(std::string_view csv_text);

//! An OpenStreetMap link to the desk: its coordinates when known, else a search for its address. No script,
//! no embed: the citizen follows the link.
std::string MapLink(const Desk& desk);

//! The desks, and the provinces and communes (2025 era) a citizen chooses from, looked up by what a page knows.
class DeskDirectory {
 public:
  //! Indexes `desks` and the administrative `units` of the 2025 era.
  explicit DeskDirectory(std::vector<Desk> desks, std::vector<AdminUnit> units = {});
  //! The provinces, by code.
  std::vector<const AdminUnit*> Provinces() const;
  //! The communes of a province, by name.
  std::vector<const AdminUnit*> CommunesOf(std::string_view province_code) const;
  //! The unit with this code, or null.
  const AdminUnit* FindUnit(std::string_view code) const;
  //! The public administration service centre of a province, or null.
  const Desk* ProvinceCentre(std::string_view province_code) const;
  //! The first province centre on file: the portal's own province (null when no desk is on file).
  const Desk* HomeCentre() const;
  //! The desk of an agency, or null.
  const Desk* ForAgency(std::string_view agency_code) const;
  //! The one-stop desk of a commune, or null.
  const Desk* ForCommune(std::string_view commune_code) const;
  //! All desks, in file order.
  const std::vector<Desk>& desks() const { return desks_; }

 private:
  std::vector<Desk> desks_;
  std::vector<AdminUnit> units_;
};

//! Where a citizen goes for a procedure: the level that receives it and its desk (null: the desk is not on file,
//! so the page names the committee and gives the hotline).
struct Visit {
  Level level = Level::kCommune;  //!< kProvince or kCommune (district tasks went to communes on 1/7/2025).
  const Desk* desk = nullptr;     //!< The desk, or null.
};

//! The desks a citizen of `commune_code` in `province_code` visits for `p`: province-level procedures at the
//! competent department's own desk in that province or else the province's centre; commune-level (and former
//! district-level) ones at the commune's desk. One visit per level the procedure has.
std::vector<Visit> WhereToGo(const Procedure& p, const DeskDirectory& desks, std::string_view province_code,
                             std::string_view commune_code);

}  // namespace motcua::domain
