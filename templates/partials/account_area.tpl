{{%AUTOESCAPE context="HTML"}}{{#SIGNED_OUT}}<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/dang-nhap">_("Đăng nhập")</a></li>{{/SIGNED_OUT}}
{{#SIGNED_IN}}<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/tai-khoan">{{USER_NAME}}</a></li>
{{#IS_OFFICER}}<li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/can-bo">_("Cán bộ")</a></li>{{/IS_OFFICER}}
<li class="govuk-header__navigation-item"><form method="post" action="/dang-xuat" class="app-header-form"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="govuk-header__link app-header-button">_("Đăng xuất")</button></form></li>{{/SIGNED_IN}}
