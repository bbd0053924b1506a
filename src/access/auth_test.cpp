//! Who is calling: the route table's permissions, cookies, the Origin check, CSRF tokens, sessions and bearer
//! tokens. The Authenticator reads its secret from a store, so these tests use a fresh SQLite file.
#include "access/auth.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "security/crypto.hpp"
#include "store/account_store.hpp"
#include "store/migrations.hpp"

namespace motcua::access {
namespace {

using domain::Permission;

http::Response Ok(http::Request&) { return http::Response::Text("ok"); }

TEST(RouteTable, EveryRouteKnowsItsPermission) {
  RouteTable table;
  table.Add("GET", "/", Permission::kPublic, Ok);
  table.Add("POST", "/dang-xuat", Permission::kSignedIn, Ok, http::Exec::kPool);
  table.Add("GET", "/can-bo/tiep-nhan", Permission::kAssistCitizens, Ok);
  table.Add("GET", "/quan-tri/nhat-ky", Permission::kViewAudit, Ok);
  const std::vector<Permission> expected = {Permission::kPublic, Permission::kSignedIn, Permission::kAssistCitizens,
                                            Permission::kViewAudit};
  const auto& routes = table.router().routes();
  ASSERT_EQ(routes.size(), expected.size());
  for (size_t i = 0; i < routes.size(); ++i) {
    EXPECT_EQ(table.PermissionOf(&routes[i]), expected[i]) << routes[i].pattern;
  }
  std::map<std::string, std::string> params;
  const http::Match m = table.router().Find("GET", "/quan-tri/nhat-ky", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(table.PermissionOf(m.route), Permission::kViewAudit);
  EXPECT_EQ(routes[1].exec, http::Exec::kPool);
}

TEST(RouteTable, UnknownRoutesHaveNoPermission) {
  RouteTable table;
  EXPECT_EQ(table.PermissionOf(nullptr), std::nullopt);
  const http::Route stray{"GET", "/", Ok, http::Exec::kInline};
  EXPECT_EQ(table.PermissionOf(&stray), std::nullopt);  // empty table
  table.Add("GET", "/", Permission::kPublic, Ok);
  EXPECT_EQ(table.PermissionOf(nullptr), std::nullopt);
  EXPECT_EQ(table.PermissionOf(&stray), std::nullopt);  // same method and pattern, but not from this table
  RouteTable other;
  other.Add("GET", "/", Permission::kPublic, Ok);
  EXPECT_EQ(table.PermissionOf(&other.router().routes()[0]), std::nullopt);
}

struct CookieCase {
  std::string name;
  std::string value;
  int64_t max_age;
  bool behind_tls;
  std::string header;
};

TEST(CookieHeader, HttpOnlyLaxWholeSiteSecureOnlyBehindTls) {
  // clang-format off
  const CookieCase cases[] = {
      {"motcua",        "abc", 0,    false, "motcua=abc; Path=/; HttpOnly; SameSite=Lax"},
      {"motcua",        "abc", 3600, false, "motcua=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=3600"},
      {"motcua",        "",    -1,   false, "motcua=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"},
      {"__Host-motcua", "abc", 0,    true,  "__Host-motcua=abc; Path=/; HttpOnly; SameSite=Lax; Secure"},
      {"__Host-motcua", "abc", 60,   true,  "__Host-motcua=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"},
      {"__Host-motcua", "",    -100, true,  "__Host-motcua=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure"},
  };
  // clang-format on
  for (const CookieCase& c : cases) {
    EXPECT_EQ(CookieHeader(c.name, c.value, c.max_age, c.behind_tls), c.header);
  }
}

TEST(CookieNames, HostPrefixOnlyBehindTls) {
  EXPECT_EQ(SessionCookieName(true), "__Host-motcua");
  EXPECT_EQ(SessionCookieName(false), "motcua");
  EXPECT_EQ(PreSessionCookieName(true), "__Host-motcua-form");
  EXPECT_EQ(PreSessionCookieName(false), "motcua-form");
  EXPECT_NE(SessionCookieName(false), PreSessionCookieName(false));
}

TEST(CallerOf, AnonymousUntilSet) {
  http::Request req;
  EXPECT_FALSE(CallerOf(req).principal.signed_in());
  EXPECT_EQ(CallerOf(req).csrf_token, "");
  Caller caller;
  caller.principal.user_id = 9;
  caller.csrf_token = "t";
  SetCaller(req, caller);
  EXPECT_EQ(CallerOf(req).principal.user_id, 9);
  EXPECT_EQ(CallerOf(req).csrf_token, "t");
}

//! A fresh migrated SQLite database in the test's temp folder, removed afterwards.
class AuthenticatorTest : public testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int32_t> counter{0};
    path_ = (std::filesystem::path(testing::TempDir()) /
             ("motcua_auth_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    store::DatabaseOptions options;
    options.synchronous_full = false;
    db_ = store::OpenDatabase(path_, options);
    store::Migrate(*db_);
    tls_.behind_tls = true;
    sessions_ = std::make_unique<service::Sessions>(plain_, *db_, clock_);
    plain_auth_ = std::make_unique<Authenticator>(plain_, *sessions_);
    tls_auth_ = std::make_unique<Authenticator>(tls_, *sessions_);
  }

  void TearDown() override {
    plain_auth_.reset();
    tls_auth_.reset();
    sessions_.reset();
    db_.reset();
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }

  //! An active account with a personal ID number.
  int64_t AddPerson(std::string personal_id = "036099001234") {
    int64_t id = 0;
    db_->Write([&](store::Session& s) {
      store::NewAccount a;
      a.personal_id = std::move(personal_id);
      a.full_name = "Nguyễn Văn An";
      id = store::InsertAccount(s, a, domain::Instant::FromSeconds(kNow));
    });
    return id;
  }

  //! Signs `user_id` in at `now`; returns the cookie value and fills `caller`.
  std::string SignIn(const Authenticator& auth, int64_t user_id, int64_t now, Caller& caller) {
    clock_.Set(domain::Instant::FromSeconds(now));
    const service::Actor actor{{}, "192.0.2.7", "Mozilla/5.0", "", "", ""};
    std::string header;
    db_->Write([&](store::Session& s) {
      header = auth.SignedIn(sessions_->Start(s, actor, user_id), domain::Principal{user_id, "", true, {}}, caller);
    });
    const size_t eq = header.find('=');
    const size_t semi = header.find(';');
    EXPECT_NE(eq, std::string::npos);
    EXPECT_NE(semi, std::string::npos);
    return header.substr(eq + 1, semi - eq - 1);
  }

  static http::Request WithCookie(const std::string& name, const std::string& value) {
    http::Request req;
    req.headers = {{"cookie", "lang=vi; " + name + "=" + value}};
    return req;
  }

  //! The caller of a page request carrying `req`'s cookie, at `now`.
  Caller ResolveAt(const Authenticator& auth, const http::Request& req, int64_t now) {
    clock_.Set(domain::Instant::FromSeconds(now));
    return auth.ResolveSession(req);
  }

  //! The caller of an API request carrying `req`'s Authorization header, at `now`.
  Caller BearerAt(const Authenticator& auth, const http::Request& req, int64_t now) {
    clock_.Set(domain::Instant::FromSeconds(now));
    return auth.ResolveBearer(req);
  }

  static constexpr int64_t kNow = 1767225600;  // 2026-01-01 00:00 UTC

  std::string path_;
  std::unique_ptr<store::Database> db_;
  domain::ManualClock clock_{domain::Instant::FromSeconds(kNow)};
  std::unique_ptr<service::Sessions> sessions_;
  app::Config plain_;
  app::Config tls_;
  std::unique_ptr<Authenticator> plain_auth_;
  std::unique_ptr<Authenticator> tls_auth_;
};

struct OriginCase {
  std::string sec_fetch_site;  // "" = not sent
  std::string origin;          // "" = not sent
  std::string host;            // "" = not sent
  bool behind_tls;
  bool same_origin;
};

TEST_F(AuthenticatorTest, SameOriginAcceptsOnlyOurOwnPages) {
  // clang-format off
  const OriginCase cases[] = {
      {"",            "",                              "",                    false, true},   // older browser: token decides
      {"",            "",                              "motcua.example",      true,  true},
      {"same-origin", "",                              "motcua.example",      false, true},
      {"none",        "",                              "motcua.example",      false, true},   // typed by the user
      {"cross-site",  "",                              "motcua.example",      false, false},
      {"same-site",   "",                              "motcua.example",      false, false},  // a sibling subdomain
      {"SAME-ORIGIN", "",                              "motcua.example",      false, false},
      {"cross-site",  "http://motcua.example",         "motcua.example",      false, false},
      {"same-site",   "https://motcua.example",        "motcua.example",      true,  false},
      {"",            "http://motcua.example",         "motcua.example",      false, true},
      {"same-origin", "http://motcua.example",         "motcua.example",      false, true},
      {"same-origin", "https://motcua.example",        "motcua.example",      false, true},
      {"same-origin", "https://motcua.example",        "motcua.example",      true,  true},
      {"same-origin", "http://motcua.example",         "motcua.example",      true,  false},  // downgraded
      {"",            "http://127.0.0.1:8080",         "127.0.0.1:8080",      false, true},
      {"",            "http://127.0.0.1",              "127.0.0.1:8080",      false, false},  // other port
      {"",            "http://127.0.0.1:8081",         "127.0.0.1:8080",      false, false},
      {"",            "https://evil.example",          "motcua.example",      false, false},
      {"",            "https://motcua.example.evil",   "motcua.example",      false, false},
      {"",            "https://evil.motcua.example",   "motcua.example",      false, false},
      {"",            "https://motcua.example/",       "motcua.example",      false, false},
      {"",            "null",                          "motcua.example",      false, false},  // sandboxed or file:
      {"",            "motcua.example",                "motcua.example",      false, false},
      {"",            "ftp://motcua.example",          "motcua.example",      false, false},
      {"",            "https://motcua.example",        "",                    false, false},  // missing Host
      {"same-origin", "https://motcua.example",        "",                    true,  false},
      {"same-origin", "http://",                       "",                    false, false},
  };
  // clang-format on
  for (size_t i = 0; i < std::size(cases); ++i) {
    const OriginCase& c = cases[i];
    http::Request req;
    req.method = "POST";
    if (!c.sec_fetch_site.empty()) {
      req.headers.emplace_back("sec-fetch-site", c.sec_fetch_site);
    }
    if (!c.origin.empty()) {
      req.headers.emplace_back("origin", c.origin);
    }
    if (!c.host.empty()) {
      req.headers.emplace_back("host", c.host);
    }
    const Authenticator& auth = c.behind_tls ? *tls_auth_ : *plain_auth_;
    EXPECT_EQ(auth.SameOrigin(req), c.same_origin)
        << "case " << i << ": sec-fetch-site '" << c.sec_fetch_site << "', origin '" << c.origin << "', host '"
        << c.host << "', tls " << c.behind_tls;
  }
}

TEST_F(AuthenticatorTest, AnonymousCallersGetAFormBindingAndAMatchingToken) {
  const Caller fresh = plain_auth_->Anonymous(http::Request{});
  EXPECT_TRUE(fresh.new_pre_session);
  EXPECT_GE(fresh.pre_session.size(), 16U);
  EXPECT_FALSE(fresh.principal.signed_in());
  EXPECT_EQ(fresh.csrf_token, plain_auth_->CsrfFor("pre|" + fresh.pre_session));
  EXPECT_EQ(fresh.csrf_token.size(), 64U);

  // The binding comes back in its cookie: the same token, no new cookie.
  const Caller again = plain_auth_->Anonymous(WithCookie(PreSessionCookieName(false), fresh.pre_session));
  EXPECT_FALSE(again.new_pre_session);
  EXPECT_EQ(again.pre_session, fresh.pre_session);
  EXPECT_EQ(again.csrf_token, fresh.csrf_token);

  // Another browser gets another binding and token.
  const Caller other = plain_auth_->Anonymous(http::Request{});
  EXPECT_NE(other.pre_session, fresh.pre_session);
  EXPECT_NE(other.csrf_token, fresh.csrf_token);

  // A binding too short to be ours is replaced; a cookie under the other name is not read.
  const Caller short_binding = plain_auth_->Anonymous(WithCookie(PreSessionCookieName(false), "abc"));
  EXPECT_TRUE(short_binding.new_pre_session);
  EXPECT_NE(short_binding.pre_session, "abc");
  const Caller wrong_name = tls_auth_->Anonymous(WithCookie(PreSessionCookieName(false), fresh.pre_session));
  EXPECT_TRUE(wrong_name.new_pre_session);
}

TEST_F(AuthenticatorTest, CsrfTokensAreBoundToTheirBindingAndTheInstallation) {
  EXPECT_EQ(plain_auth_->CsrfFor("pre|abc"), tls_auth_->CsrfFor("pre|abc"));  // one secret per database
  EXPECT_NE(plain_auth_->CsrfFor("pre|abc"), plain_auth_->CsrfFor("pre|abd"));
  EXPECT_NE(plain_auth_->CsrfFor("pre|abc"), plain_auth_->CsrfFor("session|abc"));
  const service::Sessions reopened_sessions(plain_, *db_, clock_);
  const Authenticator reopened(plain_, reopened_sessions);
  EXPECT_EQ(reopened.CsrfFor("pre|abc"), plain_auth_->CsrfFor("pre|abc"));
  EXPECT_NE(plain_auth_->CsrfFor("pre|abc"), security::HmacSha256Hex("", "csrf|pre|abc"));  // the secret is used
}

TEST_F(AuthenticatorTest, CsrfValidOnlyForTheCallersOwnToken) {
  const Caller caller = plain_auth_->Anonymous(http::Request{});
  const Caller other = plain_auth_->Anonymous(http::Request{});
  std::string upper = caller.csrf_token;
  for (char& ch : upper) {
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  struct Case {
    std::string submitted;
    bool valid;
  };
  const Case cases[] = {
      {caller.csrf_token, true},
      {"", false},
      {other.csrf_token, false},
      {caller.csrf_token + "0", false},
      {caller.csrf_token.substr(0, 63), false},
      {upper, false},
      {plain_auth_->CsrfFor(caller.pre_session), false},  // the binding without its kind
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    EXPECT_EQ(plain_auth_->CsrfValid(caller, cases[i].submitted), cases[i].valid) << "case " << i;
  }
  const Caller nobody;  // no token at all: nothing is valid, not even an empty submission
  EXPECT_FALSE(plain_auth_->CsrfValid(nobody, ""));
  EXPECT_FALSE(plain_auth_->CsrfValid(nobody, caller.csrf_token));
}

TEST_F(AuthenticatorTest, ASessionCookieResolvesToItsAccountUntilIdle) {
  const int64_t id = AddPerson();
  Caller signed_in = plain_auth_->Anonymous(http::Request{});
  const std::string cookie = SignIn(*plain_auth_, id, kNow, signed_in);
  EXPECT_EQ(cookie.size(), 43U);
  EXPECT_EQ(signed_in.session_hash, security::Sha256Hex(cookie));
  EXPECT_EQ(signed_in.pre_session, "");
  EXPECT_FALSE(signed_in.session_public_id.empty());
  EXPECT_EQ(signed_in.csrf_token, plain_auth_->CsrfFor("session|" + signed_in.session_hash));

  const Caller later = ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 10);
  EXPECT_EQ(later.principal.user_id, id);
  EXPECT_TRUE(later.principal.has_personal_id);
  EXPECT_EQ(later.session_public_id, signed_in.session_public_id);
  EXPECT_EQ(later.csrf_token, signed_in.csrf_token);
  EXPECT_FALSE(later.via_token);

  // Used within the idle limit, the session lives on (each use moves the limit).
  const int64_t idle = sessions_->idle_seconds();
  EXPECT_EQ(idle, 30 * 60);
  EXPECT_EQ(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + idle - 1).principal.user_id, id);
  EXPECT_EQ(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 2 * idle - 2).principal.user_id, id);
  // Unused for the idle limit, it ends: the caller is anonymous again with a form binding.
  const Caller idle_out = ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 3 * idle);
  EXPECT_FALSE(idle_out.principal.signed_in());
  EXPECT_TRUE(idle_out.new_pre_session);
  EXPECT_FALSE(idle_out.csrf_token.empty());
  EXPECT_NE(idle_out.csrf_token, signed_in.csrf_token);
}

TEST_F(AuthenticatorTest, ASessionEndsAtItsAbsoluteLimitEvenWhenUsed) {
  const int64_t id = AddPerson();
  Caller caller;
  const std::string cookie = SignIn(*plain_auth_, id, kNow, caller);
  const int64_t absolute = plain_.security.session_absolute_hours * 3600;
  int64_t t = kNow;
  for (; t < kNow + absolute; t += 20 * 60) {
    ASSERT_EQ(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), t).principal.user_id, id) << t - kNow;
  }
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + absolute).principal.signed_in());
}

TEST_F(AuthenticatorTest, UnknownRevokedOrDisabledSessionsAreAnonymous) {
  const int64_t id = AddPerson();
  Caller caller;
  const std::string cookie = SignIn(*plain_auth_, id, kNow, caller);
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("motcua", cookie + "x"), kNow).principal.signed_in());
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("motcua", ""), kNow).principal.signed_in());
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("__Host-motcua", cookie), kNow).principal.signed_in());
  EXPECT_FALSE(ResolveAt(*plain_auth_, http::Request{}, kNow).principal.signed_in());

  db_->Write([&](store::Session& s) { store::SetStatus(s, id, domain::AccountStatus::kDisabled); });
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 1).principal.signed_in());
  db_->Write([&](store::Session& s) { store::SetStatus(s, id, domain::AccountStatus::kActive); });
  EXPECT_TRUE(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 2).principal.signed_in());

  db_->Write([&](store::Session& s) {
    store::RevokeSessionByHash(s, caller.session_hash, domain::Instant::FromSeconds(kNow + 3));
  });
  EXPECT_FALSE(ResolveAt(*plain_auth_, WithCookie("motcua", cookie), kNow + 4).principal.signed_in());
}

TEST_F(AuthenticatorTest, BehindTlsTheSessionCookieIsHostPrefixedAndSecure) {
  const int64_t id = AddPerson();
  Caller caller;
  std::string header;
  db_->Write([&](store::Session& s) {
    header =
        tls_auth_->SignedIn(sessions_->Start(s, service::Actor{}, id), domain::Principal{id, "", true, {}}, caller);
  });
  EXPECT_TRUE(header.starts_with("__Host-motcua=")) << header;
  EXPECT_TRUE(header.ends_with("; Path=/; HttpOnly; SameSite=Lax; Secure")) << header;
  EXPECT_EQ(tls_auth_->ClearSessionCookie(), "__Host-motcua=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");
  EXPECT_EQ(plain_auth_->ClearSessionCookie(), "motcua=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST_F(AuthenticatorTest, BearerTokensResolveOnlyWhileLive) {
  const int64_t id = AddPerson();
  const std::string token = security::RandomToken(32);
  int64_t token_id = 0;
  db_->Write([&](store::Session& s) {
    token_id = store::InsertApiToken(s, id, "Cổng kết nối", security::Sha256Hex(token), token.substr(0, 8),
                                     std::nullopt, domain::Instant::FromSeconds(kNow));
  });
  auto bearer = [](const std::string& value) {
    http::Request req;
    req.headers = {{"authorization", value}};
    return req;
  };
  const Caller caller = BearerAt(*plain_auth_, bearer("Bearer " + token), kNow);
  EXPECT_EQ(caller.principal.user_id, id);
  EXPECT_TRUE(caller.via_token);
  EXPECT_EQ(caller.csrf_token, "");  // the API takes no forms
  EXPECT_EQ(BearerAt(*plain_auth_, bearer("Bearer " + token + " "), kNow).principal.user_id, id);
  for (const std::string& wrong :
       {"Bearer " + token + "x", "Basic " + token, token, std::string("Bearer "), std::string()}) {
    const Caller c = BearerAt(*plain_auth_, bearer(wrong), kNow);
    EXPECT_FALSE(c.principal.signed_in()) << wrong;
    EXPECT_FALSE(c.via_token) << wrong;
  }
  // Cookies are ignored on the API.
  Caller session_caller;
  const std::string cookie = SignIn(*plain_auth_, id, kNow, session_caller);
  EXPECT_FALSE(BearerAt(*plain_auth_, WithCookie("motcua", cookie), kNow).principal.signed_in());

  db_->Write([&](store::Session& s) { store::RevokeApiToken(s, token_id, domain::Instant::FromSeconds(kNow + 1)); });
  EXPECT_FALSE(BearerAt(*plain_auth_, bearer("Bearer " + token), kNow + 2).principal.signed_in());
}

}  // namespace
}  // namespace motcua::access
