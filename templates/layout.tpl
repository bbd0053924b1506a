{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{{TITLE}} – _("Cổng dịch vụ công tỉnh Nam Định")</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#a4161a">
<link rel="icon" sizes="48x48" href="{{FAVICON_ICO}}">
<link rel="icon" sizes="any" href="{{FAVICON_SVG}}" type="image/svg+xml">
<link rel="manifest" href="{{WEBMANIFEST}}">
<link rel="stylesheet" href="{{CSS_URL}}">
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">_("Chuyển đến nội dung chính")</a>
<header class="govuk-header" data-module="govuk-header">
  <div class="govuk-header__container govuk-width-container">
    <div class="govuk-header__logo">
      <a href="/" class="govuk-header__link govuk-header__link--homepage">
        <span class="govuk-header__logotype-text">_("Cổng dịch vụ công")</span>
      </a>
    </div>
    <div class="govuk-header__content">
      <a href="/" class="govuk-header__link govuk-header__service-name">_("Tỉnh Nam Định")</a>
      <nav aria-label="_("Danh mục chính")" class="govuk-header__navigation">
        <button type="button" class="govuk-header__menu-button govuk-js-header-toggle" aria-controls="navigation" hidden>_("Danh mục")</button>
        <ul id="navigation" class="govuk-header__navigation-list">
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/thu-tuc">_("Thủ tục hành chính")</a></li>
          <li class="govuk-header__navigation-item"><a class="govuk-header__link" href="/tra-cuu">_("Tra cứu hồ sơ")</a></li>
          <!--tai-khoan-->{{>ACCOUNT_AREA}}<!--/tai-khoan-->
        </ul>
      </nav>
    </div>
  </div>
</header>
<div class="govuk-width-container">
  <div class="govuk-phase-banner">
    <p class="govuk-phase-banner__content">
      <strong class="govuk-tag govuk-phase-banner__content__tag">_("Thử nghiệm")</strong>
      <span class="govuk-phase-banner__text">_("Đây là hệ thống mới, đang được hoàn thiện.")</span>
      <a class="govuk-link app-lang-switch" href="{{OTHER_LANG_URL}}" lang="{{OTHER_LANG}}" hreflang="{{OTHER_LANG}}">{{OTHER_LANG_NAME}}</a>
    </p>
  </div>
  <main class="govuk-main-wrapper" id="main-content">
{{>CONTENT}}
  </main>
</div>
<footer class="govuk-footer">
  <div class="govuk-width-container">
    <div class="govuk-footer__meta">
      <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
        <h2 class="govuk-visually-hidden">_("Liên kết hỗ trợ")</h2>
        <ul class="govuk-footer__inline-list">
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/tro-giup/kha-nang-tiep-can">_("Khả năng tiếp cận")</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/linh-vuc">_("Lĩnh vực")</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/co-quan">_("Cơ quan")</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/thong-ke">_("Thống kê")</a></li>
          <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/api/openapi.json">API</a></li>
        </ul>
        <p class="govuk-body-s">_("Đường dây nóng hỗ trợ người dân:") <a class="govuk-footer__link" href="tel:{{HOTLINE_TEL}}">{{HOTLINE}}</a></p>
        <p class="govuk-body-s">_("Phần mềm motcua, mã nguồn mở. Dữ liệu thủ tục hành chính từ Cổng Dịch vụ công quốc gia.")</p>
      </div>
    </div>
  </div>
</footer>
<script type="module" src="{{JS_URL}}"></script>
</body>
</html>
