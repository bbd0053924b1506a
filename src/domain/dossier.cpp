#include "domain/dossier.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cmath>
#include <utility>

#include "domain/messages.hpp"

namespace motcua::domain {

namespace {

//! The stored name of each status, indexed by its national code.
constexpr std::array<std::string_view, 11> kStatusCodes = {
    "draft",     "submitted", "accepted", "refused", "processing", "supplement_requested", "payment_requested",
    "withdrawn", "stopped",   "done",     "returned"};

//! Each event with its stored name.
constexpr std::array<std::pair<DossierEvent, std::string_view>, 25> kEventCodes = {{
    {DossierEvent::kCreated, "created"},
    {DossierEvent::kSubmitted, "submitted"},
    {DossierEvent::kEdited, "edited"},
    {DossierEvent::kWithdrawn, "withdrawn"},
    {DossierEvent::kWithdrawalRequested, "withdrawal_requested"},
    {DossierEvent::kGuidanceStarted, "guidance_started"},
    {DossierEvent::kGuidanceChanged, "guidance_changed"},
    {DossierEvent::kGuidanceEnded, "guidance_ended"},
    {DossierEvent::kAccepted, "accepted"},
    {DossierEvent::kSupplementRequested, "supplement_requested"},
    {DossierEvent::kSupplied, "supplied"},
    {DossierEvent::kRefused, "refused"},
    {DossierEvent::kAssigned, "assigned"},
    {DossierEvent::kForwarded, "forwarded"},
    {DossierEvent::kSentBack, "sent_back"},
    {DossierEvent::kApproved, "approved"},
    {DossierEvent::kRejected, "rejected"},
    {DossierEvent::kStopped, "stopped"},
    {DossierEvent::kTransferred, "transferred"},
    {DossierEvent::kPaymentRequested, "payment_requested"},
    {DossierEvent::kPaymentConfirmed, "payment_confirmed"},
    {DossierEvent::kApologised, "apologised"},
    {DossierEvent::kResultRecorded, "result_recorded"},
    {DossierEvent::kReturned, "returned"},
    {DossierEvent::kWithdrawalAccepted, "withdrawal_accepted"},
}};

//! Digits of the yyMMdd part and of the sequence of a dossier code.
constexpr size_t kDayDigits = 6;
constexpr size_t kSequenceDigits = 4;
//! Dossier codes carry the year within this century.
constexpr int32_t kCentury = 2000;
constexpr int32_t kYearsPerCentury = 100;
//! Longest agency code accepted in a dossier code.
constexpr size_t kMaxAgencyCodeLength = 32;
//! Longest time limit counted (days), so a wrong catalogue value cannot loop for long.
constexpr double kMaxLimitDays = 3660.0;

std::chrono::year_month_day ToYmd(CivilDate d) {
  return std::chrono::year_month_day{std::chrono::year{d.year}, std::chrono::month{static_cast<uint32_t>(d.month)},
                                     std::chrono::day{static_cast<uint32_t>(d.day)}};
}

CivilDate FromYmd(std::chrono::year_month_day ymd) {
  return CivilDate{static_cast<int32_t>(ymd.year()), static_cast<int32_t>(static_cast<uint32_t>(ymd.month())),
                   static_cast<int32_t>(static_cast<uint32_t>(ymd.day()))};
}

bool AllDigits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return !s.empty();
}

int32_t Number(std::string_view digits) {
  int32_t n = 0;
  for (const char c : digits) {
    n = n * 10 + (c - '0');  // NOLINT(readability-magic-numbers): decimal digits
  }
  return n;
}

bool IsAgencyCodeChar(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '.'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::string_view StatusCode(DossierStatus status) {
  const auto i = static_cast<size_t>(status);
  return i < kStatusCodes.size() ? kStatusCodes.at(i) : std::string_view{};
}

std::optional<DossierStatus> ParseDossierStatus(std::string_view code) {
  for (size_t i = 0; i < kStatusCodes.size(); ++i) {
    if (kStatusCodes.at(i) == code) {
      return static_cast<DossierStatus>(i);
    }
  }
  return std::nullopt;
}

const char* StatusName(DossierStatus status) {
  switch (status) {
    case DossierStatus::kDraft:
      return N_("Bản nháp");
    case DossierStatus::kSubmitted:
      return N_("Mới đăng ký");
    case DossierStatus::kAccepted:
      return N_("Được tiếp nhận");
    case DossierStatus::kRefused:
      return N_("Không được tiếp nhận");
    case DossierStatus::kProcessing:
      return N_("Đang xử lý");
    case DossierStatus::kSupplementRequested:
      return N_("Yêu cầu bổ sung giấy tờ");
    case DossierStatus::kPaymentRequested:
      return N_("Yêu cầu thực hiện nghĩa vụ tài chính");
    case DossierStatus::kWithdrawn:
      return N_("Đã rút hồ sơ");
    case DossierStatus::kStopped:
      return N_("Dừng xử lý");
    case DossierStatus::kDone:
      return N_("Đã xử lý xong");
    case DossierStatus::kReturned:
      return N_("Đã trả kết quả");
  }
  return "";
}

const char* StatusNext(DossierStatus status) {
  switch (status) {
    case DossierStatus::kDraft:
      return N_("Hồ sơ chưa được nộp. Bạn có thể tiếp tục điền và nộp khi đã sẵn sàng.");
    case DossierStatus::kSubmitted:
      return N_("Cán bộ một cửa sẽ kiểm tra hồ sơ và tiếp nhận. Đến lúc đó bạn vẫn có thể sửa hoặc rút hồ sơ.");
    case DossierStatus::kAccepted:
      return N_("Hồ sơ đã được tiếp nhận và sẽ được chuyển đến cán bộ xử lý.");
    case DossierStatus::kRefused:
      return N_("Hồ sơ không được tiếp nhận. Xem lý do trong lịch sử hồ sơ; bạn có thể nộp hồ sơ mới.");
    case DossierStatus::kProcessing:
      return N_("Cán bộ đang xử lý hồ sơ. Bạn sẽ nhận được tin nhắn khi có kết quả.");
    case DossierStatus::kSupplementRequested:
      return N_("Cơ quan cần thêm giấy tờ. Hãy bổ sung theo hướng dẫn để hồ sơ được xử lý tiếp.");
    case DossierStatus::kPaymentRequested:
      return N_("Hãy nộp phí, lệ phí theo hướng dẫn để hồ sơ được xử lý tiếp.");
    case DossierStatus::kWithdrawn:
      return N_("Hồ sơ đã được rút. Không cần làm gì thêm.");
    case DossierStatus::kStopped:
      return N_("Hồ sơ đã dừng xử lý. Xem lý do trong lịch sử hồ sơ.");
    case DossierStatus::kDone:
      return N_("Kết quả đã sẵn sàng. Hãy đến nhận theo lịch hẹn.");
    case DossierStatus::kReturned:
      return N_("Bạn đã nhận kết quả. Hồ sơ đã hoàn thành.");
  }
  return "";
}

DossierGroup GroupOf(DossierStatus status) {
  switch (status) {
    case DossierStatus::kDraft:
      return DossierGroup::kDraft;
    case DossierStatus::kSubmitted:
      return DossierGroup::kFiled;
    case DossierStatus::kAccepted:
    case DossierStatus::kProcessing:
      return DossierGroup::kInProgress;
    case DossierStatus::kSupplementRequested:
    case DossierStatus::kPaymentRequested:
      return DossierGroup::kNeedsAction;
    case DossierStatus::kRefused:
    case DossierStatus::kWithdrawn:
    case DossierStatus::kStopped:
    case DossierStatus::kDone:
    case DossierStatus::kReturned:
      return DossierGroup::kFinished;
  }
  return DossierGroup::kFinished;
}

bool OwnerMayEdit(DossierStatus status) {
  return status == DossierStatus::kDraft || status == DossierStatus::kSubmitted;
}

bool WithdrawalIsRequest(DossierStatus status) {
  return status == DossierStatus::kAccepted || status == DossierStatus::kProcessing ||
         status == DossierStatus::kSupplementRequested || status == DossierStatus::kPaymentRequested;
}

std::string FormatDossierCode(std::string_view agency_code, CivilDate day, int32_t sequence) {
  return fmt::format("{}-{:02}{:02}{:02}-{:04}", agency_code, day.year % kYearsPerCentury, day.month, day.day,
                     sequence);
}

std::optional<DossierCodeParts> ParseDossierCode(std::string_view code) {
  const std::string_view trimmed = Trim(code);
  std::string upper;
  upper.reserve(trimmed.size());
  for (const char c : trimmed) {
    upper.push_back(Upper(c));
  }
  const size_t last_dash = upper.rfind('-');
  if (last_dash == std::string::npos || last_dash == 0) {
    return std::nullopt;
  }
  const size_t day_dash = upper.rfind('-', last_dash - 1);
  if (day_dash == std::string::npos || day_dash == 0) {
    return std::nullopt;
  }
  const std::string_view view(upper);
  const std::string_view agency = view.substr(0, day_dash);
  const std::string_view day = view.substr(day_dash + 1, last_dash - day_dash - 1);
  const std::string_view sequence = view.substr(last_dash + 1);
  if (agency.size() > kMaxAgencyCodeLength || day.size() != kDayDigits || sequence.size() != kSequenceDigits ||
      !AllDigits(day) || !AllDigits(sequence)) {
    return std::nullopt;
  }
  for (const char c : agency) {
    if (!IsAgencyCodeChar(c)) {
      return std::nullopt;
    }
  }
  const CivilDate date{kCentury + Number(day.substr(0, 2)), Number(day.substr(2, 2)), Number(day.substr(4, 2))};
  const int32_t n = Number(sequence);
  if (!ToYmd(date).ok() || n < 1 || n > kMaxDailySequence) {
    return std::nullopt;
  }
  return DossierCodeParts{std::string(agency), date, n};
}

std::string NormaliseSecret(std::string_view typed) {
  std::string out;
  for (const char c : typed) {
    if (c == ' ' || c == '-') {
      continue;
    }
    const char u = Upper(c);
    if (kCodeAlphabet.find(u) == std::string_view::npos) {
      return "";
    }
    out.push_back(u);
  }
  return out;
}

std::string_view EventCode(DossierEvent event) {
  for (const auto& [e, code] : kEventCodes) {
    if (e == event) {
      return code;
    }
  }
  return "";
}

std::optional<DossierEvent> ParseEvent(std::string_view code) {
  for (const auto& [e, name] : kEventCodes) {
    if (name == code) {
      return e;
    }
  }
  return std::nullopt;
}

const char* EventSentence(DossierEvent event) {
  switch (event) {
    case DossierEvent::kCreated:
      return N_("Bắt đầu điền hồ sơ.");
    case DossierEvent::kSubmitted:
      return N_("Đã nộp hồ sơ trực tuyến.");
    case DossierEvent::kEdited:
      return N_("Người nộp đã sửa hồ sơ.");
    case DossierEvent::kWithdrawn:
      return N_("Người nộp đã rút hồ sơ.");
    case DossierEvent::kWithdrawalRequested:
      return N_("Người nộp đề nghị rút hồ sơ; cơ quan sẽ xem xét.");
    case DossierEvent::kGuidanceStarted:
      return N_("Cán bộ một cửa bắt đầu hướng dẫn điền hồ sơ.");
    case DossierEvent::kGuidanceChanged:
      return N_("Cán bộ một cửa đã điền hoặc sửa một số thông tin.");
    case DossierEvent::kGuidanceEnded:
      return N_("Kết thúc hướng dẫn tại bộ phận một cửa.");
    case DossierEvent::kAccepted:
      return N_("Bộ phận một cửa đã tiếp nhận hồ sơ và hẹn ngày trả kết quả.");
    case DossierEvent::kSupplementRequested:
      return N_("Cơ quan yêu cầu bổ sung hồ sơ; thời hạn giải quyết tạm dừng.");
    case DossierEvent::kSupplied:
      return N_("Hồ sơ đã được bổ sung; thời hạn giải quyết tiếp tục.");
    case DossierEvent::kRefused:
      return N_("Hồ sơ không được tiếp nhận.");
    case DossierEvent::kAssigned:
      return N_("Hồ sơ đã được giao cho cán bộ xử lý.");
    case DossierEvent::kForwarded:
      return N_("Hồ sơ đã được chuyển sang bước tiếp theo.");
    case DossierEvent::kSentBack:
      return N_("Hồ sơ đã được chuyển lại bước trước để xem xét lại.");
    case DossierEvent::kApproved:
      return N_("Hồ sơ đã được phê duyệt.");
    case DossierEvent::kRejected:
      return N_("Hồ sơ không đủ điều kiện giải quyết.");
    case DossierEvent::kStopped:
      return N_("Cơ quan đã dừng xử lý hồ sơ.");
    case DossierEvent::kTransferred:
      return N_("Hồ sơ đã được chuyển đến cơ quan khác để giải quyết phần việc của cơ quan đó.");
    case DossierEvent::kPaymentRequested:
      return N_("Cơ quan yêu cầu nộp phí, lệ phí hoặc nghĩa vụ tài chính.");
    case DossierEvent::kPaymentConfirmed:
      return N_("Cơ quan đã nhận khoản phải nộp.");
    case DossierEvent::kApologised:
      return N_("Hồ sơ bị chậm; cơ quan đã xin lỗi và hẹn lại ngày trả kết quả.");
    case DossierEvent::kResultRecorded:
      return N_("Đã có kết quả giải quyết hồ sơ.");
    case DossierEvent::kReturned:
      return N_("Đã trả kết quả.");
    case DossierEvent::kWithdrawalAccepted:
      return N_("Cơ quan đã chấp nhận đề nghị rút hồ sơ.");
  }
  return "";
}

std::string CivilDateText(CivilDate date) { return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day); }

std::optional<CivilDate> ParseCivilDate(std::string_view text) {
  constexpr size_t kIsoLength = 10;
  constexpr size_t kMonthAt = 5;
  constexpr size_t kDayAt = 8;
  if (text.size() != kIsoLength || text[kMonthAt - 1] != '-' || text[kDayAt - 1] != '-') {
    return std::nullopt;
  }
  const std::string_view y = text.substr(0, 4);
  const std::string_view m = text.substr(kMonthAt, 2);
  const std::string_view d = text.substr(kDayAt, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) {
    return std::nullopt;
  }
  const CivilDate date{Number(y), Number(m), Number(d)};
  if (!ToYmd(date).ok()) {
    return std::nullopt;
  }
  return date;
}

CivilDate AddDays(CivilDate date, int32_t days) {
  return FromYmd(std::chrono::year_month_day{std::chrono::sys_days{ToYmd(date)} + std::chrono::days{days}});
}

bool IsWeekend(CivilDate date) {
  const std::chrono::weekday w{std::chrono::sys_days{ToYmd(date)}};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

std::optional<CivilDate> ExpectedResultDate(const WorkCalendar& calendar, const LocalDateTime& filed_at,
                                            std::optional<double> value, TimeUnit unit) {
  if (!value || !std::isfinite(*value) || *value <= 0 || *value > kMaxLimitDays || !ToYmd(filed_at.date).ok()) {
    return std::nullopt;
  }
  const std::optional<LocalDateTime> due = calendar.Due(filed_at, *value, unit, OfficeHours{});
  if (!due) {
    return std::nullopt;
  }
  return due->date;
}

}  // namespace motcua::domain
