#include "service/catalogue.hpp"

#include <spdlog/spdlog.h>

#include "store/catalogue_store.hpp"

namespace motcua::service {

CatalogueHolder::CatalogueHolder(store::Database& db, int32_t poll_ms)
    : db_(db), current_(std::make_shared<const domain::Catalogue>(store::LoadCatalogue(db))) {
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
  auto next = std::make_shared<const domain::Catalogue>(store::LoadCatalogue(db_));
  spdlog::info("catalogue reloaded: version {}, {} procedures", next->version(), next->procedures().size());
  const int64_t version = next->version();
  current_.store(std::move(next), std::memory_order_release);
  version_.store(version, std::memory_order_release);
  return true;
}

std::vector<domain::AdminUnit> CatalogueHolder::AdminUnits(const std::string& era,
                                                           const std::string& parent_code) const {
  return store::ListAdminUnits(db_, era, parent_code);
}

void CatalogueHolder::CheckStore() const { store::CheckHealth(db_); }

}  // namespace motcua::service
