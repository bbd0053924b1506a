#pragma once
//! Page templates (ctemplate, auto-escaped HTML) with their interface text already translated per language.

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_emitter.h>

#include <memory>
#include <string>
#include <string_view>

#include "web/i18n.hpp"

namespace motcua::web {

//! Every template of a folder, compiled once per language.
class Templates {
 public:
  //! Loads `dir`/*.tpl (and partials/*.tpl); text written `_("…")` in a template is replaced by its translation.
  Templates(const std::string& dir, const Translator& translator);
  //! Expands template `name` (e.g. "home") in `lang` with `dict`.
  std::string Render(std::string_view lang, std::string_view name, const ctemplate::TemplateDictionary& dict) const;
  //! The registered name of template `name` in `lang`, for include dictionaries.
  static std::string Key(std::string_view lang, std::string_view name);
  //! The message ids found in `text` (used by the translation-coverage test).
  static std::vector<std::string> MessageIds(std::string_view text);
  //! `text` with every `_("…")` replaced by its HTML-escaped translation into `lang`.
  static std::string Translate(std::string_view text, std::string_view lang, const Translator& translator);

 private:
  std::unique_ptr<ctemplate::TemplateCache> cache_;
};

//! Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view s);

}  // namespace motcua::web
