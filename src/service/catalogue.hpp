#pragma once
//! The catalogue snapshot every reader shares, reloaded when another node or an import changes it.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/desks.hpp"
#include "domain/reference_import.hpp"
#include "domain/search_synonyms.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! Reads the reviewed synonym table of search (data/reference/search-synonyms.csv); throws std::runtime_error naming
//! the file and the line of every malformed row, so a bad edit stops the server at start instead of search going
//! quietly wrong.
std::vector<domain::Synonym> ReadSynonymFile(const std::string& path);

//! Keeps the current catalogue snapshot and reloads it when the version in the store changes (another node or
//! an import may change it).
class CatalogueHolder {
 public:
  //! Loads the first snapshot and starts polling every `poll_ms`; every snapshot expands queries with `synonyms`.
  CatalogueHolder(store::Database& db, int32_t poll_ms, std::vector<domain::Synonym> synonyms = {});
  ~CatalogueHolder();
  CatalogueHolder(const CatalogueHolder&) = delete;
  CatalogueHolder& operator=(const CatalogueHolder&) = delete;
  //! The current snapshot (an atomic load: no lock on the request path).
  std::shared_ptr<const domain::Catalogue> Get() const { return current_.load(std::memory_order_acquire); }
  //! The current snapshot's version (cheaper than Get: no reference count touched).
  int64_t Version() const { return version_.load(std::memory_order_acquire); }
  //! The desks as of the current snapshot (reloaded with it).
  std::shared_ptr<const domain::DeskDirectory> Desks() const { return desks_.load(std::memory_order_acquire); }
  //! Administrative units of `era` ("2024" or "2025") under `parent_code` (provinces when empty), read from the store.
  std::vector<domain::AdminUnit> AdminUnits(const std::string& era, const std::string& parent_code) const;
  //! Throws when the store cannot answer a trivial query (the health check).
  void CheckStore() const;
  //! Reloads now when the stored version differs; returns true when it reloaded.
  bool Refresh();

 private:
  //! The store's catalogue with the synonym table applied.
  std::shared_ptr<const domain::Catalogue> Load() const;

  store::Database& db_;
  const std::vector<domain::Synonym> synonyms_;
  std::mutex mutex_;  // the poller's sleep and stop flag only
  std::atomic<std::shared_ptr<const domain::Catalogue>> current_;
  std::atomic<std::shared_ptr<const domain::DeskDirectory>> desks_;
  std::atomic<int64_t> version_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread poller_;
};

}  // namespace motcua::service
