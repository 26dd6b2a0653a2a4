'use strict';
// The facade's small-array routing: src/routing.ts is well-formed, the native and wasm backends
// send exactly the calls below its thresholds to the js reference (observed by counting the js
// kernels' calls), and the benchmark's writer turns crossovers into thresholds by its rule.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { lib, firstDifference, mixedInput } = require('./helpers');
const { ROUTING, ROUTING_MIN, ROUTING_MAX, routingKind, setSmallArrayRouting } = require('../dist/cjs/routing.js');
const { jsBackend } = require('../dist/cjs/backends/js.js');
const core = require('../dist/cjs/backends/wasm-core.js');
const { arraysOf } = require('../dist/cjs/backends/wasm-memory.js');
const { makeApi } = require('../dist/cjs/api.js');
const { crossovers } = require('../bench/report/analyze');
const R = require('../bench/report/routing');

const PAIRS = ['nativeOverJs', 'wasmOverJs'];
const KINDS = ['linear', 'smooth', 'rowwise', 'prelu', 'preluBackward'];

/** Counts the calls that reach the js reference's kernels while f runs. */
function jsCalls(f) {
  let calls = 0;
  const saved = [];
  for (const ops of Object.values(jsBackend.kernels)) {
    for (const m of ['forward', 'derivative', 'backward']) {
      if (typeof ops[m] !== 'function') continue;
      const orig = ops[m];
      saved.push([ops, m, orig]);
      ops[m] = function counted(...args) { calls++; return orig.apply(this, args); };
    }
  }
  try { f(); } finally { for (const [ops, m, orig] of saved) ops[m] = orig; }
  return calls;
}

const preluAlpha = (x) => x.map((_, i) => 0.25 + (i % 3) / 8);

/** One call of each kind's representative on an API, compared with js; returns the js kernel calls. */
const CALLS = {
  relu: (api, x) => api.relu(x),
  'backward.relu': (api, x) => api.backward.relu(x, x),
  // One alpha per element: a scalar alpha (or one of length 1) runs leakyRelu, the linear kind.
  prelu: (api, x) => api.prelu(x, preluAlpha(x)),
  'backward.prelu': (api, x) => api.backward.prelu(x, preluAlpha(x), x).dx,
  sigmoid: (api, x) => api.derivative.sigmoid(x),
  softmax: (api, x) => api.softmax(x),
  'backward.softmax': (api, x) => api.backward.softmax(x, x),
};
const kindOfCall = (name) => routingKind(lib.SPEC.find((s) => s.name === name.replace('backward.', '')),
  name.startsWith('backward.') ? 'backward' : 'forward');

function assertRouted(api, name, x, expectJs, what) {
  let got;
  const calls = jsCalls(() => { got = CALLS[name](api, x); });
  assert.strictEqual(calls, expectJs ? 1 : 0, `${what}: ${name} n=${x.length} ${expectJs ? 'should' : 'should not'} run on js`);
  const want = CALLS[name](lib.backends.js, x.slice());
  assert.strictEqual(firstDifference(got, want), -1, `${what}: ${name} n=${x.length} same bits as js`);
}

describe('small-array routing', () => {
  describe('src/routing.ts', () => {
    it('holds a clean threshold in range for every pair and kind, with its provenance', () => {
      assert.ok(ROUTING_MIN === 0 && ROUTING_MAX >= 64);
      for (const pair of PAIRS) {
        assert.deepStrictEqual(Object.keys(ROUTING.thresholds[pair]).sort(), [...KINDS].sort(), pair);
        for (const kind of KINDS) {
          const t = ROUTING.thresholds[pair][kind];
          assert.ok(Number.isInteger(t) && t >= ROUTING_MIN && t <= ROUTING_MAX, `${pair} ${kind}: ${t}`);
          assert.strictEqual(R.cleanNumber(t), t, `${pair} ${kind}: ${t} is a clean number`);
          const m = ROUTING.measured[pair][kind];
          assert.ok(m === null || m === 'never' || (typeof m === 'number' && m > 0), `${pair} ${kind} measured ${m}`);
        }
      }
      const p = ROUTING.provenance;
      for (const k of ['command', 'date', 'cpu', 'runtime', 'platform', 'type']) assert.ok(typeof p[k] === 'string' && p[k].length > 0, `provenance.${k}`);
      assert.ok(Array.isArray(p.sizes) && p.sizes.every((n) => Number.isInteger(n) && n > 0), 'provenance.sizes');
    });

    it('is what the benchmark\'s writer reads from the source (the build compiled the same table)', () => {
      const text = fs.readFileSync(R.ROUTING_FILE, 'utf8');
      const parsed = R.parseRouting(text);
      assert.deepStrictEqual(parsed.table, JSON.parse(JSON.stringify(ROUTING)));
      assert.strictEqual(parsed.min, ROUTING_MIN);
      assert.strictEqual(parsed.max, ROUTING_MAX);
      // Writing the same table back changes nothing (the writer's format is the file's).
      assert.strictEqual(R.renderRouting(text, parsed.table), text);
    });
  });

  const native = lib.backends.native;
  (native ? describe : describe.skip)('native backend', () => {
    it('SMALL_ARRAY is the file\'s native-over-js thresholds', () => {
      assert.deepStrictEqual({ ...require('../dist/cjs/backends/native.js').SMALL_ARRAY }, { ...ROUTING.thresholds.nativeOverJs });
    });
    for (const name of Object.keys(CALLS)) {
      it(`${name}: below the threshold on js, from it on the addon, and nothing routed when routing is off`, () => {
        const t = ROUTING.thresholds.nativeOverJs[kindOfCall(name)];
        for (const T of [Float32Array, Float64Array]) {
          if (t > 0) assertRouted(native, name, mixedInput(T, t - 1, 3), true, `${T.name} below`);
          if (t > 1) assertRouted(native, name, mixedInput(T, 1, 3), true, `${T.name} n=1`);
          assertRouted(native, name, mixedInput(T, t, 4), false, `${T.name} at`);
          assertRouted(native, name, mixedInput(T, t + 7, 5), false, `${T.name} above`);
          setSmallArrayRouting(false);
          try {
            if (t > 0) assertRouted(native, name, mixedInput(T, t - 1, 6), false, `${T.name} routing off`);
          } finally { setSmallArrayRouting(true); }
        }
      });
    }
    it('the facade on native follows the same thresholds', () => {
      if (lib.getBackend() !== 'native') return;
      const t = ROUTING.thresholds.nativeOverJs.linear;
      if (t > 0) assert.strictEqual(jsCalls(() => lib.relu(new Float32Array(t - 1))), 1);
      assert.strictEqual(jsCalls(() => lib.relu(new Float32Array(t))), 0);
    });
  });

  const wasmApi = lib.backends.wasm;
  (wasmApi ? describe : describe.skip)('wasm backend', () => {
    for (const name of Object.keys(CALLS)) {
      it(`${name}: ordinary arrays below the file's threshold on js, arrays in wasm memory never`, () => {
        const t = ROUTING.thresholds.wasmOverJs[kindOfCall(name)];
        for (const T of [Float32Array, Float64Array]) {
          if (t > 0) assertRouted(wasmApi, name, mixedInput(T, t - 1, 3), true, `${T.name} below`);
          assertRouted(wasmApi, name, mixedInput(T, t, 4), false, `${T.name} at`);
          const n = Math.max(1, t - 1);
          const inside = lib.wasm.alloc(T, n);
          inside.set(mixedInput(T, n, 5));
          try {
            let calls = 0;
            if (name === 'relu') calls = jsCalls(() => wasmApi.relu(inside, { out: inside }));
            else if (name === 'softmax') calls = jsCalls(() => wasmApi.softmax(inside, { out: inside }));
            assert.strictEqual(calls, 0, `${T.name} in wasm memory`);
          } finally { lib.wasm.free(inside); }
          setSmallArrayRouting(false);
          try {
            if (t > 0) assertRouted(wasmApi, name, mixedInput(T, t - 1, 6), false, `${T.name} routing off`);
          } finally { setSmallArrayRouting(true); }
        }
      });
    }

    it('a wasm instance given thresholds routes by kind; one given none routes nothing', () => {
      const bytes = fs.readFileSync(path.join(__dirname, '..', 'dist', 'wasm', `${lib.wasm.build}.wasm`));
      const small = { linear: 8, smooth: 3, rowwise: 16, prelu: 12, preluBackward: 6 };
      const routed = core.wasmBackendFrom(new WebAssembly.Instance(new WebAssembly.Module(bytes), {}), small);
      const plain = core.wasmBackendFrom(new WebAssembly.Instance(new WebAssembly.Module(bytes), {}));
      const api = makeApi(() => routed.backend, () => false);
      const raw = makeApi(() => plain.backend, () => false);
      for (const name of Object.keys(CALLS)) {
        const t = small[kindOfCall(name)];
        assertRouted(api, name, mixedInput(Float32Array, t - 1, 7), true, 'synthetic below');
        assertRouted(api, name, mixedInput(Float32Array, t, 7), false, 'synthetic at');
        assertRouted(raw, name, mixedInput(Float32Array, t - 1, 7), false, 'no thresholds');
      }
      // In its own memory the routed instance runs everything itself.
      const arrays = arraysOf(routed.heap, 'test');
      const x = arrays.alloc(Float32Array, 4);
      x.set([-1, 2, -3, 4]);
      assert.strictEqual(jsCalls(() => api.relu(x, { out: x })), 0);
      assert.deepStrictEqual(Array.from(x), [0, 2, 0, 4]);
    });
  });

  describe('the benchmark\'s writer (bench/report/routing.js)', () => {
    const previous = {
      provenance: { command: 'before' },
      thresholds: {
        nativeOverJs: { linear: 64, smooth: 6, rowwise: 12, prelu: 48, preluBackward: 1 },
        wasmOverJs: { linear: 0, smooth: 0, rowwise: 0, prelu: 0, preluBackward: 0 },
      },
      measured: {
        nativeOverJs: { linear: 60, smooth: 5, rowwise: 11, prelu: 49, preluBackward: 1 },
        wasmOverJs: { linear: null, smooth: null, rowwise: null, prelu: null, preluBackward: null },
      },
    };
    const limits = { min: 0, max: 1024 };
    const summary = (estimates) => ({ functions: estimates.length, neverAhead: estimates.filter((e) => e === null).length, estimates });
    const run = (byKind, over = {}) => ({
      backends: ['native', 'wasm', 'js'], sweep: 'all', nativeUnrouted: true, provenance: { command: 'now' },
      crossovers: { type: 'float32', sizes: [1, 2, 4], byKind }, ...over,
    });

    it('rounds a clean number to the nearest of 1, 2, 3, 4, 6, 8, 12, … on a log scale', () => {
      const ladder = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024];
      for (const c of ladder) assert.strictEqual(R.cleanNumber(c), c);
      assert.strictEqual(R.cleanNumber(0), 0);
      assert.strictEqual(R.cleanNumber(0.4), 0);
      assert.strictEqual(R.cleanNumber(Infinity), Infinity);
      for (let v = 1; v < 4000; v *= 1.07) {
        const c = R.cleanNumber(v);
        // From 2 up, neighbours on the ladder are 1.5× or 4/3× apart: never more than √1.5 away.
        const bound = v >= 2 ? Math.sqrt(1.5) : Math.SQRT2;
        assert.ok(c / v <= bound + 1e-12 && v / c <= bound + 1e-12, `${v} → ${c}`);
        const lower = ladder.filter((x) => x <= v).pop(), upper = ladder.find((x) => x >= v);
        if (lower && upper) assert.ok(c === lower || c === upper, `${v} → ${c} is a neighbour`);
      }
    });

    it('takes the median crossing per kind, never-ahead as +∞, rounds, clamps, and keeps unmeasured kinds', () => {
      const { table, changes } = R.routingFrom(previous, run({
        linear: { nativeOverJs: summary([10, 14, 12]), wasmOverJs: summary([null, 300, null]) },
        smooth: { nativeOverJs: summary([5, null, 5.5, 7]), wasmOverJs: summary([2000, 5000, 3000]) },
        prelu: { nativeOverJs: summary([40]) },
        preluBackward: { wasmOverJs: summary([2.6]) },
        // rowwise: not measured in this run.
      }), limits);
      assert.deepStrictEqual(table.thresholds, {
        // median 12; (5.5 + 7) / 2 = 6.25 → 6; kept; prelu's one crossing 40 → 48; kept
        nativeOverJs: { linear: 12, smooth: 6, rowwise: 12, prelu: 48, preluBackward: 1 },
        // +∞ → max; 3000 → 3072 → clamped; kept; kept; 2.6 → 3
        wasmOverJs: { linear: 1024, smooth: 1024, rowwise: 0, prelu: 0, preluBackward: 3 },
      });
      assert.deepStrictEqual(table.measured, {
        nativeOverJs: { linear: 12, smooth: 6.3, rowwise: null, prelu: 40, preluBackward: null },
        wasmOverJs: { linear: 'never', smooth: 3000, rowwise: null, prelu: null, preluBackward: 2.6 },
      });
      assert.deepStrictEqual(table.provenance, { command: 'now' });
      assert.deepStrictEqual(changes.map((c) => `${c.pair} ${c.kind} ${c.before}→${c.after}`),
        ['nativeOverJs linear 64→12', 'wasmOverJs linear 0→1024', 'wasmOverJs smooth 0→1024', 'wasmOverJs preluBackward 0→3']);
    });

    it('keeps the threshold of a kind measured only in part (fewer function-directions than expected)', () => {
      const { table, kept } = R.routingFrom(previous, run({
        linear: { nativeOverJs: summary([30, 30]), wasmOverJs: summary([20, 20, 20, 20]) },
      }, { expected: { linear: 4, smooth: 2, rowwise: 2 } }), limits);
      assert.strictEqual(table.thresholds.nativeOverJs.linear, 64);
      assert.strictEqual(table.measured.nativeOverJs.linear, null);
      assert.strictEqual(table.thresholds.wasmOverJs.linear, 24);
      assert.deepStrictEqual(kept.find((k) => k.pair === 'nativeOverJs' && k.kind === 'linear'),
        { pair: 'nativeOverJs', kind: 'linear', value: 64, functions: 2, expected: 4 });
    });

    it('falls back to the summary\'s median and counts when it has no per-function estimates', () => {
      const { table } = R.routingFrom(previous, run({
        linear: { nativeOverJs: { functions: 4, neverAhead: 1, medianEstimate: 40 } },
        rowwise: { nativeOverJs: { functions: 3, neverAhead: 2, medianEstimate: 50 } },
      }), limits);
      assert.strictEqual(table.thresholds.nativeOverJs.linear, 48);
      assert.strictEqual(table.thresholds.nativeOverJs.rowwise, 1024);
    });

    it('turns a sweep\'s rows into thresholds end to end (analyze.js crossovers, then the rule)', () => {
      // native's speed grows with n (a fixed call cost), js is flat: native/js = n / 16 crosses at 16.
      const rows = [];
      const nativeSpeed = { 'relu forward': 1, 'sigmoid forward': 4, 'prelu forward': 0.5, 'prelu backward': 100 };
      for (const n of [4, 8, 32, 64]) {
        for (const [fd, k] of Object.entries(nativeSpeed)) {
          const [fn, dir] = fd.split(' ');
          rows.push({ fn, dir, n, impl: 'native-x-unrouted', backend: 'native', variant: 'unrouted', melemPerS: n * k });
          rows.push({ fn, dir, n, impl: 'wasm-simd-copy', backend: 'wasm', melemPerS: n / 2 });
          rows.push({ fn, dir, n, impl: 'js', backend: 'js', melemPerS: 16 });
        }
      }
      const kindOf = (fn, dir) => routingKind(lib.SPEC.find((s) => s.name === fn), dir);
      const cross = crossovers(rows, [4, 8, 32, 64], 'float32', kindOf);
      const { table } = R.routingFrom(previous, run(cross.byKind), limits);
      // relu: n/16 ≥ 1 from 16; sigmoid: 4n/16 from 4 (ahead at every size); prelu forward: n/32
      // from 32, its backward ahead at every size (its own kind); wasm: n/32 from 32.
      assert.deepStrictEqual(table.thresholds.nativeOverJs, { linear: 16, smooth: 4, rowwise: 12, prelu: 32, preluBackward: 4 });
      assert.deepStrictEqual(table.thresholds.wasmOverJs, { linear: 32, smooth: 32, rowwise: 0, prelu: 32, preluBackward: 32 });
    });

    it('refuses a run with a backend missing, native routed, Float64 data or the quick sweep', () => {
      const byKind = { linear: { nativeOverJs: summary([10]) } };
      assert.throws(() => R.routingFrom(previous, run(byKind, { backends: ['native', 'js'] }), limits), /wasm backend was not available/);
      assert.throws(() => R.routingFrom(previous, run(byKind, { backends: ['js'] }), limits), /native and wasm backends were not available/);
      assert.throws(() => R.routingFrom(previous, run(byKind, { nativeUnrouted: false }), limits), /routing on/);
      assert.throws(() => R.routingFrom(previous, run(byKind, { sweep: 'quick' }), limits), /quick sweep/);
      assert.throws(() => R.routingFrom(previous, run(undefined, { crossovers: undefined }), limits), /no crossovers/);
      const f64 = run(byKind);
      f64.crossovers.type = 'float64';
      assert.throws(() => R.routingFrom(previous, f64, limits), /Float32Array/);
    });

    it('rewrites only the table of the module, and leaves the file alone when it refuses', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routing-'));
      const file = path.join(dir, 'routing.ts');
      const text = fs.readFileSync(R.ROUTING_FILE, 'utf8');
      fs.writeFileSync(file, text);
      try {
        const refused = R.writeRouting(run({}, { backends: ['js', 'wasm'] }), file);
        assert.match(refused.join('\n'), /not written: the native backend was not available/);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
        const partial = R.writeRouting(run({ linear: { nativeOverJs: summary([5]) } }, { expected: { linear: 8, smooth: 10, rowwise: 4 } }), file);
        assert.match(partial.join('\n'), /not written: no kind was measured in full/);
        assert.strictEqual(fs.readFileSync(file, 'utf8'), text);
        const lines = R.writeRouting(run({ smooth: { wasmOverJs: summary([7, 9, 8]) } }, { provenance: { command: 'test' } }), file);
        const after = R.parseRouting(fs.readFileSync(file, 'utf8')).table;
        assert.strictEqual(after.thresholds.wasmOverJs.smooth, 8);
        assert.deepStrictEqual(after.provenance, { command: 'test' });
        assert.strictEqual(after.thresholds.nativeOverJs.linear, ROUTING.thresholds.nativeOverJs.linear);
        const before = ROUTING.thresholds.wasmOverJs.smooth;
        assert.match(lines.join('\n'), before === 8 ? /no threshold changed/ : new RegExp(`wasmOverJs smooth: ${before} → 8`));
        const outside = (t) => t.slice(0, t.indexOf('/* routing:data:start */')) + t.slice(t.indexOf('/* routing:data:end */'));
        assert.strictEqual(outside(fs.readFileSync(file, 'utf8')), outside(text));
      } finally { fs.rmSync(dir, { recursive: true, force: true }); }
    });
  });
});
