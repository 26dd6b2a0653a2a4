'use strict';
// Replays a file written by scripts/arm64-harness.cpp (see scripts/arm64-check.sh): every case
// through the js reference (dist/) and through the addon on every ISA this machine supports, and
// compares each with the file's outputs (NaN equals NaN whatever its bits). Exit status 1 on any
// difference. Usage: node scripts/arm64-replay.js FILE.bin
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const { SPEC } = require(path.join(root, 'dist/cjs/spec.js'));
const { jsBackend } = require(path.join(root, 'dist/cjs/backends/js.js'));
const addon = require(path.join(root, 'build/Release/simd_activations.node'));

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/arm64-replay.js FILE.bin');
const buf = fs.readFileSync(file);

/** A copy of n elements at byte offset `at` (typed arrays need aligned offsets). */
function take(at, n, f64) {
  const bytes = n * (f64 ? 8 : 4);
  const copy = new Uint8Array(bytes);
  copy.set(buf.subarray(at, at + bytes));
  return f64 ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
}

function records() {
  const out = [];
  let at = 0;
  while (at < buf.length) {
    if (buf.toString('latin1', at, at + 7) !== 'SAREC01') throw new Error(`no record at byte ${at}`);
    const [kind, fn, dir, f64, threads, rank] = [0, 1, 2, 3, 4, 5].map((k) => buf.readInt32LE(at + 8 + 4 * k));
    const p0 = buf.readDoubleLE(at + 32), p1 = buf.readDoubleLE(at + 40);
    const n = Number(buf.readBigUInt64LE(at + 48)), nAlpha = Number(buf.readBigUInt64LE(at + 56));
    at += 64;
    const map = Array.from(take(at, 2 * rank, true));
    at += 16 * rank;
    const el = f64 ? 8 : 4;
    const r = { kind, fn, dir, f64: !!f64, threads, p0, p1, map, n };
    r.x = take(at, n, f64); at += n * el;
    if (dir === 2) { r.dy = take(at, n, f64); at += n * el; }
    if (kind === 2) { r.alpha = take(at, nAlpha, f64); at += nAlpha * el; }
    r.out = take(at, n, f64); at += n * el;
    if (kind === 2 && dir === 2) { r.dalpha = take(at, nAlpha, f64); at += nAlpha * el; }
    out.push(r);
  }
  return out;
}

const DIRS = ['forward', 'derivative', 'backward'];

/** Runs record r through the js reference: [out, dalpha]. */
function runJs(r) {
  const spec = SPEC[r.fn];
  const ops = jsBackend.kernels[spec.name];
  const Arr = r.f64 ? Float64Array : Float32Array;
  const out = new Arr(r.n);
  const dalpha = r.dalpha ? new Arr(r.alpha.length) : undefined;
  if (r.kind === 0) {
    const p = {};
    spec.params.forEach((q, k) => { p[q.name] = k === 0 ? r.p0 : r.p1; });
    if (r.dir === 2) ops.backward(r.x, r.dy, out, p); else ops[DIRS[r.dir]](r.x, out, p);
  } else if (r.kind === 1) {
    const L = { outer: r.map[0], n: r.map[1], inner: r.map[2] };
    if (r.dir === 2) ops.backward(r.x, r.dy, out, L); else ops.forward(r.x, out, L);
  } else {
    const rank = r.map.length / 2;
    const map = { shape: r.map.slice(0, rank), strides: r.map.slice(rank) };
    if (r.dir === 2) ops.backward(r.x, r.alpha, r.dy, out, dalpha, map); else ops[DIRS[r.dir]](r.x, r.alpha, out, map);
  }
  return [out, dalpha];
}

function runAddon(r) {
  const Arr = r.f64 ? Float64Array : Float32Array;
  const out = new Arr(r.n);
  const dalpha = r.dalpha ? new Arr(r.alpha.length) : undefined;
  const dy = r.dy ?? r.x;
  if (r.kind === 0) addon.ew(r.fn, r.dir, r.x, dy, out, r.p0, r.p1, r.threads);
  else if (r.kind === 1) addon.row(r.fn, r.dir === 2 ? 1 : 0, r.x, dy, out, r.map[0], r.map[1], r.map[2], r.threads);
  else addon.prelu(r.fn, r.dir, r.x, r.alpha, dy, out, dalpha ?? r.alpha, new Float64Array(r.map), r.threads);
  return [out, dalpha];
}

/** Differences between a and b, NaN equal to NaN. */
function diffs(a, b) {
  if (!a) return 0;
  const ua = new Uint8Array(a.buffer), ub = new Uint8Array(b.buffer), el = a.BYTES_PER_ELEMENT;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) && Number.isNaN(b[i])) continue;
    for (let k = 0; k < el; k++) {
      if (ua[i * el + k] !== ub[i * el + k]) { d++; break; }
    }
  }
  return d;
}

const recs = records();
addon.setThreads(1, 0);  // calls given threads = 2 split whatever their size
const isas = addon.supportedIsas();
const runners = [['js reference', runJs], ...isas.map((isa) => [`addon ${isa}`, (r) => { addon.setIsa(isa); return runAddon(r); }])];
let bad = 0;
for (const [name, run] of runners) {
  let values = 0, differ = 0;
  for (const r of recs) {
    const [out, dalpha] = run(r);
    const d = diffs(out, r.out) + diffs(dalpha, r.dalpha);
    values += r.n + (dalpha ? dalpha.length : 0);
    if (d) {
      console.log(`  DIFF ${name}: ${SPEC[r.fn].name} ${DIRS[r.dir]} ${r.f64 ? 'Float64' : 'Float32'} p0 ${r.p0} p1 ${r.p1} map [${r.map}] threads ${r.threads}: ${d} values`);
    }
    differ += d;
  }
  console.log(`${name.padEnd(14)} ${recs.length} records, ${values} output values: ${differ ? `${differ} DIFFER` : 'all equal'}`);
  bad += differ;
}
process.exit(bad ? 1 : 0);
