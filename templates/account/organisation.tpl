{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    <h1 class="govuk-heading-xl">{{NAME}}</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mã số thuế")</dt><dd class="govuk-summary-list__value">{{TAX_CODE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Địa chỉ trụ sở")</dt><dd class="govuk-summary-list__value">{{ADDRESS}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người đại diện")</dt><dd class="govuk-summary-list__value">{{REPRESENTATIVE}}</dd></div>
    </dl>
    <p class="govuk-body"><a class="govuk-link" href="/tai-khoan">_("Quay lại tài khoản")</a></p>
  </div>
</div>
