#!/usr/bin/env node
'use strict';
/*
 * Prints the pinned float32 results of test/f32-pinned.test.js, computed by the C transcription
 * (scripts/f32-kernels.h), independently of the TypeScript:
 *   cc -O2 -ffp-contract=off -msse2 -pthread -o /tmp/f32-sweep scripts/f32-sweep.c -lm
 *   node scripts/f32-pins.js /tmp/f32-sweep
 */
const { execFileSync } = require('child_process');
const bin = process.argv[2] || '/tmp/f32-sweep';
const X = [-1e30, -100, -87.5, -20, -3.0625, -0.765, -0.1, -1e-5, -0, 0, 1e-40, 1e-5, 0.0959, 0.5, 3, 20, 44.37, 86.46];
const CASES = [
  ['sigmoid', {}], ['tanh', {}], ['selu', {}], ['elu', { alpha: 1 }], ['elu', { alpha: 1.7 }],
  ['softplus', { beta: 1, threshold: 20 }], ['softplus', { beta: 2, threshold: 5 }],
  ['softplus', { beta: 0.3, threshold: Infinity }],
];
const f = new Float32Array(1), u = new Uint32Array(f.buffer);
const hex = (v) => { f[0] = v; return '0x' + u[0].toString(16).padStart(8, '0'); };
const input = X.map((x) => hex(x).slice(2)).join('\n') + '\n';
console.log(`const X = [${X.map(hex).join(', ')}];`);
console.log('const PINS = [');
for (const [name, p] of CASES) {
  const args = Object.values(p).map((v) => (v === Infinity ? 'inf' : String(v)));
  for (const d of ['', "'"]) {
    const out = execFileSync(bin, ['--eval', name + d, ...args], { input }).toString().trim().split('\n');
    console.log(`  ['${name}', ${d ? 'true' : 'false'}, ${JSON.stringify(p).replace('null', 'Infinity')}, [${out.map((h) => '0x' + h).join(', ')}]],`);
  }
}
console.log('];');
