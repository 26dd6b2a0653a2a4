'use strict';
// A tiny CommonJS bundler for the page: the browser runs the very same suite code as Node
// (lib/suite.js, lib/inputs.js, lib/timer.js, impls/ours.js, impls/naive.js, the baselines), each
// file wrapped in a function and resolved by relative path. 'benchmark' is the global Benchmark
// (benchmark.js with lodash and platform loaded as classic scripts); './progress' is a page shim.
const fs = require('fs');
const path = require('path');

const BENCH = path.join(__dirname, '..');
const FILES = ['lib/suite.js', 'lib/inputs.js', 'lib/timer.js', 'impls/copy.js', 'impls/ours.js', 'impls/naive.js',
  'naive.js', 'naive-backward.js', 'browser/progress-shim.js'];

function bundle() {
  const mods = FILES.map((f) => {
    const src = fs.readFileSync(path.join(BENCH, f), 'utf8');
    return `${JSON.stringify(f)}: function (module, exports, require) {\n${src}\n}`;
  });
  return `(function () {
const defs = {${mods.join(',\n')}};
const cache = {};
function resolve(from, req) {
  if (req === 'benchmark') return req;
  if (req === './progress') return 'browser/progress-shim.js';
  const parts = from.split('/').slice(0, -1);
  for (const p of req.split('/')) { if (p === '..') parts.pop(); else if (p !== '.') parts.push(p); }
  const id = parts.join('/');
  return id.endsWith('.js') ? id : id + '.js';
}
function load(id) {
  if (id === 'benchmark') return window.Benchmark;
  if (cache[id]) return cache[id].exports;
  if (!defs[id]) throw new Error('bench bundle: no module ' + id);
  const module = { exports: {} };
  cache[id] = module;
  defs[id](module, module.exports, (req) => load(resolve(id, req)));
  return module.exports;
}
window.benchRequire = load;
})();`;
}

module.exports = { bundle };
