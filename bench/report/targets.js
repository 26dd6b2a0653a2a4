'use strict';
// The speed targets of the native and wasm issues, checked against one run's rows: each target a
// table of measured values, met or not. The rules are the issues' own words:
//  - native, one thread, Float32, out preallocated: relu, leakyRelu, thresholdedRelu, prelu
//    forward ≥ 90% of the copy bandwidth at 64K, 1M and 16M; sigmoid, tanh, elu, selu, softplus,
//    softmax forward ≥ 3 elements/ns at 64K and ≥ 90% of the bandwidth at 16M; every backward
//    within 1.5x of its forward (backward time ≤ 1.5 × forward time); two threads ≥ 1.8x one
//    thread at 16M;
//  - wasm, data in wasm memory: ≥ 1.2x tfjs-wasm's op alone at 64K and 1M; copied in and out:
//    ≥ tfjs-wasm end to end (tensor + op + read).
// A value the run did not measure is shown as – and counts neither way.
const { sizeLabel, num } = require('./format');
const { IS, pick } = require('./analyze');

const K64 = 1 << 16, M1 = 1 << 20, M16 = 1 << 24;
const LINEAR = ['relu', 'leakyRelu', 'thresholdedRelu', 'prelu'];
const SMOOTH = ['sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'softmax'];

/** Native on one thread: the "1 thread" variant row (full runs; native's own row may use two). */
const nativeOne = (rows, fn, dir, n) => pick(rows, fn, dir, n, IS.nativeOneThread);
const nativeDefault = (rows, fn, dir, n) => pick(rows, fn, dir, n, IS.native);
const wasmMem = (rows, fn, dir, n) => pick(rows, fn, dir, n, IS.wasmMemory);
const wasmCopy = (rows, fn, dir, n) => pick(rows, fn, dir, n, IS.wasm);
const peer = (id) => (rows, fn, dir, n) => pick(rows, fn, dir, n, (r) => r.impl === id);

/**
 * One check: value(rows, fn, n) → number (met when >= min), { v, met, note }, or undefined (not
 * measured). Cells print the value with format(v).
 */
function check(rows, fns, sizes, value, min, format) {
  const lines = [];
  let met = 0, missed = 0;
  for (const fn of fns) {
    const cells = sizes.map((n) => {
      // value gives a number, or { v, met, note } where meeting the target is more than v >= min.
      const got = value(rows, fn, n);
      const c = typeof got === 'object' ? got : { v: got, met: got >= min, note: '' };
      if (c.v === undefined || !Number.isFinite(c.v)) return '–';
      if (c.met) met++; else missed++;
      return `${format(c.v)}${c.note} ${c.met ? 'met' : '**no**'}`;
    });
    if (cells.some((c) => c !== '–')) lines.push(`${fn} | ${cells.join(' | ')}`);
  }
  return { lines, met, missed };
}

const pctOf = (r) => (r ? r.pctBandwidth : undefined);
const perNs = (r) => (r ? r.melemPerS / 1000 : undefined);
const over = (a, b) => (a && b ? a.melemPerS / b.melemPerS : undefined);

/** The target checks of a run, as markdown lines (empty when the run has none of the rows). */
function targetLines(result) {
  const { rows } = result;
  const fns = [...new Set(rows.map((r) => r.fn))];
  const has = (list) => list.filter((f) => fns.includes(f));
  const pc = (v) => `${v.toFixed(0)}%`;
  const x = (v) => `×${v.toFixed(2)}`;
  const checks = [
    ['Native, one thread: piecewise-linear forward ≥ 90% of the copy bandwidth', has(LINEAR), [K64, M1, M16],
      (r, fn, n) => pctOf(nativeOne(r, fn, 'forward', n)), 90, pc],
    ['Native, one thread: smooth forward ≥ 3 elements/ns at 64K', has(SMOOTH), [K64],
      (r, fn, n) => perNs(nativeOne(r, fn, 'forward', n)), 3, (v) => num(v)],
    ['Native, one thread: smooth forward ≥ 90% of the copy bandwidth at 16M', has(SMOOTH), [M16],
      (r, fn, n) => pctOf(nativeOne(r, fn, 'forward', n)), 90, pc],
    // forward time × 1.5 ≥ backward time ⇔ backward rate × 1.5 / forward rate ≥ 1
    ['Native, one thread: backward within 1.5x of forward (backward rate × 1.5 ÷ forward rate ≥ 1)', fns, [K64, M1, M16],
      (r, fn, n) => { const f = nativeOne(r, fn, 'forward', n), b = nativeOne(r, fn, 'backward', n); return f && b ? (1.5 * b.melemPerS) / f.melemPerS : undefined; },
      1, x],
    // "Where memory allows": a two-thread row that moves ≥ 90% of the copy's bytes per second is
    // bound by memory, not by threading, and counts as met whatever its ratio.
    ['Native: two threads ≥ 1.8x one thread at 16M (forward), or bound by memory (≥ 90% of the copy)', fns, [M16],
      (r, fn, n) => {
        const two = nativeDefault(r, fn, 'forward', n), v = over(two, nativeOne(r, fn, 'forward', n));
        return v === undefined ? undefined : { v, met: v >= 1.8 || two.pctBandwidth >= 90, note: two.pctBandwidth >= 90 ? ` (${pc(two.pctBandwidth)} of copy)` : '' };
      }, 1.8, x],
    ['Wasm, data in wasm memory: ≥ 1.2x tfjs-wasm\'s op alone (forward)', fns, [K64, M1],
      (r, fn, n) => over(wasmMem(r, fn, 'forward', n), peer('tfjs-wasm-op')(r, fn, 'forward', n)), 1.2, x],
    ['Wasm, copied in and out: ≥ tfjs-wasm end to end (tensor + op + read), forward', fns, [K64, M1],
      (r, fn, n) => over(wasmCopy(r, fn, 'forward', n), peer('tfjs-wasm')(r, fn, 'forward', n)), 1, x],
    ['Wasm, copied in and out: ≥ tfjs-wasm end to end (tensor + op + read), backward', fns, [K64, M1],
      (r, fn, n) => over(wasmCopy(r, fn, 'backward', n), peer('tfjs-wasm')(r, fn, 'backward', n)), 1, x],
  ];
  const L = [];
  let met = 0, missed = 0;
  for (const [title, list, sizes, value, min, format] of checks) {
    const c = check(rows, list, sizes, value, min, format);
    if (!c.lines.length) continue;
    met += c.met; missed += c.missed;
    L.push(`**${title}**`, '');
    L.push(`function | ${sizes.map(sizeLabel).join(' | ')}`);
    L.push(`--- | ${sizes.map(() => '---:').join(' | ')}`);
    L.push(...c.lines, '');
  }
  if (!L.length) return [];
  return ['## Targets', '',
    `The issues' speed targets against this run: ${met} cells met, ${missed} not. Native "one thread" is the 1-thread row; ratios are of medians measured in this run.`,
    '', ...L];
}

module.exports = { targetLines };
