'use strict';
// The loops a user would write by hand with Math.*: the baseline the library must beat or match.
// Same inputs, same preallocated output; accuracy and special values are not their concern.
const SELU_A = 1.6732632423543772, SELU_S = 1.0507009873554805;

function map(f) {
  return (x, out) => { for (let i = 0; i < x.length; i++) out[i] = f(x[i]); };
}

function rows(x, out, n, body) {
  for (let base = 0; base < x.length; base += n) body(base);
}

module.exports = {
  relu: map((v) => Math.max(0, v)),
  leakyRelu: map((v) => (v > 0 ? v : 0.01 * v)),
  prelu: (x, out, alpha, channels) => {
    for (let i = 0; i < x.length; i++) { const v = x[i]; out[i] = v > 0 ? v : alpha[i % channels] * v; }
  },
  thresholdedRelu: map((v) => (v > 1 ? v : 0)),
  elu: map((v) => (v > 0 ? v : Math.exp(v) - 1)),
  selu: map((v) => SELU_S * (v > 0 ? v : SELU_A * (Math.exp(v) - 1))),
  softplus: map((v) => Math.log(1 + Math.exp(v))),
  sigmoid: map((v) => 1 / (1 + Math.exp(-v))),
  tanh: map((v) => Math.tanh(v)),
  softmax: (x, out, n) => rows(x, out, n, (b) => {
    let m = -Infinity;
    for (let j = 0; j < n; j++) m = Math.max(m, x[b + j]);
    let s = 0;
    for (let j = 0; j < n; j++) { const e = Math.exp(x[b + j] - m); out[b + j] = e; s += e; }
    for (let j = 0; j < n; j++) out[b + j] /= s;
  }),
  logSoftmax: (x, out, n) => rows(x, out, n, (b) => {
    let m = -Infinity;
    for (let j = 0; j < n; j++) m = Math.max(m, x[b + j]);
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.exp(x[b + j] - m);
    const l = Math.log(s);
    for (let j = 0; j < n; j++) out[b + j] = x[b + j] - m - l;
  }),
};
