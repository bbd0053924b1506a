#pragma once
//! Nhật ký hệ thống in words: the sentence people read for each journal event code.

#include <string_view>

namespace motcua::domain {

//! The sentence of a journal event code ("login.success" → "Đăng nhập thành công"), a Vietnamese message id the
//! web layer translates; null for a code without one.
const char* JournalSentence(std::string_view code);

//! What the family of a code is about ("throttle.ip" → "Giới hạn truy cập"; "Sự kiện khác" for an unknown family),
//! for a code without its own sentence: the page shows it with the code.
const char* JournalFamily(std::string_view code);

}  // namespace motcua::domain
