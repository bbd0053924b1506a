{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <span class="govuk-caption-l">_("Dành cho cán bộ")</span>
    <h1 class="govuk-heading-xl">_("Hộp thư hồ sơ")</h1>
    {{#NO_QUEUES}}<p class="govuk-body">_("Vai trò của bạn không có hàng hồ sơ nào để xử lý.")</p>{{/NO_QUEUES}}
    <nav aria-label="_("Các hàng hồ sơ")">
      <ul class="govuk-list app-queues">
        {{#QUEUES}}<li><a class="govuk-link" href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{#CURRENT}}<strong>{{/CURRENT}}{{NAME}} ({{COUNT}}){{#CURRENT}}</strong>{{/CURRENT}}</a></li>{{/QUEUES}}
      </ul>
    </nav>
    <form method="get" action="/can-bo/hop-thu" novalidate>
      <input type="hidden" name="hang" value="{{QUEUE_SLUG}}">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Lọc hồ sơ")</legend>
        <div class="govuk-form-group">
          <label class="govuk-label" for="thu_tuc">_("Mã thủ tục")</label>
          <input class="govuk-input govuk-input--width-10" id="thu_tuc" name="thu_tuc" type="text" value="{{PROCEDURE_FILTER}}" autocomplete="off" spellcheck="false">
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="linh_vuc">_("Lĩnh vực")</label>
          <select class="govuk-select" id="linh_vuc" name="linh_vuc"><option value="">_("Tất cả lĩnh vực")</option>{{#FIELDS}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FIELDS}}</select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="trang_thai">_("Trạng thái")</label>
          <select class="govuk-select" id="trang_thai" name="trang_thai"><option value="">_("Tất cả trạng thái")</option>{{#STATUSES}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/STATUSES}}</select>
        </div>
      </fieldset>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Lọc")</button>
    </form>
    {{#EMPTY}}<p class="govuk-body">_("Không có hồ sơ nào trong hàng này.")</p>{{/EMPTY}}
    {{#HAS_ROWS}}<div class="app-table-scroll" role="region" aria-label="{{QUEUE}}" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{{QUEUE}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Mã hồ sơ")</th><th scope="col" class="govuk-table__header">_("Thủ tục")</th><th scope="col" class="govuk-table__header">_("Người nộp")</th><th scope="col" class="govuk-table__header">_("Trạng thái")</th><th scope="col" class="govuk-table__header">_("Bước và người giữ")</th>{{#RECEPTION_HEAD}}<th scope="col" class="govuk-table__header">_("Nộp lúc")</th><th scope="col" class="govuk-table__header">_("Đã chờ")</th>{{/RECEPTION_HEAD}}{{#DUE_HEAD}}<th scope="col" class="govuk-table__header">_("Hẹn trả")</th><th scope="col" class="govuk-table__header">_("Tình trạng hạn")</th>{{/DUE_HEAD}}</tr></thead>
      <tbody class="govuk-table__body">
      {{#ROWS}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="{{URL}}">{{CODE}}</a></td><td class="govuk-table__cell" lang="vi">{{PROCEDURE}}</td><td class="govuk-table__cell" lang="vi">{{APPLICANT}}</td><td class="govuk-table__cell"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong><br><span class="govuk-body-s">{{CHANNEL}}</span></td><td class="govuk-table__cell" lang="vi">{{STEP}}<br><span class="govuk-body-s">{{HOLDER}}</span></td>{{#RECEPTION_CELLS}}<td class="govuk-table__cell">{{SUBMITTED}}</td><td class="govuk-table__cell">{{WAITED}}</td>{{/RECEPTION_CELLS}}{{#DUE_CELLS}}<td class="govuk-table__cell">{{APPOINTMENT}}</td><td class="govuk-table__cell"><strong class="govuk-tag {{MARK_CLASS}}">{{MARK}}</strong></td>{{/DUE_CELLS}}</tr>{{/ROWS}}
      </tbody>
    </table>
    </div>{{/HAS_ROWS}}
    {{#PAGINATION}}<nav class="govuk-pagination govuk-pagination--block" aria-label="_("Trang")">
      {{#HAS_FIRST}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{{FIRST_URL}}" rel="prev"><span class="govuk-pagination__link-title">_("Trang đầu")</span></a></div>{{/HAS_FIRST}}
      {{#HAS_NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{{NEXT_URL}}" rel="next"><span class="govuk-pagination__link-title">_("Trang sau")</span></a></div>{{/HAS_NEXT}}
    </nav>{{/PAGINATION}}
  </div>
</div>
