#pragma once
//! Reading and writing the procedure catalogue and reference data.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/desks.hpp"
#include "domain/reference_import.hpp"
#include "store/database.hpp"

namespace motcua::store {

//! Told after each row written: rows done and rows in all (drives the import progress bar).
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

//! Rows added and changed by an import.
struct UpsertCounts {
  int64_t added = 0;    //!< New rows.
  int64_t updated = 0;  //!< Existing rows replaced.
};

//! Loads the whole catalogue (procedures with channels, documents, forms; fields; agencies) as a snapshot.
domain::Catalogue LoadCatalogue(Database& db);

//! The catalogue version; it changes whenever the catalogue does, so caches know to refresh.
int64_t CatalogueVersion(Database& db);

//! Marks the catalogue changed (call inside the write that changes it).
void BumpCatalogueVersion(Session& s);

//! Adds or replaces the imported procedures and their fields. Details not in the file (documents, steps, forms,
//! popularity, agency) are kept for existing procedures.
UpsertCounts UpsertProcedures(Session& s, const domain::ProcedureImport& import, const ProgressFn& progress = {});

//! Replaces the descriptive details of one procedure (purpose, documents, steps, forms, levels, …).
void SaveProcedureDetails(Session& s, const domain::Procedure& p);

//! Adds or replaces administrative units.
UpsertCounts UpsertAdminUnits(Session& s, const std::vector<domain::AdminUnit>& units, const ProgressFn& progress = {});

//! Adds or replaces old → new unit links.
UpsertCounts UpsertAdminUnitLinks(Session& s, const std::vector<domain::AdminUnitLink>& links,
                                  const ProgressFn& progress = {});

//! Adds or replaces agencies (parents must come before children).
UpsertCounts UpsertAgencies(Session& s, const std::vector<domain::Agency>& agencies);

//! Administrative units of an era, optionally only the children of `parent_code` (empty: the provinces).
std::vector<domain::AdminUnit> ListAdminUnits(Database& db, const std::string& era, const std::string& parent_code);

//! Every administrative unit of an era, by code.
std::vector<domain::AdminUnit> ListAdminUnitsOfEra(Database& db, const std::string& era);

//! One administrative unit, or nothing.
std::optional<domain::AdminUnit> FindAdminUnit(Database& db, const std::string& era, const std::string& code);

//! Replaces the desks with `desks` (an import is the whole list: desks not in it are removed) and marks the
//! catalogue changed so every node reloads them.
UpsertCounts ReplaceDesks(Session& s, const std::vector<domain::Desk>& desks);

//! Every desk, in id order.
std::vector<domain::Desk> ListDesks(Database& db);

//! Runs a trivial query; throws when the database cannot answer.
void CheckHealth(Database& db);

}  // namespace motcua::store
