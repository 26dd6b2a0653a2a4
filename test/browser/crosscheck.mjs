// The cross-check suite run inside a browser page (or any ESM runtime): the wasm backend of the
// browser bundle against its own js reference, bit for bit, for every spec function × type ×
// length × direction × parameters, special values, softmax axes and long rows, prelu with dalpha,
// arrays in wasm memory and in place. Returns { checks, failures } instead of throwing, so the
// page can report everything to mocha.

const LENGTHS = [0, 1, 3, 4, 5, 15, 16, 17, 31, 33, 1000, 4097];
const TYPES = [Float32Array, Float64Array];
const OTHER_PARAMS = { leakyRelu: { alpha: 0.2 }, thresholdedRelu: { theta: -0.75 }, elu: { alpha: 0.5 }, softplus: { beta: 2, threshold: 5 } };
const SPECIALS = [0, -0, 1, -1, 0.5, -0.5, Infinity, -Infinity, NaN, 1e-300, -1e-300, 5e-324, -5e-324,
  1.401298464324817e-45, -1.401298464324817e-45, 3.4028234663852886e38, -3.4028234663852886e38, 1e300, -1e300,
  20, 20.000001, -20, 88.7, -88.7, -103.9, -745.2, 709.8, -709.8, 2 ** -27, -(2 ** -27), 2 ** -54, 0.3466, -0.3466];

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function mixed(T, n, seed) {
  const r = rng(seed);
  const a = new T(n);
  for (let i = 0; i < n; i++) {
    const k = i % 5;
    a[i] = k === 0 ? SPECIALS[Math.floor(r() * SPECIALS.length)] : k === 1 ? (r() - 0.5) * 20
      : k === 2 ? (r() - 0.5) * 2 * 10 ** (r() * 40 - 20) : k === 3 ? (r() - 0.5) * 1500 : (r() - 0.5) * 0.01;
  }
  return a;
}
/** Finite data: prelu's dalpha sums then depend on the order of their terms (on mixed most are NaN). */
function finite(T, n, seed) {
  const r = rng(seed);
  return T.from({ length: n }, (_, i) => (i % 11 === 3 ? 0 : (r() - 0.5) * 2 ** Math.floor(r() * 24 - 12)));
}
function sweep(shift, offset) {
  const bits = new Uint32Array(2 ** (32 - shift));
  for (let i = 0; i < bits.length; i++) bits[i] = (i * 2 ** shift + offset) >>> 0;
  return new Float32Array(bits.buffer);
}
const same = (a, b) => (a === b ? a !== 0 || 1 / a === 1 / b : a !== a && b !== b);
function firstDifference(a, b) {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return i;
  return -1;
}

export function crossCheck(lib) {
  const wasm = lib.backends.wasm, js = lib.backends.js;
  let checks = 0;
  const failures = [];
  const check = (got, want, what) => {
    checks++;
    const i = firstDifference(got, want);
    if (i !== -1 && failures.length < 20) failures.push(`${what}: ${i === -2 ? 'length' : `index ${i}: ${got[i]} vs ${want[i]}`}`);
  };
  const copyIn = (a) => { const v = lib.wasm.alloc(a.constructor, a.length); v.set(a); return v; };
  if (!wasm) return { checks, failures: [`no wasm backend: ${JSON.stringify(lib.backendStatus())}`] };
  lib.wasm.reserve(64 << 20);

  for (const spec of lib.SPEC.filter((s) => s.kind === 'elementwise')) {
    const name = spec.name;
    const defaults = Object.fromEntries(spec.params.map((p) => [p.name, p.default]));
    for (const params of [defaults, OTHER_PARAMS[name]].filter(Boolean)) {
      for (const T of TYPES) {
        for (const n of [...LENGTHS, 40000]) {
          const x = mixed(T, n, n + 3), dy = mixed(T, n, n + 4);
          const what = `${name} ${T.name} n=${n} ${JSON.stringify(params)}`;
          const f = js[name](x, params), df = js.derivative[name](x, params), b = js.backward[name](x, dy, params);
          check(wasm[name](x, params), f, `${what} forward`);
          check(wasm.derivative[name](x, params), df, `${what} derivative`);
          check(wasm.backward[name](x, dy, params), b, `${what} backward`);
          const wx = copyIn(x), wdy = copyIn(dy);
          wasm.backward[name](wx, wdy, { ...params, out: wdy });
          check(wdy, b, `${what} backward in place in wasm memory`);
          wasm[name](wx, { ...params, out: wx });
          check(wx, f, `${what} in place in wasm memory`);
          lib.wasm.free(wx); lib.wasm.free(wdy);
        }
        const s = T.from(SPECIALS);
        check(wasm[name](s, params), js[name](s, params), `${name} ${T.name} specials`);
        check(wasm.derivative[name](s, params), js.derivative[name](s, params), `${name} ${T.name} specials derivative`);
      }
      const sw = sweep(16, 4321);
      check(wasm[name](sw, params), js[name](sw, params), `${name} float32 sweep`);
      check(wasm.derivative[name](sw, params), js.derivative[name](sw, params), `${name}' float32 sweep`);
    }
  }
  for (const name of ['softmax', 'logSoftmax']) {
    for (const T of TYPES) {
      for (const shape of [[3, 5, 7], [2, 5000], [17000], [3, 6000, 2]]) {
        const len = shape.reduce((p, d) => p * d, 1);
        const x = mixed(T, len, len).map((v) => (Number.isFinite(v) ? v % 40 : v));
        const dy = mixed(T, len, len + 1).map((v) => (Number.isFinite(v) ? v % 3 : v));
        for (let axis = 0; axis < shape.length; axis++) {
          const o = { shape, axis };
          const what = `${name} ${T.name} ${JSON.stringify(o)}`;
          const f = js[name](x, o), b = js.backward[name](x, dy, o);
          check(wasm[name](x, o), f, what);
          check(wasm.backward[name](x, dy, o), b, `${what} backward`);
          const wx = copyIn(x);
          wasm[name](wx, { ...o, out: wx });
          check(wx, f, `${what} in place in wasm memory`);
          lib.wasm.free(wx);
        }
      }
    }
  }
  for (const T of TYPES) {
    for (const [shape, alpha, o] of [[[2, 3, 4, 5], [0.1, -0.2, 3], {}], [[2, 3, 4, 5], [0.5, 0.25, 0.125, 2, 1.5], { axis: -1 }],
      [[2, 3, 4, 5], Array.from({ length: 20 }, (_, i) => i / 20), { sharedAxes: [1] }], [[4, 7, 1500], [1, 2, 3, 4, 5, 6, 7].map((v) => v / 8), {}]]) {
      const len = shape.reduce((p, d) => p * d, 1);
      const x = mixed(T, len, 7), dy = mixed(T, len, 8).map((v) => (Number.isFinite(v) ? v % 4 : v));
      const opts = { ...o, shape };
      const what = `prelu ${T.name} ${JSON.stringify(shape)} ${JSON.stringify(o)}`;
      check(wasm.prelu(x, alpha, opts), js.prelu(x, alpha, opts), what);
      check(wasm.derivative.prelu(x, alpha, opts), js.derivative.prelu(x, alpha, opts), `${what} derivative`);
      const g = wasm.backward.prelu(x, alpha, dy, opts), w = js.backward.prelu(x, alpha, dy, opts);
      check(g.dx, w.dx, `${what} dx`);
      check(g.dalpha, w.dalpha, `${what} dalpha`);
      const fx = finite(T, len, 9), fdy = finite(T, len, 10);
      const fg = wasm.backward.prelu(fx, alpha, fdy, opts), fw = js.backward.prelu(fx, alpha, fdy, opts);
      check(fg.dx, fw.dx, `${what} dx, finite data`);
      check(fg.dalpha, fw.dalpha, `${what} dalpha, finite data`);
    }
  }
  return { checks, failures };
}
