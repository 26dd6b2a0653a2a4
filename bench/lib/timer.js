'use strict';
// benchmark.js does the timing: it calibrates how many calls make one sample long enough for the
// clock, warms up (the calibration cycles run the code before any sample is kept), then samples
// until maxTime. We keep the median and the quartiles of its per-call sample times.
const Benchmark = require('benchmark');

function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/**
 * Times handle.run (sync, or returning a promise when handle.async). Resolves to
 * { seconds (median per call), q1, q3, rme (%), samples } or { error }.
 */
function measure(name, handle, { maxTime, minSamples = 5, minTime = 0.005 }) {
  // minTime null: benchmark.js derives it from the clock's resolution (coarse in browsers).
  const timing = minTime === null ? { maxTime, minSamples } : { maxTime, minSamples, minTime };
  return new Promise((resolve) => {
    const fn = handle.async
      // A plain function with a named argument: benchmark.js reads the argument's name from the source.
      ? function deferredRun(deferred) { handle.run().then(() => deferred.resolve(), (e) => { failure = e; deferred.resolve(); }); }
      : handle.run;
    let failure;
    const bench = new Benchmark(name, fn, {
      ...timing, defer: !!handle.async, initCount: 1,
      onError: (ev) => { failure = ev.target.error; },
      onComplete: () => {
        if (failure || bench.error) { resolve({ error: String((failure || bench.error).message || failure || bench.error) }); return; }
        const s = bench.stats.sample.slice().sort((a, b) => a - b);
        resolve({ seconds: quantile(s, 0.5), q1: quantile(s, 0.25), q3: quantile(s, 0.75), rme: bench.stats.rme, samples: s.length });
      },
    });
    bench.run({ async: !!handle.async });
  });
}

module.exports = { measure };
