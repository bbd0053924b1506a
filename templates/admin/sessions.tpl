{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <h1 class="govuk-heading-xl">_("Các phiên đăng nhập đang mở")</h1>
    <div class="app-table-scroll" role="region" aria-label="_("Các phiên đăng nhập đang mở")" tabindex="0">
    <table class="govuk-table app-stacked-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{{COUNT}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Tài khoản")</th><th scope="col" class="govuk-table__header">_("Địa chỉ")</th><th scope="col" class="govuk-table__header">_("Thiết bị")</th><th scope="col" class="govuk-table__header">_("Đăng nhập lúc")</th><th scope="col" class="govuk-table__header">_("Hoạt động gần nhất")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#SESSIONS}}<tr class="govuk-table__row"><td class="govuk-table__cell" data-label="_("Tài khoản")">{{USER}}</td><td class="govuk-table__cell" data-label="_("Địa chỉ")">{{IP}}</td><td class="govuk-table__cell" data-label="_("Thiết bị")">{{AGENT}}</td><td class="govuk-table__cell" data-label="_("Đăng nhập lúc")">{{CREATED}}</td><td class="govuk-table__cell" data-label="_("Hoạt động gần nhất")">{{SEEN}}</td></tr>{{/SESSIONS}}
      </tbody>
    </table>
    </div>
  </div>
</div>
