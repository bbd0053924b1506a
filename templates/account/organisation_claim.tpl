{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">_("Yêu cầu của bạn đang chờ xem xét")</h1>
      <div class="govuk-panel__body">_("Mã số thuế") {{TAX_CODE}}</div>
    </div>
    <p class="govuk-body">_("Mã số thuế này đã có người đại diện khác trên cổng. Cán bộ bộ phận một cửa sẽ xem xét giấy tờ trước khi quyết định ai là người đại diện.")</p>
    <h2 class="govuk-heading-m">_("Việc tiếp theo")</h2>
    <p class="govuk-body">_("Hãy mang giấy chứng nhận đăng ký doanh nghiệp và giấy tờ chứng minh bạn là người đại diện đến bộ phận một cửa. Bạn sẽ nhận tin nhắn khi có kết quả.")</p>
    <p class="govuk-body"><a class="govuk-link" href="/tai-khoan">_("Về trang tài khoản")</a></p>
  </div>
</div>
