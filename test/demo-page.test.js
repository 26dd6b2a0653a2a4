'use strict';
// The interactive page in headless Chromium (playwright-core): it loads the browser build, shows
// the backend, draws f and f′ with the library's values, redraws when a parameter slider or the
// x-range moves, switches functions, and times the function per backend. Saves a screenshot.
// Skipped where Chromium is not installed.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { lib, firstDifference } = require('./helpers');
const { start } = require('../demo/serve');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync'];

describe('demo page (headless Chromium)', function () {
  this.timeout(90000);
  let server, browser, page, url;
  const errors = [];

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) this.skip();
    const { chromium } = require('playwright-core');
    ({ server, url } = await start(0));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 760 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
  });
  after(async () => {
    if (browser) await browser.close();
    if (server) server.close();
  });

  const drawn = () => page.evaluate(() => ({ ...window.demo, x: Array.from(window.demo.x), f: Array.from(window.demo.f), df: Array.from(window.demo.df) }));
  const d = (id) => page.getAttribute(`#${id}`, 'd');

  it('shows the backend in use and draws leakyRelu and its derivative with the library\'s values', async () => {
    assert.match(await page.textContent('#backend'), /^backend: (wasm SIMD|wasm scalar|js)/);
    const s = await drawn();
    assert.strictEqual(s.fn, 'leakyRelu');
    const x = Float64Array.from(s.x);
    assert.deepStrictEqual([x[0], x[x.length - 1]], [-5, 5]);
    assert.strictEqual(firstDifference(Float64Array.from(s.f), lib.leakyRelu(x, { alpha: 0.1 })), -1);
    assert.strictEqual(firstDifference(Float64Array.from(s.df), lib.derivative.leakyRelu(x, { alpha: 0.1 })), -1);
    assert.ok((await d('curve-f')).startsWith('M'));
  });

  it('moving the alpha slider changes the curve (and the derivative) to the new alpha', async () => {
    const before = { f: await d('curve-f'), df: await d('curve-df') };
    await page.fill('#alpha', '0.5');
    await page.waitForFunction(() => window.demo.params.alpha === 0.5);
    assert.notStrictEqual(await d('curve-f'), before.f);
    assert.notStrictEqual(await d('curve-df'), before.df);
    assert.strictEqual(await page.textContent('#alpha-out'), '0.5');
    const s = await drawn();
    const x = Float64Array.from(s.x);
    assert.strictEqual(firstDifference(Float64Array.from(s.f), lib.leakyRelu(x, { alpha: 0.5 })), -1);
    assert.strictEqual(s.f[0], -2.5);
  });

  it('the x-range sliders resample the curve', async () => {
    const before = await d('curve-f');
    await page.fill('#xmin', '-2');
    await page.waitForFunction(() => window.demo.x[0] === -2);
    assert.notStrictEqual(await d('curve-f'), before);
    await page.fill('#xmax', '3');
    await page.waitForFunction(() => window.demo.x[window.demo.x.length - 1] === 3);
  });

  it('another function gets its own sliders at its defaults (elu: alpha = 1; thresholdedRelu: theta)', async () => {
    await page.selectOption('#fn', 'elu');
    await page.waitForFunction(() => window.demo.fn === 'elu');
    assert.strictEqual(await page.inputValue('#alpha'), '1');
    await page.selectOption('#fn', 'thresholdedRelu');
    await page.waitForFunction(() => window.demo.fn === 'thresholdedRelu');
    await page.fill('#theta', '0.5');
    await page.waitForFunction(() => window.demo.params.theta === 0.5);
    const s = await drawn();
    assert.strictEqual(firstDifference(Float64Array.from(s.f), lib.thresholdedRelu(Float64Array.from(s.x), { theta: 0.5 })), -1);
    await page.selectOption('#fn', 'leakyRelu');
    await page.waitForFunction(() => window.demo.fn === 'leakyRelu' && window.demo.params.alpha === 0.5);
  });

  it('times the function on 1M elements with every backend the page has, and saves a screenshot', async () => {
    await page.click('#time');
    await page.waitForFunction(() => !document.getElementById('time').disabled && document.querySelectorAll('#timings tbody tr').length > 0);
    const rows = await page.$$eval('#timings tbody tr', (trs) => trs.map((tr) => [tr.dataset.backend, ...[...tr.cells].map((c) => c.textContent)]));
    const { backends, build } = await page.evaluate(() => import('/dist/browser/simd-activations.mjs')
      .then((m) => ({ backends: m.availableBackends(), build: m.wasm.build })));
    // Every backend of the page, plus the scalar wasm build next to the SIMD one.
    const expected = build === 'simd' ? backends.flatMap((b) => (b === 'wasm' ? ['wasm', 'wasm-scalar'] : [b])) : backends;
    assert.deepStrictEqual(rows.map((r) => r[0]), expected);
    for (const r of rows) assert.match(r[2], /^\d+\.\d\d ms$/);
    const shot = path.join(os.tmpdir(), 'simd-activations-demo.png');
    await page.screenshot({ path: shot });
    assert.ok(fs.statSync(shot).size > 10000);
    assert.deepStrictEqual(errors, []);
  });
});

describe('demo server', () => {
  let server, url;
  before(async () => ({ server, url } = await start(0)));
  after(() => server.close());

  const get = async (p) => {
    const res = await fetch(new URL(p, url));
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  it('serves the page, its modules and dist/, with the right types', async () => {
    const page = await get('/');
    assert.strictEqual(page.status, 200);
    assert.match(page.type, /^text\/html/);
    assert.match(page.body, /<script type="module" src="app.js">/);
    assert.match((await get('/app.js')).type, /^text\/javascript/);
    const cjs = await get('/dist/cjs/index.js');
    assert.strictEqual(cjs.status, 200);
    assert.match(cjs.body, /layers/);
    const build = await get('/dist/browser/simd-activations.mjs');
    assert.strictEqual(build.status, 200);
    assert.match(build.type, /^text\/javascript/);
    assert.match(build.body, /export/);
  });

  it('serves nothing outside demo/web and dist/', async () => {
    for (const p of ['/../package.json', '/%2e%2e/package.json', '/dist/../package.json', '/dist/%2e%2e/src/index.ts', '/nope.html']) {
      assert.strictEqual((await get(p)).status, 404, p);
    }
  });
});
