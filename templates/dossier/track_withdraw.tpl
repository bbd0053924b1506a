{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}} · {{CODE}}</span>
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    {{#IMMEDIATE}}<p class="govuk-body">_("Cán bộ chưa tiếp nhận hồ sơ này. Khi bạn rút, hồ sơ dừng ngay và cơ quan sẽ không giải quyết nữa. Bạn có thể nộp hồ sơ mới bất cứ lúc nào.")</p>{{/IMMEDIATE}}
    {{#REQUEST}}<p class="govuk-body">_("Cơ quan đã tiếp nhận hồ sơ này, nên việc rút hồ sơ là một đề nghị gửi cơ quan. Cơ quan sẽ xem xét và báo cho bạn kết quả.")</p>{{/REQUEST}}
    <form method="post" action="/ho-so/{{ID}}/rut" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_REASON_ERROR}} govuk-form-group--error{{/HAS_REASON_ERROR}}">
        <label class="govuk-label govuk-label--m" for="ly_do">_("Vì sao bạn rút hồ sơ?")</label>
        <div id="ly_do-hint" class="govuk-hint">_("Ví dụ: nộp nhầm thủ tục, đã nộp trực tiếp tại quầy")</div>
        {{#HAS_REASON_ERROR}}<p id="ly_do-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{REASON_ERROR}}</p>{{/HAS_REASON_ERROR}}
        <textarea class="govuk-textarea{{#HAS_REASON_ERROR}} govuk-textarea--error{{/HAS_REASON_ERROR}}" id="ly_do" name="ly_do" rows="3" aria-describedby="ly_do-hint{{#HAS_REASON_ERROR}} ly_do-error{{/HAS_REASON_ERROR}}">{{REASON}}</textarea>
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{{HEADING}}</button>
        <a class="govuk-link" href="/ho-so/{{ID}}">_("Không, quay lại hồ sơ")</a>
      </div>
    </form>
  </div>
</div>
