#pragma once
//! A dossier's answers (a JSON object keyed by question id) checked against its form definition: each field type,
//! show_if conditions, repeating groups, documents. Pure C++, no I/O.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/dates.hpp"
#include "domain/form_definition.hpp"
#include "domain/reference_import.hpp"
#include "domain/result.hpp"

namespace motcua::domain {

//! What checking answers needs from outside: today (dates not in the future) and the administrative units.
struct AnswerContext {
  CivilDate today;  //!< Today in Vietnam.
  std::string
      era;  //!< Administrative-unit era of the dossier ("2024": province/district/commune; "2025": no district).
  //! The unit with `code` in `era`, or null (addresses: each code must exist and sit under the one before it).
  std::function<const AdminUnit*(std::string_view era, std::string_view code)> find_unit;
};

//! True when `field` is shown given `answers` (the object holding it: the top level, or one group entry).
bool IsShown(const FieldDef& field, const boost::json::object& answers);

//! Checks the answers of one page: each shown field's value has its type's shape and bounds, required ones are
//! there. Errors name the field id ("ten_tre"), a group entry's field as "id[i].sub" (`[i]` from 0), an address
//! part as "id.province"/"id.district"/"id.commune"/"id.detail"; messages are Vietnamese message ids (N_).
std::vector<FieldError> ValidatePage(const PageDef& page, const boost::json::object& answers,
                                     const AnswerContext& context);

//! Checks every page and, when `check_documents`, that each required document has at least one of
//! `attached_documents` (the ids of documents with a file; field "tai_lieu.<document id>").
std::vector<FieldError> ValidateAnswers(const FormDefinition& form, const boost::json::object& answers,
                                        const std::vector<std::string>& attached_documents,
                                        const AnswerContext& context, bool check_documents = true);

//! `base` with `patch` merged in (keys of `patch` replace those of `base`; a null value removes the key); keys
//! that are not questions of `form` are refused (kInvalid naming them) so a typo never silently vanishes.
Result<boost::json::object> MergeAnswers(const FormDefinition& form, const boost::json::object& base,
                                         const boost::json::object& patch);

//! The answers without questions hidden by show_if (what is stored at filing and shown on the check page).
boost::json::object VisibleAnswers(const FormDefinition& form, const boost::json::object& answers);

//! The answer to `field` as people read it ("12/03/2025", "Có", an option's label, "1.500.000 đồng", an address
//! with unit names through the context), for the check-your-answers page, the receipt and the officer's screen.
std::string DisplayAnswer(const FieldDef& field, const boost::json::value& value, const AnswerContext& context);

//! What a web form posted for one page: typed answers for the fields that parsed, the raw text of every input
//! (to show again when something is wrong) and the inputs that did not parse (e.g. day 31 of February).
struct PageInput {
  boost::json::object answers;  //!< Parsed answers of the page's fields (a group: its entries).
  std::vector<std::pair<std::string, std::string>> raw;  //!< Input name → text as typed.
  std::vector<FieldError> errors;                        //!< Inputs that could not be read as their type.
};

//! Reads the inputs of `page` from form pairs: a date from "<id>-day", "<id>-month", "<id>-year"; money with dots
//! or spaces ("1.500.000"); yes/no from "co"/"khong"; an address from "<id>.province", "<id>.district",
//! "<id>.commune", "<id>.detail"; group entry i's field f from "<id>[i].f". Empty inputs are left unanswered.
PageInput ReadPageInput(const PageDef& page, const std::vector<std::pair<std::string, std::string>>& form);

}  // namespace motcua::domain
