{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{#HAS_ERRORS}}<div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">_("Quy trình chưa đăng được")</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">{{#FAULTS}}<li><a href="#dinh_nghia"><code>{{WHERE}}</code>: {{MESSAGE}}</a></li>{{/FAULTS}}</ul>
        </div>
      </div>
    </div>{{/HAS_ERRORS}}
    {{>NOTICE}}
    <span class="govuk-caption-l">{{TITLE}}</span>
    <h1 class="govuk-heading-xl">{{NAME}}</h1>
    {{#OWN}}<p class="govuk-body">_("Phiên bản đang dùng cho hồ sơ mới:") <strong>{{VERSION}}</strong>. _("Mỗi hồ sơ giữ phiên bản quy trình nó bắt đầu, nên đăng phiên bản mới không đổi các bước của hồ sơ đang xử lý.")</p>{{/OWN}}
    {{#INHERITED}}<div class="govuk-inset-text">
      <p class="govuk-body">_("Thủ tục này chưa có quy trình riêng: hồ sơ của nó theo quy trình mặc định") <code>{{INHERITED_FROM}}</code>, _("phiên bản") {{VERSION}}.</p>
      <form method="post" action="/quan-tri/quy-trinh" novalidate>
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="thu_tuc" value="{{KEY}}">
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tạo quy trình riêng từ quy trình mặc định")</button>
      </form>
    </div>{{/INHERITED}}
    <div class="app-table-scroll" role="region" aria-label="_("Các bước")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">_("Các bước")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Bước")</th><th scope="col" class="govuk-table__header">_("Người thực hiện")</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">_("Tỉ lệ thời gian")</th><th scope="col" class="govuk-table__header">_("Thao tác")</th><th scope="col" class="govuk-table__header">_("Bước tiếp theo")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#STEPS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{STEP}} <code>{{ID}}</code></td><td class="govuk-table__cell">{{ROLE}}{{#OTHER_AGENCY}}, {{AGENCY}}{{/OTHER_AGENCY}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{SHARE}}%</td><td class="govuk-table__cell">{{ACTIONS}}</td><td class="govuk-table__cell">{{NEXT}}</td></tr>{{/STEPS}}
      </tbody>
    </table>
    </div>
    {{#OWN}}<h2 class="govuk-heading-m">_("Các phiên bản")</h2>
    <table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Phiên bản")</th><th scope="col" class="govuk-table__header">_("Đăng lúc")</th><th scope="col" class="govuk-table__header">_("Người đăng")</th></tr></thead>
      <tbody class="govuk-table__body">{{#VERSIONS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{NUMBER}}</td><td class="govuk-table__cell">{{AT}}</td><td class="govuk-table__cell">{{BY}}</td></tr>{{/VERSIONS}}</tbody>
    </table>{{/OWN}}
    <h2 class="govuk-heading-m">_("Đăng phiên bản mới")</h2>
    <form method="post" action="{{ACTION}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_ERRORS}} govuk-form-group--error{{/HAS_ERRORS}}">
        <label class="govuk-label govuk-label--s" for="dinh_nghia">_("Định nghĩa quy trình (JSON)")</label>
        <div id="dinh_nghia-hint" class="govuk-hint">_("Mỗi bước có mã (id), tên, vai trò (role), tỉ lệ thời gian (share_percent, tổng 100), các thao tác (actions), các bước tiếp theo (next) và final: true ở bước cuối; agency_code khi bước do cơ quan khác thực hiện. Quy trình được kiểm tra trước khi đăng; nếu có lỗi, không có gì thay đổi.")</div>
        {{#HAS_ERRORS}}<p id="dinh_nghia-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> _("Quy trình có lỗi, xem danh sách ở đầu trang.")</p>{{/HAS_ERRORS}}
        <textarea class="govuk-textarea{{#HAS_ERRORS}} govuk-textarea--error{{/HAS_ERRORS}}" id="dinh_nghia" name="dinh_nghia" rows="24" spellcheck="false" aria-describedby="dinh_nghia-hint{{#HAS_ERRORS}} dinh_nghia-error{{/HAS_ERRORS}}">{{TEXT}}</textarea>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đăng phiên bản mới")</button>
    </form>
  </div>
</div>
