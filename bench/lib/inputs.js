'use strict';
// The inputs every implementation receives: one x (and dy) per type and size, made once by a
// fixed-seed generator, so every row of a case computes the same thing on the same bits.

const ROW = 1024; // softmax rows: a typical class count, a power of two so every size divides
const CHANNELS = 8; // prelu: shape [n / 8, 8], one alpha per channel (the last axis, as ONNX broadcasts)

const cache = new Map();

function fill(T, n, seed, scale) {
  const a = new T(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0; // LCG (Numerical Recipes)
    a[i] = (s / 4294967296 - 0.5) * scale;
  }
  return a;
}

/** x uniform in [-8, 8) (both branches of every kink, the saturating tails of sigmoid and tanh); dy in [-1, 1). */
function data(T, n) {
  const k = `${T.name}:${n}`;
  if (!cache.has(k)) cache.set(k, { x: fill(T, n, 12345, 16), dy: fill(T, n, 777, 2) });
  return cache.get(k);
}

/** Rows × columns seen by each kind of function (elementwise data is one row). */
function layout(spec, n) {
  if (spec.kind === 'rowwise') { const cols = Math.min(n, ROW); return { rows: n / cols, cols }; }
  if (spec.kind === 'prelu') { const cols = n % CHANNELS === 0 ? CHANNELS : 1; return { rows: n / cols, cols }; }
  return { rows: 1, cols: n };
}

function alphaFor(T, cols) {
  return T.from({ length: cols }, (_, c) => 0.25 - 0.02 * c);
}

/** One measured cell: a function, a direction, a size, a type, with its inputs. */
function makeCase(spec, dir, n, type) {
  const T = type === 'float64' ? Float64Array : Float32Array;
  const { x, dy } = data(T, n);
  const lay = layout(spec, n);
  return {
    spec, name: spec.name, dir, n, type, T, x, dy: dir === 'backward' ? dy : undefined,
    rows: lay.rows, cols: lay.cols,
    shape: spec.kind === 'elementwise' ? [n] : [lay.rows, lay.cols],
    alpha: spec.kind === 'prelu' ? alphaFor(T, lay.cols) : undefined,
    // Bytes that must cross the memory bus per element at the least: x in, y out (+ dy in).
    bytesPerElement: T.BYTES_PER_ELEMENT * (dir === 'backward' ? 3 : 2),
  };
}

module.exports = { makeCase, ROW, CHANNELS };
