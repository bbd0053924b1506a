#pragma once
//! The questions of one page of a dossier's form as GOV.UK inputs: what was typed (or the stored answers read
//! back as text), inline errors, conditional reveals, dates, addresses chosen without JavaScript and repeating
//! groups with "Thêm" and "Xoá" buttons.

#include <ctemplate/template.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "domain/form_definition.hpp"
#include "domain/reference_import.hpp"
#include "http/message.hpp"
#include "web/forms.hpp"

namespace motcua::web {

class Site;

//! Input name → text as typed (or as the stored answers read back).
using RawInputs = std::map<std::string, std::string, std::less<>>;

//! The inputs of `fields` filled from stored `answers` (names as domain::ReadPageInput reads them), each name
//! under `prefix` (a group entry's "con[0].").
RawInputs RawOfAnswers(const std::vector<domain::FieldDef>& fields, const boost::json::object& answers,
                       const std::string& prefix = "");

//! The posted pairs as a map (the last value of a name wins).
RawInputs RawOfPairs(const http::Pairs& pairs);

//! Name of the button that says what a POST of a question page asks for.
inline constexpr std::string_view kActionField = "hanh_dong";
//! Button value: reload the page to choose the next part of an address.
inline constexpr std::string_view kChooseAction = "chon";
//! Button value prefix: add an entry to group `<id>` ("them:con").
inline constexpr std::string_view kAddPrefix = "them:";
//! Button value prefix: remove entry `<i>` of group `<id>` ("xoa:con:1").
inline constexpr std::string_view kRemovePrefix = "xoa:";

//! Applies a group button (`kAddPrefix…` or `kRemovePrefix…`) to `pairs`: a removed entry's inputs are dropped
//! and the later entries renumbered; true when `action` was such a button.
bool ApplyGroupAction(std::string_view action, http::Pairs& pairs);

//! Lists the administrative units of an era under a parent ("" for provinces).
using ListUnits = std::function<std::vector<domain::AdminUnit>(const std::string& era, const std::string& parent)>;

//! What rendering questions needs.
struct QuestionContext {
  const Site& site;                                //!< Translations.
  std::string lang;                                //!< Interface language.
  const RawInputs& raw;                            //!< What to show in the inputs.
  const FieldErrors& errors;                       //!< Errors by input name.
  const std::vector<std::string>& officer_fields;  //!< Questions a guiding officer filled (tagged).
  const boost::json::object& answers;              //!< Stored answers (conditions on earlier pages).
  std::string era;                                 //!< Administrative-unit era of the dossier.
  ListUnits units;                                 //!< Administrative units for address questions.
};

//! The HTML of the questions of `fields` (templates/dossier/question.tpl each), names under `prefix`; questions
//! shown only under a radio answer are nested in that answer's conditional reveal.
std::string RenderQuestions(const std::vector<domain::FieldDef>& fields, const QuestionContext& q,
                            const std::string& prefix = "");

}  // namespace motcua::web
