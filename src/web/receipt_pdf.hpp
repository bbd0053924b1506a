#pragma once
//! The receipt of an online filing (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, form 01 of Circular 01/2018/TT-VPCP
//! adapted to a dossier filed online) as an A4 PDF with a QR code to the account-free lookup.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "web/pdf_layout.hpp"

namespace motcua::web {

//! One row of the receipt's table of documents (thành phần hồ sơ).
struct ReceiptDocument {
  std::string name;              //!< The document's name.
  std::string original_or_copy;  //!< "Bản chính", "Bản sao"… as the form says ("" when unsaid).
  int32_t files = 0;             //!< How many files were attached.
};

//! What the receipt prints; every text already in the words it is printed with (the receipt is in Vietnamese).
struct ReceiptData {
  std::string agency_name;     //!< The agency the dossier is filed with.
  std::string code;            //!< The dossier code.
  std::string lookup_secret;   //!< The lookup secret (mã tra cứu).
  std::string procedure_name;  //!< The procedure.
  std::string procedure_code;  //!< Its code.
  std::string applicant_name;  //!< Who files.
  std::string channel;         //!< How it was filed ("Trực tuyến").
  std::string filed_at;        //!< When, "dd/mm/yyyy hh:mm" in Vietnam time.
  std::string expected_on;     //!< The appointment for the result, "dd/mm/yyyy" ("" when the procedure has none).
  std::string lookup_url;      //!< The lookup page with code and secret (what the QR code holds).
  std::string lookup_page;     //!< The lookup page's plain address, printed for people who type it.
  std::vector<ReceiptDocument> documents;  //!< The documents filed.
};

//! The receipt as PDF bytes (A4, Liberation Serif through pango and the shared layout of
//! pdf_layout.hpp, the QR code of `data.lookup_url`).
std::string ReceiptPdf(const ReceiptData& data);

}  // namespace motcua::web
