'use strict';
// A seeded generator (mulberry32) so that weight initialisation, shuffles and subsamples, and
// therefore whole runs, reproduce exactly.

/** Uniform numbers in [0, 1) from a 32-bit seed. */
function makeRng(seed) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** Standard normal by Box–Muller (one value per call; the pair's second half is dropped for simplicity). */
  const normal = () => {
    const u = 1 - uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  /** A random permutation of 0..n-1 (Fisher–Yates). */
  const permutation = (n) => {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(uniform() * (i + 1));
      const t = p[i]; p[i] = p[j]; p[j] = t;
    }
    return p;
  };
  return { uniform, normal, permutation };
}

module.exports = { makeRng };
