#include "service/catalogue.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

#include "app/files.hpp"
#include "store/catalogue_store.hpp"

namespace motcua::service {

namespace {

//! Citizens choose their commune among the units since the 1/7/2025 reform (no districts).
constexpr std::string_view kDeskEra = "2025";

}  // namespace

std::vector<domain::Synonym> ReadSynonymFile(const std::string& path) {
  domain::SynonymImport import = domain::ReadSynonyms(app::ReadWholeFile(path));
  if (import.errors.empty()) {
    return std::move(import.synonyms);
  }
  std::string message;
  for (const domain::RowError& e : import.errors) {
    message += fmt::format("{}{}:{}: {}", message.empty() ? "" : "\n", path, e.line, e.reason);
  }
  throw std::runtime_error(message);
}

CatalogueHolder::CatalogueHolder(store::Database& db, int32_t poll_ms, std::vector<domain::Synonym> synonyms)
    : db_(db),
      synonyms_(std::move(synonyms)),
      desks_(std::make_shared<const domain::DeskDirectory>(store::ListDesks(db),
                                                           store::ListAdminUnitsOfEra(db, std::string(kDeskEra)))) {
  current_.store(Load());
  version_.store(current_.load()->version());
  poller_ = std::thread([this, poll_ms] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      stop_cv_.wait_for(lock, std::chrono::milliseconds(poll_ms));
      if (stopping_) {
        break;
      }
      lock.unlock();
      try {
        Refresh();
      } catch (const std::exception& e) {
        spdlog::warn("catalogue refresh failed: {}", e.what());
      }
      lock.lock();
    }
  });
}

CatalogueHolder::~CatalogueHolder() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  poller_.join();
}

bool CatalogueHolder::Refresh() {
  const int64_t stored = store::CatalogueVersion(db_);
  if (stored == Get()->version()) {
    return false;
  }
  std::shared_ptr<const domain::Catalogue> next = Load();
  desks_.store(std::make_shared<const domain::DeskDirectory>(store::ListDesks(db_),
                                                             store::ListAdminUnitsOfEra(db_, std::string(kDeskEra))),
               std::memory_order_release);
  spdlog::info("catalogue reloaded: version {}, {} procedures", next->version(), next->procedures().size());
  const int64_t version = next->version();
  current_.store(std::move(next), std::memory_order_release);
  version_.store(version, std::memory_order_release);
  return true;
}

std::shared_ptr<const domain::Catalogue> CatalogueHolder::Load() const {
  auto catalogue = std::make_shared<domain::Catalogue>(store::LoadCatalogue(db_));
  catalogue->UseSynonyms(synonyms_);
  return catalogue;
}

std::vector<domain::AdminUnit> CatalogueHolder::AdminUnits(const std::string& era,
                                                           const std::string& parent_code) const {
  return store::ListAdminUnits(db_, era, parent_code);
}

void CatalogueHolder::CheckStore() const { store::CheckHealth(db_); }

}  // namespace motcua::service
