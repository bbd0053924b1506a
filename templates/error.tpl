{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    <p class="govuk-body">{{MESSAGE}}</p>
    {{#NOT_FOUND}}<p class="govuk-body"><a class="govuk-link" href="/thu-tuc">_("Tìm thủ tục hành chính")</a> _("hoặc") <a class="govuk-link" href="/">_("về trang chủ")</a>.</p>{{/NOT_FOUND}}
    <p class="govuk-body-s">_("Mã yêu cầu (cho bộ phận hỗ trợ):") <code>{{REQUEST_ID}}</code></p>
  </div>
</div>
