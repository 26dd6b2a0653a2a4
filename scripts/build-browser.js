'use strict';
// Bundles src/browser.ts into dist/browser/simd-activations.mjs: one self-contained ES module that
// a page loads with <script type="module"> (no bundler), with both wasm builds inlined as base64
// (esbuild's binary loader) in place of the src/backends/wasm-bytes.ts placeholder. The module
// starts loading wasm at import, with the build forced by ?wasm=simd|scalar on its URL if given.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const outfile = path.join(root, 'dist/browser/simd-activations.mjs');

const inlineWasm = {
  name: 'inline-wasm',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]backends[\\/]wasm-bytes\.ts$/ }, () => ({
      contents: [
        "import simd from '../../dist/wasm/simd.wasm';",
        "import scalar from '../../dist/wasm/scalar.wasm';",
        'export const WASM_BYTES = { simd, scalar };',
      ].join('\n'),
      loader: 'ts',
    }));
  },
};

esbuild.build({
  stdin: {
    contents: [
      "export * from './src/browser';",
      "export { default } from './src/browser';",
      "import { startWasm } from './src/backends/wasm-browser';",
      'startWasm(import.meta.url);',
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'simd-activations.mjs',
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  loader: { '.wasm': 'binary' },
  plugins: [inlineWasm],
  outfile,
  logLevel: 'warning',
}).then(() => {
  const text = fs.readFileSync(outfile);
  for (const banned of ['require(', 'process.', '.node"', "from'fs'", 'from"fs"']) {
    if (text.includes(banned)) throw new Error(`${outfile} mentions ${banned}`);
  }
  const sizes = [outfile, ...['simd', 'scalar'].map((b) => path.join(root, `dist/wasm/${b}.wasm`))].map((f) => {
    const raw = fs.readFileSync(f);
    return `${path.relative(root, f)}: ${raw.length} bytes, ${zlib.gzipSync(raw, { level: 9 }).length} gzipped`;
  });
  console.log(sizes.join('\n'));
}, (e) => {
  console.error(e.message);
  process.exit(1);
});
