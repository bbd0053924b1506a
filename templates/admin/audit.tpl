{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Nhật ký hệ thống")</h1>
    <form method="post" action="/quan-tri/nhat-ky" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">{{>F_PERSON}}</div>
        <div class="govuk-grid-column-one-third">{{>F_OBJECT}}</div>
        <div class="govuk-grid-column-one-third">{{>F_ACTION}}</div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">{{>F_FROM}}</div>
        <div class="govuk-grid-column-one-third">{{>F_TO}}</div>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm")</button>
    </form>
    <div class="app-table-scroll" role="region" aria-label="_("Nhật ký hệ thống")" tabindex="0">
    <table class="govuk-table app-audit-table app-stacked-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{{COUNT}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">#</th><th scope="col" class="govuk-table__header">_("Lúc")</th><th scope="col" class="govuk-table__header">_("Người thực hiện")</th><th scope="col" class="govuk-table__header">_("Hành động")</th><th scope="col" class="govuk-table__header">_("Đối tượng")</th><th scope="col" class="govuk-table__header">_("Từ")</th><th scope="col" class="govuk-table__header">_("Chi tiết")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#ENTRIES}}<tr class="govuk-table__row"><td class="govuk-table__cell" data-label="#">{{SEQ}}</td><td class="govuk-table__cell" data-label="_("Lúc")">{{TIME}}</td><td class="govuk-table__cell" data-label="_("Người thực hiện")">{{ACTOR}}{{#HAS_ROLE}}<br><span class="govuk-body-s">{{ROLE}} {{AGENCY}}</span>{{/HAS_ROLE}}</td><td class="govuk-table__cell" data-label="_("Hành động")">{{ACTION}}<br><span class="govuk-body-s"><code>{{ACTION_CODE}}</code></span></td><td class="govuk-table__cell" data-label="_("Đối tượng")">{{OBJECT}}</td><td class="govuk-table__cell" data-label="_("Từ")">{{IP}}<br><span class="govuk-body-s">{{AGENT}}</span><br><span class="govuk-body-s">{{REQUEST_ID}}</span></td><td class="govuk-table__cell app-audit-table__details" data-label="_("Chi tiết")"><code>{{SUMMARY}}</code></td></tr>{{/ENTRIES}}
      </tbody>
    </table>
    </div>
    {{#MORE}}<p class="govuk-body"><a class="govuk-link" href="{{MORE_URL}}">_("Các mục cũ hơn")</a></p>{{/MORE}}
    {{#MORE_FORM}}<form method="post" action="/quan-tri/nhat-ky" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{#FILTERS}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/FILTERS}}
      <input type="hidden" name="truoc" value="{{BEFORE}}">
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Các mục cũ hơn")</button>
    </form>{{/MORE_FORM}}
  </div>
</div>
