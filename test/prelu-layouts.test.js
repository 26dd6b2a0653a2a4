'use strict';
// prelu's fast layouts (native and wasm) against the js reference, bit for bit: channels-last
// ([rows, c], Keras [n, h, w, c] with shared axes: alpha periodic along the data), channels-first
// ([n, c, h, w]: constant alpha along each h·w plane), scalar alpha, and the general walk (alpha
// on axis 0, strides that do not merge). Odd lengths, more than 4096 rows (dalpha's blocks),
// unaligned views, in place, derivative and backward; native on every ISA with 1–3 threads, wasm
// on both builds with arrays outside and inside wasm memory.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { lib, TYPES, firstDifference, mixedInput } = require('./helpers');
const registry = require('../dist/cjs/registry.js');
const reference = require('../dist/cjs/reference/prelu.js');

const js = lib.backends.js;

function assertSame(got, want, what) {
  const i = firstDifference(got, want);
  if (i !== -1) assert.fail(`${what}: index ${i}: got ${got[i]}, js ${want[i]}`);
}

/** Views of length n whose first element sits `shift` elements into a larger buffer. */
function shifted(T, src, shift) {
  const v = new T(new T(src.length + shift + 3).buffer, shift * T.BYTES_PER_ELEMENT, src.length);
  v.set(src);
  return v;
}

/** [name, alpha length or 'scalar', options]: the layouts the backends walk fast, and the rest. */
const LAYOUTS = [
  ['channels-last c=8 (the benchmark)', 8, { shape: [4103, 8] }],
  ['channels-last c=3, > 4096 rows', 3, { shape: [4099, 3], axis: 1 }],
  ['channels-last c=17', 17, { shape: [301, 17], axis: 1 }],
  ['channels-last c=64', 64, { shape: [37, 64], axis: 1 }],
  ['channels-last c=2, > 4096 rows', 2, { shape: [4200, 2], axis: 1 }],
  ['channels-last c=4', 4, { shape: [1100, 4], axis: 1 }],
  ['channels-last c=64, 203 rows (alpha read in place)', 64, { shape: [203, 64], axis: 1 }],
  ['channels-last c=96', 96, { shape: [150, 96], axis: 1 }],
  ['channels-last c=1500', 1500, { shape: [5, 1500], axis: 1 }],
  ['Keras nhwc sharedAxes [1, 2]', 32, { shape: [3, 5, 7, 32], sharedAxes: [1, 2] }],
  ['Keras nhwc sharedAxes [1] (pattern w·c)', 7 * 6, { shape: [3, 5, 7, 6], sharedAxes: [1] }],
  ['Keras nhwc sharedAxes [2] (alpha [h,1,c])', 5 * 6, { shape: [3, 5, 7, 6], sharedAxes: [2] }],
  ['channels-first hw=1', 16, { shape: [9, 16, 1, 1] }],
  ['channels-first hw=4', 5, { shape: [7, 5, 2, 2] }],
  ['channels-first hw=49', 16, { shape: [3, 16, 7, 7] }],
  ['channels-first hw=300, c=300 (long pattern)', 300, { shape: [2, 300, 15, 20] }],
  ['channels-first hw=49, c=30 (long pattern, short runs)', 30, { shape: [3, 30, 7, 7] }],
  ['alpha on axis 0', 13, { shape: [13, 7], axis: 0 }],
  ['alpha on axis 0, long rows', 3, { shape: [3, 4111], axis: 0 }],
  ['full alpha (sharedAxes [])', 6 * 7, { shape: [4, 6, 7], sharedAxes: [] }],
  ['scalar, > 4096 elements', 'scalar', {}],
];

function lengthOf(o) {
  return o.shape ? o.shape.reduce((p, d) => p * d, 1) : 3 * 4096 + 77;
}

/** Runs every layout on api (fresh arrays from make(T, n), or plain ones) against js. */
function checkLayouts(api, label, make = (T, n) => new T(n), release = () => {}) {
  for (const T of TYPES) {
    for (const [name, al, o] of LAYOUTS) {
      const n = lengthOf(o);
      const what = `${label} ${T.name} ${name}`;
      const x = mixedInput(T, n, 41);
      const dy = mixedInput(T, n, 42);
      const alpha = al === 'scalar' ? 0.3 : T.from({ length: al }, (_, i) => (i % 7) / 5 - 0.4);
      const wx = make(T, n);
      wx.set(x);
      const wdy = make(T, n);
      wdy.set(dy);
      const out = make(T, n);
      assertSame(api.prelu(wx, alpha, { ...o, out }), js.prelu(x, alpha, o), `${what} forward`);
      assertSame(api.derivative.prelu(wx, alpha, { ...o, out }), js.derivative.prelu(x, alpha, o), `${what} derivative`);
      const want = js.backward.prelu(x, alpha, dy, o);
      const got = api.backward.prelu(wx, alpha, wdy, { ...o, out });
      assertSame(got.dx, want.dx, `${what} dx`);
      assertSame(typeof want.dalpha === 'number' ? [got.dalpha] : got.dalpha, typeof want.dalpha === 'number' ? [want.dalpha] : want.dalpha, `${what} dalpha`);
      // In place (dx over dy, out over x), and an unaligned view.
      const inPlace = api.backward.prelu(wx, alpha, wdy, { ...o, out: wdy });
      assertSame(inPlace.dx, want.dx, `${what} dx in place`);
      assertSame(api.prelu(wx, alpha, { ...o, out: wx }), js.prelu(x, alpha, o), `${what} forward in place`);
      const xs = shifted(T, x, 3);
      assertSame(api.prelu(xs, alpha, o), js.prelu(x, alpha, o), `${what} unaligned`);
      const us = api.backward.prelu(xs, alpha, shifted(T, dy, 1), o);
      assertSame(us.dx, want.dx, `${what} unaligned dx`);
      release();
    }
  }
}

const native = lib.availableBackends().includes('native') ? registry.backendNamed('native') : undefined;
describe('prelu layouts on the native backend', function () {
  if (!native) {
    it('native backend not available', function () { this.skip(); });
    return;
  }
  const nativeModule = require('../dist/cjs/backends/native.js');
  const addon = native.addon;
  const bestIsa = addon.getIsa();
  after(() => {
    addon.setIsa(bestIsa);
    lib.setThreads(addon.hardwareThreads() > 8 ? 8 : Math.max(1, addon.hardwareThreads()));
    addon.setThreads(lib.getThreads(), nativeModule.parallelMinArray());
  });
  for (const isa of addon.supportedIsas()) {
    for (const t of [1, 2, 3]) {
      it(`${isa}, ${t} thread${t > 1 ? 's' : ''} (every call split)`, () => {
        addon.setIsa(isa);
        lib.setThreads(t);
        addon.setThreads(t, 0);
        checkLayouts(lib.backends.native, `${isa} ${t}t`);
      });
    }
  }

  it('an alpha map whose units share alpha elements (overlapping patterns) sums in the reference order', () => {
    // dims [3, 5, 4] with alpha strides [1, 0, 1]: unit i0 uses alpha[i0 .. i0 + 4), so slot
    // counts differ between a unit's slots and the general path must take over.
    const pr = lib.FUNCTION_NAMES.indexOf('prelu');
    for (const T of TYPES) {
      const n = 3 * 5 * 4;
      const x = mixedInput(T, n, 43), dy = mixedInput(T, n, 44);
      const alpha = T.from({ length: 6 }, (_, i) => i / 4 - 0.5);
      const map = { shape: [3, 5, 4], strides: [1, 0, 1] };
      const dx = new T(n), dalpha = new T(6), wdx = new T(n), wdalpha = new T(6);
      reference.preluBackward(x, alpha, dy, wdx, wdalpha, map);
      addon.prelu(pr, 2, x, alpha, dy, dx, dalpha, Float64Array.of(3, 5, 4, 1, 0, 1));
      assertSame(dx, wdx, `${T.name} dx`);
      assertSame(dalpha, wdalpha, `${T.name} dalpha`);
      const out = new T(n), want = new T(n);
      reference.preluForward(x, alpha, want, map);
      addon.prelu(pr, 0, x, alpha, x, out, alpha, Float64Array.of(3, 5, 4, 1, 0, 1));
      assertSame(out, want, `${T.name} forward`);
    }
  });
});

describe('prelu layouts on the wasm backend', function () {
  if (!lib.availableBackends().includes('wasm')) {
    it('wasm backend not available', function () { this.skip(); });
    return;
  }
  const { makeApi } = require('../dist/cjs/api.js');
  const core = require('../dist/cjs/backends/wasm-core.js');
  const { arraysOf } = require('../dist/cjs/backends/wasm-memory.js');
  for (const build of ['simd', 'scalar']) {
    const file = path.join(__dirname, '..', 'dist/wasm', `${build}.wasm`);
    it(`${build} build, arrays outside and inside wasm memory`, function () {
      if (!fs.existsSync(file)) this.skip();
      const { backend, heap } = core.wasmBackendFrom(new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}));
      heap.reserve(8 << 20);
      const api = makeApi(() => backend, () => false);
      const arrays = arraysOf(heap, build);
      checkLayouts(api, `wasm ${build}`);
      const live = [];
      checkLayouts(api, `wasm ${build} memory`, (T, n) => { const v = arrays.alloc(T, n); live.push(v); return v; },
        () => { for (const v of live.reverse()) arrays.free(v); live.length = 0; });
    });
  }
});
