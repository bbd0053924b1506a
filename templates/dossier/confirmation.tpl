{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">_("Đã nộp hồ sơ")</h1>
      <div class="govuk-panel__body">_("Mã hồ sơ của bạn")<br><strong class="app-dossier-code">{{CODE}}</strong></div>
    </div>
    <p class="govuk-body">_("Mã tra cứu:") <strong class="app-lookup-secret">{{SECRET}}</strong>. _("Giữ mã hồ sơ và mã tra cứu để xem hồ sơ đến đâu, không cần đăng nhập, tại") <a class="govuk-link" href="{{LOOKUP_URL}}">_("trang tra cứu")</a>.</p>
    <p class="govuk-body"><a class="govuk-link" href="{{BASE}}/bien-nhan">_("Xem và in giấy biên nhận")</a> · <a class="govuk-link" href="{{BASE}}/bien-nhan.pdf">_("Tải giấy biên nhận (PDF)")</a></p>
    <h2 class="govuk-heading-m">_("Việc tiếp theo")</h2>
    <p class="govuk-body">{{STATUS_NEXT}}</p>
    {{#HAS_EXPECTED}}<p class="govuk-body">_("Ngày hẹn trả kết quả dự kiến:") <strong>{{EXPECTED}}</strong>. _("Ngày này được tính lại khi cán bộ tiếp nhận hồ sơ.")</p>{{/HAS_EXPECTED}}
    <p class="govuk-body">_("Chúng tôi đã gửi tin nhắn xác nhận cho bạn. Trước khi cán bộ tiếp nhận, bạn vẫn có thể sửa hoặc rút hồ sơ.")</p>
    <p class="govuk-body"><a class="govuk-link" href="/ho-so-cua-toi">_("Hồ sơ của tôi")</a></p>
  </div>
</div>
