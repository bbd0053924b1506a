#include "domain/journal_text.hpp"

#include <utility>

#include "domain/messages.hpp"

namespace motcua::domain {

namespace {

//! What each journal event code means, as a sentence (Vietnamese message id; English in the catalogue). A new code
//! is one line here (journal_text_test fails while a code written in src/ has none).
constexpr std::pair<std::string_view, const char*> kActionSentences[] = {
    {"login.success", N_("Đăng nhập thành công")},
    {"login.failure", N_("Đăng nhập sai mật khẩu")},
    {"login.blocked", N_("Tạm khóa đăng nhập sau nhiều lần sai")},
    {"login.refused_disabled", N_("Từ chối đăng nhập: tài khoản đã bị khóa")},
    {"logout", N_("Đăng xuất")},
    {"session.revoke", N_("Đăng xuất một phiên")},
    {"session.revoke_all", N_("Đăng xuất mọi phiên")},
    {"sessions.view", N_("Xem các phiên đăng nhập đang mở")},
    {"account.register", N_("Tự đăng ký tài khoản")},
    {"account.register_vneid", N_("Đăng ký tài khoản bằng VNeID")},
    {"account.create_assisted", N_("Tạo tài khoản tại quầy cho người dân")},
    {"account.disable", N_("Khóa tài khoản")},
    {"account.enable", N_("Mở khóa tài khoản")},
    {"account.demo_seed", N_("Tạo tài khoản mẫu")},
    {"account.admin_created", N_("Tạo tài khoản quản trị đầu tiên")},
    {"password.change", N_("Đổi mật khẩu")},
    {"password.reset", N_("Đặt lại mật khẩu bằng mã")},
    {"password.reset_requested", N_("Yêu cầu mã đặt lại mật khẩu")},
    {"password.reset_request_ignored", N_("Bỏ qua yêu cầu mã đặt lại mật khẩu")},
    {"password.code_issued", N_("Cấp mã đặt mật khẩu tại quầy")},
    {"password.admin_reset", N_("Quản trị viên đặt lại mật khẩu")},
    {"current_password.failure", N_("Nhập sai mật khẩu hiện tại")},
    {"current_password.blocked", N_("Tạm khóa đổi mật khẩu sau nhiều lần sai")},
    {"reset_code.failure", N_("Nhập sai mã đặt lại mật khẩu")},
    {"reset_code.blocked", N_("Tạm khóa nhập mã sau nhiều lần sai")},
    {"citizen.search", N_("Tìm người dân tại quầy")},
    {"citizen.view", N_("Xem thông tin người dân tại quầy")},
    {"officer.create", N_("Tạo tài khoản cán bộ")},
    {"officer.view", N_("Xem tài khoản cán bộ")},
    {"role.grant", N_("Giao vai trò")},
    {"role.revoke", N_("Thu hồi vai trò")},
    {"organisation.register", N_("Đăng ký tổ chức, doanh nghiệp")},
    {"api_token.create", N_("Tạo khóa API")},
    {"api_token.revoke", N_("Thu hồi khóa API")},
    {"outbox.resend", N_("Gửi lại tin nhắn chưa gửi được")},
    {"account.register_started", N_("Bắt đầu tự đăng ký, chờ xác nhận số điện thoại")},
    {"account.register_code_failure", N_("Nhập sai mã xác nhận đăng ký")},
    {"account.register_code_resent", N_("Gửi lại mã xác nhận đăng ký")},
    {"organisation.claim", N_("Đề nghị nhận mã số thuế đã có người đại diện")},
    {"organisation.claim_view", N_("Xem đề nghị nhận mã số thuế")},
    {"organisation.claim_granted", N_("Chấp nhận đề nghị nhận mã số thuế")},
    {"organisation.claim_refused", N_("Từ chối đề nghị nhận mã số thuế")},
    {"role.grant_refused", N_("Từ chối giao vai trò ngoài thẩm quyền")},
    {"role.revoke_refused", N_("Từ chối thu hồi vai trò ngoài thẩm quyền")},
    {"auth.required", N_("Từ chối truy cập: chưa đăng nhập")},
    {"auth.refused", N_("Từ chối truy cập: không có quyền")},
    {"auth.object_refused", N_("Từ chối truy cập dữ liệu của người khác")},
    {"csrf.rejected", N_("Từ chối biểu mẫu không hợp lệ (CSRF)")},
    {"refusal.suppressed", N_("Bỏ qua bớt các lần từ chối lặp lại")},
    {"dossier.start", N_("Bắt đầu hồ sơ trực tuyến")},
    {"dossier.view", N_("Cán bộ xem hồ sơ")},
    {"dossier.answers", N_("Lưu câu trả lời của hồ sơ")},
    {"dossier.attach", N_("Đính kèm tệp vào hồ sơ")},
    {"dossier.remove_file", N_("Xoá tệp khỏi hồ sơ")},
    {"dossier.file_view", N_("Cán bộ xem tệp của hồ sơ")},
    {"dossier.submit", N_("Nộp hồ sơ trực tuyến")},
    {"dossier.withdraw", N_("Rút hồ sơ")},
    {"dossier.withdrawal_request", N_("Đề nghị rút hồ sơ đã được tiếp nhận")},
    {"dossier.guidance_code", N_("Tạo mã nhờ cán bộ hướng dẫn")},
    {"dossier.guidance_revoke", N_("Kết thúc quyền hướng dẫn của cán bộ")},
    {"dossier.guidance_open", N_("Cán bộ mở hồ sơ để hướng dẫn")},
    {"dossier.guided_view", N_("Cán bộ hướng dẫn xem hồ sơ")},
    {"dossier.guided_change", N_("Cán bộ hướng dẫn sửa câu trả lời")},
    {"dossier.guided_attach", N_("Cán bộ hướng dẫn đính kèm tệp")},
    {"dossier.guided_remove_file", N_("Cán bộ hướng dẫn xoá tệp")},
    {"dossier.accept", N_("Tiếp nhận hồ sơ")},
    {"dossier.supplement_request", N_("Yêu cầu bổ sung hồ sơ")},
    {"dossier.supply", N_("Bổ sung hồ sơ theo yêu cầu")},
    {"dossier.refuse", N_("Từ chối tiếp nhận hồ sơ")},
    {"dossier.assign", N_("Giao hồ sơ cho cán bộ xử lý")},
    {"dossier.forward", N_("Chuyển hồ sơ sang bước tiếp theo")},
    {"dossier.send_back", N_("Chuyển lại hồ sơ về bước trước")},
    {"dossier.approve", N_("Phê duyệt hồ sơ")},
    {"dossier.reject", N_("Trả lại hồ sơ không đủ điều kiện")},
    {"dossier.stop", N_("Dừng xử lý hồ sơ")},
    {"dossier.transfer", N_("Chuyển hồ sơ sang cơ quan khác")},
    {"dossier.payment_request", N_("Yêu cầu thực hiện nghĩa vụ tài chính")},
    {"dossier.payment_confirm", N_("Xác nhận đã thực hiện nghĩa vụ tài chính")},
    {"dossier.apologise", N_("Xin lỗi và hẹn lại ngày trả kết quả")},
    {"dossier.record_result", N_("Ghi nhận kết quả giải quyết")},
    {"dossier.return", N_("Trả kết quả cho người nộp")},
    {"dossier.withdrawal_accept", N_("Chấp nhận đề nghị rút hồ sơ")},
    {"dossier.counter_intake", N_("Nhận hồ sơ trực tiếp tại quầy")},
    {"dossier.result_view", N_("Cán bộ tải kết quả của hồ sơ")},
    {"form.publish", N_("Đăng phiên bản biểu mẫu mới")},
    {"calendar.override", N_("Điều chỉnh một ngày của lịch làm việc")},
    {"calendar.override_remove", N_("Bỏ điều chỉnh một ngày của lịch làm việc")},
    {"calendar.hours", N_("Đặt giờ làm việc của cơ quan")},
    {"workflow.publish", N_("Đăng phiên bản quy trình xử lý mới")},
};

//! What a family of codes is about, for a code without its own sentence ("throttle.ip" → "Giới hạn truy cập").
constexpr std::pair<std::string_view, const char*> kActionFamilies[] = {
    {"login", N_("Đăng nhập")},
    {"session", N_("Phiên đăng nhập")},
    {"account", N_("Tài khoản")},
    {"password", N_("Mật khẩu")},
    {"citizen", N_("Người dân")},
    {"officer", N_("Cán bộ")},
    {"role", N_("Vai trò")},
    {"organisation", N_("Tổ chức")},
    {"api_token", N_("Khóa API")},
    {"outbox", N_("Tin nhắn")},
    {"auth", N_("Phân quyền")},
    {"csrf", N_("Bảo vệ biểu mẫu")},
    {"throttle", N_("Giới hạn truy cập")},
    {"refusal", N_("Từ chối truy cập")},
    {"dossier", N_("Hồ sơ")},
    {"form", N_("Biểu mẫu")},
    {"calendar", N_("Lịch làm việc")},
};

}  // namespace

const char* JournalSentence(std::string_view code) {
  for (const auto& [known, sentence] : kActionSentences) {
    if (known == code) {
      return sentence;
    }
  }
  return nullptr;
}

const char* JournalFamily(std::string_view code) {
  const std::string_view family = code.substr(0, code.find('.'));
  for (const auto& [name, title] : kActionFamilies) {
    if (name == family) {
      return title;
    }
  }
  return N_("Sự kiện khác");
}

}  // namespace motcua::domain
