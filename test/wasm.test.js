'use strict';
// The wasm backend, both builds (SIMD and scalar) instantiated side by side in this process,
// checked bit for bit against the js reference: every spec function × Float32/Float64 × lengths ×
// forward/derivative/backward × default and other parameters, special values, a sampled float32
// sweep, in place, arrays in wasm memory and outside it, arrays longer than the scratch chunk,
// softmax/logSoftmax on every axis and with long rows, prelu broadcasting with dalpha.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { lib, ELEMENTWISE, LENGTHS, TYPES, OTHER_PARAMS, SPECIALS, defaults, firstDifference, mixedInput, finiteInput, float32Sweep, rng } = require('./helpers');
const { makeApi } = require('../dist/cjs/api.js');
const core = require('../dist/cjs/backends/wasm-core.js');
const { arraysOf, CHUNK, ROW_CAP, SLOT_CAP } = require('../dist/cjs/backends/wasm-memory.js');
const { requiredExports } = require('../dist/cjs/backends/wasm-exports.js');

const root = path.join(__dirname, '..');
const js = lib.backends.js;

/** A fresh instance of one build, with its API and its array allocator. */
function instantiate(build) {
  const bytes = fs.readFileSync(path.join(root, 'dist/wasm', `${build}.wasm`));
  const { backend, heap } = core.wasmBackendFrom(new WebAssembly.Instance(new WebAssembly.Module(bytes), {}));
  // Room for every array the tests allocate at once, so no allocation detaches an earlier one.
  heap.reserve(16 << 20);
  return { api: makeApi(() => backend, () => false), arrays: arraysOf(heap, build) };
}

/** Asserts two results are the same bits (NaN equal to NaN, signed zeros distinct). */
function assertSame(got, want, what) {
  const i = firstDifference(got, want);
  assert.strictEqual(i, -1, i === -2 ? `${what}: lengths ${got.length} vs ${want.length}` : `${what}: index ${i}: ${got[i]} vs ${want[i]}`);
}

/** A copy of `a` in wasm memory (from the build's allocator). */
function inWasm(arrays, a) {
  const v = arrays.alloc(a.constructor, a.length);
  v.set(a);
  return v;
}

it('both builds exist and export every kernel the spec requires', () => {
  for (const build of ['simd', 'scalar']) {
    const mod = new WebAssembly.Module(fs.readFileSync(path.join(root, 'dist/wasm', `${build}.wasm`)));
    const have = new Set(WebAssembly.Module.exports(mod).map((e) => e.name));
    for (const name of requiredExports(lib.SPEC)) assert.ok(have.has(name), `${build}: ${name}`);
    assert.deepStrictEqual(WebAssembly.Module.imports(mod), [], `${build} imports nothing`);
  }
});

it('the scalar build has no SIMD instruction (the SIMD build no relaxed or fused op), and is the one chosen where SIMD is missing', async () => {
  const binaryen = (await import('binaryen')).default;
  const text = (build) => binaryen.readBinary(fs.readFileSync(path.join(root, 'dist/wasm', `${build}.wasm`))).emitText();
  assert.doesNotMatch(text('scalar'), /v128|[if](8x16|16x8|32x4|64x2)\./);
  assert.match(text('simd'), /f64x2\.mul/);
  assert.doesNotMatch(text('simd'), /relaxed|madd/, 'no relaxed SIMD, no fused multiply-add');
  // An engine without SIMD rejects the probe module: simulated by a validate() that says no.
  const { execFileSync } = require('child_process');
  const env = { ...process.env };
  delete env.SIMD_ACTIVATIONS_WASM;
  delete env.SIMD_ACTIVATIONS_BACKEND;
  const build = execFileSync(process.execPath, ['-e', "WebAssembly.validate = () => false; process.stdout.write(String(require('.').wasm.build))"],
    { cwd: root, encoding: 'utf8', env });
  assert.strictEqual(build, 'scalar');
});

for (const build of ['simd', 'scalar']) {
  describe(`wasm ${build} build: bit-identical to the js reference`, () => {
    const { api, arrays } = instantiate(build);

    for (const spec of ELEMENTWISE) {
      const name = spec.name;
      it(`${name}: every length × type × direction × parameters, outside and inside wasm memory, in place`, () => {
        for (const T of TYPES) {
          for (const params of [defaults(spec), OTHER_PARAMS[name]].filter(Boolean)) {
            for (const n of LENGTHS) {
              const x = mixedInput(T, n, n + 11);
              const dy = mixedInput(T, n, n + 12);
              const what = `${T.name} n=${n} ${JSON.stringify(params)}`;
              const want = { f: js[name](x, params), df: js.derivative[name](x, params), b: js.backward[name](x, dy, params) };
              assertSame(api[name](x, params), want.f, `${what} forward`);
              assertSame(api.derivative[name](x, params), want.df, `${what} derivative`);
              assertSame(api.backward[name](x, dy, params), want.b, `${what} backward`);
              // In place, outside wasm memory: out = x, and backward into dy.
              const xi = x.slice();
              api[name](xi, { ...params, out: xi });
              assertSame(xi, want.f, `${what} in place`);
              const dyi = dy.slice();
              api.backward[name](x, dyi, { ...params, out: dyi });
              assertSame(dyi, want.b, `${what} backward into dy`);
              // In wasm memory: x, dy and out all there (no copy), then mixed with outside arrays.
              const wx = inWasm(arrays, x), wdy = inWasm(arrays, dy), wout = arrays.alloc(T, n);
              assert.strictEqual(api[name](wx, { ...params, out: wout }), wout);
              assertSame(wout, want.f, `${what} in wasm memory`);
              assertSame(api.backward[name](wx, wdy, { ...params, out: wout }), want.b, `${what} backward in wasm memory`);
              assertSame(api.derivative[name](wx, params), want.df, `${what} x in wasm memory, out outside`);
              assertSame(api.backward[name](x, wdy, params), want.b, `${what} dy in wasm memory only`);
              api[name](wx, { ...params, out: wx });
              assertSame(wx, want.f, `${what} in place in wasm memory`);
              for (const v of [wx, wdy, wout]) arrays.free(v);
            }
          }
        }
      });

      it(`${name}: special values and arrays longer than the scratch chunk`, () => {
        for (const T of TYPES) {
          for (const params of [defaults(spec), OTHER_PARAMS[name]].filter(Boolean)) {
            const x = T.from(SPECIALS);
            const dy = T.from(SPECIALS.map((_, i) => (i % 3) - 1.5));
            assertSame(api[name](x, params), js[name](x, params), `${T.name} specials`);
            assertSame(api.derivative[name](x, params), js.derivative[name](x, params), `${T.name} specials derivative`);
            assertSame(api.backward[name](x, dy, params), js.backward[name](x, dy, params), `${T.name} specials backward`);
            const n = 2 * CHUNK + 37;
            const big = mixedInput(T, n, 5);
            const bdy = mixedInput(T, n, 6);
            assertSame(api[name](big, params), js[name](big, params), `${T.name} n=${n}`);
            assertSame(api.backward[name](big, bdy, params), js.backward[name](big, bdy, params), `${T.name} n=${n} backward`);
          }
        }
      });

      it(`${name}: Float32 sweep of every 2^15-th bit pattern (forward, derivative, backward)`, () => {
        const x = float32Sweep(15, 777);
        const dy = mixedInput(Float32Array, x.length, 3);
        for (const params of [defaults(spec), OTHER_PARAMS[name]].filter(Boolean)) {
          assertSame(api[name](x, params), js[name](x, params), 'forward');
          assertSame(api.derivative[name](x, params), js.derivative[name](x, params), 'derivative');
          assertSame(api.backward[name](x, dy, params), js.backward[name](x, dy, params), 'backward');
        }
      });
    }

    for (const name of ['softmax', 'logSoftmax']) {
      it(`${name}: every axis of [3, 5, 7], rows of every length, special rows, in and out of wasm memory`, () => {
        for (const T of TYPES) {
          const shape = [3, 5, 7];
          const x = mixedInput(T, 105, 21).map((v) => (Number.isFinite(v) ? v % 50 : v));
          const dy = mixedInput(T, 105, 22).map((v) => (Number.isFinite(v) ? v % 3 : v));
          for (let axis = -1; axis < 3; axis++) {
            const o = { shape, axis };
            const want = js[name](x, o), wantB = js.backward[name](x, dy, o);
            assertSame(api[name](x, o), want, `${T.name} axis ${axis}`);
            assertSame(api.backward[name](x, dy, o), wantB, `${T.name} axis ${axis} backward`);
            const wx = inWasm(arrays, x), wdy = inWasm(arrays, dy), wout = arrays.alloc(T, x.length);
            assertSame(api[name](wx, o), want, `${T.name} axis ${axis} x in wasm memory`);
            assertSame(api[name](x, { ...o, out: wout }), want, `${T.name} axis ${axis} only out in wasm memory`);
            assertSame(api.backward[name](x, wdy, o), wantB, `${T.name} axis ${axis} only dy in wasm memory`);
            arrays.free(wout);
            api.backward[name](wx, wdy, { ...o, out: wdy });
            assertSame(wdy, wantB, `${T.name} axis ${axis} backward in place in wasm memory`);
            const xi = x.slice();
            api[name](xi, { ...o, out: xi });
            assertSame(xi, want, `${T.name} axis ${axis} in place`);
            arrays.free(wx); arrays.free(wdy);
          }
          for (const n of LENGTHS.filter((k) => k > 0)) {
            const r = mixedInput(T, 3 * n, n).map((v) => (Number.isFinite(v) ? v % 30 : v));
            const g = mixedInput(T, 3 * n, n + 1).map((v) => (Number.isFinite(v) ? v % 2 : v));
            const o = { shape: [3, n] };
            assertSame(api[name](r, o), js[name](r, o), `${T.name} rows of ${n}`);
            assertSame(api.backward[name](r, g, o), js.backward[name](r, g, o), `${T.name} rows of ${n} backward`);
          }
          const special = T.of(1, -Infinity, 2, -Infinity, -Infinity, -Infinity, NaN, 0, 1, Infinity, 3, -0, -0, 0, 5e-324, -745);
          const sdy = T.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, NaN, -1, Infinity, 2);
          for (const o of [{ shape: [2, 3] }, { shape: [4, 4] }, { shape: [4, 4], axis: 0 }, { shape: [16] }]) {
            const xs = special.subarray(0, o.shape.reduce((p, d) => p * d, 1));
            const ds = sdy.subarray(0, xs.length);
            assertSame(api[name](xs, o), js[name](xs, o), `${T.name} special rows ${JSON.stringify(o)}`);
            assertSame(api.backward[name](xs, ds, o), js.backward[name](xs, ds, o), `${T.name} special rows backward ${JSON.stringify(o)}`);
          }
        }
      });

      it(`${name}: long rows (> 4096, > the row buffer, > the chunk), strided, in and out of wasm memory`, () => {
        const r = rng(99);
        for (const T of TYPES) {
          for (const shape of [[2, 5000], [ROW_CAP + 4100], [2, 9000, 3], [1, CHUNK / 2 + 7, 2], [ROW_CAP + 3, 2], [3, CHUNK + 5]]) {
            const len = shape.reduce((p, d) => p * d, 1);
            const x = T.from({ length: len }, () => (r() - 0.5) * 40);
            const dy = T.from({ length: len }, () => (r() - 0.5) * 4);
            for (let axis = 0; axis < shape.length; axis++) {
              const o = { shape, axis };
              const want = js[name](x, o), wantB = js.backward[name](x, dy, o);
              const what = `${T.name} ${JSON.stringify(o)}`;
              assertSame(api[name](x, o), want, what);
              assertSame(api.backward[name](x, dy, o), wantB, `${what} backward`);
              const wx = inWasm(arrays, x), wdy = inWasm(arrays, dy), wout = arrays.alloc(T, len);
              assertSame(api[name](wx, { ...o, out: wout }), want, `${what} in wasm memory`);
              assertSame(api.backward[name](wx, wdy, { ...o, out: wout }), wantB, `${what} backward in wasm memory`);
              api[name](wx, { ...o, out: wx });
              assertSame(wx, want, `${what} in place in wasm memory`);
              for (const v of [wx, wdy, wout]) arrays.free(v);
            }
          }
        }
      });

      // Float32 rows take their exponentials on float32 lanes, four or eight at a time with a
      // padded rest: rows of every length up to 41 and around 64, whose differences x_j - m sit
      // at the drop below -109, are -Inf, overflow (±3e38), tie with the max (logSoftmax's c),
      // or are NaN; all -Inf rows; contiguous and strided.
      it(`${name}: rows at the edges of the float32-lane exponentials (every length to 41, strided)`, () => {
        const r = rng(123);
        const near = [-109, Math.fround(-109.00001), Math.fround(-108.99999), -110, -108, -87.5, -103.9, -1e-45, -0.5, 0];
        const kinds = {
          edge: () => (r() < 0.8 ? near[Math.floor(r() * near.length)] : -Infinity),
          overflow: () => [3e38, -3e38, -3.4e38, 1, -Infinity][Math.floor(r() * 5)],
          ties: () => (r() < 0.5 ? 7 : 7 - 2 ** -20 * Math.floor(r() * 4)),
          wide: () => (r() - 0.7) * 300,
          masked: () => -Infinity,
        };
        for (const T of TYPES) {
          for (const [kind, draw] of Object.entries(kinds)) {
            for (const n of [...Array.from({ length: 41 }, (_, i) => i + 1), 63, 64, 65, 127, 129]) {
              const x = T.from({ length: 6 * n }, draw);
              if (kind === 'wide' && n > 2) x[Math.floor(r() * n)] = NaN; // one NaN row of six
              const dy = T.from({ length: 6 * n }, () => Math.round((r() - 0.5) * 16) / 4);
              for (const o of [{ shape: [6, n] }, { shape: [n, 6], axis: 0 }, { shape: [2, n, 3], axis: 1 }]) {
                const what = `${T.name} ${kind} ${JSON.stringify(o)}`;
                const want = js[name](x, o), wantB = js.backward[name](x, dy, o);
                assertSame(api[name](x, o), want, what);
                assertSame(api.backward[name](x, dy, o), wantB, `${what} backward`);
                const wx = inWasm(arrays, x), wdy = inWasm(arrays, dy), wout = arrays.alloc(T, x.length);
                assertSame(api[name](wx, { ...o, out: wout }), want, `${what} in wasm memory`);
                assertSame(api.backward[name](wx, wdy, { ...o, out: wout }), wantB, `${what} backward in wasm memory`);
                for (const v of [wx, wdy, wout]) arrays.free(v);
              }
            }
          }
        }
      });
    }

    it('prelu: scalar, per-channel on every axis, sharedAxes, backward with dalpha, large arrays, wasm memory', () => {
      const r = rng(5);
      for (const T of TYPES) {
        const cases = [
          { shape: [2, 3, 4, 5], alpha: 0.25, o: {} },
          { shape: [2, 3, 4, 5], alpha: [0.1, -0.2, 3], o: {} },
          { shape: [2, 3, 4, 5], alpha: [0.5, 0.25, 0.125, 2, 1.5], o: { axis: -1 } },
          { shape: [2, 3, 4, 5], alpha: [0.5, 0.25, 0.125, 2], o: { axis: 2 } },
          { shape: [2, 3, 4, 5], alpha: Array.from({ length: 5 }, (_, i) => 0.05 * (i + 1)), o: { sharedAxes: [1, 2] } },
          { shape: [2, 3, 4, 5], alpha: Array.from({ length: 20 }, (_, i) => i / 20 - 0.3), o: { sharedAxes: [1] } },
          { shape: [2, 3, 4, 5], alpha: Array.from({ length: 60 }, (_, i) => i / 60), o: { sharedAxes: [] } },
          { shape: [4, 7, 1500], alpha: Array.from({ length: 7 }, (_, i) => i / 7), o: {} },
          { shape: [3, CHUNK + 9], alpha: [0.3, 0.6, 0.9], o: { axis: 0 } },
          { shape: [2, 5000], alpha: Array.from({ length: 5000 }, (_, i) => i / 5000), o: { axis: 1 } },
          { shape: [9000], alpha: [0.01], o: {} },
          // Keras' default (no shared axes): one alpha per element of shape[1:], more than the dalpha scratch.
          { shape: [3, 20, 20, 50], alpha: Array.from({ length: 20000 }, (_, i) => ((i % 7) - 3) / 8), o: { sharedAxes: [] } },
        ];
        for (const { shape, alpha, o } of cases) {
          const len = shape.reduce((p, d) => p * d, 1);
          const x = mixedInput(T, len, len);
          const dy = T.from({ length: len }, () => Math.round((r() - 0.5) * 16) / 4);
          const opts = { ...o, shape };
          const what = `${T.name} ${JSON.stringify(shape)} ${JSON.stringify(o)} alpha ${typeof alpha === 'number' ? alpha : alpha.length}`;
          assertSame(api.prelu(x, alpha, opts), js.prelu(x, alpha, opts), what);
          assertSame(api.derivative.prelu(x, alpha, opts), js.derivative.prelu(x, alpha, opts), `${what} derivative`);
          const got = api.backward.prelu(x, alpha, dy, opts);
          const want = js.backward.prelu(x, alpha, dy, opts);
          assertSame(got.dx, want.dx, `${what} dx`);
          if (typeof alpha === 'number') assert.ok(Object.is(got.dalpha, want.dalpha), `${what} dalpha ${got.dalpha} vs ${want.dalpha}`);
          else assertSame(got.dalpha, want.dalpha, `${what} dalpha`);
          const dyi = dy.slice();
          const inPlace = api.backward.prelu(x, alpha, dyi, { ...opts, out: dyi });
          assertSame(dyi, want.dx, `${what} dx in place into dy`);
          if (typeof alpha !== 'number') assertSame(inPlace.dalpha, want.dalpha, `${what} dalpha with dx in place`);
          // Everything in wasm memory, dalpha too.
          const wx = inWasm(arrays, x), wdy = inWasm(arrays, dy), wout = arrays.alloc(T, len);
          const wa = typeof alpha === 'number' ? alpha : inWasm(arrays, T.from(alpha));
          const wda = typeof alpha === 'number' ? undefined : arrays.alloc(T, alpha.length);
          assertSame(api.prelu(wx, wa, { ...opts, out: wout }), js.prelu(x, alpha, opts), `${what} in wasm memory`);
          const g2 = api.backward.prelu(wx, wa, wdy, { ...opts, out: wout, dalphaOut: wda });
          assertSame(g2.dx, want.dx, `${what} dx in wasm memory`);
          assertSame(api.backward.prelu(x, alpha, dy, { ...opts, out: wout }).dx, want.dx, `${what} only dx in wasm memory`);
          if (wda) assertSame(wda, want.dalpha, `${what} dalpha in wasm memory`);
          // Finite data, outside and inside wasm memory: on mixedInput most dalpha sums are NaN or
          // Infinity whatever the order of their terms.
          const fx = finiteInput(T, len, len + 1), fdy = finiteInput(T, len, len + 2);
          const fw = js.backward.prelu(fx, alpha, fdy, opts);
          const fwx = inWasm(arrays, fx), fwdy = inWasm(arrays, fdy), fwout = arrays.alloc(T, len);
          const fwda = typeof alpha === 'number' ? undefined : arrays.alloc(T, alpha.length);
          for (const [fg, where] of [[api.backward.prelu(fx, alpha, fdy, opts), ''],
            [api.backward.prelu(fwx, wa, fwdy, { ...opts, out: fwout, dalphaOut: fwda }), ' in wasm memory']]) {
            assertSame(fg.dx, fw.dx, `${what} dx, finite data${where}`);
            if (typeof alpha === 'number') assert.ok(Object.is(fg.dalpha, fw.dalpha), `${what} dalpha, finite data${where}: ${fg.dalpha} vs ${fw.dalpha}`);
            else assertSame(fg.dalpha, fw.dalpha, `${what} dalpha, finite data${where}`);
          }
          for (const v of [wx, wdy, wout, fwx, fwdy, fwout, ...(wda ? [wda, wa, fwda] : [])]) arrays.free(v);
        }
        assert.ok(SLOT_CAP < 5000, 'the [2, 5000] and Keras cases take several dalpha passes');
      }
    });
  });
}

describe('wasm memory arrays (the public wasm object)', () => {
  const { api, arrays } = instantiate('simd');

  it('the package loads the wasm backend synchronously and exposes its arrays', () => {
    assert.ok(lib.availableBackends().includes('wasm'), JSON.stringify(lib.backendStatus()));
    assert.strictEqual(lib.wasm.available, true);
    const forced = process.env.SIMD_ACTIVATIONS_WASM;
    assert.strictEqual(lib.wasm.build, forced || (WebAssembly.validate(core.SIMD_PROBE) ? 'simd' : 'scalar'));
    const x = lib.wasm.alloc(Float32Array, 8);
    assert.ok(lib.wasm.owns(x) && !lib.wasm.owns(new Float32Array(8)));
    x.set([-2, -1, 0, 1, 2, 3, 4, 5]);
    assert.strictEqual(lib.relu(x, { out: x }), x);
    assert.deepStrictEqual(Array.from(x), [0, 0, 0, 1, 2, 3, 4, 5]);
    lib.wasm.free(x);
  });

  it('alloc gives zeroed views of the requested type and length; free reuses the space', () => {
    const a = arrays.alloc(Float64Array, 100);
    assert.ok(a instanceof Float64Array && a.length === 100 && a.every((v) => v === 0));
    a.fill(7);
    const at = a.byteOffset;
    arrays.free(a);
    const b = arrays.alloc(Float32Array, 200);
    assert.strictEqual(b.byteOffset, at, 'freed space is reused');
    assert.ok(b.every((v) => v === 0), 'and zeroed');
    assert.strictEqual(arrays.alloc(Float32Array, 0).length, 0);
    arrays.free(b);
  });

  it('rejects wrong arguments with one-sentence TypeErrors and RangeErrors', () => {
    assert.throws(() => arrays.alloc(Int32Array, 4), { name: 'TypeError', message: 'Expected Float32Array or Float64Array for type but received Function' });
    assert.throws(() => arrays.alloc(Float32Array, -1), { name: 'RangeError', message: 'Expected a non-negative integer for n but received -1' });
    assert.throws(() => arrays.alloc(Float32Array, 1.5), { name: 'RangeError', message: 'Expected a non-negative integer for n but received 1.5' });
    assert.throws(() => arrays.alloc(Float64Array, 2 ** 31), { name: 'RangeError', message: /^Expected a size that fits in wasm memory \(\d+ more bytes at most here\) for n but received 2147483648$/ });
    assert.throws(() => arrays.reserve(2 ** 33), { name: 'RangeError', message: /for bytes but received 8589934592$/ });
    assert.throws(() => arrays.free(new Float32Array(4)), { name: 'TypeError', message: 'Expected an array returned by wasm.alloc() and not yet freed for view but received Float32Array of length 4' });
    const a = arrays.alloc(Float32Array, 4);
    arrays.free(a);
    assert.throws(() => arrays.free(a), { name: 'TypeError', message: /not yet freed for view/ });
  });

  it('growth detaches old views: refresh() gives a live view of the same data; a detached x or dy is a clear TypeError', () => {
    const a = arrays.alloc(Float32Array, 4);
    a.set([-1, 2, -3, 4]);
    const big = arrays.alloc(Float32Array, 16 << 20); // 64 MiB, beyond the reservation: the memory grows
    assert.strictEqual(a.length, 0, 'the old view is detached by growth');
    assert.throws(() => api.relu(a), { name: 'TypeError', message: 'Expected Float32Array, Float64Array or an array of numbers for x but received a Float32Array whose buffer is detached' });
    assert.throws(() => api.backward.relu(Float32Array.of(1), a), { name: 'TypeError', message: /for dy but received a Float32Array whose buffer is detached/ });
    const live = arrays.refresh(a);
    assert.deepStrictEqual(Array.from(live), [-1, 2, -3, 4]);
    assert.strictEqual(arrays.refresh(live), live);
    const out = api.relu(live, { out: live });
    assert.strictEqual(out, live);
    assert.ok(out.length === 4 && out.buffer.byteLength > 0, 'the result is never a detached view');
    arrays.free(live);
    arrays.free(big);
  });

  it('reserve() grows once so later allocations keep earlier views valid; calls never grow memory', () => {
    arrays.reserve(4 << 20);
    const a = arrays.alloc(Float64Array, 1000);
    const before = a.buffer;
    const b = arrays.alloc(Float64Array, 100000);
    assert.strictEqual(a.buffer, before, 'no growth within the reservation');
    b.set(mixedInput(Float64Array, 100000, 1));
    const big = mixedInput(Float64Array, 5 * CHUNK, 3);
    api.softmax(big, { shape: [5, CHUNK] });
    api.sigmoid(b, { out: b });
    api.backward.prelu(big, Float64Array.from({ length: 5 }, (_, i) => i), big, { shape: [5, CHUNK], axis: 0 });
    assert.strictEqual(a.buffer, before, 'kernel calls (with chunked copies) do not grow memory');
    arrays.free(a); arrays.free(b);
  });
});

describe('wasm loading', () => {
  const { execFileSync } = require('child_process');
  // The children choose their backend and build from `env` alone, whatever this run was given.
  const clean = { ...process.env };
  for (const k of ['SIMD_ACTIVATIONS_BACKEND', 'SIMD_ACTIVATIONS_WASM', 'SIMD_ACTIVATIONS_VERIFY']) delete clean[k];
  const run = (env) => JSON.parse(execFileSync(process.execPath, ['-e',
    "const l=require('.');process.stdout.write(JSON.stringify({b:l.availableBackends(),w:l.wasm.build,s:l.backendStatus()}))"],
  { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' }));

  it('SIMD_ACTIVATIONS_WASM=scalar forces the scalar build; a bad value says why the backend is missing', () => {
    assert.strictEqual(run({ SIMD_ACTIVATIONS_WASM: 'scalar' }).w, 'scalar');
    const bad = run({ SIMD_ACTIVATIONS_WASM: 'fast' });
    assert.ok(!bad.b.includes('wasm'));
    assert.match(bad.s.find((s) => s.name === 'wasm').reason, /SIMD_ACTIVATIONS_WASM must be simd or scalar/);
  });
});
