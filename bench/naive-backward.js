'use strict';
// The backward passes a user would write by hand with Math.*: dx = dy · f'(x), f' from the
// textbook formula (sigmoid' = s(1 − s), tanh' = 1 − t²). Same inputs and preallocated outputs as
// the library rows; accuracy and special values are not their concern (bench/naive.js has the forwards).
const SELU_A = 1.6732632423543772, SELU_S = 1.0507009873554805;

function map(fp) {
  return (x, dy, out) => { for (let i = 0; i < x.length; i++) out[i] = dy[i] * fp(x[i]); };
}

module.exports = {
  relu: map((v) => (v > 0 ? 1 : 0)),
  leakyRelu: map((v) => (v > 0 ? 1 : 0.01)),
  prelu: (x, dy, out, alpha, channels, dalpha) => {
    dalpha.fill(0);
    for (let i = 0; i < x.length; i++) {
      const v = x[i], c = i % channels;
      if (v > 0) out[i] = dy[i]; else { out[i] = alpha[c] * dy[i]; dalpha[c] += dy[i] * v; }
    }
  },
  thresholdedRelu: map((v) => (v > 1 ? 1 : 0)),
  elu: map((v) => (v > 0 ? 1 : Math.exp(v))),
  selu: map((v) => (v > 0 ? SELU_S : SELU_S * SELU_A * Math.exp(v))),
  softplus: map((v) => 1 / (1 + Math.exp(-v))),
  sigmoid: map((v) => { const s = 1 / (1 + Math.exp(-v)); return s * (1 - s); }),
  tanh: map((v) => { const t = Math.tanh(v); return 1 - t * t; }),
  softmax: (x, dy, out, n) => {
    for (let b = 0; b < x.length; b += n) {
      let m = -Infinity;
      for (let j = 0; j < n; j++) m = Math.max(m, x[b + j]);
      let s = 0;
      for (let j = 0; j < n; j++) { const e = Math.exp(x[b + j] - m); out[b + j] = e; s += e; }
      let dot = 0;
      for (let j = 0; j < n; j++) { out[b + j] /= s; dot += dy[b + j] * out[b + j]; }
      for (let j = 0; j < n; j++) out[b + j] *= dy[b + j] - dot;
    }
  },
  logSoftmax: (x, dy, out, n) => {
    for (let b = 0; b < x.length; b += n) {
      let m = -Infinity;
      for (let j = 0; j < n; j++) m = Math.max(m, x[b + j]);
      let s = 0, sdy = 0;
      for (let j = 0; j < n; j++) { s += Math.exp(x[b + j] - m); sdy += dy[b + j]; }
      for (let j = 0; j < n; j++) out[b + j] = dy[b + j] - (Math.exp(x[b + j] - m) / s) * sdy;
    }
  },
};
