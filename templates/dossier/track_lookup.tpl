{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Tra cứu hồ sơ")</h1>
    {{#FOUND}}<div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">_("Hồ sơ") {{FOUND_CODE}}</h2></div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Trạng thái")</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong></dd></div>
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Thủ tục")</dt><dd class="govuk-summary-list__value" lang="vi">{{PROCEDURE}}</dd></div>
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cơ quan giải quyết")</dt><dd class="govuk-summary-list__value" lang="vi">{{AGENCY}}</dd></div>
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người nộp")</dt><dd class="govuk-summary-list__value" lang="vi">{{FIRST_NAME}}</dd></div>
          {{#HAS_EXPECTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ngày hẹn trả kết quả")</dt><dd class="govuk-summary-list__value">{{EXPECTED}}</dd></div>{{/HAS_EXPECTED}}
        </dl>
        <p class="govuk-body">{{NEXT}}</p>
        <h3 class="govuk-heading-s">_("Diễn biến hồ sơ")</h3>
        <ol class="govuk-list">{{#TIMELINE}}<li><strong>{{SENTENCE}}</strong> <span class="govuk-body-s">{{AT}}</span></li>{{/TIMELINE}}</ol>
      </div>
    </div>{{/FOUND}}
    {{#NOT_FOUND}}<div class="govuk-inset-text" role="status">_("Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này. Hãy kiểm tra lại hai mã in trên giấy tiếp nhận, hoặc gọi số điện thoại in trên giấy đó.")</div>{{/NOT_FOUND}}
    {{#IS_THROTTLED}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span>{{THROTTLED}}.</strong></div>{{/IS_THROTTLED}}
    <p class="govuk-body">_("Nhập mã hồ sơ và mã tra cứu in trên giấy tiếp nhận. Không cần đăng nhập.")</p>
    <form action="/tra-cuu" method="post" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_CODE_ERROR}} govuk-form-group--error{{/HAS_CODE_ERROR}}">
        <label class="govuk-label govuk-label--m" for="ma">_("Mã hồ sơ")</label>
        <div id="ma-hint" class="govuk-hint">_("In trên giấy tiếp nhận hồ sơ, ví dụ 000.00.31.H40-250301-0001")</div>
        {{#HAS_CODE_ERROR}}<p id="ma-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{CODE_ERROR}}</p>{{/HAS_CODE_ERROR}}
        <input class="govuk-input{{#HAS_CODE_ERROR}} govuk-input--error{{/HAS_CODE_ERROR}}" id="ma" name="ma" type="text" value="{{CODE}}" aria-describedby="ma-hint{{#HAS_CODE_ERROR}} ma-error{{/HAS_CODE_ERROR}}" autocomplete="off" spellcheck="false">
      </div>
      <div class="govuk-form-group{{#HAS_SECRET_ERROR}} govuk-form-group--error{{/HAS_SECRET_ERROR}}">
        <label class="govuk-label govuk-label--m" for="ma_tra_cuu">_("Mã tra cứu")</label>
        <div id="ma_tra_cuu-hint" class="govuk-hint">_("6 ký tự, in ngay dưới mã hồ sơ")</div>
        {{#HAS_SECRET_ERROR}}<p id="ma_tra_cuu-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{SECRET_ERROR}}</p>{{/HAS_SECRET_ERROR}}
        <input class="govuk-input govuk-input--width-10{{#HAS_SECRET_ERROR}} govuk-input--error{{/HAS_SECRET_ERROR}}" id="ma_tra_cuu" name="ma_tra_cuu" type="text" value="{{SECRET}}" aria-describedby="ma_tra_cuu-hint{{#HAS_SECRET_ERROR}} ma_tra_cuu-error{{/HAS_SECRET_ERROR}}" autocomplete="off" autocapitalize="characters" spellcheck="false">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tra cứu")</button>
    </form>
  </div>
</div>
