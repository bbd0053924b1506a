{{%AUTOESCAPE context="HTML"}}<h1 class="govuk-heading-xl">_("Cơ quan giải quyết thủ tục")</h1>
<h2 class="govuk-heading-l">_("Cấp tỉnh")</h2>
<ul class="govuk-list">
  {{#PROVINCE_AGENCY}}<li><a class="govuk-link" href="/co-quan/{{CODE}}" lang="vi">{{NAME}}</a> <span class="govuk-body-s">({{CODE}}){{#ONE_STOP}} · _("có bộ phận một cửa"){{/ONE_STOP}}</span></li>{{/PROVINCE_AGENCY}}
</ul>
<h2 class="govuk-heading-l">_("Cấp huyện và cấp xã")</h2>
{{#DISTRICT}}
<details class="govuk-details">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text" lang="vi">{{NAME}}</span></summary>
  <div class="govuk-details__text">
    <p class="govuk-body"><a class="govuk-link" href="/co-quan/{{CODE}}">{{NAME}}</a> <span class="govuk-body-s">({{CODE}})</span> · <a class="govuk-link" href="/thu-tuc?agency={{CODE}}">_("Thủ tục của") {{NAME}}</a></p>
    <ul class="govuk-list" lang="vi">{{#COMMUNE}}<li><a class="govuk-link" href="/co-quan/{{CODE}}">{{NAME}}</a> <span class="govuk-body-s">({{CODE}})</span></li>{{/COMMUNE}}</ul>
  </div>
</details>
{{/DISTRICT}}
