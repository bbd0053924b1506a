{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Sổ theo dõi hồ sơ")</h1>
    <p class="govuk-body">_("Sổ theo dõi hồ sơ (mẫu số 06) liệt kê các hồ sơ cơ quan đã tiếp nhận trong khoảng ngày bạn chọn. Tải về để in hoặc mở bằng bảng tính.")</p>
    <form method="get" action="/can-bo/so-theo-doi" novalidate>
      <div class="govuk-form-group{{#HAS_AGENCY_ERROR}} govuk-form-group--error{{/HAS_AGENCY_ERROR}}">
        <label class="govuk-label govuk-label--s" for="co_quan">_("Cơ quan")</label>
        {{#HAS_AGENCY_ERROR}}<p id="co_quan-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{AGENCY_ERROR}}</p>{{/HAS_AGENCY_ERROR}}
        <select class="govuk-select" id="co_quan" name="co_quan">{{#AGENCIES}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/AGENCIES}}</select>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">{{>F_FROM}}</div>
        <div class="govuk-grid-column-one-half">{{>F_TO}}</div>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Xem sổ")</button>
    </form>
    {{#LINKS}}<h2 class="govuk-heading-m">_("Tải sổ về")</h2>
    {{#HAS_COUNT}}<p class="govuk-body">{{COUNT}}</p>{{/HAS_COUNT}}
    <ul class="govuk-list">
      <li><a class="govuk-link" href="{{PDF}}">_("Tải sổ dạng PDF (in khổ A4 ngang)")</a></li>
      <li><a class="govuk-link" href="{{XLSX}}">_("Tải sổ dạng bảng tính Excel (.xlsx)")</a></li>
    </ul>{{/LINKS}}
  </div>
</div>
