#pragma once
//! Downloads of the printed forms (issue 10): forms 01–05 of a dossier for officers who may see it, the applicant's
//! copy of forms 01, 02 and 04, and the logbook (form 06) for a date range as PDF and XLSX.

#include "access/auth.hpp"
#include "service/back_office.hpp"
#include "service/dossiers.hpp"
#include "web/site.hpp"

namespace motcua::web {

//! /can-bo/ho-so/{code}/mau/0N.pdf (N = 1..5), /ho-so/{id}/mau/0N.pdf (N = 1, 2, 4: the owner's copy),
//! /can-bo/so-theo-doi (the date-range form) with its .pdf and .xlsx downloads.
void AddOfficeFormPages(access::RouteTable& routes, const Site& site, service::BackOffice& office,
                        service::Dossiers& dossiers);

}  // namespace motcua::web
