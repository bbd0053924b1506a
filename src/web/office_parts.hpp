#pragma once
//! What the back-office page files (office_pages.cpp, office_dossier.cpp, office_intake.cpp, supplement_pages.cpp)
//! share; included only by them.

#include <ctemplate/template.h>

#include <optional>
#include <string>
#include <string_view>

#include "domain/processing.hpp"
#include "domain/time.hpp"
#include "http/message.hpp"
#include "service/back_office.hpp"
#include "web/forms.hpp"
#include "web/office_pages.hpp"
#include "web/site.hpp"

namespace motcua::web::office {

//! "/can-bo/ho-so/<code>", an officer's page of a dossier.
std::string OfficeDossierPath(std::string_view code);
//! The inbox mark of a due state, in words (a message id): marks never rely on colour alone.
const char* DueStateName(domain::DueState state);
//! The GOV.UK tag class of a due state.
const char* DueStateClass(domain::DueState state);
//! The national channel's name (1 counter, 2 online, 3 post), a message id.
const char* ChannelText(int32_t channel);
//! How a result goes back, in words (a message id).
const char* ReturnMethodName(service::ReturnMethod method);
//! "dd/mm/yyyy hh:mm" of `at`, or "" when there is none.
std::string TimeText(const std::optional<domain::Instant>& at);
//! "dd/mm/yyyy" of `day`.
std::string CivilText(const domain::CivilDate& day);
//! How long from `from` to `now` in days, hours and minutes ("2 ngày 3 giờ"), translated.
std::string WaitedText(const Site& site, std::string_view lang, domain::Instant from, domain::Instant now);
//! Adds the supplement requests of `od` as section SUPPLEMENTS (AT, BY, NOTE, SUPPLIED, rows ITEMS: LABEL, REASON).
void AddSupplements(ctemplate::TemplateDictionary& page, const service::OfficeDossier& od);
//! Adds the apologies of `od` as section APOLOGIES (AT, BY, REASON, NEW_DATE).
void AddApologies(ctemplate::TemplateDictionary& page, const service::OfficeDossier& od);
//! Adds the result of `od` as section RESULT (NUMBER, ISSUED, METHOD, RECORDED, HAS_FILE, HAS_RETURNED…).
void AddResult(const Site& site, std::string_view lang, ctemplate::TemplateDictionary& page,
               const service::OfficeDossier& od);
//! The date of a GOV.UK date input `name` (name-ngay, name-thang, name-nam) in `fields`, if it is a real date.
std::optional<domain::CivilDate> DateOf(const http::Pairs& fields, std::string_view name);
//! The number `text` holds in full (a version, an amount), or -1.
int64_t NumberOf(std::string_view text);
//! The value of `name` in `fields` ("" when absent).
std::string FieldOf(const http::Pairs& fields, std::string_view name);

//! GET /can-bo/ho-so/{code}: the processing page.
http::Response DossierPage(const Site& site, OfficePageServices& s, const http::Request& req);
//! POST /can-bo/ho-so/{code}/xu-ly: one action at the version the officer saw.
http::Response ActionSubmit(const Site& site, OfficePageServices& s, const http::Request& req);
//! POST /can-bo/ho-so/{code}/ket-qua (multipart): the result recorded with its PDF.
http::Response ResultSubmit(const Site& site, OfficePageServices& s, const http::Request& req);
//! GET /can-bo/ho-so/{code}/ket-qua: the e-result file.
http::Response ResultDownload(const Site& site, OfficePageServices& s, const http::Request& req);
//! The stored file `file` as an attachment download (a 404 page when it is gone from the store).
http::Response FileResponse(const Site& site, const http::Request& req, const service::FileDownload& file);

//! GET /can-bo/tiep-nhan-tai-quay: find the citizen.
http::Response IntakeStart(const Site& site, OfficePageServices& s, const http::Request& req);
//! POST /can-bo/tiep-nhan-tai-quay: the citizens found by ID number or phone.
http::Response IntakeFind(const Site& site, OfficePageServices& s, const http::Request& req);
//! GET /can-bo/tiep-nhan-tai-quay/{citizen}: pick the procedure (search).
http::Response IntakeProcedure(const Site& site, OfficePageServices& s, const http::Request& req);
//! GET /can-bo/tiep-nhan-tai-quay/{citizen}/{procedure}: the form, the papers and the accept button.
http::Response IntakeForm(const Site& site, OfficePageServices& s, const http::Request& req);
//! POST /can-bo/tiep-nhan-tai-quay/{citizen}/{procedure} (multipart): files and accepts the dossier.
http::Response IntakeSubmit(const Site& site, OfficePageServices& s, const http::Request& req);

}  // namespace motcua::web::office
