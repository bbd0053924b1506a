#pragma once
//! Validation of reference-data CSV files (procedures, administrative units) into domain records.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/csv.hpp"

namespace motcua::domain {

//! An administrative unit of one era (đơn vị hành chính).
struct AdminUnit {
  std::string era;                 //!< "2024" (three tiers, until 30/6/2025) or "2025" (two tiers).
  std::string code;                //!< GSO code: 2 digits province, 3 district, 5 commune.
  Level level = Level::kProvince;  //!< Tier.
  std::string name;                //!< Official full name, e.g. "Huyện Vụ Bản".
  std::string short_name;          //!< Without the unit type, e.g. "Vụ Bản".
  std::string name_en;             //!< English name.
  std::string unit_type;           //!< Tỉnh, Huyện, Xã, Phường, …
  std::string parent_code;         //!< Parent unit in the same era, empty for provinces.
  std::string province_code;       //!< Province it belongs to.
  std::string valid_from;          //!< First day (ISO), empty when open.
  std::string valid_to;            //!< Last day (ISO), empty when still valid.
};

//! One old unit → new unit link of the 1/7/2025 reorganisation.
struct AdminUnitLink {
  std::string level;       //!< "province" or "ward".
  std::string old_code;    //!< Code before.
  std::string old_name;    //!< Name before.
  std::string new_code;    //!< Code after.
  std::string new_name;    //!< Name after.
  std::string merge_type;  //!< "full" or "partial".
};

//! Procedures and fields read from a catalogue CSV, and the rows rejected.
struct ProcedureImport {
  std::vector<Procedure> procedures;  //!< Valid rows.
  std::vector<Field> fields;          //!< Fields the valid rows use.
  std::vector<RowError> errors;       //!< Rejected rows and why.
  int64_t rows_read = 0;              //!< Data rows in the file.
};

//! Units read from a units CSV, and the rows rejected.
struct UnitImport {
  std::vector<AdminUnit> units;  //!< Valid rows.
  std::vector<RowError> errors;  //!< Rejected rows and why.
  int64_t rows_read = 0;         //!< Data rows in the file.
};

//! Links read from a mapping CSV, and the rows rejected.
struct MappingImport {
  std::vector<AdminUnitLink> links;  //!< Valid rows.
  std::vector<RowError> errors;      //!< Rejected rows and why.
  int64_t rows_read = 0;             //!< Data rows in the file.
};

//! Last day of the three-tier era and first day of the two-tier era.
constexpr std::string_view kEra2024End = "2025-06-30";
constexpr std::string_view kEra2025Start = "2025-07-01";

//! Reads a procedure catalogue in the national export layout (procedure_code, procedure_name, field, level, …).
ProcedureImport ReadProcedures(std::string_view csv_text);

//! Reads administrative units; the era follows from the columns (with district columns: 2024, else 2025).
UnitImport ReadAdminUnits(std::string_view csv_text);

//! Reads the old → new unit mapping of 2025.
MappingImport ReadAdminUnitMapping(std::string_view csv_text);

//! True for a national procedure code such as 1.001193.
bool IsProcedureCode(std::string_view code);

//! The unit named in a published time limit ("Ngày làm việc" → working days); nothing when unknown.
std::optional<TimeUnit> ParsePublishedTimeUnit(std::string_view text);

}  // namespace motcua::domain
