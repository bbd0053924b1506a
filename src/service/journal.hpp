#pragma once
//! Writing the audit journal from a request: who (account, roles, agencies), from where, which request.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/actor.hpp"
#include "store/database.hpp"

namespace motcua::service {

//! A journal summary built from typed values, serialised as JSON: top-level facts and an "after" object.
class Summary {
 public:
  //! Adds the fact `key` = `value`.
  Summary& Set(std::string key, std::string value);
  //! Adds the fact `key` = `value` (a number).
  Summary& Set(std::string key, int64_t value);
  //! Adds `key` = `value` to the "after" object (the state the change left).
  Summary& After(std::string key, std::string value);
  //! The JSON text ("" when nothing was added).
  std::string Json() const;

 private:
  struct Item {
    std::string key;
    std::string text;
    int64_t number = 0;
    bool is_number = false;
    bool after = false;
  };
  std::vector<Item> items_;
};

//! What was done to which object, with a JSON before/after summary.
struct JournalEntry {
  std::string action;       //!< e.g. "login.success", "account.create", "citizen.view".
  std::string object_type;  //!< e.g. "user", "session", "organisation", "api_token".
  std::string object_id;    //!< The object's id.
  std::string summary;      //!< JSON, e.g. {"before":{…},"after":{…}}; never a password or code.

  //! An entry about `object_type` `object_id` with a typed summary.
  static JournalEntry Of(std::string action, std::string object_type, std::string object_id,
                         const Summary& summary = Summary{}) {
    return JournalEntry{std::move(action), std::move(object_type), std::move(object_id), summary.Json()};
  }
};

//! Appends `entry` done by `actor` inside the write transaction `s`.
void Journal(store::Session& s, const Actor& actor, const JournalEntry& entry);

//! Same, recorded as done by account `account_id` named `name` (sign-in: the actor is still anonymous).
void JournalAs(store::Session& s, const Actor& actor, int64_t account_id, const std::string& name,
               const JournalEntry& entry);

}  // namespace motcua::service
