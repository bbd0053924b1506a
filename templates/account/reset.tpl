{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Đặt mật khẩu mới")</h1>
    <form method="post" action="/dat-lai-mat-khau" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_ACCOUNT}}
      {{>F_CODE}}
      {{>F_PASSWORD}}
      {{>F_CONFIRM}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Lưu mật khẩu và đăng nhập")</button>
    </form>
  </div>
</div>
