{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Dành cho cán bộ")</h1>
    <h2 class="govuk-heading-m">_("Vai trò của bạn")</h2>
    <ul class="govuk-list govuk-list--bullet">{{#GRANTS}}<li>{{ROLE}}: {{AGENCY}}{{#HAS_FIELDS}} ({{FIELDS}}){{/HAS_FIELDS}}</li>{{/GRANTS}}</ul>
    <h2 class="govuk-heading-m">_("Việc bạn có thể làm")</h2>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="/can-bo/hop-thu">_("Hộp thư hồ sơ: tiếp nhận, xử lý, hạn giải quyết")</a></li>
      {{#ASSIST}}<li><a class="govuk-link" href="/can-bo/tiep-nhan-tai-quay">_("Tiếp nhận hồ sơ tại quầy")</a></li>
      <li><a class="govuk-link" href="/can-bo/huong-dan">_("Hướng dẫn người dân nộp hồ sơ trực tuyến (nhập mã hướng dẫn)")</a></li>
      <li><a class="govuk-link" href="/can-bo/cong-dan/moi">_("Tạo tài khoản cho người dân tại quầy")</a></li>
      <li><a class="govuk-link" href="/can-bo/cong-dan">_("Tìm tài khoản người dân")</a></li>
      <li><a class="govuk-link" href="/can-bo/ma-so-thue">_("Mã số thuế có hai người nhận đại diện")</a></li>{{/ASSIST}}
      {{#ADMIN}}<li><a class="govuk-link" href="/quan-tri">_("Quản trị cán bộ, vai trò và mã truy cập API")</a></li>{{/ADMIN}}
      {{#AUDIT}}<li><a class="govuk-link" href="/quan-tri/nhat-ky">_("Nhật ký hệ thống")</a></li>{{/AUDIT}}
      <li><a class="govuk-link" href="/thong-ke">_("Thống kê")</a></li>
    </ul>
  </div>
</div>
