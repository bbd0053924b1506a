#include "demo/demo.hpp"
#include "app/files.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "domain/csv.hpp"
#include "domain/desks.hpp"
#include "domain/reference_import.hpp"
#include "domain/text.hpp"
#include "store/catalogue_store.hpp"

namespace motcua::demo {

namespace json = boost::json;
using domain::Agency;
using domain::Level;

namespace {

constexpr int32_t kDistrictCodeOffset = 30;  // district agencies are 000.00.31.H40 …, clear of departments 01–29

template <typename T>
void RequireClean(const T& import, const std::string& path) {
  if (import.errors.empty()) {
    return;
  }
  std::string lines;
  for (const auto& e : import.errors) {
    lines += fmt::format("\n  line {}: {}", e.line, e.reason);
  }
  throw std::runtime_error(fmt::format("{} has {} invalid rows:{}", path, import.errors.size(), lines));
}

//! A demo configuration CSV with its header; throws naming the file when it is malformed or lacks `columns`.
std::pair<domain::CsvDocument, domain::CsvHeader> ReadDemoCsv(const std::string& path,
                                                              const std::vector<std::string_view>& columns) {
  domain::CsvDocument doc = domain::ParseCsv(app::ReadWholeFile(path));
  if (!doc.errors.empty()) {
    throw std::runtime_error(fmt::format("{} line {}: {}", path, doc.errors.front().line, doc.errors.front().reason));
  }
  if (doc.records.empty()) {
    throw std::runtime_error(path + " is empty");
  }
  domain::CsvHeader header(doc.records.front());
  if (const auto missing = header.Missing(columns); !missing.empty()) {
    throw std::runtime_error(fmt::format("{} lacks the column {}", path, missing.front()));
  }
  return {std::move(doc), std::move(header)};
}

std::string Code(int32_t level3, int32_t level2) {
  return fmt::format("000.{:02}.{:02}.{}", level3, level2, kDemoProvinceSuffix);
}

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

int32_t Int(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr && v->is_int64() ? static_cast<int32_t>(v->as_int64()) : 0;
}

}  // namespace

DemoReport LoadDemo(store::Database& db, const std::string& share_dir) {
  const std::string ref = share_dir + "/data/reference/";
  const std::string demo = share_dir + "/data/demo/";
  DemoReport report;

  const auto units2024 = domain::ReadAdminUnits(app::ReadWholeFile(ref + "admin-units-2024.csv"));
  RequireClean(units2024, ref + "admin-units-2024.csv");
  const auto units2025 = domain::ReadAdminUnits(app::ReadWholeFile(ref + "admin-units-2025.csv"));
  RequireClean(units2025, ref + "admin-units-2025.csv");
  const auto mapping = domain::ReadAdminUnitMapping(app::ReadWholeFile(ref + "admin-units-2025-mapping.csv"));
  RequireClean(mapping, ref + "admin-units-2025-mapping.csv");
  auto procedures = domain::ReadProcedures(app::ReadWholeFile(ref + "procedures.csv"));
  RequireClean(procedures, ref + "procedures.csv");

  // Agencies: the provincial committee, its departments, the district and commune committees.
  std::vector<Agency> agencies;
  const std::string province_code = Code(0, 0);
  std::string province_name = "Ủy ban nhân dân tỉnh";
  for (const domain::AdminUnit& u : units2024.units) {
    if (u.level == Level::kProvince && u.code == kDemoProvinceUnit) {
      province_name = "Ủy ban nhân dân " + u.name;
    }
  }
  agencies.push_back(Agency{province_code, province_name, province_name, "", Level::kProvince, "2024",
                            std::string(kDemoProvinceUnit), true});
  const auto [depts, dh] =
      ReadDemoCsv(demo + "departments.csv", {"seq", "name", "short_name", "ministries", "fields", "has_one_stop"});
  std::map<std::string, std::string> by_ministry;
  std::map<std::string, std::string> by_field;
  for (size_t i = 1; i < depts.records.size(); ++i) {
    const domain::CsvRecord& r = depts.records[i];
    int32_t seq = 0;
    const std::string& seq_text = dh.Get(r, "seq");
    const auto [end, ec] = std::from_chars(seq_text.data(), seq_text.data() + seq_text.size(), seq);
    constexpr int32_t kMaxSeq = kDistrictCodeOffset;  // department codes must stay clear of district codes
    if (ec != std::errc() || end != seq_text.data() + seq_text.size() || seq < 1 || seq >= kMaxSeq) {
      throw std::runtime_error(
          fmt::format("{}departments.csv line {}: seq \"{}\" must be 1 to {}", demo, r.line, seq_text, kMaxSeq - 1));
    }
    const std::string code = Code(0, seq);
    agencies.push_back(Agency{code, dh.Get(r, "name"), dh.Get(r, "short_name"), province_code, Level::kProvince, "2024",
                              std::string(kDemoProvinceUnit), dh.Get(r, "has_one_stop") == "1"});
    for (const std::string& m : domain::SplitList(dh.Get(r, "ministries"), ";")) {
      by_ministry[m] = code;
    }
    for (const std::string& f : domain::SplitList(dh.Get(r, "fields"), ";")) {
      by_field[f] = code;
    }
  }
  struct DistrictAgency {
    std::string code;    // agency code
    int32_t level2 = 0;  // CC part of the code, shared by its communes
  };
  std::map<std::string, DistrictAgency> district_agency;  // unit code → agency
  int32_t district_index = 0;
  for (const domain::AdminUnit& u : units2024.units) {
    if (u.level != Level::kDistrict || u.province_code != kDemoProvinceUnit) {
      continue;
    }
    const int32_t level2 = kDistrictCodeOffset + ++district_index;
    const std::string code = Code(0, level2);
    district_agency[u.code] = DistrictAgency{code, level2};
    agencies.push_back(Agency{code, "Ủy ban nhân dân " + u.name, "UBND " + u.short_name, province_code,
                              Level::kDistrict, "2024", u.code, true});
  }
  std::map<std::string, int32_t> commune_index;
  for (const domain::AdminUnit& u : units2024.units) {
    if (u.level != Level::kCommune || u.province_code != kDemoProvinceUnit) {
      continue;
    }
    const auto parent = district_agency.find(u.parent_code);
    if (parent == district_agency.end()) {
      continue;
    }
    const int32_t n = ++commune_index[u.parent_code];
    agencies.push_back(Agency{Code(n, parent->second.level2), "Ủy ban nhân dân " + u.name, "UBND " + u.short_name,
                              parent->second.code, Level::kCommune, "2024", u.code, true});
  }

  // Procedures: competent department, district-era procedures, and the details of the most used ones.
  std::set<std::string> district_codes;
  const auto [district_doc, ph] = ReadDemoCsv(demo + "district-procedures.csv", {"procedure_code"});
  for (size_t i = 1; i < district_doc.records.size(); ++i) {
    district_codes.insert(ph.Get(district_doc.records[i], "procedure_code"));
  }
  std::map<std::string, std::string> field_names;  // field code → name, as in the catalogue
  for (const domain::Field& f : procedures.fields) {
    field_names[f.code] = f.name;
  }
  std::map<std::string, domain::Procedure*> by_code;
  for (domain::Procedure& p : procedures.procedures) {
    by_code[p.code] = &p;
    if (district_codes.count(p.code) > 0 && !p.HasLevel(Level::kDistrict)) {
      p.levels.push_back(Level::kDistrict);
    }
    if (p.HasLevel(Level::kProvince)) {
      if (const auto f = by_field.find(field_names[p.field_code]); f != by_field.end()) {
        p.agency_code = f->second;
      } else if (const auto m = by_ministry.find(p.ministry); m != by_ministry.end()) {
        p.agency_code = m->second;
      }
    }
  }
  const std::string details_path = demo + "procedure-details.json";
  try {
    const json::value details = json::parse(app::ReadWholeFile(details_path));
    for (const json::value& item : details.as_array()) {
      const json::object& o = item.as_object();
      const auto it = by_code.find(Str(o, "code"));
      if (it == by_code.end()) {
        throw std::runtime_error("procedure-details.json names an unknown procedure " + Str(o, "code"));
      }
      domain::Procedure& p = *it->second;
      p.popularity = Int(o, "popularity");
      p.online_level = domain::ParseOnlineLevel(Str(o, "online_level")).value_or(p.online_level);
      p.purpose = Str(o, "purpose");
      p.applicants = Str(o, "applicants");
      p.result = Str(o, "result");
      for (const json::value& v : o.at("legal_basis").as_array()) {
        p.legal_basis.emplace_back(v.as_string());
      }
      for (const json::value& v : o.at("steps").as_array()) {
        p.steps.emplace_back(v.as_string());
      }
      for (const json::value& v : o.at("documents").as_array()) {
        const json::object& d = v.as_object();
        p.documents.push_back(domain::RequiredDocument{Str(d, "name"), Int(d, "originals"), Int(d, "copies"),
                                                       Str(d, "form"), Str(d, "note")});
      }
      if (const json::value* forms = o.if_contains("forms")) {
        for (const json::value& v : forms->as_array()) {
          const json::object& f = v.as_object();
          domain::Form form{Str(f, "id"), Str(f, "name"), Str(f, "legal_basis"), {}};
          for (const json::value& fv : f.at("fields").as_array()) {
            form.fields.push_back(
                domain::FormField{Str(fv.as_object(), "label"), std::max(1, Int(fv.as_object(), "lines"))});
          }
          p.forms.push_back(std::move(form));
        }
      }
      ++report.detailed;
    }
  } catch (const std::exception& e) {
    // Boost.JSON says what is wrong but not where: name the file.
    throw std::runtime_error(details_path + ": " + e.what());
  }

  // Desks: where citizens hand in applications (demo values are marked in the file and in docs/demo.md).
  const auto desks = domain::ReadDesks(app::ReadWholeFile(demo + "desks.csv"));
  RequireClean(desks, demo + "desks.csv");

  db.Write([&](store::Session& s) {
    report.desks = store::ReplaceDesks(s, desks.desks).added;
    report.units += store::UpsertAdminUnits(s, units2024.units).added;
    report.units += store::UpsertAdminUnits(s, units2025.units).added;
    report.links = store::UpsertAdminUnitLinks(s, mapping.links).added;
    report.agencies = store::UpsertAgencies(s, agencies).added;
    report.procedures = store::UpsertProcedures(s, procedures).added;
    for (const domain::Procedure& p : procedures.procedures) {
      store::SaveProcedureDetails(s, p);
    }
  });
  return report;
}

}  // namespace motcua::demo
