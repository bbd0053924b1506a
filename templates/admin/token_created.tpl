{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Đã tạo mã truy cập API")</h1>
    <p class="govuk-body">_("Sao chép mã này ngay: nó chỉ hiện một lần. Hệ thống chỉ lưu bản băm của mã.")</p>
    <p class="govuk-body"><code class="app-token">{{TOKEN}}</code></p>
    <p class="govuk-body">_("Gửi kèm mỗi yêu cầu trong tiêu đề:") <code>Authorization: Bearer {{TOKEN}}</code></p>
    <p class="govuk-body"><a class="govuk-link" href="/quan-tri/can-bo/{{ID}}">_("Quay lại cán bộ")</a></p>
  </div>
</div>
