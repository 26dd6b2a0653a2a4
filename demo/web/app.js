// The interactive page: pick a function, move its parameters and the x-range, see f and f′
// computed by the library (the browser build), and time it on 1M elements per backend.
import * as sa from '/dist/browser/simd-activations.mjs';
import { drawCurve } from './chart.js';

/** Sliders per parameter: range and step (the function's default is the start value). */
const SLIDERS = {
  alpha: { min: -0.5, max: 3, step: 0.01 },
  theta: { min: -3, max: 3, step: 0.05 },
  beta: { min: 0.1, max: 5, step: 0.1 },
  threshold: { min: 1, max: 30, step: 1 },
};
const PRELU_ALPHA = 0.25;
const POINTS = 801;
const $ = (id) => document.getElementById(id);

await sa.ready();
const specs = sa.SPEC.filter((s) => s.kind !== 'rowwise');
/** Parameter values per function (each function starts at the library's defaults). */
const values = {};
/** leakyRelu starts at 0.1 rather than its default 0.01, so that the slope is visible. */
const START = { leakyRelu: { alpha: 0.1 } };
let params = {};

function paramsOf(spec) {
  return spec.kind === 'prelu' ? [{ name: 'alpha', default: PRELU_ALPHA, doc: 'the slope for x < 0 (learnable in layers.PReLU)' }] : spec.params;
}

/** What runs: "wasm SIMD", "wasm scalar" or "js" (the browser build says which wasm it loaded). */
function backendLabel() {
  const name = sa.getBackend();
  if (name !== 'wasm') return name;
  const kind = sa.wasm?.build; // 'simd' or 'scalar', from the package's `wasm` object
  if (kind) return `wasm ${kind === 'simd' ? 'SIMD' : 'scalar'}`;
  // Fall back to the engine's answer: does it validate a module with a v128 instruction?
  const simdProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]);
  return `wasm ${WebAssembly.validate(simdProbe) ? 'SIMD' : 'scalar'}`;
}

function showBackend() {
  const el = $('backend');
  const label = backendLabel();
  el.textContent = `backend: ${label}`;
  el.dataset.state = label.replace(' ', '-').toLowerCase();
  el.title = sa.backendStatus().map((s) => `${s.name}: ${s.available ? 'available' : s.reason}`).join('\n');
}

function buildParamSliders(spec) {
  const box = $('params');
  box.replaceChildren();
  params = values[spec.name] ??= Object.fromEntries(paramsOf(spec).map((p) => [p.name, START[spec.name]?.[p.name] ?? p.default]));
  for (const p of paramsOf(spec)) {
    const r = SLIDERS[p.name];
    const label = document.createElement('label');
    label.title = p.doc;
    const input = Object.assign(document.createElement('input'), { type: 'range', id: p.name, min: r.min, max: r.max, step: r.step });
    input.value = String(params[p.name]);
    const out = Object.assign(document.createElement('output'), { id: `${p.name}-out`, textContent: String(params[p.name]) });
    input.addEventListener('input', () => {
      params[p.name] = Number(input.value);
      out.textContent = input.value;
      redraw();
    });
    label.append(`${p.name} `, input, out);
    box.append(label);
  }
}

function currentSpec() {
  return specs.find((s) => s.name === $('fn').value);
}

/** f and f′ at POINTS values of x in [left, right], by the library, float64. */
function evaluate(spec, from, to) {
  const x = new Float64Array(POINTS);
  for (let i = 0; i < POINTS; i++) x[i] = from + ((to - from) * i) / (POINTS - 1);
  if (spec.kind === 'prelu') return { x, f: sa.prelu(x, params.alpha), df: sa.derivative.prelu(x, params.alpha) };
  const o = {};
  for (const p of spec.params) o[p.name] = params[p.name];
  return { x, f: sa[spec.name](x, o), df: sa.derivative[spec.name](x, o) };
}

function redraw() {
  const spec = currentSpec();
  const from = Number($('xmin').value);
  const to = Number($('xmax').value);
  $('xmin-out').textContent = String(from).replace('-', '\u2212');
  $('xmax-out').textContent = String(to);
  const { x, f, df } = evaluate(spec, from, to);
  // Kept for the curious (and the page test): exactly what was drawn.
  window.demo = { fn: spec.name, params: { ...params }, x, f, df };
  drawCurve($('plot-f'), x, f, '#0072B2', 'curve-f');
  drawCurve($('plot-df'), x, df, '#D55E00', 'curve-df');
  $('formula').textContent = `${spec.formula}; ${spec.derivative}`;
  document.body.dataset.drawn = String(Number(document.body.dataset.drawn ?? 0) + 1);
}

/**
 * The APIs to time: every backend of this module, and, when the browser build runs its SIMD wasm,
 * also its scalar wasm (the same module loaded again with ?wasm=scalar).
 */
async function timedApis() {
  const apis = sa.availableBackends().map((name) => ({ label: name === 'wasm' ? backendLabel() : name, name, api: sa.backends[name] }));
  if (sa.wasm?.build === 'simd') {
    try {
      const scalar = await import('/dist/browser/simd-activations.mjs?wasm=scalar');
      await scalar.ready();
      if (scalar.wasm?.build === 'scalar') apis.splice(1, 0, { label: 'wasm scalar', name: 'wasm-scalar', api: scalar.backends.wasm });
    } catch (e) {
      console.warn('no scalar wasm build to compare with:', e);
    }
  }
  return apis;
}

/** Median time of the function on 1M float32 values with each API. */
async function timeBackends() {
  const button = $('time');
  button.disabled = true;
  const spec = currentSpec();
  const n = 1 << 20;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = -5 + (10 * ((i * 2654435761) % 4294967296)) / 4294967296;
  const out = new Float32Array(n);
  const body = $('timings').tBodies[0];
  body.replaceChildren();
  for (const { label, name, api } of await timedApis()) {
    const o = { out };
    if (spec.kind !== 'prelu') for (const p of spec.params) o[p.name] = params[p.name];
    const run = spec.kind === 'prelu' ? () => api.prelu(x, params.alpha, o) : () => api[spec.name](x, o);
    run();
    const times = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 0));
    }
    times.sort((a, b) => a - b);
    const ms = times[3];
    const row = body.insertRow();
    row.dataset.backend = name;
    row.insertCell().textContent = label;
    row.insertCell().textContent = `${ms.toFixed(2)} ms`;
    row.insertCell().textContent = `${(n / ms / 1e3).toFixed(0)} M`;
  }
  button.disabled = false;
}

for (const s of specs) $('fn').append(new Option(s.name, s.name));
$('fn').value = 'leakyRelu';
$('fn').addEventListener('change', () => { buildParamSliders(currentSpec()); redraw(); });
$('xmin').addEventListener('input', redraw);
$('xmax').addEventListener('input', redraw);
$('time').addEventListener('click', () => { timeBackends().catch((e) => { $('time').disabled = false; console.error(e); }); });
showBackend();
buildParamSliders(currentSpec());
redraw();
document.body.dataset.ready = 'true';
