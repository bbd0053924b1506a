{{%AUTOESCAPE context="HTML"}}<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">_("Thành công")</h2></div>
  <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{{TEXT}}</p></div>
</div>
