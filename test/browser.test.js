'use strict';
// A real browser: headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core) loads a
// page from a localhost server started here; the page imports dist/browser/simd-activations.mjs
// with <script type="module"> (no bundler), runs the cross-check suite (wasm vs the bundle's own js
// reference, both wasm builds) and the results are asserted here.
const assert = require('assert');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..');
const CHROMIUM = '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** Serves /dist/** and /test/browser/** from the package, read-only, on 127.0.0.1. */
function serve() {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, p);
    const allowed = [path.join(root, 'dist') + path.sep, path.join(root, 'test/browser') + path.sep].some((d) => file.startsWith(d));
    if (!allowed || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('in a real browser (headless Chromium)', function () {
  this.timeout(300000);
  let server, context, profile;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium); .ci/run does this`);
    }
    assert.ok(fs.existsSync(path.join(root, 'dist/browser/simd-activations.mjs')), 'the browser bundle is built (npm run build)');
    server = await serve();
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'simd-activations-chromium-'));
    const { chromium } = require('playwright-core');
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync'],
    });
  });

  after(async () => {
    if (context) await context.close();
    if (server) server.close();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  it('the bundle loads with <script type="module">, both wasm builds run and match the js reference bit for bit', async () => {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/test/browser/page.html`);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 240000 });
    const results = await page.evaluate(() => window.__results);
    assert.deepStrictEqual(errors, []);
    assert.strictEqual(results.error, undefined, results.error);
    for (const build of ['simd', 'scalar']) {
      const r = results[build];
      assert.strictEqual(r.backend, 'wasm', `${build}: the wasm backend is the one in use after ready()`);
      assert.strictEqual(r.build, build);
      assert.deepStrictEqual(r.failures, [], `${build}: ${r.failures.join('\n')}`);
      assert.ok(r.checks > 1000, `${build}: ${r.checks} comparisons ran`);
    }
  });
});
