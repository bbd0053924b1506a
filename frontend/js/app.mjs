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
