{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l">_("Nộp hồ sơ trực tuyến")</span>
    <h1 class="govuk-heading-xl">{{NAME}}</h1>
    {{#HAS_DRAFTS}}<div class="govuk-inset-text">
      <h2 class="govuk-heading-s">_("Bạn đang có hồ sơ chưa nộp của thủ tục này")</h2>
      <ul class="govuk-list">{{#DRAFT}}<li><a class="govuk-link" href="{{DRAFT_URL}}">_("Tiếp tục hồ sơ") {{DRAFT_NAME}}</a> <span class="govuk-hint">(_("lưu lúc") {{DRAFT_UPDATED}})</span></li>{{/DRAFT}}</ul>
      <p class="govuk-body">_("Bấm “Bắt đầu” bên dưới chỉ khi bạn muốn làm thêm một hồ sơ mới.")</p>
    </div>{{/HAS_DRAFTS}}
    <h2 class="govuk-heading-m">_("Bạn cần chuẩn bị")</h2>
    <ul class="govuk-list govuk-list--bullet">
      {{#DOCUMENTS}}<li>{{DOC_NAME}}{{#HAS_KIND}} ({{DOC_KIND}}){{/HAS_KIND}}{{#DOC_OPTIONAL}} _("(nếu có)"){{/DOC_OPTIONAL}}</li>{{/DOCUMENTS}}
      <li>_("ảnh chụp rõ nét hoặc bản quét của từng giấy tờ (PDF, JPG hoặc PNG)")</li>
    </ul>
    <p class="govuk-body">_("Câu trả lời được lưu mỗi lần bạn bấm “Tiếp tục”: bạn có thể dừng lại và làm tiếp sau, trên máy khác. Bạn xem lại toàn bộ trước khi nộp.")</p>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Thời hạn giải quyết")</dt><dd class="govuk-summary-list__value">{{TIME}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Phí, lệ phí")</dt><dd class="govuk-summary-list__value">{{FEE}}</dd></div>
      {{#ONE_AGENCY}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Nơi giải quyết")</dt><dd class="govuk-summary-list__value">{{AGENCY_NAME}}</dd></div>{{/ONE_AGENCY}}
    </dl>
    <form method="post" action="/nop-ho-so/{{CODE}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{#AGENCY_CHOICE}}<div class="govuk-form-group{{#HAS_AGENCY_ERROR}} govuk-form-group--error{{/HAS_AGENCY_ERROR}}">
        <label class="govuk-label govuk-label--s" for="co_quan">_("Bạn nộp hồ sơ cho cơ quan nào?")</label>
        <div id="co_quan-hint" class="govuk-hint">_("Thường là Ủy ban nhân dân nơi bạn hoặc người được nộp hồ sơ cư trú")</div>
        {{#HAS_AGENCY_ERROR}}<p id="co_quan-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{AGENCY_ERROR}}</p>{{/HAS_AGENCY_ERROR}}
        <select class="govuk-select" id="co_quan" name="co_quan" aria-describedby="co_quan-hint"><option value="">_("Chọn")</option>{{#AGENCIES}}<option value="{{AGENCY_CODE}}"{{#AGENCY_SELECTED}} selected{{/AGENCY_SELECTED}}>{{AGENCY_OPTION}}</option>{{/AGENCIES}}</select>
      </div>{{/AGENCY_CHOICE}}
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Bạn nộp hồ sơ cho ai?")</legend>
          <div class="govuk-radios" data-module="govuk-radios">
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="cho_ai" name="cho_ai" type="radio" value="ban-than"{{#CHECK_SELF}} checked{{/CHECK_SELF}}><label class="govuk-label govuk-radios__label" for="cho_ai">_("Cho bản thân tôi")</label></div>
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="cho_ai-2" name="cho_ai" type="radio" value="nguoi-khac"{{#CHECK_OTHER}} checked{{/CHECK_OTHER}}><label class="govuk-label govuk-radios__label" for="cho_ai-2">_("Cho người khác (con, bố mẹ, người thân…)")</label></div>
            <div class="govuk-radios__conditional" id="cho_ai-2-conditional">
              <div class="govuk-form-group{{#HAS_RELATIONSHIP_ERROR}} govuk-form-group--error{{/HAS_RELATIONSHIP_ERROR}}">
                <label class="govuk-label" for="quan_he">_("Bạn là gì của người đó? (chỉ trả lời nếu nộp cho người khác)")</label>
                {{#HAS_RELATIONSHIP_ERROR}}<p id="quan_he-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{RELATIONSHIP_ERROR}}</p>{{/HAS_RELATIONSHIP_ERROR}}
                <input class="govuk-input govuk-input--width-20{{#HAS_RELATIONSHIP_ERROR}} govuk-input--error{{/HAS_RELATIONSHIP_ERROR}}" id="quan_he" name="quan_he" type="text" value="{{RELATIONSHIP}}" autocomplete="off">
              </div>
            </div>
            {{#ORGANISATIONS}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="cho_ai-3" name="cho_ai" type="radio" value="to-chuc"{{#CHECK_ORGANISATION}} checked{{/CHECK_ORGANISATION}}><label class="govuk-label govuk-radios__label" for="cho_ai-3">_("Cho tổ chức tôi đại diện")</label></div>
            <div class="govuk-radios__conditional" id="cho_ai-3-conditional">
              <div class="govuk-form-group">
                <label class="govuk-label" for="to_chuc">_("Tổ chức (chỉ chọn nếu nộp cho tổ chức)")</label>
                <select class="govuk-select" id="to_chuc" name="to_chuc">{{#ORGANISATION}}<option value="{{ORG_ID}}"{{#ORG_SELECTED}} selected{{/ORG_SELECTED}}>{{ORG_NAME}}</option>{{/ORGANISATION}}</select>
              </div>
            </div>{{/ORGANISATIONS}}
          </div>
        </fieldset>
      </div>
      <button type="submit" class="govuk-button govuk-button--start" data-module="govuk-button">_("Bắt đầu")
        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>
      </button>
    </form>
    <p class="govuk-body"><a class="govuk-link" href="/thu-tuc/{{CODE}}">_("Xem đầy đủ thông tin thủ tục")</a></p>
  </div>
</div>
