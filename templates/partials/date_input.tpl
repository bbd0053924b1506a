{{%AUTOESCAPE context="HTML"}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
  <fieldset class="govuk-fieldset" role="group" aria-describedby="{{NAME}}-hint{{#HAS_ERROR}} {{NAME}}-error{{/HAS_ERROR}}">
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LABEL}}</legend>
    <div id="{{NAME}}-hint" class="govuk-hint">{{HINT}}</div>
    {{#HAS_ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
    <div class="govuk-date-input">
      <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{NAME}}">_("Ngày")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{NAME}}" name="{{NAME}}-ngay" type="text" inputmode="numeric" autocomplete="{{AC_DAY}}" value="{{DAY}}"></div></div>
      <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{NAME}}-thang">_("Tháng")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{NAME}}-thang" name="{{NAME}}-thang" type="text" inputmode="numeric" autocomplete="{{AC_MONTH}}" value="{{MONTH}}"></div></div>
      <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{NAME}}-nam">_("Năm")</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{NAME}}-nam" name="{{NAME}}-nam" type="text" inputmode="numeric" autocomplete="{{AC_YEAR}}" value="{{YEAR}}"></div></div>
    </div>
  </fieldset>
</div>
