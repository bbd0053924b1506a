#include "domain/reference_import.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <set>

#include "domain/text.hpp"

namespace motcua::domain {

namespace {

constexpr size_t kMaxNameCodePoints = 2000;  // real names reach 1,094 (1.013980)
constexpr size_t kProcedureCodeLength = 8;   // d.dddddd

//! Columns a procedure catalogue must have.
const std::vector<std::string_view>& ProcedureColumns() {
  static const std::vector<std::string_view> kColumns = {"procedure_code",
                                                         "procedure_name",
                                                         "field",
                                                         "level",
                                                         "channels",
                                                         "processing_time",
                                                         "processing_time_value",
                                                         "processing_time_unit",
                                                         "processing_time_by_channel",
                                                         "fee",
                                                         "fee_vnd"};
  return kColumns;
}

std::optional<double> ParseNumber(std::string_view s) {
  if (s.empty()) {
    return std::nullopt;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> ParseInteger(std::string_view s) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

std::optional<Channel> ParseChannelName(std::string_view name) {
  const std::string folded = Fold(name);
  if (folded == "truc tiep") {
    return Channel::kInPerson;
  }
  if (folded == "truc tuyen") {
    return Channel::kOnline;
  }
  if (folded == "dich vu buu chinh" || folded == "buu chinh") {
    return Channel::kPost;
  }
  return std::nullopt;
}

//! Leading number of a published time ("7 Ngày làm việc" → 7), accepting a decimal comma.
std::optional<double> LeadingNumber(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && ((text[n] >= '0' && text[n] <= '9') || text[n] == '.' || text[n] == ',')) {
    ++n;
  }
  std::string digits(text.substr(0, n));
  for (char& c : digits) {
    if (c == ',') {
      c = '.';
    }
  }
  return ParseNumber(digits);
}

//! Reads "Trực tuyến: 7 Ngày làm việc | Trực tiếp: 5 Ngày làm việc".
std::optional<std::vector<ChannelTerms>> ParseChannelTerms(std::string_view text, std::string& error) {
  std::vector<ChannelTerms> terms;
  for (const std::string& part : SplitList(text, "|")) {
    const size_t colon = part.find(':');
    if (colon == std::string::npos) {
      error = fmt::format("không đọc được thời hạn theo kênh \"{}\" (thiếu dấu hai chấm)", part);
      return std::nullopt;
    }
    const auto channel = ParseChannelName(part.substr(0, colon));
    if (!channel) {
      error = fmt::format("kênh thực hiện không hợp lệ \"{}\"", part.substr(0, colon));
      return std::nullopt;
    }
    ChannelTerms t;
    t.channel = *channel;
    t.time_text = CollapseSpaces(part.substr(colon + 1));
    t.time_value = LeadingNumber(t.time_text);
    size_t unit_start = 0;
    while (unit_start < t.time_text.size() &&
           ((t.time_text[unit_start] >= '0' && t.time_text[unit_start] <= '9') || t.time_text[unit_start] == '.' ||
            t.time_text[unit_start] == ',' || t.time_text[unit_start] == ' ')) {
      ++unit_start;
    }
    t.time_unit =
        ParsePublishedTimeUnit(std::string_view(t.time_text).substr(unit_start)).value_or(TimeUnit::kUnspecified);
    // Some procedures publish several limits for one channel (sub-cases): keep one row with all the texts, and the
    // first number as the limit.
    auto same = std::find_if(terms.begin(), terms.end(), [&](const ChannelTerms& x) { return x.channel == t.channel; });
    if (same != terms.end()) {
      same->time_text += "; " + t.time_text;
      continue;
    }
    terms.push_back(std::move(t));
  }
  return terms;
}

std::vector<Level> ParseLevels(std::string_view text) {
  std::vector<Level> levels;
  for (const std::string& part : SplitList(text, ",")) {
    const std::string folded = Fold(part);
    if (folded == "cap tinh") {
      levels.push_back(Level::kProvince);
    } else if (folded == "cap huyen") {
      levels.push_back(Level::kDistrict);
    } else if (folded == "cap xa") {
      levels.push_back(Level::kCommune);
    }
  }
  return levels;
}

std::string HeaderError(const std::vector<std::string>& missing) {
  std::string list;
  for (const std::string& m : missing) {
    list += (list.empty() ? "" : ", ") + m;
  }
  return "dòng tiêu đề thiếu cột: " + list;
}

//! A CSV file opened for import: the header (with every required column) and the rows with as many columns as it.
struct Table {
  CsvDocument doc;
  std::optional<CsvHeader> header;
  std::vector<const CsvRecord*> rows;
};

//! Reads `text`, checks its header against `required(header)` and keeps the rows of the right width. Malformed and
//! narrow or wide rows go to `errors`; nothing comes back when the file has no usable header.
std::optional<Table> OpenTable(std::string_view text,
                               const std::function<std::vector<std::string_view>(const CsvHeader&)>& required,
                               std::vector<RowError>& errors, int64_t& rows_read) {
  Table t;
  t.doc = ParseCsv(text);
  errors = std::move(t.doc.errors);
  if (t.doc.records.empty()) {
    errors.push_back(RowError{1, "tệp rỗng: không có dòng tiêu đề"});
    return std::nullopt;
  }
  t.header.emplace(t.doc.records.front());
  if (const auto missing = t.header->Missing(required(*t.header)); !missing.empty()) {
    errors.push_back(RowError{1, HeaderError(missing)});
    return std::nullopt;
  }
  rows_read = static_cast<int64_t>(t.doc.records.size() - 1 + errors.size());
  for (size_t r = 1; r < t.doc.records.size(); ++r) {
    const CsvRecord& rec = t.doc.records[r];
    if (rec.fields.size() != t.header->size()) {
      errors.push_back(
          RowError{rec.line, fmt::format("có {} cột, tiêu đề có {} cột", rec.fields.size(), t.header->size())});
      continue;
    }
    t.rows.push_back(&rec);
  }
  return t;
}

}  // namespace

bool IsProcedureCode(std::string_view code) {
  if (code.size() != kProcedureCodeLength || code[1] != '.') {
    return false;
  }
  for (size_t i = 0; i < code.size(); ++i) {
    if (i != 1 && (code[i] < '0' || code[i] > '9')) {
      return false;
    }
  }
  return true;
}

std::optional<TimeUnit> ParsePublishedTimeUnit(std::string_view text) {
  const std::string folded = Fold(text);
  if (folded.empty()) {
    return TimeUnit::kUnspecified;
  }
  if (folded == "ngay lam viec") {
    return TimeUnit::kWorkingDay;
  }
  if (folded == "ngay") {
    return TimeUnit::kDay;
  }
  if (folded == "gio") {
    return TimeUnit::kHour;
  }
  if (folded == "thang") {
    return TimeUnit::kMonth;
  }
  return std::nullopt;
}

ProcedureImport ReadProcedures(std::string_view csv_text) {
  ProcedureImport out;
  const auto table = OpenTable(
      csv_text, [](const CsvHeader&) { return ProcedureColumns(); }, out.errors, out.rows_read);
  if (!table) {
    return out;
  }
  const CsvHeader& header = *table->header;
  std::map<std::string, Field> fields;
  std::set<std::string> seen;
  for (const CsvRecord* row : table->rows) {
    const CsvRecord& rec = *row;
    auto reject = [&](std::string reason) { out.errors.push_back(RowError{rec.line, std::move(reason)}); };
    Procedure p;
    p.code = CollapseSpaces(header.Get(rec, "procedure_code"));
    p.name = CollapseSpaces(header.Get(rec, "procedure_name"));
    const std::string field_name = CollapseSpaces(header.Get(rec, "field"));
    if (!IsProcedureCode(p.code)) {
      reject(fmt::format("mã thủ tục \"{}\" không đúng dạng d.dddddd (ví dụ 1.001193)", p.code));
      continue;
    }
    if (!seen.insert(p.code).second) {
      reject(fmt::format("mã thủ tục {} bị trùng với một dòng trước", p.code));
      continue;
    }
    if (p.name.empty() || CodePointCount(p.name) > kMaxNameCodePoints) {
      reject("tên thủ tục trống hoặc dài quá 2000 ký tự");
      continue;
    }
    if (field_name.empty()) {
      reject("thiếu lĩnh vực");
      continue;
    }
    p.levels = ParseLevels(header.Get(rec, "level"));
    if (p.levels.empty()) {
      reject(fmt::format("cấp thực hiện \"{}\" không có cấp tỉnh, huyện hoặc xã", header.Get(rec, "level")));
      continue;
    }
    std::string error;
    auto terms = ParseChannelTerms(header.Get(rec, "processing_time_by_channel"), error);
    if (!terms) {
      reject(error);
      continue;
    }
    p.channels = std::move(*terms);
    for (const std::string& name : SplitList(header.Get(rec, "channels"), ";")) {
      const auto channel = ParseChannelName(name);
      if (!channel) {
        error = fmt::format("kênh thực hiện không hợp lệ \"{}\"", name);
        break;
      }
      if (!p.HasChannel(*channel)) {
        p.channels.push_back(ChannelTerms{*channel, "", std::nullopt, TimeUnit::kUnspecified});
      }
    }
    if (!error.empty()) {
      reject(error);
      continue;
    }
    const std::string& value = header.Get(rec, "processing_time_value");
    p.time_value = ParseNumber(value);
    if (!value.empty() && !p.time_value) {
      reject(fmt::format("thời hạn giải quyết \"{}\" không phải là số", value));
      continue;
    }
    const auto unit = ParsePublishedTimeUnit(header.Get(rec, "processing_time_unit"));
    if (!unit) {
      reject(fmt::format("đơn vị thời hạn \"{}\" không hợp lệ", header.Get(rec, "processing_time_unit")));
      continue;
    }
    p.time_unit = *unit;
    const std::string& fee_vnd = header.Get(rec, "fee_vnd");
    if (!fee_vnd.empty()) {
      p.fee_vnd = ParseInteger(fee_vnd);
      if (!p.fee_vnd) {
        reject(fmt::format("lệ phí \"{}\" không phải là số nguyên không âm", fee_vnd));
        continue;
      }
    }
    p.processing_time = CollapseSpaces(header.Get(rec, "processing_time"));
    p.fee = CollapseSpaces(header.Get(rec, "fee"));
    p.fee_note = CollapseSpaces(header.Get(rec, "fee_note"));
    p.ministry = CollapseSpaces(header.Get(rec, "ministry"));
    p.implementing_agency = CollapseSpaces(header.Get(rec, "implementing_agency"));
    p.procedure_type = CollapseSpaces(header.Get(rec, "procedure_type"));
    p.decision_no = CollapseSpaces(header.Get(rec, "decision_no"));
    p.source_url = CollapseSpaces(header.Get(rec, "source_url"));
    p.online_level = p.HasChannel(Channel::kOnline) ? OnlineLevel::kPartial : OnlineLevel::kNone;
    p.field_code = Slug(field_name);
    fields.emplace(p.field_code, Field{p.field_code, field_name, 0});
    out.procedures.push_back(std::move(p));
  }
  for (auto& [code, field] : fields) {
    out.fields.push_back(std::move(field));
  }
  return out;
}

UnitImport ReadAdminUnits(std::string_view csv_text) {
  UnitImport out;
  bool three_tier = false;
  const auto table = OpenTable(
      csv_text,
      [&](const CsvHeader& h) {
        three_tier = h.Find("district_code").has_value();
        std::vector<std::string_view> required = {"province_code", "province_name", "ward_code",  "ward_name",
                                                  "level",         "unit_type",     "short_name", "name_en"};
        if (three_tier) {
          required.push_back("district_name");
        }
        return required;
      },
      out.errors, out.rows_read);
  if (!table) {
    return out;
  }
  const CsvHeader& header = *table->header;
  const std::string era = three_tier ? "2024" : "2025";
  std::set<std::string> seen;
  for (const CsvRecord* row : table->rows) {
    const CsvRecord& rec = *row;
    auto reject = [&](std::string reason) { out.errors.push_back(RowError{rec.line, std::move(reason)}); };
    AdminUnit u;
    u.era = era;
    u.province_code = header.Get(rec, "province_code");
    const std::string& level = header.Get(rec, "level");
    const std::string& district_code = three_tier ? header.Get(rec, "district_code") : std::string();
    if (level == "province") {
      u.level = Level::kProvince;
      u.code = u.province_code;
      u.name = header.Get(rec, "province_name");
    } else if (level == "district" && three_tier) {
      u.level = Level::kDistrict;
      u.code = district_code;
      u.name = header.Get(rec, "district_name");
      u.parent_code = u.province_code;
    } else if (level == "ward") {
      u.level = Level::kCommune;
      u.code = header.Get(rec, "ward_code");
      u.name = header.Get(rec, "ward_name");
      u.parent_code = three_tier ? district_code : u.province_code;
    } else {
      reject(fmt::format("cấp \"{}\" không hợp lệ (province, {}ward)", level, three_tier ? "district, " : ""));
      continue;
    }
    const size_t expected_digits = u.level == Level::kProvince ? 2 : (u.level == Level::kDistrict ? 3 : 5);
    const bool digits_ok = u.code.size() == expected_digits &&
                           u.code.find_first_not_of("0123456789") == std::string::npos && u.province_code.size() == 2 &&
                           u.province_code.find_first_not_of("0123456789") == std::string::npos;
    if (!digits_ok) {
      reject(fmt::format("mã đơn vị \"{}\" phải có {} chữ số", u.code, expected_digits));
      continue;
    }
    if (three_tier && u.level == Level::kCommune && u.parent_code.size() != 3) {
      reject("xã/phường thiếu mã huyện");
      continue;
    }
    u.name = CollapseSpaces(u.name);
    if (u.name.empty()) {
      reject("thiếu tên đơn vị");
      continue;
    }
    if (!seen.insert(u.code).second) {
      reject(fmt::format("mã đơn vị {} bị trùng với một dòng trước", u.code));
      continue;
    }
    u.short_name = CollapseSpaces(header.Get(rec, "short_name"));
    u.name_en = CollapseSpaces(header.Get(rec, "name_en"));
    u.unit_type = CollapseSpaces(header.Get(rec, "unit_type"));
    if (three_tier) {
      u.valid_to = std::string(kEra2024End);
    } else {
      u.valid_from = std::string(kEra2025Start);
    }
    out.units.push_back(std::move(u));
  }
  return out;
}

MappingImport ReadAdminUnitMapping(std::string_view csv_text) {
  MappingImport out;
  const auto table = OpenTable(
      csv_text,
      [](const CsvHeader&) {
        return std::vector<std::string_view>{"level", "new_code", "new_name", "old_code", "old_name", "merge_type"};
      },
      out.errors, out.rows_read);
  if (!table) {
    return out;
  }
  const CsvHeader& header = *table->header;
  std::set<std::string> seen;
  for (const CsvRecord* row : table->rows) {
    const CsvRecord& rec = *row;
    AdminUnitLink l{header.Get(rec, "level"),    header.Get(rec, "old_code"), header.Get(rec, "old_name"),
                    header.Get(rec, "new_code"), header.Get(rec, "new_name"), header.Get(rec, "merge_type")};
    if ((l.level != "province" && l.level != "ward") || l.old_code.empty() || l.new_code.empty()) {
      out.errors.push_back(RowError{rec.line, "thiếu cấp, mã cũ hoặc mã mới"});
      continue;
    }
    if (!seen.insert(l.level + "/" + l.old_code + "/" + l.new_code).second) {
      out.errors.push_back(RowError{rec.line, "cặp mã cũ → mã mới bị trùng"});
      continue;
    }
    out.links.push_back(std::move(l));
  }
  return out;
}

}  // namespace motcua::domain
