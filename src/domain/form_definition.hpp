#pragma once
//! Forms defined as data (issue 9): the versioned definition of what a procedure's online form asks, read from and
//! written to JSON, validated when loaded or edited. Pure C++, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "domain/catalogue.hpp"
#include "domain/result.hpp"

namespace motcua::domain {

//! What kind of answer a question takes (the JSON "type").
enum class FieldType {
  kText,      //!< One line of text.
  kTextarea,  //!< Several lines of text.
  kNumber,    //!< A number (min/max bound it).
  kMoney,     //!< An amount in đồng (a whole number >= 0; min/max bound it).
  kDate,      //!< A calendar date "YYYY-MM-DD" (min/max are offsets in days from today: max 0 = not in the future).
  kSelect,    //!< One of `options` from a list.
  kRadio,     //!< One of `options`, shown as radios.
  kYesNo,     //!< Yes or no (a JSON boolean).
  kIdNumber,  //!< A 12-digit personal identification number (CheckPersonalId).
  kPhone,     //!< A phone number (CheckMobilePhone, landlines too).
  kEmail,     //!< An email address.
  kAddress,   //!< Province → (district before 1/7/2025) → commune codes of one era, and a detail line.
  kGroup,     //!< A repeating group of `fields` (min/max bound the number of entries).
};

//! The JSON name of a type ("id_number").
std::string_view ToString(FieldType type);
//! The type named `name`, if any.
std::optional<FieldType> ParseFieldType(std::string_view name);

//! One choice of a select or radio question.
struct FieldOption {
  std::string value;  //!< Stored in the answers.
  std::string label;  //!< Shown to people.
};

//! Show a question only when another question's answer equals a value.
struct ShowIf {
  std::string field;          //!< Id of the question it depends on (same page or earlier, same group level).
  boost::json::value equals;  //!< The answer that shows it (string, bool or number).
};

//! One question of a form.
struct FieldDef {
  std::string id;                     //!< Key in the answers: [a-z][a-z0-9_]*, unique in its form or group.
  std::string label;                  //!< The question.
  std::string hint;                   //!< Help under the label ("" when none).
  FieldType type = FieldType::kText;  //!< Kind of answer.
  bool required = false;              //!< Must be answered (when shown).
  std::vector<FieldOption> options;   //!< For select and radio.
  std::optional<double> min;      //!< Number/money: smallest; text: shortest; date: days from today; group: entries.
  std::optional<double> max;      //!< Number/money: largest; text: longest; date: days from today; group: entries.
  std::optional<ShowIf> show_if;  //!< Shown only when this holds.
  std::vector<FieldDef> fields;   //!< For a group: the questions of one entry.
};

//! One page of a form (GOV.UK: one topic per page).
struct PageDef {
  std::string id;                //!< URL segment: [a-z][a-z0-9-]*, unique in the form.
  std::string title;             //!< Page heading.
  std::vector<FieldDef> fields;  //!< Its questions, in order.
};

//! One document (thành phần hồ sơ) the applicant attaches.
struct DocumentDef {
  std::string id;                  //!< [a-z][a-z0-9_]*, unique in the form.
  std::string name;                //!< What it is.
  std::string original_or_copy;    //!< "original", "copy" or "either": what the scan must be of.
  bool required = false;           //!< At least one file must be attached to file the dossier.
  std::vector<std::string> types;  //!< Accepted: any of "pdf", "jpeg", "png", "heic".
  int64_t max_bytes = 0;           //!< Largest file accepted for it.
  std::string template_url;        //!< A blank form to download ("" when none).
};

//! A procedure's online form, one version of it.
struct FormDefinition {
  int32_t version = 1;                 //!< Version number (1, 2, …); a dossier pins the one it started on.
  std::vector<PageDef> pages;          //!< Pages in order.
  std::vector<DocumentDef> documents;  //!< Documents to attach.

  //! The top-level question `id` on any page, or null.
  const FieldDef* FindField(std::string_view id) const;
  //! The page `id`, or null.
  const PageDef* FindPage(std::string_view id) const;
  //! The document `id`, or null.
  const DocumentDef* FindDocument(std::string_view id) const;
};

//! The applicant's questions every form starts with (page "nguoi-nop"), prefilled from the account.
inline constexpr std::string_view kApplicantPage = "nguoi-nop";
inline constexpr std::string_view kApplicantName = "nguoi_nop_ho_ten";       //!< text, required.
inline constexpr std::string_view kApplicantId = "nguoi_nop_so_dinh_danh";   //!< id_number, required.
inline constexpr std::string_view kApplicantPhone = "nguoi_nop_dien_thoai";  //!< phone, required.
inline constexpr std::string_view kApplicantEmail = "nguoi_nop_email";       //!< email, optional.
inline constexpr std::string_view kApplicantAddress = "nguoi_nop_dia_chi";   //!< address, required.
inline constexpr std::string_view kForSomeoneElse = "nop_thay";              //!< yes_no: filing for someone else.
inline constexpr std::string_view kRelationship = "quan_he";                 //!< text, shown when nop_thay is true.

//! Largest definition text accepted (bytes).
inline constexpr size_t kMaxFormDefinitionBytes = size_t{256} * 1024;

//! Reads and validates a definition: ids well formed and unique, known types, options for select/radio, show_if
//! naming an earlier question, min <= max, documents with known types and a positive max_bytes. Every fault is a
//! FieldError whose `field` is a JSON path ("pages[1].fields[0].type") and whose message says what is wrong.
Result<FormDefinition> ParseFormDefinition(std::string_view json_text);

//! The definition as JSON (the shape ParseFormDefinition reads and GET /api/v1/procedures/{code}/form returns).
boost::json::value ToJson(const FormDefinition& form);

//! The generic form of a procedure without its own: the applicant (name, ID number, phone, email, address), what
//! is asked (a textarea), and one document per document of the catalogue entry (PDF/JPEG/PNG/HEIC, 10 MB each).
FormDefinition GenericForm(const Procedure& procedure);

}  // namespace motcua::domain
