#!/usr/bin/env node
// Builds static/ (served by the C++ server under /static/) from npm packages
// and frontend/. Run with a Node >= 20:
//
//   sh -c '"$(scripts/node.sh)" scripts/build-static.mjs'     (npm run build:static)
//
// Output (static/ is wiped and replaced as a whole; the build is deterministic):
//   app.<hash>.css                  frontend/scss/app.scss, compressed
//   app.<hash>.js                   frontend/js/app.mjs (imports the next one)
//   govuk-frontend.<hash>.js        govuk-frontend dist/govuk/govuk-frontend.min.js
//   images/favicon.<hash>.svg       the portal's own icon (frontend/images/favicon.svg)
//   favicon.<hash>.ico              the same icon, 16/32/48 px, drawn by this script
//   site.<hash>.webmanifest         web app manifest pointing at the icons above
//   assets/images/*, assets/manifest.json
//                                   govuk-frontend assets under fixed names: its CSS
//                                   refers to them by fixed path ($govuk-assets-path)
//   manifest.json                   {"app.css": "/static/app.<hash>.css", ...}
//   <file>.gz, <file>.br            next to every text file (css js svg json txt
//                                   webmanifest ico): gzip -9 and brotli q11
//
// Every url() in the CSS and every relative import in the JS is checked to
// resolve to a built file; any error exits non-zero and leaves static/ as it was.

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const OUT = path.join(ROOT, 'static')
const URL_PREFIX = '/static/'
const NODE_MODULES = path.join(ROOT, 'node_modules')
const WORK = path.join(NODE_MODULES, '.cache', 'motcua-static-build') // same filesystem as static/

const GOVUK_DIST = path.join(NODE_MODULES, 'govuk-frontend', 'dist', 'govuk')
const TEXT_EXTENSIONS = new Set(['.css', '.js', '.mjs', '.svg', '.json', '.txt', '.webmanifest', '.ico'])

const MIN_NODE_MAJOR = 20
const nodeMajor = Number(process.versions.node.split('.')[0])
if (nodeMajor < MIN_NODE_MAJOR) {
  console.error(`build-static: Node ${process.versions.node} is too old; run with "$(scripts/node.sh)"`)
  process.exit(1)
}

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message)
}

function requireFile(file, hint) {
  if (!fs.existsSync(file)) fail(`missing ${path.relative(ROOT, file)}${hint ? ` (${hint})` : ''}`)
  return file
}

function hash8(buffer) {
  return createHash('sha256').update(buffer).digest('hex').slice(0, 8)
}

// ---------------------------------------------------------------------------
// Output bookkeeping

/** @type {Map<string, string>} logical name -> URL */
const manifest = new Map()
/** @type {string[]} paths relative to WORK, in the order written */
const written = []

function writeOut(relPath, data) {
  const file = path.join(WORK, relPath)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, data)
  written.push(relPath)
  return URL_PREFIX + relPath.split(path.sep).join('/')
}

/**
 * Writes `data` under a content-hashed name and records it in the manifest.
 * @param {string} logical e.g. "app.css" or "images/favicon.svg"
 * @param {Buffer|string} data
 * @param {string} [ext] extension to keep after the hash (default: the last one)
 */
function emitHashed(logical, data, ext = path.extname(logical)) {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8')
  const base = logical.slice(0, logical.length - ext.length)
  const url = writeOut(`${base}.${hash8(buffer)}${ext}`, buffer)
  if (manifest.has(logical)) fail(`two outputs for ${logical}`)
  manifest.set(logical, url)
  return url
}

function urlToFile(url) {
  if (!url.startsWith(URL_PREFIX)) return null
  const rel = decodeURIComponent(url.slice(URL_PREFIX.length).split(/[?#]/)[0])
  const file = path.resolve(WORK, rel)
  if (!file.startsWith(WORK + path.sep)) return null
  return file
}

// ---------------------------------------------------------------------------
// Steps

function copyGovukAssets() {
  // Fixed names: govuk-frontend's CSS refers to /static/assets/images/… directly.
  const images = requireFile(path.join(GOVUK_DIST, 'assets', 'images'), 'run npm ci')
  for (const name of fs.readdirSync(images).sort()) {
    writeOut(path.join('assets', 'images', name), fs.readFileSync(path.join(images, name)))
  }
  writeOut(path.join('assets', 'manifest.json'), fs.readFileSync(path.join(GOVUK_DIST, 'assets', 'manifest.json')))
}

async function buildCss() {
  let sass
  try {
    sass = await import('sass')
  } catch (err) {
    fail(`cannot load sass (run npm ci): ${err.message}`)
  }
  const entry = requireFile(path.join(ROOT, 'frontend', 'scss', 'app.scss'))
  const warnings = []
  let result
  try {
    result = await sass.compileAsync(entry, {
      style: 'compressed',
      sourceMap: false,
      charset: true,
      importers: [new sass.NodePackageImporter(ROOT)],
      loadPaths: [NODE_MODULES],
      quietDeps: true, // govuk-frontend v5 still uses @import and global functions
      // govuk-frontend v5 is written with @import; configuring it through
      // @use … with () loads it as a module, which Sass reports as deprecated.
      silenceDeprecations: ['import'],
      logger: {
        warn(message, { deprecation, span }) {
          const where = span ? ` (${path.relative(ROOT, fileURLToPath(span.url))}:${span.start.line + 1})` : ''
          warnings.push(`${deprecation ? 'deprecation' : 'warning'}: ${message.split('\n')[0]}${where}`)
        },
        debug() {}
      }
    })
  } catch (err) {
    fail(`sass: ${err.message}`)
  }
  for (const w of new Set(warnings)) console.warn(`build-static: sass ${w}`)

  const css = result.css
  checkCss(css)
  return emitHashed('app.css', css)
}

function checkCss(css) {
  // Pages use the system's fonts (frontend/scss/app.scss says why): a web font would cost more than the page.
  if (/@font-face/.test(css)) fail('compiled CSS has an @font-face: pages must load no font file (issue 8 budget)')
  if (/GDS Transport/.test(css)) fail('compiled CSS still refers to GDS Transport')
  const problems = []
  let count = 0
  for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)/g)) {
    const url = (m[1] ?? m[2] ?? m[3]).trim()
    count++
    if (url.startsWith('data:') || url.startsWith('#')) continue
    const file = urlToFile(url)
    if (!file) problems.push(`url(${url}) is not under ${URL_PREFIX}`)
    else if (!fs.existsSync(file)) problems.push(`url(${url}) -> missing ${path.relative(WORK, file)}`)
  }
  if (problems.length) fail(`CSS url() check failed:\n  ${problems.join('\n  ')}`)
  return count
}

function buildJs() {
  const govukSrc = requireFile(path.join(GOVUK_DIST, 'govuk-frontend.min.js'), 'run npm ci')
  const govuk = fs
    .readFileSync(govukSrc, 'utf8')
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n') // no source maps are shipped
  const govukUrl = emitHashed('govuk-frontend.js', govuk)

  const appSrc = requireFile(path.join(ROOT, 'frontend', 'js', 'app.mjs'))
  let app = fs.readFileSync(appSrc, 'utf8')
  const spec = /(['"])\.\/govuk-frontend\.min\.js\1/g
  if (!spec.test(app)) fail('frontend/js/app.mjs does not import ./govuk-frontend.min.js')
  app = app.replace(spec, `'./${path.posix.basename(govukUrl)}'`)
  const appUrl = emitHashed('app.js', app, '.js')
  checkJsImports(appUrl)
  return appUrl
}

function checkJsImports(url) {
  const file = urlToFile(url)
  const source = fs.readFileSync(file, 'utf8')
  for (const m of source.matchAll(/(?:\bimport\b[^'"]*?|\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\1/g)) {
    const target = path.resolve(path.dirname(file), m[2])
    if (!fs.existsSync(target)) fail(`${url} imports ${m[2]}, which was not built`)
  }
}

// The portal's icon as a Windows .ico (16, 32, 48 px, 32-bit BMP entries),
// drawn from the same shapes as frontend/images/favicon.svg (viewBox 0 0 32 32).
function buildFaviconIco() {
  const star = [
    [16, 5.5], [18.47, 13.1], [26.46, 13.1], [20, 17.8], [22.47, 25.4],
    [16, 20.7], [9.53, 25.4], [12, 17.8], [5.54, 13.1], [13.53, 13.1]
  ]
  const inStar = (x, y) => {
    let inside = false
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i]
      const [xj, yj] = star[j]
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
    return inside
  }
  const inRoundedSquare = (x, y, r = 5) => {
    const cx = Math.min(Math.max(x, r), 32 - r)
    const cy = Math.min(Math.max(y, r), 32 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
  }
  const red = [0xa4, 0x16, 0x1a]
  const gold = [0xff, 0xcd, 0x00]
  const SS = 4 // supersampling per axis

  const images = [16, 32, 48].map((size) => {
    const rowBytes = size * 4
    const maskRowBytes = Math.ceil(size / 32) * 4
    const header = Buffer.alloc(40)
    header.writeUInt32LE(40, 0)
    header.writeInt32LE(size, 4)
    header.writeInt32LE(size * 2, 8) // XOR + AND masks
    header.writeUInt16LE(1, 12)
    header.writeUInt16LE(32, 14)
    header.writeUInt32LE(rowBytes * size + maskRowBytes * size, 20)
    const pixels = Buffer.alloc(rowBytes * size)
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        let cover = 0
        let starCover = 0
        for (let sy = 0; sy < SS; sy++) {
          for (let sx = 0; sx < SS; sx++) {
            const x = ((px + (sx + 0.5) / SS) * 32) / size
            const y = ((py + (sy + 0.5) / SS) * 32) / size
            if (inRoundedSquare(x, y)) {
              cover++
              if (inStar(x, y)) starCover++
            }
          }
        }
        const t = cover ? starCover / cover : 0
        const rgb = red.map((c, i) => Math.round(c * (1 - t) + gold[i] * t))
        const o = (size - 1 - py) * rowBytes + px * 4 // bottom-up rows, BGRA
        pixels[o] = rgb[2]
        pixels[o + 1] = rgb[1]
        pixels[o + 2] = rgb[0]
        pixels[o + 3] = Math.round((cover / (SS * SS)) * 255)
      }
    }
    return { size, data: Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)]) }
  })

  const dir = Buffer.alloc(6 + 16 * images.length)
  dir.writeUInt16LE(0, 0)
  dir.writeUInt16LE(1, 2)
  dir.writeUInt16LE(images.length, 4)
  let offset = dir.length
  images.forEach(({ size, data }, i) => {
    const e = 6 + 16 * i
    dir.writeUInt8(size % 256, e)
    dir.writeUInt8(size % 256, e + 1)
    dir.writeUInt16LE(1, e + 4)
    dir.writeUInt16LE(32, e + 6)
    dir.writeUInt32LE(data.length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += data.length
  })
  return Buffer.concat([dir, ...images.map((i) => i.data)])
}

function buildIcons() {
  const svg = fs.readFileSync(requireFile(path.join(ROOT, 'frontend', 'images', 'favicon.svg')))
  const svgUrl = emitHashed('images/favicon.svg', svg)
  const icoUrl = emitHashed('favicon.ico', buildFaviconIco())
  const webManifest = {
    name: 'Cổng dịch vụ công một cửa',
    short_name: 'Một cửa',
    lang: 'vi',
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#a4161a',
    icons: [
      { src: icoUrl, type: 'image/x-icon', sizes: '16x16 32x32 48x48' },
      { src: svgUrl, type: 'image/svg+xml', sizes: 'any', purpose: 'any' }
    ]
  }
  emitHashed('site.webmanifest', JSON.stringify(webManifest, null, 2) + '\n')
}

function compressTextFiles() {
  const originals = [...written]
  for (const rel of originals) {
    if (!TEXT_EXTENSIONS.has(path.extname(rel))) continue
    const data = fs.readFileSync(path.join(WORK, rel))
    fs.writeFileSync(path.join(WORK, `${rel}.gz`), zlib.gzipSync(data, { level: 9 }))
    fs.writeFileSync(
      path.join(WORK, `${rel}.br`),
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT
        }
      })
    )
  }
}

function writeManifest() {
  const sorted = Object.fromEntries([...manifest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  for (const [logical, url] of Object.entries(sorted)) {
    if (!fs.existsSync(urlToFile(url))) fail(`manifest entry ${logical} -> ${url} does not exist`)
  }
  // Not compressed and not hashed: read by the server at start-up.
  fs.writeFileSync(path.join(WORK, 'manifest.json'), JSON.stringify(sorted, null, 2) + '\n')
  written.push('manifest.json')
  return sorted
}

function human(n) {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`
}

function printSummary(sorted) {
  const rows = []
  let total = 0
  let files = 0
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        files++
        total += fs.statSync(full).size
      }
    }
  }
  walk(OUT)
  for (const rel of written) {
    const size = fs.statSync(path.join(OUT, rel)).size
    const gz = path.join(OUT, `${rel}.gz`)
    const br = path.join(OUT, `${rel}.br`)
    rows.push([
      rel.split(path.sep).join('/'),
      human(size),
      fs.existsSync(gz) ? human(fs.statSync(gz).size) : '',
      fs.existsSync(br) ? human(fs.statSync(br).size) : ''
    ])
  }
  const width = Math.max(...rows.map((r) => r[0].length), 4)
  console.log(`${'file'.padEnd(width)}  ${'size'.padStart(10)}  ${'gzip'.padStart(10)}  ${'brotli'.padStart(10)}`)
  for (const [name, size, gz, br] of rows) {
    console.log(`${name.padEnd(width)}  ${size.padStart(10)}  ${gz.padStart(10)}  ${br.padStart(10)}`)
  }
  console.log(`build-static: ${files} files (${written.length} + compressed variants), ${human(total)} in ${path.relative(ROOT, OUT)}/`)
  console.log(`build-static: manifest keys: ${Object.keys(sorted).join(', ')}`)
}

// ---------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  requireFile(NODE_MODULES, 'run npm ci first')
  fs.rmSync(WORK, { recursive: true, force: true })
  fs.mkdirSync(WORK, { recursive: true })

  copyGovukAssets()
  buildIcons()
  buildJs()
  await buildCss()
  compressTextFiles()
  const sorted = writeManifest()

  // Swap the finished tree in as a whole.
  const old = `${WORK}.old-${process.pid}`
  if (fs.existsSync(OUT)) fs.renameSync(OUT, old)
  fs.renameSync(WORK, OUT)
  fs.rmSync(old, { recursive: true, force: true })

  printSummary(sorted)
  console.log(`build-static: done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

main().catch((err) => {
  fs.rmSync(WORK, { recursive: true, force: true })
  console.error(`build-static: error: ${err instanceof BuildError ? err.message : err.stack || err}`)
  process.exit(1)
})
