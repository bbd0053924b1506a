#include "domain/processing.hpp"

#include <array>
#include <utility>

#include "domain/messages.hpp"

namespace motcua::domain {

namespace {

//! Each action with its stored name, in the order of kAllOfficeActions.
constexpr std::array<std::pair<OfficeAction, std::string_view>, std::size(kAllOfficeActions)> kActionCodes = {{
    {OfficeAction::kAccept, "accept"},
    {OfficeAction::kRequestSupplement, "request_supplement"},
    {OfficeAction::kSupply, "supply"},
    {OfficeAction::kRefuse, "refuse"},
    {OfficeAction::kAssign, "assign"},
    {OfficeAction::kForward, "forward"},
    {OfficeAction::kSendBack, "send_back"},
    {OfficeAction::kApprove, "approve"},
    {OfficeAction::kReject, "reject"},
    {OfficeAction::kStop, "stop"},
    {OfficeAction::kTransfer, "transfer"},
    {OfficeAction::kRequestPayment, "request_payment"},
    {OfficeAction::kConfirmPayment, "confirm_payment"},
    {OfficeAction::kApologise, "apologise"},
    {OfficeAction::kRecordResult, "record_result"},
    {OfficeAction::kMarkReturned, "mark_returned"},
    {OfficeAction::kAcceptWithdrawal, "accept_withdrawal"},
}};

//! Whether a transition depends on the dossier having been received before.
enum class Received { kAny, kNo, kYes };

//! One row of the state machine.
struct Transition {
  DossierStatus from;
  OfficeAction action;
  Received received;
  DossierStatus to;
};

using S = DossierStatus;
using A = OfficeAction;

//! The state machine (processing.hpp): every transition not listed here is refused.
constexpr Transition kTransitions[] = {
    // Submitted online, not yet received.
    {S::kSubmitted, A::kAccept, Received::kAny, S::kAccepted},
    {S::kSubmitted, A::kRequestSupplement, Received::kAny, S::kSupplementRequested},
    {S::kSubmitted, A::kRefuse, Received::kAny, S::kRefused},
    // Waiting for a supplement: back to the desk before reception, back to processing after it.
    {S::kSupplementRequested, A::kSupply, Received::kNo, S::kSubmitted},
    {S::kSupplementRequested, A::kSupply, Received::kYes, S::kProcessing},
    // Accepted.
    {S::kAccepted, A::kAssign, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kForward, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kSendBack, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kApprove, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kTransfer, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kApologise, Received::kAny, S::kProcessing},
    {S::kAccepted, A::kRequestSupplement, Received::kAny, S::kSupplementRequested},
    {S::kAccepted, A::kRequestPayment, Received::kAny, S::kPaymentRequested},
    {S::kAccepted, A::kReject, Received::kAny, S::kStopped},
    {S::kAccepted, A::kStop, Received::kAny, S::kStopped},
    {S::kAccepted, A::kRecordResult, Received::kAny, S::kDone},
    {S::kAccepted, A::kAcceptWithdrawal, Received::kAny, S::kWithdrawn},
    // Processing.
    {S::kProcessing, A::kAssign, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kForward, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kSendBack, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kApprove, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kTransfer, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kApologise, Received::kAny, S::kProcessing},
    {S::kProcessing, A::kRequestSupplement, Received::kAny, S::kSupplementRequested},
    {S::kProcessing, A::kRequestPayment, Received::kAny, S::kPaymentRequested},
    {S::kProcessing, A::kReject, Received::kAny, S::kStopped},
    {S::kProcessing, A::kStop, Received::kAny, S::kStopped},
    {S::kProcessing, A::kRecordResult, Received::kAny, S::kDone},
    {S::kProcessing, A::kAcceptWithdrawal, Received::kAny, S::kWithdrawn},
    // Waiting for a payment.
    {S::kPaymentRequested, A::kConfirmPayment, Received::kAny, S::kProcessing},
    {S::kPaymentRequested, A::kStop, Received::kAny, S::kStopped},
    {S::kPaymentRequested, A::kAcceptWithdrawal, Received::kAny, S::kWithdrawn},
    // Result ready: handed over, or (late) apologised for.
    {S::kDone, A::kMarkReturned, Received::kAny, S::kReturned},
    {S::kDone, A::kApologise, Received::kAny, S::kDone},
};

}  // namespace

std::string_view ActionCode(OfficeAction action) {
  for (const auto& [a, code] : kActionCodes) {
    if (a == action) {
      return code;
    }
  }
  return "accept";
}

std::optional<OfficeAction> ParseAction(std::string_view code) {
  for (const auto& [a, known] : kActionCodes) {
    if (known == code) {
      return a;
    }
  }
  return std::nullopt;
}

const char* ActionLabel(OfficeAction action) {
  switch (action) {
    case OfficeAction::kAccept:
      return N_("Tiếp nhận");
    case OfficeAction::kRequestSupplement:
      return N_("Yêu cầu bổ sung");
    case OfficeAction::kSupply:
      return N_("Bổ sung hồ sơ");
    case OfficeAction::kRefuse:
      return N_("Từ chối tiếp nhận");
    case OfficeAction::kAssign:
      return N_("Phân công");
    case OfficeAction::kForward:
      return N_("Chuyển bước tiếp theo");
    case OfficeAction::kSendBack:
      return N_("Trả lại bước trước");
    case OfficeAction::kApprove:
      return N_("Phê duyệt");
    case OfficeAction::kReject:
      return N_("Không giải quyết");
    case OfficeAction::kStop:
      return N_("Dừng xử lý");
    case OfficeAction::kTransfer:
      return N_("Chuyển cơ quan khác");
    case OfficeAction::kRequestPayment:
      return N_("Yêu cầu nộp phí");
    case OfficeAction::kConfirmPayment:
      return N_("Xác nhận đã nộp phí");
    case OfficeAction::kApologise:
      return N_("Xin lỗi và hẹn lại");
    case OfficeAction::kRecordResult:
      return N_("Ghi nhận kết quả");
    case OfficeAction::kMarkReturned:
      return N_("Đã trả kết quả");
    case OfficeAction::kAcceptWithdrawal:
      return N_("Đồng ý rút hồ sơ");
  }
  return N_("Tiếp nhận");
}

std::optional<DossierStatus> NextStatus(DossierStatus from, OfficeAction action, bool received) {
  for (const Transition& t : kTransitions) {
    if (t.from != from || t.action != action) {
      continue;
    }
    if (t.received == Received::kAny || (t.received == Received::kYes) == received) {
      return t.to;
    }
  }
  return std::nullopt;
}

bool IsFinal(DossierStatus status) {
  return status == DossierStatus::kRefused || status == DossierStatus::kWithdrawn ||
         status == DossierStatus::kStopped || status == DossierStatus::kReturned;
}

bool ClockPaused(DossierStatus status, bool pause_for_payment) {
  if (status == DossierStatus::kSupplementRequested) {
    return true;
  }
  return status == DossierStatus::kPaymentRequested && pause_for_payment;
}

std::string_view TimelinessCode(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly:
      return "early";
    case Timeliness::kOnTime:
      return "on_time";
    case Timeliness::kLate:
      return "late";
  }
  return "on_time";
}

const char* TimelinessName(Timeliness t) {
  switch (t) {
    case Timeliness::kEarly:
      return N_("Trước hạn");
    case Timeliness::kOnTime:
      return N_("Đúng hạn");
    case Timeliness::kLate:
      return N_("Quá hạn");
  }
  return N_("Đúng hạn");
}

}  // namespace motcua::domain
