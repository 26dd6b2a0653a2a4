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
const { lib, TYPES, firstDifference, finiteInput, mixedInput } = require('./helpers');
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
  // More than one wasm chunk (65536 elements) when the arrays live outside wasm memory: the second
  // chunk starts inside a period, with slot counts that are not a multiple of 16.
  ['channels-last c=5, two chunks', 5, { shape: [13200, 5], axis: 1 }],
  ['channels-first hw=49, two chunks', 8, { shape: [170, 8, 7, 7] }],
  // More alpha elements than wasm's dalpha scratch (4096): dalpha in two passes, dx in the last.
  ['channels-first c=5000, hw=4 (dalpha in passes)', 5000, { shape: [2, 5000, 2, 2] }],
  ['Keras sharedAxes [2], alpha [100,1,50] (dalpha in passes)', 5000, { shape: [2, 100, 3, 50], sharedAxes: [2] }],
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
      // dalpha on finite terms, where a term in the wrong lane or order changes its bits.
      const fx = finiteInput(T, n, 47), fdy = finiteInput(T, n, 48);
      wx.set(fx);
      wdy.set(fdy);
      const fwant = js.backward.prelu(fx, alpha, fdy, o);
      const fgot = api.backward.prelu(wx, alpha, wdy, { ...o, out });
      const das = (d) => (typeof d === 'number' ? [d] : d);
      assert.ok(das(fwant.dalpha).every(Number.isFinite), `${what} finite dalpha`);
      assertSame(fgot.dx, fwant.dx, `${what} dx (finite)`);
      assertSame(das(fgot.dalpha), das(fwant.dalpha), `${what} dalpha (finite)`);
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

    it(`${build} build, x or dy ending at the memory's end (the last partial group is not read past it)`, function () {
      if (!fs.existsSync(file)) this.skip();
      const e = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), {}).exports;
      const scratch = e.memory.buffer.byteLength;
      e.memory.grow(4);
      const end = e.memory.buffer.byteLength;
      // [merged dims, alpha strides, alpha length]: a scalar alpha, channels-first planes of 49.
      const maps = [[[4096 + 37], [0], 1], [[3, 5, 49], [0, 1, 0], 5], [[2, 19, 8], [0, 1, 0], 19]];
      for (const T of TYPES) {
        const t = T === Float32Array ? 'f32' : 'f64';
        const size = T.BYTES_PER_ELEMENT;
        for (const [dims, strides, slots] of maps) {
          const n = dims.reduce((p, d) => p * d, 1);
          const x = finiteInput(T, n, 45), dy = finiteInput(T, n, 46);
          const alpha = T.from({ length: slots }, (_, i) => i / 3 - 0.2);
          const dx = new T(n), dalpha = new T(slots);
          reference.preluBackward(x, alpha, dy, dx, dalpha, { shape: dims, strides });
          for (const last of ['x', 'dy']) {
            // x or dy in the last n elements of the memory, everything else in the scratch pages.
            const map = scratch, coords = map + 1024, state = coords + 1024, ap = state + 64 * 144, dap = ap + 1024;
            const other = dap + 1024, outp = other + n * size, endp = end - n * size;
            const xp = last === 'x' ? endp : other, dyp = last === 'x' ? other : endp;
            const i32 = new Int32Array(e.memory.buffer, map, 2 * dims.length);
            dims.forEach((d, k) => { i32[k] = d; i32[dims.length + k] = strides[k]; });
            new T(e.memory.buffer, xp, n).set(x);
            new T(e.memory.buffer, dyp, n).set(dy);
            new T(e.memory.buffer, ap, slots).set(alpha);
            e.prelu_init(state, slots);
            e[`prelu_backward_${t}`](xp, ap, dyp, outp, 0, n, map, dims.length, coords, state, 0, slots, 1);
            e[`prelu_finish_${t}`](state, slots, dap);
            const what = `${build} ${T.name} dims ${dims} ${last} at the end`;
            assertSame(new T(e.memory.buffer, outp, n), dx, `${what} dx`);
            assertSame(new T(e.memory.buffer, dap, slots), dalpha, `${what} dalpha`);
          }
        }
      }
    });
  }
});
