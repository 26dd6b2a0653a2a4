'use strict';
// No leak across 1M native calls: RSS after warm-up vs after 1M synchronous calls (elementwise,
// rowwise, prelu backward) and 100K async calls, with GC forced in between.
//   node --expose-gc scripts/native-leak.js
const lib = require('..');
const nativeModule = require('../dist/cjs/backends/native.js');

if (!lib.availableBackends().includes('native')) {
  console.log('native backend not available:', lib.backendStatus()[0].reason);
  process.exit(0);
}
nativeModule.setSmallArrayRouting(false);
const api = lib.backends.native;
const x = new Float32Array(64).map((_, i) => Math.sin(i));
const dy = x.slice().reverse();
const out = new Float32Array(64);
const alpha = Float32Array.of(0.1, 0.2);

function round(n) {
  for (let i = 0; i < n; i++) {
    api.sigmoid(x, { out });
    api.backward.tanh(x, dy, { out });
    api.softmax(x, { shape: [8, 8], axis: 0, out });
    api.backward.prelu(x, alpha, dy, { shape: [32, 2], axis: 1, out });
    api.elu(x);
  }
}
function rssMB() {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().rss / 2 ** 20;
}

(async () => {
  round(100000);
  const before = rssMB();
  round(1000000);
  const afterSync = rssMB();
  for (let i = 0; i < 100000; i += 100) {
    await Promise.all(Array.from({ length: 100 }, () => lib.async.sigmoid(x)));
  }
  const afterAsync = rssMB();
  console.log(`RSS ${before.toFixed(1)} MB after warm-up, ${afterSync.toFixed(1)} MB after 1M rounds of 5 sync calls, ${afterAsync.toFixed(1)} MB after 100K async calls`);
  if (afterAsync - before > 20) {
    console.error('RSS grew by more than 20 MB: leak?');
    process.exit(1);
  }
})();
