// motcua: progressive enhancement only. Every page works without this file.
// Loaded as <script type="module" src="/static/app.<hash>.js"> (no inline script
// anywhere, so the page can use a strict Content-Security-Policy).
//
// The build rewrites the import below to the fingerprinted copy of
// govuk-frontend's dist/govuk/govuk-frontend.min.js.
import { initAll } from './govuk-frontend.min.js'

// GOV.UK Frontend's page template sets these classes with an inline script;
// we set them here instead. Module scripts only run in browsers that
// GOV.UK Frontend supports, which is what `govuk-frontend-supported` means.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()

// Uploads of documents (/ho-so/{id}/giay-to): without this, the form posts as usual and the page comes back when
// the files have arrived. With it, the same form is sent by XMLHttpRequest so a bar shows how much has been sent on a
// slow connection; the answer (the documents page, or the same page with the refusals) then replaces this one.
function enhanceUpload (form) {
  const bar = document.createElement('progress')
  bar.className = 'app-upload__progress'
  bar.max = 100
  bar.value = 0
  bar.hidden = true
  bar.setAttribute('aria-label', form.dataset.progressLabel || 'Đang tải lên')
  form.appendChild(bar)
  form.addEventListener('submit', (event) => {
    if (!window.FormData || !window.XMLHttpRequest) {
      return
    }
    event.preventDefault()
    const xhr = new XMLHttpRequest()
    xhr.open('POST', form.action)
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100)
      }
    })
    xhr.addEventListener('load', () => {
      if (xhr.status < 400 && xhr.responseURL) {
        window.location.assign(xhr.responseURL)
        return
      }
      document.open()
      document.write(xhr.responseText)
      document.close()
    })
    xhr.addEventListener('error', () => { form.submit() })
    bar.hidden = false
    for (const button of form.querySelectorAll('button')) {
      button.disabled = true
    }
    xhr.send(new FormData(form))
  })
}

for (const form of document.querySelectorAll('form[data-module="app-upload"]')) {
  enhanceUpload(form)
}
