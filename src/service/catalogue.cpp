#include "service/catalogue.hpp"

#include <spdlog/spdlog.h>

#include "store/catalogue_store.hpp"

namespace motcua::service {

CatalogueHolder::CatalogueHolder(store::Database& db, int32_t poll_ms)
    : db_(db), current_(std::make_shared<const domain::Catalogue>(store::LoadCatalogue(db))) {
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

std::shared_ptr<const domain::Catalogue> CatalogueHolder::Get() const {
  std::lock_guard lock(mutex_);
  return current_;
}

bool CatalogueHolder::Refresh() {
  const int64_t stored = store::CatalogueVersion(db_);
  if (stored == Get()->version()) {
    return false;
  }
  auto next = std::make_shared<const domain::Catalogue>(store::LoadCatalogue(db_));
  spdlog::info("catalogue reloaded: version {}, {} procedures", next->version(), next->procedures().size());
  std::lock_guard lock(mutex_);
  current_ = std::move(next);
  return true;
}

std::vector<domain::AdminUnit> CatalogueHolder::AdminUnits(const std::string& era,
                                                           const std::string& parent_code) const {
  return store::ListAdminUnits(db_, era, parent_code);
}

void CatalogueHolder::CheckStore() const { store::CheckHealth(db_); }

}  // namespace motcua::service
