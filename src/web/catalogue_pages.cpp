// Citizen-facing catalogue: home, search, procedure, blank forms, fields and agencies.
#include <fmt/format.h>
#include <charconv>

#include "domain/deadline_text.hpp"
#include "domain/desks.hpp"
#include "http/url.hpp"
#include "web/site.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::Catalogue;
using domain::Procedure;
using http::Request;
using http::Response;

constexpr size_t kMostUsedOnHome = 10;
constexpr size_t kFieldsOnHome = 12;
constexpr int32_t kPageSize = 20;
constexpr int32_t kMaxPage = 100000;
//! Query names of the desk picker on a procedure page: the province and the commune (2025 codes).
constexpr std::string_view kProvinceParam = "tinh";
constexpr std::string_view kCommuneParam = "xa";

//! "1.234.567" style thousands for Vietnamese, "1,234,567" for English.
std::string Thousands(int64_t n, std::string_view lang) {
  std::string digits = std::to_string(n);
  const char sep = lang == "vi" ? '.' : ',';
  std::string out;
  const int32_t len = static_cast<int32_t>(digits.size());
  for (int32_t i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) {
      out += sep;
    }
    out += digits[static_cast<size_t>(i)];
  }
  return out;
}

std::string FormatNumber(double v) {
  return v == static_cast<double>(static_cast<int64_t>(v)) ? std::to_string(static_cast<int64_t>(v))
                                                           : fmt::format("{}", v);
}

std::string LevelsText(const Site& site, std::string_view lang, const Procedure& p) {
  std::string out;
  for (const domain::Level l : p.levels) {
    out += (out.empty() ? "" : ", ") + LevelName(site, lang, l);
  }
  return out;
}

std::string FeeText(const Site& site, std::string_view lang, const Procedure& p) {
  if (p.fee_vnd && *p.fee_vnd == 0) {
    return site.T(lang, "Miễn phí");
  }
  if (p.fee.empty() || p.fee == "Không có thông tin") {
    return site.T(lang, "Chưa có thông tin về lệ phí");
  }
  return p.fee;
}

void AddOption(TemplateDictionary& d, const char* section, std::string_view value, std::string_view label,
               std::string_view current);

//! One clear phrase for a time limit ("5 ngày làm việc", "Không quá 10 ngày", "Trong ngày").
std::string DeadlinePhrase(const Site& site, std::string_view lang, const domain::Deadline& d) {
  switch (d.kind) {
    case domain::DeadlineKind::kAmount: {
      const std::string amount = FormatNumber(d.value) + " " + TimeUnitName(site, lang, d.unit, d.value);
      return d.at_most ? site.T(lang, "Không quá") + " " + amount : amount;
    }
    case domain::DeadlineKind::kSameDay:
      return site.T(lang, "Trong ngày");
    case domain::DeadlineKind::kUnknownUnit:
      return FormatNumber(d.value) + " " + site.T(lang, "(chưa rõ đơn vị)");
    case domain::DeadlineKind::kNone:
      return site.T(lang, "Chưa có thông tin");
  }
  return {};
}

//! The steps and result of a procedure as one text, where a bare deadline number finds its unit.
std::string StepsText(const Procedure& p) {
  std::string out = p.result;
  for (const std::string& step : p.steps) {
    out += "\n" + step;
  }
  return out;
}

//! The time limits: one phrase for the procedure, a channel row only where a channel differs from it, and the
//! caveat of an unpublished unit once.
void AddDeadlines(const Site& site, std::string_view lang, const Procedure& p, TemplateDictionary& d) {
  const std::string steps = StepsText(p);
  const domain::Deadline general = domain::ReadDeadline(p.processing_time, steps);
  d.SetValue("TIME", DeadlinePhrase(site, lang, general));
  bool unknown_unit = general.kind == domain::DeadlineKind::kUnknownUnit;
  bool any_differs = false;
  for (const domain::ChannelTerms& c : p.channels) {
    const domain::Deadline own = domain::ReadDeadline(c.time_text, steps);
    const bool same = own == general || own.kind == domain::DeadlineKind::kNone;
    any_differs = any_differs || !same;
    unknown_unit = unknown_unit || (!same && own.kind == domain::DeadlineKind::kUnknownUnit);
    TemplateDictionary* row = d.AddSectionDictionary("CHANNEL");
    row->SetValue("CHANNEL", ChannelName(site, lang, c.channel));
    row->SetValue("TIME", same ? site.T(lang, "Như thời hạn chung") : DeadlinePhrase(site, lang, own));
  }
  if (any_differs) {
    d.ShowSection("CHANNELS_DIFFER");
  } else if (!p.channels.empty()) {
    d.ShowSection("CHANNELS_SAME");
  }
  if (unknown_unit) {
    d.ShowSection("UNKNOWN_UNIT");
  }
}

//! A desk card (include DESK): the desk's address with a map link, hours and phone; or, when it is not on file,
//! `fallback_name` and the hotline to call.
void AddDeskCard(const Site& site, std::string_view lang, const domain::Desk* desk, const std::string& fallback_name,
                 TemplateDictionary& parent) {
  TemplateDictionary* card = parent.AddIncludeDictionary("DESK");
  card->SetFilename(Templates::Key(lang, "partials/desk"));
  if (desk == nullptr) {
    card->SetValue("NAME", fallback_name);
    TemplateDictionary* unknown = card->AddSectionDictionary("UNKNOWN");
    unknown->SetValue("HOTLINE", site.config().hotline);
    unknown->SetValue("HOTLINE_TEL", TelDigits(site.config().hotline));
    return;
  }
  card->SetValue("NAME", desk->name);
  TemplateDictionary* known = card->AddSectionDictionary("KNOWN");
  known->SetValue("ADDRESS", desk->address);
  known->SetValue("MAP_URL", domain::MapLink(*desk));
  known->SetValue("HOURS", desk->hours);
  known->SetValue("PHONE", desk->phone);
  known->SetValue("TEL", TelDigits(desk->phone));
  if (desk->demo_values) {
    known->ShowSection("DEMO");
  }
}

//! The province and commune a visitor chose on a procedure page; the portal's own province when none was chosen.
struct Place {
  const domain::AdminUnit* province = nullptr;  //!< The province, or null.
  const domain::AdminUnit* commune = nullptr;   //!< A commune of that province, or null.
  bool chosen = false;                          //!< The visitor sent the form.
};

Place PlaceOf(const Request& req, const domain::DeskDirectory& desks) {
  Place place;
  const std::string province_code(req.Query(kProvinceParam));
  place.chosen = !province_code.empty();
  std::string wanted = province_code;
  if (wanted.empty()) {
    if (const domain::Desk* home = desks.HomeCentre()) {
      wanted = home->province_code;
    }
  }
  const domain::AdminUnit* province = desks.FindUnit(wanted);
  if (province == nullptr || province->level != domain::Level::kProvince) {
    return place;
  }
  place.province = province;
  const domain::AdminUnit* commune = desks.FindUnit(req.Query(kCommuneParam));
  if (commune != nullptr && commune->level == domain::Level::kCommune && commune->province_code == province->code) {
    place.commune = commune;
  }
  return place;
}

//! "Nộp hồ sơ ở đâu": the desks for the chosen commune, else the general answer, and the no-script picker.
void AddWhereToGo(const Site& site, std::string_view lang, const Request& req, const Catalogue& catalogue,
                  const Procedure& p, TemplateDictionary& d) {
  const auto desks = site.desks();
  const Place place = PlaceOf(req, *desks);
  const std::vector<domain::Visit> visits =
      place.province == nullptr
          ? std::vector<domain::Visit>{}
          : domain::WhereToGo(p, *desks, place.province->code, place.commune ? place.commune->code : "");
  if (place.chosen && !visits.empty()) {
    d.ShowSection("HAS_VISITS");
    d.SetValue("PLACE",
               place.commune != nullptr ? place.commune->name + ", " + place.province->name : place.province->name);
    for (const domain::Visit& v : visits) {
      TemplateDictionary* visit = d.AddSectionDictionary("VISIT");
      if (v.level == domain::Level::kProvince) {
        visit->SetValue("LEVEL", site.T(lang, "Hồ sơ cấp tỉnh"));
        AddDeskCard(site, lang, v.desk, "Trung tâm Phục vụ hành chính công " + place.province->name, *visit);
        continue;
      }
      visit->SetValue("LEVEL", site.T(lang, "Hồ sơ cấp xã"));
      if (place.commune == nullptr) {
        visit->ShowSection("CHOOSE_COMMUNE");
      } else {
        AddDeskCard(site, lang, v.desk, "Bộ phận một cửa, Ủy ban nhân dân " + place.commune->name, *visit);
      }
    }
  } else {
    d.ShowSection("NO_PLACE");
    if (const domain::Agency* a = catalogue.FindAgency(p.agency_code)) {
      d.AddSectionDictionary("WHERE")->SetValue("TEXT", a->name);
    }
    if (p.HasLevel(domain::Level::kDistrict) || p.HasLevel(domain::Level::kCommune)) {
      d.AddSectionDictionary("WHERE")->SetValue(
          "TEXT", site.T(lang, "Bộ phận một cửa của Ủy ban nhân dân xã, phường nơi bạn cư trú"));
    }
    if (catalogue.FindAgency(p.agency_code) == nullptr && !p.HasLevel(domain::Level::kDistrict) &&
        !p.HasLevel(domain::Level::kCommune)) {
      d.AddSectionDictionary("WHERE")->SetValue(
          "TEXT", p.implementing_agency.empty() ? site.T(lang, "Chưa có thông tin") : p.implementing_agency);
    }
  }
  if (!p.HasLevel(domain::Level::kProvince) && !p.HasLevel(domain::Level::kDistrict) &&
      !p.HasLevel(domain::Level::kCommune)) {
    return;  // a procedure no local desk receives: no picker
  }
  d.ShowSection("PICKER");
  for (const domain::AdminUnit* u : desks->Provinces()) {
    AddOption(d, "PROVINCE_OPTION", u->code, u->name, place.province ? place.province->code : "");
  }
  if (place.province != nullptr) {
    d.ShowSection("HAS_COMMUNES");
    AddOption(d, "COMMUNE_OPTION", "", site.T(lang, "Chọn xã, phường"), place.commune ? place.commune->code : "");
    for (const domain::AdminUnit* u : desks->CommunesOf(place.province->code)) {
      AddOption(d, "COMMUNE_OPTION", u->code, u->name, place.commune ? place.commune->code : "");
    }
  }
}

void AddProcedureItem(const Site& site, std::string_view lang, const Catalogue& catalogue, const Procedure& p,
                      TemplateDictionary& item) {
  item.SetValue("CODE", p.code);
  item.SetValue("NAME", p.name);
  if (const domain::Field* f = catalogue.FindField(p.field_code)) {
    item.SetValue("FIELD", f->name);
  }
  item.SetValue("LEVELS", LevelsText(site, lang, p));
  if (p.online_level != domain::OnlineLevel::kNone) {
    item.ShowSection("ONLINE");
    item.SetValue("ONLINE_LEVEL", OnlineLevelName(site, lang, p.online_level));
  }
}

std::optional<int32_t> ParsePage(std::string_view s) {
  if (s.empty()) {
    return 1;
  }
  int32_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < 1) {
    return std::nullopt;
  }
  return std::min(v, kMaxPage);
}

Response Home(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  return site.Page(req, "home", site.T(lang, "Dịch vụ công trực tuyến"), [&](TemplateDictionary& d) {
    AddSearchForm(d, lang, "");
    for (const Procedure* p : catalogue->MostUsed(kMostUsedOnHome)) {
      AddProcedureItem(site, lang, *catalogue, *p, *d.AddSectionDictionary("MOST_USED"));
    }
    std::vector<const domain::Field*> fields;
    for (const domain::Field& f : catalogue->fields()) {
      fields.push_back(&f);
    }
    std::sort(fields.begin(), fields.end(), [](const auto* a, const auto* b) {
      return a->procedure_count != b->procedure_count ? a->procedure_count > b->procedure_count : a->name < b->name;
    });
    for (size_t i = 0; i < fields.size() && i < kFieldsOnHome; ++i) {
      TemplateDictionary* f = d.AddSectionDictionary("FIELD");
      f->SetValue("CODE", fields[i]->code);
      f->SetValue("NAME", fields[i]->name);
      f->SetIntValue("COUNT", fields[i]->procedure_count);
    }
    d.SetIntValue("FIELD_TOTAL", static_cast<long>(catalogue->fields().size()));
    for (const domain::Agency& a : catalogue->agencies()) {
      if (a.level == domain::Level::kProvince && !a.parent_code.empty()) {
        TemplateDictionary* x = d.AddSectionDictionary("AGENCY");
        x->SetValue("CODE", a.code);
        x->SetValue("NAME", a.short_name);
      }
    }
    for (const domain::Level l : {domain::Level::kProvince, domain::Level::kDistrict, domain::Level::kCommune}) {
      TemplateDictionary* x = d.AddSectionDictionary("LEVEL");
      x->SetValue("CODE", std::string(domain::ToString(l)));
      x->SetValue("NAME", LevelName(site, lang, l));
      x->SetIntValue("COUNT", catalogue->CountAtLevel(l));
    }
    d.SetValue("PROCEDURE_TOTAL", Thousands(static_cast<int64_t>(catalogue->procedures().size()), lang));
  });
}

//! A select list option, marked selected when it is the current value.
void AddOption(TemplateDictionary& d, const char* section, std::string_view value, std::string_view label,
               std::string_view current) {
  TemplateDictionary* o = d.AddSectionDictionary(section);
  o->SetValue("VALUE", std::string(value));
  o->SetValue("LABEL", std::string(label));
  if (value == current) {
    o->ShowSection("SELECTED");
  }
}

Response SearchPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  domain::SearchQuery q;
  q.text = std::string(req.Query("q"));
  q.field_code = std::string(req.Query("field"));
  q.agency_code = std::string(req.Query("agency"));
  q.level = domain::ParseLevel(req.Query("level"));
  q.online = domain::ParseOnlineLevel(req.Query("online"));
  q.page = ParsePage(req.Query("page")).value_or(1);
  q.page_size = kPageSize;
  const domain::SearchResult result = catalogue->Search(q);
  const std::string title = q.text.empty() ? site.T(lang, "Tìm thủ tục hành chính")
                                           : fmt::format("{} “{}”", site.T(lang, "Kết quả tìm kiếm"), q.text);
  return site.Page(req, "search", title, [&](TemplateDictionary& d) {
    d.SetValue("Q", q.text);
    AddSearchForm(d, lang, q.text);
    if (!q.field_code.empty() || !q.agency_code.empty() || q.level || q.online) {
      d.ShowSection("FILTERS_OPEN");
    }
    d.SetValue("TOTAL", Thousands(result.total, lang));
    d.SetValue("PROCEDURE_WORD", site.TN(lang, "thủ tục", "thủ tục", result.total));
    d.ShowSection(q.text.empty() ? "NO_QUERY" : "HAS_QUERY");
    if (result.total == 0) {
      d.ShowSection("NO_RESULTS");
    } else {
      d.ShowSection("HAS_RESULTS");
    }
    for (const Procedure* p : result.items) {
      AddProcedureItem(site, lang, *catalogue, *p, *d.AddSectionDictionary("RESULT"));
    }
    AddOption(d, "FIELD_OPTION", "", site.T(lang, "Tất cả lĩnh vực"), q.field_code);
    for (const domain::Field& f : catalogue->fields()) {
      AddOption(d, "FIELD_OPTION", f.code, f.name, q.field_code);
    }
    AddOption(d, "AGENCY_OPTION", "", site.T(lang, "Tất cả cơ quan"), q.agency_code);
    for (const domain::Agency& a : catalogue->agencies()) {
      if (a.level != domain::Level::kCommune) {
        AddOption(d, "AGENCY_OPTION", a.code, a.name, q.agency_code);
      }
    }
    const std::string level_value = q.level ? std::string(domain::ToString(*q.level)) : "";
    AddOption(d, "LEVEL_OPTION", "", site.T(lang, "Tất cả các cấp"), level_value);
    for (const domain::Level l : {domain::Level::kProvince, domain::Level::kDistrict, domain::Level::kCommune}) {
      AddOption(d, "LEVEL_OPTION", domain::ToString(l), LevelName(site, lang, l), level_value);
    }
    const std::string online_value = q.online ? std::string(domain::ToString(*q.online)) : "";
    AddOption(d, "ONLINE_OPTION", "", site.T(lang, "Tất cả"), online_value);
    for (const domain::OnlineLevel o :
         {domain::OnlineLevel::kFull, domain::OnlineLevel::kPartial, domain::OnlineLevel::kNone}) {
      AddOption(d, "ONLINE_OPTION", domain::ToString(o), OnlineLevelName(site, lang, o), online_value);
    }
    // Pagination keeps every filter.
    std::string base = "/thu-tuc?";
    for (const auto& [k, v] : req.query) {
      if (k != "page" && !v.empty()) {
        base += http::PercentEncode(k) + "=" + http::PercentEncode(v) + "&";
      }
    }
    if (result.page_count > 1) {
      d.ShowSection("PAGINATION");
      d.SetIntValue("PAGE", result.page);
      d.SetIntValue("PAGE_COUNT", result.page_count);
      if (result.page > 1) {
        d.SetValueAndShowSection("PREV_URL", base + "page=" + std::to_string(result.page - 1), "PREV");
      }
      if (result.page < result.page_count) {
        d.SetValueAndShowSection("NEXT_URL", base + "page=" + std::to_string(result.page + 1), "NEXT");
      }
    }
  });
}

Response ProcedurePage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const Procedure* p = catalogue->FindProcedure(req.Param("code"));
  if (p == nullptr) {
    return site.ErrorPage(
        req, http::kNotFound,
        fmt::format("{} “{}”.", site.T(lang, "Không có thủ tục hành chính nào có mã"), req.Param("code")));
  }
  return site.Page(req, "procedure", p->name, [&](TemplateDictionary& d) {
    d.SetValue("CODE", p->code);
    d.SetValue("NAME", p->name);
    if (const domain::Field* f = catalogue->FindField(p->field_code)) {
      d.SetValue("FIELD", f->name);
      d.SetValue("FIELD_CODE", f->code);
    }
    d.SetValue("LEVELS", LevelsText(site, lang, *p));
    d.SetValue("ONLINE_LEVEL", OnlineLevelName(site, lang, p->online_level));
    d.SetValue("FEE", FeeText(site, lang, *p));
    if (!p->fee_note.empty()) {
      d.SetValueAndShowSection("FEE_NOTE", p->fee_note, "HAS_FEE_NOTE");
    }
    AddDeadlines(site, lang, *p, d);
    AddWhereToGo(site, lang, req, *catalogue, *p, d);
    if (!p->implementing_agency.empty()) {
      d.SetValueAndShowSection("IMPLEMENTING", p->implementing_agency, "HAS_IMPLEMENTING");
    }
    if (!p->purpose.empty()) {
      d.SetValueAndShowSection("PURPOSE", p->purpose, "HAS_PURPOSE");
    }
    if (!p->applicants.empty()) {
      d.SetValueAndShowSection("APPLICANTS", p->applicants, "HAS_APPLICANTS");
    }
    if (!p->result.empty()) {
      d.SetValueAndShowSection("RESULT", p->result, "HAS_RESULT");
    }
    if (!p->documents.empty()) {
      d.ShowSection("HAS_DOCUMENTS");
      for (const domain::RequiredDocument& doc : p->documents) {
        TemplateDictionary* row = d.AddSectionDictionary("DOCUMENT");
        row->SetValue("NAME", doc.name);
        row->SetIntValue("ORIGINALS", doc.originals);
        row->SetIntValue("COPIES", doc.copies);
        if (!doc.note.empty()) {
          row->SetValueAndShowSection("NOTE", doc.note, "HAS_NOTE");
        }
        if (const domain::Form* f = p->FindForm(doc.form_id)) {
          TemplateDictionary* link = row->AddSectionDictionary("FORM_LINK");
          link->SetValue("URL", "/thu-tuc/" + p->code + "/mau/" + f->id);
          link->SetValue("FORM_NAME", f->name);
        }
      }
    } else {
      d.ShowSection("NO_DOCUMENTS");
    }
    for (const std::string& step : p->steps) {
      d.SetValueAndShowSection("STEP", step, "STEP_ITEM");
    }
    if (!p->steps.empty()) {
      d.ShowSection("HAS_STEPS");
    }
    for (const std::string& basis : p->legal_basis) {
      d.AddSectionDictionary("LEGAL")->SetValue("TEXT", basis);
    }
    if (!p->legal_basis.empty()) {
      d.ShowSection("HAS_LEGAL");
    }
    if (!p->decision_no.empty()) {
      d.SetValueAndShowSection("DECISION", p->decision_no, "HAS_DECISION");
    }
    for (const domain::Form& f : p->forms) {
      TemplateDictionary* row = d.AddSectionDictionary("FORM");
      row->SetValue("URL", "/thu-tuc/" + p->code + "/mau/" + f.id);
      row->SetValue("NAME", f.name);
    }
    if (!p->forms.empty()) {
      d.ShowSection("HAS_FORMS");
    }
    if (p->HasChannel(domain::Channel::kOnline)) {
      d.ShowSection("CAN_APPLY_ONLINE");
    } else {
      d.ShowSection("APPLY_IN_PERSON");
    }
    if (p->source_url.starts_with("https://")) {
      d.SetValueAndShowSection("SOURCE_URL", p->source_url, "HAS_SOURCE");
    }
  });
}

Response FormPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const Procedure* p = catalogue->FindProcedure(req.Param("code"));
  const domain::Form* form = p == nullptr ? nullptr : p->FindForm(req.Param("form"));
  if (form == nullptr) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không có mẫu đơn, tờ khai này."));
  }
  return site.Page(req, "form", form->name, [&](TemplateDictionary& d) {
    d.SetValue("PROCEDURE_CODE", p->code);
    d.SetValue("PROCEDURE_NAME", p->name);
    d.SetValue("FORM_NAME", form->name);
    d.SetValue("LEGAL_BASIS", form->legal_basis);
    for (const domain::FormField& f : form->fields) {
      TemplateDictionary* row = d.AddSectionDictionary("FIELD");
      row->SetValue("LABEL", f.label);
      for (int32_t i = 0; i < std::max(1, f.lines); ++i) {
        row->AddSectionDictionary("LINE");
      }
    }
  });
}

Response FieldsPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  return site.Page(req, "fields", site.T(lang, "Lĩnh vực"), [&](TemplateDictionary& d) {
    for (const domain::Field& f : catalogue->fields()) {
      TemplateDictionary* x = d.AddSectionDictionary("FIELD");
      x->SetValue("CODE", f.code);
      x->SetValue("NAME", f.name);
      x->SetIntValue("COUNT", f.procedure_count);
    }
  });
}

Response AgenciesPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  return site.Page(req, "agencies", site.T(lang, "Cơ quan giải quyết thủ tục"), [&](TemplateDictionary& d) {
    std::map<std::string, TemplateDictionary*> districts;
    for (const domain::Agency& a : catalogue->agencies()) {
      if (a.level == domain::Level::kProvince) {
        TemplateDictionary* x = d.AddSectionDictionary("PROVINCE_AGENCY");
        x->SetValue("CODE", a.code);
        x->SetValue("NAME", a.name);
        if (a.has_one_stop) {
          x->ShowSection("ONE_STOP");
        }
      } else if (a.level == domain::Level::kDistrict) {
        TemplateDictionary* x = d.AddSectionDictionary("DISTRICT");
        x->SetValue("CODE", a.code);
        x->SetValue("NAME", a.name);
        districts[a.code] = x;
      }
    }
    for (const domain::Agency& a : catalogue->agencies()) {
      if (a.level != domain::Level::kCommune) {
        continue;
      }
      const auto it = districts.find(a.parent_code);
      if (it == districts.end()) {
        continue;
      }
      TemplateDictionary* x = it->second->AddSectionDictionary("COMMUNE");
      x->SetValue("CODE", a.code);
      x->SetValue("NAME", a.name);
    }
  });
}

Response AgencyPage(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  const auto catalogue = site.catalogue();
  const domain::Agency* a = catalogue->FindAgency(req.Param("code"));
  if (a == nullptr) {
    return site.ErrorPage(req, http::kNotFound,
                          fmt::format("{} “{}”.", site.T(lang, "Không có cơ quan nào có mã"), req.Param("code")));
  }
  const auto desks = site.desks();
  return site.Page(req, "agency", a->name, [&](TemplateDictionary& d) {
    d.SetValue("CODE", a->code);
    d.SetValue("NAME", a->name);
    d.SetValue("LEVEL", LevelName(site, lang, a->level));
    if (const domain::Agency* parent = catalogue->FindAgency(a->parent_code)) {
      TemplateDictionary* p = d.AddSectionDictionary("PARENT");
      p->SetValue("PARENT_CODE", parent->code);
      p->SetValue("PARENT_NAME", parent->name);
    }
    const domain::Desk* desk = desks->ForAgency(a->code);
    if (desk == nullptr && a->level == domain::Level::kProvince) {
      // A department without a desk of its own receives its applications at the province's centre.
      desk = desks->HomeCentre();
      if (desk != nullptr) {
        d.ShowSection("AT_CENTRE");
      }
    }
    AddDeskCard(site, lang, desk, "Bộ phận một cửa, " + a->name, d);
  });
}

}  // namespace

void AddCataloguePages(access::RouteTable& routes, const Site& site) {
  routes.Add("GET", "/", domain::Permission::kPublic, [&site](Request& r) { return Home(site, r); });
  routes.Add("GET", "/thu-tuc", domain::Permission::kPublic, [&site](Request& r) { return SearchPage(site, r); });
  routes.Add("GET", "/thu-tuc/{code}", domain::Permission::kPublic,
             [&site](Request& r) { return ProcedurePage(site, r); });
  routes.Add("GET", "/thu-tuc/{code}/mau/{form}", domain::Permission::kPublic,
             [&site](Request& r) { return FormPage(site, r); });
  routes.Add("GET", "/linh-vuc", domain::Permission::kPublic, [&site](Request& r) { return FieldsPage(site, r); });
  routes.Add("GET", "/co-quan", domain::Permission::kPublic, [&site](Request& r) { return AgenciesPage(site, r); });
  routes.Add("GET", "/co-quan/{code}", domain::Permission::kPublic,
             [&site](Request& r) { return AgencyPage(site, r); });
}

}  // namespace motcua::web
