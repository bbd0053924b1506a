#include "web/templates.hpp"

#include "app/files.hpp"

#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace motcua::web {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kOpen = "_(\"";
constexpr std::string_view kClose = "\")";
constexpr ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

}  // namespace

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::vector<std::string> Templates::MessageIds(std::string_view text) {
  std::vector<std::string> ids;
  size_t pos = 0;
  while ((pos = text.find(kOpen, pos)) != std::string_view::npos) {
    const size_t start = pos + kOpen.size();
    const size_t end = text.find(kClose, start);
    if (end == std::string_view::npos) {
      break;
    }
    ids.emplace_back(text.substr(start, end - start));
    pos = end + kClose.size();
  }
  return ids;
}

std::string Templates::Translate(std::string_view text, std::string_view lang, const Translator& translator) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (;;) {
    const size_t open = text.find(kOpen, pos);
    if (open == std::string_view::npos) {
      out.append(text.substr(pos));
      return out;
    }
    const size_t start = open + kOpen.size();
    const size_t end = text.find(kClose, start);
    if (end == std::string_view::npos) {
      throw std::runtime_error("unterminated _(\"…\") in a template");
    }
    out.append(text.substr(pos, open - pos));
    out += HtmlEscape(translator.Get(lang, text.substr(start, end - start)));
    pos = end + kClose.size();
  }
}

std::string Templates::Key(std::string_view lang, std::string_view name) {
  return fmt::format("{}/{}.tpl", lang, name);
}

Templates::Templates(const std::string& dir, const Translator& translator)
    : cache_(std::make_unique<ctemplate::TemplateCache>()) {
  const fs::path root(dir);
  if (!fs::is_directory(root)) {
    throw std::runtime_error("template folder not found: " + dir);
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".tpl") {
      continue;
    }
    std::string name = fs::relative(entry.path(), root).replace_extension().generic_string();
    const std::string text = app::ReadWholeFile(entry.path().string());
    for (const std::string& lang : Languages()) {
      const std::string translated = Translate(text, lang, translator);
      if (!cache_->StringToTemplateCache(Key(lang, name), translated, kStrip)) {
        throw std::runtime_error(fmt::format("template {} does not compile", entry.path().string()));
      }
    }
  }
}

std::string Templates::Render(std::string_view lang, std::string_view name,
                              const ctemplate::TemplateDictionary& dict) const {
  std::string out;
  ctemplate::StringEmitter emitter(&out);
  if (!cache_->ExpandWithData(Key(lang, name), kStrip, &dict, nullptr, &emitter)) {
    throw std::runtime_error(fmt::format("template {} failed to expand", Key(lang, name)));
  }
  return out;
}

}  // namespace motcua::web
