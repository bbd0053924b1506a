{{%AUTOESCAPE context="HTML"}}<a href="{{BASE}}/danh-sach" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-l">_("Giấy tờ đính kèm")</h1>
    <p class="govuk-body">_("Chụp rõ nét từng giấy tờ bằng điện thoại, hoặc chọn tệp PDF đã quét. Một giấy tờ nhiều trang có thể gửi nhiều ảnh.")</p>
    {{#DOCUMENTS}}<div class="govuk-form-group app-document{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
      <h2 class="govuk-heading-m">{{DOC_NAME}}{{#OPTIONAL}} <span class="govuk-hint">_("(nếu có)")</span>{{/OPTIONAL}}</h2>
      <p class="govuk-body-s">{{KIND}}. _("Định dạng:") {{TYPES}}. _("Tối đa") {{MAX_SIZE}} _("mỗi tệp.") {{#HAS_TEMPLATE}}<a class="govuk-link" href="{{TEMPLATE_URL}}">_("Tải mẫu đơn")</a>{{/HAS_TEMPLATE}}</p>
      {{#HAS_FILES}}<ul class="govuk-list app-files">{{#FILES}}<li>
        <form method="post" action="{{BASE}}/giay-to/{{FILE_ID}}/xoa" class="app-file-row"><input type="hidden" name="csrf" value="{{CSRF}}"><span><a class="govuk-link" href="{{BASE}}/tep/{{FILE_ID}}">{{FILE_NAME}}</a> ({{FILE_SIZE}}){{#FILE_OFFICER}} <strong class="govuk-tag govuk-tag--yellow">_("Cán bộ đã đính kèm")</strong>{{/FILE_OFFICER}}</span>
        <button type="submit" class="govuk-button govuk-button--secondary app-inline-button" data-module="govuk-button">_("Xoá") <span class="govuk-visually-hidden">{{FILE_NAME}}</span></button></form>
      </li>{{/FILES}}</ul>{{/HAS_FILES}}
      <form method="post" action="{{BASE}}/giay-to" enctype="multipart/form-data" class="app-upload" data-module="app-upload" data-progress-label="_("Đang tải lên")">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="tai_lieu" value="{{DOC_ID}}">
        <label class="govuk-label" for="{{INPUT}}">_("Chọn tệp cho:") {{DOC_NAME}}</label>
        {{#HAS_ERROR}}<p id="{{INPUT}}-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
        <input class="govuk-file-upload{{#HAS_ERROR}} govuk-file-upload--error{{/HAS_ERROR}}" id="{{INPUT}}" name="{{INPUT}}" type="file" multiple accept="{{ACCEPT}}"{{#HAS_ERROR}} aria-describedby="{{INPUT}}-error"{{/HAS_ERROR}}>
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tải lên") <span class="govuk-visually-hidden">{{DOC_NAME}}</span></button>
      </form>
    </div>{{/DOCUMENTS}}
    <a href="{{BASE}}/kiem-tra" role="button" draggable="false" class="govuk-button" data-module="govuk-button">_("Tiếp tục")</a>
  </div>
</div>
