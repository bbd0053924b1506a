{{%AUTOESCAPE context="HTML"}}<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    {{>ERROR_SUMMARY}}
    {{>NOTICE}}
    {{#HAS_KEPT_NOTE}}<div class="govuk-inset-text"><p class="govuk-body">_("Nội dung bạn đã nhập (chưa được lưu):")</p><p class="govuk-body app-kept-note" lang="vi">{{KEPT_NOTE}}</p></div>{{/HAS_KEPT_NOTE}}
    <span class="govuk-caption-l" lang="vi">{{PROCEDURE}}</span>
    <h1 class="govuk-heading-xl">_("Hồ sơ") {{CODE}}</h1>
    <p class="govuk-body"><strong class="govuk-tag {{TAG_CLASS}}">{{STATUS}}</strong>{{#DUE}} <strong class="govuk-tag {{MARK_CLASS}}">{{MARK}}</strong>{{/DUE}}</p>
    <ul class="govuk-list">
      {{#PRINT_01}}<li><a class="govuk-link" href="{{DOSSIER_PATH}}/mau/01.pdf">_("In giấy tiếp nhận (mẫu 01)")</a></li>{{/PRINT_01}}
      {{#PRINT_02}}<li><a class="govuk-link" href="{{DOSSIER_PATH}}/mau/02.pdf">_("In phiếu yêu cầu bổ sung (mẫu 02)")</a></li>{{/PRINT_02}}
      {{#PRINT_03}}<li><a class="govuk-link" href="{{DOSSIER_PATH}}/mau/03.pdf">_("In phiếu từ chối (mẫu 03)")</a></li>{{/PRINT_03}}
      {{#PRINT_04}}<li><a class="govuk-link" href="{{DOSSIER_PATH}}/mau/04.pdf">_("In phiếu xin lỗi và hẹn lại (mẫu 04)")</a></li>{{/PRINT_04}}
      {{#PRINT_05}}<li><a class="govuk-link" href="{{DOSSIER_PATH}}/mau/05.pdf">_("In phiếu kiểm soát quá trình (mẫu 05)")</a></li>{{/PRINT_05}}
    </ul>
    <h2 class="govuk-heading-l">_("Tóm tắt")</h2>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người nộp")</dt><dd class="govuk-summary-list__value" lang="vi">{{APPLICANT}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Thủ tục")</dt><dd class="govuk-summary-list__value"><span lang="vi">{{PROCEDURE}}</span> ({{PROCEDURE_CODE}})</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cơ quan tiếp nhận")</dt><dd class="govuk-summary-list__value" lang="vi">{{AGENCY}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Hình thức nộp")</dt><dd class="govuk-summary-list__value">{{CHANNEL}}{{#HAS_TICKET}} (_("số thứ tự") {{TICKET}}){{/HAS_TICKET}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Nộp lúc")</dt><dd class="govuk-summary-list__value">{{SUBMITTED}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tiếp nhận lúc")</dt><dd class="govuk-summary-list__value">{{RECEIVED}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Hẹn trả kết quả")</dt><dd class="govuk-summary-list__value">{{APPOINTMENT}}{{#HAS_ORIGINAL}}<br><span class="govuk-body-s">_("Hẹn ban đầu:") {{ORIGINAL_APPOINTMENT}}</span>{{/HAS_ORIGINAL}}{{#HAS_APOLOGY_DATE}}<br><span class="govuk-body-s">_("Ngày hẹn lại sau thư xin lỗi:") {{APOLOGY_APPOINTMENT}}</span>{{/HAS_APOLOGY_DATE}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tạm dừng tính thời gian")</dt><dd class="govuk-summary-list__value">{{PAUSED}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Bước hiện tại")</dt><dd class="govuk-summary-list__value" lang="vi">{{STEP}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Người đang giữ")</dt><dd class="govuk-summary-list__value" lang="vi">{{HOLDER}}</dd></div>
      {{#HAS_ENDED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Kết thúc lúc")</dt><dd class="govuk-summary-list__value">{{ENDED}}</dd></div>{{/HAS_ENDED}}
      {{#HAS_TIMELINESS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Đánh giá thời hạn")</dt><dd class="govuk-summary-list__value">{{TIMELINESS}}</dd></div>{{/HAS_TIMELINESS}}
      {{#HAS_END_REASON}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Lý do")</dt><dd class="govuk-summary-list__value" lang="vi">{{END_REASON}}</dd></div>{{/HAS_END_REASON}}
    </dl>
    <h2 class="govuk-heading-l" id="thao-tac">_("Xử lý hồ sơ")</h2>
    {{#NO_ACTIONS}}<p class="govuk-body">_("Bạn không có thao tác nào với hồ sơ này lúc này.")</p>{{/NO_ACTIONS}}
    {{#ACTIONS}}<form method="post" action="{{DOSSIER_PATH}}/xu-ly" novalidate class="app-action govuk-!-margin-bottom-8">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="hanh_dong" value="{{CODE}}">
      <input type="hidden" name="phien_ban" value="{{VERSION}}">
      <h3 class="govuk-heading-m">{{LABEL}}</h3>
      {{#SUPPLEMENT}}<div class="govuk-form-group{{#HAS_ITEMS_ERROR}} govuk-form-group--error{{/HAS_ITEMS_ERROR}}">
        <fieldset class="govuk-fieldset">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Giấy tờ và thông tin cần bổ sung")</legend>
          <div class="govuk-hint">_("Chọn từng mục và ghi rõ lý do. Người nộp chỉ được yêu cầu bổ sung một lần, nên hãy ghi đủ mọi mục.")</div>
          {{#HAS_ITEMS_ERROR}}<p id="{{CODE}}-muc-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ITEMS_ERROR}}</p>{{/HAS_ITEMS_ERROR}}
          <span id="{{CODE}}-muc"></span>
          {{#DOC_ITEMS}}<div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="{{CODE}}-muc-{{N}}" name="muc" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="{{CODE}}-muc-{{N}}">_("Giấy tờ:") {{LABEL}}</label></div></div>
          <div class="govuk-form-group govuk-!-margin-left-6{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-ly_do-{{N}}">_("Lý do cần bổ sung:") {{LABEL}}</label>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<input class="govuk-input{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{CODE}}-ly_do-{{N}}" name="ly_do:{{VALUE}}" type="text" value="{{REASON}}" autocomplete="off"></div>{{/DOC_ITEMS}}
          {{#FIELD_ITEMS}}<div class="govuk-checkboxes govuk-checkboxes--small"><div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="{{CODE}}-muc-{{N}}" name="muc" type="checkbox" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="{{CODE}}-muc-{{N}}">_("Thông tin:") {{LABEL}}</label></div></div>
          <div class="govuk-form-group govuk-!-margin-left-6{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-ly_do-{{N}}">_("Lý do cần bổ sung:") {{LABEL}}</label>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<input class="govuk-input{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{CODE}}-ly_do-{{N}}" name="ly_do:{{VALUE}}" type="text" value="{{REASON}}" autocomplete="off"></div>{{/FIELD_ITEMS}}
        </fieldset>
      </div>
      <fieldset class="govuk-fieldset">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Mục khác (không có trong biểu mẫu)")</legend>
        {{#FREE_ITEMS}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-muc_khac_{{I}}">_("Mục khác") {{I}}</label><input class="govuk-input" id="{{CODE}}-muc_khac_{{I}}" name="muc_khac_{{I}}" type="text" value="{{LABEL}}" autocomplete="off"></div>
        <div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-ly_do_khac_{{I}}">_("Lý do của mục khác") {{I}}</label>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<input class="govuk-input{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{CODE}}-ly_do_khac_{{I}}" name="ly_do_khac_{{I}}" type="text" value="{{REASON}}" autocomplete="off"></div>{{/FREE_ITEMS}}
      </fieldset>{{/SUPPLEMENT}}
      {{#PEOPLE}}<div class="govuk-form-group"><label class="govuk-label" for="{{CODE}}-den">_("Giao cho")</label><select class="govuk-select" id="{{CODE}}-den" name="den"><option value="">_("Chọn cán bộ")</option>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTIONS}}</select></div>{{/PEOPLE}}
      {{#STEPS}}<div class="govuk-form-group"><label class="govuk-label" for="{{CODE}}-buoc">_("Đến bước")</label><select class="govuk-select" id="{{CODE}}-buoc" name="buoc">{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTIONS}}</select></div>{{/STEPS}}
      {{#PEOPLE_OPTIONAL}}<div class="govuk-form-group"><label class="govuk-label" for="{{CODE}}-den">_("Chuyển cho (không bắt buộc)")</label><div class="govuk-hint" id="{{CODE}}-den-hint">_("Để trống thì hồ sơ vào hàng chờ của bước đó.")</div><select class="govuk-select" id="{{CODE}}-den" name="den" aria-describedby="{{CODE}}-den-hint"><option value="">_("Hàng chờ của bước")</option>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTIONS}}</select></div>{{/PEOPLE_OPTIONAL}}
      {{#AGENCIES}}<div class="govuk-form-group"><label class="govuk-label" for="{{CODE}}-co_quan">_("Chuyển đến cơ quan")</label><select class="govuk-select" id="{{CODE}}-co_quan" name="co_quan"><option value="">_("Chọn cơ quan")</option>{{#OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/OPTIONS}}</select></div>{{/AGENCIES}}
      {{#REASON}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-ly_do">_("Lý do (bắt buộc)")</label>{{#HAS_ERROR}}<p id="{{CODE}}-ly_do-error" class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<textarea class="govuk-textarea{{#HAS_ERROR}} govuk-textarea--error{{/HAS_ERROR}}" id="{{CODE}}-ly_do" name="ly_do" rows="3">{{VALUE}}</textarea></div>{{/REASON}}
      {{#NEW_DATE}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><fieldset class="govuk-fieldset" role="group" aria-describedby="{{CODE}}-ngay_moi-hint"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Ngày hẹn trả kết quả mới")</legend><div id="{{CODE}}-ngay_moi-hint" class="govuk-hint">_("Ví dụ 15 12 2026")</div>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<div class="govuk-date-input">
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_moi">_("Ngày")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2" id="{{CODE}}-ngay_moi" name="ngay_moi-ngay" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_moi-thang">_("Tháng")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2" id="{{CODE}}-ngay_moi-thang" name="ngay_moi-thang" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_moi-nam">_("Năm")</label><input class="govuk-input govuk-date-input__input govuk-input--width-4" id="{{CODE}}-ngay_moi-nam" name="ngay_moi-nam" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
      </div></fieldset></div>{{/NEW_DATE}}
      {{#RECEIVER}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-nguoi_nhan">_("Người nhận kết quả")</label><div class="govuk-hint" id="{{CODE}}-nguoi_nhan-hint">_("Họ tên, và số giấy tờ tùy thân khi nhận tại quầy")</div>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<input class="govuk-input{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{CODE}}-nguoi_nhan" name="nguoi_nhan" type="text" value="{{VALUE}}" autocomplete="off" aria-describedby="{{CODE}}-nguoi_nhan-hint"></div>{{/RECEIVER}}
      {{#AMOUNT}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-so_tien">_("Số tiền (đồng)")</label>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<input class="govuk-input govuk-input--width-10{{#HAS_ERROR}} govuk-input--error{{/HAS_ERROR}}" id="{{CODE}}-so_tien" name="so_tien" type="text" inputmode="numeric" value="{{VALUE}}" autocomplete="off"></div>{{/AMOUNT}}
      {{#NOTE}}<div class="govuk-form-group{{#HAS_ERROR}} govuk-form-group--error{{/HAS_ERROR}}"><label class="govuk-label" for="{{CODE}}-ghi_chu">_("Ghi chú (không bắt buộc)")</label>{{#HAS_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{ERROR}}</p>{{/HAS_ERROR}}<textarea class="govuk-textarea" id="{{CODE}}-ghi_chu" name="ghi_chu" rows="2">{{VALUE}}</textarea></div>{{/NOTE}}
      {{#HAS_FORM_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{FORM_ERROR}}</p>{{/HAS_FORM_ERROR}}
      <button type="submit" class="govuk-button" data-module="govuk-button" id="{{CODE}}-gui">{{LABEL}}</button>
    </form>{{/ACTIONS}}
    {{#RESULT_FORM}}<form method="post" action="{{DOSSIER_PATH}}/ket-qua" enctype="multipart/form-data" novalidate class="govuk-!-margin-bottom-8">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="phien_ban" value="{{VERSION}}">
      <h3 class="govuk-heading-m">{{LABEL}}</h3>
      <div class="govuk-form-group{{#HAS_SO_ERROR}} govuk-form-group--error{{/HAS_SO_ERROR}}"><label class="govuk-label" for="{{CODE}}-so">_("Số văn bản, giấy tờ kết quả")</label>{{#HAS_SO_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{SO_ERROR}}</p>{{/HAS_SO_ERROR}}<input class="govuk-input govuk-input--width-20{{#HAS_SO_ERROR}} govuk-input--error{{/HAS_SO_ERROR}}" id="{{CODE}}-so" name="so" type="text" value="{{NUMBER}}" autocomplete="off"></div>
      <div class="govuk-form-group{{#HAS_NGAY_KET_QUA_ERROR}} govuk-form-group--error{{/HAS_NGAY_KET_QUA_ERROR}}"><fieldset class="govuk-fieldset" role="group" aria-describedby="{{CODE}}-ngay_ket_qua-hint"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Ngày ký")</legend><div id="{{CODE}}-ngay_ket_qua-hint" class="govuk-hint">_("Ví dụ 15 12 2026")</div>{{#HAS_NGAY_KET_QUA_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{NGAY_KET_QUA_ERROR}}</p>{{/HAS_NGAY_KET_QUA_ERROR}}<div class="govuk-date-input">
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_ket_qua">_("Ngày")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2" id="{{CODE}}-ngay_ket_qua" name="ngay_ket_qua-ngay" type="text" inputmode="numeric" value="{{DAY}}"></div></div>
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_ket_qua-thang">_("Tháng")</label><input class="govuk-input govuk-date-input__input govuk-input--width-2" id="{{CODE}}-ngay_ket_qua-thang" name="ngay_ket_qua-thang" type="text" inputmode="numeric" value="{{MONTH}}"></div></div>
        <div class="govuk-date-input__item"><div class="govuk-form-group"><label class="govuk-label govuk-date-input__label" for="{{CODE}}-ngay_ket_qua-nam">_("Năm")</label><input class="govuk-input govuk-date-input__input govuk-input--width-4" id="{{CODE}}-ngay_ket_qua-nam" name="ngay_ket_qua-nam" type="text" inputmode="numeric" value="{{YEAR}}"></div></div>
      </div></fieldset></div>
      <div class="govuk-form-group{{#HAS_CACH_TRA_ERROR}} govuk-form-group--error{{/HAS_CACH_TRA_ERROR}}"><fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">_("Cách trả kết quả")</legend>{{#HAS_CACH_TRA_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{CACH_TRA_ERROR}}</p>{{/HAS_CACH_TRA_ERROR}}<div class="govuk-radios" id="{{CODE}}-cach_tra">{{#METHODS}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="{{CODE}}-cach_tra-{{VALUE}}" name="cach_tra" type="radio" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="{{CODE}}-cach_tra-{{VALUE}}">{{NAME}}</label></div>{{/METHODS}}</div></fieldset></div>
      <div class="govuk-form-group{{#HAS_TEP_ERROR}} govuk-form-group--error{{/HAS_TEP_ERROR}}"><label class="govuk-label" for="{{CODE}}-tep">_("Tệp kết quả đã ký số (PDF)")</label><div class="govuk-hint" id="{{CODE}}-tep-hint">_("Bắt buộc khi trả kết quả trực tuyến")</div>{{#HAS_TEP_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{TEP_ERROR}}</p>{{/HAS_TEP_ERROR}}<input class="govuk-file-upload" id="{{CODE}}-tep" name="tep" type="file" accept="application/pdf" aria-describedby="{{CODE}}-tep-hint"></div>
      {{#HAS_FORM_ERROR}}<p class="govuk-error-message"><span class="govuk-visually-hidden">_("Lỗi:")</span> {{FORM_ERROR}}</p>{{/HAS_FORM_ERROR}}
      <button type="submit" class="govuk-button" data-module="govuk-button" id="{{CODE}}-gui">{{LABEL}}</button>
    </form>{{/RESULT_FORM}}
    {{#HAS_SUPPLEMENTS}}<h2 class="govuk-heading-l">_("Yêu cầu bổ sung")</h2>{{/HAS_SUPPLEMENTS}}
    {{#SUPPLEMENTS}}<div class="govuk-inset-text"><p class="govuk-body">_("Yêu cầu lúc") {{AT}} · <span lang="vi">{{BY}}</span>{{#BEFORE_RECEPTION}} (_("trước khi tiếp nhận")){{/BEFORE_RECEPTION}}</p>
      <ul class="govuk-list govuk-list--bullet">{{#ITEMS}}<li><strong lang="vi">{{LABEL}}</strong>: <span lang="vi">{{REASON}}</span></li>{{/ITEMS}}</ul>
      {{#HAS_NOTE}}<p class="govuk-body-s">_("Ghi chú:") {{NOTE}}</p>{{/HAS_NOTE}}
      <p class="govuk-body-s">{{#IS_SUPPLIED}}_("Người nộp đã bổ sung lúc") {{SUPPLIED}}{{/IS_SUPPLIED}}{{#IS_OPEN}}_("Đang chờ người nộp bổ sung.") {{/IS_OPEN}}</p></div>{{/SUPPLEMENTS}}
    {{#HAS_HANDOFFS}}<h2 class="govuk-heading-l">_("Quá trình giải quyết")</h2>
    <div class="app-table-scroll" role="region" aria-label="_("Quá trình giải quyết")" tabindex="0">
    <table class="govuk-table">
      <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">_("Bước")</th><th scope="col" class="govuk-table__header">_("Cơ quan")</th><th scope="col" class="govuk-table__header">_("Bên giao")</th><th scope="col" class="govuk-table__header">_("Bên nhận")</th><th scope="col" class="govuk-table__header">_("Thời điểm giao")</th><th scope="col" class="govuk-table__header">_("Hạn của bước")</th><th scope="col" class="govuk-table__header">_("Kết thúc")</th><th scope="col" class="govuk-table__header">_("Kết quả")</th><th scope="col" class="govuk-table__header">_("Ghi chú")</th></tr></thead>
      <tbody class="govuk-table__body">{{#HANDOFFS}}<tr class="govuk-table__row"><td class="govuk-table__cell" lang="vi">{{STEP}}</td><td class="govuk-table__cell" lang="vi">{{AGENCY}}</td><td class="govuk-table__cell" lang="vi">{{FROM}}</td><td class="govuk-table__cell" lang="vi">{{TO}}</td><td class="govuk-table__cell">{{AT}}</td><td class="govuk-table__cell">{{DUE}}</td><td class="govuk-table__cell">{{FINISHED}}</td><td class="govuk-table__cell">{{TIMELINESS}}</td><td class="govuk-table__cell" lang="vi">{{NOTE}}</td></tr>{{/HANDOFFS}}</tbody>
    </table>
    </div>{{/HAS_HANDOFFS}}
    {{#HAS_APOLOGIES}}<h2 class="govuk-heading-l">_("Thư xin lỗi")</h2>{{/HAS_APOLOGIES}}
    {{#APOLOGIES}}<div class="govuk-inset-text"><p class="govuk-body">{{AT}} · <span lang="vi">{{BY}}</span></p><p class="govuk-body">_("Lý do:") <span lang="vi">{{REASON}}</span></p><p class="govuk-body">_("Ngày hẹn mới:") <strong>{{NEW_DATE}}</strong></p></div>{{/APOLOGIES}}
    {{#RESULT}}<h2 class="govuk-heading-l">_("Kết quả")</h2>
    <dl class="govuk-summary-list">
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Số văn bản")</dt><dd class="govuk-summary-list__value">{{NUMBER}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ngày ký")</dt><dd class="govuk-summary-list__value">{{ISSUED}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Cách trả")</dt><dd class="govuk-summary-list__value">{{METHOD}}</dd></div>
      <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Ghi kết quả lúc")</dt><dd class="govuk-summary-list__value">{{RECORDED}}</dd></div>
      {{#HAS_FILE}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Tệp kết quả")</dt><dd class="govuk-summary-list__value"><a class="govuk-link" href="{{DOSSIER_PATH}}/ket-qua" download>{{FILE_NAME}}</a></dd></div>{{/HAS_FILE}}
      {{#HAS_RETURNED}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">_("Đã trả lúc")</dt><dd class="govuk-summary-list__value">{{RETURNED}} · <span lang="vi">{{RETURNED_TO}}</span></dd></div>{{/HAS_RETURNED}}
    </dl>{{/RESULT}}
    <h2 class="govuk-heading-l">_("Diễn biến hồ sơ")</h2>
    <ol class="govuk-list app-timeline">
      {{#TIMELINE}}<li class="govuk-!-margin-bottom-4"><p class="govuk-body govuk-!-margin-bottom-1"><strong>{{SENTENCE}}</strong></p><p class="govuk-body-s govuk-!-margin-bottom-0">{{AT}}{{#HAS_WHO}} · <span lang="vi">{{WHO}}</span>{{/HAS_WHO}}</p>{{#HAS_NOTE}}<p class="govuk-body-s">_("Ghi chú:") {{NOTE}}</p>{{/HAS_NOTE}}</li>{{/TIMELINE}}
    </ol>
    <h2 class="govuk-heading-l">_("Câu trả lời")</h2>
    {{#ANSWER_PAGES}}<h3 class="govuk-heading-m">{{TITLE}}</h3>
    <dl class="govuk-summary-list govuk-!-margin-bottom-6">
      {{#ANSWERS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{KEY}}</dt><dd class="govuk-summary-list__value">{{VALUE}}{{#OFFICER}} <strong class="govuk-tag govuk-tag--purple">_("Cán bộ đã điền")</strong>{{/OFFICER}}</dd></div>{{/ANSWERS}}
    </dl>{{/ANSWER_PAGES}}
    <h2 class="govuk-heading-l">_("Giấy tờ")</h2>
    <dl class="govuk-summary-list">
      {{#DOCUMENTS}}<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{{NAME}}</dt><dd class="govuk-summary-list__value">{{#NO_FILES}}{{NONE}}{{/NO_FILES}}<ul class="govuk-list">{{#FILES}}<li><a class="govuk-link" href="{{URL}}" download>{{FILE_NAME}}</a> ({{SIZE}}){{#OFFICER}} <strong class="govuk-tag govuk-tag--purple">_("Cán bộ đã tải lên")</strong>{{/OFFICER}}</li>{{/FILES}}</ul></dd></div>{{/DOCUMENTS}}
    </dl>
    <p class="govuk-body"><a class="govuk-link" href="/can-bo/hop-thu">_("Về hộp thư hồ sơ")</a></p>
  </div>
</div>
