{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Hồ sơ đang hướng dẫn")</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người nộp")</dt><dd class="govuk-summary-list__value" lang="vi">{{APPLICANT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Trạng thái")</dt><dd class="govuk-summary-list__value"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong></dd></div>
    </dl>
    {{#OPEN}}<h2 class="govuk-heading-m">_("Điền hoặc sửa giúp người dân")</h2>
    <ul class="govuk-list govuk-list--number govuk-list--spaced">
      {{#PAGES}}<li><a class="govuk-link govuk-!-display-block govuk-!-padding-top-1 govuk-!-padding-bottom-1" href="{{URL}}">{{TITLE}}</a></li>{{/PAGES}}
      <li><a class="govuk-link govuk-!-display-block govuk-!-padding-top-1 govuk-!-padding-bottom-1" href="/ho-so/{{ID}}/giay-to">_("Giấy tờ: tải bản quét lên")</a></li>
    </ul>
    <div class="govuk-inset-text">_("Khi xong, mời người dân kiểm tra lại trên điện thoại: những câu bạn điền được đánh dấu, và chỉ người dân mới nộp được hồ sơ. Quyền của bạn hết khi người dân nộp hồ sơ hoặc kết thúc hướng dẫn, và tối đa sau") {{ACCESS_MINUTES}} _("phút.")</div>{{/OPEN}}
    {{#CLOSED}}<div class="govuk-inset-text">_("Việc hướng dẫn trên hồ sơ này đã kết thúc.")</div>{{/CLOSED}}
    <h2 class="govuk-heading-m">_("Câu trả lời hiện có")</h2>
    {{#ANSWER_PAGES}}<h3 class="govuk-heading-s">{{TITLE}}</h3>
    <dl class="govuk-summary-list govuk-!-margin-bottom-6">
      {{#ANSWERS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}{{#OFFICER}} <strong class="govuk-tag govuk-tag--purple">_("Cán bộ đã điền")</strong>{{/OFFICER}}</dd></div>{{/ANSWERS}}
    </dl>{{/ANSWER_PAGES}}
    <h2 class="govuk-heading-m">_("Giấy tờ")</h2>
    <dl class="govuk-summary-list">
      {{#DOCUMENTS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{NAME}}</dt><dd class="govuk-summary-list__value">{{#NO_FILES}}{{NONE}}{{/NO_FILES}}<ul class="govuk-list">{{#FILES}}<li><a class="govuk-link" href="{{URL}}" download>{{FILE_NAME}}</a> ({{SIZE}})</li>{{/FILES}}</ul></dd></div>{{/DOCUMENTS}}
    </dl>
    <p class="govuk-body"><a class="govuk-link" href="/can-bo/huong-dan">_("Hướng dẫn người khác")</a></p>
  </div>
</div>
