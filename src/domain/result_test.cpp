#include "domain/result.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace motcua::domain {
namespace {

Result<int32_t> Half(int32_t n) {
  if (n % 2 != 0) {
    return Error::Field("n", "Số phải chẵn.");
  }
  return n / 2;
}

TEST(Result, CarriesTheValueOnSuccess) {
  const Result<int32_t> r = Half(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 4);
  EXPECT_EQ(r.value(), 4);
}

TEST(Result, CarriesTheErrorAndItsFields) {
  const Result<int32_t> r = Half(7);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(r.error().fields.size(), 1U);
  EXPECT_EQ(r.error().fields[0].field, "n");
}

TEST(Result, KindsAreDistinct) {
  const Result<Done> limited = Error{ErrorKind::kRateLimited, "Thử lại sau.", {}, 30};
  EXPECT_EQ(limited.kind(), ErrorKind::kRateLimited);
  EXPECT_EQ(limited.error().retry_after_seconds, 30);
  const Result<Done> ok = Done{};
  EXPECT_TRUE(ok.ok());
}

TEST(Result, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int32_t>> r = std::make_unique<int32_t>(3);
  std::unique_ptr<int32_t> p = std::move(r).value();
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, 3);
}

}  // namespace
}  // namespace motcua::domain
