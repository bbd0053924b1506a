{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    {{>ERROR_SUMMARY}}
    {{>NOTICE}}
    <span class="govuk-caption-l">_("Quản trị")</span>
    <h1 class="govuk-heading-xl">_("Lịch làm việc năm") {{YEAR}}</h1>
    <p class="govuk-body">_("Lịch tính sẵn gồm các ngày lễ, Tết theo Bộ luật Lao động, ngày nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần và các ngày hoán đổi Chính phủ đã công bố. Quản trị hệ thống có thể điều chỉnh từng ngày; hạn xử lý hồ sơ được tính theo lịch đã điều chỉnh.")</p>
    <nav class="govuk-body" aria-label="_("Chọn năm")">
      {{#HAS_PREVIOUS}}<a class="govuk-link" href="/quan-tri/lich-lam-viec?nam={{PREVIOUS}}">_("Năm trước") ({{PREVIOUS}})</a>{{/HAS_PREVIOUS}}
      {{#HAS_NEXT}}<a class="govuk-link govuk-!-margin-left-4" href="/quan-tri/lich-lam-viec?nam={{NEXT}}">_("Năm sau") ({{NEXT}})</a>{{/HAS_NEXT}}
    </nav>
    <form method="get" action="/quan-tri/lich-lam-viec" class="govuk-!-margin-bottom-6">
      <div class="govuk-form-group">
        <label class="govuk-label" for="nam">_("Xem năm")</label>
        <input class="govuk-input govuk-input--width-4" id="nam" name="nam" type="text" inputmode="numeric" value="{{YEAR}}">
      </div>
      <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">_("Xem")</button>
    </form>

    <h2 class="govuk-heading-m">_("Ngày nghỉ và ngày làm bù")</h2>
    <table class="govuk-table" id="lich">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Ngày nghỉ và ngày làm bù năm") {{YEAR}}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">_("Ngày")</th>
        <th scope="col" class="govuk-table__header">_("Thứ")</th>
        <th scope="col" class="govuk-table__header">_("Loại")</th>
        <th scope="col" class="govuk-table__header">_("Lý do")</th>
        <th scope="col" class="govuk-table__header">_("Nguồn")</th>
      </tr></thead>
      <tbody class="govuk-table__body">{{#DAYS}}<tr class="govuk-table__row" data-day="{{ISO}}" data-kind="{{KIND_CODE}}">
        <td class="govuk-table__cell"><time datetime="{{ISO}}">{{DATE}}</time></td>
        <td class="govuk-table__cell">{{WEEKDAY}}</td>
        <td class="govuk-table__cell">{{#WORKED}}<strong class="govuk-tag govuk-tag--green">{{/WORKED}}{{KIND}}{{#WORKED}}</strong>{{/WORKED}}</td>
        <td class="govuk-table__cell" lang="vi">{{REASON}}</td>
        <td class="govuk-table__cell">{{#COMPUTED}}_("Tính sẵn"){{/COMPUTED}}{{#BY_ADMIN}}<strong>_("Quản trị điều chỉnh")</strong>{{/BY_ADMIN}}</td>
      </tr>{{/DAYS}}</tbody>
    </table>

    <h2 class="govuk-heading-m">_("Các điều chỉnh của quản trị")</h2>
    {{#NO_OVERRIDES}}<p class="govuk-body">_("Năm này chưa có điều chỉnh nào: lịch là lịch tính sẵn.")</p>{{/NO_OVERRIDES}}
    <table class="govuk-table" id="dieu-chinh">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Các điều chỉnh của quản trị")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">_("Ngày")</th>
        <th scope="col" class="govuk-table__header">_("Thứ")</th>
        <th scope="col" class="govuk-table__header">_("Ngày đó")</th>
        <th scope="col" class="govuk-table__header">_("Lý do")</th>
        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">_("Thao tác")</span></th>
      </tr></thead>
      <tbody class="govuk-table__body">{{#OVERRIDES}}<tr class="govuk-table__row" data-day="{{ISO}}">
        <td class="govuk-table__cell"><time datetime="{{ISO}}">{{DATE}}</time></td>
        <td class="govuk-table__cell">{{WEEKDAY}}</td>
        <td class="govuk-table__cell">{{STATE}}</td>
        <td class="govuk-table__cell" lang="vi">{{REASON}}</td>
        <td class="govuk-table__cell">{{#CAN_REMOVE}}<form method="post" action="/quan-tri/lich-lam-viec/ngay/xoa">
          <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="ngay" value="{{ISO}}">
          <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">_("Bỏ điều chỉnh")<span class="govuk-visually-hidden"> {{DATE}}</span></button>
        </form>{{/CAN_REMOVE}}</td>
      </tr>{{/OVERRIDES}}</tbody>
    </table>

    {{#CAN_EDIT_DAYS}}<h2 class="govuk-heading-m" id="them-dieu-chinh">_("Thêm hoặc sửa điều chỉnh một ngày")</h2>
    <form method="post" action="/quan-tri/lich-lam-viec/ngay" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <div class="govuk-form-group{{#DAY_ERROR}} govuk-form-group--error{{/DAY_ERROR}}">
        <label class="govuk-label govuk-label--s" for="ngay">_("Ngày")</label>
        <div id="ngay-hint" class="govuk-hint">_("Ví dụ 02/01/2027. Nếu ngày đã có điều chỉnh, điều chỉnh mới thay cho điều chỉnh cũ.")</div>
        {{#DAY_ERROR}}<p id="ngay-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/DAY_ERROR}}
        <input class="govuk-input govuk-input--width-10{{#DAY_ERROR}} govuk-input--error{{/DAY_ERROR}}" id="ngay" name="ngay" type="text" value="{{DAY}}" autocomplete="off" aria-describedby="ngay-hint{{#DAY_ERROR}} ngay-error{{/DAY_ERROR}}">
      </div>
      <div class="govuk-form-group{{#KIND_ERROR}} govuk-form-group--error{{/KIND_ERROR}}">
        <fieldset class="govuk-fieldset"{{#KIND_ERROR}} aria-describedby="loai-error"{{/KIND_ERROR}}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Ngày đó")</legend>
          {{#KIND_ERROR}}<p id="loai-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/KIND_ERROR}}
          <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="loai" name="loai" type="radio" value="nghi"{{#OFF_CHECKED}} checked{{/OFF_CHECKED}}><label class="govuk-label govuk-radios__label" for="loai">_("Nghỉ (không tính là ngày làm việc)")</label></div>
            <div class="govuk-radios__item"><input class="govuk-radios__input" id="loai-lam" name="loai" type="radio" value="lam"{{#WORKING_CHECKED}} checked{{/WORKING_CHECKED}}><label class="govuk-label govuk-radios__label" for="loai-lam">_("Làm việc (ví dụ thứ bảy làm bù, hoặc bỏ một ngày nghỉ tính sẵn)")</label></div>
          </div>
        </fieldset>
      </div>
      <div class="govuk-form-group{{#REASON_ERROR}} govuk-form-group--error{{/REASON_ERROR}}">
        <label class="govuk-label govuk-label--s" for="ly_do">_("Lý do")</label>
        <div id="ly_do-hint" class="govuk-hint">_("Ví dụ: Làm bù cho ngày 30/04 theo Thông báo của Bộ Nội vụ. Lý do được ghi vào nhật ký và hiện trên lịch.")</div>
        {{#REASON_ERROR}}<p id="ly_do-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/REASON_ERROR}}
        <input class="govuk-input{{#REASON_ERROR}} govuk-input--error{{/REASON_ERROR}}" id="ly_do" name="ly_do" type="text" value="{{REASON}}" autocomplete="off" aria-describedby="ly_do-hint{{#REASON_ERROR}} ly_do-error{{/REASON_ERROR}}">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Lưu điều chỉnh")</button>
    </form>{{/CAN_EDIT_DAYS}}

    <h2 class="govuk-heading-m" id="gio-lam-viec">_("Giờ làm việc của cơ quan")</h2>
    <p class="govuk-body">_("Cơ quan chưa đặt giờ riêng thì làm việc theo giờ mặc định:") {{DEFAULT_HOURS}}.</p>
    <table class="govuk-table" id="bang-gio">
      <caption class="govuk-table__caption govuk-visually-hidden">_("Các cơ quan có giờ làm việc riêng")</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">_("Cơ quan")</th>
        <th scope="col" class="govuk-table__header">_("Buổi sáng")</th>
        <th scope="col" class="govuk-table__header">_("Buổi chiều")</th>
      </tr></thead>
      <tbody class="govuk-table__body">{{#HOURS}}<tr class="govuk-table__row">
        <td class="govuk-table__cell" lang="vi">{{AGENCY}}</td>
        <td class="govuk-table__cell">{{MORNING}}</td>
        <td class="govuk-table__cell">{{AFTERNOON}}</td>
      </tr>{{/HOURS}}</tbody>
    </table>
    <form method="post" action="/quan-tri/lich-lam-viec/gio?nam={{YEAR}}" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      {{>F_AGENCY}}
      <div class="govuk-form-group{{#HAS_HOURS_ERROR}} govuk-form-group--error{{/HAS_HOURS_ERROR}}">
        <fieldset class="govuk-fieldset"{{#HAS_HOURS_ERROR}} aria-describedby="gio-error"{{/HAS_HOURS_ERROR}}>
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Giờ làm việc (giờ:phút)")</legend>
          {{#HAS_HOURS_ERROR}}<p id="gio-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{HOURS_ERROR}}</p>{{/HAS_HOURS_ERROR}}
          {{#HOUR_INPUTS}}<div class="govuk-form-group">
            <label class="govuk-label" for="{{NAME}}">{{LABEL}}</label>
            <input class="govuk-input govuk-input--width-5" id="{{NAME}}" name="{{NAME}}" type="text" inputmode="numeric" value="{{VALUE}}" autocomplete="off">
          </div>{{/HOUR_INPUTS}}
        </fieldset>
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">_("Lưu giờ làm việc")</button>
    </form>
  </div>
</div>
