{{%AUTOESCAPE context="HTML"}}<a href="{{BASE}}/danh-sach" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{#HAS_PROBLEMS}}<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
      <h2 class="govuk-error-summary__title">_("Có vấn đề")</h2>
      <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">{{#PROBLEMS}}<li><a href="{{PROBLEM_URL}}">{{PROBLEM}}</a></li>{{/PROBLEMS}}</ul></div>
    </div></div>{{/HAS_PROBLEMS}}
    <span class="govuk-caption-l">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-l">_("Kiểm tra câu trả lời trước khi nộp")</h1>
    {{#CARDS}}<div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">{{CARD_TITLE}}</h2></div>
      <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
        {{#ROWS}}<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{{KEY}}</dt>
          <dd class="govuk-summary-list__value">{{#IS_MISSING}}<span class="govuk-error-message app-missing">{{MISSING}}</span>{{/IS_MISSING}}{{VALUE}}{{#OFFICER}} <strong class="govuk-tag govuk-tag--yellow">_("Cán bộ đã điền")</strong>{{/OFFICER}}</dd>
          <dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{CHANGE_URL}}">_("Thay đổi")<span class="govuk-visually-hidden"> {{KEY}}</span></a></dd>
        </div>{{/ROWS}}
      </dl></div>
    </div>{{/CARDS}}
    {{#HAS_DOCUMENTS}}<div class="govuk-summary-card">
      <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">_("Giấy tờ đính kèm")</h2></div>
      <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
        {{#DOCUMENTS}}<div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{{DOC_NAME}}</dt>
          <dd class="govuk-summary-list__value">{{#HAS_NO_FILE}}<span class="app-missing">{{NO_FILE}}</span>{{/HAS_NO_FILE}}{{#FILES}}{{FILE_NAME}} ({{FILE_SIZE}}){{#FILE_OFFICER}} <strong class="govuk-tag govuk-tag--yellow">_("Cán bộ đã đính kèm")</strong>{{/FILE_OFFICER}}<br>{{/FILES}}</dd>
          <dd class="govuk-summary-list__actions"><a class="govuk-link" href="{{BASE}}/giay-to#tep-{{DOC_ID}}">_("Thay đổi")<span class="govuk-visually-hidden"> {{DOC_NAME}}</span></a></dd>
        </div>{{/DOCUMENTS}}
      </dl></div>
    </div>{{/HAS_DOCUMENTS}}
    <h2 class="govuk-heading-m">_("Cam đoan")</h2>
    <form method="post" action="{{BASE}}/nop" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#HAS_DECLARATION_ERROR}} govuk-form-group--error{{/HAS_DECLARATION_ERROR}}">
        {{#HAS_DECLARATION_ERROR}}<p id="cam_doan-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{DECLARATION_ERROR}}</p>{{/HAS_DECLARATION_ERROR}}
        <div class="govuk-checkboxes" data-module="govuk-checkboxes">
          <div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="cam_doan" name="cam_doan" type="checkbox" value="co"{{#HAS_DECLARATION_ERROR}} aria-describedby="cam_doan-error"{{/HAS_DECLARATION_ERROR}}><label class="govuk-label govuk-checkboxes__label" for="cam_doan">_("Tôi cam đoan những thông tin trên là đúng sự thật và chịu trách nhiệm trước pháp luật về lời cam đoan của mình.")</label></div>
        </div>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">_("Nộp hồ sơ")</button>
    </form>
  </div>
</div>
