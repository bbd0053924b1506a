{{%AUTOESCAPE context="HTML"}}<span class="govuk-caption-l">{{LEVEL}} · _("Mã cơ quan") {{CODE}}</span>
<h1 class="govuk-heading-xl" lang="vi">{{NAME}}</h1>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h2 class="govuk-heading-m">_("Nơi tiếp nhận hồ sơ")</h2>
    {{#AT_CENTRE}}<p class="govuk-body">_("Cơ quan này tiếp nhận hồ sơ tại Trung tâm Phục vụ hành chính công của tỉnh.")</p>{{/AT_CENTRE}}
    {{>DESK}}
    <p class="govuk-body"><a class="govuk-link" href="/thu-tuc?agency={{CODE}}">_("Các thủ tục cơ quan này giải quyết")</a></p>
    {{#PARENT}}<p class="govuk-body">_("Thuộc") <a class="govuk-link" href="/co-quan/{{PARENT_CODE}}" lang="vi">{{PARENT_NAME}}</a></p>{{/PARENT}}
    <p class="govuk-body"><a class="govuk-link" href="/co-quan">_("Tất cả cơ quan")</a></p>
  </div>
</div>
