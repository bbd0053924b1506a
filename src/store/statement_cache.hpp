#pragma once
//! A bounded least-recently-used cache of prepared statements, shared by the SQLite and PostgreSQL engines.

#include <cstddef>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace motcua::store {

//! Prepared statements of one connection by key (the SQL text, plus parameter types on PostgreSQL), at most
//! `capacity` of them; inserting into a full cache hands back the least recently used entry for the caller to
//! release (sqlite3_finalize, DEALLOCATE).
template <typename Statement>
class StatementCache {
 public:
  //! An empty cache holding at most `capacity` statements (at least one).
  explicit StatementCache(size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  //! The statement cached under `key`, now the most recently used; null when absent.
  Statement* Find(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) {
      return nullptr;
    }
    order_.splice(order_.begin(), order_, it->second);
    return &it->second->second;
  }

  //! Removes the statement cached under `key` and hands it over; nothing when absent.
  std::optional<Statement> Take(const std::string& key) {
    const auto it = index_.find(key);
    if (it == index_.end()) {
      return std::nullopt;
    }
    Statement out = std::move(it->second->second);
    order_.erase(it->second);
    index_.erase(it);
    return out;
  }

  //! Caches `statement` under `key` (which must be absent) as the most recently used; returns the evicted
  //! least recently used statement when the cache was full.
  std::optional<Statement> Put(const std::string& key, Statement statement) {
    std::optional<Statement> evicted;
    if (order_.size() >= capacity_) {
      evicted = std::move(order_.back().second);
      index_.erase(order_.back().first);
      order_.pop_back();
    }
    order_.emplace_front(key, std::move(statement));
    index_[key] = order_.begin();
    return evicted;
  }

  //! Number of statements cached.
  size_t size() const { return order_.size(); }

  //! Most statements this cache holds.
  size_t capacity() const { return capacity_; }

 private:
  using Entry = std::pair<std::string, Statement>;
  size_t capacity_;
  std::list<Entry> order_;  // Most recently used first.
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace motcua::store
