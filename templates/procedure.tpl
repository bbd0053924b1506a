{{%AUTOESCAPE context="HTML"}}<span class="govuk-caption-l">_("Mã thủ tục") {{CODE}}</span>
<h1 class="govuk-heading-xl" lang="vi">{{NAME}}</h1>
<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{#CAN_APPLY_ONLINE}}
    <a href="/nop-ho-so/{{CODE}}" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">_("Nộp hồ sơ trực tuyến")
      <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false"><path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/></svg>
    </a>
    {{/CAN_APPLY_ONLINE}}
    {{#APPLY_IN_PERSON}}
    <div class="govuk-inset-text">_("Thủ tục này chưa nhận hồ sơ trực tuyến. Bạn nộp hồ sơ trực tiếp hoặc qua bưu chính tại nơi nêu dưới đây.")</div>
    {{/APPLY_IN_PERSON}}
    <dl class="govuk-summary-list app-procedure-summary">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Lĩnh vực")</dt><dd class="govuk-summary-list__value"><a class="govuk-link" href="/thu-tuc?field={{FIELD_CODE}}" lang="vi">{{FIELD}}</a></dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cấp thực hiện")</dt><dd class="govuk-summary-list__value">{{LEVELS}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Mức độ dịch vụ")</dt><dd class="govuk-summary-list__value">{{ONLINE_LEVEL}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Thời hạn giải quyết")</dt><dd class="govuk-summary-list__value">{{TIME}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Phí, lệ phí")</dt><dd class="govuk-summary-list__value">{{FEE}}{{#HAS_FEE_NOTE}}<br><span class="govuk-body-s" lang="vi">{{FEE_NOTE}}</span>{{/HAS_FEE_NOTE}}</dd></div>
      {{#HAS_IMPLEMENTING}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cơ quan thực hiện")</dt><dd class="govuk-summary-list__value" lang="vi">{{IMPLEMENTING}}</dd></div>{{/HAS_IMPLEMENTING}}
    </dl>
    {{#UNKNOWN_UNIT}}<p class="govuk-body-s">_("Cổng Dịch vụ công quốc gia công bố con số này nhưng không ghi đơn vị (ngày, ngày làm việc hay giờ). Hãy hỏi bộ phận một cửa khi nộp hồ sơ.")</p>{{/UNKNOWN_UNIT}}
    {{#CHANNELS_SAME}}<p class="govuk-body">_("Thời hạn như nhau với mọi cách nộp hồ sơ.")</p>{{/CHANNELS_SAME}}
    {{#CHANNELS_DIFFER}}<h2 class="govuk-heading-m">_("Thời hạn theo cách nộp")</h2>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Thời hạn giải quyết theo cách nộp hồ sơ")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Cách nộp")</th><th scope="col" class="govuk-table__header">_("Thời hạn")</th></tr></thead>
      <tbody class="govuk-table__body">
        {{#CHANNEL}}<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{{CHANNEL}}</th><td class="govuk-table__cell">{{TIME}}</td></tr>{{/CHANNEL}}
      </tbody>
    </table>{{/CHANNELS_DIFFER}}
    {{#HAS_PURPOSE}}<h2 class="govuk-heading-m">_("Thủ tục này dùng để làm gì")</h2><p class="govuk-body" lang="vi">{{PURPOSE}}</p>{{/HAS_PURPOSE}}
    {{#HAS_APPLICANTS}}<h2 class="govuk-heading-m">_("Ai được nộp")</h2><p class="govuk-body" lang="vi">{{APPLICANTS}}</p>{{/HAS_APPLICANTS}}
    <h2 class="govuk-heading-m">_("Giấy tờ cần chuẩn bị")</h2>
    {{#HAS_DOCUMENTS}}
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Thành phần hồ sơ")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Giấy tờ")</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">_("Bản chính")</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">_("Bản sao")</th></tr></thead>
      <tbody class="govuk-table__body">
        {{#DOCUMENT}}<tr class="govuk-table__row"><td class="govuk-table__cell" lang="vi">{{NAME}}{{#HAS_NOTE}}<br><span class="govuk-body-s">{{NOTE}}</span>{{/HAS_NOTE}}{{#FORM_LINK}}<br><a class="govuk-link" href="{{URL}}">_("Mẫu:") {{FORM_NAME}}</a>{{/FORM_LINK}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{ORIGINALS}}</td><td class="govuk-table__cell govuk-table__cell--numeric">{{COPIES}}</td></tr>{{/DOCUMENT}}
      </tbody>
    </table>
    {{/HAS_DOCUMENTS}}
    {{#NO_DOCUMENTS}}<p class="govuk-body">_("Danh sách giấy tờ của thủ tục này chưa được nhập vào cổng. Cán bộ một cửa sẽ hướng dẫn bạn; bạn cũng có thể xem trên Cổng Dịch vụ công quốc gia.")</p>{{/NO_DOCUMENTS}}
    {{#HAS_STEPS}}<h2 class="govuk-heading-m">_("Các bước thực hiện")</h2><ol class="govuk-list govuk-list--number" lang="vi">{{#STEP_ITEM}}<li>{{STEP}}</li>{{/STEP_ITEM}}</ol>{{/HAS_STEPS}}
    <h2 class="govuk-heading-m" id="noi-nop">_("Nộp hồ sơ ở đâu")</h2>
    {{#NO_PLACE}}<ul class="govuk-list govuk-list--bullet">{{#WHERE}}<li lang="vi">{{TEXT}}</li>{{/WHERE}}</ul>{{/NO_PLACE}}
    {{#HAS_VISITS}}<p class="govuk-body">_("Nơi nộp hồ sơ cho người ở") <strong lang="vi">{{PLACE}}</strong>:</p>
    {{#VISIT}}<p class="govuk-body govuk-!-margin-bottom-2">{{LEVEL}}</p>{{#CHOOSE_COMMUNE}}<p class="govuk-body">_("Chọn xã, phường của bạn ở dưới để xem bộ phận một cửa của xã.")</p>{{/CHOOSE_COMMUNE}}{{>DESK}}{{/VISIT}}{{/HAS_VISITS}}
    {{#PICKER}}<form method="get" action="/thu-tuc/{{CODE}}#noi-nop" novalidate class="app-desk-picker">
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Tìm nơi nộp hồ sơ theo nơi bạn cư trú")</legend>
        <div class="govuk-form-group"><label class="govuk-label" for="tinh">_("Tỉnh, thành phố")</label>
          <select class="govuk-select" id="tinh" name="tinh">{{#PROVINCE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVINCE_OPTION}}</select></div>
        {{#HAS_COMMUNES}}<div class="govuk-form-group"><label class="govuk-label" for="xa">_("Xã, phường")</label>
          <div class="govuk-hint" id="xa-hint">_("Nếu bạn vừa đổi tỉnh, bấm nút một lần để hiện các xã của tỉnh đó.")</div>
          <select class="govuk-select" id="xa" name="xa" aria-describedby="xa-hint">{{#COMMUNE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/COMMUNE_OPTION}}</select></div>{{/HAS_COMMUNES}}
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Xem nơi nộp hồ sơ")</button>
      </fieldset>
    </form>{{/PICKER}}
    {{#HAS_RESULT}}<h2 class="govuk-heading-m">_("Bạn nhận được gì")</h2><p class="govuk-body" lang="vi">{{RESULT}}</p>{{/HAS_RESULT}}
    {{#HAS_FORMS}}<h2 class="govuk-heading-m">_("Mẫu đơn, tờ khai")</h2><ul class="govuk-list">{{#FORM}}<li><a class="govuk-link" href="{{URL}}" lang="vi">{{NAME}}</a></li>{{/FORM}}</ul>{{/HAS_FORMS}}
    {{#HAS_LEGAL}}<h2 class="govuk-heading-m">_("Căn cứ pháp lý")</h2><ul class="govuk-list govuk-list--bullet" lang="vi">{{#LEGAL}}<li>{{TEXT}}</li>{{/LEGAL}}</ul>{{/HAS_LEGAL}}
    {{#HAS_DECISION}}<p class="govuk-body-s">_("Quyết định công bố:") <span lang="vi">{{DECISION}}</span></p>{{/HAS_DECISION}}
    {{#HAS_SOURCE}}<p class="govuk-body-s"><a class="govuk-link" href="{{SOURCE_URL}}" rel="noopener">_("Xem thủ tục này trên Cổng Dịch vụ công quốc gia")</a></p>{{/HAS_SOURCE}}
  </div>
</div>
