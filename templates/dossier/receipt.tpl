{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half"><p class="govuk-body govuk-!-font-weight-bold govuk-!-text-align-centre" lang="vi">{{AGENCY}}</p></div>
      <div class="govuk-grid-column-one-half"><p class="govuk-body govuk-!-font-weight-bold govuk-!-text-align-centre" lang="vi">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</p></div>
    </div>
    <h1 class="govuk-heading-l govuk-!-text-align-centre" lang="vi">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>
    <p class="govuk-body-l govuk-!-text-align-centre" lang="vi">Mã hồ sơ: <strong>{{CODE}}</strong></p>
    <dl class="govuk-summary-list" lang="vi">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Mã tra cứu</dt><dd class="govuk-summary-list__value"><strong>{{SECRET}}</strong></dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Thủ tục</dt><dd class="govuk-summary-list__value">{{PROCEDURE}} ({{PROCEDURE_CODE}})</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Người nộp hồ sơ</dt><dd class="govuk-summary-list__value">{{APPLICANT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Cơ quan tiếp nhận</dt><dd class="govuk-summary-list__value">{{AGENCY}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Hình thức nộp</dt><dd class="govuk-summary-list__value">{{CHANNEL}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Thời điểm nộp</dt><dd class="govuk-summary-list__value">{{FILED_AT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Ngày hẹn trả kết quả</dt><dd class="govuk-summary-list__value">{{EXPECTED}}</dd></div>
    </dl>
    <table class="govuk-table" lang="vi">
      <caption class="govuk-table__caption govuk-table__caption--m">Thành phần hồ sơ</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">TT</th><th scope="col" class="govuk-table__header">Tên giấy tờ</th><th scope="col" class="govuk-table__header">Bản chính / bản sao</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Số tệp</th></tr></thead>
      <tbody class="govuk-table__body">{{#DOCUMENTS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{N}}</td><td class="govuk-table__cell">{{NAME}}</td><td class="govuk-table__cell">{{KIND}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{FILES}}</td></tr>{{/DOCUMENTS}}</tbody>
    </table>
    <p class="govuk-body" lang="vi">Tra cứu tình trạng hồ sơ tại <a class="govuk-link" href="{{LOOKUP_URL}}">{{LOOKUP_PAGE}}</a> với mã hồ sơ và mã tra cứu trên.</p>
    <p class="govuk-body-s" lang="vi">Giấy này được cấp tự động khi hồ sơ được nộp trực tuyến. Cán bộ một cửa sẽ kiểm tra hồ sơ; nếu cần bổ sung, bạn sẽ được báo qua tài khoản.</p>
    <div class="govuk-button-group govuk-!-display-none-print">
      <a class="govuk-button" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/bien-nhan.pdf">_("Tải bản PDF có mã QR")</a>
      <a class="govuk-link" href="/ho-so/{{ID}}">_("Quay lại hồ sơ")</a>
    </div>
  </div>
</div>
