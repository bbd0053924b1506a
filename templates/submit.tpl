{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">{{NAME}}</span>
    <h1 class="govuk-heading-xl">_("Nộp hồ sơ trực tuyến")</h1>
    <div class="govuk-inset-text">_("Việc nộp hồ sơ trực tuyến trên cổng này sẽ mở trong đợt cập nhật tới.")</div>
    <p class="govuk-body">_("Trong thời gian chờ, bạn có thể:")</p>
    <ul class="govuk-list govuk-list--bullet">
      <li><a class="govuk-link" href="/thu-tuc/{{CODE}}">_("xem giấy tờ cần chuẩn bị và in mẫu đơn")</a></li>
      <li>_("nộp hồ sơ trực tiếp tại bộ phận một cửa")</li>
    </ul>
  </div>
</div>
