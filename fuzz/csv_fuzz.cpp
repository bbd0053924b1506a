// libFuzzer target: the CSV reader and the reference-data importers never crash on any input, and every
// rejected row names a line inside the file.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/csv.hpp"
#include "domain/desks.hpp"
#include "domain/reference_import.hpp"

namespace {

const std::string kProcedureHeader =
    "procedure_code,procedure_name,field,level,ministry,implementing_agency,procedure_type,decision_no,channels,"
    "processing_time,processing_time_value,processing_time_unit,processing_time_by_channel,fee,fee_vnd,fee_note,"
    "source_url\n";

const std::string kDeskHeader =
    "id,kind,province_code,commune_code,agency_code,name,address,hours,phone,latitude,longitude,source\n";

template <typename Import>
void CheckLines(const Import& r, std::string_view text) {
  // Lines end with LF, CRLF or a lone CR, as the reader counts them.
  int64_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) ? 1 : 0;
  }
  for (const auto& e : r.errors) {
    if (e.line < 1 || e.line > lines || e.reason.empty()) {
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const motcua::domain::CsvDocument doc = motcua::domain::ParseCsv(input);
  for (const auto& r : doc.records) {
    if (r.fields.empty()) {
      std::abort();
    }
  }
  const std::string with_header = kProcedureHeader + std::string(input);
  CheckLines(motcua::domain::ReadProcedures(with_header), with_header);
  CheckLines(motcua::domain::ReadProcedures(input), input);
  CheckLines(motcua::domain::ReadAdminUnits(input), input);
  CheckLines(motcua::domain::ReadAdminUnitMapping(input), input);
  const std::string desks = kDeskHeader + std::string(input);
  const motcua::domain::DeskImport desk_import = motcua::domain::ReadDesks(desks);
  CheckLines(desk_import, desks);
  for (const motcua::domain::Desk& d : desk_import.desks) {
    // Every accepted desk has what a page needs, and its map link is an OpenStreetMap address.
    if (d.name.empty() || d.address.empty() ||
        !motcua::domain::MapLink(d).starts_with("https://www.openstreetmap.org/")) {
      std::abort();
    }
  }
  return 0;
}
