//! Reading submitted forms, field errors, local times and numeric path parameters.
#include "web/forms.hpp"

#include "http/url.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/text.hpp"

namespace motcua::web {
namespace {

http::Request Post(std::string body) {
  http::Request req;
  req.method = "POST";
  req.path = "/dang-ky";
  req.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  req.body = std::move(body);
  return req;
}

struct FieldCase {
  std::string body;
  std::string name;
  std::string value;
};

TEST(Form, ReadsUrlEncodedFields) {
  // clang-format off
  const FieldCase cases[] = {
      {"a=1&b=2",                                    "a",        "1"},
      {"a=1&b=2",                                    "b",        "2"},
      {"a=1&b=2",                                    "c",        ""},
      {"ho_ten=Nguy%E1%BB%85n+V%C4%83n+A",           "ho_ten",   "Nguyễn Văn A"},
      {"ho_ten=Nguyễn Văn A",                        "ho_ten",   "Nguyễn Văn A"},
      {"q=a%2Bb%26c%3Dd",                            "q",        "a+b&c=d"},
      {"flag&x=1",                                   "flag",     ""},
      {"empty=&x=1",                                 "empty",    ""},
      {"&&a=1&&",                                    "a",        "1"},
      {"so%5Fdinh%5Fdanh=036099001234",              "so_dinh_danh", "036099001234"},
      {"dup=first&dup=second",                       "dup",      "first"},
      {"",                                           "a",        ""},
  };
  // clang-format on
  for (const FieldCase& c : cases) {
    const Form form(Post(c.body));
    EXPECT_TRUE(form.ok()) << c.body;
    EXPECT_EQ(form.Get(c.name), c.value) << c.body << " [" << c.name << "]";
  }
}

TEST(Form, RepeatedFieldsAllComeBackInOrder) {
  const Form form(Post("linh_vuc=ho-tich&x=1&linh_vuc=dat-dai&linh_vuc=&linh_vuc=tu-phap"));
  EXPECT_EQ(form.All("linh_vuc"), (std::vector<std::string>{"ho-tich", "dat-dai", "", "tu-phap"}));
  EXPECT_EQ(form.All("x"), (std::vector<std::string>{"1"}));
  EXPECT_TRUE(form.All("none").empty());
}

TEST(Form, AMalformedBodyReadsAsEmpty) {
  const std::string bodies[] = {
      "a=1&b=%zz",                   // bad escape
      "a=1&b=%",                     // truncated escape
      "a=1&b=%4",                    // truncated escape
      "a=1&b=%FF",                   // not UTF-8
      "a=1&b=%C3%28",                // not UTF-8
      "a=1&b=%00",                   // NUL
      "a=1&%E1%BB=x",                // bad key
      std::string("a=1&b=\xff", 8),  // raw byte that is not UTF-8
  };
  for (const std::string& body : bodies) {
    const Form form(Post(body));
    EXPECT_FALSE(form.ok()) << body;
    EXPECT_EQ(form.Get("a"), "") << body;  // even the good field before the bad one is dropped
    EXPECT_TRUE(form.All("a").empty()) << body;
    EXPECT_EQ(form.Text("a"), "") << body;
  }
}

TEST(Form, TooManyFieldsReadAsEmpty) {
  std::string body;
  for (size_t i = 0; i <= http::kMaxFormFields; ++i) {
    body += "f" + std::to_string(i) + "=v&";
  }
  const Form form(Post(body));
  EXPECT_FALSE(form.ok());
  EXPECT_EQ(form.Get("f0"), "");
}

TEST(Form, EveryFieldCheckboxFitsInOneForm) {
  // A role form lists every field of administration (123 in the demo) as a checkbox; all ticked must still read.
  std::string body;
  constexpr size_t kTicked = 200;
  for (size_t i = 0; i < kTicked; ++i) {
    body += "linh_vuc=f" + std::to_string(i) + "&";
  }
  const Form form(Post(body));
  EXPECT_TRUE(form.ok());
  EXPECT_EQ(form.All("linh_vuc").size(), kTicked);
}

TEST(Form, TextCutsAtTheFieldLimit) {
  constexpr size_t kMax = Form::kMaxFieldBytes;
  struct Case {
    std::string value;
    std::string expected;
  };
  const std::string a_max(kMax, 'a');
  const Case cases[] = {
      {"short", "short"},
      {a_max, a_max},
      {a_max + "b", a_max},
      {std::string(3 * kMax, 'x'), std::string(kMax, 'x')},
  };
  for (const Case& c : cases) {
    const Form form(Post("t=" + c.value));
    EXPECT_EQ(form.Text("t"), c.expected) << c.value.size() << " bytes";
    EXPECT_EQ(form.Get("t"), c.value);  // Get keeps everything
  }
}

TEST(Form, TextNeverCutsALetterInHalf) {
  constexpr size_t kMax = Form::kMaxFieldBytes;
  // "ễ" is three bytes: a cut at the limit would fall inside it.
  for (size_t before = kMax - 3; before <= kMax; ++before) {
    const std::string value = std::string(before, 'a') + "ễễễ";
    const std::string text = Form(Post("t=" + value)).Text("t");
    EXPECT_LE(text.size(), kMax) << before;
    EXPECT_TRUE(domain::IsValidUtf8(text)) << before;
    EXPECT_EQ(value.compare(0, text.size(), text), 0) << before;  // a prefix
    EXPECT_GT(text.size(), kMax - 3) << before;                   // at most one letter dropped
  }
  // A field made only of four-byte letters.
  std::string emoji;
  while (emoji.size() < 2 * kMax) {
    emoji += "😀";
  }
  const std::string text = Form(Post("t=" + emoji)).Text("t");
  EXPECT_EQ(text.size(), kMax);  // 1000 is a multiple of 4
  EXPECT_TRUE(domain::IsValidUtf8(text));
  const std::string odd = "x" + emoji;
  const std::string cut = Form(Post("t=" + odd)).Text("t");
  EXPECT_EQ(cut.size(), kMax - 3);
  EXPECT_TRUE(domain::IsValidUtf8(cut));
}

TEST(FieldErrors, TheFirstErrorOfAFieldWinsAndOrderIsKept) {
  FieldErrors errors;
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(errors.Of("ho_ten"), "");
  errors.Add("ho_ten", "Nhập họ và tên");
  errors.Add("so_dinh_danh", "Nhập số định danh cá nhân");
  errors.Add("ho_ten", "Họ và tên quá dài");
  errors.Add("mat_khau", "Nhập mật khẩu");
  EXPECT_FALSE(errors.empty());
  EXPECT_EQ(errors.Of("ho_ten"), "Nhập họ và tên");
  EXPECT_EQ(errors.Of("so_dinh_danh"), "Nhập số định danh cá nhân");
  EXPECT_EQ(errors.Of("khac"), "");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"ho_ten", "Nhập họ và tên"},
      {"so_dinh_danh", "Nhập số định danh cá nhân"},
      {"mat_khau", "Nhập mật khẩu"},
  };
  EXPECT_EQ(errors.items(), expected);
}

struct IdCase {
  std::string text;
  int64_t id;
};

TEST(IdParam, OnlyPlainNonNegativeNumbers) {
  // clang-format off
  const IdCase cases[] = {
      {"1",                    1},
      {"42",                   42},
      {"0",                    0},
      {"007",                  7},
      {"9223372036854775807",  9223372036854775807},
      {"9223372036854775808",  0},  // overflow
      {"99999999999999999999", 0},
      {"-1",                   0},
      {"-0",                   0},
      {"+5",                   0},
      {"",                     0},
      {"abc",                  0},
      {"12abc",                0},
      {"12 ",                  0},
      {" 12",                  0},
      {"1.5",                  0},
      {"0x10",                 0},
      {"１２",                 0},  // full-width digits
  };
  // clang-format on
  for (const IdCase& c : cases) {
    http::Request req;
    req.params["id"] = c.text;
    EXPECT_EQ(IdParam(req, "id"), c.id) << "'" << c.text << "'";
  }
  http::Request none;
  EXPECT_EQ(IdParam(none, "id"), 0);
  http::Request other;
  other.params["ma"] = "5";
  EXPECT_EQ(IdParam(other, "id"), 0);
}

}  // namespace
}  // namespace motcua::web
