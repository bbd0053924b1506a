#pragma once
//! Following a dossier after filing ("Hồ sơ của tôi", the dossier page and its timeline, files, withdrawal, the
//! receipt, the account-free lookup), guidance at the desk, and the administration of form definitions.

#include <ctemplate/template.h>

#include <optional>
#include <string>
#include <string_view>

#include "access/auth.hpp"
#include "domain/dates.hpp"
#include "domain/dossier.hpp"
#include "service/back_office.hpp"
#include "service/dossiers.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! The services the dossier-following pages call.
struct TrackingServices {
  service::Dossiers& dossiers;            //!< Dossier operations.
  service::FormLibrary& forms;            //!< Form definitions.
  service::BackOffice* office = nullptr;  //!< The back office (issue 10): supplement, apology, result shown.
};

//! "Hồ sơ của tôi", the dossier page, files, withdrawal, the receipt (HTML and PDF) and /tra-cuu; with `office`
//! the dossier page also shows what the back office asked and decided.
void AddTrackingPages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                      service::FormLibrary& forms, service::BackOffice* office = nullptr);
//! Guidance at the desk: the citizen's code on a draft, the desk officer's entry and overview.
void AddGuidancePages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                      service::FormLibrary& forms);
//! The system administrators' page of a procedure's form definitions.
void AddFormAdminPages(access::RouteTable& routes, const Site& site, service::Dossiers& dossiers,
                       service::FormLibrary& forms);

//! "dd/mm/yyyy" of `day`, or "" when there is none.
std::string DayText(const std::optional<domain::CivilDate>& day);
//! The GOV.UK tag modifier class of a status ("govuk-tag--blue"…).
const char* StatusTagClass(domain::DossierStatus status);
//! Adds the dossier's timeline as section TIMELINE (AT, SENTENCE, and WHO/NOTE when given), newest first.
void AddTimeline(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                 const std::vector<service::TimelineEntry>& timeline);
//! Adds the dossier's answers by page (section ANSWER_PAGES with TITLE and rows KEY/VALUE/FIELD_ID, OFFICER when a
//! guiding officer filled it) and its documents with their files (section DOCUMENTS, rows FILES with the link).
void AddAnswersAndFiles(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
                        TrackingServices& services, const service::Dossier& dossier);
//! The procedure's name in the catalogue, or its code.
std::string ProcedureNameOf(const Site& site, const std::string& code);
//! The agency's name in the catalogue, or its code.
std::string AgencyNameOf(const Site& site, const std::string& code);

}  // namespace motcua::web
