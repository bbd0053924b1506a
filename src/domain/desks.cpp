#include "domain/desks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <set>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

constexpr size_t kProvinceCodeDigits = 2;
constexpr size_t kCommuneCodeDigits = 5;
constexpr double kMaxLatitude = 90;
constexpr double kMaxLongitude = 180;
constexpr int32_t kMapZoom = 17;
constexpr size_t kMaxPhoneChars = 40;
constexpr std::string_view kOsm = "https://www.openstreetmap.org/";

constexpr std::array<std::string_view, 12> kColumns = {"id",          "kind",     "province_code", "commune_code",
                                                       "agency_code", "name",     "address",       "hours",
                                                       "phone",       "latitude", "longitude",     "source"};

bool AllDigits(std::string_view s, size_t n) {
  return s.size() == n && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool IsSlug(std::string_view s) {
  return !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
}

bool IsPhone(std::string_view s) {
  return s.size() <= kMaxPhoneChars && s.find_first_not_of("0123456789 +.-()") == std::string_view::npos &&
         s.find_first_of("0123456789") != std::string_view::npos;
}

//! A decimal degree within ±`limit`; nothing for anything else (including NaN and trailing text).
std::optional<double> Degrees(std::string_view s, double limit) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !(v >= -limit && v <= limit)) {
    return std::nullopt;
  }
  return v;
}

//! Percent-encodes everything but RFC 3986 unreserved characters (spaces too: a query value).
std::string Encode(std::string_view s) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  constexpr uint8_t kHighNibble = 4;
  constexpr uint8_t kLowNibble = 0x0F;
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> kHighNibble];
      out += kHex[u & kLowNibble];
    }
  }
  return out;
}

//! The desk of `rec`, or the reason it is rejected.
std::optional<std::string> ReadRow(const CsvHeader& h, const CsvRecord& rec, Desk& d) {
  d.id = CollapseSpaces(h.Get(rec, "id"));
  if (!IsSlug(d.id)) {
    return fmt::format("mã bàn \"{}\" chỉ được có chữ thường không dấu, số và dấu gạch ngang", d.id);
  }
  const auto kind = ParseDeskKind(CollapseSpaces(h.Get(rec, "kind")));
  if (!kind) {
    return fmt::format("loại \"{}\" phải là province-centre, department hoặc commune", h.Get(rec, "kind"));
  }
  d.kind = *kind;
  d.province_code = CollapseSpaces(h.Get(rec, "province_code"));
  if (!AllDigits(d.province_code, kProvinceCodeDigits)) {
    return fmt::format("mã tỉnh \"{}\" phải có 2 chữ số", d.province_code);
  }
  d.commune_code = CollapseSpaces(h.Get(rec, "commune_code"));
  if (d.kind == DeskKind::kCommune ? !AllDigits(d.commune_code, kCommuneCodeDigits) : !d.commune_code.empty()) {
    return fmt::format("mã xã \"{}\": bàn của xã cần mã xã 5 chữ số, bàn khác để trống", d.commune_code);
  }
  d.agency_code = CollapseSpaces(h.Get(rec, "agency_code"));
  if (d.kind == DeskKind::kDepartment && d.agency_code.empty()) {
    return std::string("bàn của sở, ngành cần mã cơ quan (agency_code)");
  }
  d.name = CollapseSpaces(h.Get(rec, "name"));
  d.address = CollapseSpaces(h.Get(rec, "address"));
  d.hours = CollapseSpaces(h.Get(rec, "hours"));
  if (d.name.empty() || d.address.empty() || d.hours.empty()) {
    return std::string("thiếu tên, địa chỉ hoặc giờ làm việc");
  }
  if (!IsValidUtf8(d.name) || !IsValidUtf8(d.address) || !IsValidUtf8(d.hours)) {
    return std::string("tên, địa chỉ hoặc giờ làm việc không phải UTF-8");
  }
  d.phone = CollapseSpaces(h.Get(rec, "phone"));
  if (!IsPhone(d.phone)) {
    return fmt::format("số điện thoại \"{}\" chỉ được có chữ số, dấu cách và + . - ( )", d.phone);
  }
  const std::string lat = CollapseSpaces(h.Get(rec, "latitude"));
  const std::string lon = CollapseSpaces(h.Get(rec, "longitude"));
  if (!lat.empty() || !lon.empty()) {
    d.latitude = Degrees(lat, kMaxLatitude);
    d.longitude = Degrees(lon, kMaxLongitude);
    if (!d.latitude || !d.longitude) {
      return fmt::format("tọa độ \"{}\", \"{}\" không hợp lệ (vĩ độ −90…90, kinh độ −180…180, cả hai hoặc không)", lat,
                         lon);
    }
  }
  const std::string source = CollapseSpaces(h.Get(rec, "source"));
  if (source != "published" && source != "demo") {
    return fmt::format("nguồn \"{}\" phải là published (đã công bố) hoặc demo (giá trị mẫu)", source);
  }
  d.demo_values = source == "demo";
  return std::nullopt;
}

}  // namespace

std::string_view ToString(DeskKind kind) {
  switch (kind) {
    case DeskKind::kProvinceCentre:
      return "province-centre";
    case DeskKind::kDepartment:
      return "department";
    case DeskKind::kCommune:
      return "commune";
  }
  return "commune";
}

std::optional<DeskKind> ParseDeskKind(std::string_view s) {
  for (const DeskKind k : {DeskKind::kProvinceCentre, DeskKind::kDepartment, DeskKind::kCommune}) {
    if (ToString(k) == s) {
      return k;
    }
  }
  return std::nullopt;
}

DeskImport ReadDesks(std::string_view csv_text) {
  DeskImport out;
  CsvDocument doc = ParseCsv(csv_text);
  out.errors = std::move(doc.errors);
  if (doc.records.empty()) {
    out.errors.push_back(RowError{1, "tệp rỗng: không có dòng tiêu đề"});
    return out;
  }
  const CsvHeader header(doc.records.front());
  if (const auto missing = header.Missing({kColumns.begin(), kColumns.end()}); !missing.empty()) {
    out.errors.push_back(RowError{1, "thiếu cột " + missing.front()});
    return out;
  }
  out.rows_read = static_cast<int64_t>(doc.records.size() - 1 + out.errors.size());
  std::set<std::string> ids;
  std::set<std::string> communes;
  for (size_t i = 1; i < doc.records.size(); ++i) {
    const CsvRecord& rec = doc.records[i];
    if (rec.fields.size() != header.size()) {
      out.errors.push_back(
          RowError{rec.line, fmt::format("có {} cột, tiêu đề có {} cột", rec.fields.size(), header.size())});
      continue;
    }
    Desk d;
    if (auto reason = ReadRow(header, rec, d)) {
      out.errors.push_back(RowError{rec.line, std::move(*reason)});
      continue;
    }
    if (!ids.insert(d.id).second) {
      out.errors.push_back(RowError{rec.line, fmt::format("mã bàn \"{}\" đã có ở dòng trước", d.id)});
      continue;
    }
    if (d.kind == DeskKind::kCommune && !communes.insert(d.commune_code).second) {
      out.errors.push_back(RowError{rec.line, fmt::format("xã {} đã có bàn ở dòng trước", d.commune_code)});
      continue;
    }
    out.desks.push_back(std::move(d));
  }
  return out;
}

std::string MapLink(const Desk& desk) {
  if (desk.latitude && desk.longitude) {
    return fmt::format("{}?mlat={:.5f}&mlon={:.5f}#map={}/{:.5f}/{:.5f}", kOsm, *desk.latitude, *desk.longitude,
                       kMapZoom, *desk.latitude, *desk.longitude);
  }
  return fmt::format("{}search?query={}", kOsm, Encode(desk.address));
}

DeskDirectory::DeskDirectory(std::vector<Desk> desks, std::vector<AdminUnit> units)
    : desks_(std::move(desks)), units_(std::move(units)) {}

std::vector<const AdminUnit*> DeskDirectory::Provinces() const {
  std::vector<const AdminUnit*> out;
  for (const AdminUnit& u : units_) {
    if (u.level == Level::kProvince) {
      out.push_back(&u);
    }
  }
  std::sort(out.begin(), out.end(), [](const AdminUnit* a, const AdminUnit* b) { return a->code < b->code; });
  return out;
}

std::vector<const AdminUnit*> DeskDirectory::CommunesOf(std::string_view province_code) const {
  std::vector<const AdminUnit*> out;
  for (const AdminUnit& u : units_) {
    if (u.level == Level::kCommune && u.province_code == province_code) {
      out.push_back(&u);
    }
  }
  // Vietnamese order without accents first, so "Ý Yên" sorts among the Y's, not after every ASCII name.
  std::sort(out.begin(), out.end(), [](const AdminUnit* a, const AdminUnit* b) {
    const std::string fa = Fold(a->short_name);
    const std::string fb = Fold(b->short_name);
    return fa != fb ? fa < fb : a->code < b->code;
  });
  return out;
}

const AdminUnit* DeskDirectory::FindUnit(std::string_view code) const {
  for (const AdminUnit& u : units_) {
    if (u.code == code) {
      return &u;
    }
  }
  return nullptr;
}

const Desk* DeskDirectory::ProvinceCentre(std::string_view province_code) const {
  for (const Desk& d : desks_) {
    if (d.kind == DeskKind::kProvinceCentre && d.province_code == province_code) {
      return &d;
    }
  }
  return nullptr;
}

const Desk* DeskDirectory::HomeCentre() const {
  for (const Desk& d : desks_) {
    if (d.kind == DeskKind::kProvinceCentre) {
      return &d;
    }
  }
  return nullptr;
}

const Desk* DeskDirectory::ForAgency(std::string_view agency_code) const {
  if (agency_code.empty()) {
    return nullptr;
  }
  for (const Desk& d : desks_) {
    if (d.agency_code == agency_code) {
      return &d;
    }
  }
  return nullptr;
}

const Desk* DeskDirectory::ForCommune(std::string_view commune_code) const {
  for (const Desk& d : desks_) {
    if (d.kind == DeskKind::kCommune && d.commune_code == commune_code) {
      return &d;
    }
  }
  return nullptr;
}

std::vector<Visit> WhereToGo(const Procedure& p, const DeskDirectory& desks, std::string_view province_code,
                             std::string_view commune_code) {
  std::vector<Visit> out;
  if (p.HasLevel(Level::kProvince)) {
    const Desk* own = desks.ForAgency(p.agency_code);
    if (own != nullptr && own->province_code != province_code) {
      own = nullptr;  // the department of another province
    }
    out.push_back(Visit{Level::kProvince, own != nullptr ? own : desks.ProvinceCentre(province_code)});
  }
  if (p.HasLevel(Level::kCommune) || p.HasLevel(Level::kDistrict)) {
    out.push_back(Visit{Level::kCommune, desks.ForCommune(commune_code)});
  }
  return out;
}

}  // namespace motcua::domain
