{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{#HAS_ERROR}}<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert"><h2 class="govuk-error-summary__title">_("Có vấn đề")</h2><div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#ma">{{ERROR}}</a></li></ul></div></div></div>{{/HAS_ERROR}}
    <h1 class="govuk-heading-xl">_("Tra cứu hồ sơ")</h1>
    <form action="/tra-cuu" method="get" novalidate>
      <div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
        <label class="govuk-label govuk-label--m" for="ma">_("Mã hồ sơ")</label>
        <div id="ma-hint" class="govuk-hint">_("In trên giấy tiếp nhận hồ sơ, ví dụ 000.00.31.H40-250301-0001")</div>
        {{#HAS_ERROR}}<p id="ma-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
        <input class="govuk-input{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="ma" name="ma" type="text" value="{{CODE}}" aria-describedby="ma-hint{{#HAS_ERROR}} ma-error{{/HAS_ERROR}}" autocomplete="off" spellcheck="false">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tra cứu")</button>
    </form>
    {{#NOT_FOUND}}<div class="govuk-inset-text" role="status">_("Không tìm thấy hồ sơ có mã") <strong>{{CODE}}</strong>. _("Hãy kiểm tra lại mã trên giấy tiếp nhận, hoặc gọi số điện thoại in trên giấy đó.")</div>{{/NOT_FOUND}}
  </div>
</div>
