{{%AUTOESCAPE context="HTML"}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
{{#FIELDSET}}<fieldset class="govuk-fieldset"{{#FIELDSET_ID}} id="{{ID}}"{{/FIELDSET_ID}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{LABEL}}{{#OPTIONAL}} _("(không bắt buộc)"){{/OPTIONAL}}</legend>{{/FIELDSET}}
{{#PLAIN_LABEL}}<label class="govuk-label govuk-label--s" for="{{ID}}">{{LABEL}}{{#OPTIONAL}} _("(không bắt buộc)"){{/OPTIONAL}}</label>{{/PLAIN_LABEL}}
{{#OFFICER}}<p class="govuk-body-s"><strong class="govuk-tag govuk-tag--yellow">_("Cán bộ đã điền")</strong></p>{{/OFFICER}}
{{#HAS_HINT}}<div id="{{ID}}-hint" class="govuk-hint">{{HINT}}</div>{{/HAS_HINT}}
{{#HAS_ERROR}}<p id="{{ID}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
{{#INPUT}}{{#HAS_SUFFIX}}<div class="govuk-input__wrapper">{{/HAS_SUFFIX}}<input class="govuk-input{{#HAS_WIDTH}} govuk-input--width-{{WIDTH}}{{/HAS_WIDTH}}{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{ID}}" name="{{NAME}}" type="{{TYPE}}" value="{{VALUE}}" autocomplete="{{AUTOCOMPLETE}}" spellcheck="false"{{#HAS_INPUTMODE}} inputmode="{{INPUTMODE}}"{{/HAS_INPUTMODE}}{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{#HAS_SUFFIX}}<div class="govuk-input__suffix" aria-hidden="true">{{SUFFIX}}</div></div>{{/HAS_SUFFIX}}{{/INPUT}}
{{#TEXTAREA}}<textarea class="govuk-textarea{{#HAS_ERROR}} govuk-textarea--error{{/HAS_ERROR}}" id="{{ID}}" name="{{NAME}}" rows="4"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{VALUE}}</textarea>{{/TEXTAREA}}
{{#SELECT}}<select class="govuk-select{{#HAS_ERROR}} govuk-select--error{{/HAS_ERROR}}" id="{{ID}}" name="{{NAME}}"{{#DESCRIBED}} aria-describedby="{{DESCRIBEDBY}}"{{/DESCRIBED}}>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/OPTIONS}}</select>{{/SELECT}}
{{#DATE}}<div class="govuk-date-input">
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{ID}}">_("Ngày")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{ID}}" name="{{NAME}}-day" type="text" inputmode="numeric" autocomplete="off" value="{{DAY}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{ID}}-month">_("Tháng")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{ID}}-month" name="{{NAME}}-month" type="text" inputmode="numeric" autocomplete="off" value="{{MONTH}}"></div></div>
<div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{ID}}-year">_("Năm")</label><input class="govuk-input govuk-date-input__input govuk-input--width-4{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{ID}}-year" name="{{NAME}}-year" type="text" inputmode="numeric" autocomplete="off" value="{{YEAR}}"></div></div>
</div>{{/DATE}}
{{#RADIOS}}<div class="govuk-radios{{#INLINE}} govuk-radios--inline{{/INLINE}}" data-module="govuk-radios">{{#OPTIONS}}
<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{OPT_ID}}" name="{{NAME}}" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="{{OPT_ID}}">{{TEXT}}</label></div>
{{#HAS_CONDITIONAL}}<div class="govuk-radios__conditional" id="{{OPT_ID}}-conditional">{{NESTED:none}}</div>{{/HAS_CONDITIONAL}}{{/OPTIONS}}
</div>{{/RADIOS}}
{{#ADDRESS}}{{#PARTS}}<div class="govuk-form-group{{#PART_ERROR}} govuk-form-group--error{{/PART_ERROR}}"><label class="govuk-label" for="{{PART_ID}}">{{PART_LABEL}}</label>
{{#PART_ERROR}}<p id="{{PART_ID}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{PART_MESSAGE}}</p>{{/PART_ERROR}}
{{#PART_SELECT}}<select class="govuk-select{{#PART_ERROR}} govuk-select--error{{/PART_ERROR}}" id="{{PART_ID}}" name="{{PART_ID}}">{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{TEXT}}</option>{{/OPTIONS}}</select>{{/PART_SELECT}}
{{#PART_DISABLED}}<select class="govuk-select" id="{{PART_ID}}" name="{{PART_ID}}" disabled>{{#OPTIONS}}<option value="{{VALUE}}">{{TEXT}}</option>{{/OPTIONS}}</select>{{/PART_DISABLED}}
{{#CHOOSE}} <button type="submit" class="govuk-button govuk-button--secondary app-inline-button" data-module="govuk-button" name="hanh_dong" value="chon">_("Chọn") <span class="govuk-visually-hidden">{{PART_LABEL}}</span></button>{{/CHOOSE}}</div>
{{/PARTS}}<div class="govuk-form-group{{#DETAIL_ERROR}} govuk-form-group--error{{/DETAIL_ERROR}}"><label class="govuk-label" for="{{DETAIL_ID}}">_("Số nhà, đường, thôn, xóm")</label>
{{#DETAIL_ERROR}}<p id="{{DETAIL_ID}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{DETAIL_MESSAGE}}</p>{{/DETAIL_ERROR}}
<input class="govuk-input" id="{{DETAIL_ID}}" name="{{DETAIL_ID}}" type="text" value="{{DETAIL_VALUE}}" autocomplete="off"></div>{{/ADDRESS}}
{{#GROUP}}<input type="hidden" name="{{NAME}}.so_muc" value="{{COUNT}}">{{#ENTRIES}}
<fieldset class="govuk-fieldset app-group-entry"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{ENTRY_TITLE}}</legend>
{{NESTED:none}}
{{#CAN_REMOVE}}<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" name="hanh_dong" value="xoa:{{NAME}}:{{INDEX}}">_("Xoá") <span class="govuk-visually-hidden">{{ENTRY_TITLE}}</span></button>{{/CAN_REMOVE}}
</fieldset>{{/ENTRIES}}
{{#CAN_ADD}}<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" name="hanh_dong" value="them:{{NAME}}">_("Thêm") <span class="govuk-visually-hidden">{{LABEL}}</span></button>{{/CAN_ADD}}{{/GROUP}}
{{#FIELDSET}}</fieldset>{{/FIELDSET}}
</div>
