{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>NOTICE}}
    <h1 class="govuk-heading-xl">_("Tài khoản của tôi")</h1>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Họ và tên")</dt><dd class="govuk-summary-list__value">{{NAME}}</dd></div>
      {{#HAS_ID}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số định danh cá nhân")</dt><dd class="govuk-summary-list__value">{{PERSONAL_ID}}</dd></div>{{/HAS_ID}}
      {{#HAS_LOGIN}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tên đăng nhập")</dt><dd class="govuk-summary-list__value">{{LOGIN}}</dd></div>{{/HAS_LOGIN}}
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số điện thoại")</dt><dd class="govuk-summary-list__value">{{PHONE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Email")</dt><dd class="govuk-summary-list__value">{{EMAIL}}</dd></div>
    </dl>
    <p class="govuk-body"><a class="govuk-link" href="/tai-khoan/mat-khau">_("Đổi mật khẩu")</a></p>
    {{#CITIZEN}}<p class="govuk-body"><a class="govuk-link" href="/ho-so-cua-toi">_("Hồ sơ của tôi")</a></p>
    <h2 class="govuk-heading-l">_("Doanh nghiệp, tổ chức tôi đại diện")</h2>
    {{#NO_ORGS}}<p class="govuk-body">_("Bạn chưa đăng ký doanh nghiệp hay tổ chức nào.")</p>{{/NO_ORGS}}
    <ul class="govuk-list">{{#ORGS}}<li><a class="govuk-link" href="/tai-khoan/to-chuc/{{ID}}">{{NAME}}</a> ({{TAX_CODE}})</li>{{/ORGS}}</ul>
    <p class="govuk-body"><a class="govuk-link" href="/tai-khoan/to-chuc/moi">_("Đăng ký doanh nghiệp, tổ chức")</a></p>{{/CITIZEN}}
    <h2 class="govuk-heading-l">_("Các nơi đang đăng nhập")</h2>
    <div class="app-table-scroll" role="region" aria-label="_("Các nơi đang đăng nhập")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Các nơi đang đăng nhập")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Thiết bị")</th><th scope="col" class="govuk-table__header">_("Đăng nhập lúc")</th><th scope="col" class="govuk-table__header">_("Hoạt động gần nhất")</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">_("Thao tác")</span></th></tr></thead>
      <tbody class="govuk-table__body">
      {{#SESSIONS}}<tr class="govuk-table__row"><td class="govuk-table__cell">{{AGENT}} ({{IP}}){{#CURRENT}} <strong class="govuk-tag">_("Thiết bị này")</strong>{{/CURRENT}}</td><td class="govuk-table__cell">{{CREATED}}</td><td class="govuk-table__cell">{{SEEN}}</td>
        <td class="govuk-table__cell">{{#OTHER}}<form method="post" action="/tai-khoan/phien/thu-hoi"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="phien" value="{{PUBLIC_ID}}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">_("Đăng xuất nơi này")</button></form>{{/OTHER}}</td></tr>{{/SESSIONS}}
      </tbody>
    </table>
    </div>
    <form method="post" action="/tai-khoan/dang-xuat-tat-ca">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">_("Đăng xuất khỏi tất cả các nơi")</button>
    </form>
  </div>
</div>
