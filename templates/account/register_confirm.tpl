{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Xác nhận số điện thoại")</h1>
    <p class="govuk-body">_("Chúng tôi đã gửi mã xác nhận gồm 6 chữ số đến số điện thoại") <strong>{{PHONE}}</strong>. _("Tài khoản chỉ được tạo sau khi bạn nhập đúng mã. Mã dùng được trong 15 phút.")</p>
    <p class="govuk-body">_("Nếu số định danh hoặc số điện thoại này đã có tài khoản, chúng tôi không gửi mã mà nhắn cho chủ tài khoản đó. Khi đó hãy đăng nhập, hoặc chọn “Quên mật khẩu”.")</p>
    <form method="post" action="/dang-ky/xac-nhan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="dang_ky" value="{{TOKEN}}">
      <input type="hidden" name="dien_thoai" value="{{PHONE}}">
      {{>F_CODE}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Xác nhận và tạo tài khoản")</button>
    </form>
    <form method="post" action="/dang-ky/gui-lai" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="dang_ky" value="{{TOKEN}}">
      <input type="hidden" name="dien_thoai" value="{{PHONE}}">
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Gửi lại mã")</button>
    </form>
    <form method="post" action="/dang-ky/sua" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="dang_ky" value="{{TOKEN}}">
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Sửa số điện thoại hoặc thông tin đã nhập")</button>
    </form>
  </div>
</div>
