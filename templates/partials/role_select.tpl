{{%AUTOESCAPE context="HTML"}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
  <label class="govuk-label govuk-label--s" for="{{NAME}}">{{LABEL}}</label>
  {{#HAS_ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
  <select class="govuk-select{{#HAS_ERROR}} govuk-select--error{{/HAS_ERROR}}" id="{{NAME}}" name="{{NAME}}">
    {{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/OPTIONS}}
  </select>
</div>
