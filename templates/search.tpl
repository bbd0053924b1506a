{{%AUTOESCAPE context="HTML"}}<h1 class="govuk-heading-xl">{{#HAS_QUERY}}_("Kết quả tìm kiếm"){{/HAS_QUERY}}{{#NO_QUERY}}_("Thủ tục hành chính"){{/NO_QUERY}}</h1>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-third app-filter">
    {{>SEARCH_FORM}}
    <details class="govuk-details"{{#FILTERS_OPEN}} open{{/FILTERS_OPEN}}>
    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">_("Lọc kết quả")</span></summary>
    <div class="govuk-details__text">
    <form action="/thu-tuc" method="get">
      <input type="hidden" name="q" value="{{Q}}">
      <div class="govuk-form-group">
        <label class="govuk-label" for="field">_("Lĩnh vực")</label>
        <select class="govuk-select" id="field" name="field">{{#FIELD_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FIELD_OPTION}}</select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="agency">_("Cơ quan")</label>
        <select class="govuk-select" id="agency" name="agency">{{#AGENCY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/AGENCY_OPTION}}</select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="level">_("Cấp thực hiện")</label>
        <select class="govuk-select" id="level" name="level">{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/LEVEL_OPTION}}</select>
      </div>
      <div class="govuk-form-group">
        <label class="govuk-label" for="online">_("Mức độ trực tuyến")</label>
        <select class="govuk-select" id="online" name="online">{{#ONLINE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ONLINE_OPTION}}</select>
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Áp dụng bộ lọc")</button>
    </form>
    </div>
    </details>
  </div>
  <div class="govuk-grid-column-two-thirds">
    {{#HAS_RESULTS}}
    <p class="govuk-body" role="status">_("Tìm thấy") <strong>{{TOTAL}}</strong> {{PROCEDURE_WORD}}{{#HAS_QUERY}} _("cho") “{{Q}}”{{/HAS_QUERY}}.</p>
    <ol class="govuk-list app-search-results">
      {{#RESULT}}<li>
        <h2 class="govuk-heading-s"><a class="govuk-link" href="/thu-tuc/{{CODE}}" lang="vi">{{NAME}}</a></h2>
        <p class="govuk-body-s">{{CODE}} · <span lang="vi">{{FIELD}}</span> · {{LEVELS}}{{#ONLINE}} · <strong class="govuk-tag govuk-tag--green">{{ONLINE_LEVEL}}</strong>{{/ONLINE}}</p>
      </li>{{/RESULT}}
    </ol>
    {{/HAS_RESULTS}}
    {{#NO_RESULTS}}
    <div role="status"><h2 class="govuk-heading-m">_("Không tìm thấy thủ tục nào phù hợp"){{#HAS_QUERY}} _("với") “{{Q}}”{{/HAS_QUERY}}</h2></div>
    <p class="govuk-body">_("Bạn có thể:")</p>
    <ul class="govuk-list govuk-list--bullet">
      <li>_("kiểm tra chính tả, hoặc gõ ít từ hơn (ví dụ “khai sinh” thay vì cả tên thủ tục)")</li>
      <li>_("bỏ bớt bộ lọc lĩnh vực, cơ quan hoặc cấp thực hiện")</li>
      <li><a class="govuk-link" href="/linh-vuc">_("xem danh sách thủ tục theo lĩnh vực")</a></li>
      <li>_("hỏi cán bộ tại bộ phận một cửa gần nhất: cán bộ sẽ hướng dẫn bạn")</li>
    </ul>
    {{/NO_RESULTS}}
    {{#PAGINATION}}
    <nav class="govuk-pagination" aria-label="_("Phân trang")">
      {{#PREV}}<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="{{PREV_URL}}" rel="prev"><span class="govuk-pagination__link-title">_("Trang trước")</span></a></div>{{/PREV}}
      <p class="govuk-body govuk-!-margin-bottom-0">_("Trang") {{PAGE}} / {{PAGE_COUNT}}</p>
      {{#NEXT}}<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="{{NEXT_URL}}" rel="next"><span class="govuk-pagination__link-title">_("Trang sau")</span></a></div>{{/NEXT}}
    </nav>
    {{/PAGINATION}}
  </div>
</div>
