#include "domain/answers.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace motcua::domain {
namespace {

namespace json = boost::json;

// A few administrative units of both eras: Nam Định → Vụ Bản → Xã Liên Minh (2024); Ninh Bình → Xã Liên Minh (2025);
// Hà Nội → Ba Đình → Phúc Xá (2024).
const std::vector<AdminUnit>& Units() {
  static const std::vector<AdminUnit> units = {
      {"2024", "36", Level::kProvince, "Tỉnh Nam Định", "Nam Định", "", "Tỉnh", "", "36", "", ""},
      {"2024", "356", Level::kDistrict, "Huyện Vụ Bản", "Vụ Bản", "", "Huyện", "36", "36", "", ""},
      {"2024", "13660", Level::kCommune, "Xã Liên Minh", "Liên Minh", "", "Xã", "356", "36", "", ""},
      {"2024", "01", Level::kProvince, "Thành phố Hà Nội", "Hà Nội", "", "Thành phố", "", "01", "", ""},
      {"2024", "001", Level::kDistrict, "Quận Ba Đình", "Ba Đình", "", "Quận", "01", "01", "", ""},
      {"2024", "00001", Level::kCommune, "Phường Phúc Xá", "Phúc Xá", "", "Phường", "001", "01", "", ""},
      {"2025", "37", Level::kProvince, "Tỉnh Ninh Bình", "Ninh Bình", "", "Tỉnh", "", "37", "", ""},
      {"2025", "13660", Level::kCommune, "Xã Liên Minh", "Liên Minh", "", "Xã", "37", "37", "", ""},
      {"2025", "01", Level::kProvince, "Thành phố Hà Nội", "Hà Nội", "", "Thành phố", "", "01", "", ""},
  };
  return units;
}

AnswerContext Context(std::string era = "2025") {
  AnswerContext c;
  c.today = CivilDate{2026, 11, 26};
  c.era = std::move(era);
  c.find_unit = [](std::string_view era, std::string_view code) -> const AdminUnit* {
    for (const AdminUnit& u : Units()) {
      if (u.era == era && u.code == code) {
        return &u;
      }
    }
    return nullptr;
  };
  return c;
}

FieldDef Q(std::string id, FieldType type, bool required = false) {
  FieldDef f;
  f.id = std::move(id);
  f.label = "Câu hỏi";
  f.type = type;
  f.required = required;
  return f;
}

PageDef Page(std::vector<FieldDef> fields) { return PageDef{"trang", "Trang", std::move(fields)}; }

json::object Obj(std::string_view text) { return json::parse(text).as_object(); }

//! The errors of one answer `value` (JSON text) to `field`, as "name: message" strings.
std::vector<std::string> Errors(const FieldDef& field, std::string_view value,
                                const AnswerContext& context = Context()) {
  json::object answers;
  answers[field.id] = json::parse(value);
  std::vector<std::string> out;
  for (const FieldError& e : ValidatePage(Page({field}), answers, context)) {
    out.push_back(e.field + ": " + e.message);
  }
  return out;
}

//! One table row: an answer and the error it must give ("" when accepted).
struct Case {
  std::string value;
  std::string error;
};

void Check(const FieldDef& field, const std::vector<Case>& cases, const AnswerContext& context = Context()) {
  for (const Case& c : cases) {
    const std::vector<std::string> errors = Errors(field, c.value, context);
    if (c.error.empty()) {
      EXPECT_TRUE(errors.empty()) << ToString(field.type) << " " << c.value << " → " << errors.front();
    } else {
      EXPECT_EQ(errors, std::vector<std::string>{c.error}) << ToString(field.type) << " " << c.value;
    }
  }
}

TEST(Answers, TextCountsCharactersNotBytesAndRefusesControlCharacters) {
  FieldDef f = Q("ten", FieldType::kText);
  f.min = 2;
  f.max = 5;
  Check(f, {{R"("Đặng")", ""},
            {R"("Ân")", ""},
            {R"("Đ")", "ten: Câu trả lời quá ngắn. Hãy viết đầy đủ hơn"},
            {R"("Nguyễn")", "ten: Câu trả lời quá dài. Hãy viết ngắn gọn hơn"},
            {R"("a\u0000b")", "ten: Câu trả lời có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại"},
            {R"("a\nb")", "ten: Câu trả lời có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại"},
            {"12", "ten: Nhập câu trả lời bằng chữ"}});
  FieldDef area = Q("noi_dung", FieldType::kTextarea);
  Check(area, {{R"("dòng một\ndòng hai")", ""},
               {R"("a\u001bb")", "noi_dung: Câu trả lời có ký tự ẩn hoặc ký tự điều khiển. Hãy xóa đi và gõ lại"},
               {"\"" + std::string(5001, 'x') + "\"", "noi_dung: Câu trả lời quá dài. Hãy viết ngắn gọn hơn"}});
}

TEST(Answers, RequiredQuestionsMustBeAnsweredAndBlankTextIsNoAnswer) {
  const PageDef page = Page({Q("ten", FieldType::kText, true), Q("ngay", FieldType::kDate, true),
                             Q("dia_chi", FieldType::kAddress, true), Q("ghi_chu", FieldType::kText)});
  const std::vector<FieldError> errors = ValidatePage(page, Obj(R"({"ten": "   "})"), Context());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "ten");
  EXPECT_EQ(errors[0].message, "Nhập câu trả lời");
  EXPECT_EQ(errors[1].field, "ngay");
  EXPECT_EQ(errors[1].message, "Nhập ngày, tháng và năm");
  EXPECT_EQ(errors[2].field, "dia_chi.province");
  EXPECT_EQ(errors[2].message, "Chọn tỉnh, thành phố");
}

TEST(Answers, NumbersAndMoney) {
  FieldDef n = Q("dien_tich", FieldType::kNumber);
  n.min = 0.5;
  n.max = 1000;
  Check(n, {{"12", ""},
            {"12.5", ""},
            {"1000", ""},
            {"0.4", "dien_tich: Số này nhỏ hơn mức cho phép. Hãy kiểm tra lại"},
            {"1000.5", "dien_tich: Số này lớn hơn mức cho phép. Hãy kiểm tra lại"},
            {R"("12")", "dien_tich: Nhập một số, chỉ gồm chữ số, ví dụ 12 hoặc 12,5"},
            {"true", "dien_tich: Nhập một số, chỉ gồm chữ số, ví dụ 12 hoặc 12,5"}});
  FieldDef m = Q("von", FieldType::kMoney);
  m.min = 1000;
  m.max = 5000000;
  Check(m, {{"1500000", ""},
            {"1500000.0", ""},
            {"-5", "von: Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000"},
            {"1500.5", "von: Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000"},
            {R"("1.500.000")", "von: Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000"},
            {"999", "von: Số tiền nhỏ hơn mức tối thiểu. Hãy kiểm tra lại"},
            {"5000001", "von: Số tiền lớn hơn mức cho phép. Hãy kiểm tra lại"}});
}

TEST(Answers, DatesAreRealAndBoundedInDaysFromToday) {
  FieldDef birth = Q("ngay_sinh", FieldType::kDate);
  birth.max = 0;  // not in the future (today is 26/11/2026)
  birth.min = -60;
  Check(birth, {{R"("2026-11-26")", ""},
                {R"("2026-09-27")", ""},
                {R"("2026-11-27")", "ngay_sinh: Ngày không được sau hôm nay"},
                {R"("2026-09-26")", "ngay_sinh: Ngày này quá xa trong quá khứ. Hãy kiểm tra lại năm"},
                {R"("2026-02-29")", "ngay_sinh: Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025"},
                {R"("26/11/2026")", "ngay_sinh: Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025"},
                {R"("2026-1-05")", "ngay_sinh: Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025"},
                {"20261126", "ngay_sinh: Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025"}});
  FieldDef leap = Q("ngay", FieldType::kDate);
  Check(leap,
        {{R"("2024-02-29")", ""}, {R"("2100-02-29")", "ngay: Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025"}});
  FieldDef future = Q("hen", FieldType::kDate);
  future.min = 0;
  future.max = 30;
  Check(future, {{R"("2026-12-26")", ""},
                 {R"("2026-11-25")", "hen: Ngày không được trước hôm nay"},
                 {R"("2026-12-27")", "hen: Ngày này quá xa trong tương lai. Hãy kiểm tra lại năm"}});
  FieldDef past = Q("truoc", FieldType::kDate);
  past.max = -1;
  Check(past, {{R"("2026-11-25")", ""}, {R"("2026-11-26")", "truoc: Ngày phải trước hôm nay"}});
}

TEST(Answers, ChoicesAndYesNo) {
  FieldDef s = Q("gioi_tinh", FieldType::kSelect);
  s.options = {{"nam", "Nam"}, {"nu", "Nữ"}};
  Check(s, {{R"("nam")", ""},
            {R"("Nam")", "gioi_tinh: Chọn một trong các lựa chọn"},
            {"1", "gioi_tinh: Chọn một trong các lựa chọn"}});
  FieldDef r = s;
  r.type = FieldType::kRadio;
  Check(r, {{R"("nu")", ""}, {R"("khac")", "gioi_tinh: Chọn một trong các lựa chọn"}});
  Check(Q("co", FieldType::kYesNo),
        {{"true", ""}, {"false", ""}, {R"("co")", "co: Chọn Có hoặc Không"}, {"1", "co: Chọn Có hoặc Không"}});
  const std::vector<FieldError> required = ValidatePage(Page({Q("co", FieldType::kYesNo, true)}), {}, Context());
  ASSERT_EQ(required.size(), 1u);
  EXPECT_EQ(required[0].message, "Chọn Có hoặc Không");
  EXPECT_TRUE(ValidatePage(Page({Q("co", FieldType::kYesNo, true)}), Obj(R"({"co": false})"), Context()).empty())
      << "false is an answer";
}

TEST(Answers, IdNumbersPhonesAndEmails) {
  Check(
      Q("cccd", FieldType::kIdNumber),
      {{R"("036099012345")", ""},
       {R"("036 099 012 345")", ""},
       {R"("123456789")",
        "cccd: Đây có vẻ là số chứng minh nhân dân cũ gồm 9 chữ số. Hãy nhập số định danh cá nhân gồm 12 chữ số in "
        "trên thẻ căn cước"},
       {R"("003099012345")",
        "cccd: Ba chữ số đầu của số định danh cá nhân không phải là mã tỉnh. Hãy kiểm tra lại số in trên thẻ căn cước"},
       {"36099012345", "cccd: Nhập số định danh cá nhân"}});
  Check(Q("dt", FieldType::kPhone),
        {{R"("0912345678")", ""},
         {R"("+84 912 345 678")", ""},
         {R"("024 3825 1234")", ""},
         {R"("+84 24 3825 1234")", ""},
         {R"("842438251234")", ""},
         {R"("0123")", "dt: Nhập số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0, ví dụ 0912345678"},
         {R"("+1 202 555 0100")", "dt: Chỉ nhận số điện thoại di động Việt Nam, bắt đầu bằng 0 hoặc +84"},
         {"912345678", "dt: Nhập số điện thoại"}});
  Check(Q("email", FieldType::kEmail),
        {{R"("an@example.vn")", ""},
         {R"("an@@example.vn")", "email: Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.com"},
         {R"("an @example.vn")", "email: Địa chỉ thư điện tử không được có dấu cách"},
         {"5", "email: Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.com"}});
}

TEST(Answers, AddressesBeforeJuly2025HaveThreeTiersEachUnderTheOneBefore) {
  const FieldDef a = Q("dia_chi", FieldType::kAddress, true);
  const AnswerContext c = Context("2024");
  Check(a,
        {{R"({"province": "36", "district": "356", "commune": "13660", "detail": "Xóm 3"})", ""},
         {R"({"province": "36", "commune": "13660", "detail": "Xóm 3"})", "dia_chi.district: Chọn quận, huyện"},
         {R"({"province": "36", "district": "001", "commune": "13660", "detail": "Xóm 3"})",
          "dia_chi.district: Chọn quận, huyện thuộc tỉnh, thành phố đã chọn"},
         {R"({"province": "01", "district": "001", "commune": "13660", "detail": "Xóm 3"})",
          "dia_chi.commune: Chọn xã, phường thuộc đơn vị hành chính đã chọn ở trên"},
         {R"({"province": "99", "district": "356", "commune": "13660", "detail": "Xóm 3"})",
          "dia_chi.province: Chọn tỉnh, thành phố trong danh sách"},
         {R"({"province": "356", "district": "356", "commune": "13660", "detail": "Xóm 3"})",
          "dia_chi.province: Chọn tỉnh, thành phố trong danh sách"},
         {R"({"province": "36", "district": "356", "commune": "13660"})",
          "dia_chi.detail: Nhập số nhà, tên đường hoặc thôn, xóm"},
         {R"({"province": "36", "district": "356", "commune": "13660", "detail": ")" + std::string(201, 'x') + "\"}",
          "dia_chi.detail: Số nhà, tên đường hoặc thôn, xóm phải có không quá 200 ký tự"},
         {R"({"province": "36", "district": "356", "commune": "13660", "detail": "x", "street": "y"})",
          "dia_chi: Nhập địa chỉ gồm tỉnh, thành phố, xã, phường và số nhà, đường"},
         {R"("Xóm 3, Vụ Bản")", "dia_chi: Nhập địa chỉ gồm tỉnh, thành phố, xã, phường và số nhà, đường"}},
        c);
}

TEST(Answers, AddressesFromJuly2025HaveNoDistrict) {
  const FieldDef a = Q("dia_chi", FieldType::kAddress, true);
  Check(a, {{R"({"province": "37", "commune": "13660", "detail": "Xóm 3"})", ""},
            {R"({"province": "37", "district": "", "commune": "13660", "detail": "Xóm 3"})", ""},
            {R"({"province": "37", "district": "356", "commune": "13660", "detail": "Xóm 3"})",
             "dia_chi.district: Từ ngày 1/7/2025 không còn cấp huyện. Bỏ trống quận, huyện"},
            {R"({"province": "01", "commune": "13660", "detail": "Xóm 3"})",
             "dia_chi.commune: Chọn xã, phường thuộc đơn vị hành chính đã chọn ở trên"},
            {R"({"province": "37", "detail": "Xóm 3"})", "dia_chi.commune: Chọn xã, phường"},
            {R"({"province": "36", "commune": "13660", "detail": "Xóm 3"})",
             "dia_chi.province: Chọn tỉnh, thành phố trong danh sách"}});
}

FieldDef MembersGroup() {
  FieldDef g = Q("thanh_vien", FieldType::kGroup, true);
  g.min = 1;
  g.max = 2;
  FieldDef has_id = Q("co_so", FieldType::kYesNo);
  FieldDef id = Q("so", FieldType::kIdNumber, true);
  id.show_if = ShowIf{"co_so", json::value(true)};
  g.fields = {Q("ten", FieldType::kText, true), has_id, id};
  return g;
}

TEST(Answers, GroupEntriesAreCheckedOneByOneWithTheirOwnConditions) {
  const FieldDef g = MembersGroup();
  Check(g, {{R"([{"ten": "An"}])", ""},
            {R"([{"ten": "An", "co_so": false, "so": "sai"}])", ""},
            {R"([{"ten": "An", "co_so": true}])", "thanh_vien[0].so: Nhập số định danh cá nhân"},
            {R"([{"ten": "An"}, {"co_so": false}])", "thanh_vien[1].ten: Nhập câu trả lời"},
            {R"([{"ten": "An"}, {"ten": "Bình"}, {"ten": "Chi"}])",
             "thanh_vien: Danh sách có nhiều mục hơn mức cho phép. Hãy xóa bớt mục"},
            {R"([{"ten": "An"}, "Bình"])", "thanh_vien[1]: Danh sách không đúng định dạng. Hãy nhập lại từng mục"},
            {R"({"ten": "An"})", "thanh_vien: Danh sách không đúng định dạng. Hãy nhập lại từng mục"}});
  const std::vector<FieldError> empty = ValidatePage(Page({g}), Obj(R"({"thanh_vien": []})"), Context());
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].message, "Thêm ít nhất một mục");
  FieldDef two = g;
  two.min = 2;
  two.required = false;
  Check(two, {{R"([{"ten": "An"}])", "thanh_vien: Danh sách còn thiếu mục. Hãy thêm mục"}});
}

TEST(Answers, AHiddenQuestionIsNeitherRequiredNorChecked) {
  FieldDef for_other = Q("nop_thay", FieldType::kYesNo);
  FieldDef relation = Q("quan_he", FieldType::kText, true);
  relation.show_if = ShowIf{"nop_thay", json::value(true)};
  FieldDef count = Q("so_ban", FieldType::kNumber, true);
  count.show_if = ShowIf{"quan_he", json::value("con")};  // shown only through a shown question
  const PageDef page = Page({for_other, relation, count});
  EXPECT_TRUE(ValidatePage(page, {}, Context()).empty());
  EXPECT_TRUE(ValidatePage(page, Obj(R"({"nop_thay": false, "quan_he": 5, "so_ban": "x"})"), Context()).empty());
  const std::vector<FieldError> shown = ValidatePage(page, Obj(R"({"nop_thay": true})"), Context());
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].field, "quan_he");
  const std::vector<FieldError> chain = ValidatePage(page, Obj(R"({"nop_thay": true, "quan_he": "con"})"), Context());
  ASSERT_EQ(chain.size(), 1u);
  EXPECT_EQ(chain[0].field, "so_ban");
  EXPECT_TRUE(ValidatePage(page, Obj(R"({"nop_thay": false, "quan_he": "con"})"), Context()).empty())
      << "quan_he is hidden, so it shows nothing";
  FieldDef numeric = Q("lan", FieldType::kNumber);
  FieldDef why = Q("ly_do", FieldType::kText, true);
  why.show_if = ShowIf{"lan", json::value(2)};
  EXPECT_EQ(ValidatePage(Page({numeric, why}), Obj(R"({"lan": 2.0})"), Context()).size(), 1u);
  EXPECT_TRUE(IsShown(why, Obj(R"({"lan": 2})")));
  EXPECT_FALSE(IsShown(why, Obj(R"({"lan": 3})")));
}

FormDefinition TwoPageForm() {
  FormDefinition form;
  FieldDef for_other = Q("nop_thay", FieldType::kYesNo);
  FieldDef relation = Q("quan_he", FieldType::kText, true);
  relation.show_if = ShowIf{"nop_thay", json::value(true)};
  form.pages.push_back(PageDef{"nguoi-nop", "Người nộp", {Q("ten", FieldType::kText, true), for_other}});
  form.pages.push_back(PageDef{"chi-tiet", "Chi tiết", {relation, MembersGroup()}});
  form.documents.push_back(DocumentDef{"giay_chung_sinh", "Giấy chứng sinh", "original", true, {"pdf"}, 1000, ""});
  form.documents.push_back(DocumentDef{"uy_quyen", "Ủy quyền", "either", false, {"pdf"}, 1000, ""});
  return form;
}

TEST(Answers, ValidateAnswersChecksEveryPageConditionsAcrossPagesAndRequiredDocuments) {
  const FormDefinition form = TwoPageForm();
  const json::object answers = Obj(R"({"nop_thay": true, "thanh_vien": [{"ten": "An"}]})");
  const std::vector<FieldError> errors = ValidateAnswers(form, answers, {}, Context());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "ten");
  EXPECT_EQ(errors[1].field, "quan_he");
  EXPECT_EQ(errors[2].field, "tai_lieu.giay_chung_sinh");
  EXPECT_EQ(errors[2].message, "Tải lên giấy tờ này");
  EXPECT_EQ(ValidateAnswers(form, answers, {"giay_chung_sinh"}, Context()).size(), 2u);
  EXPECT_EQ(ValidateAnswers(form, answers, {}, Context(), false).size(), 2u);
  const json::object complete = Obj(R"({"ten": "An", "nop_thay": false, "thanh_vien": [{"ten": "An"}]})");
  EXPECT_TRUE(ValidateAnswers(form, complete, {"giay_chung_sinh"}, Context()).empty());
}

TEST(Answers, MergeReplacesRemovesAndRefusesUnknownQuestions) {
  const FormDefinition form = TwoPageForm();
  const json::object base = Obj(R"({"ten": "An", "nop_thay": true, "quan_he": "con"})");
  const Result<json::object> merged = MergeAnswers(form, base, Obj(R"({"ten": "Bình", "quan_he": null})"));
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(json::serialize(*merged), R"({"ten":"Bình","nop_thay":true})");
  const Result<json::object> typo = MergeAnswers(form, base, Obj(R"({"tenn": "Bình", "ten": "C"})"));
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.kind(), ErrorKind::kInvalid);
  ASSERT_EQ(typo.error().fields.size(), 1u);
  EXPECT_EQ(typo.error().fields[0].field, "tenn");
  EXPECT_EQ(typo.error().fields[0].message, "Câu hỏi này không có trong biểu mẫu");
  const Result<json::object> entry = MergeAnswers(form, base, Obj(R"({"thanh_vien": [{"ten": "A"}, {"tuoi": 3}]})"));
  ASSERT_FALSE(entry.ok());
  EXPECT_EQ(entry.error().fields[0].field, "thanh_vien[1].tuoi");
}

TEST(Answers, VisibleAnswersDropsHiddenQuestionsAlsoInsideGroupsAndUnknownKeys) {
  const FormDefinition form = TwoPageForm();
  const json::object answers =
      Obj(R"({"ten": "An", "nop_thay": false, "quan_he": "con", "la": 1,)"
          R"("thanh_vien": [{"ten": "B", "co_so": false, "so": "1"}, {"ten": "C", "co_so": true, "so": "2"}]})");
  EXPECT_EQ(
      json::serialize(VisibleAnswers(form, answers)),
      R"({"ten":"An","nop_thay":false,"thanh_vien":[{"ten":"B","co_so":false},{"ten":"C","co_so":true,"so":"2"}]})");
}

TEST(Answers, DisplayReadsAsPeopleWriteIt) {
  const AnswerContext c = Context("2024");
  EXPECT_EQ(DisplayAnswer(Q("d", FieldType::kDate), json::value("2025-03-07"), c), "07/03/2025");
  EXPECT_EQ(DisplayAnswer(Q("m", FieldType::kMoney), json::value(1500000), c), "1.500.000 đồng");
  EXPECT_EQ(DisplayAnswer(Q("m", FieldType::kMoney), json::value(0), c), "0 đồng");
  EXPECT_EQ(DisplayAnswer(Q("n", FieldType::kNumber), json::value(120.5), c), "120,5");
  EXPECT_EQ(DisplayAnswer(Q("n", FieldType::kNumber), json::value(-12345), c), "-12.345");
  EXPECT_EQ(DisplayAnswer(Q("y", FieldType::kYesNo), json::value(true), c), "Có");
  EXPECT_EQ(DisplayAnswer(Q("y", FieldType::kYesNo), json::value(false), c), "Không");
  FieldDef s = Q("s", FieldType::kSelect);
  s.options = {{"nu", "Nữ"}};
  EXPECT_EQ(DisplayAnswer(s, json::value("nu"), c), "Nữ");
  EXPECT_EQ(DisplayAnswer(Q("t", FieldType::kText), json::value("Lê Văn A"), c), "Lê Văn A");
  EXPECT_EQ(
      DisplayAnswer(Q("a", FieldType::kAddress),
                    json::parse(R"({"province": "36", "district": "356", "commune": "13660", "detail": "Xóm 3"})"), c),
      "Xóm 3, Xã Liên Minh, Huyện Vụ Bản, Tỉnh Nam Định");
  EXPECT_EQ(DisplayAnswer(Q("a", FieldType::kAddress),
                          json::parse(R"({"province": "37", "commune": "13660", "detail": "Xóm 3"})"), Context("2025")),
            "Xóm 3, Xã Liên Minh, Tỉnh Ninh Bình");
  EXPECT_EQ(DisplayAnswer(MembersGroup(),
                          json::parse(R"([{"ten": "An", "co_so": false, "so": "x"}, {"ten": "Bình", "co_so": true,)"
                                      R"("so": "036099012345"}])"),
                          c),
            "An, Không; Bình, Có, 036099012345");
  EXPECT_EQ(DisplayAnswer(Q("t", FieldType::kText), json::value(nullptr), c), "");
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(Answers, ReadPageInputTurnsWebInputsIntoTypedAnswers) {
  FieldDef s = Q("gioi_tinh", FieldType::kRadio);
  s.options = {{"nam", "Nam"}};
  const PageDef page =
      Page({Q("ten", FieldType::kText), Q("ngay", FieldType::kDate), Q("von", FieldType::kMoney),
            Q("dien_tich", FieldType::kNumber), Q("co", FieldType::kYesNo), Q("dia_chi", FieldType::kAddress),
            Q("cccd", FieldType::kIdNumber), s, Q("bo_trong", FieldType::kText), MembersGroup()});
  const PageInput in = ReadPageInput(page, Pairs{{"ten", "  Lê Văn A "},
                                                 {"ngay-day", "7"},
                                                 {"ngay-month", "3"},
                                                 {"ngay-year", "2025"},
                                                 {"von", "1.500.000"},
                                                 {"dien_tich", "120,5"},
                                                 {"co", "khong"},
                                                 {"dia_chi.province", "36"},
                                                 {"dia_chi.district", ""},
                                                 {"dia_chi.commune", "13660"},
                                                 {"dia_chi.detail", "Xóm 3"},
                                                 {"cccd", "036 099.012-345"},
                                                 {"gioi_tinh", "nam"},
                                                 {"bo_trong", ""},
                                                 {"thanh_vien[0].ten", "An"},
                                                 {"thanh_vien[0].co_so", "co"},
                                                 {"thanh_vien[1].ten", ""},
                                                 {"thanh_vien[2].ten", "Bình"},
                                                 {"khac", "x"}});
  EXPECT_TRUE(in.errors.empty()) << in.errors.front().field;
  EXPECT_EQ(json::serialize(in.answers),
            R"({"ten":"Lê Văn A","ngay":"2025-03-07","von":1500000,"dien_tich":1.205E2,"co":false,)"
            R"("dia_chi":{"province":"36","commune":"13660","detail":"Xóm 3"},"cccd":"036099012345",)"
            R"("gioi_tinh":"nam","thanh_vien":[{"ten":"An","co_so":true},{"ten":"Bình"}]})");
  const auto raw = std::find(in.raw.begin(), in.raw.end(), std::pair<std::string, std::string>{"ten", "  Lê Văn A "});
  EXPECT_NE(raw, in.raw.end()) << "the text as typed is kept";
  EXPECT_EQ(std::count_if(in.raw.begin(), in.raw.end(), [](const auto& p) { return p.first == "khac"; }), 0);
}

TEST(Answers, ReadPageInputReportsWhatCannotBeReadAndKeepsItForRedisplay) {
  const PageDef page = Page({Q("ngay", FieldType::kDate), Q("han", FieldType::kDate), Q("von", FieldType::kMoney),
                             Q("so", FieldType::kNumber), Q("co", FieldType::kYesNo), MembersGroup()});
  const PageInput in = ReadPageInput(page, Pairs{{"ngay-day", "31"},
                                                 {"ngay-month", "2"},
                                                 {"ngay-year", "2025"},
                                                 {"han-day", "1"},
                                                 {"han-year", "2025"},
                                                 {"von", "1,5 triệu"},
                                                 {"so", "12a"},
                                                 {"co", "maybe"},
                                                 {"thanh_vien[4].ten", ""},
                                                 {"thanh_vien[7].co_so", "x"}});
  EXPECT_EQ(json::serialize(in.answers), R"({"thanh_vien":[{}]})") << "an entry with a fault keeps its place";
  std::map<std::string, std::string> errors;
  for (const FieldError& e : in.errors) {
    errors[e.field] = e.message;
  }
  EXPECT_EQ(errors["ngay"], "Nhập một ngày có thật bằng chữ số, ví dụ 27 3 2025");
  EXPECT_EQ(errors["han"], "Ngày phải có đủ ngày, tháng và năm");
  EXPECT_EQ(errors["von"], "Nhập số tiền bằng đồng, chỉ gồm chữ số, ví dụ 1.500.000");
  EXPECT_EQ(errors["so"], "Nhập một số, chỉ gồm chữ số, ví dụ 12 hoặc 12,5");
  EXPECT_EQ(errors["co"], "Chọn Có hoặc Không");
  EXPECT_EQ(errors["thanh_vien[0].co_so"], "Chọn Có hoặc Không") << "entries are numbered again from 0";
  EXPECT_EQ(errors.size(), 6u);
  EXPECT_EQ(std::count_if(in.raw.begin(), in.raw.end(), [](const auto& p) { return p.first == "ngay-day"; }), 1);
}

}  // namespace
}  // namespace motcua::domain
