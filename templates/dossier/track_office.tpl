{{%AUTOESCAPE context="HTML"}}{{#HAS_APPOINTMENT}}<p class="govuk-body">_("Hẹn trả kết quả lúc:") <strong>{{APPOINTMENT}}</strong>{{#PAUSED}} (_("thời gian giải quyết đang tạm dừng chờ bạn bổ sung")){{/PAUSED}}</p>
<p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/mau/01.pdf">_("Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01, PDF)")</a></p>{{/HAS_APPOINTMENT}}
{{#OPEN_SUPPLEMENT}}<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span> _("Cơ quan yêu cầu bạn bổ sung hồ sơ (yêu cầu lúc") {{AT}}).</strong></div>
<h2 class="govuk-heading-m">_("Cần bổ sung")</h2>
<ul class="govuk-list govuk-list--bullet">{{#ITEMS}}<li><strong lang="vi">{{LABEL}}</strong>: <span lang="vi">{{REASON}}</span></li>{{/ITEMS}}</ul>
{{#HAS_NOTE}}<p class="govuk-body">_("Ghi chú của cán bộ:") <span lang="vi">{{NOTE}}</span></p>{{/HAS_NOTE}}
<p class="govuk-body"><a class="govuk-button" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/bo-sung">_("Bổ sung hồ sơ")</a></p>
<p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/mau/02.pdf">_("Phiếu yêu cầu bổ sung (mẫu 02, PDF)")</a></p>{{/OPEN_SUPPLEMENT}}
{{#PAST_SUPPLEMENT}}<p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/mau/02.pdf">_("Phiếu yêu cầu bổ sung (mẫu 02, PDF)")</a></p>{{/PAST_SUPPLEMENT}}
{{#REFUSED}}<p class="govuk-body"><a class="govuk-link" href="/ho-so/{{ID}}/mau/03.pdf">_("Thông báo từ chối tiếp nhận hồ sơ (mẫu 03, PDF)")</a></p>{{/REFUSED}}
{{#APOLOGIES}}<div class="govuk-inset-text"><h2 class="govuk-heading-s">_("Thư xin lỗi của cơ quan")</h2><p class="govuk-body" lang="vi">{{REASON}}</p><p class="govuk-body">_("Ngày hẹn trả kết quả mới:") <strong>{{NEW_DATE}}</strong></p><p class="govuk-body-s">{{AT}} · <a class="govuk-link" href="/ho-so/{{ID}}/mau/04.pdf">_("Thư xin lỗi (mẫu 04, PDF)")</a></p></div>{{/APOLOGIES}}
{{#RESULT}}<h2 class="govuk-heading-m">_("Kết quả giải quyết")</h2>
<dl class="govuk-summary-list">
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số văn bản")</dt><dd class="govuk-summary-list__value">{{NUMBER}}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ngày ký")</dt><dd class="govuk-summary-list__value">{{ISSUED}}</dd></div>
  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cách nhận")</dt><dd class="govuk-summary-list__value">{{METHOD}}</dd></div>
  {{#HAS_RETURNED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Đã nhận lúc")</dt><dd class="govuk-summary-list__value">{{RETURNED}}</dd></div>{{/HAS_RETURNED}}
</dl>
{{#HAS_FILE}}<p class="govuk-body"><a class="govuk-button" data-module="govuk-button" role="button" draggable="false" href="/ho-so/{{ID}}/ket-qua" download>_("Tải kết quả về")</a> <span class="govuk-body-s">{{FILE_NAME}}</span></p>{{/HAS_FILE}}{{/RESULT}}
{{#HAS_TIMELINESS}}<p class="govuk-body">_("Đánh giá thời hạn giải quyết:") <strong>{{TIMELINESS}}</strong></p>{{/HAS_TIMELINESS}}
