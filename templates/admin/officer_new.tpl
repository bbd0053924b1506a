{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    <h1 class="govuk-heading-xl">_("Thêm cán bộ")</h1>
    <form method="post" action="/quan-tri/can-bo/moi" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_NAME}}
      {{>F_LOGIN}}
      {{>F_PHONE}}
      {{>F_EMAIL}}
      {{>F_ROLE}}
      {{>F_AGENCY}}
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Thêm cán bộ")</button>
    </form>
  </div>
</div>
