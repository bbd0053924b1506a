#pragma once
//! Dossiers (hồ sơ): statuses with their national codes, the dossier code, timeline events and what a citizen may
//! still do. Pure C++, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/catalogue.hpp"
#include "domain/dates.hpp"
#include "domain/work_calendar.hpp"

namespace motcua::domain {

//! Where a dossier stands. Values other than kDraft are the national codes (DVCQG TrangThaiHoSo, DOMAIN.md §9).
enum class DossierStatus : int32_t {
  kDraft = 0,                //!< Not filed yet (only its owner, and a guiding officer, see it).
  kSubmitted = 1,            //!< Mới đăng ký: filed online, waiting for an officer to receive it.
  kAccepted = 2,             //!< Được tiếp nhận.
  kRefused = 3,              //!< Không được tiếp nhận.
  kProcessing = 4,           //!< Đang xử lý.
  kSupplementRequested = 5,  //!< Yêu cầu bổ sung giấy tờ (the clock pauses).
  kPaymentRequested = 6,     //!< Yêu cầu thực hiện nghĩa vụ tài chính.
  kWithdrawn = 7,            //!< Công dân yêu cầu rút hồ sơ (withdrawn).
  kStopped = 8,              //!< Dừng xử lý.
  kDone = 9,                 //!< Đã xử lý xong: result ready.
  kReturned = 10,            //!< Đã trả kết quả.
};

//! The stored text name ("draft", "submitted", "accepted", …).
std::string_view StatusCode(DossierStatus status);
//! The status stored as `code`, if any.
std::optional<DossierStatus> ParseDossierStatus(std::string_view code);
//! The Vietnamese name (a message id), e.g. "Mới đăng ký".
const char* StatusName(DossierStatus status);
//! What comes next, in plain words for the citizen (a message id), e.g. "Cán bộ một cửa sẽ kiểm tra hồ sơ…".
const char* StatusNext(DossierStatus status);

//! The groups of "Hồ sơ của tôi".
enum class DossierGroup { kDraft, kFiled, kInProgress, kNeedsAction, kFinished };
//! The group a dossier of `status` is listed in.
DossierGroup GroupOf(DossierStatus status);

//! True while the owner may change answers and files or withdraw outright: a draft, or filed and not yet received.
bool OwnerMayEdit(DossierStatus status);
//! True when withdrawing now is a request to the agency (received, not finished) rather than immediate.
bool WithdrawalIsRequest(DossierStatus status);

//! Largest daily sequence a dossier code can hold (4 digits).
inline constexpr int32_t kMaxDailySequence = 9999;

//! The dossier code `<agency code>-<yyMMdd>-<4-digit sequence>` (DOMAIN.md §1.4); `sequence` is 1..9999.
std::string FormatDossierCode(std::string_view agency_code, CivilDate day, int32_t sequence);

//! The parts of a dossier code.
struct DossierCodeParts {
  std::string agency_code;  //!< e.g. "000.00.31.H40".
  CivilDate day{};          //!< The day of filing.
  int32_t sequence = 0;     //!< 1..9999.
};
//! The parts of `code` (surrounding spaces ignored, letters of the agency code upper-cased), or nothing when it is
//! not a well-formed dossier code.
std::optional<DossierCodeParts> ParseDossierCode(std::string_view code);

//! Length of the lookup secret printed on the receipt (letters and digits people cannot confuse).
inline constexpr size_t kLookupSecretLength = 6;
//! The alphabet of lookup secrets and guidance codes (no 0/O, 1/I/L).
inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
//! `typed` normalised for comparison with a lookup secret (upper case, spaces and dashes removed), or "" when it
//! holds a character outside kCodeAlphabet.
std::string NormaliseSecret(std::string_view typed);

//! Kinds of timeline events (stored as text; each has a plain-language sentence for the citizen).
enum class DossierEvent {
  kCreated,              //!< Draft started.
  kSubmitted,            //!< Filed (online).
  kEdited,               //!< Answers or files changed after filing, before reception.
  kWithdrawn,            //!< Withdrawn by the applicant (before reception).
  kWithdrawalRequested,  //!< Withdrawal asked for after reception.
  kGuidanceStarted,      //!< The applicant showed a guidance code; an officer opened the draft.
  kGuidanceChanged,      //!< A guiding officer filled or corrected answers or attached files.
  kGuidanceEnded,        //!< Guided access ended (filed, expired or revoked).
  kAccepted,             //!< Received by the desk (form 01): the clock started, the appointment is set.
  kSupplementRequested,  //!< The agency asked for documents or answers (form 02); the clock stopped.
  kSupplied,             //!< The applicant supplied what was asked; the clock runs again.
  kRefused,              //!< Not received, with a reason (form 03).
  kAssigned,             //!< Given to an officer.
  kForwarded,            //!< Moved to the next step.
  kSentBack,             //!< Returned to an earlier step.
  kApproved,             //!< Approved (signed) at its step.
  kRejected,             //!< Not eligible after reception, with a reason.
  kStopped,              //!< Processing stopped, with a reason.
  kTransferred,          //!< Sent to another agency for its part.
  kPaymentRequested,     //!< A fee or financial obligation asked for.
  kPaymentConfirmed,     //!< The payment arrived.
  kApologised,           //!< The agency apologised for the delay with a new date (form 04).
  kResultRecorded,       //!< The result is ready.
  kReturned,             //!< The result was handed over.
  kWithdrawalAccepted,   //!< The agency granted the applicant's withdrawal.
};
//! The stored name ("submitted", "guidance_started", …).
std::string_view EventCode(DossierEvent event);
//! The event stored as `code`, if any.
std::optional<DossierEvent> ParseEvent(std::string_view code);
//! The citizen's sentence for the event (a message id).
const char* EventSentence(DossierEvent event);

//! `date` as "YYYY-MM-DD".
std::string CivilDateText(CivilDate date);
//! The date written "YYYY-MM-DD", or nothing when `text` is not such a real date.
std::optional<CivilDate> ParseCivilDate(std::string_view text);
//! The day `days` calendar days after `date` (before it when negative).
CivilDate AddDays(CivilDate date, int32_t days);
//! True for Saturday and Sunday.
bool IsWeekend(CivilDate date);

//! The expected result date of a dossier filed at `filed_at` (Vietnam time) under a time limit of `value` `unit`: the
//! date of `calendar`'s deadline (WorkCalendar::Due with the default office hours: working days and hours over
//! office time from the clock's start, calendar days and months moved off days off). Nothing when the limit is
//! unknown or not positive.
std::optional<CivilDate> ExpectedResultDate(const WorkCalendar& calendar, const LocalDateTime& filed_at,
                                            std::optional<double> value, TimeUnit unit);

}  // namespace motcua::domain
