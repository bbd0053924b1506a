{{%AUTOESCAPE context="HTML"}}<form action="/thu-tuc" method="get" role="search" class="app-search">
  <div class="govuk-form-group">
    <label class="govuk-label govuk-label--m" for="q">_("Tìm thủ tục hành chính")</label>
    <div id="q-hint" class="govuk-hint">_("Ví dụ: đăng ký khai sinh, cấp giấy phép xây dựng. Có thể gõ không dấu.")</div>
    <input class="govuk-input" id="q" name="q" type="search" value="{{Q}}" aria-describedby="q-hint" autocomplete="off" spellcheck="false">
  </div>
  <button type="submit" class="govuk-button" data-module="govuk-button">_("Tìm kiếm")</button>
</form>
