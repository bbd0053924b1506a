{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Tìm tài khoản người dân")</h1>
    <form method="post" action="/can-bo/cong-dan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_QUERY}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm")</button>
    </form>
    {{#SEARCHED}}{{#NONE}}<p class="govuk-body">_("Không có tài khoản nào có số này.") <a class="govuk-link" href="/can-bo/cong-dan/moi">_("Tạo tài khoản mới")</a></p>{{/NONE}}
    <ul class="govuk-list">{{#PEOPLE}}<li>{{#CAN_OPEN}}<a class="govuk-link" href="/can-bo/cong-dan/{{ID}}">{{NAME}}</a>{{/CAN_OPEN}}{{#SELF_RUN}}{{NAME}}: _("người dân tự dùng tài khoản này, nên bộ phận một cửa không cấp mã cho nó. Hướng dẫn họ dùng Quên mật khẩu hoặc đăng nhập bằng VNeID."){{/SELF_RUN}}</li>{{/PEOPLE}}</ul>{{/SEARCHED}}
    <p class="govuk-body-s">_("Mỗi lần xem thông tin cá nhân của người dân đều được ghi vào nhật ký hệ thống.")</p>
  </div>
</div>
