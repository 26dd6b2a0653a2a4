'use strict';
// Float64 accuracy against the arbitrary-precision oracle fixtures (test/fixtures/generate.js):
// every smooth function and derivative within 2 ulp on every backend (the contract's bound).
const assert = require('assert');
const { lib, BACKENDS, ulp64, ulpError } = require('./helpers');
const fixtures = require('./fixtures/f64-oracle.json');

const BOUND = 2;

for (const backendName of BACKENDS) {
  const api = lib.backends[backendName];
  describe(`float64 accuracy against the decimal.js oracle on the ${backendName} backend`, () => {
    for (const name of Object.keys(fixtures)) {
      for (const dir of ['f', 'df']) {
        const label = dir === 'f' ? name : `${name}'`;
        it(`${label} is within ${BOUND} ulp`, () => {
          const rows = fixtures[name][dir];
          const x = Float64Array.from(rows, (r) => r[0]);
          const y = dir === 'f' ? api[name](x) : api.derivative[name](x);
          let worst = 0, at = 0;
          rows.forEach(([xi, hi, lo], i) => {
            const e = ulpError(y[i], hi, lo, ulp64);
            if (e > worst) { worst = e; at = xi; }
          });
          assert.ok(worst <= BOUND, `${label}: ${worst.toFixed(3)} ulp at x = ${at}`);
          assert.ok(rows.length >= 150, 'the fixture covers the function');
        });
      }
    }
  });
}
