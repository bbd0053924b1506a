{{%AUTOESCAPE context="HTML"}}<a href="{{BACK}}" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <span class="govuk-caption-l">{{PROCEDURE}} · {{STEP}}</span>
    <h1 class="govuk-heading-l">{{TITLE}}</h1>
    <form method="post" action="{{ACTION}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{QUESTIONS:none}}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button" name="hanh_dong" value="tiep-tuc">_("Tiếp tục")</button>
        {{#HAS_TASK_LIST}}<a class="govuk-link" href="{{BASE}}/danh-sach">_("Xem các phần của hồ sơ")</a>{{/HAS_TASK_LIST}}
      </div>
    </form>
    <p class="govuk-body-s">_("Câu trả lời được lưu mỗi lần bạn bấm “Tiếp tục”. Bạn có thể làm tiếp sau từ") <a class="govuk-link" href="/ho-so-cua-toi">_("Hồ sơ của tôi")</a>.</p>
  </div>
</div>
