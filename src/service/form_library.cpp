#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "app/files.hpp"
#include "domain/messages.hpp"
#include "service/dossiers.hpp"
#include "service/journal.hpp"
#include "store/form_store.hpp"

namespace motcua::service {

namespace {

using domain::Error;
using domain::ErrorKind;
using domain::N_;

constexpr const char* kNoSuchProcedure = N_("Không tìm thấy thủ tục này.");
constexpr const char* kNoSuchForm = N_("Không tìm thấy phiên bản biểu mẫu này.");
//! Faults of a seeded file named in the exception.
constexpr size_t kMaxReportedFaults = 5;

//! The JSON text of `form` as it is stored.
std::string TextOf(const domain::FormDefinition& form) {
  return boost::json::serialize(domain::ToJson(form));
}

}  // namespace

FormLibrary::FormLibrary(store::Database& db, const domain::Clock& clock, CatalogueHolder& catalogue)
    : db_(db), clock_(clock), catalogue_(catalogue) {}

domain::FormDefinition FormLibrary::Parsed(const std::string& procedure_code, int32_t version,
                                           const std::string& text) {
  const std::pair<std::string, int32_t> key{procedure_code, version};
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = parsed_.find(key); it != parsed_.end()) {
      return it->second;
    }
  }
  domain::Result<domain::FormDefinition> parsed = domain::ParseFormDefinition(text);
  if (!parsed) {
    // Only validated definitions are stored: a stored one that does not parse is a bug or a hand-edited table.
    throw std::runtime_error(fmt::format("form definition {} version {} in the store does not parse",
                                         procedure_code, version));
  }
  parsed->version = version;
  const std::lock_guard lock(mutex_);
  return parsed_.try_emplace(key, std::move(*parsed)).first->second;
}

domain::Result<domain::FormDefinition> FormLibrary::Current(std::string_view procedure_code) {
  const std::shared_ptr<const domain::Catalogue> catalogue = catalogue_.Get();
  const domain::Procedure* procedure = catalogue->FindProcedure(procedure_code);
  if (procedure == nullptr) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchProcedure);
  }
  std::optional<store::FormVersionRecord> current;
  db_.Read([&](store::Session& s) { current = store::FindCurrentForm(s, procedure_code); });
  if (!current) {
    // The generic form is kept as version 1 the first time it is needed, so a draft started on it stays on it
    // when a real form is published later.
    domain::FormDefinition generic = domain::GenericForm(*procedure);
    generic.version = 1;
    const std::string text = TextOf(generic);
    const domain::Instant now = clock_.Now();
    db_.Write([&](store::Session& s) {
      store::InsertFormVersionIfAbsent(s, procedure_code, 1, text, now);
      current = store::FindCurrentForm(s, procedure_code);
    });
  }
  return Parsed(current->procedure_code, current->version, current->definition);
}

domain::Result<domain::FormDefinition> FormLibrary::Version(std::string_view procedure_code, int32_t version) {
  const std::pair<std::string, int32_t> key{std::string(procedure_code), version};
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = parsed_.find(key); it != parsed_.end()) {
      return it->second;
    }
  }
  std::optional<store::FormVersionRecord> stored;
  db_.Read([&](store::Session& s) { stored = store::FindFormVersion(s, procedure_code, version); });
  if (!stored) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchForm);
  }
  return Parsed(stored->procedure_code, stored->version, stored->definition);
}

std::vector<std::pair<int32_t, domain::Instant>> FormLibrary::Versions(std::string_view procedure_code) {
  std::vector<store::FormVersionRecord> rows;
  db_.Read([&](store::Session& s) { rows = store::ListFormVersions(s, procedure_code); });
  std::vector<std::pair<int32_t, domain::Instant>> out;
  out.reserve(rows.size());
  for (const store::FormVersionRecord& r : rows) {
    out.emplace_back(r.version, r.published_at);
  }
  return out;
}

domain::Result<int32_t> FormLibrary::Publish(const Actor& actor, std::string_view procedure_code,
                                             std::string_view json_text) {
  if (!actor.principal.Has(domain::Role::kSystemAdmin)) {
    return Error::Of(ErrorKind::kForbidden, N_("Chỉ quản trị hệ thống được đăng biểu mẫu."));
  }
  if (catalogue_.Get()->FindProcedure(procedure_code) == nullptr) {
    return Error::Of(ErrorKind::kNotFound, kNoSuchProcedure);
  }
  domain::Result<domain::FormDefinition> parsed = domain::ParseFormDefinition(json_text);
  if (!parsed) {
    return parsed.error();
  }
  const domain::Instant now = clock_.Now();
  int32_t version = 0;
  try {
    db_.Write([&](store::Session& s) {
      version = store::NextFormVersion(s, procedure_code);
      domain::FormDefinition form = *parsed;
      form.version = version;
      store::InsertFormVersion(s, procedure_code, version, TextOf(form), now, actor.principal.user_id);
      Journal(s, actor,
              JournalEntry::Of("form.publish", "procedure", std::string(procedure_code),
                               Summary{}.Set("version", int64_t{version})));
    });
  } catch (const store::DatabaseError& e) {
    if (e.kind() != store::ErrorKind::kUniqueViolation) {
      throw;
    }
    return Error::Of(ErrorKind::kConflict, N_("Một phiên bản khác vừa được đăng cùng lúc. Hãy tải lại và thử lại."));
  }
  return version;
}

int32_t FormLibrary::Seed(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return 0;
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  const domain::Instant now = clock_.Now();
  int32_t published = 0;
  for (const fs::path& path : files) {
    const std::string code = path.stem().string();
    domain::Result<domain::FormDefinition> parsed = domain::ParseFormDefinition(app::ReadWholeFile(path.string()));
    if (!parsed) {
      std::string faults;
      for (size_t i = 0; i < parsed.error().fields.size() && i < kMaxReportedFaults; ++i) {
        faults += fmt::format(" {}: {};", parsed.error().fields[i].field, parsed.error().fields[i].message);
      }
      throw std::runtime_error(fmt::format("{}: not a valid form definition:{}", path.string(), faults));
    }
    parsed->version = 1;
    const std::string text = TextOf(*parsed);
    bool inserted = false;
    db_.Write([&](store::Session& s) {
      if (!store::FindCurrentForm(s, code)) {
        inserted = store::InsertFormVersionIfAbsent(s, code, 1, text, now);
      }
    });
    published += inserted ? 1 : 0;
  }
  return published;
}

}  // namespace motcua::service
