#include "http/router.hpp"

#include <gtest/gtest.h>

namespace motcua::http {

namespace {

Router MakeRouter() {
  Router r;
  r.Add("GET", "/", [](Request&) { return Response::Text("home"); });
  r.Add("GET", "/thu-tuc/{code}", [](Request&) { return Response::Text("procedure"); });
  r.Add("GET", "/thu-tuc/{code}/mau/{form}", [](Request&) { return Response::Text("form"); });
  r.Add(
      "POST", "/dang-nhap", [](Request&) { return Response::Text("login"); }, Exec::kPool);
  r.Add("GET", "/dang-nhap", [](Request&) { return Response::Text("login page"); });
  return r;
}

}  // namespace

TEST(Router, MatchesPathParameters) {
  const Router r = MakeRouter();
  std::map<std::string, std::string> params;
  const Match m = r.Find("GET", "/thu-tuc/1.001193/mau/to-khai", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/thu-tuc/{code}/mau/{form}");
  EXPECT_EQ(params["code"], "1.001193");
  EXPECT_EQ(params["form"], "to-khai");
}

TEST(Router, UnknownPathIsNotKnownAndWrongMethodListsAllowed) {
  const Router r = MakeRouter();
  std::map<std::string, std::string> params;
  const Match missing = r.Find("GET", "/khong-co", params);
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_FALSE(missing.path_known);
  const Match wrong = r.Find("DELETE", "/dang-nhap", params);
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_EQ(wrong.allowed, (std::vector<std::string>{"POST", "GET", "HEAD"}));
}

TEST(Router, HeadUsesGetAndEmptySegmentsDoNotMatchParameters) {
  const Router r = MakeRouter();
  std::map<std::string, std::string> params;
  EXPECT_NE(r.Find("HEAD", "/", params).route, nullptr);
  EXPECT_EQ(r.Find("GET", "/thu-tuc/", params).route, nullptr);
  EXPECT_EQ(r.Find("GET", "/thu-tuc//mau/x", params).route, nullptr);
  EXPECT_EQ(r.Find("GET", "/thu-tuc/1.001193/extra", params).route, nullptr);
}

TEST(Router, RecordsWhereAHandlerRuns) {
  const Router r = MakeRouter();
  std::map<std::string, std::string> params;
  EXPECT_EQ(r.Find("POST", "/dang-nhap", params).route->exec, Exec::kPool);
  EXPECT_EQ(r.Find("GET", "/dang-nhap", params).route->exec, Exec::kInline);
  EXPECT_EQ(r.routes().size(), 5u);
}

TEST(Request, CookiesHeadersAndQuery) {
  Request req;
  req.headers = {{"cookie", "a=1; lang=en; __Host-motcua=\"xyz\""}, {"accept", "text/html"}};
  req.query = {{"q", "x"}, {"q", "y"}};
  EXPECT_EQ(req.Cookie("lang"), "en");
  EXPECT_EQ(req.Cookie("__Host-motcua"), "xyz");
  EXPECT_EQ(req.Cookie("missing"), "");
  EXPECT_EQ(req.Header("accept"), "text/html");
  EXPECT_EQ(req.Query("q"), "x");
}

}  // namespace motcua::http

namespace motcua::http {

TEST(SerializeHead, WritesStatusHeadersLengthAndConnection) {
  Response res = Response::Html("<p>xin chào</p>", kNotFound);
  res.headers.emplace_back("Set-Cookie", "a=1");
  res.headers.emplace_back("Set-Cookie", "b=2");
  const std::string head = SerializeHead(res, false, false, "Thu, 26 Nov 2026 17:00:00 GMT");
  EXPECT_TRUE(head.starts_with("HTTP/1.1 404 Not Found\r\n"));
  EXPECT_NE(head.find("\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nContent-Length: " + std::to_string(res.body.size()) + "\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_NE(head.find("\r\nDate: Thu, 26 Nov 2026 17:00:00 GMT\r\n"), std::string::npos);
  EXPECT_TRUE(head.ends_with("\r\n\r\n"));
}

TEST(SerializeHead, NoLengthFor304AndKeepAliveSpelledOutForHttp10) {
  Response res;
  res.status = kNotModified;
  const std::string head = SerializeHead(res, true, true, "d");
  EXPECT_EQ(head.find("Content-Length"), std::string::npos);
  EXPECT_NE(head.find("Connection: keep-alive"), std::string::npos);
  EXPECT_EQ(SerializeHead(res, true, false, "d").find("Connection"), std::string::npos);
}

TEST(SerializeHead, HeaderValuesCannotSplitTheResponse) {
  Response res = Response::Redirect("/x\r\nSet-Cookie: evil=1");
  const std::string head = SerializeHead(res, true, false, "d");
  EXPECT_EQ(head.find("\r\nSet-Cookie: evil"), std::string::npos);
  EXPECT_NE(head.find("Location: /xSet-Cookie: evil=1\r\n"), std::string::npos);
}

}  // namespace motcua::http
