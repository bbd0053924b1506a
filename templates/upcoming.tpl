{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    <p class="govuk-body-l">{{PURPOSE}}</p>
    <div class="govuk-inset-text">_("Chức năng này sẽ mở trong đợt cập nhật tới.")</div>
    <h2 class="govuk-heading-m">_("Bạn có thể làm ngay bây giờ")</h2>
    <ul class="govuk-list govuk-list--bullet">
      <li><a class="govuk-link" href="/thu-tuc">_("tìm thủ tục và xem giấy tờ cần chuẩn bị")</a></li>
      <li>_("nộp hồ sơ trực tiếp tại bộ phận một cửa; cán bộ sẽ hướng dẫn và làm thay bạn các bước trên máy")</li>
    </ul>
  </div>
</div>
