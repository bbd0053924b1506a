#include "http/message.hpp"

#include <gtest/gtest.h>

#include "http/admission.hpp"

namespace motcua::http {

TEST(Headers, LookupIgnoresCaseOfTheNameAsSent) {
  const std::string buffer =
      "Content-TYPE"
      "text/html"
      "COOKIE"
      "lang=en; motcua=abc";
  const std::string_view b = buffer;
  Request req;
  req.headers.AddView(b.substr(0, 12), b.substr(12, 9));
  req.headers.AddView(b.substr(21, 6), b.substr(27));
  EXPECT_EQ(req.Header("content-type"), "text/html");
  EXPECT_EQ(req.Header("Content-Type"), "text/html");
  EXPECT_EQ(req.Header("content-length"), "");
  EXPECT_EQ(req.Cookie("motcua"), "abc");
  EXPECT_EQ(req.Cookie("lang"), "en");
  EXPECT_EQ(req.Header("content-type").data(), buffer.data() + 12) << "a view, not a copy";
}

TEST(Headers, OwnedCopiesOutliveTheirSourceAndCopiesOwnTheirBytes) {
  Request req;
  {
    std::string name = "Accept";
    std::string value = "text/html";
    req.headers.emplace_back(name, value);
  }
  EXPECT_EQ(req.Header("accept"), "text/html");
  Headers copy;
  {
    std::string source =
        "If-None-Match"
        "W/\"x\"";
    Headers views;
    views.AddView(std::string_view(source).substr(0, 13), std::string_view(source).substr(13));
    copy = views;
  }
  EXPECT_EQ(copy.Get("if-none-match"), "W/\"x\"");
  Headers moved = std::move(copy);
  EXPECT_EQ(moved.Get("IF-NONE-MATCH"), "W/\"x\"");
}

TEST(Admission, RefusesBeyondThreadsPlusQueueAndFreesPlacesOnLeave) {
  Admission admission(ExecutorOptions{2, 1, std::chrono::milliseconds(100)});
  EXPECT_TRUE(admission.TryEnter());
  EXPECT_TRUE(admission.TryEnter());
  EXPECT_TRUE(admission.TryEnter());
  EXPECT_FALSE(admission.TryEnter());
  EXPECT_EQ(admission.held(), 3);
  admission.Leave();
  EXPECT_TRUE(admission.TryEnter());
  EXPECT_FALSE(admission.TryEnter());
}

TEST(Admission, ARequestThatWaitedBeyondTheLimitIsNotRun) {
  const Admission admission(ExecutorOptions{1, 1, std::chrono::milliseconds(100)});
  const auto queued = std::chrono::steady_clock::time_point{};
  EXPECT_FALSE(admission.WaitedTooLong(queued, queued + std::chrono::milliseconds(100)));
  EXPECT_TRUE(admission.WaitedTooLong(queued, queued + std::chrono::milliseconds(101)));
}

}  // namespace motcua::http
