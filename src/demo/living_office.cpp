#include "demo/living_office.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <boost/json.hpp>

#include "domain/answers.hpp"
#include "domain/audit.hpp"
#include "domain/dates.hpp"
#include "domain/dossier.hpp"
#include "domain/form_definition.hpp"
#include "domain/policy.hpp"
#include "domain/processing.hpp"
#include "domain/work_calendar.hpp"
#include "service/back_office.hpp"
#include "service/dossiers.hpp"
#include "service/file_store.hpp"
#include "service/work_calendars.hpp"
#include "service/workflows.hpp"
#include "store/account_store.hpp"
#include "store/audit_store.hpp"

namespace motcua::demo {

namespace json = boost::json;
using domain::OfficeAction;
using A = domain::OfficeAction;

namespace {

constexpr std::string_view kCommune = "000.05.31.H40";     // Phường Năng Tĩnh
constexpr std::string_view kDepartment = "000.00.02.H40";  // Sở Tư pháp
constexpr int32_t kMinutesPerHour = 60;
constexpr int32_t kFilingMinute = 6 * kMinutesPerHour + 40;    // 06:40: filed online before the office opens
constexpr int32_t kReceiptMinute = 7 * kMinutesPerHour + 45;   // 07:45: the desk receives
constexpr int32_t kMoveGapMinutes = 25;                        // between two actions of one working day
constexpr int32_t kScenarioGapMinutes = 7;                     // between two dossiers received the same day
constexpr int32_t kApologyMinute = 16 * kMinutesPerHour + 30;  // the new date promised: 16:30
constexpr int32_t kApologyWorkingDays = 3;                     // … this many working days from today
constexpr int64_t kSampleMoney = 100000;                       // đồng
constexpr int32_t kSampleDateOffset = -30;                     // days from today
constexpr int32_t kLookBackDays = 400;                         // calendar days searched for working days
constexpr size_t kScenarioSpread = 12;                         // dossiers received the same morning, 7 min apart
constexpr std::string_view kPendingNote = "Người nộp hồ sơ mẫu (chưa đặt mật khẩu)";

//! A person who files in the demo.
struct Applicant {
  std::string_view personal_id;  //!< 12 digits (036 = Nam Định, century and sex, birth year).
  std::string_view phone;        //!< Mobile.
  std::string_view name;         //!< Full name.
  std::string_view born;         //!< YYYY-MM-DD.
};

//! Nguyễn Thị Hương is in data/demo/accounts.csv (a visitor signs in as her); the others are created here, pending.
constexpr Applicant kApplicants[] = {
    {"036190003456", "0912000004", "Nguyễn Thị Hương", "1990-06-15"},
    {"036082004511", "0912000031", "Trần Văn Nam", "1982-02-11"},
    {"036193004622", "0912000032", "Lê Thị Thanh Hà", "1993-09-23"},
    {"036075004733", "0912000033", "Phạm Quang Vinh", "1975-12-05"},
    {"036188004844", "0912000034", "Đặng Thị Ngọc Ánh", "1988-04-17"},
    {"036067004955", "0912000035", "Vũ Đình Khải", "1967-07-30"},
    {"036199005066", "0912000036", "Hoàng Thị Lan Anh", "1999-01-08"},
};

//! One step of a scenario.
struct Move {
  OfficeAction action = A::kAccept;  //!< What is done (kSupply: the applicant; kAcceptWithdrawal: after they ask).
  std::string_view to;               //!< kForward/kAssign: the login of the officer given the dossier.
  std::string_view note;             //!< Note or reason.
};

//! One dossier of the living office.
struct Scenario {
  std::string_view agency;     //!< Where it is filed.
  std::string_view procedure;  //!< Its procedure (a time limit in working days).
  int32_t applicant = 0;       //!< Index in kApplicants.
  int32_t days_ago = 1;        //!< Working days before today it was received (filed, when no move).
  bool from_limit = false;     //!< days_ago counts from the procedure's time limit (L + days_ago).
  bool counter = false;        //!< Received at the counter (channel 1) rather than filed online.
  std::vector<Move> moves;     //!< What happened since, in order.
};

const std::string_view kLateReason = "Hồ sơ cần xác minh thêm với cơ quan công an";

std::vector<Scenario> Scenarios() {
  // Commune (Phường Năng Tĩnh): giám hộ 3, chấm dứt giám hộ 2, hòa giải viên 5, nuôi con nuôi 5 working days.
  const std::string_view guardian = "1.004837";
  const std::string_view end_guardian = "1.004845";
  const std::string_view mediator = "1.002211";
  const std::string_view adoption = "2.001255";
  // Sở Tư pháp: thẻ cộng tác viên trợ giúp pháp lý 7, hành nghề luật sư cá nhân 5 working days.
  const std::string_view legal_aid = "2.000587";
  const std::string_view lawyer = "1.002153";
  const Move accept{A::kAccept, "", "Đủ thành phần hồ sơ"};
  const Move forward{A::kForward, "", "Đủ điều kiện, trình ký"};
  const Move approve{A::kApprove, "", ""};
  const Move result{A::kRecordResult, "", ""};
  const Move returned{A::kMarkReturned, "", ""};
  const Move supplement{A::kRequestSupplement, "", "Ghi rõ nội dung đề nghị và mục đích"};
  const Move supply{A::kSupply, "", ""};
  const Move apology{A::kApologise, "", kLateReason};
  const Move to_trang{A::kForward, "chuyenvien.tuphap", "Đồng chí Trang thụ lý"};
  const Move to_khoa{A::kForward, "chuyenvien2.tuphap", "Đồng chí Khoa thụ lý"};
  return {
      // Phường Năng Tĩnh
      {kCommune, guardian, 0, 0, false, false, {}},
      {kCommune, adoption, 1, 1, false, false, {}},
      {kCommune, mediator, 2, 1, false, false, {accept}},
      {kCommune, adoption, 3, 2, false, false, {accept, forward}},
      {kCommune, guardian, 0, 1, false, false, {accept, supplement}},
      {kCommune, mediator, 4, 3, true, false, {accept}},
      {kCommune, mediator, 5, -1, true, false, {accept}},
      {kCommune, guardian, 0, 2, true, false, {accept, apology}},
      {kCommune, end_guardian, 0, 2, false, false, {accept, forward, approve, result}},
      {kCommune, guardian, 6, 3, false, false, {accept, forward, approve, result, returned}},
      {kCommune, adoption, 1, 2, false, false, {{A::kRefuse, "", "Hồ sơ thuộc thẩm quyền của UBND cấp huyện"}}},
      {kCommune, mediator, 2, 0, false, true, {}},
      {kCommune, guardian, 3, 1, false, false, {accept, {A::kAcceptWithdrawal, "", "Người nộp xin rút hồ sơ"}}},
      // Sở Tư pháp
      {kDepartment, legal_aid, 4, 0, false, false, {}},
      {kDepartment, lawyer, 5, 1, false, false, {accept}},
      {kDepartment, legal_aid, 6, 2, false, false, {accept, to_trang}},
      {kDepartment, lawyer, 1, 1, false, false, {accept, to_khoa}},
      {kDepartment, legal_aid, 2, 3, false, false, {accept, to_trang, forward}},
      {kDepartment, lawyer, 3, 3, false, false, {accept, to_khoa, forward, forward}},
      {kDepartment, legal_aid, 4, 4, false, false, {accept, to_trang, forward, forward, approve}},
      {kDepartment, lawyer, 0, 2, false, false, {accept, to_trang, supplement}},
      {kDepartment, legal_aid, 5, 4, true, false, {accept, to_khoa}},
      {kDepartment, lawyer, 6, -1, true, false, {accept, to_trang, forward}},
      {kDepartment, legal_aid, 0, 3, true, false, {accept, to_trang, apology}},
      {kDepartment, lawyer, 0, 4, false, false, {accept, to_khoa, forward, forward, approve, result}},
      {kDepartment,
       legal_aid,
       1,
       6,
       false,
       false,
       {accept, to_trang, supplement, supply, forward, forward, approve, result, returned}},
      {kDepartment,
       lawyer,
       2,
       3,
       false,
       false,
       {accept, to_khoa, forward, forward, {A::kStop, "", "Tổ chức hành nghề đã giải thể trong khi giải quyết"}}},
      {kDepartment, legal_aid, 3, 1, false, false, {{A::kRefuse, "", "Hồ sơ không thuộc thẩm quyền của Sở"}}},
      {kDepartment, lawyer, 4, 2, false, false, {accept, {A::kAcceptWithdrawal, "", "Người nộp xin rút hồ sơ"}}},
  };
}

//! The officers who act, by agency, in the order they are asked to (the first the service lets act does).
const std::map<std::string_view, std::vector<std::string_view>>& Officers() {
  static const std::map<std::string_view, std::vector<std::string_view>> officers = {
      {kCommune, {"tiepnhan.nangtinh", "tuphap.nangtinh", "chutich.nangtinh"}},
      {kDepartment,
       {"tiepnhan.tuphap", "truongphong.tuphap", "chuyenvien.tuphap", "chuyenvien2.tuphap", "giamdoc.tuphap",
        "vanthu.tuphap"}},
  };
  return officers;
}

//! The working day `n` working days before `today` (n ≤ 0: today, or the next working day when today is off).
domain::CivilDate WorkingDaysBefore(const domain::WorkCalendar& cal, domain::CivilDate today, int32_t n) {
  if (n <= 0) {
    return cal.AddWorkingDays(today, 0);
  }
  domain::CivilDate d = today;
  for (int32_t seen = 0, i = 0; seen < n && i < kLookBackDays; ++i) {
    d = domain::AddDays(d, -1);
    seen += cal.IsWorkingDay(d) ? 1 : 0;
  }
  return d;
}

domain::Instant At(domain::CivilDate day, int32_t minute) { return domain::ToInstant({day, minute}); }

//! A small valid PDF (what the clerk scans and signs, in the demo).
std::string DemoPdf(std::string_view title) {
  const std::string stream = fmt::format("BT /F1 16 Tf 20 100 Td ({}) Tj ET", title);
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      fmt::format("<< /Length {} >>\nstream\n{}\nendstream", stream.size(), stream),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t off : offsets) {
    pdf += fmt::format("{:010} 00000 n \n", off);
  }
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

//! Writes `bytes` to a new file of the spool folder; returns its path.
std::string Spool(const service::FileStore& files, std::string_view name, const std::string& bytes) {
  static int32_t sequence = 0;
  std::filesystem::create_directories(files.SpoolDir());
  std::string path = fmt::format("{}/demo-{}-{}", files.SpoolDir(), ++sequence, name);
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) {
    throw std::runtime_error("cannot write " + path);
  }
  return path;
}

//! Everything the scenarios are played with.
struct Office {
  store::Database& db;
  service::CatalogueHolder& catalogue;
  domain::ManualClock& clock;
  service::FileStore& files;
  service::FormLibrary& forms;
  service::Dossiers& dossiers;
  service::WorkCalendars& calendars;
  service::BackOffice& office;
  std::map<std::string, service::Actor> actors;  // by officer login or applicant personal ID
  std::map<std::string, int64_t> ids;            // the same, account ids
  LivingOfficeReport report;
};

service::Actor ActorOf(const domain::Account& a) {
  service::Actor actor;
  actor.principal = domain::Principal{a.id, a.full_name, !a.personal_id.empty(), a.grants};
  actor.address = "127.0.0.1";
  actor.user_agent = "motcua init --demo";
  return actor;
}

//! Finds the officers and the applicants (creating the missing applicants, pending, journaled).
void LoadPeople(Office& o) {
  o.db.Write([&](store::Session& s) {
    for (const Applicant& a : kApplicants) {
      if (store::FindAccountByLogin(s, a.personal_id, "", "")) {
        continue;
      }
      store::NewAccount n;
      n.personal_id = std::string(a.personal_id);
      n.phone = std::string(a.phone);
      n.full_name = std::string(a.name);
      n.date_of_birth = std::string(a.born);
      n.status = domain::AccountStatus::kPending;
      const store::Created created = store::InsertAccountUnlessTaken(s, n, o.clock.Now());
      if (created.id == 0) {
        continue;
      }
      domain::AuditEntry e;
      e.action = "account.demo_seed";
      e.object_type = "user";
      e.object_id = std::to_string(created.id);
      e.actor_name = "motcua init";
      e.summary = fmt::format(R"({{"note":"{}"}})", kPendingNote);
      store::AppendAudit(s, std::move(e));
    }
  });
  o.db.Read([&](store::Session& s) {
    for (const auto& [agency, logins] : Officers()) {
      for (std::string_view login : logins) {
        if (auto a = store::FindAccountByLogin(s, "", "", login)) {
          o.actors.emplace(login, ActorOf(*a));
          o.ids.emplace(login, a->id);
        }
      }
    }
    for (const Applicant& p : kApplicants) {
      if (auto a = store::FindAccountByLogin(s, p.personal_id, "", "")) {
        o.actors.emplace(p.personal_id, ActorOf(*a));
        o.ids.emplace(p.personal_id, a->id);
      }
    }
  });
}

//! The address of the applicants in the administrative units of `era`.
json::object Address(const service::CatalogueHolder& catalogue, const std::string& era) {
  const std::vector<domain::AdminUnit> provinces = catalogue.AdminUnits(era, "");
  if (provinces.empty()) {
    return {};
  }
  const auto named = std::find_if(provinces.begin(), provinces.end(), [](const domain::AdminUnit& u) {
    return u.name.find("Nam Định") != std::string::npos || u.name.find("Ninh Bình") != std::string::npos;
  });
  const domain::AdminUnit& province = named != provinces.end() ? *named : provinces.front();
  json::object address{{"province", province.code}, {"detail", "12 Trần Hưng Đạo"}};
  std::string parent = province.code;
  for (const char* level : {"district", "commune"}) {
    if (era != "2024" && std::string_view(level) == "district") {
      continue;  // no districts from 1 July 2025
    }
    const std::vector<domain::AdminUnit> children = catalogue.AdminUnits(era, parent);
    if (children.empty()) {
      break;
    }
    address[level] = children.front().code;
    parent = children.front().code;
  }
  return address;
}

json::value Sample(const domain::FieldDef& f, const Applicant& who, const json::object& address,
                   domain::CivilDate today) {
  const auto clamp = [&f](double v) { return std::clamp(v, f.min.value_or(v), f.max.value_or(v)); };
  switch (f.type) {
    case domain::FieldType::kText:
    case domain::FieldType::kTextarea: {
      std::string text = f.id == domain::kApplicantName ? std::string(who.name) : "Đề nghị giải quyết theo hồ sơ";
      text.resize(std::max(text.size(), static_cast<size_t>(f.min.value_or(0))), '.');
      return json::value(text);
    }
    case domain::FieldType::kNumber:
      return json::value(static_cast<int64_t>(clamp(1)));
    case domain::FieldType::kMoney:
      return json::value(static_cast<int64_t>(clamp(static_cast<double>(kSampleMoney))));
    case domain::FieldType::kDate: {
      const domain::CivilDate d = domain::AddDays(today, static_cast<int32_t>(clamp(kSampleDateOffset)));
      return json::value(fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day));
    }
    case domain::FieldType::kSelect:
    case domain::FieldType::kRadio:
      return f.options.empty() ? json::value(nullptr) : json::value(f.options.front().value);
    case domain::FieldType::kYesNo:
      return json::value(false);
    case domain::FieldType::kIdNumber:
      return json::value(who.personal_id);
    case domain::FieldType::kPhone:
      return json::value(who.phone);
    case domain::FieldType::kEmail:
      return json::value("hop.thu@example.vn");
    case domain::FieldType::kAddress:
      return address;
    case domain::FieldType::kGroup: {
      json::object entry;
      for (const domain::FieldDef& sub : f.fields) {
        if (domain::IsShown(sub, entry)) {
          entry[sub.id] = Sample(sub, who, address, today);
        }
      }
      json::array entries;
      for (int32_t i = 0; i < std::max(1, static_cast<int32_t>(f.min.value_or(1))); ++i) {
        entries.push_back(entry);
      }
      return entries;
    }
  }
  return nullptr;
}

json::object Answers(const domain::FormDefinition& form, const Applicant& who, const json::object& address,
                     domain::CivilDate today) {
  json::object answers;
  for (const domain::PageDef& page : form.pages) {
    for (const domain::FieldDef& f : page.fields) {
      if (domain::IsShown(f, answers)) {
        answers[f.id] = Sample(f, who, address, today);
      }
    }
  }
  return answers;
}

//! The instant of the `i`-th of `n` moves of a dossier received on `receipt` (spread over the working days until
//! today, each after `previous`, all before `now`).
domain::Instant MoveTime(const domain::WorkCalendar& cal, domain::CivilDate receipt, domain::CivilDate today, size_t i,
                         size_t n, int32_t index, domain::Instant previous, domain::Instant now) {
  const int32_t elapsed = std::max(0, cal.WorkingDaysBetween(receipt, today));
  const auto day = cal.AddWorkingDays(receipt, static_cast<int32_t>(static_cast<size_t>(elapsed) * i / n));
  domain::Instant t = At(day, kReceiptMinute + index * kScenarioGapMinutes + static_cast<int32_t>(i) * kMoveGapMinutes);
  const auto minute = std::chrono::minutes{1};
  if (t >= now) {
    t = now.Plus(-minute * static_cast<int64_t>(n - i + 1));
  }
  return std::max(t, previous.Plus(minute));
}

//! What `move` carries for the dossier of `sc` at `t`.
service::ActionInput InputOf(const Office& o, const Move& move, const Applicant& who, int64_t version,
                             domain::Instant t, size_t index) {
  service::ActionInput in;
  in.action = move.action;
  in.version = version;
  in.note = std::string(move.note);
  if (const auto id = o.ids.find(std::string(move.to)); id != o.ids.end()) {
    in.to = std::to_string(id->second);
  }
  const domain::CivilDate day = domain::VietnamToday(t);
  switch (move.action) {
    case A::kRequestSupplement:
      in.items.push_back(service::SupplementItem{"", "noi_dung", "Nội dung đề nghị", std::string(move.note)});
      break;
    case A::kApologise: {
      const auto cal = o.calendars.Calendar();
      in.new_appointment = At(cal->AddWorkingDays(domain::AddDays(day, 1), kApologyWorkingDays), kApologyMinute);
      break;
    }
    case A::kRecordResult:
      in.result_number = fmt::format("{}/{}/QĐ", index + 1, day.year);
      in.result_date = day;
      in.method = service::ReturnMethod::kOnline;
      in.result_file_name = "ket-qua.pdf";
      in.result_file_path = Spool(o.files, "ket-qua.pdf", DemoPdf("Ket qua giai quyet ho so"));
      break;
    case A::kMarkReturned:
      in.returned_to = std::string(who.name);
      break;
    default:
      break;
  }
  return in;
}

//! Files the dossier of `sc` (online, or at the counter by the agency's desk officer); its code and version.
std::optional<std::pair<std::string, int64_t>> File(Office& o, const Scenario& sc, const Applicant& who,
                                                    const service::Actor& owner, domain::Instant t) {
  o.clock.Set(t);
  domain::Result<domain::FormDefinition> form = o.forms.Current(sc.procedure);
  if (!form.ok()) {
    o.report.warnings.push_back(fmt::format("{}: no form", sc.procedure));
    return std::nullopt;
  }
  service::Dossier probe;
  probe.procedure_code = std::string(sc.procedure);
  probe.created_at = t;
  const domain::AnswerContext context = o.dossiers.ContextOf(probe);
  const json::object answers = Answers(form.value(), who, Address(o.catalogue, context.era), context.today);
  std::vector<std::pair<std::string, std::string>> scans;
  for (const domain::DocumentDef& d : form.value().documents) {
    if (d.required) {
      scans.emplace_back(d.id, Spool(o.files, "giay-to.pdf", DemoPdf(d.id)));
    }
  }
  if (sc.counter) {
    const auto desk = o.actors.find(std::string(Officers().at(sc.agency).front()));
    service::CounterIntakeInput in;
    in.citizen_id = owner.principal.user_id;
    in.procedure_code = std::string(sc.procedure);
    in.agency_code = std::string(sc.agency);
    in.answers = answers;
    in.files = scans;
    in.file_names.assign(scans.size(), "giay-to.pdf");
    in.issue_ticket = true;
    domain::Result<service::OfficeDossier> d = o.office.CounterIntake(desk->second, in);
    if (!d.ok()) {
      o.report.warnings.push_back(fmt::format("{} counter intake: {}", sc.procedure, d.error().message));
      return std::nullopt;
    }
    ++o.report.dossiers;
    return std::make_pair(d.value().dossier.code, d.value().dossier.version);
  }
  service::StartDossier start;
  start.procedure_code = std::string(sc.procedure);
  start.agency_code = std::string(sc.agency);
  start.answers = answers;
  domain::Result<service::Dossier> draft = o.dossiers.Start(owner, std::move(start));
  for (const auto& [document, path] : scans) {
    if (draft.ok()) {
      draft = o.dossiers.AttachFile(owner, draft.value().id, document, path, "giay-to.pdf");
    }
  }
  domain::Result<service::Filed> filed =
      draft.ok() ? o.dossiers.Submit(owner, draft.value().id) : domain::Result<service::Filed>(draft.error());
  if (!filed.ok()) {
    const domain::Error& e = filed.error();
    o.report.warnings.push_back(
        fmt::format("{} filing: {} {}", sc.procedure, e.message, e.fields.empty() ? "" : e.fields.front().field));
    return std::nullopt;
  }
  ++o.report.dossiers;
  domain::Result<service::Dossier> now = o.dossiers.Get(owner, filed.value().id);
  return std::make_pair(filed.value().code, now.ok() ? now.value().version : 0);
}

//! Plays scenario `sc` (the `index`-th) up to today.
void Play(Office& o, const Scenario& sc, int32_t index, domain::Instant now) {
  const Applicant& who = kApplicants[sc.applicant];
  const auto owner = o.actors.find(std::string(who.personal_id));
  if (owner == o.actors.end()) {
    o.report.warnings.push_back(fmt::format("no account {}", who.personal_id));
    return;
  }
  const auto cal = o.calendars.Calendar();
  const domain::CivilDate today = domain::VietnamToday(now);
  const domain::Procedure* procedure = o.catalogue.Get()->FindProcedure(sc.procedure);
  const int32_t limit = procedure != nullptr ? static_cast<int32_t>(procedure->time_value.value_or(1)) : 1;
  const domain::CivilDate receipt = WorkingDaysBefore(*cal, today, sc.from_limit ? limit + sc.days_ago : sc.days_ago);
  const int32_t minute = (sc.counter ? kReceiptMinute : kFilingMinute) + index * kScenarioGapMinutes;
  domain::Instant t = std::min(At(receipt, minute), now.Plus(-std::chrono::minutes{kMinutesPerHour}));
  auto filed = File(o, sc, who, owner->second, t);
  if (!filed) {
    return;
  }
  auto [code, version] = *filed;
  const std::vector<std::string_view>& officers = Officers().at(sc.agency);
  for (size_t i = 0; i < sc.moves.size(); ++i) {
    const Move& move = sc.moves[i];
    t = MoveTime(*cal, receipt, today, i, sc.moves.size(), index, t, now);
    o.clock.Set(t);
    if (move.action == A::kSupply) {
      const json::object answers{{"noi_dung", "Đề nghị cấp thẻ để tham gia trợ giúp pháp lý tại xã Nam Phong"}};
      auto d = o.office.Supply(owner->second, code, answers, {}, version);
      if (!d.ok()) {
        o.report.warnings.push_back(fmt::format("{} supply: {}", code, d.error().message));
        return;
      }
      version = d.value().dossier.version;
      continue;
    }
    if (move.action == A::kAcceptWithdrawal) {
      auto asked = o.dossiers.GetByCode(owner->second, code);
      if (asked.ok()) {
        asked = o.dossiers.Withdraw(owner->second, asked.value().id, "Tôi nộp nhầm thủ tục, xin rút để nộp lại");
      }
      if (!asked.ok()) {
        o.report.warnings.push_back(fmt::format("{} withdrawal: {}", code, asked.error().message));
        return;
      }
      version = asked.value().version;
      t = t.Plus(std::chrono::minutes{kMoveGapMinutes});
      o.clock.Set(std::min(t, now));
    }
    bool done = false;
    std::string refused;
    for (std::string_view login : officers) {
      const auto actor = o.actors.find(std::string(login));
      if (actor == o.actors.end()) {
        continue;
      }
      domain::Result<service::OfficeDossier> d =
          o.office.Act(actor->second, code, InputOf(o, move, who, version, t, static_cast<size_t>(index)));
      if (d.ok()) {
        version = d.value().dossier.version;
        ++o.report.actions;
        done = true;
        break;
      }
      refused =
          d.error().message.empty() && !d.error().fields.empty() ? d.error().fields.front().message : d.error().message;
      if (d.error().kind != domain::ErrorKind::kForbidden && d.error().kind != domain::ErrorKind::kNotFound &&
          d.error().kind != domain::ErrorKind::kInvalid) {
        break;
      }
    }
    if (!done) {
      o.report.warnings.push_back(
          fmt::format("{} {}: nobody could ({})", code, domain::ActionCode(move.action), refused));
      return;
    }
  }
}

}  // namespace

LivingOfficeReport CreateLivingOffice(store::Database& db, service::CatalogueHolder& catalogue,
                                      const domain::Clock& clock, const std::string& data_dir,
                                      const std::string& public_url) {
  bool empty = true;
  db.Read([&](store::Session& s) { empty = s.Query("SELECT 1 FROM dossiers LIMIT 1").empty(); });
  if (!empty) {
    return {};
  }
  const domain::Instant now = clock.Now();
  domain::ManualClock past(now);
  service::FormLibrary forms(db, past, catalogue);
  service::FileStore files(data_dir);
  service::Dossiers dossiers(db, past, catalogue, forms, files, public_url);
  service::WorkCalendars calendars(db, past, catalogue);
  service::Workflows workflows(db, past, catalogue);
  service::BackOffice office(db, past, catalogue, dossiers, forms, files, calendars, workflows, public_url);
  Office o{db, catalogue, past, files, forms, dossiers, calendars, office, {}, {}, {}};
  LoadPeople(o);
  const std::vector<Scenario> scenarios = Scenarios();
  for (size_t i = 0; i < scenarios.size(); ++i) {
    try {
      Play(o, scenarios[i], static_cast<int32_t>(i % kScenarioSpread), now);
    } catch (const std::exception& e) {
      o.report.warnings.push_back(fmt::format("{} {}: {}", scenarios[i].agency, scenarios[i].procedure, e.what()));
    }
  }
  return std::move(o.report);
}

}  // namespace motcua::demo
