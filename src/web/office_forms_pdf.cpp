// The printed forms 01–06 (Circular 01/2018/TT-VPCP) drawn with the shared layout of pdf_layout.hpp.
#include "web/office_forms_pdf.hpp"

#include <fmt/format.h>

#include "web/pdf_layout.hpp"

namespace motcua::web {

namespace {

using pdf::Align;
using pdf::Column;
using pdf::Style;

constexpr const char* kSignHint = "(Ký và ghi rõ họ tên)";
constexpr const char* kSealHint = "(Ký, ghi rõ họ tên và đóng dấu)";
// Length of "dd/mm/yyyy" at the start of domain::LocalTime's "dd/mm/yyyy hh:mm".
constexpr size_t kDateLength = 10;

//! The heading of a form: the agency over the desk when there is a desk, else the parent over the agency.
pdf::Heading HeadingOf(const FormIssuer& issuer) {
  pdf::Heading h;
  if (issuer.desk.empty()) {
    h.parent = issuer.parent;
    h.agency = issuer.agency;
  } else {
    h.parent = issuer.agency;
    h.agency = issuer.desk;
  }
  h.place = issuer.place;
  h.day = issuer.date.day;
  h.month = issuer.date.month;
  h.year = issuer.date.year;
  return h;
}

//! "Bộ phận tiếp nhận và trả kết quả – UBND phường …" as running text.
std::string DeskOf(const FormIssuer& issuer) {
  if (issuer.desk.empty()) {
    return issuer.agency;
  }
  return issuer.desk + " – " + issuer.agency;
}

std::string OrDots(std::string_view text) { return text.empty() ? std::string("……………") : std::string(text); }

std::string Count(int32_t n) { return n == 0 ? std::string() : fmt::format("{:02}", n); }

//! The component table (TT, name, originals, certified copies, photocopies).
void Components(pdf::Document& doc, const std::vector<ComponentRow>& components) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(components.size());
  int32_t n = 0;
  for (const ComponentRow& c : components) {
    rows.push_back({std::to_string(++n), c.name, Count(c.originals), Count(c.certified), Count(c.photocopies)});
  }
  doc.Table({{"TT", 1, Align::kCenter},
             {"Tên giấy tờ", 10},
             {"Bản chính", 2, Align::kCenter},
             {"Bản sao chứng thực", 2.4, Align::kCenter},
             {"Bản chụp", 2, Align::kCenter}},
            rows);
}

//! The applicant's contact lines.
void ApplicantFields(pdf::Document& doc, const FormApplicant& a) {
  doc.Field("Ông/Bà", OrDots(a.name));
  if (!a.id_number.empty()) {
    doc.Field("Số định danh cá nhân/Hộ chiếu", a.id_number);
  }
  doc.Field("Địa chỉ", OrDots(a.address));
  doc.FieldPair("Số điện thoại", OrDots(a.phone), "Email", OrDots(a.email));
}

}  // namespace

std::string FormTime(domain::Instant t) {
  std::string local = domain::LocalTime(t);  // "dd/mm/yyyy hh:mm"
  if (local.size() <= kDateLength + 1) {
    return local;
  }
  return local.substr(kDateLength + 1) + " ngày " + local.substr(0, kDateLength);
}

std::string FormDay(domain::Instant t) { return domain::LocalTime(t).substr(0, kDateLength); }

std::string FormDate(const domain::CivilDate& d) { return pdf::DateText(d.day, d.month, d.year); }

std::string Form01Pdf(const Form01Data& d) {
  return pdf::Render({"Mẫu số 01 – Giấy tiếp nhận hồ sơ " + d.code}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 01", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + d.code);
    doc.Paragraph(DeskOf(d.issuer) + " đã tiếp nhận hồ sơ của:");
    ApplicantFields(doc, d.submitter);
    doc.Field("Hình thức nộp", d.channel);
    doc.Field("Nội dung yêu cầu giải quyết", d.request);
    doc.Field("Chủ hồ sơ", OrDots(d.owner_name));
    doc.Field("Địa chỉ chủ hồ sơ", OrDots(d.owner_address));
    doc.Paragraph("1. Thành phần hồ sơ nộp gồm:", Style::kBold);
    Components(doc, d.components);
    doc.Field("2. Số lượng hồ sơ", fmt::format("{:02} bộ", d.sets));
    doc.Field("3. Thời gian giải quyết hồ sơ theo quy định", OrDots(d.time_limit));
    doc.Field("4. Thời gian nhận hồ sơ", d.received_at);
    doc.Field("5. Thời gian trả kết quả giải quyết hồ sơ",
              d.appointment.empty() ? "Theo quy định của thủ tục" : d.appointment);
    doc.Field("6. Nơi nhận kết quả", OrDots(d.result_place));
    doc.Field("Mã tra cứu", d.lookup_secret);
    std::vector<std::string> lines = {"Theo dõi tiến độ giải quyết hồ sơ",
                                      "Quét mã QR bằng điện thoại, hoặc mở " + d.lookup_page + " và nhập mã hồ sơ " +
                                          d.code + " cùng mã tra cứu " + d.lookup_secret + "."};
    if (!d.hotline.empty()) {
      lines.push_back("Điện thoại hỗ trợ: " + d.hotline);
    }
    doc.Qr(d.lookup_url, lines);
    doc.Signatures(
        {{"Người nộp hồ sơ", kSignHint, d.submitter.name}, {"Người tiếp nhận hồ sơ", kSignHint, d.officer_name}});
  });
}

std::string Form02Pdf(const Form02Data& d) {
  return pdf::Render({"Mẫu số 02 – Phiếu yêu cầu bổ sung hồ sơ " + d.code}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 02", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Mã hồ sơ: " + d.code);
    doc.Paragraph(DeskOf(d.issuer) + " đã kiểm tra hồ sơ đề nghị giải quyết thủ tục:");
    doc.Field("Nội dung yêu cầu giải quyết", d.request);
    ApplicantFields(doc, d.applicant);
    doc.Field("Thời điểm yêu cầu", d.requested_at);
    doc.Paragraph("Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:", Style::kBold);
    std::vector<std::vector<std::string>> rows;
    int32_t n = 0;
    for (const SupplementLine& item : d.items) {
      rows.push_back({std::to_string(++n), item.name, item.reason});
    }
    doc.Table({{"TT", 1, Align::kCenter}, {"Giấy tờ, nội dung cần bổ sung, hoàn thiện", 8}, {"Lý do", 8}}, rows);
    if (!d.note.empty()) {
      doc.Field("Ghi chú", d.note);
    }
    std::string contact =
        "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ người hướng dẫn " +
        OrDots(d.officer_name);
    if (!d.officer_phone.empty()) {
      contact += ", số điện thoại " + d.officer_phone;
    }
    doc.Paragraph(contact + " để được hướng dẫn.");
    doc.Paragraph("Tra cứu quy định của thủ tục và gửi phần bổ sung tại: " + d.portal_url);
    doc.Paragraph(
        "Thời gian chờ bổ sung, hoàn thiện hồ sơ không tính vào thời hạn giải quyết; ngày hẹn trả kết quả được lùi "
        "tương ứng.",
        Style::kItalic);
    doc.Signatures({{"", "", ""}, {"Người hướng dẫn", kSignHint, d.officer_name}});
  });
}

std::string Form03Pdf(const Form03Data& d) {
  return pdf::Render({"Mẫu số 03 – Phiếu từ chối tiếp nhận hồ sơ " + d.code}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 03", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", d.code.empty() ? "" : "Mã hồ sơ: " + d.code);
    doc.Paragraph(DeskOf(d.issuer) + " đã nhận hồ sơ của:");
    ApplicantFields(doc, d.applicant);
    doc.Field("Nội dung yêu cầu giải quyết", d.request);
    doc.Paragraph(
        "Sau khi xem xét, đối chiếu thành phần hồ sơ và quy định của thủ tục, cơ quan từ chối tiếp nhận, giải quyết "
        "hồ sơ này với lý do cụ thể như sau:");
    doc.Paragraph(d.reason, Style::kBold);
    std::string lookup = "Tra cứu quy định của thủ tục tại: " + d.portal_url;
    if (!d.officer_phone.empty()) {
      lookup += ". Số điện thoại cán bộ: " + d.officer_phone;
    }
    doc.Paragraph(lookup + ".");
    doc.Paragraph("Xin thông báo để ông/bà được biết và thực hiện.");
    doc.Signatures(
        {{"Người nộp hồ sơ", kSignHint, d.applicant.name}, {"Người từ chối tiếp nhận", kSignHint, d.officer_name}});
  });
}

std::string Form04Pdf(const Form04Data& d) {
  return pdf::Render({"Mẫu số 04 – Phiếu xin lỗi và hẹn lại ngày trả kết quả " + d.code}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 04", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
    doc.Paragraph("Kính gửi: " + OrDots(d.addressee), Style::kBold, Align::kCenter);
    doc.Field("Địa chỉ", OrDots(d.address));
    doc.Paragraph(d.issuer.agency + " đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục " + d.request + " của ông/bà.");
    doc.Field("Mã hồ sơ", d.code);
    doc.Field("Ngày tiếp nhận", d.received_on);
    doc.Field("Thời gian hẹn trả kết quả", d.original_appointment);
    doc.Paragraph(
        "Tuy nhiên đến nay, cơ quan chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng thời hạn ghi trên Giấy tiếp "
        "nhận hồ sơ và hẹn trả kết quả. Lý do:");
    doc.Paragraph(d.reason, Style::kBold);
    doc.Paragraph(
        "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà. Cơ quan thành thật xin lỗi ông/bà và "
        "hẹn trả kết quả giải quyết hồ sơ vào:");
    doc.Field("Thời gian hẹn trả kết quả mới", d.new_appointment);
    doc.Paragraph("Mong nhận được sự thông cảm của ông/bà. Trân trọng!", Style::kItalic);
    doc.Signatures({{"", "", ""}, {d.signer_title, kSealHint, d.signer_name}});
  });
}

std::string Form05Pdf(const Form05Data& d) {
  return pdf::Render({"Mẫu số 05 – Phiếu kiểm soát quá trình giải quyết hồ sơ " + d.code}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 05", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: " + d.code);
    doc.Field("Người nộp hồ sơ", d.applicant);
    doc.Field("Nội dung yêu cầu giải quyết", d.request);
    doc.Field("Thời gian nhận hồ sơ", d.received_at);
    doc.Field("Thời gian giải quyết theo quy định", OrDots(d.time_limit));
    doc.Field("Thời gian hẹn trả kết quả", d.appointment.empty() ? "Theo quy định của thủ tục" : d.appointment);
    doc.Paragraph("Thành phần hồ sơ:", Style::kBold);
    Components(doc, d.components);
    doc.Paragraph("Quá trình giải quyết hồ sơ:", Style::kBold);
    std::vector<std::vector<std::string>> rows;
    int32_t n = 0;
    for (const HandoffLine& h : d.handoffs) {
      rows.push_back({std::to_string(++n), h.unit, h.at, h.giver, h.receiver, h.result, h.note});
    }
    doc.Table({{"TT", 1, Align::kCenter},
               {"Tên cơ quan, đơn vị, bước giải quyết", 4.5},
               {"Thời gian giao, nhận hồ sơ", 3, Align::kCenter},
               {"Người giao", 3},
               {"Người nhận", 3},
               {"Kết quả giải quyết (trước hạn / đúng hạn / quá hạn)", 3, Align::kCenter},
               {"Ghi chú", 4}},
              rows);
  });
}

const std::vector<std::string>& LogbookHeaders() {
  static const std::vector<std::string> kHeaders = {
      "TT",
      "Mã hồ sơ",
      "Tên thủ tục hành chính",
      "Số lượng hồ sơ (bộ)",
      "Tên, địa chỉ, số điện thoại",
      "Cơ quan chủ trì giải quyết",
      "Nhận hồ sơ",
      "Hẹn trả kết quả",
      "Chuyển hồ sơ đến cơ quan giải quyết",
      "Có kết quả / yêu cầu bổ sung",
      "Trả kết quả cho cá nhân, tổ chức",
      "Ký nhận / ghi chú",
  };
  return kHeaders;
}

std::vector<std::string> LogbookCells(int32_t number, const service::LogbookRow& row) {
  const auto when = [](const std::optional<domain::Instant>& t) { return t ? domain::LocalTime(*t) : std::string(); };
  std::string who = row.applicant_name;
  for (const std::string* part : {&row.applicant_address, &row.applicant_phone}) {
    if (!part->empty()) {
      who += "\n" + *part;
    }
  }
  return {std::to_string(number),
          row.code,
          row.procedure_name,
          std::to_string(row.sets),
          who,
          row.competent_agency,
          when(row.received_at),
          when(row.appointment),
          when(row.transferred_at),
          when(row.result_or_supplement_at),
          when(row.returned_at),
          row.notes};
}

std::string LogbookPdf(const LogbookData& d) {
  const std::string range = "Từ ngày " + FormDate(d.from) + " đến ngày " + FormDate(d.to);
  return pdf::Render({"Mẫu số 06 – Sổ theo dõi hồ sơ " + range, pdf::Orientation::kLandscape}, [&](pdf::Document& doc) {
    doc.Caption("Mẫu số 06", kFormsBasis);
    doc.NationalHeading(HeadingOf(d.issuer));
    doc.Title("SỔ THEO DÕI HỒ SƠ", range);
    const std::vector<std::string>& headers = LogbookHeaders();
    static constexpr double kWeights[] = {2, 9.5, 8, 3, 8, 6, 5, 5, 5, 5, 5, 5};
    std::vector<Column> columns;
    for (size_t i = 0; i < headers.size(); ++i) {
      const bool centred = i == 0 || i == 3 || (i >= 6 && i <= 10);
      columns.push_back({headers[i], kWeights[i], centred ? Align::kCenter : Align::kLeft});
    }
    std::vector<std::vector<std::string>> rows;
    int32_t n = 0;
    for (const service::LogbookRow& row : d.rows) {
      rows.push_back(LogbookCells(++n, row));
    }
    doc.Table(columns, rows, Style::kCellSmall);
    doc.Paragraph(fmt::format("Tổng số: {} hồ sơ.", d.rows.size()), Style::kItalic);
  });
}

}  // namespace motcua::web
