{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Hướng dẫn người dân nộp hồ sơ trực tuyến")</h1>
    <p class="govuk-body">_("Người dân mở bản nháp trên điện thoại, chọn “Nhờ cán bộ hướng dẫn” và đọc cho bạn mã 6 ký tự. Nhập mã để mở bản nháp trên máy của bạn.")</p>
    <form method="post" action="/can-bo/huong-dan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_CODE_ERROR}} govuk-form-group--error{{/HAS_CODE_ERROR}}">
        <label class="govuk-label govuk-label--m" for="ma">_("Mã hướng dẫn")</label>
        <div id="ma-hint" class="govuk-hint">_("6 ký tự, ví dụ K7P QM2")</div>
        {{#HAS_CODE_ERROR}}<p id="ma-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{CODE_ERROR}}</p>{{/HAS_CODE_ERROR}}
        <input class="govuk-input govuk-input--width-10{{#HAS_CODE_ERROR}} govuk-input--error{{/HAS_CODE_ERROR}}" id="ma" name="ma" type="text" value="{{CODE}}" aria-describedby="ma-hint{{#HAS_CODE_ERROR}} ma-error{{/HAS_CODE_ERROR}}" autocomplete="off" autocapitalize="characters" spellcheck="false">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Mở bản nháp")</button>
    </form>
    <p class="govuk-body-s">_("Việc mở và mọi thay đổi của bạn trên bản nháp đều được ghi vào nhật ký hệ thống.")</p>
  </div>
</div>
