#include "web/i18n.hpp"
#include "app/build_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "domain/result.hpp"
#include "web/templates.hpp"

namespace motcua::web {

namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Translator& TheTranslator() {
  static const Translator t(motcua::app::BuildDir() + "/locale");
  return t;
}

}  // namespace

TEST(I18n, VietnameseIsTheSourceAndEnglishIsTranslated) {
  const Translator& t = TheTranslator();
  EXPECT_EQ(t.Get("vi", "Nộp hồ sơ trực tuyến"), "Nộp hồ sơ trực tuyến");
  EXPECT_EQ(t.Get("en", "Nộp hồ sơ trực tuyến"), "Apply online");
  EXPECT_EQ(t.Get("en", "một câu chưa có bản dịch"), "một câu chưa có bản dịch");
  EXPECT_TRUE(Translator::IsSupported("en"));
  EXPECT_FALSE(Translator::IsSupported("fr"));
}

TEST(I18n, MessageArgumentsGoIntoTheTranslatedText) {
  const Translator& t = TheTranslator();
  const std::string msg = motcua::domain::MessageWith("Tệp quá lớn: mỗi tệp tối đa {} MB.", {"10"});
  EXPECT_EQ(t.Get("vi", msg), "Tệp quá lớn: mỗi tệp tối đa 10 MB.");
  EXPECT_EQ(t.Get("en", msg), "The file is too large: each file may be at most 10 MB.");
  // A missing argument leaves its place visible; an extra one is dropped; an empty one is empty.
  EXPECT_EQ(t.Get("vi", motcua::domain::MessageWith("{} và {}", {"A"})), "A và {}");
  EXPECT_EQ(t.Get("vi", motcua::domain::MessageWith("{}", {"A", "B"})), "A");
  EXPECT_EQ(t.Get("vi", motcua::domain::MessageWith("[{}]", {""})), "[]");
}

TEST(I18n, EveryTemplateTextHasAnEnglishTranslation) {
  const Translator& t = TheTranslator();
  std::vector<std::string> missing;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(motcua::app::SourceDir()) / "templates")) {
    for (const std::string& id : Templates::MessageIds(Read(e.path()))) {
      if (t.Get("en", id) == id) {
        missing.push_back(e.path().filename().string() + ": " + id);
      }
    }
  }
  EXPECT_TRUE(missing.empty()) << "untranslated (run scripts/extract-messages.sh): " << missing.front();
}

TEST(I18n, EveryCodeTextHasAnEnglishTranslation) {
  const Translator& t = TheTranslator();
  // T(lang, "…") where the text is translated, N_("…") where the domain returns it for the web layer.
  const std::regex call(R"((?:T\([a-z_]+, |N_\()\"([^\"]+)\"\))");
  std::vector<std::string> missing;
  size_t seen = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(motcua::app::SourceDir()) / "src")) {
    if (e.path().extension() != ".cpp" || e.path().filename().string().ends_with("_test.cpp")) {
      continue;
    }
    const std::string text = Read(e.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
      ++seen;
      const std::string id = (*it)[1];
      if (t.Get("en", id) == id) {
        missing.push_back(e.path().filename().string() + ": " + id);
      }
    }
  }
  EXPECT_GT(seen, 20u);
  EXPECT_TRUE(missing.empty()) << "untranslated (run scripts/extract-messages.sh): " << missing.front();
}

TEST(Templates, TranslatedTextIsEscapedAndMarkersAreFound) {
  EXPECT_EQ(Templates::MessageIds("<p>_(\"Một\") và _(\"Hai\")</p>"), (std::vector<std::string>{"Một", "Hai"}));
  EXPECT_EQ(HtmlEscape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(Templates::Translate("<b>_(\"Nộp hồ sơ trực tuyến\")</b>", "en", TheTranslator()), "<b>Apply online</b>");
}

TEST(Templates, EveryTemplateCompilesAndVariablesAreEscaped) {
  const Templates templates(motcua::app::SourceDir() + "/templates", TheTranslator());
  ctemplate::TemplateDictionary d("t");
  d.SetValue("HEADING", "<script>alert(1)</script>");
  d.SetValue("MESSAGE", "\" onmouseover=\"x");
  d.SetValue("REQUEST_ID", "abc");
  const std::string html = templates.Render("vi", "error", d);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Mã yêu cầu"), std::string::npos);
  EXPECT_NE(templates.Render("en", "error", d).find("Request ID (for the support team)"), std::string::npos);
}

}  // namespace motcua::web

namespace motcua::web {

TEST(I18n, EnglishPluralsFollowTheCount) {
  const Translator t(motcua::app::BuildDir() + "/locale");
  EXPECT_EQ(t.GetPlural("en", "ngày làm việc", "ngày làm việc", 1), "working day");
  EXPECT_EQ(t.GetPlural("en", "ngày làm việc", "ngày làm việc", 5), "working days");
  EXPECT_EQ(t.GetPlural("en", "thủ tục", "thủ tục", 1), "procedure");
  EXPECT_EQ(t.GetPlural("vi", "thủ tục", "thủ tục", 7), "thủ tục");
}

}  // namespace motcua::web
