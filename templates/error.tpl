{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    <p class="govuk-body">{{MESSAGE}}</p>
    {{#NOT_FOUND}}<p class="govuk-body"><a class="govuk-link" href="/thu-tuc">_("Tìm thủ tục hành chính")</a> _("hoặc") <a class="govuk-link" href="/">_("về trang chủ")</a>.</p>{{/NOT_FOUND}}
    {{#RESUBMIT}}<form method="post" action="{{ACTION}}" novalidate>{{#FIELD}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">{{/FIELD}}
      <p class="govuk-body">_("Những gì bạn đã nhập vẫn được giữ (trừ mật khẩu). Bạn có thể gửi lại sau ít phút.")</p>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Gửi lại")</button>
    </form>{{/RESUBMIT}}
    <p class="govuk-body-s">_("Mã yêu cầu (cho bộ phận hỗ trợ):") <code>{{REQUEST_ID}}</code></p>
  </div>
</div>
