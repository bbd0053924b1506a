{{%AUTOESCAPE context="HTML"}}<div class="govuk-summary-card app-desk">
  <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title" lang="vi">{{NAME}}</h3></div>
  <div class="govuk-summary-card__content">
    {{#KNOWN}}<dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Địa chỉ")</dt><dd class="govuk-summary-list__value"><span lang="vi">{{ADDRESS}}</span><br><a class="govuk-link" href="{{MAP_URL}}" rel="noopener">_("Xem trên bản đồ OpenStreetMap")</a></dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Giờ làm việc")</dt><dd class="govuk-summary-list__value" lang="vi">{{HOURS}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Điện thoại")</dt><dd class="govuk-summary-list__value"><a class="govuk-link" href="tel:{{TEL}}">{{PHONE}}</a></dd></div>
    </dl>
    {{#DEMO}}<p class="govuk-body-s">_("Địa chỉ, giờ làm việc và số điện thoại này là số liệu mẫu của bản trình diễn, chưa phải số liệu đã công bố.")</p>{{/DEMO}}{{/KNOWN}}
    {{#UNKNOWN}}<p class="govuk-body">_("Cổng chưa có địa chỉ và giờ làm việc của nơi này. Hãy gọi đường dây nóng") <a class="govuk-link" href="tel:{{HOTLINE_TEL}}">{{HOTLINE}}</a> _("để được hướng dẫn trước khi đến.")</p>{{/UNKNOWN}}
  </div>
</div>
