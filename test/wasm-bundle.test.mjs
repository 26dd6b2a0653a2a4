// The browser bundle (dist/browser/simd-activations.mjs) as a module: the same API as the Node
// entry plus ready(), wasm loaded asynchronously from the inlined bytes, ?wasm= forcing a build.
// (test/browser.test.js runs it in a real browser; this is the quick check in Node.)
import assert from 'node:assert';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const node = require('..');
const bundle = new URL('../dist/browser/simd-activations.mjs', import.meta.url);

describe('the browser bundle, imported as an ES module', () => {
  it('exports the Node entry\'s API and ready(); wasm is in use once ready() resolves', async () => {
    const lib = await import(bundle.href);
    const names = (o) => Object.keys(o).filter((k) => k !== 'default' && k !== '__esModule').sort();
    assert.deepStrictEqual(names(lib), names(node));
    assert.deepStrictEqual(Object.keys(lib.default).sort(), names(node).filter((n) => !/^[A-Z_]+$/.test(n)).sort());
    assert.strictEqual(await lib.ready(), 'wasm');
    assert.strictEqual(lib.getBackend(), 'wasm');
    assert.strictEqual(lib.wasm.build, 'simd');
    const x = lib.wasm.alloc(Float32Array, 5);
    x.set([-2, -1, 0, 1, 2]);
    lib.sigmoid(x, { out: x });
    assert.deepStrictEqual(Array.from(x), Array.from(node.backends.js.sigmoid(Float32Array.of(-2, -1, 0, 1, 2))));
  });

  it('?wasm=scalar forces the scalar build; a bad value leaves js in use and says why', async () => {
    const scalar = await import(`${bundle.href}?wasm=scalar`);
    assert.strictEqual(await scalar.ready(), 'wasm');
    assert.strictEqual(scalar.wasm.build, 'scalar');
    const bad = await import(`${bundle.href}?wasm=fast`);
    assert.strictEqual(await bad.ready(), 'js');
    assert.strictEqual(bad.wasm.available, false);
    assert.match(bad.backendStatus().find((s) => s.name === 'wasm').reason, /\?wasm= must be simd or scalar/);
    assert.throws(() => bad.wasm.alloc(Float32Array, 1), /The wasm backend is not available: \?wasm= must be simd or scalar/);
  });

  it('is self-contained: no fs, process, require or .node file, and no fetch of the .wasm', () => {
    const text = readFileSync(bundle, 'utf8');
    for (const banned of ['require(', 'process.', '.node', 'fetch(', 'node:']) assert.ok(!text.includes(banned), banned);
    assert.ok(!/^import /m.test(text), 'no imports');
  });

  it('is what a bundler picks for the browser (the exports "browser" condition)', async () => {
    const esbuild = require('esbuild');
    const dir = mkdtempSync(join(tmpdir(), 'simd-activations-bundler-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(fileURLToPath(new URL('..', import.meta.url)), join(dir, 'node_modules', 'simd-activations'), 'dir');
      const build = (platform) => esbuild.build({
        stdin: { contents: "import { ready, sigmoid } from 'simd-activations'; ready().then(() => sigmoid([1]));", resolveDir: dir },
        bundle: true, write: false, format: 'esm', platform, logLevel: 'silent', external: ['fs', 'path'],
      }).then((r) => r.outputFiles[0].text);
      const browser = await build('browser');
      assert.ok(browser.includes('?wasm= must be simd or scalar'), 'the browser build of the package is bundled');
      assert.ok(!browser.includes('require('), 'without the Node loader');
      const nodeBuild = await build('node');
      assert.ok(!nodeBuild.includes('?wasm= must be simd or scalar') && nodeBuild.includes('createRequire'), 'platform node gets the Node entry');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
