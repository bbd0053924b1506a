{{%AUTOESCAPE context="HTML"}}<div class="app-blank-form">
  <p class="govuk-body-s app-no-print"><a class="govuk-link" href="/thu-tuc/{{PROCEDURE_CODE}}">_("Quay lại thủ tục") {{PROCEDURE_NAME}}</a></p>
  <p class="govuk-body govuk-!-text-align-centre"><strong>_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")</strong><br>_("Độc lập - Tự do - Hạnh phúc")</p>
  <h1 class="govuk-heading-l govuk-!-text-align-centre" lang="vi">{{FORM_NAME}}</h1>
  <p class="govuk-body-s govuk-!-text-align-centre">{{LEGAL_BASIS}}</p>
  <p class="govuk-body app-no-print">_("In trang này ra giấy rồi điền bằng tay, hoặc mang đến bộ phận một cửa để được hướng dẫn.")</p>
  <ol class="govuk-list govuk-list--number" lang="vi">
    {{#FIELD}}<li><span class="govuk-body">{{LABEL}}:</span>{{#LINE}}<span class="app-blank-form__line" aria-hidden="true"></span>{{/LINE}}</li>{{/FIELD}}
  </ol>
  <p class="govuk-body">_("Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.")</p>
  <p class="govuk-body govuk-!-text-align-right">_("Làm tại ..............., ngày ..... tháng ..... năm .........")<br>_("Người yêu cầu (ký, ghi rõ họ tên)")</p>
</div>
