{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">_("Ai là người đại diện?")</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mã số thuế")</dt><dd class="govuk-summary-list__value">{{TAX_CODE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tên đã đăng ký")</dt><dd class="govuk-summary-list__value">{{ORG_NAME}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người đại diện hiện tại")</dt><dd class="govuk-summary-list__value">{{HOLDER}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người yêu cầu")</dt><dd class="govuk-summary-list__value">{{CLAIMANT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tên người yêu cầu ghi")</dt><dd class="govuk-summary-list__value">{{CLAIM_NAME}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Địa chỉ người yêu cầu ghi")</dt><dd class="govuk-summary-list__value">{{CLAIM_ADDRESS}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Gửi lúc")</dt><dd class="govuk-summary-list__value">{{CREATED}}</dd></div>
    </dl>
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">_("Cảnh báo")</span>_("Chỉ quyết định sau khi đã xem giấy chứng nhận đăng ký doanh nghiệp và giấy tờ của người đại diện. Cả hai người sẽ nhận tin nhắn báo kết quả.")</strong>
    </div>
    <form method="post" action="/can-bo/ma-so-thue/{{ID}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">_("Quyết định")</legend>
          <div class="govuk-radios" data-module="govuk-radios">
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="quyet_dinh" name="quyet_dinh" type="radio" value="tu-choi" checked><label class="govuk-label govuk-radios__label" for="quyet_dinh">_("Từ chối yêu cầu: giữ người đại diện hiện tại")</label></div>
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="quyet_dinh-cap" name="quyet_dinh" type="radio" value="cap"><label class="govuk-label govuk-radios__label" for="quyet_dinh-cap">_("Chấp nhận: người yêu cầu trở thành người đại diện")</label></div>
          </div>
        </fieldset>
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">_("Ghi quyết định")</button>
        <a class="govuk-link" href="/can-bo/ma-so-thue">_("Không, quay lại")</a>
      </div>
    </form>
  </div>
</div>
