{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <h1 class="govuk-heading-xl">_("Cán bộ và vai trò")</h1>
    <form method="get" action="/quan-tri/can-bo" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="q">_("Tìm theo tên hoặc tên đăng nhập")</label>
        <input class="govuk-input govuk-input--width-20" id="q" name="q" type="search" value="{{Q}}" autocomplete="off">
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tìm")</button>
    </form>
    <p class="govuk-body"><a class="govuk-button" href="/quan-tri/can-bo/moi">_("Thêm cán bộ")</a></p>
    <div class="app-table-scroll" role="region" aria-label="_("Cán bộ và vai trò")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{{COUNT}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Họ và tên")</th><th scope="col" class="govuk-table__header">_("Tên đăng nhập")</th><th scope="col" class="govuk-table__header">_("Vai trò")</th><th scope="col" class="govuk-table__header">_("Trạng thái")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#OFFICERS}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/quan-tri/can-bo/{{ID}}">{{NAME}}</a></td><td class="govuk-table__cell">{{LOGIN}}</td><td class="govuk-table__cell">{{ROLES}}</td><td class="govuk-table__cell">{{STATUS}}</td></tr>{{/OFFICERS}}
      </tbody>
    </table>
    </div>
  </div>
</div>
