//! Reading published time limits: every form found in the national catalogue and the demo details reads clearly.
#include "domain/deadline_text.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "app/build_paths.hpp"
#include "domain/reference_import.hpp"

namespace motcua::domain {
namespace {

using K = DeadlineKind;
using U = TimeUnit;

struct Case {
  std::string published;  // processing_time as in the catalogue
  std::string steps;      // the procedure's steps as in procedure-details.json
  K kind;
  double value;
  U unit;
  bool at_most;
  bool from_steps;
};

TEST(ReadDeadline, EveryPublishedFormReadsAsOneClearLimit) {
  // clang-format off
  const Case cases[] = {
      // The forms of data/reference/procedures.csv (processing_time and each channel's limit).
      {"5 Ngày làm việc", "", K::kAmount, 5, U::kWorkingDay, false, false},
      {"30 Ngày", "", K::kAmount, 30, U::kDay, false, false},
      {"1 Giờ", "", K::kAmount, 1, U::kHour, false, false},
      {"12 Tháng", "", K::kAmount, 12, U::kMonth, false, false},
      {"1", "", K::kUnknownUnit, 1, U::kUnspecified, false, false},
      {"110", "", K::kUnknownUnit, 110, U::kUnspecified, false, false},
      {"120,00", "", K::kUnknownUnit, 120, U::kUnspecified, false, false},
      {"1100,00", "", K::kUnknownUnit, 1100, U::kUnspecified, false, false},
      {"0", "", K::kNone, 0, U::kUnspecified, false, false},
      {"Không có thông tin", "", K::kNone, 0, U::kUnspecified, false, false},
      {"", "", K::kNone, 0, U::kUnspecified, false, false},
      {"3 Ngày; 10 Ngày làm việc", "", K::kAmount, 3, U::kDay, false, false},
      // Forms officers type and other portals publish.
      {"Trong ngày", "", K::kSameDay, 0, U::kUnspecified, false, false},
      {"05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", "", K::kAmount, 5, U::kWorkingDay, false, false},
      {"không quá 10 ngày", "", K::kAmount, 10, U::kDay, true, false},
      {"Tối đa 03 ngày làm việc", "", K::kAmount, 3, U::kWorkingDay, true, false},
      {"24 giờ", "", K::kAmount, 24, U::kHour, false, false},
      {"1,5 ngày làm việc", "", K::kAmount, 1.5, U::kWorkingDay, false, false},
      // A bare number or no limit, with the steps of data/demo/procedure-details.json.
      {"5", "Bước 3: Trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ (thời gian xác minh không tính), Chủ tịch Ủy ban "
            "nhân dân cấp xã ký Giấy khai sinh",
       K::kAmount, 5, U::kWorkingDay, false, true},
      {"3", "Bước 3: Chủ tịch Ủy ban nhân dân cấp xã ký Giấy xác nhận trong 03 ngày làm việc. Giấy xác nhận có giá "
            "trị 06 tháng kể từ ngày cấp",
       K::kAmount, 3, U::kWorkingDay, false, true},
      {"1", "Bước 4: Trả Giấy khai sinh ngay trong ngày; hồ sơ nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo",
       K::kSameDay, 0, U::kUnspecified, false, true},
      {"1", "xác minh nếu cần (tối đa 05 ngày làm việc). Bước 4: Trả kết quả ngay trong ngày khi hồ sơ hợp lệ",
       K::kSameDay, 0, U::kUnspecified, false, true},
      {"Không có thông tin", "Bước 3: Trong 03 ngày làm việc, cấp Giấy chứng nhận đăng ký hộ kinh doanh",
       K::kAmount, 3, U::kWorkingDay, false, true},
      {"Không có thông tin", "nộp lệ phí 2.000 đồng/trường hợp và nhận kết quả trong ngày (nộp sau 15 giờ thì trả "
                             "trong ngày làm việc tiếp theo)",
       K::kSameDay, 0, U::kUnspecified, false, true},
      {"Không có thông tin", "trả kết quả trong ngày hoặc không quá 02 ngày làm việc", K::kSameDay, 0,
       U::kUnspecified, false, true},
      {"Không có thông tin", "Giấy xác nhận có giá trị 06 tháng kể từ ngày cấp", K::kNone, 0, U::kUnspecified,
       false, false},
      {"12", "Bước 2: nộp hồ sơ tại bộ phận một cửa", K::kUnknownUnit, 12, U::kUnspecified, false, false},
  };
  // clang-format on
  for (const Case& c : cases) {
    const Deadline d = ReadDeadline(c.published, c.steps);
    EXPECT_EQ(d.kind, c.kind) << c.published << " | " << c.steps;
    EXPECT_EQ(d.value, c.value) << c.published;
    EXPECT_EQ(d.unit, c.unit) << c.published;
    EXPECT_EQ(d.at_most, c.at_most) << c.published;
    EXPECT_EQ(d.from_steps, c.from_steps) << c.published;
  }
}

TEST(ReadDeadline, AgreesWithTheCatalogueColumnsOnEveryShippedRow) {
  std::ifstream in(motcua::app::SourceDir() + "/data/reference/procedures.csv");
  ASSERT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  const ProcedureImport r = ReadProcedures(s.str());
  std::set<std::string> forms;
  for (const Procedure& p : r.procedures) {
    const Deadline d = ReadDeadline(p.processing_time);
    forms.insert(p.processing_time);
    if (p.time_unit != TimeUnit::kUnspecified) {
      EXPECT_EQ(d.kind, DeadlineKind::kAmount) << p.code;
      EXPECT_EQ(d.unit, p.time_unit) << p.code;
      EXPECT_EQ(d.value, p.time_value.value_or(-1)) << p.code;
    } else if (p.time_value && *p.time_value > 0) {
      EXPECT_EQ(d.kind, DeadlineKind::kUnknownUnit) << p.code;
      EXPECT_EQ(d.value, *p.time_value) << p.code;
    } else {
      EXPECT_EQ(d.kind, DeadlineKind::kNone) << p.code << " " << p.processing_time;
    }
    for (const ChannelTerms& c : p.channels) {
      const Deadline cd = ReadDeadline(c.time_text);
      if (c.time_unit != TimeUnit::kUnspecified) {
        EXPECT_EQ(cd.kind, DeadlineKind::kAmount) << p.code << " " << c.time_text;
        EXPECT_EQ(cd.unit, c.time_unit) << p.code << " " << c.time_text;
      }
    }
  }
  EXPECT_GT(forms.size(), 100u);  // the catalogue's many forms were all read above
}

}  // namespace
}  // namespace motcua::domain
