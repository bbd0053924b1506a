{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Hồ sơ của tôi")</h1>
    <p class="govuk-body">_("Bạn chưa có hồ sơ nào.")</p>
    <div class="govuk-inset-text">_("Nộp hồ sơ trực tuyến sẽ mở trong đợt cập nhật tới. Hồ sơ bạn nộp sẽ hiện ở đây, cùng bản nháp và kết quả.")</div>
    <p class="govuk-body"><a class="govuk-link" href="/thu-tuc">_("Tìm thủ tục và xem giấy tờ cần chuẩn bị")</a></p>
  </div>
</div>
