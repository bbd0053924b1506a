{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    {{>ERROR_SUMMARY}}
    {{#BLOCKED}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span> {{BLOCKED_TEXT}}</strong></div>{{/BLOCKED}}
    <h1 class="govuk-heading-xl">_("Đăng nhập")</h1>
    <form method="post" action="/dang-nhap" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="tiep" value="{{NEXT}}">
      {{>F_ACCOUNT}}
      {{>F_PASSWORD}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đăng nhập")</button>
    </form>
    <p class="govuk-body"><a class="govuk-link" href="/quen-mat-khau">_("Quên mật khẩu hoặc có mã từ bộ phận một cửa?")</a></p>
    {{#HAS_VNEID}}<h2 class="govuk-heading-m">_("Đăng nhập bằng định danh điện tử")</h2>
    <p class="govuk-body"><a class="govuk-button govuk-button--secondary" href="/dang-nhap/vneid">{{VNEID_NAME}}</a></p>{{/HAS_VNEID}}
    <h2 class="govuk-heading-m">_("Chưa có tài khoản?")</h2>
    <p class="govuk-body"><a class="govuk-link" href="/dang-ky">_("Đăng ký tài khoản")</a> _("bằng số định danh cá nhân và số điện thoại. Nếu bạn cần giúp, cán bộ bộ phận một cửa sẽ tạo tài khoản cùng bạn.")</p>
  </div>
</div>
