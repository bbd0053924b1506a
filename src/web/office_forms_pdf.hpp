#pragma once
//! The printed forms of the one-stop back office (Circular 01/2018/TT-VPCP, DOMAIN.md §1.3) as A4 PDFs in Liberation
//! Serif: 01 Giấy tiếp nhận hồ sơ và hẹn trả kết quả, 02 Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ, 03 Phiếu từ chối
//! tiếp nhận giải quyết hồ sơ, 04 Phiếu xin lỗi và hẹn lại ngày trả kết quả, 05 Phiếu kiểm soát quá trình giải quyết
//! hồ sơ, 06 Sổ theo dõi hồ sơ (landscape; also as XLSX). Each form prints a plain data struct whose texts are
//! already in the words printed (forms are legal documents: always Vietnamese, dates dd/mm/yyyy, times hh:mm);
//! office_forms_data.cpp fills them from a service::OfficeDossier, so the renderers are tested without a database.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/dates.hpp"
#include "domain/form_definition.hpp"
#include "domain/time.hpp"
#include "service/back_office.hpp"

namespace motcua::web {

//! The legal basis printed under "Mẫu số 0N".
inline constexpr const char* kFormsBasis =
    "(Ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ)";

//! Who issues a form: the agency heading and the place and date line.
struct FormIssuer {
  std::string parent;               //!< The agency above ("UBND tỉnh Ninh Bình"; "" when none).
  std::string agency;               //!< The agency ("UBND phường Năng Tĩnh").
  std::string desk;                 //!< The desk ("Bộ phận tiếp nhận và trả kết quả").
  std::string place;                //!< Where ("Nam Định").
  domain::CivilDate date{0, 0, 0};  //!< The issue date (year 0: dots for the officer to fill in).
};

//! The applicant as printed.
struct FormApplicant {
  std::string name;       //!< Full name (or the organisation's).
  std::string id_number;  //!< CCCD / passport number.
  std::string address;    //!< Address.
  std::string phone;      //!< Phone.
  std::string email;      //!< E-mail.
};

//! One row of a component table (thành phần hồ sơ).
struct ComponentRow {
  std::string name;         //!< The document.
  int32_t originals = 0;    //!< Bản chính.
  int32_t certified = 0;    //!< Bản sao chứng thực.
  int32_t photocopies = 0;  //!< Bản photo / bản sao điện tử.
};

//! Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả.
struct Form01Data {
  FormIssuer issuer;          //!< The receiving agency and desk.
  std::string code;           //!< Mã hồ sơ.
  std::string lookup_secret;  //!< Mã tra cứu.
  FormApplicant submitter;    //!< Who handed the dossier in.
  std::string channel;        //!< "Trực tiếp", "Trực tuyến", "Qua dịch vụ bưu chính công ích".
  std::string request;        //!< Nội dung yêu cầu giải quyết (the procedure).
  std::string owner_name;     //!< Chủ hồ sơ.
  std::string owner_address;  //!< Their address.
  std::vector<ComponentRow> components;  //!< Thành phần hồ sơ.
  int32_t sets = 1;                      //!< Số lượng hồ sơ (bộ).
  std::string time_limit;                //!< Thời gian giải quyết theo quy định ("05 ngày làm việc").
  std::string received_at;               //!< "hh:mm ngày dd/mm/yyyy".
  std::string appointment;   //!< Thời gian trả kết quả, same form ("" when the procedure sets none).
  std::string result_place;  //!< Where the result is received.
  std::string lookup_url;    //!< Tracking URL with code and secret (the QR code).
  std::string lookup_page;   //!< The plain tracking page.
  std::string hotline;       //!< Phone for questions ("" none).
  std::string officer_name;  //!< Người tiếp nhận.
};

//! One item of form 02.
struct SupplementLine {
  std::string name;    //!< The document or information to add or fix.
  std::string reason;  //!< Why.
};

//! Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
struct Form02Data {
  FormIssuer issuer;                  //!< The desk.
  std::string code;                   //!< Mã hồ sơ.
  FormApplicant applicant;            //!< Who it is addressed to.
  std::string request;                //!< The procedure.
  std::string requested_at;           //!< "hh:mm ngày dd/mm/yyyy".
  std::vector<SupplementLine> items;  //!< What to add or fix, and why.
  std::string note;                   //!< The officer's covering note ("" none).
  std::string portal_url;             //!< Where to look the rules up and answer.
  std::string officer_name;           //!< Người hướng dẫn.
  std::string officer_phone;          //!< Their phone ("" none).
};

//! Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.
struct Form03Data {
  FormIssuer issuer;          //!< The desk.
  std::string code;           //!< Mã hồ sơ ("" when refused before a code was issued).
  FormApplicant applicant;    //!< Who it is addressed to.
  std::string request;        //!< The procedure.
  std::string reason;         //!< Lý do từ chối.
  std::string portal_url;     //!< Where to look the rules up.
  std::string officer_name;   //!< The refusing officer.
  std::string officer_phone;  //!< Their phone ("" none).
};

//! Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả.
struct Form04Data {
  FormIssuer issuer;                 //!< The competent agency.
  std::string addressee;             //!< Kính gửi.
  std::string address;               //!< Their address.
  std::string code;                  //!< Mã hồ sơ.
  std::string request;               //!< The procedure.
  std::string received_on;           //!< "dd/mm/yyyy".
  std::string original_appointment;  //!< "hh:mm ngày dd/mm/yyyy".
  std::string reason;                //!< Why it is late.
  std::string new_appointment;       //!< "hh:mm ngày dd/mm/yyyy".
  std::string signer_title;          //!< "THỦ TRƯỞNG CƠ QUAN".
  std::string signer_name;           //!< The head of agency.
};

//! One hand-off of form 05.
struct HandoffLine {
  std::string unit;      //!< Receiving agency / unit and step.
  std::string at;        //!< "hh:mm ngày dd/mm/yyyy".
  std::string giver;     //!< Người giao.
  std::string receiver;  //!< Người nhận.
  std::string result;    //!< "Trước hạn", "Đúng hạn", "Quá hạn" or "Đang giải quyết".
  std::string note;      //!< Notes (the action, its note, the step's deadline).
};

//! Form 05: Phiếu kiểm soát quá trình giải quyết hồ sơ.
struct Form05Data {
  FormIssuer issuer;                     //!< The receiving agency.
  std::string code;                      //!< Mã hồ sơ.
  std::string applicant;                 //!< Applicant.
  std::string request;                   //!< The procedure.
  std::string received_at;               //!< "hh:mm ngày dd/mm/yyyy".
  std::string time_limit;                //!< Legal time limit.
  std::string appointment;               //!< "hh:mm ngày dd/mm/yyyy".
  std::vector<ComponentRow> components;  //!< Thành phần hồ sơ.
  std::vector<HandoffLine> handoffs;     //!< One row per hand-off, oldest first.
};

//! Form 06: Sổ theo dõi hồ sơ of one agency for a date range.
struct LogbookData {
  FormIssuer issuer;                      //!< The agency.
  domain::CivilDate from{0, 0, 0};        //!< First day.
  domain::CivilDate to{0, 0, 0};          //!< Last day.
  std::vector<service::LogbookRow> rows;  //!< One row per dossier.
};

//! Form 01 as PDF bytes.
std::string Form01Pdf(const Form01Data& data);
//! Form 02 as PDF bytes.
std::string Form02Pdf(const Form02Data& data);
//! Form 03 as PDF bytes.
std::string Form03Pdf(const Form03Data& data);
//! Form 04 as PDF bytes.
std::string Form04Pdf(const Form04Data& data);
//! Form 05 as PDF bytes (the hand-off table breaks across pages with its header repeated).
std::string Form05Pdf(const Form05Data& data);
//! Form 06 as PDF bytes (landscape A4).
std::string LogbookPdf(const LogbookData& data);
//! Form 06 as an XLSX workbook (one sheet, a header row and one row per dossier).
std::string LogbookXlsx(const LogbookData& data);

//! The cells of one logbook row in the printed order (TT first), shared by the PDF and the workbook.
std::vector<std::string> LogbookCells(int32_t number, const service::LogbookRow& row);
//! The headers of the logbook's columns.
const std::vector<std::string>& LogbookHeaders();

//! "hh:mm ngày dd/mm/yyyy" of `t` in Vietnam time.
std::string FormTime(domain::Instant t);
//! "dd/mm/yyyy" of `t` in Vietnam time.
std::string FormDay(domain::Instant t);
//! "dd/mm/yyyy" of a date.
std::string FormDate(const domain::CivilDate& d);

//! What the forms need besides the dossier: the issuer, the applicant and components read from the form definition,
//! the officer printing, the portal's addresses.
struct FormContext {
  FormIssuer issuer;                     //!< Agency heading (date: today).
  FormApplicant applicant;               //!< From the answers (ApplicantOf).
  std::string owner_address;             //!< The dossier owner's address (the applicant's when "").
  std::vector<ComponentRow> components;  //!< From the form's documents (ComponentsOf).
  std::string time_limit;                //!< The procedure's legal time limit as published.
  std::string officer_name;              //!< The officer printing (used when the dossier names nobody).
  std::string officer_phone;             //!< Their phone ("" none).
  std::string public_url;                //!< The portal's public URL, without a trailing slash.
  std::string hotline;                   //!< The desk's phone ("" none).
  std::string head_name;                 //!< The head of agency signing form 04 ("" leaves it blank).
  std::function<std::string(std::string_view)> agency_name;  //!< Name of an agency code (the code when unknown).
};

//! The applicant's name, ID number, phone, e-mail and address from `answers` (issue 9's applicant questions);
//! `address` is the address already displayed (domain::DisplayAnswer needs the administrative units).
FormApplicant ApplicantOf(const boost::json::object& answers, std::string_view fallback_name, std::string_view address);
//! The component table of `form`'s documents that have files or are required, counted per kind.
std::vector<ComponentRow> ComponentsOf(const domain::FormDefinition& form,
                                       const std::vector<service::DossierFile>& files);
//! "Trực tiếp", "Trực tuyến" or "Qua dịch vụ bưu chính công ích" of a national channel code.
std::string ChannelText(int32_t channel);

//! Form 01 of a received dossier; nothing before receipt.
std::optional<Form01Data> Form01Of(const service::OfficeDossier& o, const FormContext& ctx);
//! Form 02 of the newest supplement request; nothing when none was asked.
std::optional<Form02Data> Form02Of(const service::OfficeDossier& o, const FormContext& ctx);
//! Form 03 of a refused dossier; nothing otherwise.
std::optional<Form03Data> Form03Of(const service::OfficeDossier& o, const FormContext& ctx);
//! Form 04 of the newest apology; nothing when none was issued.
std::optional<Form04Data> Form04Of(const service::OfficeDossier& o, const FormContext& ctx);
//! Form 05 of a received dossier; nothing before receipt.
std::optional<Form05Data> Form05Of(const service::OfficeDossier& o, const FormContext& ctx);

}  // namespace motcua::web
