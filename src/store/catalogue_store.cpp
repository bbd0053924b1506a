#include "store/catalogue_store.hpp"

#include "domain/text.hpp"
#include "domain/time.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <unordered_map>

namespace motcua::store {

namespace json = boost::json;
using domain::Procedure;

namespace {

//! The meta setting counting catalogue changes (nodes compare it to know when to reload).
constexpr std::string_view kVersionKey = "catalogue_version";

//! The stored catalogue version (0 when missing or unreadable).
int64_t ReadVersion(Session& s) {
  const std::string text = ReadMeta(s, kVersionKey).value_or("0");
  int64_t version = 0;
  std::from_chars(text.data(), text.data() + text.size(), version);
  return version;
}

std::string LevelsText(const std::vector<domain::Level>& levels) {
  std::string out;
  for (const domain::Level l : levels) {
    out += (out.empty() ? "" : ",") + std::string(domain::ToString(l));
  }
  return out;
}

std::vector<domain::Level> ParseLevelsText(const std::string& text) {
  std::vector<domain::Level> levels;
  for (const std::string& name : domain::SplitList(text, ",")) {
    if (const auto l = domain::ParseLevel(name)) {
      levels.push_back(*l);
    }
  }
  return levels;
}

std::string StringsToJson(const std::vector<std::string>& items) {
  json::array a;
  for (const std::string& s : items) {
    a.emplace_back(s);
  }
  return json::serialize(a);
}

//! The array stored in a JSON text column; empty for an empty or damaged value (the page then omits it).
json::array ParseArray(const std::string& text) {
  if (text.empty()) {
    return {};
  }
  json::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_array()) {
    return {};
  }
  return std::move(v.as_array());
}

std::vector<std::string> StringsFromJson(const std::string& text) {
  std::vector<std::string> out;
  for (const json::value& item : ParseArray(text)) {
    if (item.is_string()) {
      out.emplace_back(item.as_string());
    }
  }
  return out;
}

std::string FormsToJson(const std::vector<domain::Form>& forms) {
  json::array a;
  for (const domain::Form& f : forms) {
    json::array fields;
    for (const domain::FormField& ff : f.fields) {
      fields.push_back(json::object{{"label", ff.label}, {"lines", ff.lines}});
    }
    a.push_back(json::object{{"id", f.id}, {"name", f.name}, {"legal_basis", f.legal_basis}, {"fields", fields}});
  }
  return json::serialize(a);
}

std::vector<domain::Form> FormsFromJson(const std::string& text) {
  std::vector<domain::Form> out;
  auto str = [](const json::object& o, std::string_view key) {
    const json::value* x = o.if_contains(key);
    return x != nullptr && x->is_string() ? std::string(x->as_string()) : std::string();
  };
  for (const json::value& item : ParseArray(text)) {
    if (!item.is_object()) {
      continue;
    }
    const json::object& o = item.as_object();
    domain::Form f{str(o, "id"), str(o, "name"), str(o, "legal_basis"), {}};
    if (const json::value* fields = o.if_contains("fields"); fields != nullptr && fields->is_array()) {
      for (const json::value& fv : fields->as_array()) {
        if (!fv.is_object()) {
          continue;
        }
        const json::value* lines = fv.as_object().if_contains("lines");
        f.fields.push_back(domain::FormField{str(fv.as_object(), "label"), lines != nullptr && lines->is_int64()
                                                                               ? static_cast<int32_t>(lines->as_int64())
                                                                               : 1});
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

constexpr std::string_view kUpsertProcedure =
    "INSERT INTO procedures (code, name, field_code, levels, ministry, implementing_agency, procedure_type,"
    " decision_no, online_level, processing_time, time_value, time_unit, fee, fee_vnd, fee_note, source_url,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, field_code = excluded.field_code,"
    " levels = excluded.levels, ministry = excluded.ministry, implementing_agency = excluded.implementing_agency,"
    " procedure_type = excluded.procedure_type, decision_no = excluded.decision_no,"
    " online_level = excluded.online_level, processing_time = excluded.processing_time,"
    " time_value = excluded.time_value, time_unit = excluded.time_unit, fee = excluded.fee,"
    " fee_vnd = excluded.fee_vnd, fee_note = excluded.fee_note, source_url = excluded.source_url,"
    " updated_at = excluded.updated_at";

//! Reports progress every kProgressEvery rows and at the end.
struct ProgressTicker {
  static constexpr int64_t kProgressEvery = 100;
  const ProgressFn& fn;
  int64_t total;
  int64_t done = 0;
  void Step() {
    ++done;
    if (fn && (done % kProgressEvery == 0 || done == total)) {
      fn(done, total);
    }
  }
};

//! The import's time for procedures.updated_at, in microseconds like every stored instant.
int64_t NowMicros() { return domain::SystemClock().Now().micros; }

}  // namespace

int64_t CatalogueVersion(Database& db) {
  int64_t version = 0;
  db.Read([&](Session& s) { version = ReadVersion(s); });
  return version;
}

void BumpCatalogueVersion(Session& s) {
  // The value column is text (meta holds any setting); the version is read back as an integer.
  const int64_t next = ReadVersion(s) + 1;
  s.Exec("UPDATE meta SET value = ? WHERE key = ?", {std::to_string(next), std::string(kVersionKey)});
}

domain::Catalogue LoadCatalogue(Database& db) {
  std::vector<Procedure> procedures;
  std::vector<domain::Field> fields;
  std::vector<domain::Agency> agencies;
  int64_t version = 0;
  db.Read([&](Session& s) {
    version = ReadVersion(s);
    const Rows f = s.Query("SELECT code, name FROM fields");
    for (size_t i = 0; i < f.size(); ++i) {
      fields.push_back(domain::Field{f[i].Text(0), f[i].Text(1), 0});
    }
    const Rows a = s.Query(
        "SELECT code, name, short_name, parent_code, level, admin_unit_era, admin_unit_code, has_one_stop"
        " FROM agencies");
    for (size_t i = 0; i < a.size(); ++i) {
      const Row r = a[i];
      agencies.push_back(domain::Agency{r.Text(0), r.Text(1), r.Text(2), r.OptText(3).value_or(""),
                                        domain::ParseLevel(r.Text(4)).value_or(domain::Level::kProvince),
                                        r.OptText(5).value_or(""), r.OptText(6).value_or(""), r.Int(7) != 0});
    }
    const Rows p = s.Query(
        "SELECT code, name, field_code, levels, ministry, implementing_agency, procedure_type, decision_no,"
        " online_level, processing_time, time_value, time_unit, fee, fee_vnd, fee_note, source_url, purpose,"
        " applicants, result, legal_basis, steps, forms, agency_code, popularity FROM procedures");
    std::unordered_map<std::string, size_t> index;
    procedures.reserve(p.size());
    for (size_t i = 0; i < p.size(); ++i) {
      const Row r = p[i];
      Procedure x;
      x.code = r.Text(0);
      x.name = r.Text(1);
      x.field_code = r.Text(2);
      x.levels = ParseLevelsText(r.Text(3));
      x.ministry = r.Text(4);
      x.implementing_agency = r.Text(5);
      x.procedure_type = r.Text(6);
      x.decision_no = r.Text(7);
      x.online_level = domain::ParseOnlineLevel(r.Text(8)).value_or(domain::OnlineLevel::kNone);
      x.processing_time = r.Text(9);
      if (!r.IsNull(10)) {
        x.time_value = r.Real(10);
      }
      x.time_unit = domain::ParseTimeUnit(r.Text(11)).value_or(domain::TimeUnit::kUnspecified);
      x.fee = r.Text(12);
      x.fee_vnd = r.OptInt(13);
      x.fee_note = r.Text(14);
      x.source_url = r.Text(15);
      x.purpose = r.Text(16);
      x.applicants = r.Text(17);
      x.result = r.Text(18);
      x.legal_basis = StringsFromJson(r.Text(19));
      x.steps = StringsFromJson(r.Text(20));
      x.forms = FormsFromJson(r.Text(21));
      x.agency_code = r.OptText(22).value_or("");
      x.popularity = r.Int(23);
      index[x.code] = procedures.size();
      procedures.push_back(std::move(x));
    }
    const Rows c = s.Query(
        "SELECT procedure_code, channel, time_text, time_value, time_unit FROM procedure_channels"
        " ORDER BY procedure_code, channel");
    for (size_t i = 0; i < c.size(); ++i) {
      const Row r = c[i];
      const auto it = index.find(r.Text(0));
      if (it == index.end()) {
        continue;
      }
      domain::ChannelTerms t;
      t.channel = static_cast<domain::Channel>(r.Int(1));
      t.time_text = r.Text(2);
      if (!r.IsNull(3)) {
        t.time_value = r.Real(3);
      }
      t.time_unit = domain::ParseTimeUnit(r.Text(4)).value_or(domain::TimeUnit::kUnspecified);
      procedures[it->second].channels.push_back(std::move(t));
    }
    const Rows d = s.Query(
        "SELECT procedure_code, name, originals, copies, form_id, note FROM procedure_documents"
        " ORDER BY procedure_code, seq");
    for (size_t i = 0; i < d.size(); ++i) {
      const Row r = d[i];
      const auto it = index.find(r.Text(0));
      if (it == index.end()) {
        continue;
      }
      procedures[it->second].documents.push_back(domain::RequiredDocument{
          r.Text(1), static_cast<int32_t>(r.Int(2)), static_cast<int32_t>(r.Int(3)), r.Text(4), r.Text(5)});
    }
  });
  return domain::Catalogue(std::move(procedures), std::move(fields), std::move(agencies), version);
}

UpsertCounts UpsertProcedures(Session& s, const domain::ProcedureImport& import, const ProgressFn& progress) {
  UpsertCounts counts;
  for (const domain::Field& f : import.fields) {
    s.Exec("INSERT INTO fields (code, name) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name",
           {f.code, f.name});
  }
  const int64_t now = NowMicros();
  ProgressTicker tick{progress, static_cast<int64_t>(import.procedures.size())};
  for (const Procedure& p : import.procedures) {
    const bool exists = !s.Query("SELECT 1 FROM procedures WHERE code = ?", {p.code}).empty();
    ++(exists ? counts.updated : counts.added);
    s.Exec(kUpsertProcedure,
           {p.code, p.name, p.field_code, LevelsText(p.levels), p.ministry, p.implementing_agency, p.procedure_type,
            p.decision_no, std::string(domain::ToString(p.online_level)), p.processing_time, OrNull(p.time_value),
            std::string(domain::ToString(p.time_unit)), p.fee, OrNull(p.fee_vnd), p.fee_note, p.source_url, now});
    s.Exec("DELETE FROM procedure_channels WHERE procedure_code = ?", {p.code});
    for (const domain::ChannelTerms& t : p.channels) {
      s.Exec(
          "INSERT INTO procedure_channels (procedure_code, channel, time_text, time_value, time_unit)"
          " VALUES (?, ?, ?, ?, ?)",
          {p.code, static_cast<int64_t>(t.channel), t.time_text, OrNull(t.time_value),
           std::string(domain::ToString(t.time_unit))});
    }
    tick.Step();
  }
  BumpCatalogueVersion(s);
  return counts;
}

void SaveProcedureDetails(Session& s, const Procedure& p) {
  s.Exec(
      "UPDATE procedures SET levels = ?, online_level = ?, purpose = ?, applicants = ?, result = ?,"
      " legal_basis = ?, steps = ?, forms = ?, agency_code = ?, popularity = ? WHERE code = ?",
      {LevelsText(p.levels), std::string(domain::ToString(p.online_level)), p.purpose, p.applicants, p.result,
       StringsToJson(p.legal_basis), StringsToJson(p.steps), FormsToJson(p.forms), TextOrNull(p.agency_code),
       p.popularity, p.code});
  s.Exec("DELETE FROM procedure_documents WHERE procedure_code = ?", {p.code});
  int64_t seq = 0;
  for (const domain::RequiredDocument& d : p.documents) {
    s.Exec(
        "INSERT INTO procedure_documents (procedure_code, seq, name, originals, copies, form_id, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {p.code, ++seq, d.name, static_cast<int64_t>(d.originals), static_cast<int64_t>(d.copies), d.form_id, d.note});
  }
  BumpCatalogueVersion(s);
}

UpsertCounts UpsertAdminUnits(Session& s, const std::vector<domain::AdminUnit>& units, const ProgressFn& progress) {
  UpsertCounts counts;
  ProgressTicker tick{progress, static_cast<int64_t>(units.size())};
  for (const domain::AdminUnit& u : units) {
    const bool exists = !s.Query("SELECT 1 FROM admin_units WHERE era = ? AND code = ?", {u.era, u.code}).empty();
    ++(exists ? counts.updated : counts.added);
    s.Exec(
        "INSERT INTO admin_units (era, code, level, name, short_name, name_en, unit_type, parent_code,"
        " province_code, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (era, code) DO UPDATE SET level = excluded.level, name = excluded.name,"
        " short_name = excluded.short_name, name_en = excluded.name_en, unit_type = excluded.unit_type,"
        " parent_code = excluded.parent_code, province_code = excluded.province_code,"
        " valid_from = excluded.valid_from, valid_to = excluded.valid_to",
        {u.era, u.code, std::string(domain::ToString(u.level)), u.name, u.short_name, u.name_en, u.unit_type,
         TextOrNull(u.parent_code), u.province_code, TextOrNull(u.valid_from), TextOrNull(u.valid_to)});
    tick.Step();
  }
  return counts;
}

UpsertCounts UpsertAdminUnitLinks(Session& s, const std::vector<domain::AdminUnitLink>& links,
                                  const ProgressFn& progress) {
  UpsertCounts counts;
  ProgressTicker tick{progress, static_cast<int64_t>(links.size())};
  for (const domain::AdminUnitLink& l : links) {
    const int64_t changed = s.Exec(
        "INSERT INTO admin_unit_mapping (level, old_code, old_name, new_code, new_name, merge_type)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (level, old_code, new_code) DO NOTHING",
        {l.level, l.old_code, l.old_name, l.new_code, l.new_name, l.merge_type});
    ++(changed > 0 ? counts.added : counts.updated);
    tick.Step();
  }
  return counts;
}

UpsertCounts UpsertAgencies(Session& s, const std::vector<domain::Agency>& agencies) {
  UpsertCounts counts;
  for (const domain::Agency& a : agencies) {
    const bool exists = !s.Query("SELECT 1 FROM agencies WHERE code = ?", {a.code}).empty();
    ++(exists ? counts.updated : counts.added);
    s.Exec(
        "INSERT INTO agencies (code, name, short_name, parent_code, level, admin_unit_era, admin_unit_code,"
        " has_one_stop) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
        " short_name = excluded.short_name, parent_code = excluded.parent_code, level = excluded.level,"
        " admin_unit_era = excluded.admin_unit_era, admin_unit_code = excluded.admin_unit_code,"
        " has_one_stop = excluded.has_one_stop",
        {a.code, a.name, a.short_name, TextOrNull(a.parent_code), std::string(domain::ToString(a.level)),
         TextOrNull(a.admin_unit_era), TextOrNull(a.admin_unit_code), static_cast<int64_t>(a.has_one_stop ? 1 : 0)});
  }
  BumpCatalogueVersion(s);
  return counts;
}

namespace {

domain::AdminUnit UnitFromRow(const Row& r) {
  domain::AdminUnit u;
  u.era = r.Text(0);
  u.code = r.Text(1);
  u.level = domain::ParseLevel(r.Text(2)).value_or(domain::Level::kCommune);
  u.name = r.Text(3);
  u.short_name = r.Text(4);
  u.name_en = r.Text(5);
  u.unit_type = r.Text(6);
  u.parent_code = r.OptText(7).value_or("");
  u.province_code = r.Text(8);
  u.valid_from = r.OptText(9).value_or("");
  u.valid_to = r.OptText(10).value_or("");
  return u;
}

constexpr std::string_view kUnitColumns =
    "SELECT era, code, level, name, short_name, name_en, unit_type, parent_code, province_code, valid_from,"
    " valid_to FROM admin_units";

}  // namespace

std::vector<domain::AdminUnit> ListAdminUnits(Database& db, const std::string& era, const std::string& parent_code) {
  std::vector<domain::AdminUnit> out;
  db.Read([&](Session& s) {
    const Rows rows =
        parent_code.empty()
            ? s.Query(std::string(kUnitColumns) + " WHERE era = ? AND parent_code IS NULL ORDER BY code", {era})
            : s.Query(std::string(kUnitColumns) + " WHERE era = ? AND parent_code = ? ORDER BY code",
                      {era, parent_code});
    for (size_t i = 0; i < rows.size(); ++i) {
      out.push_back(UnitFromRow(rows[i]));
    }
  });
  return out;
}

std::vector<domain::AdminUnit> ListAdminUnitsOfEra(Database& db, const std::string& era) {
  std::vector<domain::AdminUnit> out;
  db.Read([&](Session& s) {
    const Rows rows = s.Query(std::string(kUnitColumns) + " WHERE era = ? ORDER BY code", {era});
    for (size_t i = 0; i < rows.size(); ++i) {
      out.push_back(UnitFromRow(rows[i]));
    }
  });
  return out;
}

std::optional<domain::AdminUnit> FindAdminUnit(Database& db, const std::string& era, const std::string& code) {
  std::optional<domain::AdminUnit> out;
  db.Read([&](Session& s) {
    const Rows rows = s.Query(std::string(kUnitColumns) + " WHERE era = ? AND code = ?", {era, code});
    if (!rows.empty()) {
      out = UnitFromRow(rows[0]);
    }
  });
  return out;
}

void CheckHealth(Database& db) {
  db.Read([](Session& s) { s.Query("SELECT 1"); });
}

UpsertCounts ReplaceDesks(Session& s, const std::vector<domain::Desk>& desks) {
  UpsertCounts counts;
  const int64_t before = s.Query("SELECT COUNT(*) FROM desks")[0].Int(0);
  s.Exec("DELETE FROM desks");
  for (const domain::Desk& d : desks) {
    s.Exec(
        "INSERT INTO desks (id, kind, province_code, commune_code, agency_code, name, address, hours, phone, latitude,"
        " longitude, demo_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {d.id, std::string(domain::ToString(d.kind)), d.province_code, d.commune_code, d.agency_code, d.name, d.address,
         d.hours, d.phone, OrNull(d.latitude), OrNull(d.longitude), static_cast<int64_t>(d.demo_values ? 1 : 0)});
  }
  const auto now = static_cast<int64_t>(desks.size());
  counts.updated = std::min(before, now);
  counts.added = now - counts.updated;
  BumpCatalogueVersion(s);
  return counts;
}

std::vector<domain::Desk> ListDesks(Database& db) {
  std::vector<domain::Desk> out;
  db.Read([&](Session& s) {
    const Rows rows = s.Query(
        "SELECT id, kind, province_code, commune_code, agency_code, name, address, hours, phone, latitude, longitude,"
        " demo_values FROM desks ORDER BY id");
    for (size_t i = 0; i < rows.size(); ++i) {
      const Row r = rows[i];
      domain::Desk d;
      d.id = r.Text(0);
      d.kind = domain::ParseDeskKind(r.Text(1)).value_or(domain::DeskKind::kCommune);
      d.province_code = r.Text(2);
      d.commune_code = r.Text(3);
      d.agency_code = r.Text(4);
      d.name = r.Text(5);
      d.address = r.Text(6);
      d.hours = r.Text(7);
      d.phone = r.Text(8);
      d.latitude = r.OptReal(9);
      d.longitude = r.OptReal(10);
      d.demo_values = r.Int(11) != 0;
      out.push_back(std::move(d));
    }
  });
  return out;
}

}  // namespace motcua::store
