// Citizens' account pages: registration, sign-in and sign-out, password reset and change, sessions,
// organisations, national identity sign-in, and the dev mailbox of demo installations.
#include <fmt/format.h>

#include <charconv>

#include <boost/json.hpp>

#include "domain/identity.hpp"
#include "domain/messages.hpp"
#include "domain/text.hpp"
#include "http/url.hpp"
#include "security/crypto.hpp"
#include "web/account_pages.hpp"
#include "web/journal.hpp"
#include "web/person_form.hpp"

namespace motcua::web {

namespace {

using ctemplate::TemplateDictionary;
using domain::N_;
using domain::Permission;
using http::Exec;
using http::Request;
using http::Response;

constexpr InputSpec kAccountField{"tai_khoan",
                                  N_("Số định danh cá nhân hoặc số điện thoại"),
                                  N_("Cán bộ đăng nhập bằng tên đăng nhập"),
                                  "text",
                                  "username",
                                  "20"};
constexpr InputSpec kPasswordField{"mat_khau", N_("Mật khẩu"), nullptr, "password", "current-password", "20"};
constexpr InputSpec kNewPasswordField{
    "mat_khau",
    N_("Mật khẩu mới"),
    N_("Ít nhất 8 ký tự. Nên dùng một cụm từ dễ nhớ với bạn nhưng khó đoán, có thể có dấu cách"),
    "password",
    "new-password",
    "20"};
constexpr InputSpec kConfirmField{"mat_khau_2", N_("Nhập lại mật khẩu mới"), nullptr, "password", "new-password", "20"};
constexpr InputSpec kCurrentField{"mat_khau_cu", N_("Mật khẩu hiện tại"), nullptr,
                                  "password",    "current-password",      "20"};
constexpr InputSpec kCodeField{
    "ma", N_("Mã xác nhận"), N_("Mã trong tin nhắn, hoặc mã do bộ phận một cửa trao cho bạn"), "text", "one-time-code",
    "10", "numeric"};
constexpr InputSpec kTaxField{
    "ma_so_thue", N_("Mã số thuế"), N_("10 chữ số, hoặc 13 chữ số với chi nhánh"), "text", "off", "20", "numeric"};
constexpr InputSpec kOrgNameField{"ten_to_chuc", N_("Tên doanh nghiệp, tổ chức"), nullptr, "text", "organization", ""};
constexpr InputSpec kAddressField{"dia_chi", N_("Địa chỉ trụ sở"), nullptr, "textarea", "street-address", ""};

constexpr size_t kMaxAddressCodePoints = 300;
constexpr int32_t kMailboxShown = 50;

std::string Field(const Form& form, std::string_view name) { return form.Text(name); }

//! A relative path on this site to go back to after signing in; anything else becomes "/tai-khoan".
std::string SafeNext(std::string_view next) {
  if (next.size() < 2 || next.front() != '/' || next[1] == '/' || next[1] == '\\' ||
      next.find_first_of("\r\n\\") != std::string_view::npos) {
    return "/tai-khoan";
  }
  return std::string(next);
}

//! Notices shown after a redirect, chosen by a fixed key so no text travels in the URL.
std::string NoticeText(const Site& site, std::string_view lang, std::string_view key) {
  if (key == "dang-ky") {
    return site.T(lang, "Tài khoản của bạn đã được tạo và bạn đã đăng nhập.");
  }
  if (key == "mat-khau") {
    return site.T(lang, "Mật khẩu đã được đổi. Các nơi khác đang đăng nhập đã bị đăng xuất.");
  }
  if (key == "dat-lai") {
    return site.T(lang, "Mật khẩu mới đã được lưu và bạn đã đăng nhập.");
  }
  if (key == "phien") {
    return site.T(lang, "Nơi đăng nhập đó đã bị đăng xuất.");
  }
  if (key == "to-chuc") {
    return site.T(lang, "Doanh nghiệp, tổ chức đã được đăng ký.");
  }
  if (key == "da-gui") {
    return site.T(lang,
                  "Nếu thông tin bạn nhập khớp với một tài khoản, mã xác nhận đã được gửi đến số điện thoại "
                  "của tài khoản đó. Nhập mã bên dưới.");
  }
  if (key == "dang-xuat") {
    return site.T(lang, "Bạn đã đăng xuất.");
  }
  return {};
}

Response RenderLogin(const Site& site, const Accounts& accounts, const Request& req, const std::string& account,
                     const std::string& next, const FieldErrors& errors, const std::string& blocked, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/login", site.T(lang, "Đăng nhập"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
        d.SetValue("NEXT", next);
        AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
        AddInput(site, lang, d, "F_PASSWORD", kPasswordField, "", errors);
        if (!blocked.empty()) {
          d.SetValueAndShowSection("BLOCKED_TEXT", blocked, "BLOCKED");
        }
        if (accounts.identity() != nullptr) {
          d.SetValueAndShowSection("VNEID_NAME", site.T(lang, "Đăng nhập bằng VNeID"), "HAS_VNEID");
        }
      },
      status);
}

Response LoginPage(const Site& site, Accounts& accounts, const Request& req) {
  if (CallerOf(req).principal.signed_in()) {
    return Response::Redirect(SafeNext(req.Query("tiep")));
  }
  return RenderLogin(site, accounts, req, "", SafeNext(req.Query("tiep")), {}, "", http::kOk);
}

std::string MinutesText(const Site& site, std::string_view lang, int64_t seconds) {
  constexpr int64_t kMinute = 60;
  if (seconds < kMinute) {
    return fmt::format("{} {}", seconds, site.TN(lang, "giây", "giây", seconds));
  }
  const int64_t minutes = (seconds + kMinute - 1) / kMinute;
  return fmt::format("{} {}", minutes, site.TN(lang, "phút", "phút", minutes));
}

Response LoginSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string account = Field(form, "tai_khoan");
  const std::string password = form.Get("mat_khau");
  const std::string next = SafeNext(form.Get("tiep"));
  FieldErrors errors;
  if (domain::CollapseSpaces(account).empty()) {
    errors.Add("tai_khoan", site.T(lang, "Nhập số định danh cá nhân hoặc số điện thoại"));
  }
  if (password.empty()) {
    errors.Add("mat_khau", site.T(lang, "Nhập mật khẩu"));
  }
  if (!errors.empty()) {
    return RenderLogin(site, accounts, req, account, next, errors, "", http::kUnprocessable);
  }
  Caller caller = CallerOf(req);
  const SignIn result = accounts.SignInWithPassword(req, account, password, caller);
  switch (result.result) {
    case SignInResult::kOk: {
      SetCaller(req, caller);
      return WithCookie(Response::Redirect(next), result.set_cookie);
    }
    case SignInResult::kBlocked: {
      const std::string text =
          fmt::format("{} {}.", site.T(lang, "Bạn đã nhập sai nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau"),
                      MinutesText(site, lang, result.retry_after));
      return RenderLogin(site, accounts, req, account, next, {}, text, http::kTooManyRequests)
          .Set("Retry-After", std::to_string(result.retry_after));
    }
    case SignInResult::kBusy:
      return RenderLogin(site, accounts, req, account, next, {},
                         site.T(lang, "Hệ thống đang bận. Xin đợi vài giây rồi bấm Đăng nhập lại."),
                         http::kServiceUnavailable)
          .Set("Retry-After", "5");
    case SignInResult::kDisabled:
      errors.Add("tai_khoan", site.T(lang,
                                     "Tài khoản này đang bị tạm khóa. Hãy liên hệ bộ phận một cửa hoặc quản trị "
                                     "viên."));
      return RenderLogin(site, accounts, req, account, next, errors, "", http::kForbidden);
    case SignInResult::kWrong:
      break;
  }
  errors.Add("tai_khoan",
             site.T(lang, "Số định danh, số điện thoại hoặc mật khẩu không đúng. Hãy kiểm tra và thử lại."));
  return RenderLogin(site, accounts, req, account, next, errors, "", http::kUnprocessable);
}

Response Logout(Accounts& accounts, Request& req) {
  const Caller& caller = CallerOf(req);
  accounts.db().Write([&](store::Session& s) {
    store::RevokeSessionByHash(s, caller.session_hash, domain::Instant::FromSeconds(UnixNow()));
    Journal(s, req, caller, {"logout", "session", caller.session_public_id, ""});
  });
  return WithCookie(Response::Redirect("/dang-nhap?tb=dang-xuat"), accounts.auth().ClearSessionCookie());
}

Response RenderRegister(const Site& site, const Request& req, const PersonInput& in, const FieldErrors& errors,
                        int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/register", site.T(lang, "Đăng ký tài khoản"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddPersonFields(site, lang, d, in, PersonFormFor::kSelf, errors);
        AddInput(site, lang, d, "F_PASSWORD", kNewPasswordField, "", errors);
        AddInput(site, lang, d, "F_CONFIRM", kConfirmField, "", errors);
      },
      status);
}

Response RegisterSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const PersonInput in = PersonInput::From(form);
  FieldErrors errors;
  store::NewAccount account = CheckPerson(site, lang, in, PersonFormFor::kSelf, errors);
  const std::string password = form.Get("mat_khau");
  accounts.CheckNewPassword(site, lang, password, form.Get("mat_khau_2"),
                            domain::PasswordContext{account.personal_id, account.phone, "", account.email}, errors,
                            "mat_khau", "mat_khau_2");
  auto conflict_message = [&](store::Conflict c) { AddConflictError(site, lang, c, PersonFormFor::kSelf, errors); };
  if (errors.empty()) {
    // Cheap check first, so a duplicate costs no password hash.
    accounts.db().Read([&](store::Session& s) { conflict_message(store::FindConflict(s, account)); });
  }
  if (!errors.empty()) {
    return RenderRegister(site, req, in, errors, http::kUnprocessable);
  }
  const auto hash = accounts.Hash(password);
  if (!hash) {
    errors.Add("mat_khau",
               site.T(lang, "Hệ thống đang bận. Xin đợi vài giây rồi gửi lại; thông tin bạn nhập vẫn còn."));
    return RenderRegister(site, req, in, errors, http::kServiceUnavailable);
  }
  account.password_hash = *hash;
  Caller caller = CallerOf(req);
  std::string cookie;
  const int64_t now = UnixNow();
  const store::Conflict taken = store::WriteAccountCreation(accounts.db(), account, [&](store::Session& s) {
    const store::Created created =
        store::InsertAccountUnlessTaken(s, account, domain::Instant::FromSeconds(now));  // checked again, in the write
    if (created.id == 0) {
      return created.conflict;
    }
    const int64_t user_id = created.id;
    cookie = accounts.auth().StartSession(s, req, user_id, now, caller);
    caller.principal = domain::Principal{user_id, account.full_name, true, {}};
    Journal(
        s, req, caller,
        {"account.register", "user", std::to_string(user_id),
         boost::json::serialize(boost::json::object{{"after", boost::json::object{{"full_name", account.full_name},
                                                                                  {"personal_id", account.personal_id},
                                                                                  {"phone", account.phone},
                                                                                  {"email", account.email}}}})});
    return store::Conflict::kNone;
  });
  conflict_message(taken);
  if (!errors.empty()) {
    return RenderRegister(site, req, in, errors, http::kConflict);
  }
  SetCaller(req, caller);
  return WithCookie(Response::Redirect("/tai-khoan?tb=dang-ky"), cookie);
}

Response RenderForgot(const Site& site, const Request& req, const std::string& account, const FieldErrors& errors,
                      int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/forgot", site.T(lang, "Đặt lại mật khẩu"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
      },
      status);
}

Response ForgotSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string typed = Field(form, "tai_khoan");
  if (domain::CollapseSpaces(typed).empty()) {
    FieldErrors errors;
    errors.Add("tai_khoan", site.T(lang, "Nhập số định danh cá nhân hoặc số điện thoại"));
    return RenderForgot(site, req, typed, errors, http::kUnprocessable);
  }
  const LoginName name = ParseLoginName(typed);
  std::optional<domain::Account> account;
  accounts.db().Read([&](store::Session& s) {
    account = store::FindAccountByLogin(s, name.personal_id, name.phone, name.login_name);
  });
  // The same answer whether or not the account exists, so the page cannot be used to find out.
  std::string code;
  if (account && account->status != domain::AccountStatus::kDisabled &&
      (!account->phone.empty() || !account->email.empty())) {
    accounts.db().Write([&](store::Session& s) {
      if (!accounts.AllowCodeRequest(s, account->id)) {
        JournalAs(s, req, 0, "", {"password.reset_request_ignored", "user", std::to_string(account->id), ""});
        return;
      }
      code = accounts.IssueCode(s, account->id, store::CodePurpose::kReset, std::nullopt);
      JournalAs(s, req, 0, "", {"password.reset_requested", "user", std::to_string(account->id), ""});
    });
  }
  if (!code.empty()) {
    accounts.Notify(*account, site.T(lang, "Mã đặt lại mật khẩu"),
                    fmt::format("{} {}. {}", site.T(lang, "Mã đặt lại mật khẩu Cổng dịch vụ công của bạn là"), code,
                                site.T(lang, "Mã dùng được một lần trong 15 phút. Không đưa mã này cho ai.")));
  }
  return Response::Redirect("/dat-lai-mat-khau?tb=da-gui&tai_khoan=" + http::PercentEncode(typed));
}

Response RenderReset(const Site& site, const Request& req, const std::string& account, const std::string& code,
                     const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/reset", site.T(lang, "Đặt mật khẩu mới"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
        AddInput(site, lang, d, "F_ACCOUNT", kAccountField, account, errors);
        AddInput(site, lang, d, "F_CODE", kCodeField, code, errors);
        AddInput(site, lang, d, "F_PASSWORD", kNewPasswordField, "", errors);
        AddInput(site, lang, d, "F_CONFIRM", kConfirmField, "", errors);
      },
      status);
}

Response ResetSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string typed = Field(form, "tai_khoan");
  std::string code;
  for (const char c : Field(form, "ma")) {
    if (c != ' ') {
      code.push_back(c);
    }
  }
  const std::string password = form.Get("mat_khau");
  FieldErrors errors;
  if (domain::CollapseSpaces(typed).empty()) {
    errors.Add("tai_khoan", site.T(lang, "Nhập số định danh cá nhân hoặc số điện thoại"));
  }
  if (code.empty()) {
    errors.Add("ma", site.T(lang, "Nhập mã xác nhận"));
  }
  const LoginName name = ParseLoginName(typed);
  std::optional<domain::Account> account;
  accounts.db().Read([&](store::Session& s) {
    account = store::FindAccountByLogin(s, name.personal_id, name.phone, name.login_name);
  });
  // The password is checked before the code, so a weak password does not use up a try of the code.
  accounts.CheckNewPassword(
      site, lang, password, form.Get("mat_khau_2"),
      account ? domain::PasswordContext{account->personal_id, account->phone, account->login_name, account->email}
              : domain::PasswordContext{},
      errors, "mat_khau", "mat_khau_2");
  if (!errors.empty()) {
    return RenderReset(site, req, typed, code, errors, http::kUnprocessable);
  }
  const std::string wrong = site.T(lang, "Mã không đúng hoặc đã hết hạn. Kiểm tra lại mã, hoặc xin mã mới.");
  const std::string throttle_key = ThrottleKey(account ? account->id : 0, name);
  if (const int64_t wait = accounts.SecondsBlocked(req, throttle_key); wait > 0) {
    errors.Add("ma",
               fmt::format("{} {}.", site.T(lang, "Bạn đã nhập sai nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau"),
                           MinutesText(site, lang, wait)));
    return RenderReset(site, req, typed, code, errors, http::kTooManyRequests).Set("Retry-After", std::to_string(wait));
  }
  if (!account || account->status == domain::AccountStatus::kDisabled) {
    accounts.db().Write([&](store::Session& s) { accounts.RecordFailure(s, req, "reset_code", throttle_key, 0, ""); });
    errors.Add("ma", wrong);
    return RenderReset(site, req, typed, code, errors, http::kUnprocessable);
  }
  const auto hash = accounts.Hash(password);
  if (!hash) {
    errors.Add("mat_khau",
               site.T(lang, "Hệ thống đang bận. Xin đợi vài giây rồi gửi lại; thông tin bạn nhập vẫn còn."));
    return RenderReset(site, req, typed, code, errors, http::kServiceUnavailable);
  }
  Caller caller = CallerOf(req);
  std::string cookie;
  const int64_t now = UnixNow();
  store::CodeCheck check = store::CodeCheck::kNone;
  accounts.db().Write([&](store::Session& s) {
    check = store::ConsumeCode(s, account->id, Accounts::CodeHash(account->id, code), domain::Instant::FromSeconds(now),
                               Accounts::kMaxCodeAttempts);
    if (check != store::CodeCheck::kOk) {
      accounts.RecordFailure(s, req, "reset_code", throttle_key, account->id, account->full_name);
      return;
    }
    store::SetPassword(s, account->id, *hash, domain::Instant::FromSeconds(now));
    store::RevokeSessions(s, account->id, domain::Instant::FromSeconds(now));
    store::ClearThrottle(s, throttle_key);
    if (!caller.session_hash.empty()) {
      store::RevokeSessionByHash(s, caller.session_hash, domain::Instant::FromSeconds(now));
    }
    cookie = accounts.auth().StartSession(s, req, account->id, now, caller);
    caller.principal = account->AsPrincipal();
    Journal(s, req, caller, {"password.reset", "user", std::to_string(account->id), ""});
  });
  if (check != store::CodeCheck::kOk) {
    errors.Add("ma", wrong);
    return RenderReset(site, req, typed, code, errors, http::kUnprocessable);
  }
  SetCaller(req, caller);
  return WithCookie(Response::Redirect("/tai-khoan?tb=dat-lai"), cookie);
}

Response AccountPage(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  const Caller& caller = CallerOf(req);
  std::optional<domain::Account> account;
  std::vector<domain::SessionInfo> sessions;
  std::vector<domain::Organisation> orgs;
  accounts.db().Read([&](store::Session& s) {
    account = store::FindAccount(s, caller.principal.user_id);
    sessions = store::ListSessions(s, caller.principal.user_id, domain::Instant::FromSeconds(UnixNow()),
                                   accounts.auth().idle_seconds());
    orgs = store::ListOrganisations(s, caller.principal.user_id);
  });
  if (!account) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không tìm thấy tài khoản."));
  }
  return site.Page(req, "account/overview", site.T(lang, "Tài khoản của tôi"), [&](TemplateDictionary& d) {
    AddCsrf(req, d);
    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
    d.SetValue("NAME", account->full_name);
    if (!account->personal_id.empty()) {
      d.SetValueAndShowSection("PERSONAL_ID", account->personal_id, "HAS_ID");
      d.ShowSection("CITIZEN");
    }
    if (!account->login_name.empty()) {
      d.SetValueAndShowSection("LOGIN", account->login_name, "HAS_LOGIN");
    }
    d.SetValue("PHONE", account->phone.empty() ? site.T(lang, "Chưa có") : account->phone);
    d.SetValue("EMAIL", account->email.empty() ? site.T(lang, "Chưa có") : account->email);
    if (orgs.empty()) {
      d.ShowSection("NO_ORGS");
    }
    for (const domain::Organisation& o : orgs) {
      TemplateDictionary* row = d.AddSectionDictionary("ORGS");
      row->SetIntValue("ID", o.id);
      row->SetValue("NAME", o.name);
      row->SetValue("TAX_CODE", o.tax_code);
    }
    for (const domain::SessionInfo& si : sessions) {
      TemplateDictionary* row = d.AddSectionDictionary("SESSIONS");
      row->SetValue("AGENT", si.user_agent.empty() ? site.T(lang, "Không rõ") : si.user_agent);
      row->SetValue("IP", si.ip);
      row->SetValue("CREATED", LocalTime(si.created_at));
      row->SetValue("SEEN", LocalTime(si.last_seen_at));
      if (si.public_id == caller.session_public_id) {
        row->ShowSection("CURRENT");
      } else {
        row->ShowSection("OTHER");
        row->SetValue("PUBLIC_ID", si.public_id);
      }
    }
  });
}

Response RevokeOneSession(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const Caller& caller = CallerOf(req);
  const std::string target = Field(form, "phien");
  bool revoked = false;
  accounts.db().Write([&](store::Session& s) {
    // Only a session of the caller's own account can match (the policy: owners act on their own objects).
    revoked = store::RevokeSession(s, target, caller.principal.user_id, domain::Instant::FromSeconds(UnixNow()));
    if (revoked) {
      Journal(s, req, caller, {"session.revoke", "session", target, ""});
    }
  });
  if (!revoked) {
    return site.ErrorPage(req, http::kNotFound,
                          site.T(lang, "Không có nơi đăng nhập này trong tài khoản của bạn (có thể đã đăng xuất)."));
  }
  return Response::Redirect("/tai-khoan?tb=phien");
}

Response RevokeAllSessions(Accounts& accounts, Request& req) {
  const Caller& caller = CallerOf(req);
  accounts.db().Write([&](store::Session& s) {
    const int64_t n = store::RevokeSessions(s, caller.principal.user_id, domain::Instant::FromSeconds(UnixNow()));
    Journal(s, req, caller,
            {"session.revoke_all", "user", std::to_string(caller.principal.user_id),
             fmt::format(R"({{"sessions":{}}})", n)});
  });
  return WithCookie(Response::Redirect("/dang-nhap?tb=dang-xuat"), accounts.auth().ClearSessionCookie());
}

Response RenderPassword(const Site& site, const Request& req, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/password", site.T(lang, "Đổi mật khẩu"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_CURRENT", kCurrentField, "", errors);
        AddInput(site, lang, d, "F_PASSWORD", kNewPasswordField, "", errors);
        AddInput(site, lang, d, "F_CONFIRM", kConfirmField, "", errors);
      },
      status);
}

Response PasswordSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  Caller caller = CallerOf(req);
  std::optional<domain::Account> account;
  accounts.db().Read([&](store::Session& s) { account = store::FindAccount(s, caller.principal.user_id); });
  if (!account) {
    return site.ErrorPage(req, http::kNotFound, site.T(lang, "Không tìm thấy tài khoản."));
  }
  FieldErrors errors;
  const std::string current = form.Get("mat_khau_cu");
  const std::string password = form.Get("mat_khau");
  const std::string throttle_key = ThrottleKey(account->id, LoginName{});
  int32_t status = http::kUnprocessable;
  if (current.empty()) {
    errors.Add("mat_khau_cu", site.T(lang, "Nhập mật khẩu hiện tại"));
  } else if (const int64_t wait = accounts.SecondsBlocked(req, throttle_key); wait > 0) {
    // A stolen session must not become a way around the sign-in throttle.
    errors.Add("mat_khau_cu",
               fmt::format("{} {}.", site.T(lang, "Bạn đã nhập sai nhiều lần. Để bảo vệ tài khoản, hãy thử lại sau"),
                           MinutesText(site, lang, wait)));
    status = http::kTooManyRequests;
  } else {
    const auto ok = accounts.Verify(account->password_hash, current);
    if (!ok) {
      errors.Add("mat_khau_cu", site.T(lang, "Hệ thống đang bận. Xin đợi vài giây rồi gửi lại."));
      status = http::kServiceUnavailable;
    } else if (!*ok) {
      errors.Add("mat_khau_cu", site.T(lang, "Mật khẩu hiện tại không đúng"));
      accounts.db().Write([&](store::Session& s) {
        accounts.RecordFailure(s, req, "current_password", throttle_key, account->id, account->full_name);
      });
    }
  }
  accounts.CheckNewPassword(
      site, lang, password, form.Get("mat_khau_2"),
      domain::PasswordContext{account->personal_id, account->phone, account->login_name, account->email}, errors,
      "mat_khau", "mat_khau_2");
  if (!errors.empty()) {
    return RenderPassword(site, req, errors, status);
  }
  const auto hash = accounts.Hash(password);
  if (!hash) {
    errors.Add("mat_khau", site.T(lang, "Hệ thống đang bận. Xin đợi vài giây rồi gửi lại."));
    return RenderPassword(site, req, errors, http::kServiceUnavailable);
  }
  std::string cookie;
  const int64_t now = UnixNow();
  accounts.db().Write([&](store::Session& s) {
    store::SetPassword(s, account->id, *hash, domain::Instant::FromSeconds(now));
    store::RevokeSessions(s, account->id,
                          domain::Instant::FromSeconds(now));  // this one too: it is replaced by a fresh id below
    cookie = accounts.auth().StartSession(s, req, account->id, now, caller);
    Journal(s, req, caller, {"password.change", "user", std::to_string(account->id), ""});
  });
  SetCaller(req, caller);
  return WithCookie(Response::Redirect("/tai-khoan?tb=mat-khau"), cookie);
}

Response RenderOrganisationNew(const Site& site, const Request& req, const std::string& tax, const std::string& name,
                               const std::string& address, const FieldErrors& errors, int32_t status) {
  const std::string lang = site.Lang(req);
  return site.Page(
      req, "account/organisation_new", site.T(lang, "Đăng ký doanh nghiệp, tổ chức"),
      [&](TemplateDictionary& d) {
        AddCsrf(req, d);
        AddErrorSummary(lang, d, errors);
        AddInput(site, lang, d, "F_TAX", kTaxField, tax, errors);
        AddInput(site, lang, d, "F_ORG_NAME", kOrgNameField, name, errors);
        AddInput(site, lang, d, "F_ADDRESS", kAddressField, address, errors);
      },
      status);
}

Response OrganisationSubmit(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  const Form form(req);
  const std::string tax_in = Field(form, "ma_so_thue");
  const std::string name_in = Field(form, "ten_to_chuc");
  const std::string address_in = Field(form, "dia_chi");
  FieldErrors errors;
  const domain::Checked tax = domain::CheckTaxCode(tax_in);
  if (!tax.ok()) {
    errors.Add("ma_so_thue", site.T(lang, tax.error));
  }
  const domain::Checked name = domain::CheckOrganisationName(name_in);
  if (!name.ok()) {
    errors.Add("ten_to_chuc", site.T(lang, name.error));
  }
  const domain::Checked address = domain::CheckOrganisationName(address_in);
  if (!address.ok() || domain::CodePointCount(address.value) > kMaxAddressCodePoints) {
    errors.Add("dia_chi", site.T(lang, "Nhập địa chỉ trụ sở (tối đa 300 ký tự, không có ký tự điều khiển)"));
  }
  if (!errors.empty()) {
    return RenderOrganisationNew(site, req, tax_in, name_in, address_in, errors, http::kUnprocessable);
  }
  const Caller& caller = CallerOf(req);
  int64_t id = 0;
  try {
    accounts.db().Write([&](store::Session& s) {
      if (store::TaxCodeTaken(s, tax.value)) {
        return;
      }
      domain::Organisation org{0, tax.value, name.value, address.value, caller.principal.user_id, UnixNow()};
      id = store::InsertOrganisation(s, org);
      Journal(s, req, caller,
              {"organisation.register", "organisation", std::to_string(id),
               boost::json::serialize(boost::json::object{
                   {"after", boost::json::object{{"tax_code", tax.value}, {"name", name.value}}}})});
    });
  } catch (const store::DatabaseError&) {
    // A concurrent registration of the same tax code (PostgreSQL) makes the insert fail: answered as taken below.
    bool taken = false;
    accounts.db().Read([&](store::Session& s) { taken = store::TaxCodeTaken(s, tax.value); });
    if (!taken) {
      throw;
    }
    id = 0;
  }
  if (id == 0) {
    errors.Add("ma_so_thue", site.T(lang,
                                    "Mã số thuế này đã được đăng ký bởi một người đại diện khác. Nếu bạn là "
                                    "người đại diện mới, hãy liên hệ bộ phận một cửa."));
    return RenderOrganisationNew(site, req, tax_in, name_in, address_in, errors, http::kConflict);
  }
  return Response::Redirect(fmt::format("/tai-khoan/to-chuc/{}?tb=to-chuc", id));
}

Response OrganisationPage(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  const Caller& caller = CallerOf(req);
  const int64_t id = IdParam(req, "id");
  std::optional<domain::Organisation> org;
  accounts.db().Read([&](store::Session& s) { org = store::FindOrganisation(s, id); });
  // Someone else's organisation looks exactly like a missing one: ids reveal nothing.
  if (!org || !domain::Owns(caller.principal, org->representative_id)) {
    return site.ErrorPage(req, http::kNotFound,
                          site.T(lang,
                                 "Không tìm thấy doanh nghiệp, tổ chức này trong tài khoản "
                                 "của bạn."));
  }
  return site.Page(req, "account/organisation", org->name, [&](TemplateDictionary& d) {
    AddNotice(lang, d, NoticeText(site, lang, req.Query("tb")));
    d.SetValue("NAME", org->name);
    d.SetValue("TAX_CODE", org->tax_code);
    d.SetValue("ADDRESS", org->address);
    d.SetValue("REPRESENTATIVE", caller.principal.name);
  });
}

Response MyDossiers(const Site& site, const Request& req) {
  const std::string lang = site.Lang(req);
  return site.Page(req, "account/my_dossiers", site.T(lang, "Hồ sơ của tôi"), [](TemplateDictionary&) {});
}

constexpr size_t kStateBytes = 24;

std::string StateCookieName(bool behind_tls) { return behind_tls ? "__Host-motcua-oidc" : "motcua-oidc"; }

Response VneidStart(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  security::IdentityProvider* idp = accounts.identity();
  if (idp == nullptr) {
    return MessagePage(site, req, http::kServiceUnavailable, site.T(lang, "Đăng nhập bằng VNeID chưa sẵn sàng"),
                       site.T(lang,
                              "Cổng này chưa được kết nối với dịch vụ định danh điện tử quốc gia. Hãy đăng nhập bằng "
                              "số định danh cá nhân và mật khẩu."),
                       "/dang-nhap", site.T(lang, "Đăng nhập"));
  }
  // state protects the callback against forgery; nonce binds the code to this browser.
  const std::string state = security::RandomToken(kStateBytes);
  const std::string nonce = security::RandomToken(kStateBytes);
  constexpr int64_t kFlowSeconds = 600;
  return WithCookie(Response::Redirect(idp->AuthorizationUrl(state, nonce)),
                    CookieHeader(StateCookieName(accounts.config().behind_tls), state + "." + nonce, kFlowSeconds,
                                 accounts.config().behind_tls));
}

Response VneidSimulatedPage(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  security::SimulatedIdentityProvider* sim = accounts.simulated_identity();
  return site.Page(req, "account/vneid_simulated", site.T(lang, "Đồng ý chia sẻ thông tin định danh"),
                   [&](TemplateDictionary& d) {
                     AddCsrf(req, d);
                     d.SetValue("STATE", std::string(req.Query("state")));
                     d.SetValue("NONCE", std::string(req.Query("nonce")));
                     for (size_t i = 0; i < sim->people().size(); ++i) {
                       TemplateDictionary* row = d.AddSectionDictionary("PEOPLE");
                       row->SetIntValue("INDEX", static_cast<int64_t>(i));
                       row->SetValue("NAME", sim->people()[i].full_name);
                       row->SetValue("PERSONAL_ID", sim->people()[i].personal_id);
                       if (i == 0) {
                         row->ShowSection("FIRST");
                       }
                     }
                   });
}

Response VneidSimulatedSubmit(Accounts& accounts, const Request& req) {
  const Form form(req);
  size_t index = 0;
  const std::string chosen = form.Get("nguoi");
  std::from_chars(chosen.data(), chosen.data() + chosen.size(), index);
  const std::string code = accounts.simulated_identity()->Issue(index, form.Get("nonce"), UnixNow());
  return Response::Redirect("/dang-nhap/vneid/ket-qua?code=" + http::PercentEncode(code) +
                            "&state=" + http::PercentEncode(form.Get("state")));
}

Response VneidCallback(const Site& site, Accounts& accounts, Request& req) {
  const std::string lang = site.Lang(req);
  security::IdentityProvider* idp = accounts.identity();
  const std::string flow = req.Cookie(StateCookieName(accounts.config().behind_tls));
  const size_t dot = flow.find('.');
  const std::string state = dot == std::string::npos ? std::string() : flow.substr(0, dot);
  const std::string nonce = dot == std::string::npos ? std::string() : flow.substr(dot + 1);
  const auto fail = [&] {
    return MessagePage(site, req, http::kBadRequest, site.T(lang, "Không đăng nhập được bằng VNeID"),
                       site.T(lang, "Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy thử lại từ đầu."), "/dang-nhap",
                       site.T(lang, "Đăng nhập"));
  };
  if (idp == nullptr || state.empty() || !security::ConstantTimeEqual(state, req.Query("state"))) {
    return fail();
  }
  const auto identity = idp->Exchange(std::string(req.Query("code")), nonce);
  if (!identity) {
    return fail();
  }
  Caller caller = CallerOf(req);
  std::string cookie;
  const int64_t now = UnixNow();
  bool disabled = false;
  accounts.db().Write([&](store::Session& s) {
    auto account = store::FindAccountByLogin(s, identity->personal_id, "", "");
    int64_t user_id = 0;
    if (!account) {
      // A verified national identity creates the account; the person may add a password later.
      store::NewAccount fresh;
      fresh.personal_id = identity->personal_id;
      fresh.full_name = identity->full_name;
      fresh.date_of_birth = identity->date_of_birth;
      store::NewAccount probe = fresh;
      probe.phone = identity->phone;
      if (store::FindConflict(s, probe) == store::Conflict::kNone) {
        fresh.phone = identity->phone;
      }
      user_id = store::InsertAccount(s, fresh, domain::Instant::FromSeconds(now));
      JournalAs(s, req, user_id, fresh.full_name, {"account.register_vneid", "user", std::to_string(user_id), ""});
      account = store::FindAccount(s, user_id);
    } else if (account->status == domain::AccountStatus::kDisabled) {
      disabled = true;
      return;
    }
    if (!caller.session_hash.empty()) {
      store::RevokeSessionByHash(s, caller.session_hash, domain::Instant::FromSeconds(now));
    }
    cookie = accounts.auth().StartSession(s, req, account->id, now, caller);
    caller.principal = account->AsPrincipal();
    store::RecordLogin(s, account->id, domain::Instant::FromSeconds(now));
    Journal(s, req, caller, {"login.success", "user", std::to_string(account->id), R"({"method":"vneid"})"});
  });
  if (disabled) {
    return MessagePage(site, req, http::kForbidden, site.T(lang, "Tài khoản đang bị tạm khóa"),
                       site.T(lang, "Hãy liên hệ bộ phận một cửa hoặc quản trị viên."), "/", site.T(lang, "Trang chủ"));
  }
  SetCaller(req, caller);
  Response res = WithCookie(Response::Redirect("/tai-khoan"), cookie);
  res.headers.emplace_back(
      "Set-Cookie", CookieHeader(StateCookieName(accounts.config().behind_tls), "", -1, accounts.config().behind_tls));
  return res;
}

Response Mailbox(const Site& site, Accounts& accounts, const Request& req) {
  const std::string lang = site.Lang(req);
  std::vector<store::MailboxMessage> messages;
  accounts.db().Read([&](store::Session& s) { messages = store::ListMailbox(s, kMailboxShown); });
  return site.Page(req, "account/mailbox", site.T(lang, "Hộp thư thử nghiệm"), [&](TemplateDictionary& d) {
    if (messages.empty()) {
      d.ShowSection("EMPTY");
    }
    for (const store::MailboxMessage& m : messages) {
      TemplateDictionary* row = d.AddSectionDictionary("MESSAGES");
      row->SetValue("SUBJECT", m.subject);
      row->SetValue("CHANNEL", m.channel == "sms" ? "SMS" : "Email");
      row->SetValue("RECIPIENT", m.recipient);
      row->SetValue("TIME", LocalTime(m.created_at));
      row->SetValue("BODY", m.body);
    }
  });
}

}  // namespace

void AddAccountPages(RouteTable& routes, const Site& site, Accounts& accounts) {
  const Site* s = &site;
  Accounts* a = &accounts;
  routes.Add(
      "GET", "/dang-nhap", Permission::kPublic, [s, a](Request& r) { return LoginPage(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-nhap", Permission::kPublic, [s, a](Request& r) { return LoginSubmit(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-xuat", Permission::kSignedIn, [a](Request& r) { return Logout(*a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/dang-ky", Permission::kPublic,
      [s](Request& r) { return RenderRegister(*s, r, PersonInput{}, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/dang-ky", Permission::kPublic, [s, a](Request& r) { return RegisterSubmit(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/quen-mat-khau", Permission::kPublic, [s](Request& r) { return RenderForgot(*s, r, "", {}, http::kOk); },
      Exec::kPool);
  routes.Add(
      "POST", "/quen-mat-khau", Permission::kPublic, [s, a](Request& r) { return ForgotSubmit(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/dat-lai-mat-khau", Permission::kPublic,
      [s](Request& r) { return RenderReset(*s, r, std::string(r.Query("tai_khoan")), "", {}, http::kOk); },
      Exec::kPool);
  routes.Add(
      "POST", "/dat-lai-mat-khau", Permission::kPublic, [s, a](Request& r) { return ResetSubmit(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan", Permission::kSignedIn, [s, a](Request& r) { return AccountPage(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan/mat-khau", Permission::kSignedIn,
      [s](Request& r) { return RenderPassword(*s, r, {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/mat-khau", Permission::kSignedIn, [s, a](Request& r) { return PasswordSubmit(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/phien/thu-hoi", Permission::kSignedIn,
      [s, a](Request& r) { return RevokeOneSession(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/dang-xuat-tat-ca", Permission::kSignedIn,
      [a](Request& r) { return RevokeAllSessions(*a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan/to-chuc/moi", Permission::kCitizen,
      [s](Request& r) { return RenderOrganisationNew(*s, r, "", "", "", {}, http::kOk); }, Exec::kPool);
  routes.Add(
      "POST", "/tai-khoan/to-chuc/moi", Permission::kCitizen,
      [s, a](Request& r) { return OrganisationSubmit(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/tai-khoan/to-chuc/{id}", Permission::kCitizen,
      [s, a](Request& r) { return OrganisationPage(*s, *a, r); }, Exec::kPool);
  routes.Add(
      "GET", "/ho-so-cua-toi", Permission::kCitizen, [s](Request& r) { return MyDossiers(*s, r); }, Exec::kPool);
  routes.Add(
      "GET", "/dang-nhap/vneid", Permission::kPublic, [s, a](Request& r) { return VneidStart(*s, *a, r); },
      Exec::kPool);
  routes.Add(
      "GET", "/dang-nhap/vneid/ket-qua", Permission::kPublic, [s, a](Request& r) { return VneidCallback(*s, *a, r); },
      Exec::kPool);
  if (accounts.simulated_identity() != nullptr) {
    routes.Add(
        "GET", "/dang-nhap/vneid/mo-phong", Permission::kPublic,
        [s, a](Request& r) { return VneidSimulatedPage(*s, *a, r); }, Exec::kPool);
    routes.Add(
        "POST", "/dang-nhap/vneid/mo-phong", Permission::kPublic,
        [a](Request& r) { return VneidSimulatedSubmit(*a, r); }, Exec::kPool);
  }
  if (accounts.demo()) {
    routes.Add(
        "GET", "/hop-thu-thu-nghiem", Permission::kPublic, [s, a](Request& r) { return Mailbox(*s, *a, r); },
        Exec::kPool);
  }
}

}  // namespace motcua::web
