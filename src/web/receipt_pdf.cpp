#include "web/receipt_pdf.hpp"

namespace motcua::web {

std::string ReceiptPdf(const ReceiptData& data) {
  return pdf::Render({"Giấy tiếp nhận hồ sơ " + data.code, pdf::Orientation::kPortrait}, [&](pdf::Document& doc) {
    pdf::Heading heading;
    heading.agency = data.agency_name;
    doc.NationalHeading(heading);
    doc.Title("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "Mã hồ sơ: " + data.code);
    doc.Field("Mã tra cứu", data.lookup_secret);
    doc.Field("Thủ tục", data.procedure_name + " (" + data.procedure_code + ")");
    doc.Field("Người nộp hồ sơ", data.applicant_name);
    doc.Field("Cơ quan tiếp nhận", data.agency_name);
    doc.Field("Hình thức nộp", data.channel);
    doc.Field("Thời điểm nộp", data.filed_at);
    doc.Field("Ngày hẹn trả kết quả", data.expected_on.empty() ? "Theo quy định của thủ tục" : data.expected_on);
    doc.Paragraph("Thành phần hồ sơ", pdf::Style::kBold);
    std::vector<std::vector<std::string>> rows;
    int32_t n = 0;
    for (const ReceiptDocument& d : data.documents) {
      rows.push_back({std::to_string(++n), d.name, d.original_or_copy, std::to_string(d.files)});
    }
    doc.Table({{"TT", 1, pdf::Align::kCenter},
               {"Tên giấy tờ", 9},
               {"Bản chính / bản sao", 4, pdf::Align::kCenter},
               {"Số tệp", 2, pdf::Align::kCenter}},
              rows);
    doc.Qr(data.lookup_url,
           {"Tra cứu tình trạng hồ sơ",
            "Quét mã QR bằng điện thoại, hoặc mở " + data.lookup_page + " và nhập mã hồ sơ cùng mã tra cứu " +
                data.lookup_secret + ".",
            "Giấy này được cấp tự động khi hồ sơ được nộp trực tuyến. Cán bộ một cửa sẽ kiểm tra hồ sơ; nếu cần bổ "
            "sung, bạn sẽ được báo qua tài khoản."});
  });
}

}  // namespace motcua::web
