{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span> _("Trang mô phỏng dịch vụ định danh điện tử, chỉ có trong bản thử nghiệm.")</strong></div>
    <h1 class="govuk-heading-xl">_("Đồng ý chia sẻ thông tin định danh")</h1>
    <form method="post" action="/dang-nhap/vneid/mo-phong" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="state" value="{{STATE}}">
      <input type="hidden" name="nonce" value="{{NONCE}}">
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">_("Chọn người dân đăng nhập")</legend>
          <div class="govuk-radios" data-module="govuk-radios">
            {{#PEOPLE}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="nguoi-{{INDEX}}" name="nguoi" type="radio" value="{{INDEX}}"{{#FIRST}} checked{{/FIRST}}><label class="govuk-label govuk-radios__label" for="nguoi-{{INDEX}}">{{NAME}} ({{PERSONAL_ID}})</label></div>{{/PEOPLE}}
          </div>
        </fieldset>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Đồng ý")</button>
    </form>
  </div>
</div>
