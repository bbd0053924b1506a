{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Đặt lại mật khẩu")</h1>
    <p class="govuk-body">_("Chúng tôi sẽ gửi một mã gồm 6 chữ số đến số điện thoại (và email, nếu có) của tài khoản. Mã dùng được một lần, trong 15 phút.")</p>
    <form method="post" action="/quen-mat-khau" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_ACCOUNT}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Gửi mã")</button>
    </form>
    <p class="govuk-body"><a class="govuk-link" href="/dat-lai-mat-khau">_("Tôi đã có mã (từ tin nhắn hoặc từ bộ phận một cửa)")</a></p>
    <div class="govuk-inset-text">_("Không còn dùng số điện thoại cũ? Mang thẻ căn cước đến bộ phận một cửa; cán bộ sẽ cấp mã mới cho bạn.")</div>
  </div>
</div>
