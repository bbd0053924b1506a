{{%AUTOESCAPE context="HTML"}}<a href="/can-bo/tiep-nhan-tai-quay" class="govuk-back-link">_("Quay lại")</a>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">_("Bước 2 / 3")</span>
    <h1 class="govuk-heading-xl">_("Chọn thủ tục")</h1>
    <form method="get" action="{{ACTION}}" novalidate>
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--s" for="q">_("Tên hoặc mã thủ tục")</label>
        <input class="govuk-input" id="q" name="q" type="search" value="{{Q}}" autocomplete="off">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm thủ tục")</button>
    </form>
    {{#SEARCHED}}{{#NONE}}<p class="govuk-body">_("Không tìm thấy thủ tục nào.")</p>{{/NONE}}
    <ul class="govuk-list">{{#PROCEDURES}}<li><a class="govuk-link" href="{{URL}}" lang="vi">{{NAME}}</a> <span class="govuk-body-s">({{CODE}})</span></li>{{/PROCEDURES}}</ul>{{/SEARCHED}}
  </div>
</div>
