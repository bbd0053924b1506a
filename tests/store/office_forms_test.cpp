//! The printed forms from real back-office dossiers on every engine: each form exists only once its event happened
//! (receipt, supplement request, refusal, apology), and its PDF, read back with pdftotext, carries what the service
//! recorded (code, procedure, appointment, items, reasons, hand-offs); the logbook prints the agency's dossiers.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "tests/store/back_office_fixture.hpp"
#include "web/office_forms_pdf.hpp"

namespace motcua::service {
namespace {

using domain::OfficeAction;
using namespace office_testing;  // NOLINT(google-build-using-namespace)

class OfficeForms : public BackOfficeTest {
 protected:
  //! What the route would pass: the applicant and components from the dossier and its form.
  web::FormContext Context(const OfficeDossier& o) {
    web::FormContext ctx;
    ctx.issuer = {"UBND tỉnh", "UBND huyện 1", "Bộ phận tiếp nhận và trả kết quả", "Ninh Bình", {2026, 11, 2}};
    ctx.applicant = web::ApplicantOf(o.dossier.answers, o.dossier.applicant_name, "Xã Mỹ Tân");
    const domain::Result<domain::FormDefinition> form = dossiers_->FormOf(o.dossier);
    EXPECT_TRUE(form.ok());
    if (form.ok()) {
      ctx.components = web::ComponentsOf(*form, o.dossier.files);
    }
    ctx.time_limit = "4 ngày làm việc";
    ctx.officer_name = "Cán bộ motcua";
    ctx.public_url = "https://dvc.example.vn";
    ctx.agency_name = [](std::string_view code) {
      return code == kDistrict1 ? std::string("UBND huyện 1") : std::string(code);
    };
    return ctx;
  }

  //! The text pdftotext reads from `pdf`, lines joined by spaces.
  static std::string Text(const std::string& pdf) {
    const std::filesystem::path file =
        std::filesystem::path(testing::TempDir()) / store::testing_support::UniqueName("office_form.pdf");
    std::ofstream(file, std::ios::binary) << pdf;
    std::string text;
    {
      const std::string command = "pdftotext -enc UTF-8 '" + file.string() + "' -";
      const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
      constexpr size_t kChunk = 4096;
      std::array<char, kChunk> buffer{};
      size_t n = 0;
      while (pipe != nullptr && (n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) {
        text.append(buffer.data(), n);
      }
    }
    std::filesystem::remove(file);
    for (char& c : text) {
      c = c == '\n' ? ' ' : c;
    }
    return text;
  }
};

TEST_F(OfficeForms, EachFormFollowsWhatHappenedToTheDossier) {
  const std::string code = FileOnline();
  OfficeDossier filed = See(desk_, code);
  EXPECT_FALSE(web::Form01Of(filed, Context(filed)));
  EXPECT_FALSE(web::Form02Of(filed, Context(filed)));
  EXPECT_FALSE(web::Form04Of(filed, Context(filed)));
  EXPECT_FALSE(web::Form05Of(filed, Context(filed)));

  const OfficeDossier accepted = Done(desk_, code, OfficeAction::kAccept);
  const auto f01 = web::Form01Of(accepted, Context(accepted));
  ASSERT_TRUE(f01);
  EXPECT_EQ(f01->received_at, "08:00 ngày 02/11/2026");
  ASSERT_TRUE(accepted.original_appointment);
  EXPECT_EQ(f01->appointment, web::FormTime(*accepted.original_appointment));
  const std::string t01 = Text(web::Form01Pdf(*f01));
  for (const std::string& s :
       {code, std::string("Thủ tục huyện"), std::string("Nguyễn Văn An"), std::string("Trực tuyến"),
        std::string("Đơn đề nghị"), f01->appointment, accepted.dossier.lookup_secret, std::string("4 ngày làm việc")}) {
    EXPECT_NE(t01.find(s), std::string::npos) << s << " in " << t01;
  }

  // A head of section apologises for the delay: form 04 carries both dates.
  const OfficeDossier current = See(head_, code);
  ASSERT_TRUE(current.appointment);
  ActionInput sorry;
  sorry.note = "Chờ xác minh";
  sorry.new_appointment = domain::Instant{current.appointment->micros + (3 * kDay)};
  const OfficeDossier apologised = Done(head_, code, OfficeAction::kApologise, sorry);
  const auto f04 = web::Form04Of(apologised, Context(apologised));
  ASSERT_TRUE(f04);
  EXPECT_EQ(f04->original_appointment, web::FormTime(*apologised.appointment));
  EXPECT_EQ(f04->new_appointment, web::FormTime(*sorry.new_appointment));
  const std::string t04 = Text(web::Form04Pdf(*f04));
  for (const std::string& s :
       {std::string("Chờ xác minh"), f04->original_appointment, f04->new_appointment, std::string("UBND huyện 1")}) {
    EXPECT_NE(t04.find(s), std::string::npos) << s << " in " << t04;
  }

  // The specialist asks for a supplement after reception: form 02 itemises it.
  ActionInput ask;
  ask.items = {SupplementItem{"don", "", "Đơn đề nghị", "Đơn chưa có chữ ký"}};
  ask.note = "Ký lại đơn";
  const OfficeDossier asked = Done(specialist_, code, OfficeAction::kRequestSupplement, ask);
  const auto f02 = web::Form02Of(asked, Context(asked));
  ASSERT_TRUE(f02);
  const std::string t02 = Text(web::Form02Pdf(*f02));
  for (const char* s : {"PHIẾU YÊU CẦU BỔ SUNG", "Đơn đề nghị", "Đơn chưa có chữ ký", "Ký lại đơn"}) {
    EXPECT_NE(t02.find(s), std::string::npos) << s << " in " << t02;
  }
  EXPECT_NE(t02.find(code), std::string::npos);

  // Form 05: one line per hand-off the service recorded, with its step.
  const OfficeDossier now = See(desk_, code);
  const auto f05 = web::Form05Of(now, Context(now));
  ASSERT_TRUE(f05);
  ASSERT_EQ(f05->handoffs.size(), now.handoffs.size());
  ASSERT_FALSE(now.handoffs.empty());
  const std::string t05 = Text(web::Form05Pdf(*f05));
  EXPECT_NE(t05.find(now.handoffs.front().step_name), std::string::npos) << t05;
  EXPECT_FALSE(web::Form03Of(now, Context(now)));
}

TEST_F(OfficeForms, ARefusalPrintsForm03WithItsReason) {
  const std::string code = FileOnline();
  ActionInput in;
  in.note = "Thủ tục không thuộc thẩm quyền";
  const OfficeDossier refused = Done(desk_, code, OfficeAction::kRefuse, in);
  const auto f03 = web::Form03Of(refused, Context(refused));
  ASSERT_TRUE(f03);
  const std::string t03 = Text(web::Form03Pdf(*f03));
  EXPECT_NE(t03.find("Thủ tục không thuộc thẩm quyền"), std::string::npos) << t03;
  EXPECT_NE(t03.find(code), std::string::npos) << t03;
  EXPECT_FALSE(web::Form01Of(refused, Context(refused)));
}

TEST_F(OfficeForms, TheLogbookPrintsTheAgencysDossiersAsPdfAndXlsx) {
  const std::string first = FileOnline();
  const std::string second = FileOnline();
  Done(desk_, first, OfficeAction::kAccept);
  Done(desk_, second, OfficeAction::kAccept);
  const domain::Result<std::vector<LogbookRow>> rows =
      office_->Logbook(ActorOf(desk_), kDistrict1, domain::CivilDate{2026, 11, 1}, domain::CivilDate{2026, 11, 30});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 2U);
  web::LogbookData data;
  data.issuer = {"UBND tỉnh", "UBND huyện 1", "", "Ninh Bình", {2026, 11, 30}};
  data.from = {2026, 11, 1};
  data.to = {2026, 11, 30};
  data.rows = *rows;
  const std::string text = Text(web::LogbookPdf(data));
  EXPECT_NE(text.find(first), std::string::npos) << text;
  EXPECT_NE(text.find(second), std::string::npos) << text;
  EXPECT_NE(text.find("Tổng số: 2 hồ sơ."), std::string::npos) << text;
  const std::string xlsx = web::LogbookXlsx(data);
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
}

}  // namespace
}  // namespace motcua::service
