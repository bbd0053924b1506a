{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l">_("Bước 1 / 3")</span>
    <h1 class="govuk-heading-xl">_("Tiếp nhận hồ sơ tại quầy")</h1>
    <p class="govuk-body">_("Tìm tài khoản của người nộp theo số định danh cá nhân hoặc số điện thoại. Hồ sơ được nộp thay người dân và tiếp nhận ngay.")</p>
    <form method="post" action="/can-bo/tiep-nhan-tai-quay" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_QUERY}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm")</button>
    </form>
    {{#SEARCHED}}{{#NONE}}<p class="govuk-body">_("Không có tài khoản nào có số này.") <a class="govuk-link" href="/can-bo/cong-dan/moi">_("Tạo tài khoản cho người dân")</a></p>{{/NONE}}
    <ul class="govuk-list">{{#PEOPLE}}<li><a class="govuk-link" href="{{URL}}">_("Nộp hồ sơ cho") {{NAME}}</a></li>{{/PEOPLE}}</ul>{{/SEARCHED}}
    <p class="govuk-body-s">_("Người dân chưa có tài khoản?") <a class="govuk-link" href="/can-bo/cong-dan/moi">_("Tạo tài khoản tại quầy")</a></p>
  </div>
</div>
