{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Hồ sơ đang soạn")</h1>
    <p class="govuk-body">_("Đã xong") {{DONE}} _("phần câu hỏi."). _("Hồ sơ chưa được nộp cho đến khi bạn bấm “Nộp hồ sơ” ở bước cuối.")</p>
    <ul class="govuk-task-list">
      {{#PAGES}}<li class="govuk-task-list__item govuk-task-list__item--with-link">
        <div class="govuk-task-list__name-and-hint"><a class="govuk-link govuk-task-list__link" href="{{PAGE_URL}}" aria-describedby="trang-{{PAGE_ID}}-status">{{PAGE_TITLE}}</a></div>
        <div class="govuk-task-list__status" id="trang-{{PAGE_ID}}-status"><strong class="govuk-tag {{STATUS_CLASS}}">{{STATUS}}</strong></div>
      </li>{{/PAGES}}
      {{#DOCUMENTS_ROW}}<li class="govuk-task-list__item govuk-task-list__item--with-link">
        <div class="govuk-task-list__name-and-hint"><a class="govuk-link govuk-task-list__link" href="{{BASE}}/giay-to" aria-describedby="giay-to-status">_("Giấy tờ đính kèm")</a></div>
        <div class="govuk-task-list__status" id="giay-to-status"><strong class="govuk-tag {{STATUS_CLASS}}">{{STATUS}}</strong></div>
      </li>{{/DOCUMENTS_ROW}}
      <li class="govuk-task-list__item govuk-task-list__item--with-link">
        <div class="govuk-task-list__name-and-hint"><a class="govuk-link govuk-task-list__link" href="{{BASE}}/kiem-tra">_("Kiểm tra và nộp hồ sơ")</a></div>
      </li>
    </ul>
    <p class="govuk-body"><a class="govuk-link" href="/ho-so-cua-toi">_("Hồ sơ của tôi")</a></p>
  </div>
</div>
