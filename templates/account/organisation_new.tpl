{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Đăng ký doanh nghiệp, tổ chức")</h1>
    <p class="govuk-body">_("Bạn sẽ là người đại diện, nộp hồ sơ thay cho doanh nghiệp hoặc tổ chức bằng tài khoản của mình.")</p>
    <form method="post" action="/tai-khoan/to-chuc/moi" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_TAX}}
      {{>F_ORG_NAME}}
      {{>F_ADDRESS}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đăng ký")</button>
    </form>
  </div>
</div>
