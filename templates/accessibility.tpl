{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Tuyên bố về khả năng tiếp cận")</h1>
    <p class="govuk-body">_("Cổng này được xây dựng để mọi người đều dùng được, kể cả người khiếm thị, người dùng bàn phím và người dùng điện thoại cũ qua mạng chậm.")</p>
    <ul class="govuk-list govuk-list--bullet">
      <li>_("Mọi trang dùng được khi không có JavaScript.")</li>
      <li>_("Trang được kiểm tra theo tiêu chuẩn WCAG 2.2 mức AA bằng công cụ tự động mỗi lần cập nhật.")</li>
      <li>_("Có thể phóng to chữ đến 400% mà không mất nội dung.")</li>
      <li>_("Tìm kiếm không cần gõ dấu tiếng Việt.")</li>
    </ul>
    <h2 class="govuk-heading-m">_("Báo lỗi về khả năng tiếp cận")</h2>
    <p class="govuk-body">_("Nếu bạn gặp khó khăn khi dùng cổng, hãy báo cho bộ phận một cửa gần nhất hoặc gọi đường dây nóng") <a class="govuk-link" href="tel:{{HOTLINE_TEL}}">{{HOTLINE}}</a>. _("Chúng tôi sẽ trả lời trong 5 ngày làm việc.")</p>
  </div>
</div>
