{{%AUTOESCAPE context="HTML"}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
  <label class="govuk-label govuk-label--s" for="{{NAME}}">{{LABEL}}</label>
  {{#HAS_HINT}}<div id="{{NAME}}-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
  {{#HAS_ERROR}}<p id="{{NAME}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
  {{#INPUT}}<input class="govuk-input{{#HAS_WIDTH}} govuk-input--width-{{WIDTH}}{{/HAS_WIDTH}}{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{NAME}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}" spellcheck="false"{{#HAS_INPUTMODE}} inputmode="{{INPUTMODE}}"{{/HAS_INPUTMODE}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{/INPUT}}
  {{#TEXTAREA}}<textarea class="govuk-textarea{{#HAS_ERROR}} govuk-textarea--error{{/HAS_ERROR}}" id="{{NAME}}" name="{{NAME}}" rows="3" autocomplete="{{AUTOCOMPLETE}}" spellcheck="false"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{VALUE}}</textarea>{{/TEXTAREA}}
</div>
