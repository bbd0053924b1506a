#include "service/security_notice.hpp"

#include <fmt/format.h>

#include "domain/dates.hpp"
#include "domain/messages.hpp"

namespace motcua::service {

namespace {

using domain::N_;

//! What to do when the change was not the holder's: the reset page stops a stranger's password at once, and the
//! desk or the portal's hotline (on the help page) hears of it.
constexpr const char* kReport =
    N_("Nếu không phải bạn làm việc này, hãy đặt lại mật khẩu ngay tại trang Quên mật "
       "khẩu (/quen-mat-khau) và báo cho bộ phận một cửa gần nhất hoặc đường dây nóng "
       "ghi ở trang Trợ giúp của cổng.");

const char* WhatHappened(SecurityChange change) {
  switch (change) {
    case SecurityChange::kCodeIssued:
      return N_("Một mã đặt mật khẩu mới cho tài khoản của bạn đã được cấp");
    case SecurityChange::kPasswordChanged:
      return N_("Mật khẩu tài khoản của bạn đã được đổi");
    case SecurityChange::kPasswordReset:
      return N_("Mật khẩu tài khoản của bạn đã được đặt bằng mã một lần");
    case SecurityChange::kPasswordVoided:
      return N_("Mật khẩu tài khoản của bạn đã bị quản trị viên hủy và chờ đặt mật khẩu mới");
  }
  return "";
}

}  // namespace

std::string_view SecurityEventName(SecurityChange change) {
  switch (change) {
    case SecurityChange::kCodeIssued:
      return "security.code_issued";
    case SecurityChange::kPasswordChanged:
      return "security.password_changed";
    case SecurityChange::kPasswordReset:
      return "security.password_reset";
    case SecurityChange::kPasswordVoided:
      return "security.password_voided";
  }
  return "security.change";
}

std::string SecurityNoticeText(SecurityChange change, domain::Instant when, std::string_view where) {
  const std::string place =
      where.empty() ? std::string(N_("trên Cổng dịch vụ công")) : fmt::format("{} {}", N_("tại"), where);
  return fmt::format("{} {} {}, {}. {}", WhatHappened(change), N_("lúc"), domain::LocalTime(when), place, kReport);
}

void NotifySecurityChange(Accounts& accounts, store::Session& s, const domain::Account& account, SecurityChange change,
                          std::string_view where) {
  // The notice goes to the holder in Vietnamese whatever language the screen that caused it was in, and holds no
  // code: the holder needs to know, not to act with it.
  accounts.Notify(s, account, SecurityEventName(change), N_("Thông báo bảo mật tài khoản"),
                  SecurityNoticeText(change, accounts.clock().Now(), where), false);
}

}  // namespace motcua::service
