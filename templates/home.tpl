{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Dịch vụ công trực tuyến")</h1>
    <p class="govuk-body-l">_("Tìm thủ tục, xem cần chuẩn bị giấy tờ gì, nộp hồ sơ và theo dõi kết quả.")</p>
    {{>SEARCH_FORM}}
  </div>
</div>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h2 class="govuk-heading-l">_("Thủ tục được dùng nhiều nhất")</h2>
    <ul class="govuk-list app-most-used">
      {{#MOST_USED}}<li><a class="govuk-link" href="/thu-tuc/{{CODE}}" lang="vi">{{NAME}}</a></li>{{/MOST_USED}}
    </ul>
  </div>
</div>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-third">
    <h2 class="govuk-heading-m">_("Theo lĩnh vực")</h2>
    <ul class="govuk-list">
      {{#FIELD}}<li><a class="govuk-link" href="/thu-tuc?field={{CODE}}" lang="vi">{{NAME}}</a> ({{COUNT}})</li>{{/FIELD}}
      <li><a class="govuk-link" href="/linh-vuc">_("Tất cả lĩnh vực") ({{FIELD_TOTAL}})</a></li>
    </ul>
  </div>
  <div class="govuk-grid-column-one-third">
    <h2 class="govuk-heading-m">_("Theo cơ quan")</h2>
    <ul class="govuk-list">
      {{#AGENCY}}<li><a class="govuk-link" href="/thu-tuc?agency={{CODE}}" lang="vi">{{NAME}}</a></li>{{/AGENCY}}
      <li><a class="govuk-link" href="/co-quan">_("Tất cả cơ quan")</a></li>
    </ul>
  </div>
  <div class="govuk-grid-column-one-third">
    <h2 class="govuk-heading-m">_("Theo cấp thực hiện")</h2>
    <ul class="govuk-list">
      {{#LEVEL}}<li><a class="govuk-link" href="/thu-tuc?level={{CODE}}">{{NAME}}</a> ({{COUNT}})</li>{{/LEVEL}}
    </ul>
    <p class="govuk-body">_("Tổng số thủ tục:") {{PROCEDURE_TOTAL}}</p>
  </div>
</div>
