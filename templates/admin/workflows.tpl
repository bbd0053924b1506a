{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{>NOTICE}}
    <h1 class="govuk-heading-xl">_("Quy trình xử lý hồ sơ")</h1>
    <p class="govuk-body">_("Mỗi hồ sơ được tiếp nhận theo quy trình riêng của thủ tục nếu có, nếu không theo quy trình mặc định của cấp cơ quan. Hồ sơ giữ phiên bản quy trình mà nó bắt đầu.")</p>
    <div class="app-table-scroll" role="region" aria-label="_("Quy trình mặc định")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">_("Quy trình mặc định")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Quy trình")</th><th scope="col" class="govuk-table__header">_("Mã")</th><th scope="col" class="govuk-table__header">_("Phiên bản đang dùng")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#DEFAULTS}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a></td><td class="govuk-table__cell"><code>{{KEY}}</code></td><td class="govuk-table__cell">{{VERSION}}</td></tr>{{/DEFAULTS}}
      </tbody>
    </table>
    </div>
    <div class="app-table-scroll" role="region" aria-label="_("Quy trình riêng của thủ tục")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">_("Quy trình riêng của thủ tục")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Thủ tục")</th><th scope="col" class="govuk-table__header">_("Mã")</th><th scope="col" class="govuk-table__header">_("Phiên bản đang dùng")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#PROCEDURES}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{HREF}}">{{TITLE}}</a></td><td class="govuk-table__cell"><code>{{KEY}}</code></td><td class="govuk-table__cell">{{VERSION}}</td></tr>{{/PROCEDURES}}
      {{#NO_PROCEDURES}}<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="3">_("Chưa thủ tục nào có quy trình riêng.")</td></tr>{{/NO_PROCEDURES}}
      </tbody>
    </table>
    </div>
    <h2 class="govuk-heading-m">_("Tạo quy trình riêng cho một thủ tục")</h2>
    <form method="post" action="/quan-tri/quy-trinh" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="thu_tuc">_("Mã thủ tục")</label>
        <div id="thu_tuc-hint" class="govuk-hint">_("Ví dụ: 1.001193. Quy trình mới bắt đầu từ quy trình mặc định của cấp giải quyết thủ tục; sửa rồi đăng phiên bản tiếp theo.")</div>
        <input class="govuk-input govuk-input--width-10" id="thu_tuc" name="thu_tuc" type="text" spellcheck="false" autocomplete="off" aria-describedby="thu_tuc-hint">
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tạo từ quy trình mặc định")</button>
    </form>
  </div>
</div>
