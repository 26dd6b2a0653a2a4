'use strict';
// --browser: the js and wasm rows (and the hand-written loop, and the copy bandwidth) inside
// headless Chromium, driven by playwright-core from the bench peers, on the browser build
// dist/browser/simd-activations.mjs. A loopback-only static server hands the page its files,
// cross-origin isolated so performance.now() has its fine resolution.
const fs = require('fs');
const http = require('http');
const path = require('path');
const { bundle } = require('./bundle');
const { peerRequire } = require('../impls/peer-require');
const { annotate, crossovers } = require('../report/analyze');
const { terminalTable } = require('../report/table');
const { writeReport } = require('../report/write');
const { environment } = require('../lib/environment');

const ROOT = path.join(__dirname, '..', '..');
const BROWSER_BUILD = path.join(ROOT, 'dist', 'browser', 'simd-activations.mjs');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync'];
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };

function vendor(name) {
  const file = { 'lodash.js': 'lodash/lodash.js', 'platform.js': 'platform/platform.js', 'benchmark.js': 'benchmark/benchmark.js' }[name];
  return file && require.resolve(file, { paths: [ROOT] });
}

/** Serves the page, the bundle, vendor scripts and dist/ (nothing else) on 127.0.0.1. */
function serve() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let body;
    let file;
    if (url === '/' || url === '/page.html') file = path.join(__dirname, 'page.html');
    else if (url === '/bundle.js') body = bundle();
    else if (url.startsWith('/vendor/')) file = vendor(url.slice('/vendor/'.length));
    else if (url.startsWith('/dist/')) {
      file = path.join(ROOT, url);
      if (!file.startsWith(path.join(ROOT, 'dist') + path.sep)) file = undefined;
    }
    if (body === undefined && (!file || !fs.existsSync(file) || !fs.statSync(file).isFile())) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file || 'x.js')] || 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store',
    });
    res.end(body !== undefined ? body : fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs the js and wasm rows in the page; resolves to a result like the Node run's, or undefined when skipped. */
async function runBrowser(lib, opts, specs, outDir) {
  console.log('\n--browser: js and wasm rows in headless Chromium');
  if (!fs.existsSync(BROWSER_BUILD)) { console.log(`  skipped: ${path.relative(ROOT, BROWSER_BUILD)} does not exist (no browser build yet)`); return; }
  if (!fs.existsSync(CHROMIUM)) { console.log(`  skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`); return; }
  let chromium;
  try { ({ chromium } = peerRequire('playwright-core')); } catch (e) { console.log(`  skipped: playwright-core not loaded (${e.message})`); return; }
  const server = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      const t = m.text();
      if (t.startsWith('progress ')) process.stderr.write(process.stderr.isTTY ? `\r${t.slice(9).slice(0, 99).padEnd(99)}` : `${t.slice(9)}\n`);
    });
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/page.html`);
    await page.waitForFunction(() => window.benchReady !== undefined, null, { timeout: 60000 });
    const ready = await page.evaluate(() => window.benchReady);
    if (ready !== 'ok') { console.log(`  skipped: the browser build did not load (${ready})`); return; }
    // minTime null: benchmark.js sizes each sample from the page clock's resolution.
    const pageOpts = { sizes: opts.sizes, type: opts.type, dirs: opts.dirs, only: specs.map((s) => s.name), maxTime: opts.maxTime, minTime: null };
    const r = await page.evaluate((o) => window.runBench(o), pageOpts);
    if (process.stderr.isTTY) process.stderr.write(`\r${' '.repeat(99)}\r`);
    annotate(r.rows, r.bandwidth);
    const version = (r.userAgent.match(/Chrome\/[\d.]+/) || [r.userAgent])[0];
    const env = {
      ...environment(lib, {}, process.argv.slice(2)),
      runtime: `headless ${version} (${r.crossOriginIsolated ? 'cross-origin isolated' : 'not cross-origin isolated'}) via playwright-core`,
      userAgent: r.userAgent, backends: r.backends, nativeIsa: undefined, nativeThreads: undefined, wasmBuild: undefined,
    };
    const result = { env, options: { ...opts, browser: true }, bandwidth: r.bandwidth, rows: r.rows,
      crossovers: crossovers(r.rows, opts.sizes, opts.type), notes: r.notes };
    console.log(`  ${version}; backends in the page: ${r.backends.filter((b) => b.available).map((b) => b.name).join(', ')}`);
    console.log(terminalTable({ rows: r.rows, bandwidth: r.bandwidth, sizes: opts.sizes, type: opts.type }));
    const written = writeReport(result, path.join(outDir, 'browser'));
    console.log(`\nWrote ${written.map((w) => path.relative(process.cwd(), w)).join(', ')}`);
    return result;
  } finally {
    await browser.close();
    server.close();
  }
}

module.exports = { runBrowser };
