{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Hồ sơ của tôi")</h1>
    {{#EMPTY}}<p class="govuk-body">_("Bạn chưa có hồ sơ nào.")</p>
    <p class="govuk-body">_("Hồ sơ bạn nộp trực tuyến sẽ hiện ở đây, cùng bản nháp chưa nộp và kết quả.")</p>
    <p class="govuk-body"><a class="govuk-link" href="/thu-tuc">_("Tìm thủ tục để nộp hồ sơ")</a></p>{{/EMPTY}}
    {{#GROUPS}}<h2 class="govuk-heading-l" id="{{ANCHOR}}">{{HEADING}} <span class="govuk-caption-m">({{COUNT}})</span></h2>
    {{#ROWS}}<div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title" lang="vi">{{PROCEDURE}}</h3>
        <ul class="govuk-summary-card__actions"><li class="govuk-summary-card__action"><a class="govuk-link" href="{{URL}}">{{ACTION}}<span class="govuk-visually-hidden"> {{PROCEDURE}}</span></a></li></ul>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Trạng thái")</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong></dd></div>
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người được giải quyết")</dt><dd class="govuk-summary-list__value" lang="vi">{{APPLICANT}}</dd></div>
          {{#HAS_CODE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mã hồ sơ")</dt><dd class="govuk-summary-list__value">{{CODE}}</dd></div>{{/HAS_CODE}}
          <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cập nhật")</dt><dd class="govuk-summary-list__value">{{UPDATED}}</dd></div>
          {{#HAS_EXPECTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ngày hẹn trả kết quả")</dt><dd class="govuk-summary-list__value">{{EXPECTED}}</dd></div>{{/HAS_EXPECTED}}
        </dl>
      </div>
    </div>{{/ROWS}}{{/GROUPS}}
    <p class="govuk-body"><a class="govuk-link" href="/thu-tuc">_("Nộp hồ sơ cho một thủ tục khác")</a></p>
  </div>
</div>
