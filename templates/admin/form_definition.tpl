{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{#HAS_ERRORS}}<div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">_("Định nghĩa chưa đăng được")</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">{{#FAULTS}}<li><a href="#dinh_nghia"><code>{{WHERE}}</code>: {{MESSAGE}}</a></li>{{/FAULTS}}</ul>
        </div>
      </div>
    </div>{{/HAS_ERRORS}}
    {{>NOTICE}}
    <span class="govuk-caption-l" lang="vi">{{CODE}} · {{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Biểu mẫu nộp hồ sơ")</h1>
    <p class="govuk-body">_("Phiên bản đang dùng cho hồ sơ mới:") <strong>{{VERSION}}</strong>. _("Mỗi hồ sơ giữ phiên bản nó bắt đầu, nên đăng phiên bản mới không làm hỏng bản nháp hay hồ sơ đã nộp.")</p>
    <h2 class="govuk-heading-m">_("Các phiên bản")</h2>
    <table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Phiên bản")</th><th scope="col" class="govuk-table__header">_("Đăng lúc")</th></tr></thead>
      <tbody class="govuk-table__body">{{#VERSIONS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{NUMBER}}</td><td class="govuk-table__cell">{{AT}}</td></tr>{{/VERSIONS}}</tbody>
    </table>
    <details class="govuk-details">
      <summary class="govuk-details__summary"><span class="govuk-details__summary-text">_("Xem định nghĩa đang dùng (JSON)")</span></summary>
      <div class="govuk-details__text"><pre class="app-json" tabindex="0"><code>{{CURRENT}}</code></pre></div>
    </details>
    <h2 class="govuk-heading-m">_("Đăng phiên bản mới")</h2>
    <form method="post" action="/quan-tri/bieu-mau/{{CODE}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_ERRORS}} govuk-form-group--error{{/HAS_ERRORS}}">
        <label class="govuk-label govuk-label--s" for="dinh_nghia">_("Định nghĩa biểu mẫu (JSON)")</label>
        <div id="dinh_nghia-hint" class="govuk-hint">_("Sửa bản dưới đây rồi đăng. Định nghĩa được kiểm tra trước khi đăng; nếu có lỗi, không có gì thay đổi.")</div>
        {{#HAS_ERRORS}}<p id="dinh_nghia-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> _("Định nghĩa có lỗi, xem danh sách ở đầu trang.")</p>{{/HAS_ERRORS}}
        <textarea class="govuk-textarea{{#HAS_ERRORS}} govuk-textarea--error{{/HAS_ERRORS}}" id="dinh_nghia" name="dinh_nghia" rows="24" spellcheck="false" aria-describedby="dinh_nghia-hint{{#HAS_ERRORS}} dinh_nghia-error{{/HAS_ERRORS}}">{{TEXT}}</textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đăng phiên bản mới")</button>
    </form>
  </div>
</div>
