{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-xl">{{HEADING}}</h1>
    <p class="govuk-body">{{MESSAGE}}</p>
    {{#HAS_LINK}}<p class="govuk-body"><a class="govuk-link" href="{{LINK}}">{{LINK_TEXT}}</a></p>{{/HAS_LINK}}
  </div>
</div>
