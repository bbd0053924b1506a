{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Quản trị")</h1>
    <p class="govuk-body">{{SCOPE}}</p>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="/quan-tri/can-bo">_("Cán bộ và vai trò")</a></li>
      <li><a class="govuk-link" href="/quan-tri/can-bo/moi">_("Thêm cán bộ")</a></li>
      <li><a class="govuk-link" href="/quan-tri/lich-lam-viec">_("Lịch làm việc, ngày nghỉ và giờ làm việc")</a></li>
      {{#AUDIT}}<li><a class="govuk-link" href="/quan-tri/phien">_("Các phiên đăng nhập đang mở")</a></li>
      <li><a class="govuk-link" href="/quan-tri/nhat-ky">_("Nhật ký hệ thống")</a></li>
      <li><a class="govuk-link" href="/quan-tri/tin-nhan-chua-gui">_("Tin nhắn chưa gửi được")</a></li>
      <li><a class="govuk-link" href="/quan-tri/quy-trinh">_("Quy trình xử lý hồ sơ")</a></li>{{/AUDIT}}
    </ul>
  </div>
</div>
