#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include "access/auth.hpp"
#include "domain/user_agent.hpp"
#include "http/url.hpp"

namespace motcua::web {

namespace {

constexpr std::string_view kAccountArea = "partials/account_area";

//! The header's account links: "Đăng nhập", or the caller's name, the office link and "Đăng xuất".
void FillAccountArea(ctemplate::TemplateDictionary& d, const access::Caller& caller) {
  if (!caller.principal.signed_in()) {
    d.ShowSection("SIGNED_OUT");
    return;
  }
  d.ShowSection("SIGNED_IN");
  d.SetValue("USER_NAME", caller.principal.name);
  d.SetValue("CSRF", caller.csrf_token);
  if (caller.principal.IsOfficer()) {
    d.ShowSection("IS_OFFICER");
  }
}

}  // namespace

std::string TelDigits(std::string_view phone) {
  std::string out;
  for (const char c : phone) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out;
}

Site::Site(const app::Config& config, const domain::Clock& clock, service::CatalogueHolder& catalogue,
           const Translator& translator, const Templates& templates, const http::StaticFiles& assets)
    : config_(config),
      clock_(clock),
      catalogue_(catalogue),
      translator_(translator),
      templates_(templates),
      assets_(assets) {}

std::string Site::Lang(const http::Request& req) const {
  const std::string_view query = req.Query("lang");
  if (Translator::IsSupported(query)) {
    return std::string(query);
  }
  std::string cookie = req.Cookie("lang");
  if (Translator::IsSupported(cookie)) {
    return cookie;
  }
  return Languages().front();
}

http::Response Site::Page(const http::Request& req, std::string_view name, const std::string& title, const Fill& fill,
                          int32_t status) const {
  const std::string lang = Lang(req);
  ctemplate::TemplateDictionary root("layout");
  root.SetValue("LANG", lang);
  root.SetValue("TITLE", title);
  root.SetValue("CSS_URL", assets_.AssetUrl("app.css"));
  root.SetValue("JS_URL", assets_.AssetUrl("app.js"));
  root.SetValue("FAVICON_ICO", assets_.AssetUrl("favicon.ico"));
  root.SetValue("FAVICON_SVG", assets_.AssetUrl("images/favicon.svg"));
  root.SetValue("WEBMANIFEST", assets_.AssetUrl("site.webmanifest"));
  // Language switch: the same page in the other language.
  const std::string other = lang == "vi" ? "en" : "vi";
  std::string path = req.path;
  std::string query;
  for (const auto& [k, v] : req.query) {
    if (k != "lang") {
      query += (query.empty() ? "" : "&") + http::PercentEncode(k) + "=" + http::PercentEncode(v);
    }
  }
  root.SetValue("HOTLINE", config_.hotline);
  root.SetValue("HOTLINE_TEL", TelDigits(config_.hotline));
  root.SetValue("OTHER_LANG", other);
  root.SetValue("OTHER_LANG_NAME", other == "en" ? "English" : "Tiếng Việt");
  root.SetValue("OTHER_LANG_URL", path + "?" + query + (query.empty() ? "" : "&") + "lang=" + other);
  ctemplate::TemplateDictionary* account = root.AddIncludeDictionary("ACCOUNT_AREA");
  account->SetFilename(Templates::Key(lang, kAccountArea));
  FillAccountArea(*account, access::CallerOf(req));
  ctemplate::TemplateDictionary* content = root.AddIncludeDictionary("CONTENT");
  content->SetFilename(Templates::Key(lang, name));

  fill(*content);
  return http::Response::Html(templates_.Render(lang, "layout", root), status);
}

std::string Site::AccountArea(const http::Request& req) const {
  const std::string lang = Lang(req);
  ctemplate::TemplateDictionary d("account");
  FillAccountArea(d, access::CallerOf(req));
  return templates_.Render(lang, kAccountArea, d);
}

http::Response Site::ErrorPage(const http::Request& req, int32_t status, const std::string& message) const {
  return ErrorPageWithResubmit(req, status, message, {});
}

http::Response Site::ErrorPageWithResubmit(const http::Request& req, int32_t status, const std::string& message,
                                           const http::Pairs& fields) const {
  const std::string lang = Lang(req);
  std::string title;
  switch (status) {
    case http::kNotFound:
      title = T(lang, "Không tìm thấy trang");
      break;
    case http::kMethodNotAllowed:
      title = T(lang, "Phương thức không được hỗ trợ");
      break;
    case http::kInternalError:
      title = T(lang, "Xin lỗi, hệ thống đang gặp sự cố");
      break;
    case http::kServiceUnavailable:
      title = T(lang, "Hệ thống đang quá tải");
      break;
    default:
      title = T(lang, "Yêu cầu không hợp lệ");
  }
  return Page(
      req, "error", title,
      [&](ctemplate::TemplateDictionary& d) {
        d.SetValue("HEADING", title);
        d.SetValue("MESSAGE", message);
        d.SetValue("REQUEST_ID", req.request_id);
        d.SetIntValue("STATUS", status);
        if (status == http::kNotFound) {
          d.ShowSection("NOT_FOUND");
        }
        if (!fields.empty()) {
          ctemplate::TemplateDictionary* form = d.AddSectionDictionary("RESUBMIT");
          form->SetValue("ACTION", req.target);
          for (const auto& [name, value] : fields) {
            ctemplate::TemplateDictionary* field = form->AddSectionDictionary("FIELD");
            field->SetValue("NAME", name);
            field->SetValue("VALUE", value);
          }
        }
      },
      status);
}

void AddSearchForm(ctemplate::TemplateDictionary& page, std::string_view lang, const std::string& text) {
  // An included template sees only its own dictionary, so the search text is set on it too.
  ctemplate::TemplateDictionary* form = page.AddIncludeDictionary("SEARCH_FORM");
  form->SetFilename(Templates::Key(lang, "search_form"));
  form->SetValue("Q", text);
}

std::string UserAgentText(const Site& site, std::string_view lang, std::string_view header) {
  const domain::UserAgentSummary ua = domain::SummariseUserAgent(header);
  if (ua.system.empty()) {
    return ua.browser.empty() ? site.T(lang, "Trình duyệt không rõ") : ua.browser;
  }
  const std::string browser = ua.browser.empty() ? site.T(lang, "Trình duyệt khác") : ua.browser;
  return browser + " " + site.T(lang, "trên") + " " + ua.system;
}

std::string LevelName(const Site& site, std::string_view lang, domain::Level level) {
  switch (level) {
    case domain::Level::kProvince:
      return site.T(lang, "Cấp tỉnh");
    case domain::Level::kDistrict:
      return site.T(lang, "Cấp huyện");
    case domain::Level::kCommune:
      return site.T(lang, "Cấp xã");
  }
  return {};
}

std::string TimeUnitName(const Site& site, std::string_view lang, domain::TimeUnit unit, double value) {
  const int64_t n = value == 1.0 ? 1 : 2;  // plural forms only need to know "one" from "other"
  switch (unit) {
    case domain::TimeUnit::kWorkingDay:
      return site.TN(lang, "ngày làm việc", "ngày làm việc", n);
    case domain::TimeUnit::kDay:
      return site.TN(lang, "ngày", "ngày", n);
    case domain::TimeUnit::kHour:
      return site.TN(lang, "giờ", "giờ", n);
    case domain::TimeUnit::kMonth:
      return site.TN(lang, "tháng", "tháng", n);
    case domain::TimeUnit::kUnspecified:
      return site.T(lang, "(chưa ghi đơn vị)");
  }
  return {};
}

std::string OnlineLevelName(const Site& site, std::string_view lang, domain::OnlineLevel level) {
  switch (level) {
    case domain::OnlineLevel::kFull:
      return site.T(lang, "Dịch vụ công trực tuyến toàn trình");
    case domain::OnlineLevel::kPartial:
      return site.T(lang, "Dịch vụ công trực tuyến một phần");
    case domain::OnlineLevel::kNone:
      return site.T(lang, "Chỉ nộp trực tiếp hoặc qua bưu chính");
  }
  return {};
}

std::string ChannelName(const Site& site, std::string_view lang, domain::Channel channel) {
  switch (channel) {
    case domain::Channel::kInPerson:
      return site.T(lang, "Trực tiếp");
    case domain::Channel::kOnline:
      return site.T(lang, "Trực tuyến");
    case domain::Channel::kPost:
      return site.T(lang, "Dịch vụ bưu chính");
  }
  return {};
}

}  // namespace motcua::web
