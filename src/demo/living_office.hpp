#pragma once
//! The demo's living office (issue 10): dossiers already under way at Phường Năng Tĩnh and at Sở Tư pháp, in every
//! state a visitor should see (filed and waiting, accepted, at each step of processing, supplement requested,
//! overdue, due soon, apologised, done and waiting to be returned, returned, refused, stopped, withdrawn), made
//! through the service operations (Dossiers, BackOffice) at back-dated clock times so that their timelines, hand-offs
//! and clocks are real.

#include <cstdint>
#include <string>
#include <vector>

#include "domain/time.hpp"
#include "service/catalogue.hpp"
#include "store/database.hpp"

namespace motcua::demo {

//! What the living office made.
struct LivingOfficeReport {
  int64_t dossiers = 0;               //!< Dossiers filed (online or at the counter).
  int64_t actions = 0;                //!< Office actions performed on them.
  std::vector<std::string> warnings;  //!< Scenarios that could not be played to their end (and why).
};

//! Plays the living office into a demo database that has no dossier yet (does nothing otherwise), with "now" from
//! `clock`; files go to `data_dir`, messages point to `public_url`. Creates the applicants' accounts (pending, no
//! password) it needs. A scenario the services refuse is reported in `warnings`, never fatal.
LivingOfficeReport CreateLivingOffice(store::Database& db, service::CatalogueHolder& catalogue,
                                      const domain::Clock& clock, const std::string& data_dir,
                                      const std::string& public_url);

}  // namespace motcua::demo
