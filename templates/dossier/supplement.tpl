{{%AUTOESCAPE context="HTML"}}<a href="/ho-so/{{ID}}" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}} · {{CODE}}</span>
    <h1 class="govuk-heading-l" id="bo-sung">_("Bổ sung hồ sơ")</h1>
    <p class="govuk-body">_("Cơ quan yêu cầu bổ sung lúc") {{REQUESTED_AT}}. _("Thời gian giải quyết tạm dừng cho đến khi bạn gửi phần bổ sung.")</p>
    <ul class="govuk-list govuk-list--bullet">{{#ITEMS}}<li><strong lang="vi">{{LABEL}}</strong>: <span lang="vi">{{REASON}}</span></li>{{/ITEMS}}</ul>
    {{#HAS_NOTE}}<p class="govuk-body">_("Ghi chú của cán bộ:") <span lang="vi">{{NOTE}}</span></p>{{/HAS_NOTE}}
    <form method="post" action="/ho-so/{{ID}}/bo-sung" enctype="multipart/form-data" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="phien_ban" value="{{VERSION}}">
      {{#HAS_QUESTIONS}}<h2 class="govuk-heading-m">_("Sửa thông tin")</h2>
      {{QUESTIONS:none}}{{/HAS_QUESTIONS}}
      <span id="tai-len"></span>
      {{#DOCUMENTS}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
        <label class="govuk-label govuk-label--s" for="tep-{{DOC_ID}}">{{LABEL}}</label>
        <div class="govuk-hint" id="tep-{{DOC_ID}}-hint">{{REASON}}</div>
        {{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
        <input class="govuk-file-upload" id="tep-{{DOC_ID}}" name="tep-{{DOC_ID}}" type="file" multiple accept="application/pdf,image/jpeg,image/png,image/heic" aria-describedby="tep-{{DOC_ID}}-hint">
      </div>{{/DOCUMENTS}}
      {{#HAS_FREE_ITEMS}}<div class="govuk-inset-text">_("Các mục khác: mang bản giấy đến bộ phận một cửa, hoặc tải lên ở giấy tờ phù hợp trong hồ sơ.")</div>{{/HAS_FREE_ITEMS}}
      <button type="submit" class="govuk-button" data-module="govuk-button" name="hanh_dong" value="gui">_("Gửi bổ sung")</button>
    </form>
  </div>
</div>
