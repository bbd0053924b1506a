{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span> _("Hộp thư thử nghiệm: chỉ có trong bản thử nghiệm, nơi tin nhắn và email không được gửi thật.")</strong></div>
    <h1 class="govuk-heading-xl">_("Hộp thư thử nghiệm")</h1>
    {{#EMPTY}}<p class="govuk-body">_("Chưa có tin nhắn nào.")</p>{{/EMPTY}}
    {{#MESSAGES}}<div class="govuk-summary-card"><div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">{{SUBJECT}}</h2></div>
      <div class="govuk-summary-card__content"><dl class="govuk-summary-list">
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Gửi đến")</dt><dd class="govuk-summary-list__value">{{CHANNEL}}: {{RECIPIENT}}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Lúc")</dt><dd class="govuk-summary-list__value">{{TIME}}</dd></div>
        <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Nội dung")</dt><dd class="govuk-summary-list__value">{{BODY}}</dd></div>
      </dl></div></div>{{/MESSAGES}}
  </div>
</div>
