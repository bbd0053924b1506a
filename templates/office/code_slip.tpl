{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">{{HEADING}}</h1>
      <div class="govuk-panel__body">_("Mã một lần"): <span class="app-code">{{CODE}}</span></div>
    </div>
    <h2 class="govuk-heading-m">_("Phiếu hướng dẫn")</h2>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Họ và tên")</dt><dd class="govuk-summary-list__value">{{NAME}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Đăng nhập bằng")</dt><dd class="govuk-summary-list__value">{{LOGIN}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mã dùng được đến")</dt><dd class="govuk-summary-list__value">{{EXPIRES}}</dd></div>
    </dl>
    <ol class="govuk-list govuk-list--number">
      <li>_("Vào trang") <strong>/dat-lai-mat-khau</strong> _("của Cổng dịch vụ công.")</li>
      <li>_("Nhập số định danh (hoặc tên đăng nhập) và mã một lần ở trên.")</li>
      <li>_("Tự chọn mật khẩu mới. Không ai khác, kể cả cán bộ, cần biết mật khẩu của bạn.")</li>
    </ol>
    <p class="govuk-body app-no-print">_("Mã chỉ hiện một lần trên màn hình này. Hãy in phiếu hoặc đọc mã cho người dân ghi lại.")</p>
    <p class="govuk-body app-no-print"><a class="govuk-link" href="{{BACK}}">{{BACK_TEXT}}</a></p>
  </div>
</div>
