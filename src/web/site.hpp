#pragma once
//! What every page handler shares: the catalogue snapshot, templates, translations, assets and the store.

#include <ctemplate/template.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "access/auth.hpp"
#include "app/config.hpp"
#include "domain/catalogue.hpp"
#include "domain/dates.hpp"
#include "domain/time.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "service/catalogue.hpp"
#include "web/i18n.hpp"
#include "web/templates.hpp"

namespace motcua::web {

//! Fills the content dictionary of a page.
using Fill = std::function<void(ctemplate::TemplateDictionary& page)>;

//! Shared services of the web and API handlers.
class Site {
 public:
  //! Wires the services; all references must outlive the site.
  Site(const app::Config& config, const domain::Clock& clock, service::CatalogueHolder& catalogue,
       const Translator& translator, const Templates& templates, const http::StaticFiles& assets);
  //! The interface language of a request: ?lang=, else the "lang" cookie, else Vietnamese.
  std::string Lang(const http::Request& req) const;
  //! Translates a Vietnamese message id.
  std::string T(std::string_view lang, std::string_view msgid) const { return translator_.Get(lang, msgid); }
  //! Translates a Vietnamese message id that follows the number `n` (English: "1 day", "2 days").
  std::string TN(std::string_view lang, std::string_view singular, std::string_view plural, int64_t n) const {
    return translator_.GetPlural(lang, singular, plural, n);
  }
  //! Renders template `name` inside the site layout.
  http::Response Page(const http::Request& req, std::string_view name, const std::string& title, const Fill& fill,
                      int32_t status = http::kOk) const;
  //! Expands template `name` in `lang` with `dict`: a fragment outside the layout (questions of a dossier page).
  std::string Render(std::string_view lang, std::string_view name, const ctemplate::TemplateDictionary& dict) const {
    return templates_.Render(lang, name, dict);
  }
  //! The layout header's account area for the request's caller (the slot a cached page fills per request).
  std::string AccountArea(const http::Request& req) const;
  //! Markers around the account area in every page (HTML comments, left in place).
  static constexpr std::string_view kAccountSlotOpen = "<!--tai-khoan-->";
  //! Closing marker of the account area.
  static constexpr std::string_view kAccountSlotClose = "<!--/tai-khoan-->";
  //! An error page with the request id shown (never internals).
  http::Response ErrorPage(const http::Request& req, int32_t status, const std::string& message) const;
  //! An error page with a form that sends `fields` to the same address again (what was typed is kept).
  http::Response ErrorPageWithResubmit(const http::Request& req, int32_t status, const std::string& message,
                                       const http::Pairs& fields) const;
  //! The catalogue snapshot.
  std::shared_ptr<const domain::Catalogue> catalogue() const { return catalogue_.Get(); }
  //! The desks and the units citizens choose from, as of the catalogue snapshot.
  std::shared_ptr<const domain::DeskDirectory> desks() const { return catalogue_.Desks(); }
  //! The catalogue snapshot's version.
  int64_t catalogue_version() const { return catalogue_.Version(); }
  //! Today in Vietnam, by the site's clock (the date checks of forms).
  domain::CivilDate Today() const { return domain::VietnamToday(clock_.Now()); }
  //! The configuration.
  const app::Config& config() const { return config_; }

 private:
  const app::Config& config_;
  const domain::Clock& clock_;
  service::CatalogueHolder& catalogue_;
  const Translator& translator_;
  const Templates& templates_;
  const http::StaticFiles& assets_;
};

//! Digits of a phone number for a tel: link ("0228 3 000 100" → "02283000100").
std::string TelDigits(std::string_view phone);
//! Adds the procedure search form (include SEARCH_FORM) showing `text`.
void AddSearchForm(ctemplate::TemplateDictionary& page, std::string_view lang, const std::string& text);
//! A User-Agent header as people know it: "Chrome trên Android" ("Chrome on Android").
std::string UserAgentText(const Site& site, std::string_view lang, std::string_view header);
//! Vietnamese (or English) name of a tier.
std::string LevelName(const Site& site, std::string_view lang, domain::Level level);
//! Name of a time unit, e.g. "ngày làm việc".
std::string TimeUnitName(const Site& site, std::string_view lang, domain::TimeUnit unit, double value);
//! Name of an online service level.
std::string OnlineLevelName(const Site& site, std::string_view lang, domain::OnlineLevel level);
//! Name of a channel.
std::string ChannelName(const Site& site, std::string_view lang, domain::Channel channel);

//! Registers the citizen-facing catalogue pages.
void AddCataloguePages(access::RouteTable& routes, const Site& site);
//! Registers the pages of services that open in later releases, and the static information pages.
void AddInformationPages(access::RouteTable& routes, const Site& site);

}  // namespace motcua::web
