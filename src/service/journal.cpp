#include "service/journal.hpp"

#include <set>

#include <boost/json.hpp>

#include "domain/audit.hpp"
#include "domain/constants.hpp"
#include "store/audit_store.hpp"

namespace motcua::service {

namespace {

domain::AuditEntry Base(const Actor& actor, const JournalEntry& entry) {
  domain::AuditEntry e;
  e.action = entry.action;
  e.object_type = entry.object_type;
  e.object_id = entry.object_id;
  e.summary = entry.summary;
  e.ip = actor.address;
  e.user_agent = actor.user_agent.substr(0, domain::kMaxUserAgentBytes);
  e.request_id = actor.request_id;
  return e;
}

}  // namespace

Summary& Summary::Set(std::string key, std::string value) {
  items_.push_back(Item{std::move(key), std::move(value), 0, false, false});
  return *this;
}

Summary& Summary::Set(std::string key, int64_t value) {
  items_.push_back(Item{std::move(key), {}, value, true, false});
  return *this;
}

Summary& Summary::After(std::string key, std::string value) {
  items_.push_back(Item{std::move(key), std::move(value), 0, false, true});
  return *this;
}

std::string Summary::Json() const {
  if (items_.empty()) {
    return {};
  }
  boost::json::object top;
  boost::json::object after;
  for (const Item& item : items_) {
    boost::json::object& into = item.after ? after : top;
    if (item.is_number) {
      into[item.key] = item.number;
    } else {
      into[item.key] = item.text;
    }
  }
  if (!after.empty()) {
    top["after"] = std::move(after);
  }
  return boost::json::serialize(top);
}

void Journal(store::Session& s, const Actor& actor, const JournalEntry& entry) {
  domain::AuditEntry e = Base(actor, entry);
  const domain::Principal& p = actor.principal;
  if (p.signed_in()) {
    e.actor_id = p.user_id;
    e.actor_name = p.name;
    std::set<std::string> roles;
    std::set<std::string> agencies;
    for (const domain::Grant& g : p.grants) {
      roles.emplace(domain::RoleCode(g.role));
      agencies.insert(g.agency_code);
    }
    for (const std::string& r : roles) {
      e.actor_role += (e.actor_role.empty() ? "" : ",") + r;
    }
    for (const std::string& a : agencies) {
      e.actor_agency += (e.actor_agency.empty() ? "" : ",") + a;
    }
    if (e.actor_role.empty()) {
      e.actor_role = p.has_personal_id ? "citizen" : "account";
    }
  }
  store::AppendAudit(s, std::move(e));
}

void JournalAs(store::Session& s, const Actor& actor, int64_t account_id, const std::string& name,
               const JournalEntry& entry) {
  domain::AuditEntry e = Base(actor, entry);
  if (account_id != 0) {
    e.actor_id = account_id;
    e.actor_name = name;
  }
  store::AppendAudit(s, std::move(e));
}

}  // namespace motcua::service
