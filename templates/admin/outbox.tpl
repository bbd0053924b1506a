{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{>NOTICE}}
    <h1 class="govuk-heading-xl">_("Tin nhắn chưa gửi được")</h1>
    <p class="govuk-body">_("Tin nhắn gửi lỗi được thử lại sau một khoảng thời gian tăng dần. Sau số lần thử tối đa, tin nhắn dừng lại ở đây cho đến khi bạn gửi lại.")</p>
    {{#EMPTY}}<p class="govuk-body">_("Không có tin nhắn nào gửi lỗi.")</p>{{/EMPTY}}
    {{#ANY}}<div class="app-table-scroll" role="region" aria-label="_("Tin nhắn chưa gửi được")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{{COUNT}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Kênh")</th><th scope="col" class="govuk-table__header">_("Người nhận")</th><th scope="col" class="govuk-table__header">_("Tiêu đề")</th><th scope="col" class="govuk-table__header">_("Nội dung")</th><th scope="col" class="govuk-table__header">_("Tạo lúc")</th><th scope="col" class="govuk-table__header">_("Số lần thử")</th><th scope="col" class="govuk-table__header">_("Lỗi gần nhất")</th><th scope="col" class="govuk-table__header">_("Trạng thái")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#MESSAGES}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{CHANNEL}}</td><td class="govuk-table__cell">{{RECIPIENT}}</td><td class="govuk-table__cell">{{SUBJECT}}</td><td class="govuk-table__cell">{{BODY}}</td><td class="govuk-table__cell">{{CREATED}}</td><td class="govuk-table__cell">{{ATTEMPTS}}</td><td class="govuk-table__cell">{{ERROR}}</td><td class="govuk-table__cell">{{#RETRYING}}_("Sẽ thử lại lúc") {{NEXT}}{{/RETRYING}}{{#DEAD}}<form method="post" action="/quan-tri/tin-nhan-chua-gui/{{ID}}/gui-lai"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">_("Gửi lại")<span class="govuk-visually-hidden"> _("tin nhắn số") {{ID}}</span></button></form>{{/DEAD}}</td></tr>{{/MESSAGES}}
      </tbody>
    </table>
    </div>{{/ANY}}
  </div>
</div>
