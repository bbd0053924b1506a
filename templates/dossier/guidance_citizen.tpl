{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Nhờ cán bộ hướng dẫn")</h1>
    {{#CODE_ISSUED}}<div class="govuk-panel govuk-panel--confirmation">
      <h2 class="govuk-panel__title">_("Mã hướng dẫn")</h2>
      <div class="govuk-panel__body"><strong class="app-guidance-code">{{CODE}}</strong></div>
    </div>
    <p class="govuk-body">_("Đọc hoặc đưa mã này cho cán bộ tại quầy. Mã dùng được một lần, trong") {{MINUTES}} _("phút (đến") {{EXPIRES}}).</p>
    <p class="govuk-body">_("Cán bộ sẽ thấy bản nháp này, có thể điền giúp và tải giấy tờ lên. Những câu cán bộ điền được đánh dấu để bạn kiểm tra. Chỉ bạn mới nộp được hồ sơ, từ tài khoản của bạn.")</p>{{/CODE_ISSUED}}
    {{#NOT_ACTIVE}}<p class="govuk-body">_("Nếu bạn đang ở quầy một cửa, cán bộ có thể giúp bạn điền hồ sơ này ngay trên máy của cán bộ. Bạn tạo một mã ngắn rồi đưa cho cán bộ; cán bộ nhập mã để mở bản nháp.")</p>
    <p class="govuk-body">_("Cán bộ chỉ xem và sửa được bản nháp này, không nộp thay bạn. Quyền này hết khi bạn nộp hồ sơ, khi mã hết hạn hoặc khi bạn kết thúc hướng dẫn. Mọi việc cán bộ làm đều được ghi vào nhật ký.")</p>
    <form method="post" action="/ho-so/{{ID}}/huong-dan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Tạo mã hướng dẫn")</button>
    </form>{{/NOT_ACTIVE}}
    {{#ACTIVE}}<div class="govuk-inset-text">_("Cán bộ đang được phép hướng dẫn bạn trên bản nháp này.")</div>
    <form method="post" action="/ho-so/{{ID}}/huong-dan" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tạo mã mới")</button>
    </form>{{/ACTIVE}}
    {{#CAN_END}}<form method="post" action="/ho-so/{{ID}}/huong-dan/ket-thuc" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">_("Kết thúc hướng dẫn")</button>
    </form>{{/CAN_END}}
    <p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/kiem-tra">_("Kiểm tra câu trả lời và nộp hồ sơ")</a></p>
    <p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/danh-sach">_("Quay lại bản nháp")</a></p>
  </div>
</div>
