{{%AUTOESCAPE context="HTML"}}<a href="{{BACK}}" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l">_("Bước 3 / 3") · {{PROCEDURE_CODE}}</span>
    <h1 class="govuk-heading-l">_("Nhập hồ sơ tại quầy")</h1>
    <p class="govuk-body" lang="vi">{{PROCEDURE}}</p>
    <div class="govuk-inset-text">_("Chọn địa chỉ trước khi chọn tệp: mỗi lần bấm “Chọn”, các tệp đã chọn phải chọn lại.")</div>
    <form method="post" action="{{ACTION}}" enctype="multipart/form-data" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{#PAGES}}<h2 class="govuk-heading-m">{{TITLE}}</h2>
      {{QUESTIONS:none}}{{/PAGES}}
      <h2 class="govuk-heading-m" id="tai-len">_("Giấy tờ đã quét hoặc tải lên")</h2>
      {{#DOCUMENTS}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}">
        <label class="govuk-label govuk-label--s" for="tep-{{DOC_ID}}">{{NAME}}{{#OPTIONAL}} _("(không bắt buộc)"){{/OPTIONAL}}</label>
        {{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}
        <input class="govuk-file-upload" id="tep-{{DOC_ID}}" name="tep-{{DOC_ID}}" type="file" multiple accept="application/pdf,image/jpeg,image/png,image/heic">
      </div>{{/DOCUMENTS}}
      <div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="so_thu_tu" name="so_thu_tu" type="checkbox" value="1"{{#TICKET}} checked{{/TICKET}}><label class="govuk-label govuk-checkboxes__label" for="so_thu_tu">_("Cấp số thứ tự của quầy")</label></div></div></div>
      <button type="submit" class="govuk-button" data-module="govuk-button" name="hanh_dong" value="tiep-nhan">_("Kiểm tra và tiếp nhận hồ sơ")</button>
    </form>
  </div>
</div>
