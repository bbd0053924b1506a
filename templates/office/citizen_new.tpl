{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Tạo tài khoản cho người dân")</h1>
    <p class="govuk-body">_("Nhập thông tin theo thẻ căn cước người dân mang đến. Người dân sẽ tự đặt mật khẩu bằng mã một lần mà bạn trao cho họ.")</p>
    <form method="post" action="/can-bo/cong-dan/moi" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_NAME}}
      {{>F_ID}}
      {{>F_DOB}}
      {{>F_PHONE}}
      {{>F_EMAIL}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tạo tài khoản")</button>
    </form>
  </div>
</div>
