{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{>NOTICE}}
    <h1 class="govuk-heading-xl">_("Mã số thuế có hai người nhận đại diện")</h1>
    <p class="govuk-body">_("Khi một người đăng ký doanh nghiệp, tổ chức với mã số thuế đã có người đại diện, yêu cầu chờ cán bộ xem giấy tờ và quyết định.")</p>
    {{#NONE}}<p class="govuk-body">_("Không có yêu cầu nào đang chờ.")</p>{{/NONE}}
    {{#HAS_CLAIMS}}<div class="app-table-scroll" role="region" aria-label="_("Yêu cầu đang chờ")" tabindex="0">
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Yêu cầu đang chờ")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Mã số thuế")</th><th scope="col" class="govuk-table__header">_("Tên đã đăng ký")</th><th scope="col" class="govuk-table__header">_("Người đại diện hiện tại")</th><th scope="col" class="govuk-table__header">_("Người yêu cầu")</th><th scope="col" class="govuk-table__header">_("Gửi lúc")</th></tr></thead>
      <tbody class="govuk-table__body">
      {{#CLAIMS}}<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/can-bo/ma-so-thue/{{ID}}">{{TAX_CODE}}</a></td><td class="govuk-table__cell">{{ORG_NAME}}</td><td class="govuk-table__cell">{{HOLDER}}</td><td class="govuk-table__cell">{{CLAIMANT}}</td><td class="govuk-table__cell">{{CREATED}}</td></tr>{{/CLAIMS}}
      </tbody>
    </table>
    </div>{{/HAS_CLAIMS}}
  </div>
</div>
