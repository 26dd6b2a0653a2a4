'use strict';
// Builds the WebAssembly backend: generates assembly/index.ts (the exports) from the spec table,
// compiles the SIMD and the scalar build with asc, and checks that each has every export the
// loader requires (so a spec function without a wasm kernel fails the build). Needs dist/cjs.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const { SPEC } = require(path.join(root, 'dist/cjs/spec.js'));
const { requiredExports, kernelExport, directionsOf, WASM_TYPES } = require(path.join(root, 'dist/cjs/backends/wasm-exports.js'));

const cap = (s) => s[0].toUpperCase() + s.slice(1);
/** Functions whose reference has a float32-arithmetic path (f32/df32): their Float32 data run kernels/<name>32.ts. */
const hasF32 = (name) => {
  const k = require(path.join(root, `dist/cjs/reference/${name}.js`))[name];
  return Boolean(k && k.f32 && k.df32);
};
const F = { f32: 'f32', f64: 'f64' };

function elementwise(s) {
  const K = cap(s.name);
  const body = {
    // Piecewise-linear kernels run Float32 data on float32 lanes (loop.ts explains why that is exact).
    forward_f32: s.smooth ? `map32<${K}, Forward>(x, out, n, a, b)` : `narrow32<${K}>(false, x, out, n, a, b)`,
    derivative_f32: s.smooth ? `map32<${K}, Derivative>(x, out, n, a, b)` : `narrow32<${K}>(true, x, out, n, a, b)`,
    backward_f32: s.smooth ? `backward32<${K}>(x, dy, out, n, a, b)` : `narrowBackward32<${K}>(x, dy, out, n, a, b)`,
    forward_f64: `map64<${K}, ForwardPrecise>(x, out, n, a, b)`,
    derivative_f64: `map64<${K}, DerivativePrecise>(x, out, n, a, b)`,
    backward_f64: `backward64<${K}>(x, dy, out, n, a, b)`,
  };
  const lines = [`import { ${K} } from './kernels/${s.name}';`];
  if (hasF32(s.name)) {
    // Float32 data of the smooth functions: the float32-arithmetic kernels (loop32.ts).
    lines.push(`import { ${K}32 } from './kernels/${s.name}32';`);
    body.forward_f32 = `mapF32<${K}32, Forward32>(x, out, n, a, b)`;
    body.derivative_f32 = `mapF32<${K}32, Derivative32>(x, out, n, a, b)`;
    body.backward_f32 = `backwardF32<${K}32>(x, dy, out, n, a, b)`;
  }
  for (const t of WASM_TYPES) {
    for (const d of directionsOf(s)) {
      const args = d === 'backward' ? 'x: usize, dy: usize, out: usize' : 'x: usize, out: usize';
      lines.push(`export function ${kernelExport(s.name, d, t)}(${args}, n: i32, a: f64, b: f64): void { ${body[`${d}_${t}`]}; }`);
    }
  }
  return lines;
}

/** Calls fn<F, lane type of the build>(args), returning its value when `ret`. */
const byLane = (fn, t, args, ret = false) => (ret
  ? `return ASC_FEATURE_SIMD ? ${fn}<${F[t]}, v128>(${args}) : ${fn}<${F[t]}, f64>(${args});`
  : `if (ASC_FEATURE_SIMD) ${fn}<${F[t]}, v128>(${args}); else ${fn}<${F[t]}, f64>(${args});`);

function rowwise(s) {
  const fn = (suffix) => `${s.name}${suffix}`;
  const lines = [`import { ${['Forward', 'Backward', 'StreamOut', 'StreamDot', 'StreamBackOut'].map(fn).join(', ')} } from './kernels/${s.name}';`];
  for (const t of WASM_TYPES) {
    lines.push(`export function ${kernelExport(s.name, 'forward', t)}(x: usize, out: usize, outer: i32, n: i32, inner: i32, e: usize, cap: i32): void { ${byLane(fn('Forward'), t, 'x, out, outer, n, inner, e, cap')} }`);
    lines.push(`export function ${kernelExport(s.name, 'backward', t)}(x: usize, dy: usize, out: usize, outer: i32, n: i32, inner: i32, e: usize, terms: usize, cap: i32): void { ${byLane(fn('Backward'), t, 'x, dy, out, outer, n, inner, e, terms, cap')} }`);
    // One segment of one row at a time, for rows longer than the scratch that live outside wasm memory.
    lines.push(`export function ${kernelExport(s.name, 'stream_out', t)}(x: usize, out: usize, len: i32, shift: f64, S: f64, lse: f64, e: usize): void { ${byLane(fn('StreamOut'), t, 'x, out, len, shift, S, lse, e')} }`);
    lines.push(`export function ${kernelExport(s.name, 'stream_dot', t)}(x: usize, dy: usize, len: i32, shift: f64, S: f64, e: usize, terms: usize, g: f64, first: bool): f64 { ${byLane(fn('StreamDot'), t, 'x, dy, len, shift, S, e, terms, g, first', true)} }`);
    lines.push(`export function ${kernelExport(s.name, 'stream_backout', t)}(x: usize, dy: usize, out: usize, len: i32, shift: f64, S: f64, g: f64, e: usize): void { ${byLane(fn('StreamBackOut'), t, 'x, dy, out, len, shift, S, g, e')} }`);
  }
  return lines;
}

/** The row tools the streaming path shares (row maximum, Σ e, log). */
function rowTools() {
  const lines = ["import { rowMaxFrom, lseCountOf, lseOf, lseSumSegment } from './rows';", "import { expSumSegment } from './kernels/softmax';",
    'export function row_lse(c: f64, t: f64): f64 { return lseOf(c, t); }',
    'export function row_lse_count(): f64 { return lseCountOf(); }'];
  for (const t of WASM_TYPES) {
    lines.push(`export function row_max_${t}(x: usize, n: i32, m: f64): f64 { return rowMaxFrom<${F[t]}>(x, n, ${t === 'f32' ? 4 : 8}, m); }`);
    lines.push(`export function row_expsum_${t}(x: usize, len: i32, shift: f64, e: usize, S: f64, first: bool): f64 { ${byLane('expSumSegment', t, `x, len, ${t === 'f32' ? 4 : 8}, shift, e, S, first`, true)} }`);
    lines.push(`export function row_lsesum_${t}(x: usize, len: i32, shift: f64, e: usize, T: f64, first: bool): f64 { ${byLane('lseSumSegment', t, `x, len, ${t === 'f32' ? 4 : 8}, shift, e, T, first`, true)} }`);
  }
  return lines;
}

function prelu(s) {
  const w = `${s.name}Walk`;
  const lines = [`import { ${w}, ${s.name}Init, ${s.name}Finish32, ${s.name}Finish64, FORWARD, DERIVATIVE, BACKWARD } from './kernels/${s.name}';`];
  lines.push(`export function ${s.name}_init(state: usize, slots: i32): void { ${s.name}Init(state, slots); }`);
  for (const t of WASM_TYPES) {
    const walk = 'start: f64, count: f64, map: usize, rank: i32, coords: usize';
    lines.push(`export function ${kernelExport(s.name, 'forward', t)}(x: usize, alpha: usize, out: usize, ${walk}): void { ${w}<${F[t]}>(FORWARD, x, alpha, 0, out, start, count, map, rank, coords, 0, 0, 0, true); }`);
    lines.push(`export function ${kernelExport(s.name, 'derivative', t)}(x: usize, alpha: usize, out: usize, ${walk}): void { ${w}<${F[t]}>(DERIVATIVE, x, alpha, 0, out, start, count, map, rank, coords, 0, 0, 0, true); }`);
    lines.push(`export function ${kernelExport(s.name, 'backward', t)}(x: usize, alpha: usize, dy: usize, out: usize, ${walk}, state: usize, slotLo: f64, slotHi: f64, writeDx: bool): void { ${w}<${F[t]}>(BACKWARD, x, alpha, dy, out, start, count, map, rank, coords, state, <i64>slotLo, <i64>slotHi, writeDx); }`);
    lines.push(`export function ${kernelExport(s.name, 'finish', t)}(state: usize, slots: i32, dalpha: usize): void { ${s.name}Finish${t.slice(1)}(state, slots, dalpha); }`);
  }
  return lines;
}

function generateIndex() {
  const out = [
    '// Generated by scripts/build-wasm.js from the spec table (src/spec.ts); do not edit.',
    "import { Forward, Derivative, ForwardPrecise, DerivativePrecise, map32, map64, backward32, backward64, narrow32, narrowBackward32 } from './loop';",
    "import { Forward32, Derivative32, mapF32, backwardF32 } from './loop32';",
    '',
    '/** Where the static data ends: the JS side lays out scratch and arrays from here. */',
    'export function heap_base(): usize { return __heap_base; }',
  ];
  for (const s of SPEC) {
    out.push('', ...(s.kind === 'elementwise' ? elementwise(s) : s.kind === 'prelu' ? prelu(s) : rowwise(s)));
  }
  if (SPEC.some((s) => s.kind === 'rowwise')) out.push('', ...rowTools());
  fs.writeFileSync(path.join(root, 'assembly/index.ts'), out.join('\n') + '\n');
}

function compile(target) {
  const asc = path.join(root, 'node_modules/assemblyscript/bin/asc.js');
  execFileSync(process.execPath, [asc, 'assembly/index.ts', '--config', 'assembly/asconfig.json', '--target', target],
    { cwd: root, stdio: 'inherit' });
  const file = path.join(root, `dist/wasm/${target}.wasm`);
  const mod = new WebAssembly.Module(fs.readFileSync(file));
  const have = new Set(WebAssembly.Module.exports(mod).map((e) => e.name));
  const missing = requiredExports(SPEC).filter((n) => !have.has(n));
  if (missing.length) throw new Error(`${file} lacks the exports ${missing.join(', ')}`);
  return fs.statSync(file).size;
}

fs.mkdirSync(path.join(root, 'dist/wasm'), { recursive: true });
generateIndex();
for (const target of ['simd', 'scalar']) console.log(`dist/wasm/${target}.wasm: ${compile(target)} bytes`);
