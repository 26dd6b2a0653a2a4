'use strict';
// Backend control: listing, switching, the environment variables, and verify mode catching a
// backend that differs from the reference. Also: the spec table drives every backend's API.
const assert = require('assert');
const { execFileSync } = require('child_process');
const path = require('path');
const { lib, BACKENDS } = require('./helpers');
const registry = require('../dist/cjs/registry.js');

const root = path.join(__dirname, '..');
function runNode(code, env) {
  return execFileSync(process.execPath, ['-e', code], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: 'pipe' });
}

describe('backends', () => {
  // The verify test below stands a broken backend in for 'wasm'; put the real one back (if it loaded).
  const realWasm = registry.loadedBackend('wasm');
  afterEach(() => {
    if (realWasm) registry.registerBackend(realWasm); else registry.unregisterBackend('wasm', 'removed by the test');
    lib.setVerify(false);
    lib.setBackend(BACKENDS[0]);
  });

  it('every function of the spec exists on the facade and on every available backend', () => {
    for (const name of [...BACKENDS, 'facade']) {
      const api = name === 'facade' ? lib : lib.backends[name];
      for (const s of lib.SPEC) {
        assert.strictEqual(typeof api[s.name], 'function', `${name}: ${s.name}`);
        assert.strictEqual(typeof api.backward[s.name], 'function', `${name}: backward.${s.name}`);
        assert.strictEqual(typeof api.derivative[s.name], s.kind === 'rowwise' ? 'undefined' : 'function', `${name}: derivative.${s.name}`);
      }
    }
    for (const b of BACKENDS) {
      const kernels = registry.backendNamed(b).kernels;
      assert.deepStrictEqual(Object.keys(kernels).sort(), lib.FUNCTION_NAMES.slice().sort(), `${b} kernels`);
    }
  });

  it('lists what is available and says why the others are not', () => {
    assert.ok(lib.availableBackends().includes('js'));
    const status = lib.backendStatus();
    assert.deepStrictEqual(status.map((s) => s.name), ['native', 'wasm', 'js']);
    for (const s of status) {
      assert.strictEqual(s.available, lib.availableBackends().includes(s.name));
      if (!s.available) assert.match(s.reason, /\w+/);
    }
    assert.strictEqual(lib.getBackend(), lib.availableBackends()[0], 'the best available backend is the default');
  });

  it('setBackend switches, and refuses unknown or unavailable backends with the reason', () => {
    lib.setBackend('js');
    assert.strictEqual(lib.getBackend(), 'js');
    assert.throws(() => lib.setBackend('gpu'), { name: 'RangeError', message: 'Expected one of native, wasm, js for name but received string "gpu"' });
    for (const s of lib.backendStatus().filter((b) => !b.available)) {
      assert.throws(() => lib.setBackend(s.name), (e) => e.message.includes(s.reason));
    }
  });

  it('SIMD_ACTIVATIONS_BACKEND picks the backend at load; a missing one fails loudly', () => {
    assert.strictEqual(runNode("process.stdout.write(require('.').getBackend())", { SIMD_ACTIVATIONS_BACKEND: 'js' }), 'js');
    assert.throws(() => runNode("require('.')", { SIMD_ACTIVATIONS_BACKEND: 'nonsense' }), /SIMD_ACTIVATIONS_BACKEND/);
  });

  it('SIMD_ACTIVATIONS_VERIFY=1 turns on verify mode at load', () => {
    const code = "const r=require('./dist/cjs/registry.js'); require('.'); process.stdout.write(String(r.verifying()))";
    assert.strictEqual(runNode(code, { SIMD_ACTIVATIONS_VERIFY: '1' }), 'true');
    assert.strictEqual(runNode(code, { SIMD_ACTIVATIONS_VERIFY: '' }), 'false');
  });

  it('verify mode throws on a backend that differs from the reference, naming function, index, input and results', () => {
    const js = registry.backendNamed('js');
    // A deliberately wrong backend: sigmoid off by one ulp at index 5, everything else the reference.
    const broken = { ...js.kernels.sigmoid, forward(x, out, p) { js.kernels.sigmoid.forward(x, out, p); out[5] = out[5] + 2 ** -40; } };
    registry.registerBackend({ name: 'wasm', kernels: { ...js.kernels, sigmoid: broken } });
    lib.setBackend('wasm');
    const x = Float64Array.from({ length: 8 }, (_, i) => i / 4);
    assert.doesNotThrow(() => lib.sigmoid(x), 'without verify the wrong result goes through');
    lib.setVerify(true);
    assert.throws(() => lib.sigmoid(x), {
      message: /^sigmoid on the wasm backend differs from the js reference at index 5: x = 1\.25; wasm gave 0\.77729986117\d+, the reference 0\.7772998611746912$/,
    });
    assert.doesNotThrow(() => lib.tanh(x), 'functions that agree pass');
    const y = x.slice();
    assert.doesNotThrow(() => lib.tanh(y, { out: y }), 'in place is verified against the original input');
  });
});

describe('module formats', () => {
  it('import and require give the same instance (one current backend)', () => {
    const code = "import('simd-activations').then((m) => { const c = require('simd-activations'); process.stdout.write(String(m.sigmoid === c.sigmoid && m.default === c)); })";
    const out = execFileSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: path.join(root, '..') } });
    assert.strictEqual(out, 'true');
  });
});
