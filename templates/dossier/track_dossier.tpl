{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Hồ sơ") {{CODE}}</h1>
    <p class="govuk-body"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong></p>
    <div class="govuk-inset-text"><h2 class="govuk-heading-s">_("Việc tiếp theo")</h2><p class="govuk-body">{{NEXT}}</p>{{#HAS_EXPECTED}}<p class="govuk-body">_("Ngày hẹn trả kết quả:") <strong>{{EXPECTED}}</strong></p>{{/HAS_EXPECTED}}</div>
    {{>OFFICE_VIEW}}
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mã hồ sơ")</dt><dd class="govuk-summary-list__value">{{CODE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người được giải quyết")</dt><dd class="govuk-summary-list__value" lang="vi">{{APPLICANT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cơ quan giải quyết")</dt><dd class="govuk-summary-list__value" lang="vi">{{AGENCY}}</dd></div>
      {{#HAS_SUBMITTED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Nộp lúc")</dt><dd class="govuk-summary-list__value">{{SUBMITTED}}</dd></div>{{/HAS_SUBMITTED}}
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Hình thức nộp")</dt><dd class="govuk-summary-list__value">_("Trực tuyến"){{#GUIDED}} (_("có cán bộ hướng dẫn tại quầy")){{/GUIDED}}</dd></div>
    </dl>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="/ho-so/{{ID}}/bien-nhan">_("Giấy tiếp nhận hồ sơ (bản in)")</a></li>
      <li><a class="govuk-link" href="/ho-so/{{ID}}/bien-nhan.pdf">_("Giấy tiếp nhận hồ sơ (PDF)")</a></li>
    </ul>
    {{#MAY_EDIT}}<p class="govuk-body">_("Cán bộ chưa tiếp nhận hồ sơ, nên bạn vẫn có thể sửa câu trả lời và giấy tờ.")</p>
    <p class="govuk-body"><a class="govuk-button govuk-button--secondary" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/kiem-tra">_("Sửa hồ sơ")</a></p>{{/MAY_EDIT}}
    <h2 class="govuk-heading-l">_("Diễn biến hồ sơ")</h2>
    <ol class="govuk-list app-timeline">
      {{#TIMELINE}}<li class="govuk-!-margin-bottom-4"><p class="govuk-body govuk-!-margin-bottom-1"><strong>{{SENTENCE}}</strong></p><p class="govuk-body-s govuk-!-margin-bottom-0">{{AT}}{{#HAS_WHO}} · <span lang="vi">{{WHO}}</span>{{/HAS_WHO}}</p>{{#HAS_NOTE}}<p class="govuk-body-s">_("Ghi chú:") {{NOTE}}</p>{{/HAS_NOTE}}</li>{{/TIMELINE}}
    </ol>
    <h2 class="govuk-heading-l">_("Câu trả lời")</h2>
    {{#ANSWER_PAGES}}<h3 class="govuk-heading-m">{{TITLE}}</h3>
    <dl class="govuk-summary-list govuk-!-margin-bottom-6">
      {{#ANSWERS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}{{#OFFICER}} <strong class="govuk-tag govuk-tag--purple">_("Cán bộ đã điền")</strong>{{/OFFICER}}</dd></div>{{/ANSWERS}}
    </dl>{{/ANSWER_PAGES}}
    <h2 class="govuk-heading-l">_("Giấy tờ")</h2>
    <dl class="govuk-summary-list">
      {{#DOCUMENTS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{NAME}}</dt><dd class="govuk-summary-list__value">{{#NO_FILES}}{{NONE}}{{/NO_FILES}}<ul class="govuk-list">{{#FILES}}<li><a class="govuk-link" href="{{URL}}" download>{{FILE_NAME}}</a> ({{SIZE}}){{#OFFICER}} <strong class="govuk-tag govuk-tag--purple">_("Cán bộ đã tải lên")</strong>{{/OFFICER}}</li>{{/FILES}}</ul></dd></div>{{/DOCUMENTS}}
    </dl>
    {{#MAY_WITHDRAW}}<h2 class="govuk-heading-m">_("Không muốn tiếp tục?")</h2>
    <p class="govuk-body">_("Bạn có thể rút hồ sơ khi cán bộ chưa tiếp nhận.")</p>
    <p class="govuk-body"><a class="govuk-button govuk-button--warning" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/rut">_("Rút hồ sơ")</a></p>{{/MAY_WITHDRAW}}
    {{#MAY_REQUEST_WITHDRAWAL}}<h2 class="govuk-heading-m">_("Không muốn tiếp tục?")</h2>
    <p class="govuk-body">_("Cơ quan đã tiếp nhận hồ sơ. Bạn có thể gửi đề nghị rút hồ sơ; cơ quan sẽ xem xét và trả lời.")</p>
    <p class="govuk-body"><a class="govuk-button govuk-button--warning" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/rut">_("Đề nghị rút hồ sơ")</a></p>{{/MAY_REQUEST_WITHDRAWAL}}
    <p class="govuk-body"><a class="govuk-link" href="/ho-so-cua-toi">_("Về Hồ sơ của tôi")</a></p>
  </div>
</div>
