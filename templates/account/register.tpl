{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Đăng ký tài khoản")</h1>
    <p class="govuk-body">_("Bạn dùng tài khoản để nộp hồ sơ trực tuyến, theo dõi và nhận kết quả. Mỗi số định danh cá nhân chỉ có một tài khoản.")</p>
    <form method="post" action="/dang-ky" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_NAME}}
      {{>F_ID}}
      {{>F_DOB}}
      {{>F_PHONE}}
      {{>F_EMAIL}}
      {{>F_PASSWORD}}
      {{>F_CONFIRM}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tạo tài khoản")</button>
    </form>
    <p class="govuk-body">_("Đã có tài khoản?") <a class="govuk-link" href="/dang-nhap">_("Đăng nhập")</a></p>
  </div>
</div>
