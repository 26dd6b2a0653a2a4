#!/usr/bin/env node
'use strict';
/*
 * Cross-checks the TypeScript float32 kernels (dist/cjs/reference, after `npm run build`) against
 * the C transcription in scripts/f32-kernels.h bit for bit, on sampled float32 bit patterns:
 *
 *   cc -O2 -ffp-contract=off -msse2 -pthread -o /tmp/f32-sweep scripts/f32-sweep.c -lm
 *   node scripts/f32-crosscheck.js [/tmp/f32-sweep] [count=1000000]
 *
 * Inputs: every (2^32/count)-th bit pattern plus pseudo-random ones and the specials. Prints the
 * number of mismatches per function (NaN == NaN; signed zeros distinct) and exits 1 on any.
 */
const { execFileSync } = require('child_process');
const path = require('path');
const ref = (m) => require(path.join(__dirname, '..', 'dist', 'cjs', 'reference', m));

const bin = process.argv[2] || '/tmp/f32-sweep';
const count = Number(process.argv[3] || 1e6);

const bits = new Uint32Array(count);
let s = 0x9e3779b9;
for (let i = 0; i < count; i++) {
  if (i % 2 === 0) bits[i] = Math.floor((i / count) * 2 ** 32) >>> 0;
  else { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; bits[i] = s; }
}
const specials = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 1, 0x80000001, 0x00800000, 0x3f800000, 0xbf800000];
bits.set(specials, 0);
const xs = new Float32Array(bits.buffer);

const cases = [
  ['sigmoid', ref('sigmoid').sigmoid, 'f32', {}, []],
  ["sigmoid'", ref('sigmoid').sigmoid, 'df32', {}, []],
  ['tanh', ref('tanh').tanh, 'f32', {}, []],
  ["tanh'", ref('tanh').tanh, 'df32', {}, []],
  ['selu', ref('selu').selu, 'f32', {}, []],
  ["selu'", ref('selu').selu, 'df32', {}, []],
  ['elu', ref('elu').elu, 'f32', { alpha: 1 }, [1]],
  ["elu'", ref('elu').elu, 'df32', { alpha: 1 }, [1]],
  ['elu', ref('elu').elu, 'f32', { alpha: Math.fround(1.7) }, [1.7]],
  ["elu'", ref('elu').elu, 'df32', { alpha: Math.fround(1.7) }, [1.7]],
  ['softplus', ref('softplus').softplus, 'f32', { beta: 1, threshold: 20 }, [1, 20]],
  ["softplus'", ref('softplus').softplus, 'df32', { beta: 1, threshold: 20 }, [1, 20]],
  ['softplus', ref('softplus').softplus, 'f32', { beta: Math.fround(0.3), threshold: Infinity }, [0.3, 'inf']],
  ["softplus'", ref('softplus').softplus, 'df32', { beta: Math.fround(0.3), threshold: Infinity }, [0.3, 'inf']],
  ['softplus', ref('softplus').softplus, 'f32', { beta: 2, threshold: 5 }, [2, 5]],
];

const input = Array.from(bits, (b) => b.toString(16)).join('\n') + '\n';
let bad = 0;
const out = new Float32Array(1);
const outBits = new Uint32Array(out.buffer);
for (const [name, k, which, p, args] of cases) {
  const c = execFileSync(bin, ['--eval', name, ...args.map(String)], { input, maxBuffer: 1 << 30 })
    .toString().trim().split('\n').map((h) => parseInt(h, 16) >>> 0);
  let mism = 0, first = -1;
  for (let i = 0; i < count; i++) {
    out[0] = k[which](xs[i], p);
    const a = outBits[0], b = c[i];
    const nanA = (a & 0x7fffffff) > 0x7f800000, nanB = (b & 0x7fffffff) > 0x7f800000;
    if (!(a === b || (nanA && nanB))) { mism++; if (first < 0) first = i; }
  }
  bad += mism;
  console.log(`${name.padEnd(10)} ${JSON.stringify(p).padEnd(36)} ${mism} mismatches of ${count}` +
    (first >= 0 ? ` (first x = ${xs[first]}, 0x${bits[first].toString(16)})` : ''));
}
process.exit(bad ? 1 : 0);
