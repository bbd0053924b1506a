{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Đổi mật khẩu")</h1>
    <p class="govuk-body">_("Sau khi đổi, các thiết bị khác đang đăng nhập tài khoản này sẽ bị đăng xuất.")</p>
    <form method="post" action="/tai-khoan/mat-khau" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_CURRENT}}
      {{>F_PASSWORD}}
      {{>F_CONFIRM}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đổi mật khẩu")</button>
    </form>
    <p class="govuk-body"><a class="govuk-link" href="/tai-khoan">_("Quay lại tài khoản")</a></p>
  </div>
</div>
