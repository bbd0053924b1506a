{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">{{NAME}}</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tên đăng nhập")</dt><dd class="govuk-summary-list__value">{{LOGIN}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số điện thoại")</dt><dd class="govuk-summary-list__value">{{PHONE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Email")</dt><dd class="govuk-summary-list__value">{{EMAIL}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Trạng thái")</dt><dd class="govuk-summary-list__value">{{STATUS}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Đăng nhập gần nhất")</dt><dd class="govuk-summary-list__value">{{LAST_LOGIN}}</dd></div>
    </dl>
    <h2 class="govuk-heading-l">_("Vai trò")</h2>
    <div class="app-table-scroll" role="region" aria-label="_("Vai trò")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Vai trò")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Vai trò")</th><th scope="col" class="govuk-table__header">_("Cơ quan")</th><th scope="col" class="govuk-table__header">_("Lĩnh vực phụ trách")</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">_("Thao tác")</span></th></tr></thead>
      <tbody class="govuk-table__body">
      {{#GRANTS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{ROLE_NAME}}</td><td class="govuk-table__cell">{{AGENCY_NAME}}</td><td class="govuk-table__cell">{{GRANT_FIELDS}}</td><td class="govuk-table__cell">{{#CAN_REMOVE}}<a class="govuk-link" href="/quan-tri/can-bo/{{ID}}/vai-tro/xoa?vai_tro={{ROLE:u}}&amp;co_quan={{AGENCY:u}}">_("Bỏ vai trò")<span class="govuk-visually-hidden"> {{ROLE_NAME}}, {{AGENCY_NAME}}</span></a>{{/CAN_REMOVE}}</td></tr>{{/GRANTS}}
      </tbody>
    </table>
    </div>
    <h3 class="govuk-heading-m">_("Giao thêm vai trò")</h3>
    <form method="post" action="/quan-tri/can-bo/{{ID}}/vai-tro" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_ROLE}}
      {{>F_AGENCY}}
      <details class="govuk-details" id="linh_vuc">
        <summary class="govuk-details__summary"><span class="govuk-details__summary-text">_("Chỉ phụ trách một số lĩnh vực (không chọn: mọi lĩnh vực)")</span></summary>
        <div class="govuk-details__text">
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Lĩnh vực phụ trách")</legend>
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {{#FIELDS}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="linh_vuc-{{FIELD_CODE}}" name="linh_vuc" type="checkbox" value="{{FIELD_CODE}}"><label class="govuk-label govuk-checkboxes__label" for="linh_vuc-{{FIELD_CODE}}">{{FIELD_NAME}}</label></div>{{/FIELDS}}
              </div>
            </fieldset>
          </div>
        </div>
      </details>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Giao vai trò")</button>
    </form>
    <h2 class="govuk-heading-l">_("Tài khoản")</h2>
    <div class="govuk-button-group">
      <a href="/quan-tri/can-bo/{{ID}}/mat-khau" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Đặt lại mật khẩu")</a>
      <a href="/quan-tri/can-bo/{{ID}}/phien/thu-hoi" role="button" draggable="false" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Đăng xuất mọi phiên") ({{SESSION_COUNT}})</a>
      {{#CAN_TOGGLE}}{{#TO_DISABLE}}<a href="/quan-tri/can-bo/{{ID}}/trang-thai" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">{{TOGGLE_TEXT}}</a>{{/TO_DISABLE}}{{#TO_ENABLE}}<form method="post" action="/quan-tri/can-bo/{{ID}}/trang-thai"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="trang_thai" value="active"><button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{{TOGGLE_TEXT}}</button></form>{{/TO_ENABLE}}{{/CAN_TOGGLE}}
    </div>
    <h2 class="govuk-heading-l">_("Mã truy cập API")</h2>
    <div class="app-table-scroll" role="region" aria-label="_("Mã truy cập API")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Mã truy cập API")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Tên")</th><th scope="col" class="govuk-table__header">_("Bắt đầu bằng")</th><th scope="col" class="govuk-table__header">_("Tạo lúc")</th><th scope="col" class="govuk-table__header">_("Trạng thái")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#TOKENS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{TOKEN_NAME}}</td><td class="govuk-table__cell"><code>{{PREFIX}}…</code></td><td class="govuk-table__cell">{{CREATED}}</td><td class="govuk-table__cell">{{#LIVE}}<a class="govuk-link" href="/quan-tri/token/{{TOKEN_ID}}/thu-hoi">_("Thu hồi")<span class="govuk-visually-hidden"> {{TOKEN_NAME}}</span></a>{{/LIVE}}{{#REVOKED}}_("Đã thu hồi"){{/REVOKED}}</td></tr>{{/TOKENS}}
      </tbody>
    </table>
    </div>
    <form method="post" action="/quan-tri/can-bo/{{ID}}/token" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_TOKEN_NAME}}
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Tạo mã truy cập API")</button>
    </form>
  </div>
</div>
