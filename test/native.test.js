'use strict';
// The native backend against the js reference, bit for bit, on every ISA path this machine
// supports (switched in-process through the addon's setIsa; a child process checks that
// SIMD_ACTIVATIONS_ISA does the same at load). Small-array routing is off here, so every length
// runs the native kernels and their tails.
const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const { lib, ELEMENTWISE, LENGTHS, TYPES, OTHER_PARAMS, defaults, firstDifference, mixedInput, finiteInput, float32Sweep, rng,
  SPECIALS } = require('./helpers');
const registry = require('../dist/cjs/registry.js');
const nativeModule = require('../dist/cjs/backends/native.js');

const root = path.join(__dirname, '..');
const available = lib.availableBackends().includes('native');
const status = lib.backendStatus().find((s) => s.name === 'native');

/** Compares a native result with the reference's; the message names the first differing input. */
function assertSame(got, want, what, inputs = {}) {
  const i = firstDifference(got, want);
  if (i === -1) return;
  const shown = Object.entries(inputs).map(([k, v]) => `${k}=${v[i]}`).join(' ');
  assert.fail(`${what}: index ${i} ${shown}: native ${got[i]}, js ${want[i]}`);
}

/** Views of length n whose first element sits `shift` elements into a larger buffer. */
function shifted(T, src, shift) {
  const buf = new T(src.length + shift + 3);
  const v = new T(buf.buffer, shift * T.BYTES_PER_ELEMENT, src.length);
  v.set(src);
  return v;
}

/** Random float64 bit patterns (every exponent, NaNs, infinities, subnormals). */
function float64Bits(n, seed) {
  const r = rng(seed);
  const u = new Uint32Array(2 * n);
  for (let i = 0; i < u.length; i++) u[i] = Math.floor(r() * 2 ** 32);
  return new Float64Array(u.buffer);
}

if (!available) {
  describe('native backend', () => {
    it(`is not available here: ${status.reason}`, function () { this.skip(); });
  });
} else {
  const native = lib.backends.native;
  const js = lib.backends.js;
  const addon = registry.backendNamed('native').addon;
  const ISAS = addon.supportedIsas();
  const bestIsa = addon.getIsa();

  describe('native backend: build and dispatch', () => {
    it('reports the ISA it runs on, the best one this CPU supports', () => {
      assert.strictEqual(native.isa, bestIsa);
      assert.strictEqual(ISAS[0], bestIsa);
      assert.ok(ISAS.includes('scalar'));
      if (process.arch === 'x64') assert.ok(ISAS.includes('sse2'));
    });

    it('SIMD_ACTIVATIONS_ISA forces a path at load; an unsupported or unknown one leaves native out with the reason', () => {
      const code = "const l=require('.'); process.stdout.write(String(l.backends.native && l.backends.native.isa) + ' ' + l.getBackend())";
      for (const isa of ISAS) {
        const out = execFileSync(process.execPath, ['-e', code], { cwd: root, env: { ...process.env, SIMD_ACTIVATIONS_ISA: isa }, encoding: 'utf8' });
        assert.strictEqual(out, `${isa} native`);
      }
      const why = "const l=require('.'); process.stdout.write(l.backendStatus()[0].reason)";
      const bad = execFileSync(process.execPath, ['-e', why], { cwd: root, env: { ...process.env, SIMD_ACTIVATIONS_ISA: 'avx1024' }, encoding: 'utf8' });
      assert.match(bad, /SIMD_ACTIVATIONS_ISA is "avx1024" but must be one of avx512, avx2, sse2, scalar/);
    });

    it('says why when the addon file is missing', () => {
      const why = "const l=require('.'); process.stdout.write(l.backendStatus()[0].reason + '|' + l.availableBackends().join())";
      const out = execFileSync(process.execPath, ['-e', why], { cwd: root, env: { ...process.env, SIMD_ACTIVATIONS_ADDON: '/nonexistent/x.node' }, encoding: 'utf8' });
      assert.match(out, /^the addon build\/Release\/simd_activations\.node was not found: .+\|(wasm,)?js$/);
    });

    it('the addon exports a kernel for every function of the spec, in spec order', () => {
      assert.deepStrictEqual(addon.functionNames(), lib.FUNCTION_NAMES);
    });

    it('the addon rejects arrays that do not match instead of touching memory outside them', () => {
      const id = lib.FUNCTION_NAMES.indexOf('sigmoid');
      assert.throws(() => addon.ew(id, 0, new Float32Array(8), new Float32Array(8), new Float32Array(7), 0, 0), TypeError);
      assert.throws(() => addon.ew(id, 0, new Float32Array(8), new Float32Array(8), new Float64Array(8), 0, 0), TypeError);
      assert.throws(() => addon.ew(id, 2, new Float32Array(8), new Float32Array(7), new Float32Array(8), 0, 0), TypeError);
      const sm = lib.FUNCTION_NAMES.indexOf('softmax');
      assert.throws(() => addon.row(sm, 0, new Float32Array(8), new Float32Array(8), new Float32Array(8), 3, 3, 1), TypeError);
      const pr = lib.FUNCTION_NAMES.indexOf('prelu');
      const a = new Float32Array(2);
      assert.throws(() => addon.prelu(pr, 0, new Float32Array(6), a, a, new Float32Array(6), a, Float64Array.of(2, 3, 1, 1)), TypeError, 'alpha index out of range');
      assert.throws(() => addon.prelu(pr, 0, new Float32Array(6), a, a, new Float32Array(6), a, Float64Array.of(2, 4, 1, 0)), TypeError, 'dims do not match x');
    });

    it('the addon rejects an out that partially overlaps an input (the facade leaves that check to it)', () => {
      const overlap = { name: 'RangeError', message: /^Expected the input array itself or memory that does not overlap it for out but received a Float(32|64)Array that partially overlaps an input$/ };
      const sg = lib.FUNCTION_NAMES.indexOf('sigmoid'), sm = lib.FUNCTION_NAMES.indexOf('softmax'), pr = lib.FUNCTION_NAMES.indexOf('prelu');
      for (const T of [Float32Array, Float64Array]) {
        const buf = new T(128).fill(0.25);
        const x = buf.subarray(0, 32), shifted = buf.subarray(1, 33), dy = buf.subarray(40, 72), after = buf.subarray(80, 112);
        assert.throws(() => addon.ew(sg, 0, x, x, shifted, 0, 0), overlap);
        assert.throws(() => addon.ew(sg, 2, x, dy, buf.subarray(33, 65), 0, 0), overlap); // over dy only
        assert.throws(() => addon.row(sm, 0, x, x, shifted, 4, 8, 1), overlap);
        assert.throws(() => addon.row(sm, 1, x, dy, buf.subarray(39, 71), 4, 8, 1), overlap);
        const alpha = buf.subarray(120, 124), map = Float64Array.of(8, 4, 0, 1);
        assert.throws(() => addon.prelu(pr, 0, x, alpha, x, buf.subarray(92, 124), alpha, map), overlap); // over alpha only
        // In place, adjacent, and the backward's dy as out are fine.
        addon.ew(sg, 0, x, x, x, 0, 0);
        addon.ew(sg, 2, x, dy, after, 0, 0);
        addon.ew(sg, 2, x, dy, dy, 0, 0);
        addon.row(sm, 0, x, x, x, 4, 8, 1);
        addon.prelu(pr, 0, x, alpha, x, after, alpha, map);
      }
    });
  });

  for (const isa of ISAS) {
    describe(`native ${isa}: bitwise equal to the js reference`, () => {
      before(() => {
        addon.setIsa(isa);
        nativeModule.setSmallArrayRouting(false);
      });
      after(() => {
        addon.setIsa(bestIsa);
        nativeModule.setSmallArrayRouting(true);
      });

      for (const spec of ELEMENTWISE) {
        const name = spec.name;
        const paramSets = [defaults(spec), OTHER_PARAMS[name]].filter(Boolean);
        const call = (api, dir, x, dy, p) => (dir === 'forward' ? api[name](x, p)
          : dir === 'derivative' ? api.derivative[name](x, p) : api.backward[name](x, dy, p));

        it(`${name}: every length × type × direction × parameters`, () => {
          for (const T of TYPES) {
            for (const n of LENGTHS) {
              const x = mixedInput(T, n, n + 11);
              const dy = mixedInput(T, n, n + 12);
              for (const p of paramSets) {
                for (const dir of ['forward', 'derivative', 'backward']) {
                  assertSame(call(native, dir, x, dy, p), call(js, dir, x, dy, p), `${T.name} n=${n} ${dir} ${JSON.stringify(p)}`, { x, dy });
                }
              }
            }
          }
        });

        it(`${name}: special values, sampled float32 bit patterns, random float64 bit patterns`, () => {
          const inputs = [
            [Float32Array, Float32Array.from(SPECIALS)], [Float64Array, Float64Array.from(SPECIALS)],
            [Float32Array, float32Sweep(14, 4321)], [Float64Array, float64Bits(1 << 15, 5)],
          ];
          for (const [T, x] of inputs) {
            const dy = mixedInput(T, x.length, 99);
            for (const p of paramSets) {
              for (const dir of ['forward', 'derivative', 'backward']) {
                assertSame(call(native, dir, x, dy, p), call(js, dir, x, dy, p), `${T.name} ${dir} ${JSON.stringify(p)}`, { x, dy });
              }
            }
          }
        });

        // Lengths around 32·W for W = 1 to 128 lanes (64, 96 and 128: AVX-512's float32 kernels on
        // two, three and four float vectors per step, vec/pair.h): the loop's padded path below 32·W, and
        // above it the overlapping head (to the aligned store) and last vector, which must read
        // every input before storing over it when out is x or dy.
        it(`${name}: unaligned views (every shift of a vector), lengths around 32 vectors, in place into x and dy`, () => {
          for (const T of TYPES) {
            for (const n of [31, 32, 33, 127, 128, 129, 255, 256, 257, 511, 512, 513, 1023, 1024, 1025, 1301, 2047, 2048, 2049, 2627, 3071, 3072, 3073, 3169, 4095, 4096, 4097, 5253]) {
              const x0 = mixedInput(T, n, 17);
              const dy0 = mixedInput(T, n, 18);
              const want = call(js, 'forward', x0, dy0, {});
              const wantB = call(js, 'backward', x0, dy0, {});
              for (let shift = 0; shift < 17; shift++) {
                const x = shifted(T, x0, shift);
                const dy = shifted(T, dy0, (shift * 7) % 17);
                assertSame(call(native, 'forward', x, dy, {}), want, `${T.name} n=${n} shift ${shift}`);
                assertSame(call(native, 'backward', x, dy, {}), wantB, `${T.name} n=${n} backward shift ${shift}`);
                native[name](x, { out: x });
                assertSame(x, want, `${T.name} n=${n} in place, shift ${shift}`);
                const x2 = shifted(T, x0, shift);
                native.backward[name](x2, dy, { out: dy });
                assertSame(dy, wantB, `${T.name} n=${n} backward in place into dy, shift ${shift}`);
              }
            }
          }
        });
      }

      // The float32-arithmetic kernels (f32/df32): parameters that exercise Dekker's product
      // beta·x (no power of two), the threshold tie th == threshold with tl > 0 or < 0, tiny and
      // huge alpha, and a denser sweep of float32 bit patterns than above.
      it('float32 arithmetic (elu, selu, softplus, sigmoid, tanh): awkward parameters, threshold ties, dense sweep', () => {
        const f32Params = {
          elu: [{ alpha: 1.3 }, { alpha: 1e-30 }, { alpha: 3e38 }, { alpha: -0.7 }],
          softplus: [{ beta: 0.7, threshold: 3 }, { beta: 3.3, threshold: 20 }, { beta: 1e-3, threshold: 0.01 },
            { beta: 100, threshold: 1 }, { beta: 1e30, threshold: 1e31 }, { beta: 1.1, threshold: -2 }],
          selu: [{}], sigmoid: [{}], tanh: [{}],
        };
        const sweep = float32Sweep(14, 77);
        for (const [name, sets] of Object.entries(f32Params)) {
          for (const p of sets) {
            const near = [];
            if (name === 'softplus') {
              // x around threshold/beta: beta·x lands on, just below and just above the threshold.
              const bits = new Uint32Array(Float32Array.of(p.threshold / p.beta).buffer);
              for (let d = -40; d <= 40; d++) {
                near.push(new Float32Array(Uint32Array.of(bits[0] + d).buffer)[0]);
                near.push(-new Float32Array(Uint32Array.of(bits[0] + d).buffer)[0]);
              }
            }
            const x = Float32Array.from([...SPECIALS, ...near, ...sweep]);
            const dy = mixedInput(Float32Array, x.length, 5);
            assertSame(native[name](x, p), js[name](x, p), `${name} forward ${JSON.stringify(p)}`, { x });
            assertSame(native.derivative[name](x, p), js.derivative[name](x, p), `${name} derivative ${JSON.stringify(p)}`, { x });
            assertSame(native.backward[name](x, dy, p), js.backward[name](x, dy, p), `${name} backward ${JSON.stringify(p)}`, { x, dy });
          }
        }
      });

      for (const name of ['softmax', 'logSoftmax']) {
        it(`${name}: each axis of [3, 5, 7], long rows (> 4096) contiguous and strided, masked and NaN rows`, () => {
          for (const T of TYPES) {
            const cases = [
              { x: mixedInput(T, 105, 3).map((v) => (Number.isFinite(v) ? v : 0)), shapes: [[3, 5, 7]], axes: [0, 1, 2] },
              { x: mixedInput(T, 2 * 9000 + 0, 4).map((v) => (v === Infinity || v !== v ? 1 : v)), shapes: [[2, 9000], [9000, 2], [1, 18000]], axes: [0, 1] },
              { x: T.from({ length: 12 }, (_, i) => (i < 4 ? -Infinity : i === 6 ? NaN : i === 9 ? Infinity : i)), shapes: [[3, 4], [4, 3]], axes: [0, 1] },
              { x: T.from({ length: 3 * 17 * 5 }, (_, i) => Math.sin(i) * 40), shapes: [[3, 17, 5], [5, 51]], axes: [0, 1] },
            ];
            for (const { x, shapes, axes } of cases) {
              const dy = mixedInput(T, x.length, 8).map((v) => (Number.isFinite(v) ? v : 0.5));
              for (const shape of shapes) {
                for (const axis of axes.filter((a) => a < shape.length)) {
                  const o = { shape, axis };
                  assertSame(native[name](x, o), js[name](x, o), `${T.name} ${shape} axis ${axis}`, { x });
                  assertSame(native.backward[name](x, dy, o), js.backward[name](x, dy, o), `${T.name} backward ${shape} axis ${axis}`, { x, dy });
                  const inPlace = x.slice();
                  native[name](inPlace, { ...o, out: inPlace });
                  assertSame(inPlace, js[name](x, o), `${T.name} in place ${shape} axis ${axis}`);
                }
              }
            }
            for (const n of LENGTHS) {
              const x = mixedInput(T, n, n).map((v) => (Number.isFinite(v) ? v : -v));
              const dy = mixedInput(T, n, n + 1).map((v) => (Number.isFinite(v) ? v : 1));
              assertSame(native[name](x), js[name](x), `${T.name} n=${n}`);
              assertSame(native.backward[name](x, dy), js.backward[name](x, dy), `${T.name} backward n=${n}`);
              const xs = shifted(T, x, 3);
              assertSame(native[name](xs), js[name](x), `${T.name} shifted n=${n}`);
            }
          }
        });
      }

      it('Float32 softmax and logSoftmax: expDiff32\'s edges (e^-109, -Inf, v - m overflowing, NaN, tiny shifts) in rows around multiples of the float lanes, contiguous and strided', () => {
        const f = Math.fround;
        const r = rng(51);
        // Values against a row maximum of 0 (the exponent just above and below -109, where terms
        // become 0), and rows whose maximum makes v - m overflow, inexact in float32 or NaN.
        const near = [0, -0, f(-108.99999), -109, f(-109.00001), -110, -1e30, -Infinity, f(-75.5), f(-0.34657), f(-88.7)];
        const rows = [
          () => near[Math.floor(r() * near.length)],
          () => f(-r() * 120),
          () => (r() < 0.5 ? f(-3e38) : f(3e38 * r())),
          () => (r() < 0.1 ? NaN : f(r() * 10)),
          () => -Infinity,
          () => (r() < 0.3 ? f(2 ** -30) : f(-r() * 100)),
          () => (r() < 0.2 ? f(-(2 ** -40)) : r() < 0.2 ? 1.401298464324817e-45 : f(-r() * 1e-3)),
          () => (r() < 0.05 ? Infinity : f((r() - 0.5) * 200)),
        ];
        for (const n of [1, 2, 7, 8, 9, 31, 32, 33, 63, 64, 65, 129, 1023, 1024, 1025, 2049]) {
          const R = rows.length;
          const x = Float32Array.from({ length: R * n }, (_, i) => rows[Math.floor(i / n)]());
          const dy = Float32Array.from({ length: R * n }, () => f((r() - 0.5) * 4));
          for (const name of ['softmax', 'logSoftmax']) {
            for (const o of [{ shape: [R, n] }, { shape: [R, n], axis: 0 }, { shape: [n, R], axis: 0 }]) {
              assertSame(native[name](x, o), js[name](x, o), `${name} n=${n} ${JSON.stringify(o)}`, { x });
              assertSame(native.backward[name](x, dy, o), js.backward[name](x, dy, o), `backward.${name} n=${n} ${JSON.stringify(o)}`, { x, dy });
            }
          }
        }
      });

      it('prelu: scalar, per-channel, sharedAxes, long channels (dalpha over several 4096-blocks), unaligned, in place', () => {
        for (const T of TYPES) {
          const x = mixedInput(T, 2 * 3 * 4 * 5, 21);
          const big = mixedInput(T, 2 * 3 * 5000, 22);
          const cases = [
            [x, 0.25, {}], [x, [0.5], { shape: [120] }], [x, [0.1, 0.2, 0.3], { shape: [2, 3, 4, 5] }],
            [x, [0.5, 0.25, 0.125, 2], { shape: [2, 3, 4, 5], axis: 2 }],
            [x, T.from({ length: 5 }, (_, i) => i / 4 - 0.3), { shape: [2, 3, 4, 5], sharedAxes: [1, 2] }],
            [x, T.from({ length: 60 }, (_, i) => i / 60), { shape: [2, 3, 4, 5], sharedAxes: [] }],
            [x, T.from({ length: 12 }, (_, i) => i / 7), { shape: [2, 3, 4, 5], sharedAxes: [3] }],
            [big, [0.1, -0.2, 3], { shape: [2, 3, 5000] }], [big, [0.1, -0.2, 3], { shape: [2, 5000, 3], axis: 2 }],
            [big, 0.3, {}], [T.of(-3), [0.5], { shape: [] }], [new T(0), [0.5, 0.25], { shape: [0, 2] }],
          ];
          for (const [xx, alpha, o] of cases) {
            const what = `${T.name} ${JSON.stringify(o)} alpha ${Array.isArray(alpha) || ArrayBuffer.isView(alpha) ? alpha.length : alpha}`;
            const dy = mixedInput(T, xx.length, 23);
            // On finite data every dalpha sum depends on the order of its terms (on mixedInput most are NaN).
            const fx = finiteInput(T, xx.length, 24), fdy = finiteInput(T, xx.length, 25);
            const fg = native.backward.prelu(fx, alpha, fdy, o), fw = js.backward.prelu(fx, alpha, fdy, o);
            assertSame(fg.dx, fw.dx, `${what} dx, finite data`, { x: fx, dy: fdy });
            if (typeof fw.dalpha === 'number') assertSame([fg.dalpha], [fw.dalpha], `${what} dalpha, finite data`);
            else assertSame(fg.dalpha, fw.dalpha, `${what} dalpha, finite data`);
            assertSame(native.prelu(xx, alpha, o), js.prelu(xx, alpha, o), `${what} forward`, { x: xx });
            assertSame(native.derivative.prelu(xx, alpha, o), js.derivative.prelu(xx, alpha, o), `${what} derivative`, { x: xx });
            const g = native.backward.prelu(xx, alpha, dy, o);
            const w = js.backward.prelu(xx, alpha, dy, o);
            assertSame(g.dx, w.dx, `${what} dx`, { x: xx, dy });
            if (typeof w.dalpha === 'number') assertSame([g.dalpha], [w.dalpha], `${what} dalpha`);
            else assertSame(g.dalpha, w.dalpha, `${what} dalpha`);
            const xs = shifted(T, xx, 5);
            assertSame(native.prelu(xs, alpha, { ...o, out: xs }), js.prelu(xx, alpha, o), `${what} shifted in place`);
          }
        }
      });
    });
  }

  // Outputs of 8 MB or more (STREAM_MIN_BYTES in native/addon.cpp) take the loop's non-temporal
  // stores: the same bits on every ISA, on one and two threads, unaligned and in place.
  describe('native backend: outputs large enough for streaming stores', () => {
    after(() => addon.setIsa(bestIsa));
    for (const T of TYPES) {
      it(`${T.name}: every elementwise function, forward and backward, every ISA, 1 and 2 threads, in place`, function () {
        this.timeout(Math.max(this.timeout(), 120000)); // longer when the runner gives more (valgrind)
        const n = (8 << 20) / T.BYTES_PER_ELEMENT + 37;
        const x = shifted(T, mixedInput(T, n, 5), 3);
        const dy = shifted(T, mixedInput(T, n, 6), 1);
        for (const spec of ELEMENTWISE) {
          const name = spec.name;
          const want = js[name](x);
          const wantB = js.backward[name](x, dy);
          for (const isa of ISAS) {
            addon.setIsa(isa);
            for (const threads of [1, 2]) {
              const what = `${name} ${isa} threads ${threads}`;
              assertSame(native[name](x, { threads }), want, what, { x });
              assertSame(native.backward[name](x, dy, { threads }), wantB, `${what} backward`, { x, dy });
            }
          }
          const inPlace = shifted(T, x, 3);
          native[name](inPlace, { out: inPlace });
          assertSame(inPlace, want, `${name} in place`, { x });
        }
      });
    }

    it('prelu forward and derivative: a pattern of 8, channels-first planes, a scalar alpha; every ISA, 1 and 2 threads', function () {
      this.timeout(Math.max(this.timeout(), 120000)); // longer when the runner gives more (valgrind)
      const T = Float32Array;
      const n = 33 * 16 * 64 * 64;  // 8.25 MB of float32
      const x = shifted(T, mixedInput(T, n, 7), 1);
      const cases = [
        [T.from({ length: 8 }, (_, i) => i / 8 - 0.3), { shape: [n / 8, 8] }],
        [T.from({ length: 16 }, (_, i) => 0.1 + i / 16), { shape: [33, 16, 64, 64], axis: 1 }],
        [0.25, {}],
      ];
      for (const [alpha, o] of cases) {
        const want = js.prelu(x, alpha, o);
        const wantD = js.derivative.prelu(x, alpha, o);
        for (const isa of ISAS) {
          addon.setIsa(isa);
          for (const threads of [1, 2]) {
            const what = `prelu ${JSON.stringify(o)} ${isa} threads ${threads}`;
            assertSame(native.prelu(x, alpha, { ...o, threads }), want, what, { x });
            assertSame(native.derivative.prelu(x, alpha, { ...o, threads }), wantD, `${what} derivative`, { x });
          }
        }
      }
    });

    // prelu's backward at 8 MB+: from 2M elements it splits across threads (kernels/prelu.h,
    // backwardSplit: whole 4096-term blocks for a pattern of 8 and a scalar alpha, whole alpha
    // elements for channels-first planes), which smaller tests never reach; on finite data each
    // dalpha sum depends on its order.
    for (const T of TYPES) {
      it(`${T.name}: prelu backward, dx and dalpha, 2M elements: a pattern of 8, channels-first planes, a scalar alpha; every ISA, 1 and 2 threads, in place`, function () {
        this.timeout(Math.max(this.timeout(), 120000)); // longer when the runner gives more (valgrind)
        const planes = [64, 64];
        const n = 33 * 16 * planes[0] * planes[1];  // 2.16M elements (8.25 MB of float32)
        const x = shifted(T, finiteInput(T, n, 8), 1);
        const dy = shifted(T, finiteInput(T, n, 9), 3);
        const cases = [
          [T.from({ length: 8 }, (_, i) => i / 8 - 0.3), { shape: [n / 8, 8] }],
          [T.from({ length: 16 }, (_, i) => 0.1 + i / 16), { shape: [33, 16, ...planes], axis: 1 }],
          [0.25, {}],
        ];
        for (const [alpha, o] of cases) {
          const want = js.backward.prelu(x, alpha, dy, o);
          const sameDalpha = (got, what) => {
            if (typeof alpha === 'number') assert.ok(Object.is(got, want.dalpha), `${what}: dalpha ${got} !== ${want.dalpha}`);
            else assertSame(got, want.dalpha, `${what} dalpha`);
          };
          for (const isa of ISAS) {
            addon.setIsa(isa);
            for (const threads of [1, 2]) {
              const what = `backward.prelu ${JSON.stringify(o)} ${isa} threads ${threads}`;
              const got = native.backward.prelu(x, alpha, dy, { ...o, threads });
              assertSame(got.dx, want.dx, what, { x, dy });
              sameDalpha(got.dalpha, what);
            }
          }
          addon.setIsa(bestIsa);
          const inPlace = shifted(T, dy, 2);
          const got = native.backward.prelu(x, alpha, inPlace, { ...o, out: inPlace });
          assertSame(inPlace, want.dx, `backward.prelu ${JSON.stringify(o)} in place`);
          sameDalpha(got.dalpha, `backward.prelu ${JSON.stringify(o)} in place`);
        }
      });
    }
  });

  describe('native backend: threads and async', () => {
    afterEach(() => {
      lib.setThreads(addon.hardwareThreads() > 8 ? 8 : Math.max(1, addon.hardwareThreads()));
      addon.setThreads(lib.getThreads(), nativeModule.parallelMinArray());
    });

    it('results with 1, 2 and 3 threads are identical to the reference (elementwise, rows, every split)', () => {
      const x = mixedInput(Float32Array, 100003, 31);
      const dy = mixedInput(Float32Array, 100003, 32);
      const want = { sig: js.sigmoid(x), b: js.backward.tanh(x, dy) };
      const rows = mixedInput(Float64Array, 37 * 1001, 33).map((v) => (Number.isFinite(v) ? v : 0));
      const wantRows = js.softmax(rows, { shape: [37, 1001] });
      const wantCols = js.logSoftmax(rows, { shape: [37, 1001], axis: 0 });
      // prelu on 3 · 7 · 4767 elements: channel runs cross the thread chunks at arbitrary offsets.
      const px = mixedInput(Float32Array, 3 * 7 * 4767, 34);
      const preluCases = [[0.2, { shape: [3, 7, 4767] }], [Float32Array.from({ length: 7 }, (_, i) => i / 8), { shape: [3, 7, 4767] }],
        [Float32Array.from({ length: 4767 }, (_, i) => (i % 13) / 13), { shape: [3, 7, 4767], axis: 2 }],
        [Float32Array.from({ length: 7 * 4767 }, (_, i) => (i % 11) / 11), { shape: [3, 7, 4767], sharedAxes: [] }]];
      for (const t of [1, 2, 3]) {
        lib.setThreads(t);
        addon.setThreads(t, 0); // split even small calls
        assertSame(native.sigmoid(x), want.sig, `sigmoid, ${t} threads`);
        assertSame(native.backward.tanh(x, dy), want.b, `backward.tanh, ${t} threads`);
        assertSame(native.softmax(rows, { shape: [37, 1001] }), wantRows, `softmax rows, ${t} threads`);
        assertSame(native.logSoftmax(rows, { shape: [37, 1001], axis: 0 }), wantCols, `logSoftmax axis 0, ${t} threads`);
        for (const [T, shape] of [[Float32Array, [1, 20011]], [Float64Array, [2, 10007]]]) {
          // Fewer rows than threads: each row's exponentials are computed in parallel.
          const r = mixedInput(T, 20014, 35).map((v) => (Number.isFinite(v) ? v : 0)).subarray(0, shape[0] * shape[1]);
          const g = mixedInput(T, r.length, 36).map((v) => (Number.isFinite(v) ? v : 1));
          for (const name of ['softmax', 'logSoftmax']) {
            assertSame(native[name](r, { shape }), js[name](r, { shape }), `${T.name} ${name} ${shape}, ${t} threads`);
            assertSame(native.backward[name](r, g, { shape }), js.backward[name](r, g, { shape }), `${T.name} backward.${name} ${shape}, ${t} threads`);
          }
        }
        for (const [alpha, o] of preluCases) {
          assertSame(native.prelu(px, alpha, o), js.prelu(px, alpha, o), `prelu ${JSON.stringify(o)}, ${t} threads`);
          assertSame(native.derivative.prelu(px, alpha, o), js.derivative.prelu(px, alpha, o), `derivative.prelu ${JSON.stringify(o)}, ${t} threads`);
        }
      }
    });

    it('SIMD_ACTIVATIONS_THREADS sets the thread count at load; a bad value leaves native out with the reason', () => {
      const code = "const l=require('.'); process.stdout.write(l.getThreads() + ' ' + l.availableBackends().includes('native') + ' ' + (l.backendStatus()[0].reason || ''))";
      const run = (v) => execFileSync(process.execPath, ['-e', code], { cwd: root, env: { ...process.env, SIMD_ACTIVATIONS_THREADS: v }, encoding: 'utf8' });
      assert.strictEqual(run('3'), '3 true ');
      assert.match(run('zero'), /^1 false SIMD_ACTIVATIONS_THREADS must be an integer from 1 to 64 but is "zero"$/);
    });

    it('setThreads validates its argument', () => {
      assert.throws(() => lib.setThreads(0), { name: 'RangeError', message: 'Expected an integer from 1 to 64 for threads but received 0' });
      assert.throws(() => lib.setThreads('2'), { name: 'TypeError', message: 'Expected an integer from 1 to 64 for threads but received string "2"' });
    });

    it('async variants resolve to the synchronous results (elementwise, derivative, backward, rows, prelu)', async () => {
      const x = mixedInput(Float32Array, 5000, 41);
      const dy = mixedInput(Float32Array, 5000, 42);
      assertSame(await lib.async.sigmoid(x), js.sigmoid(x), 'async.sigmoid');
      assertSame(await lib.async.derivative.elu(x, { alpha: 0.5 }), js.derivative.elu(x, { alpha: 0.5 }), 'async.derivative.elu');
      assertSame(await lib.async.backward.tanh(x, dy), js.backward.tanh(x, dy), 'async.backward.tanh');
      assertSame(await lib.async.softmax(x, { shape: [50, 100], axis: 0 }), js.softmax(x, { shape: [50, 100], axis: 0 }), 'async.softmax');
      const g = await lib.async.backward.prelu(x, [0.1, 0.2], dy, { shape: [2500, 2], axis: 1 });
      const w = js.backward.prelu(x, [0.1, 0.2], dy, { shape: [2500, 2], axis: 1 });
      assertSame(g.dx, w.dx, 'async.backward.prelu dx');
      assertSame(g.dalpha, w.dalpha, 'async.backward.prelu dalpha');
      const out = new Float32Array(5000);
      assert.strictEqual(await lib.async.relu(x, { out }), out);
      await assert.rejects(lib.async.sigmoid(new Int32Array(2)), TypeError);
    });

    it('a 16M-element async call leaves the event loop running (setInterval keeps firing)', async function () {
      this.timeout(Math.max(this.timeout(), 20000));
      const n = 1 << 24;
      const x = new Float32Array(n);
      for (let i = 0; i < n; i += 4096) x[i] = i / n - 0.5;
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 1);
      let settled = false;
      const p = lib.async.tanh(x).then((y) => { settled = true; return y; });
      // Give the loop time to tick while the call runs on the threadpool.
      while (!settled) await new Promise((r) => setTimeout(r, 2));
      clearInterval(timer);
      const y = await p;
      assert.ok(ticks >= 3, `the interval fired ${ticks} times during the call`);
      for (let i = 0; i < n; i += 4096 * 97) assert.strictEqual(y[i], js.tanh(x.subarray(i, i + 1))[0]);
    });
  });
}
