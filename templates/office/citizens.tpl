{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Tìm tài khoản người dân")</h1>
    <form method="get" action="/can-bo/cong-dan" novalidate>
      {{>F_QUERY}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm")</button>
    </form>
    {{#SEARCHED}}{{#NONE}}<p class="govuk-body">_("Không có tài khoản nào có số này.") <a class="govuk-link" href="/can-bo/cong-dan/moi">_("Tạo tài khoản mới")</a></p>{{/NONE}}
    <ul class="govuk-list">{{#PEOPLE}}<li><a class="govuk-link" href="/can-bo/cong-dan/{{ID}}">{{NAME}}</a></li>{{/PEOPLE}}</ul>{{/SEARCHED}}
    <p class="govuk-body-s">_("Mỗi lần xem thông tin cá nhân của người dân đều được ghi vào nhật ký hệ thống.")</p>
  </div>
</div>
