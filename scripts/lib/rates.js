'use strict';
// Timing shared by the speed scripts (native-speed, prelu-speed, softmax-speed, wasm-speed...).
// Each function is repeated enough to make one sample last about sampleNs, and the functions are
// sampled in turn, so that clock drift and other jobs on this 2-core machine hit them alike: the
// ratios between them are what these scripts are for.

/** Repetitions of fn that take at least sampleNs (doubling, so one slow first call cannot skew it). */
function repsFor(fn, sampleNs) {
  fn(); // warm: the first call may compile or grow memory
  let reps = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) fn();
    if (Number(process.hrtime.bigint() - t0) >= sampleNs) return reps;
    reps *= 2;
  }
}

function median(values) {
  const s = values.slice().sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * Elements per ns of each fn over n elements: the median of `samples` samples, the functions timed
 * in turns. n may be a number or an array (one element count per function).
 */
function interleavedRates(n, fns, { samples = 9, sampleNs = 20e6 } = {}) {
  const counts = fns.map((_, i) => (Array.isArray(n) ? n[i] : n));
  const reps = fns.map((fn) => repsFor(fn, sampleNs));
  const got = fns.map(() => []);
  for (let s = 0; s < samples; s++) {
    fns.forEach((fn, i) => {
      const t0 = process.hrtime.bigint();
      for (let r = 0; r < reps[i]; r++) fn();
      got[i].push((counts[i] * reps[i]) / Number(process.hrtime.bigint() - t0));
    });
  }
  return got.map(median);
}

module.exports = { interleavedRates, median, repsFor };
