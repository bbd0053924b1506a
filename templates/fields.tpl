{{%AUTOESCAPE context="HTML"}}<h1 class="govuk-heading-xl">_("Thủ tục theo lĩnh vực")</h1>
<ul class="govuk-list">
  {{#FIELD}}<li><a class="govuk-link" href="/thu-tuc?field={{CODE}}" lang="vi">{{NAME}}</a> ({{COUNT}})</li>{{/FIELD}}
</ul>
