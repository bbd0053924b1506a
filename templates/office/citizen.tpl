{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{NAME}}</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số định danh cá nhân")</dt><dd class="govuk-summary-list__value">{{PERSONAL_ID}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ngày sinh")</dt><dd class="govuk-summary-list__value">{{DOB}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số điện thoại")</dt><dd class="govuk-summary-list__value">{{PHONE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Email")</dt><dd class="govuk-summary-list__value">{{EMAIL}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Trạng thái")</dt><dd class="govuk-summary-list__value">{{STATUS}}</dd></div>
    </dl>
    {{#CAN_ISSUE}}<a href="/can-bo/cong-dan/{{ID}}/ma" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Cấp mã để người dân đặt mật khẩu mới")</a>{{/CAN_ISSUE}}
    <p class="govuk-body-s">_("Lần xem này đã được ghi vào nhật ký hệ thống.")</p>
  </div>
</div>
