{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    <dl class="govuk-summary-list">
      {{#FACTS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{LABEL}}</dt><dd class="govuk-summary-list__value">{{VALUE}}</dd></div>{{/FACTS}}
    </dl>
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span>{{WARNING}}</strong>
    </div>
    <form method="post" action="{{ACTION}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="{{CONFIRM_FIELD}}" value="1">
      {{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/HIDDEN}}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{{BUTTON}}</button>
        <a class="govuk-link" href="{{BACK}}">_("Không, quay lại")</a>
      </div>
    </form>
  </div>
</div>
