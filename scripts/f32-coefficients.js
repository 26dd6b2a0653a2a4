#!/usr/bin/env node
'use strict';
/*
 * Derives the float32 polynomial coefficients of src/reference/math32.ts (run: node
 * scripts/f32-coefficients.js). Binary64 arithmetic is ample here: the approximation errors sought
 * are near 2^-30, twenty bits above binary64 rounding.
 *
 * Method: weighted minimax (Remez exchange on a fine grid) of the target with the remaining
 * monomials, then the coefficients are rounded to float32 one at a time from the lowest degree,
 * refitting the higher ones after each rounding so they absorb the rounding of the lower ones.
 *
 *  expm1:  e^r - 1 - r ≈ r^2 (c2 + c3 r + c4 r^2 + c5 r^3 + c6 r^4) on |r| <= R_MAX, error
 *          weighted by 1/e^r (the result is e^r = 1 + r + r^2 P(r); its relative error counts).
 *  log:    2 atanh(s) - 2s ≈ s·(l1 z + l2 z^2 + l3 z^3 + l4 z^4), z = s^2, |s| <= S_MAX, where the
 *          result log(1+f) ≈ 2s: absolute error of R(z) over 2 is its relative error.
 */

const f32 = Math.fround;

/** Solves the square system A x = b (Gaussian elimination with partial pivoting). */
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const m = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= m * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/**
 * Minimax of w(t)·(g(t) - Σ c_j φ_j(t)) over the grid: returns c and the max weighted error.
 * Exchange: the reference set moves to the alternating extrema of the error on the grid.
 */
function remez(grid, g, w, basis) {
  const n = basis.length;
  let ref = [];
  for (let i = 0; i <= n; i++) ref.push(grid[Math.round((i * (grid.length - 1)) / n)]);
  let c = new Array(n).fill(0);
  for (let iter = 0; iter < 60; iter++) {
    const A = ref.map((t, i) => [...basis.map((phi) => phi(t)), (i % 2 ? -1 : 1) / w(t)]);
    const sol = solve(A, ref.map(g));
    c = sol.slice(0, n);
    const err = grid.map((t) => w(t) * (g(t) - basis.reduce((s, phi, j) => s + c[j] * phi(t), 0)));
    // Alternating extrema: one extremum per sign run.
    const ext = [];
    let run = -1;
    for (let i = 0; i < grid.length; i++) {
      if (err[i] === 0) continue;
      if (run < 0 || Math.sign(err[i]) !== Math.sign(err[run])) { ext.push(i); run = i; }
      else if (Math.abs(err[i]) > Math.abs(err[run])) { ext[ext.length - 1] = i; run = i; }
    }
    while (ext.length > n + 1) {
      // Drop the smaller end so the biggest alternating set remains.
      if (Math.abs(err[ext[0]]) < Math.abs(err[ext[ext.length - 1]])) ext.shift(); else ext.pop();
    }
    if (ext.length < n + 1) break;
    const next = ext.map((i) => grid[i]);
    if (next.every((t, i) => t === ref[i])) break;
    ref = next;
  }
  let max = 0;
  for (const t of grid) max = Math.max(max, Math.abs(w(t) * (g(t) - basis.reduce((s, phi, j) => s + c[j] * phi(t), 0))));
  return { c, max };
}

/** Rounds coefficients to float32 lowest degree first, refitting the rest each time. */
function fitRounded(grid, g, w, degrees) {
  const fixed = [];
  const gRest = (t) => g(t) - fixed.reduce((s, [d, c]) => s + c * t ** d, 0);
  for (let i = 0; i < degrees.length; i++) {
    const rest = degrees.slice(i);
    const { c } = remez(grid, gRest, w, rest.map((d) => (t) => t ** d));
    fixed.push([rest[0], f32(c[0])]);
  }
  const poly = (t) => fixed.reduce((s, [d, c]) => s + c * t ** d, 0);
  let max = 0;
  for (const t of grid) max = Math.max(max, Math.abs(w(t) * (g(t) - poly(t))));
  return { coefficients: fixed, max };
}

function grid(lo, hi, n, skipZero) {
  const out = [];
  for (let i = 0; i <= n; i++) {
    const t = lo + ((hi - lo) * i) / n;
    if (!(skipZero && Math.abs(t) < 1e-6)) out.push(t);
  }
  return out;
}

/** e^r - 1 - r by its series (no cancellation). */
function expm1MinusR(r) {
  let term = r * r / 2, s = 0;
  for (let n = 3; Math.abs(term) > 1e-40; n++) { s += term; term *= r / n; }
  return s;
}
/** 2 atanh(s) - 2s by its series. */
function atanhTail(s) {
  let sum = 0, p = s * s * s;
  for (let n = 1; n < 40; n++) { sum += (2 * p) / (2 * n + 1); p *= s * s; }
  return sum;
}

function hex(v) {
  const b = new DataView(new ArrayBuffer(4));
  b.setFloat32(0, v);
  return '0x' + b.getUint32(0).toString(16).padStart(8, '0');
}
function show(name, fit) {
  console.log(`${name}: max weighted error ${fit.max.toExponential(3)} = 2^${Math.log2(fit.max).toFixed(2)}`);
  for (const [d, c] of fit.coefficients) console.log(`  degree ${d}: ${c.toPrecision(9)} (${hex(c)})`);
}

// |r| <= ln2/2 plus the slack of rounding x·(1/ln2) in float32 for |x| <= 110 (≈ 110·2^-24·ln2).
const R_MAX = 0.34658 + 1e-5;
show('expm1 tail r^2·P(r)', fitRounded(grid(-R_MAX, R_MAX, 4000, true), expm1MinusR, (r) => Math.exp(-r), [2, 3, 4, 5, 6]));

// |s| <= 1/5: log1pCore32 takes f = e for e <= 1/2 (s <= 0.5/2.5) and f = e/2 - 1/2 in
// [-1/4, 0) above (|s| <= 1/7); 1/2 rather than sqrt2 - 1 so that e/2 - 1/2 is exact.
const S_MAX = 0.2 + 1e-7;
show('log R(z) with s·R(z) = 2atanh(s) - 2s (error as s·R(z)/(2s))',
  fitRounded(grid(1e-6, S_MAX, 4000, false), (s) => atanhTail(s) / s, () => 0.5, [2, 4, 6, 8]));
